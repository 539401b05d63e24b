package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.parse.Positions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An array parameter the method writes ({@code w}), or a row of a 2-D one ({@code X[i]}), passed to
 * a method of the sources that stays a call and writes no array (a {@code @Differentiable} method
 * that reads it, {@code s += Lib.lse(X[i]);}) is passed a copy taken just before the statement:
 *
 * <pre>
 * s += Lib.lse(X[i]);            double[] snapshot0 = X[i].clone();
 *                                s += Lib.lse(snapshot0);
 * </pre>
 *
 * The callee's adjoint, called in the reverse sweep, must read the values the call saw; the reverse
 * sweep cannot undo the method's writes to a parameter (the caller sees them), so it reads the
 * copy, which nothing writes, and the copy's adjoint goes back to the row's. Java's meaning is
 * unchanged: the callee only reads, and the copy is taken where the statement starts, which holds
 * the values the call sees when the call runs once per statement and nothing else in the statement
 * may write an array (assignments inside expressions are statements of their own by now).
 */
final class ArgumentSnapshots {
    private final Rewriter rw;
    private final MethodDeclaration method;
    /** The method of the sources a call invokes, when the generator knows its declaration. */
    private final Function<MethodCallExpr, Optional<MethodDeclaration>> callee;
    /** Whether a callee's body replaces its calls (then the caller's writes are followed exactly). */
    private final Predicate<MethodDeclaration> inlined;

    ArgumentSnapshots(
            Rewriter rw,
            MethodDeclaration method,
            Function<MethodCallExpr, Optional<MethodDeclaration>> callee,
            Predicate<MethodDeclaration> inlined) {
        this.rw = rw;
        this.method = method;
        this.callee = callee;
        this.inlined = inlined;
    }

    /** {@code s} with such arguments replaced by copies declared before it, or empty. */
    Optional<List<Statement>> rewrite(Statement s) {
        if (!(s instanceof ExpressionStmt || s instanceof ReturnStmt || s instanceof IfStmt)) {
            return Optional.empty();
        }
        List<MethodCallExpr> calls = new ArrayList<>();
        for (Expression root : CallSites.ownExpressions(s)) {
            calls.addAll(root.findAll(MethodCallExpr.class, c -> !HelperCalls.isMath(c)));
        }
        if (calls.stream()
                .anyMatch(c -> callee.apply(c).filter(Helpers::writesArrays).isPresent())) {
            return Optional.empty(); // what the statement writes before the call would differ from the copy
        }
        List<Statement> out = new ArrayList<>();
        for (MethodCallExpr c : calls) {
            Optional<MethodDeclaration> h = callee.apply(c);
            if (h.isEmpty() || inlined.test(h.get()) || !CallSites.runsOnce(c, s)) {
                continue;
            }
            for (int i = 0;
                    i < c.getArguments().size() && i < h.get().getParameters().size();
                    i++) {
                Expression a = unparenthesized(c.getArgument(i));
                Optional<Type> type = writtenParameterArray(a);
                if (h.get().getParameter(i).getType() instanceof ArrayType
                        && type.isPresent()
                        && !handedToAnUnknownCall(calls, arrayName(a))) {
                    String copy = rw.fresh("snapshot");
                    out.add(rw.statement(
                            "#t# #c# = $a.clone();",
                            Map.of("#t#", type.get().asString(), "#c#", copy),
                            Map.of("$a", a),
                            a));
                    NameExpr use = new NameExpr(copy);
                    Positions.placeAt(use, a);
                    c.getArgument(i).replace(use);
                }
            }
        }
        if (out.isEmpty()) {
            return Optional.empty();
        }
        out.add(s);
        return Optional.of(out);
    }

    /**
     * Whether one of {@code calls} whose declaration the generator does not know is handed the array
     * {@code name} or a row of it: it might write it before the call that the copy stands for.
     */
    private boolean handedToAnUnknownCall(List<MethodCallExpr> calls, String name) {
        return calls.stream()
                .filter(c -> callee.apply(c).isEmpty())
                .anyMatch(c -> c.getArguments().stream()
                        .anyMatch(x -> !x.findAll(
                                        NameExpr.class, n -> n.getNameAsString().equals(name))
                                .isEmpty()));
    }

    private static String arrayName(Expression a) {
        return ((NameExpr) (a instanceof ArrayAccessExpr row ? row.getName() : a)).getNameAsString();
    }

    /**
     * The 1-D array type of {@code a} when it is a parameter of the method ({@code w}), or a row of a
     * 2-D one by plain indices ({@code X[i]}), that the method writes an element of; empty otherwise.
     */
    private Optional<Type> writtenParameterArray(Expression a) {
        Expression base = a instanceof ArrayAccessExpr row ? row.getName() : a;
        if (!(base instanceof NameExpr n)
                || (a instanceof ArrayAccessExpr row
                        && !row.getIndex().findAll(MethodCallExpr.class).isEmpty())) {
            return Optional.empty();
        }
        Optional<Parameter> p = method.getParameters().stream()
                .filter(q -> q.getNameAsString().equals(n.getNameAsString()))
                .findFirst();
        int levels = a instanceof ArrayAccessExpr ? 2 : 1;
        if (p.isEmpty()
                || p.get().isVarArgs()
                || !(p.get().getType() instanceof ArrayType t)
                || t.getArrayLevel() != levels
                || Rewriter.declarationInScope(n, n.getNameAsString())
                        .filter(d -> d == p.get())
                        .isEmpty()
                || !writes(n.getNameAsString())) {
            return Optional.empty();
        }
        return Optional.of(new ArrayType(t.getElementType().clone()));
    }

    /** Whether the method's body stores into an element of the array parameter {@code name}. */
    private boolean writes(String name) {
        Node body = method.getBody().orElseThrow();
        List<Expression> targets = new ArrayList<>();
        body.findAll(AssignExpr.class).forEach(x -> targets.add(x.getTarget()));
        body
                .findAll(
                        UnaryExpr.class,
                        u -> u.getOperator().isPrefix() || u.getOperator().isPostfix())
                .stream()
                .filter(u -> u.getOperator() != UnaryExpr.Operator.PLUS
                        && u.getOperator() != UnaryExpr.Operator.MINUS
                        && u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
                        && u.getOperator() != UnaryExpr.Operator.BITWISE_COMPLEMENT)
                .forEach(u -> targets.add(u.getExpression()));
        for (Expression t : targets) {
            Expression e = unparenthesized(t);
            while (e instanceof ArrayAccessExpr x) {
                e = unparenthesized(x.getName());
            }
            if (unparenthesized(t) instanceof ArrayAccessExpr
                    && e instanceof NameExpr n
                    && n.getNameAsString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Expression unparenthesized(Expression e) {
        return e instanceof EnclosedExpr en ? unparenthesized(en.getInner()) : e;
    }
}
