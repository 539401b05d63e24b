package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import java.util.List;

/**
 * Where in a statement a call may be replaced by its helper's body, so that the body runs exactly
 * when and in the order the call would: the expressions a statement evaluates itself, whether a
 * call runs once each time the statement does, and whether it is the statement's whole value.
 */
final class CallSites {
    private CallSites() {}

    /** The expressions {@code s} evaluates before anything nested in it, in order. */
    static List<Expression> ownExpressions(Statement s) {
        if (s instanceof ExpressionStmt e) {
            return e.getExpression() instanceof VariableDeclarationExpr d && d.getVariables().size() > 1 ? List.of() : List.of(e.getExpression());
        }
        if (s instanceof ReturnStmt r) {
            return r.getExpression().stream().toList();
        }
        if (s instanceof IfStmt i) {
            return List.of(i.getCondition());
        }
        if (s instanceof ForEachStmt f) {
            return List.of(f.getIterable());
        }
        return s instanceof SwitchStmt w ? List.of(w.getSelector()) : List.of();
    }

    /** Whether {@code c} runs exactly once whenever {@code s} runs (not under {@code && || ?:}, a switch expression or a lambda). */
    static boolean runsOnce(MethodCallExpr c, Statement s) {
        for (Node n = c.getParentNode().orElse(null); n != null && n != s; n = n.getParentNode().orElse(null)) {
            if (n instanceof ConditionalExpr || n instanceof LambdaExpr || n instanceof SwitchExpr || (n instanceof BinaryExpr b
                    && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} is the whole value of {@code s} (so nothing of {@code s} is evaluated before the call's body runs). */
    static boolean whole(MethodCallExpr c, Statement s) {
        if (s instanceof ReturnStmt r) {
            return r.getExpression().filter(e -> e == c).isPresent();
        }
        if (!(s instanceof ExpressionStmt e)) {
            return false;
        }
        Expression x = e.getExpression();
        if (x == c) {
            return true;
        }
        if (x instanceof VariableDeclarationExpr d) {
            return d.getVariables().get(0).getInitializer().filter(i -> i == c).isPresent();
        }
        return x instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN && a.getValue() == c
                && (a.getTarget() instanceof NameExpr || (a.getTarget() instanceof ArrayAccessExpr t && t.findAll(MethodCallExpr.class).isEmpty()));
    }
}
