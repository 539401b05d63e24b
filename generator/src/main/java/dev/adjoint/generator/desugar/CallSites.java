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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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
            return e.getExpression() instanceof VariableDeclarationExpr d
                            && d.getVariables().size() > 1
                    ? List.of()
                    : List.of(e.getExpression());
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
        for (Node n = c.getParentNode().orElse(null);
                n != null && n != s;
                n = n.getParentNode().orElse(null)) {
            if (n instanceof ConditionalExpr
                    || n instanceof LambdaExpr
                    || n instanceof SwitchExpr
                    || (n instanceof BinaryExpr b
                            && (b.getOperator() == BinaryExpr.Operator.AND
                                    || b.getOperator() == BinaryExpr.Operator.OR))) {
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
        return x instanceof AssignExpr a
                && a.getOperator() == AssignExpr.Operator.ASSIGN
                && a.getValue() == c
                && (a.getTarget() instanceof NameExpr
                        || (a.getTarget() instanceof ArrayAccessExpr t
                                && t.findAll(MethodCallExpr.class).isEmpty()));
    }

    /**
     * {@code s} split so that no call but {@code Math}'s and no array element comes before {@code c}
     * in Java's order: each operand {@code s} evaluates wholly before the call (a left operand, an
     * earlier argument of a {@code Math} call) that calls a method or reads an element moves, in
     * order, into a fresh local declared with {@code var} before {@code s} (its type is the operand's,
     * as javac infers it); then the call's body may run before the rest of {@code s}
     * ({@link #firstToReadArrays}), and every call still runs once, in its order
     * ({@code return -mean() + 0.5 * variance() + penalty();}). Empty, {@code s} unchanged, where
     * nothing needs to move or something else comes first (a compound assignment to an element, an
     * element target whose index calls or reads, the arguments of a call that stays a call).
     */
    static Optional<List<Statement>> earlierIntoLocals(
            MethodCallExpr c, Statement s, Rewriter rw, Predicate<MethodCallExpr> isMath) {
        Optional<Before> before = before(c, s, isMath);
        if (before.isEmpty() || before.get().kept().stream().anyMatch(e -> readsOrCalls(e, isMath))) {
            return Optional.empty();
        }
        List<Statement> out = new ArrayList<>();
        for (Expression e : before.get().movable().stream()
                .filter(e -> readsOrCalls(e, isMath))
                .toList()) {
            String local = rw.fresh("operand");
            out.add(rw.statement("var #v# = $e;", Map.of("#v#", local), Map.of("$e", e), e));
            NameExpr use = new NameExpr(local);
            e.getRange().ifPresent(use::setRange);
            e.replace(use);
        }
        if (out.isEmpty()) {
            return Optional.empty();
        }
        out.add(s);
        return Optional.of(out);
    }

    /**
     * What {@code s} evaluates wholly before {@code c}, in Java's order: operands that may move into
     * locals before {@code s} (left operands, earlier arguments of a {@code Math} call, outer ones
     * first), and what must stay (a compound assignment's target, an element target's index). Empty
     * when {@code s} is not an expression statement or a {@code return}, or {@code c} stands inside
     * something else (another call's arguments, a conditional).
     */
    private static Optional<Before> before(MethodCallExpr c, Statement s, Predicate<MethodCallExpr> isMath) {
        if (!(s instanceof ExpressionStmt || s instanceof ReturnStmt)) {
            return Optional.empty();
        }
        List<Expression> movable = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        Node child = c;
        for (Node p = c.getParentNode().orElse(null);
                p != null && p != s;
                child = p, p = p.getParentNode().orElse(null)) {
            List<Expression> here = new ArrayList<>();
            if (p instanceof BinaryExpr b) {
                if (b.getRight() == child) {
                    here.add(b.getLeft());
                }
            } else if (p instanceof MethodCallExpr m && isMath.test(m)) {
                for (Expression a : m.getArguments()) {
                    if (a == child) {
                        break;
                    }
                    here.add(a);
                }
            } else if (p instanceof AssignExpr a && a.getValue() == child) {
                if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
                    kept.add(a.getTarget());
                } else if (a.getTarget() instanceof ArrayAccessExpr t) {
                    kept.add(t.getIndex());
                }
            } else if (!(p instanceof com.github.javaparser.ast.expr.EnclosedExpr
                    || p instanceof com.github.javaparser.ast.expr.CastExpr
                    || p instanceof com.github.javaparser.ast.expr.UnaryExpr
                    || p instanceof com.github.javaparser.ast.body.VariableDeclarator
                    || p instanceof VariableDeclarationExpr)) {
                return Optional.empty();
            }
            movable.addAll(0, here); // an outer operand is evaluated before an inner one
        }
        return Optional.of(new Before(movable, kept));
    }

    /** What a statement evaluates before a call: operands that may move, and what must stay. */
    private record Before(List<Expression> movable, List<Expression> kept) {}

    /** Whether {@code e} reads an array element or calls a method other than {@code Math}'s. */
    private static boolean readsOrCalls(Expression e, Predicate<MethodCallExpr> isMath) {
        return !e.findAll(
                        Node.class,
                        x -> x instanceof ArrayAccessExpr || x instanceof MethodCallExpr m && !isMath.test(m))
                .isEmpty();
    }

    /**
     * Whether nothing {@code s} evaluates before {@code c}, in Java's order (left operands, earlier
     * arguments, a compound assignment's target, an element target's index), reads an array element
     * or calls a method other than {@code Math}'s, in an expression statement or a {@code return}:
     * then what comes before the call is scalars the call cannot change (its helper's body writes
     * arrays and its own fresh locals only), so the body may run before the rest of {@code s}
     * ({@code s += k * f(X[i], c) + X[i][0]}), and what comes after reads the arrays as written.
     * {@code isMath} tells {@code Math}'s calls, statically imported ones too.
     */
    static boolean firstToReadArrays(MethodCallExpr c, Statement s, Predicate<MethodCallExpr> isMath) {
        return before(c, s, isMath)
                .filter(b -> b.movable().stream().noneMatch(e -> readsOrCalls(e, isMath))
                        && b.kept().stream().noneMatch(e -> readsOrCalls(e, isMath)))
                .isPresent();
    }
}
