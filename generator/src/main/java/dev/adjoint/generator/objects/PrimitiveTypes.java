package dev.adjoint.generator.objects;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The primitive type of an expression as Java gives it (JLS 5.6's promotions), for the few shapes
 * whose type is plain from the text: literals, variables of known type, casts, arithmetic, {@code ?:}
 * and {@code Math}'s functions. Inlining uses it to write a conversion only where one changes the
 * value (an {@code int} read where a {@code double} parameter stood), since javac warns about the
 * others. Empty when the type is not plain: the caller then converts anyway.
 */
final class PrimitiveTypes {
    private PrimitiveTypes() {}

    /** The type of {@code e} ("double", "int", ...), given the types of the names it reads. */
    static Optional<String> of(Expression e, Function<String, Optional<String>> names) {
        return of(e, names, m -> Optional.empty());
    }

    /** The same, given also the result types of the calls it makes. */
    static Optional<String> of(
            Expression e, Function<String, Optional<String>> names, Function<MethodCallExpr, Optional<String>> calls) {
        if (e instanceof EnclosedExpr en) {
            return of(en.getInner(), names, calls);
        }
        Optional<String> literal = dev.adjoint.generator.parse.Literals.type(e);
        if (literal.isPresent()) {
            return literal;
        }
        if (e instanceof CastExpr c && c.getType().isPrimitiveType()) {
            return Optional.of(c.getType().asString());
        }
        if (e instanceof NameExpr n) {
            return names.apply(n.getNameAsString());
        }
        if (e instanceof UnaryExpr u) {
            return u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT
                    ? Optional.of("boolean")
                    : of(u.getExpression(), names, calls).map(t -> promote(t, t));
        }
        if (e instanceof BinaryExpr b) {
            return switch (b.getOperator()) {
                case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER ->
                    of(b.getLeft(), names, calls)
                            .flatMap(l -> of(b.getRight(), names, calls).map(r -> promote(l, r)));
                case OR, AND, EQUALS, NOT_EQUALS, LESS, LESS_EQUALS, GREATER, GREATER_EQUALS -> Optional.of("boolean");
                default -> Optional.empty();
            };
        }
        if (e instanceof ConditionalExpr c) {
            Optional<String> l = of(c.getThenExpr(), names, calls);
            Optional<String> r = of(c.getElseExpr(), names, calls);
            if (l.isEmpty() || r.isEmpty()) {
                return Optional.empty();
            }
            boolean numeric = !l.get().equals("boolean") && !r.get().equals("boolean");
            return l.equals(r) ? l : numeric ? Optional.of(promote(l.get(), r.get())) : Optional.empty(); // (JLS 15.25)
        }
        if (e instanceof MethodCallExpr m
                && m.getScope()
                        .filter(s -> s instanceof NameExpr n
                                && (n.getNameAsString().equals("Math")
                                        || n.getNameAsString().equals("StrictMath")))
                        .isPresent()
                && dev.adjoint.generator.rules.DerivativeRules.returnsDouble(m.getNameAsString())) {
            return Optional.of("double");
        }
        if (e instanceof MethodCallExpr m) {
            return calls.apply(m);
        }
        return Optional.empty();
    }

    /** Binary numeric promotion of two primitive types' names (anything narrower than int is int). */
    static String promote(String a, String b) {
        for (String wide : List.of("double", "float", "long")) {
            if (a.equals(wide) || b.equals(wide)) {
                return wide;
            }
        }
        return "int";
    }
}
