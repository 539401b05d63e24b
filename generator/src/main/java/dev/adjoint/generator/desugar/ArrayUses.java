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
        return Collections.singletonList(
                e instanceof NameExpr || e instanceof ArrayCreationExpr || isRow(e) ? e : null);
    }

    /** Whether {@code e} is a row {@code X[e]} of an array variable. */
    static boolean isRow(Expression e) {
        return e instanceof ArrayAccessExpr a && a.getName() instanceof NameExpr;
    }

    /** The variables among {@link #values}. */
    static List<NameExpr> names(Expression e) {
        return values(e).stream()
                .filter(v -> v instanceof NameExpr)
                .map(v -> (NameExpr) v)
                .toList();
    }

    /**
     * Whether the array {@code q} holds is no longer read once {@code at} has assigned it to
     * another variable: the statements after {@code at} in its block do not name {@code q} before
     * one assigns it anew (not from itself), and none jumps out before that; or, naming it nowhere,
     * the block declares {@code q} (so it ends there, and where a {@code break} or {@code continue}
     * leaves the block).
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
        boolean jumps = false;
        for (Statement s : stmts.subList(k + 1, stmts.size())) {
            if (s instanceof ExpressionStmt es
                    && es.getExpression() instanceof AssignExpr a
                    && a.getTarget() instanceof NameExpr t
                    && t.getNameAsString().equals(q)) {
                // (a break or continue before it would skip it, and q may outlive the block)
                return !jumps
                        && a.getValue().findAll(NameExpr.class).stream()
                                .noneMatch(n -> n.getNameAsString().equals(q))
                        && !(a.getValue() instanceof NameExpr n
                                && n.getNameAsString().equals(q));
            }
            if (names(s, q)) {
                return false;
            }
            // a break or continue leaves the block, where q declared in it ends as it does at the block's end
            jumps |= !s.findAll(BreakStmt.class).isEmpty()
                    || !s.findAll(ContinueStmt.class).isEmpty();
        }
        return stmts.subList(0, k).stream()
                .anyMatch(s -> s instanceof ExpressionStmt es
                        && es.getExpression() instanceof VariableDeclarationExpr v
                        && v.getVariables().stream()
                                .anyMatch(d -> d.getNameAsString().equals(q)));
    }

    static boolean names(Node scope, String q) {
        return scope.findAll(NameExpr.class).stream()
                        .anyMatch(n -> n.getNameAsString().equals(q))
                || scope instanceof NameExpr n && n.getNameAsString().equals(q);
    }

    /** Whether an element of {@code name} is assigned or updated anywhere in the method. */
    static boolean written(MethodDeclaration method, String name) {
        return method.findAll(AssignExpr.class).stream().anyMatch(a -> rootIs(a.getTarget(), name))
                || method.findAll(UnaryExpr.class).stream()
                        .anyMatch(u -> Updates.isUpdate(u.getOperator()) && rootIs(u.getExpression(), name));
    }

    /**
     * Whether the array {@code name} holds, and every row of it, stays as it is through the method:
     * never assigned, written at any depth ({@code X[i][j] = ...}, {@code X[i] = ...}) or iterated
     * by a for-each (whose variable could write a row).
     */
    static boolean neverChanged(MethodDeclaration method, String name) {
        return method.findAll(AssignExpr.class).stream()
                        .noneMatch(a -> innermostIs(a.getTarget(), name)
                                || a.getTarget() instanceof NameExpr n
                                        && n.getNameAsString().equals(name))
                && method.findAll(UnaryExpr.class).stream()
                        .noneMatch(u -> Updates.isUpdate(u.getOperator()) && innermostIs(u.getExpression(), name))
                && method.findAll(com.github.javaparser.ast.stmt.ForEachStmt.class).stream()
                        .noneMatch(fe -> fe.getIterable() instanceof NameExpr n
                                && n.getNameAsString().equals(name));
    }

    private static boolean innermostIs(Expression target, String name) {
        Expression e = target;
        while (e instanceof ArrayAccessExpr a) {
            e = a.getName();
        }
        return e != target && e instanceof NameExpr n && n.getNameAsString().equals(name);
    }

    private static boolean rootIs(Expression target, String name) {
        return target instanceof ArrayAccessExpr a
                && a.getName() instanceof NameExpr n
                && n.getNameAsString().equals(name);
    }

    /** Whether every use of {@code name} is an element, its length, a for-each's array, an assignment's target or a value assigned to a candidate. */
    static boolean usedAsArrays(MethodDeclaration method, String name, java.util.Set<NameExpr> sources) {
        for (NameExpr n : method.getBody().get().findAll(NameExpr.class)) {
            if (!n.getNameAsString().equals(name) || sources.contains(n)) {
                continue;
            }
            Node parent = n.getParentNode().orElse(null);
            boolean ok = parent instanceof ArrayAccessExpr a && a.getName() == n
                    || parent instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                            && f.getNameAsString().equals("length")
                    || parent instanceof com.github.javaparser.ast.stmt.ForEachStmt fe && fe.getIterable() == n
                    || parent instanceof AssignExpr a && a.getTarget() == n;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
