package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.adjoint.generator.parse.Updates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How a method's statements use a whole array variable, for {@link ArrayReassignments}: the arrays
 * an assignment may take, whether an array assigned is handed over (never read again through its
 * old name), whether any element of an array is written.
 */
public final class ArrayUses {
    private ArrayUses() {}

    /** The arrays an assignment may take: a name, a creation, or either branch of {@code c ? v : w}; {@code null} for any other value. */
    public static List<Expression> values(Expression e) {
        while (e instanceof EnclosedExpr en) {
            e = en.getInner();
        }
        if (e instanceof ConditionalExpr c) {
            List<Expression> out = new ArrayList<>(values(c.getThenExpr()));
            out.addAll(values(c.getElseExpr()));
            return out;
        }
        return Collections.singletonList(e instanceof NameExpr || e instanceof ArrayCreationExpr ? e : null);
    }

    /** The variables among {@link #values}. */
    static List<NameExpr> names(Expression e) {
        return values(e).stream().filter(v -> v instanceof NameExpr).map(v -> (NameExpr) v).toList();
    }

    /**
     * Whether the array {@code q} holds is no longer read once {@code at} has assigned it to
     * another variable: the statements after {@code at} in its block do not name {@code q} before
     * one assigns it anew (not from itself), and none jumps out before that; or, naming it nowhere,
     * the block declares {@code q} (so it ends there).
     */
    static boolean handedOver(String q, ExpressionStmt at) {
        if (!(at.getParentNode().orElse(null) instanceof BlockStmt block)) {
            return false;
        }
        List<Statement> stmts = block.getStatements();
        int k = 0;
        while (stmts.get(k) != at) {
            k++;
        }
        for (Statement s : stmts.subList(k + 1, stmts.size())) {
            if (s instanceof ExpressionStmt es && es.getExpression() instanceof AssignExpr a && a.getTarget() instanceof NameExpr t
                    && t.getNameAsString().equals(q)) {
                return a.getValue().findAll(NameExpr.class).stream().noneMatch(n -> n.getNameAsString().equals(q))
                        && !(a.getValue() instanceof NameExpr n && n.getNameAsString().equals(q));
            }
            if (names(s, q) || !s.findAll(BreakStmt.class).isEmpty() || !s.findAll(ContinueStmt.class).isEmpty()) {
                return false;
            }
        }
        return stmts.subList(0, k).stream().anyMatch(s -> s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr v
                && v.getVariables().stream().anyMatch(d -> d.getNameAsString().equals(q)));
    }

    static boolean names(Node scope, String q) {
        return scope.findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(q))
                || scope instanceof NameExpr n && n.getNameAsString().equals(q);
    }

    /** Whether an element of {@code name} is assigned or updated anywhere in the method. */
    static boolean written(MethodDeclaration method, String name) {
        return method.findAll(AssignExpr.class).stream().anyMatch(a -> rootIs(a.getTarget(), name))
                || method.findAll(UnaryExpr.class).stream().anyMatch(u -> Updates.isUpdate(u.getOperator()) && rootIs(u.getExpression(), name));
    }

    private static boolean rootIs(Expression target, String name) {
        return target instanceof ArrayAccessExpr a && a.getName() instanceof NameExpr n && n.getNameAsString().equals(name);
    }

}
