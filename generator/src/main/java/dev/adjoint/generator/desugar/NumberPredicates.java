package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Double.isNaN(e)}, {@code isInfinite(e)} and {@code isFinite(e)} (and {@code Float}'s) as
 * the comparisons they are, each evaluating {@code e} once, so that both strategies take them as
 * they take any comparison (a value without derivative, the operand differentiated as usual):
 *
 * <pre>
 * Double.isNaN(e)        !(Math.abs(e) &lt;= Double.POSITIVE_INFINITY)   (false for every number, true for NaN)
 * Double.isInfinite(e)   Math.abs(e) == Double.POSITIVE_INFINITY
 * Double.isFinite(e)     Math.abs(e) &lt;= Double.MAX_VALUE              (false for NaN and both infinities)
 * </pre>
 *
 * {@code Float}'s use {@code Float}'s constants, which {@code Math.abs(float)} compares exactly.
 *
 * <p>Likewise {@code Double.sum(a, b)}, {@code Double.max(a, b)} and {@code Double.min(a, b)} (and
 * {@code Float}'s, {@code Integer}'s and {@code Long}'s), which the JDK defines as {@code a + b},
 * {@code Math.max(a, b)} and {@code Math.min(a, b)}, become those, differentiated as usual; and
 * {@code Integer.compare(a, b)} and {@code Long.compare(a, b)} become
 * {@code (a < b ? -1 : a == b ? 0 : 1)}, what they return. ({@code Double.compare} orders NaN and
 * the zeros its own way, so it is not one of them.)
 */
final class NumberPredicates {
    private NumberPredicates() {}

    static void rewrite(MethodDeclaration m) {
        // innermost first: an outer call's rewrite copies its arguments, rewritten by then
        List<MethodCallExpr> calls = new java.util.ArrayList<>(m.findAll(MethodCallExpr.class));
        java.util.Collections.reverse(calls);
        for (MethodCallExpr c : calls) {
            box(c).ifPresent(box -> c.replace(meaning(c, box)));
            if (boxArithmetic(c)) {
                c.replace(arithmetic(c));
            }
        }
    }

    private static final Set<String> NUMBERS = Set.of(
            "Double",
            "java.lang.Double",
            "Float",
            "java.lang.Float",
            "Integer",
            "java.lang.Integer",
            "Long",
            "java.lang.Long");

    /** The number classes whose {@code compare} is {@code (a < b ? -1 : a == b ? 0 : 1)}. */
    private static final Set<String> INTEGERS = Set.of("Integer", "java.lang.Integer", "Long", "java.lang.Long");

    /**
     * Whether {@code c} is {@code sum}, {@code max} or {@code min} of {@code Double}, {@code Float},
     * {@code Integer} or {@code Long}, or {@code compare} of the last two, of two arguments.
     */
    private static boolean boxArithmetic(MethodCallExpr c) {
        String scope = c.getScope().map(Object::toString).orElse("");
        return c.getArguments().size() == 2
                && NUMBERS.contains(scope)
                && (Set.of("sum", "max", "min").contains(c.getNameAsString())
                        || (c.getNameAsString().equals("compare")
                                && INTEGERS.contains(scope)
                                && c.getArguments().stream().allMatch(NumberPredicates::readsOnly)));
    }

    /** Whether {@code e} may be evaluated twice: it assigns nothing and calls only Math and the number classes. */
    private static boolean readsOnly(Expression e) {
        return e.findFirst(com.github.javaparser.ast.Node.class, EvaluationOrder::isEffect)
                        .isEmpty()
                && e.findAll(MethodCallExpr.class).stream()
                        .allMatch(c -> c.getScope()
                                .map(Object::toString)
                                .filter(sc -> NUMBERS.contains(sc) || sc.equals("Math") || sc.equals("StrictMath"))
                                .isPresent());
    }

    /** {@code (a + b)}, {@code Math.max(a, b)} or {@code Math.min(a, b)} for {@code c}, at {@code c}'s place. */
    private static Expression arithmetic(MethodCallExpr c) {
        Expression a = c.getArgument(0).clone();
        Expression b = c.getArgument(1).clone();
        Expression out = switch (c.getNameAsString()) {
            case "sum" -> new EnclosedExpr(new BinaryExpr(a, b, BinaryExpr.Operator.PLUS));
            case "compare" ->
                new EnclosedExpr(new com.github.javaparser.ast.expr.ConditionalExpr(
                        new BinaryExpr(a, b, BinaryExpr.Operator.LESS),
                        new com.github.javaparser.ast.expr.IntegerLiteralExpr("-1"),
                        new com.github.javaparser.ast.expr.ConditionalExpr(
                                new BinaryExpr(a.clone(), b.clone(), BinaryExpr.Operator.EQUALS),
                                new com.github.javaparser.ast.expr.IntegerLiteralExpr("0"),
                                new com.github.javaparser.ast.expr.IntegerLiteralExpr("1"))));
            default -> new MethodCallExpr(new NameExpr("Math"), c.getNameAsString(), NodeList.nodeList(a, b));
        };
        c.getRange()
                .ifPresent(r -> out.walk(n -> {
                    if (n.getRange().isEmpty()) {
                        n.setRange(r);
                    }
                }));
        return out;
    }

    /** Whether {@link #rewrite} replaces {@code c} by what it computes (a helper calling it may be inlined). */
    static boolean rewrites(MethodCallExpr c) {
        return box(c).isPresent() || boxArithmetic(c);
    }

    /** {@code "Double"} or {@code "Float"} for such a call, else empty. */
    private static Optional<String> box(MethodCallExpr c) {
        String box = switch (c.getScope().map(Object::toString).orElse("")) {
            case "Double", "java.lang.Double" -> "Double";
            case "Float", "java.lang.Float" -> "Float";
            default -> "";
        };
        boolean predicate = c.getArguments().size() == 1
                && (c.getNameAsString().equals("isNaN")
                        || c.getNameAsString().equals("isInfinite")
                        || c.getNameAsString().equals("isFinite"));
        return predicate && !box.isEmpty() ? Optional.of(box) : Optional.empty();
    }

    private static Expression meaning(MethodCallExpr c, String box) {
        Expression arg = c.getArgument(0).clone();
        c.getArgument(0).getRange().ifPresent(r -> arg.walk(n -> n.setRange(r)));
        MethodCallExpr abs = new MethodCallExpr(new NameExpr("Math"), "abs", NodeList.nodeList(arg));
        Expression out = switch (c.getNameAsString()) {
            case "isNaN" ->
                new UnaryExpr(
                        new EnclosedExpr(new BinaryExpr(
                                abs, constant(box, "POSITIVE_INFINITY"), BinaryExpr.Operator.LESS_EQUALS)),
                        UnaryExpr.Operator.LOGICAL_COMPLEMENT);
            case "isInfinite" -> new BinaryExpr(abs, constant(box, "POSITIVE_INFINITY"), BinaryExpr.Operator.EQUALS);
            default -> new BinaryExpr(abs, constant(box, "MAX_VALUE"), BinaryExpr.Operator.LESS_EQUALS);
        };
        // a comparison inside a larger expression keeps the call's precedence
        Expression whole = new EnclosedExpr(out);
        c.getRange()
                .ifPresent(r -> whole.walk(n -> {
                    if (n.getRange().isEmpty()) {
                        n.setRange(r);
                    }
                }));
        return whole;
    }

    private static FieldAccessExpr constant(String box, String name) {
        return new FieldAccessExpr(new NameExpr(box), name);
    }
}
