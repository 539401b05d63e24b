package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.Statement;
import dev.adjoint.generator.parse.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Java's order of evaluation, for lowering updates out of expressions ({@link SideEffects}): the
 * reads and updates of an expression in the order Java performs them (JLS 15.7: operands left to
 * right, an assignment's target before its value, each update after its operands), what an update
 * stores into, and where an update may not happen at all.
 */
final class EvaluationOrder {
    private EvaluationOrder() {}

    /**
     * Whether {@code n} is the array of an element that a plain {@code =} stores into ({@code t} in
     * {@code t[3] = (t[0] = x)}): Java evaluates that array reference and the indices first but reads
     * no element, and an update nested in the value changes elements only (array variables are not
     * assigned again), so the target sees no value the update changes. A compound {@code +=} reads
     * its element first, and an index ({@code t[t[0]]}) reads one: those stay reads.
     */
    static boolean namesAssignedElement(NameExpr n) {
        Node at = n;
        while (at.getParentNode().orElse(null) instanceof ArrayAccessExpr a && a.getName() == at) {
            at = a;
        }
        Node element = at;
        return element != n
                && element.getParentNode().orElse(null) instanceof AssignExpr assign
                && assign.getTarget() == element
                && assign.getOperator() == AssignExpr.Operator.ASSIGN;
    }

    /** Whether {@code effect} may not happen when {@code at} runs: under {@code &&}, {@code ||}, {@code ?:} or a lambda. */
    static boolean conditional(Node effect, Statement at) {
        Node child = effect;
        for (Node p = effect.getParentNode().orElse(null);
                p != null && p != at;
                child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof LambdaExpr) {
                return true;
            }
            if (p instanceof ConditionalExpr c && c.getCondition() != child) {
                return true;
            }
            if (p instanceof BinaryExpr b
                    && b.getRight() == child
                    && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code e}'s variable reads and updates in Java's order of evaluation: operands left to right
     * (an assignment's target before its value), each update after its operands; of a {@code switch}
     * expression, only the selector.
     */
    static void evaluationOrder(Node e, List<Node> out) {
        if (e instanceof LambdaExpr) {
            return;
        }
        if (e instanceof SwitchExpr sx) {
            // its cases' statements run when the case is taken, as statements of their own once the switch is lowered
            evaluationOrder(sx.getSelector(), out);
            return;
        }
        if (e instanceof NameExpr n) {
            boolean scope = n.getParentNode()
                    .filter(p -> (p instanceof MethodCallExpr m
                                    && m.getScope().filter(s -> s == n).isPresent())
                            || (p instanceof FieldAccessExpr f && f.getScope() == n))
                    .isPresent();
            if (!scope) {
                out.add(n);
            }
            return;
        }
        for (Node c : e.getChildNodes()) {
            evaluationOrder(c, out);
        }
        if (isEffect(e)) {
            out.add(e);
        }
    }

    static boolean isEffect(Node n) {
        return n instanceof AssignExpr || (n instanceof UnaryExpr u && Updates.isUpdate(u.getOperator()));
    }

    /** The operands of a statement's own update: an element's array and index, the value; not the variable it stores. */
    static List<Expression> operands(Expression effect) {
        List<Expression> out = new ArrayList<>();
        Expression target = effect instanceof AssignExpr a ? a.getTarget() : ((UnaryExpr) effect).getExpression();
        if (!(target instanceof NameExpr)) {
            out.add(target);
        }
        if (effect instanceof AssignExpr a) {
            out.add(a.getValue());
        }
        return out;
    }

    /** What an update stores into: a variable, or an array element. */
    static Expression place(Expression effect) {
        Expression t = effect instanceof AssignExpr a ? a.getTarget() : ((UnaryExpr) effect).getExpression();
        while (t instanceof EnclosedExpr en) {
            t = en.getInner();
        }
        return t;
    }

    /** The variable an update changes: the one it stores into, or the array whose element it stores. */
    static Optional<NameExpr> variable(Expression effect) {
        Expression t = place(effect);
        while (t instanceof ArrayAccessExpr a) {
            t = a.getName();
        }
        return t instanceof NameExpr n ? Optional.of(n) : Optional.empty();
    }
}
