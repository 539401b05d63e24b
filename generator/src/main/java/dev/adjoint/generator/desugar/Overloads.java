package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of a class's methods of one name a call means, as javac decides it for the arguments
 * numeric code passes (JLS 15.12.2, phase 1: no boxing, no varargs): the methods whose parameters
 * accept each argument's type by identity or primitive widening, then the most specific of them.
 * An argument whose type this class cannot tell, or no single most specific method, gives empty:
 * the call is then left as written.
 */
final class Overloads {
    private static final List<String> NUMERIC = List.of("byte", "short", "char", "int", "long", "float", "double");

    private final Rewriter rw;

    Overloads(Rewriter rw) {
        this.rw = rw;
    }

    /** The method of {@code candidates} (same name) that a call with {@code args} invokes. */
    Optional<MethodDeclaration> choose(List<MethodDeclaration> candidates, List<Expression> args) {
        if (candidates.stream().anyMatch(m -> m.getParameters().stream().anyMatch(Parameter::isVarArgs))) {
            return Optional.empty(); // phase 3 (varargs) is not modelled
        }
        List<MethodDeclaration> sameArity = candidates.stream()
                .filter(m -> m.getParameters().size() == args.size())
                .toList();
        if (sameArity.size() <= 1) {
            return sameArity.stream().findFirst();
        }
        List<String> types = new ArrayList<>();
        for (Expression a : args) {
            Optional<String> t = typeOf(a);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            types.add(t.get());
        }
        List<MethodDeclaration> applicable =
                sameArity.stream().filter(m -> accepts(m, types)).toList();
        List<MethodDeclaration> maximal = applicable.stream()
                .filter(m -> applicable.stream().allMatch(o -> o == m || moreSpecific(m, o)))
                .toList();
        return maximal.size() == 1 ? Optional.of(maximal.get(0)) : Optional.empty();
    }

    private static boolean accepts(MethodDeclaration m, List<String> types) {
        for (int i = 0; i < types.size(); i++) {
            if (!widens(types.get(i), m.getParameter(i).getType().asString())) {
                return false;
            }
        }
        return true;
    }

    /** Whether each parameter of {@code m} is accepted by the same parameter of {@code o}. */
    private static boolean moreSpecific(MethodDeclaration m, MethodDeclaration o) {
        for (int i = 0; i < m.getParameters().size(); i++) {
            if (!widens(
                    m.getParameter(i).getType().asString(),
                    o.getParameter(i).getType().asString())) {
                return false;
            }
        }
        return true;
    }

    /** Identity or widening primitive conversion (JLS 5.1.2); arrays only by identity. */
    static boolean widens(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        int f = NUMERIC.indexOf(from);
        int t = NUMERIC.indexOf(to);
        if (f < 0 || t < 0 || t <= f) {
            return false;
        }
        // byte→short→int→long→float→double, char→int...; nothing widens to char, char not to short
        return !to.equals("char") && !(from.equals("char") && to.equals("short"));
    }

    /** The static type of {@code e}, for the forms numeric code passes as arguments. */
    Optional<String> typeOf(Expression e) {
        if (e instanceof EnclosedExpr en) {
            return typeOf(en.getInner());
        }
        Optional<String> literal = dev.adjoint.generator.parse.Literals.type(e);
        if (literal.isPresent()) {
            return literal;
        }
        if (e instanceof CastExpr c) {
            return Optional.of(c.getType().asString());
        }
        if (e.isNameExpr()) {
            return rw.typeOf(e).map(Type::asString);
        }
        if (e instanceof FieldAccessExpr f && f.getNameAsString().equals("length")) {
            return typeOf(f.getScope()).filter(t -> t.endsWith("[]")).map(t -> "int");
        }
        if (e instanceof ArrayAccessExpr a) {
            return typeOf(a.getName()).filter(t -> t.endsWith("[]")).map(t -> t.substring(0, t.length() - 2));
        }
        if (e instanceof UnaryExpr u
                && (u.getOperator() == UnaryExpr.Operator.MINUS || u.getOperator() == UnaryExpr.Operator.PLUS)) {
            return typeOf(u.getExpression()).map(Overloads::promoted);
        }
        if (e instanceof MethodCallExpr m
                && m.getScope().isPresent()
                && List.of("Math", "StrictMath", "java.lang.Math", "java.lang.StrictMath")
                        .contains(m.getScope().get().toString())) {
            return mathResult(m);
        }
        if (e instanceof BinaryExpr b) {
            return switch (b.getOperator()) {
                case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER ->
                    typeOf(b.getLeft())
                            .flatMap(l -> typeOf(b.getRight())
                                    .map(r -> NUMERIC.indexOf(promoted(l)) >= NUMERIC.indexOf(promoted(r))
                                            ? promoted(l)
                                            : promoted(r)))
                            .filter(NUMERIC::contains);
                case LESS, LESS_EQUALS, GREATER, GREATER_EQUALS, EQUALS, NOT_EQUALS, AND, OR -> Optional.of("boolean");
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /**
     * The type of {@code Math.f(...)}: {@code double} for the functions that return it whatever their
     * arguments ({@code Math.tanh(z)}), the promoted type of the arguments for {@code abs}, {@code max}
     * and {@code min}; empty for the others.
     */
    private Optional<String> mathResult(MethodCallExpr m) {
        String name = m.getNameAsString();
        if (dev.adjoint.generator.rules.DerivativeRules.returnsDouble(name)) {
            return Optional.of("double");
        }
        if (!List.of("abs", "max", "min").contains(name) || m.getArguments().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> t = Optional.of("int");
        for (Expression a : m.getArguments()) {
            t = t.flatMap(x -> typeOf(a)
                    .map(Overloads::promoted)
                    .filter(NUMERIC::contains)
                    .map(y -> NUMERIC.indexOf(x) >= NUMERIC.indexOf(y) ? x : y));
        }
        return t;
    }

    /** Unary numeric promotion (JLS 5.6): byte, short and char compute as int. */
    private static String promoted(String t) {
        return NUMERIC.indexOf(t) >= 0 && NUMERIC.indexOf(t) < NUMERIC.indexOf("int") ? "int" : t;
    }
}
