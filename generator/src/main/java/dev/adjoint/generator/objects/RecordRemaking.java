package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the generated code may make a record again from its components: where a differentiated
 * method passes a record on to a {@code @Differentiable} method, the generated code calls that
 * method for its value with {@code new Params(p_k, p_c)}, which runs the record's canonical
 * constructor once more. That gives back the same record only when the constructor stores its
 * arguments as they are: the implicit one, or a compact one that only checks them ({@code if (k <= 0)
 * throw ...}, a static check of the record that only reads an array, {@code requireLength("w", w, 3)})
 * or copies an array component ({@code w = w.clone();}). One that changes them ({@code value = value /
 * 100;}, an array component written or handed to another method) would change the components a second
 * time, and the callee would see other values than the method's.
 */
final class RecordRemaking {
    private RecordRemaking() {}

    /** Why {@code d} cannot be made again from its components, or null when it can. */
    static String whyNot(RecordDeclaration d) {
        List<String> types =
                d.getParameters().stream().map(p -> p.getType().asString()).toList();
        for (ConstructorDeclaration k : d.getConstructors()) {
            if (k.getParameters().stream()
                    .map(p -> p.getType().asString())
                    .toList()
                    .equals(types)) {
                return "record " + d.getNameAsString() + " declares its canonical constructor (line " + line(k)
                        + "), which may change its arguments";
            }
        }
        Set<String> components =
                d.getParameters().stream().map(Parameter::getNameAsString).collect(Collectors.toSet());
        Set<String> arrays = d.getParameters().stream()
                .filter(p -> p.getType().isArrayType())
                .map(Parameter::getNameAsString)
                .collect(Collectors.toSet());
        for (CompactConstructorDeclaration k : d.getCompactConstructors()) {
            String start = "record " + d.getNameAsString() + "'s compact constructor ";
            for (AssignExpr a : k.findAll(AssignExpr.class)) {
                if (!isCopy(a) && changes(a.getTarget(), components)) {
                    return start + "assigns '" + a.getTarget() + "' (line " + line(a) + ")";
                }
            }
            for (UnaryExpr u : k.findAll(UnaryExpr.class)) {
                if (isUpdate(u) && changes(u.getExpression(), components)) {
                    return start + "updates '" + u.getExpression() + "' (line " + line(u) + ")";
                }
            }
            for (Expression e : k.findAll(Expression.class)) {
                List<Expression> args = e instanceof MethodCallExpr c
                        ? c.getArguments()
                        : e instanceof ObjectCreationExpr n ? n.getArguments() : List.of();
                for (Expression arg : args) {
                    if (arg instanceof NameExpr n && arrays.contains(n.getNameAsString()) && !readsOnly(d, e)) {
                        return start + "hands its array '" + n + "' to '" + e + "' (line " + line(e)
                                + "), which may write it";
                    }
                }
            }
        }
        return null;
    }

    /** Whether assigning or updating {@code target} may change a component: a component's name, an element, a field. */
    private static boolean changes(Expression target, Set<String> components) {
        return !(target instanceof NameExpr n) || components.contains(n.getNameAsString());
    }

    private static boolean isUpdate(UnaryExpr u) {
        return u.getOperator().isPostfix()
                || u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                || u.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT;
    }

    /** {@code w = w.clone();}: a defensive copy, the same values in an array of the record's own. */
    private static boolean isCopy(AssignExpr a) {
        return a.getOperator() == AssignExpr.Operator.ASSIGN
                && a.getTarget() instanceof NameExpr t
                && a.getValue() instanceof MethodCallExpr c
                && c.getNameAsString().equals("clone")
                && c.getArguments().isEmpty()
                && c.getScope()
                        .filter(x -> x instanceof NameExpr n && n.getName().equals(t.getName()))
                        .isPresent();
    }

    /**
     * Whether {@code e} calls, unqualified, the one static method of its name that the record declares, and
     * that method assigns and updates nothing and calls nothing ({@code requireLength("w", w, 3)}: a check that
     * reads the array and may throw).
     */
    private static boolean readsOnly(RecordDeclaration d, Expression e) {
        if (!(e instanceof MethodCallExpr c) || c.getScope().isPresent()) {
            return false;
        }
        List<MethodDeclaration> ms = d.getMethodsByName(c.getNameAsString());
        if (ms.size() != 1 || !ms.get(0).isStatic() || ms.get(0).getBody().isEmpty()) {
            return false;
        }
        Node body = ms.get(0).getBody().get();
        return body.findAll(AssignExpr.class).isEmpty()
                && body.findAll(UnaryExpr.class).stream().noneMatch(RecordRemaking::isUpdate)
                && body.findAll(MethodCallExpr.class).isEmpty();
    }

    private static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }
}
