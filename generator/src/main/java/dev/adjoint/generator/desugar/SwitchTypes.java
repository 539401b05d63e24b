package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The static types of the values a {@code switch} expression and what is evaluated around it
 * yield, for the locals {@link SwitchHoisting} and {@link EarlierOperands} declare: a switch's type
 * is the numeric promotion of its results (JLS 15.28.1), an operator's the binary promotion of its
 * operands (JLS 5.6), a {@code Math} function's its own, written {@code Math.tanh} or, under
 * {@code import static java.lang.Math.*}, {@code tanh}. Empty wherever the forms do not tell it.
 */
final class SwitchTypes {
    /** The numeric types a switch's results promote to, narrowest first. */
    private static final List<String> PROMOTED = List.of("int", "long", "float", "double");
    /** {@code Math} functions whose result has the promoted type of their arguments. */
    private static final Set<String> ARGUMENT_RESULT =
            Set.of("abs", "max", "min", "signum", "copySign", "fma", "clamp");

    private final Rewriter rw;
    private final Overloads types;
    /** Whether {@code Math.name(...)} may be written {@code name(...)} (a static import no method of the class hides). */
    private final Predicate<String> importsMath;
    /** Whether {@code Math.name} may be written {@code name} (a static import). */
    private final Predicate<String> importsMathField;

    SwitchTypes(Rewriter rw, Overloads types, Predicate<String> importsMath, Predicate<String> importsMathField) {
        this.rw = rw;
        this.types = types;
        this.importsMath = importsMath;
        this.importsMathField = importsMathField;
    }

    /** Whether {@code m} calls a function of {@code Math} or {@code StrictMath} (which change nothing). */
    boolean isMath(MethodCallExpr m) {
        if (m.getScope().isEmpty()) {
            return importsMath.test(m.getNameAsString());
        }
        String scope = m.getScope().get().toString();
        return scope.equals("Math")
                || scope.equals("StrictMath")
                || scope.equals("java.lang.Math")
                || scope.equals("java.lang.StrictMath");
    }

    /** The type of {@code sx}, from its results' types: empty where they do not tell it. */
    Optional<String> type(SwitchExpr sx) {
        List<Expression> results = new ArrayList<>();
        for (SwitchEntry e : sx.getEntries()) {
            Statement only = e.getStatements().get(0);
            if (e.getType() == SwitchEntry.Type.EXPRESSION) {
                results.add(((ExpressionStmt) only).getExpression());
            } else if (e.getType() == SwitchEntry.Type.BLOCK) {
                BlockStmt b = (BlockStmt) only;
                results.add(((YieldStmt) b.getStatements().get(b.getStatements().size() - 1)).getExpression());
            }
        }
        List<Optional<String>> each = results.stream().map(this::resultType).toList();
        if (!each.isEmpty()
                && each.stream().allMatch(t -> t.filter("boolean"::equals).isPresent())) {
            return Optional.of("boolean");
        }
        if (each.isEmpty()
                || each.stream()
                        .anyMatch(t -> t.filter(x -> !PROMOTED.contains(x)
                                        && !x.equals("byte")
                                        && !x.equals("short")
                                        && !x.equals("char"))
                                .isPresent())) {
            return Optional.empty();
        }
        if (each.stream().anyMatch(Optional::isEmpty)) {
            // any double result makes the switch double, whatever the others are
            return each.stream().anyMatch(t -> t.filter("double"::equals).isPresent())
                    ? Optional.of("double")
                    : Optional.empty();
        }
        List<String> known = each.stream().map(Optional::get).distinct().toList();
        if (known.size() == 1) {
            return Optional.of(known.get(0));
        }
        // byte, short and char mixed with others follow rules on constants (JLS 15.28.1): not guessed
        return known.stream().allMatch(PROMOTED::contains)
                ? known.stream().reduce(SwitchTypes::wider)
                : Optional.empty();
    }

    /** The static type of {@code e}, for the forms numeric code writes; empty where it cannot tell. */
    Optional<String> resultType(Expression e) {
        if (e instanceof EnclosedExpr en) {
            return resultType(en.getInner());
        }
        if (e instanceof SwitchExpr inner) {
            return type(inner);
        }
        if (e instanceof ConditionalExpr c) {
            return resultType(c.getThenExpr())
                    .flatMap(a ->
                            resultType(c.getElseExpr()).flatMap(b -> a.equals(b) ? Optional.of(a) : numeric(a, b)));
        }
        if (e instanceof UnaryExpr u
                && (u.getOperator() == UnaryExpr.Operator.MINUS || u.getOperator() == UnaryExpr.Operator.PLUS)) {
            return resultType(u.getExpression()).flatMap(a -> numeric(a, "int"));
        }
        if (e instanceof BinaryExpr b
                && switch (b.getOperator()) {
                    case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER -> true;
                    default -> false;
                }) {
            Optional<String> l = resultType(b.getLeft());
            Optional<String> r = resultType(b.getRight());
            if (l.filter("double"::equals).isPresent()
                    || r.filter("double"::equals).isPresent()) {
                return Optional.of("double"); // a double operand makes the operation double, whatever the other number
            }
            return l.flatMap(x -> r.flatMap(y -> numeric(x, y)));
        }
        if (e instanceof NameExpr n
                && (n.getNameAsString().equals("PI") || n.getNameAsString().equals("E"))
                && rw.typeOf(n).isEmpty()
                && importsMathField.test(n.getNameAsString())) {
            return Optional.of("double"); // a statically imported Math.PI, no variable of that name
        }
        if (e instanceof FieldAccessExpr f
                && f.getScope() instanceof NameExpr m
                && (m.getNameAsString().equals("Math") || m.getNameAsString().equals("StrictMath"))
                && (f.getNameAsString().equals("PI") || f.getNameAsString().equals("E"))) {
            return Optional.of("double");
        }
        if (e instanceof MethodCallExpr m && isMath(m)) {
            if (dev.adjoint.generator.rules.DerivativeRules.returnsDouble(m.getNameAsString())) {
                return Optional.of("double");
            }
            if (ARGUMENT_RESULT.contains(m.getNameAsString())
                    && m.getArguments().isNonEmpty()) {
                Optional<String> t = Optional.of("int");
                for (Expression a : m.getArguments()) {
                    t = t.flatMap(x -> resultType(a).flatMap(y -> numeric(x, y)));
                }
                return t;
            }
            return Optional.empty();
        }
        return types.typeOf(e);
    }

    /** Binary numeric promotion (JLS 5.6) of two numeric types; empty for anything else. */
    static Optional<String> numeric(String a, String b) {
        String pa = List.of("byte", "short", "char").contains(a) ? "int" : a;
        String pb = List.of("byte", "short", "char").contains(b) ? "int" : b;
        return PROMOTED.contains(pa) && PROMOTED.contains(pb) ? Optional.of(wider(pa, pb)) : Optional.empty();
    }

    private static String wider(String a, String b) {
        return PROMOTED.indexOf(a) >= PROMOTED.indexOf(b) ? a : b;
    }

    /** The type named {@code name} as a tree node. */
    static PrimitiveType primitive(String name) {
        return switch (name) {
            case "double" -> PrimitiveType.doubleType();
            case "float" -> PrimitiveType.floatType();
            case "long" -> PrimitiveType.longType();
            case "short" -> PrimitiveType.shortType();
            case "byte" -> PrimitiveType.byteType();
            case "char" -> PrimitiveType.charType();
            case "boolean" -> PrimitiveType.booleanType();
            default -> PrimitiveType.intType();
        };
    }
}
