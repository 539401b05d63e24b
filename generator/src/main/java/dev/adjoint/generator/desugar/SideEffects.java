package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.parse.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assignments and {@code ++}/{@code --} of variables inside a larger expression, as statements of
 * their own in Java's order of evaluation, the expression reading what they leave:
 *
 * <pre>
 * stack[top++] = b;            int t = top; top++; stack[t] = b;
 * return (++i) * x;            i++; return i * x;
 * if ((x += x) != 0) ...       x += x; if (x != 0) ...
 * while ((r = i * j) != 0) B   while (true) { r = i * j; if (!(r != 0)) break; B }
 * for (I; c-- > 0; U) B        for (I; ; U) { int t = c; c--; if (!(t > 0)) break; B }
 * </pre>
 *
 * Lowered only where that keeps Java's meaning: the variable is a local or parameter of a
 * primitive type; no part of the expression evaluated before the update reads the variable it
 * changes (that read would need the old value: {@code i + i++}); the update is not under
 * {@code &&}, {@code ||} or {@code ?:} (it may not happen at all); and the statement is an
 * expression statement, a declaration, a {@code return}, an {@code if}, a {@code switch}, or the
 * condition of a {@code while} or {@code for} loop. Anything else stays as written, for the shared
 * fence to reject at its position.
 */
final class SideEffects {
    private final Rewriter rw;

    SideEffects(Rewriter rw) {
        this.rw = rw;
    }

    /** The statements {@code s} stands for, or empty when it has no update to lower (or one that cannot be). */
    Optional<List<Statement>> rewrite(Statement s) {
        if (s instanceof ExpressionStmt es) {
            Expression e = es.getExpression();
            List<Expression> roots = new ArrayList<>();
            if (e instanceof VariableDeclarationExpr v) {
                if (v.getVariables().size() != 1) {
                    return Optional.empty();
                }
                v.getVariables().get(0).getInitializer().ifPresent(roots::add);
            } else if (EvaluationOrder.isEffect(e)) {
                roots.addAll(EvaluationOrder.operands(e)); // the statement's own update stays the statement
            } else {
                roots.add(e);
            }
            return lowered(roots, s).map(pre -> with(pre, s));
        }
        if (s instanceof ReturnStmt r && r.getExpression().isPresent()) {
            return lowered(List.of(r.getExpression().get()), s).map(pre -> with(pre, s));
        }
        if (s instanceof IfStmt i) {
            return lowered(List.of(i.getCondition()), s).map(pre -> with(pre, s));
        }
        if (s instanceof SwitchStmt sw) {
            return lowered(List.of(sw.getSelector()), s).map(pre -> with(pre, s));
        }
        if (s instanceof WhileStmt w) {
            return lowered(List.of(w.getCondition()), s).map(pre -> {
                WhileStmt loop =
                        new WhileStmt(new BooleanLiteralExpr(true), exitFirst(pre, w.getCondition(), w.getBody(), s));
                s.getRange().ifPresent(r -> {
                    loop.setRange(r);
                    loop.getCondition().setRange(r);
                });
                return List.of(loop);
            });
        }
        if (s instanceof DoStmt d && !continues(d)) {
            return lowered(List.of(d.getCondition()), s).map(pre -> {
                // the condition's updates end the body (no continue jumps past them); the locals they declare
                // (a postfix update's old value) are declared before the loop, where the condition sees them
                List<Statement> before = new ArrayList<>();
                List<Statement> all =
                        new ArrayList<>(d.getBody() instanceof BlockStmt b ? b.getStatements() : List.of(d.getBody()));
                for (Statement p : pre) {
                    if (p instanceof ExpressionStmt es
                            && es.getExpression() instanceof VariableDeclarationExpr v
                            && v.getVariables().size() == 1
                            && v.getVariables().get(0).getInitializer().isPresent()) {
                        VariableDeclarationExpr declared = v.clone();
                        declared.getVariables().get(0).removeInitializer();
                        ExpressionStmt declaration = new ExpressionStmt(declared);
                        p.getRange().ifPresent(declaration::setRange);
                        before.add(declaration);
                        AssignExpr assign = new AssignExpr(
                                new NameExpr(v.getVariables().get(0).getNameAsString()),
                                v.getVariables().get(0).getInitializer().get().clone(),
                                AssignExpr.Operator.ASSIGN);
                        p.getRange()
                                .ifPresent(r -> assign.walk(x -> {
                                    if (x.getRange().isEmpty()) {
                                        x.setRange(r);
                                    }
                                }));
                        ExpressionStmt assignment = new ExpressionStmt(assign);
                        p.getRange().ifPresent(assignment::setRange);
                        all.add(assignment);
                    } else {
                        all.add(p);
                    }
                }
                BlockStmt body = new BlockStmt(new NodeList<>(all));
                d.getBody().getRange().ifPresent(body::setRange);
                DoStmt loop = new DoStmt(body, d.getCondition());
                s.getRange().ifPresent(loop::setRange);
                before.add(loop);
                return before;
            });
        }
        if (s instanceof ForStmt f && f.getCompare().isPresent()) {
            Expression compare = f.getCompare().get();
            return lowered(List.of(compare), s).map(pre -> {
                ForStmt loop = new ForStmt(
                        f.getInitialization(), null, f.getUpdate(), exitFirst(pre, compare, f.getBody(), s));
                s.getRange().ifPresent(loop::setRange);
                return List.of(loop);
            });
        }
        return Optional.empty();
    }

    /** Whether a {@code continue} in the loop's body goes to its condition (or anywhere by label). */
    static boolean continues(DoStmt d) {
        for (ContinueStmt c : d.getBody().findAll(ContinueStmt.class)) {
            Node target = c.getParentNode().orElse(null);
            while (target != null
                    && !(target instanceof ForStmt
                            || target instanceof WhileStmt
                            || target instanceof DoStmt
                            || target instanceof com.github.javaparser.ast.stmt.ForEachStmt)) {
                target = target.getParentNode().orElse(null);
            }
            if (c.getLabel().isPresent() || target == d) {
                return true;
            }
        }
        return false;
    }

    /** {@code { pre; if (!(condition)) break; body }}. */
    private static BlockStmt exitFirst(List<Statement> pre, Expression condition, Statement body, Node at) {
        UnaryExpr not = new UnaryExpr(new EnclosedExpr(condition), UnaryExpr.Operator.LOGICAL_COMPLEMENT);
        BreakStmt exit = new BreakStmt();
        exit.removeLabel();
        IfStmt test = new IfStmt(not, exit, null);
        at.getRange().ifPresent(r -> {
            not.setRange(r);
            not.getExpression().setRange(r);
            exit.setRange(r);
            test.setRange(r);
        });
        List<Statement> all = new ArrayList<>(pre);
        all.add(test);
        if (body instanceof BlockStmt b) {
            all.addAll(b.getStatements());
        } else {
            all.add(body);
        }
        BlockStmt block = new BlockStmt(new NodeList<>(all));
        body.getRange().ifPresent(block::setRange);
        return block;
    }

    private static List<Statement> with(List<Statement> pre, Statement s) {
        List<Statement> out = new ArrayList<>(pre);
        out.add(s);
        return out;
    }

    /**
     * Replaces each update nested in {@code roots} by what it leaves (in place) and returns the
     * statements that perform them, in order; empty when there is none, or one that cannot be
     * lowered (then nothing is changed).
     */
    private Optional<List<Statement>> lowered(List<Expression> roots, Statement at) {
        List<Node> order = new ArrayList<>();
        for (Expression r : roots) {
            EvaluationOrder.evaluationOrder(r, order);
        }
        List<Expression> effects = order.stream()
                .filter(EvaluationOrder::isEffect)
                .map(n -> (Expression) n)
                .toList();
        if (effects.isEmpty() || !lowerable(effects, order, at)) {
            return Optional.empty();
        }
        List<Statement> pre = new ArrayList<>();
        for (int k = 0;
                k < effects.size();
                k++) { // innermost first: evaluation order puts an update after its operands
            Expression effect = effects.get(k);
            Expression place = EvaluationOrder.place(effect);
            if (place instanceof ArrayAccessExpr element) {
                evaluateIndicesOnce(element, pre, effect);
            }
            String v = EvaluationOrder.variable(effect).orElseThrow().getNameAsString();
            String type = storedType(effect).orElseThrow();
            // what ++i or i = e leaves is i, unless a later update in the expression changes i again: then its value
            // now
            // (an element's value is always taken now: its index is read again otherwise)
            boolean takeNow = !(place instanceof NameExpr)
                    || effects.subList(k + 1, effects.size()).stream()
                            .anyMatch(later -> EvaluationOrder.variable(later)
                                    .orElseThrow()
                                    .getNameAsString()
                                    .equals(v));
            boolean postfix = effect instanceof UnaryExpr u && u.isPostfix();
            Expression leaves = place.clone();
            if (postfix) {
                String old = rw.fresh(v + "Before");
                pre.add(rw.statement(type + " #old# = $place;", Map.of("#old#", old), Map.of("$place", place), effect));
                leaves = new NameExpr(old);
            }
            ExpressionStmt update = new ExpressionStmt(
                    effect instanceof UnaryExpr u
                            ? new UnaryExpr(
                                    u.getExpression().clone(),
                                    Updates.isIncrement(u.getOperator())
                                            ? UnaryExpr.Operator.POSTFIX_INCREMENT
                                            : UnaryExpr.Operator.POSTFIX_DECREMENT)
                            : effect.clone());
            update.walk(n -> {
                if (n.getRange().isEmpty()) {
                    effect.getRange().ifPresent(n::setRange);
                }
            });
            pre.add(update);
            if (takeNow && !postfix) {
                String now = rw.fresh(v + "After");
                pre.add(rw.statement(type + " #now# = $place;", Map.of("#now#", now), Map.of("$place", place), effect));
                leaves = new NameExpr(now);
            }
            Expression residual = leaves;
            effect.getRange().ifPresent(r -> residual.walk(n -> n.setRange(r)));
            effect.replace(residual);
        }
        return Optional.of(pre);
    }

    /**
     * An element update's indices, each computed once into a local before the update, as Java
     * computes them: the value the update leaves is then read at the same element, even when an
     * index reads what the update changes ({@code --u[f(u[0])]} with {@code f(u[0])} pointing at
     * {@code u[0]}).
     */
    private void evaluateIndicesOnce(ArrayAccessExpr element, List<Statement> pre, Expression effect) {
        List<ArrayAccessExpr> chain = new ArrayList<>();
        for (Expression t = element; t instanceof ArrayAccessExpr a; t = a.getName()) {
            chain.add(0, a); // a[i][j]: i before j
        }
        for (ArrayAccessExpr a : chain) {
            Expression index = a.getIndex();
            if (index instanceof NameExpr || index.isIntegerLiteralExpr()) {
                continue;
            }
            String name = rw.fresh("index");
            pre.add(rw.statement("int #i# = $e;", Map.of("#i#", name), Map.of("$e", index), effect));
            NameExpr once = new NameExpr(name);
            index.getRange().ifPresent(once::setRange);
            a.setIndex(once);
        }
    }

    private boolean lowerable(List<Expression> effects, List<Node> order, Statement at) {
        for (Expression effect : effects) {
            Optional<NameExpr> v = EvaluationOrder.variable(effect);
            if (v.isEmpty() || storedType(effect).isEmpty() || EvaluationOrder.conditional(effect, at)) {
                return false;
            }
            // a read of the variable evaluated before the update (other than the update's own) would see the new value
            int at0 = order.indexOf(effect);
            for (int i = 0; i < at0; i++) {
                if (order.get(i) instanceof NameExpr n
                        && n.getNameAsString().equals(v.get().getNameAsString())
                        && effects.stream()
                                .noneMatch(n::isDescendantOf) // (an update's operands are read by the update, in order)
                        && !EvaluationOrder.namesAssignedElement(n)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The primitive type an update stores, from the variable's declaration. */
    private Optional<String> storedType(Expression effect) {
        Expression t = EvaluationOrder.place(effect);
        int depth = 0;
        while (t instanceof ArrayAccessExpr a) {
            depth++;
            t = a.getName();
        }
        Optional<Type> declared = rw.typeOf(t);
        if (depth == 0) {
            return declared.filter(d -> d instanceof PrimitiveType).map(Type::asString);
        }
        int indexed = depth;
        return declared.filter(d -> d instanceof ArrayType a
                        && a.getArrayLevel() == indexed
                        && a.getElementType() instanceof PrimitiveType)
                .map(d -> d.getElementType().asString());
    }
}
