package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.adjoint.generator.parse.ArgumentChoices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An update under {@code &&}, {@code ||} or {@code ?:} (it happens only when its operand is
 * evaluated) as the branches Java's evaluation takes, so that {@link SideEffects} can then lower
 * each update where it happens; likewise a call that only its helper's inlined body can stand for
 * (an array handed back or written: {@link HelperCalls#standsOnlyInlined}), which
 * {@link HelperCalls} then inlines in its branch. Only where the operator is the whole of what a statement
 * evaluates, so nothing else in the statement is evaluated before or after it:
 *
 * <pre>
 * if (L &amp;&amp; R) S                      boolean t = L; if (t) { t = R; } if (t) S
 * boolean b = L || R;                 boolean b = L; if (!b) { b = R; }
 * v = L &amp;&amp; R;                          boolean t = L; if (t) { t = R; } v = t;
 * double r = c ? X : Y;               double r; if (c) { r = X; } else { r = Y; }
 * v = c ? X : Y;                      if (c) { v = X; } else { v = Y; }
 * return c ? X : Y;                   if (c) { return X; } else { return Y; }
 * return c ? h(a) : g(b);  (arrays,   T[] r = c ? h(a) : g(b); return r;  (then as the declaration)
 *   the method's only return)
 * while (L &amp;&amp; R) B                    while (true) { boolean t = L &amp;&amp; R; if (!t) break; B }
 * for (I; L &amp;&amp; R; U) B                for (I; ; U) { boolean t = L &amp;&amp; R; if (!t) break; B }
 * do B while (L &amp;&amp; R);               while (true) { B boolean t = L &amp;&amp; R; if (!t) break; }
 * </pre>
 *
 * (The loops' new declaration is then rewritten as the second line shows.) Run after
 * {@link SideEffects} declined the statement; the {@code do} loop only when no {@code continue}
 * jumps to its condition. Anything else (such an operator inside arithmetic, a {@code do} loop
 * continued) stays as written, for the shared fence to reject.
 */
final class ShortCircuits {
    private final Rewriter rw;
    /** Calls that only an inlined body can stand for (see {@link HelperCalls#standsOnlyInlined}). */
    private final java.util.function.Predicate<MethodCallExpr> inlinedOnly;

    ShortCircuits(Rewriter rw, java.util.function.Predicate<MethodCallExpr> inlinedOnly) {
        this.rw = rw;
        this.inlinedOnly = inlinedOnly;
    }

    /** The statements {@code s} stands for, or empty when it has no such operator to lower. */
    Optional<List<Statement>> rewrite(Statement s) {
        Optional<Statement> chosen = choiceOfCalls(s);
        if (chosen.isPresent()) {
            return Optional.of(List.of(chosen.get()));
        }
        if (s instanceof ExpressionStmt es
                && es.getExpression() instanceof VariableDeclarationExpr v
                && v.getVariables().size() == 1) {
            VariableDeclarator d = v.getVariables().get(0);
            if (d.getType().isVarType()) {
                return Optional.empty(); // 'var b;' has no type to declare before the branches
            }
            Optional<Expression> root =
                    d.getInitializer().map(ShortCircuits::strip).filter(this::guardsAnUpdate);
            return root.map(r -> declared(v, d.getNameAsString(), r, s));
        }
        if (s instanceof ExpressionStmt es
                && es.getExpression() instanceof AssignExpr a
                && a.getOperator() == AssignExpr.Operator.ASSIGN
                && a.getTarget() instanceof NameExpr target
                && guardsAnUpdate(strip(a.getValue()))) {
            return Optional.of(assigned(target, strip(a.getValue()), s));
        }
        if (s instanceof ReturnStmt r
                && r.getExpression()
                        .map(ShortCircuits::strip)
                        .filter(e -> e instanceof ConditionalExpr c && inlinedCall(c.getThenExpr())
                                || e instanceof ConditionalExpr c2 && inlinedCall(c2.getElseExpr()))
                        .isPresent()) {
            // (the method's only return: beside others, one local given helpers' arrays is not one the static
            // strategy returns, and the return per branch sends the method to the tape, which takes it; looked up
            // only here, as it reads the whole method)
            Optional<com.github.javaparser.ast.type.Type> arrayResult = s.findAncestor(
                            com.github.javaparser.ast.body.MethodDeclaration.class)
                    .filter(m -> m.findAll(ReturnStmt.class).size() == 1)
                    .map(com.github.javaparser.ast.body.MethodDeclaration::getType)
                    .filter(com.github.javaparser.ast.type.Type::isArrayType);
            if (arrayResult.isPresent()) {
                // a return per branch would return two helpers' result arrays; one local given either returns one
                // (an error about that local names the choice as written)
                String local = rw.fresh("chosen");
                s.findAncestor(com.github.javaparser.ast.body.MethodDeclaration.class)
                        .ifPresent(m -> dev.adjoint.generator.parse.Positions.renamed(
                                m,
                                local,
                                dev.adjoint.generator.parse.Positions.asWritten(
                                        r.getExpression().get())));
                return Optional.of(rw.statements(
                        "{ #T# #r# = $e; return #r#; }",
                        Map.of("#T#", arrayResult.get().asString(), "#r#", local),
                        Map.of("$e", r.getExpression().get()),
                        s));
            }
        }
        if (s instanceof ReturnStmt r
                && r.getExpression()
                        .map(ShortCircuits::strip)
                        .filter(this::guardsAnUpdate)
                        .filter(e -> e instanceof ConditionalExpr)
                        .isPresent()) {
            ConditionalExpr c = (ConditionalExpr) strip(r.getExpression().get());
            return Optional.of(rw.statements(
                    "{ if ($c) { return $x; } else { return $y; } }",
                    Map.of(),
                    Map.of("$c", c.getCondition(), "$x", c.getThenExpr(), "$y", c.getElseExpr()),
                    s));
        }
        if (s instanceof IfStmt i
                && isShortCircuit(strip(i.getCondition()))
                && guardsAnUpdate(strip(i.getCondition()))) {
            String t = rw.fresh("cond");
            List<Statement> out = new ArrayList<>(
                    rw.statements("{ boolean #t# = $e; }", Map.of("#t#", t), Map.of("$e", i.getCondition()), s));
            IfStmt branch = i.clone();
            branch.setCondition(new NameExpr(t));
            out.add(branch);
            return Optional.of(out);
        }
        if (s instanceof WhileStmt w && testedFirst(w.getCondition())) {
            WhileStmt loop = w.clone();
            loop.setCondition(new com.github.javaparser.ast.expr.BooleanLiteralExpr(true));
            loop.setBody(checkedFirst(w.getCondition(), w.getBody(), s));
            return Optional.of(List.of(loop));
        }
        if (s instanceof DoStmt d && !SideEffects.continues(d) && testedFirst(d.getCondition())) {
            WhileStmt loop = new WhileStmt(
                    new com.github.javaparser.ast.expr.BooleanLiteralExpr(true),
                    checkedLast(d.getCondition(), d.getBody(), s));
            s.getRange().ifPresent(loop::setRange);
            return Optional.of(List.of(loop));
        }
        if (s instanceof ForStmt f && f.getCompare().filter(this::testedFirst).isPresent()) {
            ForStmt loop = f.clone();
            loop.removeCompare();
            loop.setBody(checkedFirst(f.getCompare().get(), f.getBody(), s));
            return Optional.of(List.of(loop));
        }
        return Optional.empty();
    }

    /** {@code { boolean t = cond; if (!t) break; body }}: the condition evaluated at the top of each iteration. */
    private BlockStmt checkedFirst(Expression cond, Statement body, Statement at) {
        String t = rw.fresh("cond");
        BlockStmt block = new BlockStmt();
        rw.statements("{ boolean #t# = $e; if (!#t#) break; }", Map.of("#t#", t), Map.of("$e", cond), at)
                .forEach(block::addStatement);
        if (body instanceof BlockStmt b) {
            b.getStatements().forEach(x -> block.addStatement(x.clone()));
        } else {
            block.addStatement(body.clone());
        }
        at.getRange().ifPresent(block::setRange);
        return block;
    }

    /**
     * {@code { body boolean t = cond; if (!t) break; }}: a {@code do} loop's condition at the end of
     * each iteration (exact when no {@code continue} jumps to it: {@link SideEffects#continues}).
     */
    private BlockStmt checkedLast(Expression cond, Statement body, Statement at) {
        BlockStmt block = new BlockStmt();
        if (body instanceof BlockStmt b) {
            b.getStatements().forEach(x -> block.addStatement(x.clone()));
        } else {
            block.addStatement(body.clone());
        }
        String t = rw.fresh("cond");
        rw.statements("{ boolean #t# = $e; if (!#t#) break; }", Map.of("#t#", t), Map.of("$e", cond), at)
                .forEach(block::addStatement);
        body.getRange().ifPresent(block::setRange);
        return block;
    }

    private List<Statement> declared(VariableDeclarationExpr v, String name, Expression root, Statement at) {
        VariableDeclarationExpr bare = v.clone();
        bare.getVariable(0).removeInitializer();
        List<Statement> out = new ArrayList<>();
        ExpressionStmt declaration = new ExpressionStmt(bare);
        at.getRange().ifPresent(declaration::setRange);
        out.add(declaration);
        out.addAll(branches(name, root, at));
        return out;
    }

    private List<Statement> assigned(NameExpr target, Expression root, Statement at) {
        if (root instanceof ConditionalExpr) {
            return branches(target.getNameAsString(), root, at); // the variable changes only after X or Y is evaluated
        }
        // L may be evaluated into the target only if R does not read it: a temporary of its own
        String t = rw.fresh("cond");
        List<Statement> out =
                new ArrayList<>(rw.statements("{ boolean #t# = false; }", Map.of("#t#", t), Map.of(), at));
        out.addAll(branches(t, root, at));
        out.addAll(rw.statements("{ #v# = #t#; }", Map.of("#v#", target.getNameAsString(), "#t#", t), Map.of(), at));
        return out;
    }

    /** {@code name} set from {@code root} by the branches its evaluation takes ({@code name} already declared). */
    private List<Statement> branches(String name, Expression root, Statement at) {
        Map<String, String> names = Map.of("#v#", name);
        if (root instanceof ConditionalExpr c) {
            return rw.statements(
                    "{ if ($c) { #v# = $x; } else { #v# = $y; } }",
                    names,
                    Map.of("$c", c.getCondition(), "$x", c.getThenExpr(), "$y", c.getElseExpr()),
                    at);
        }
        BinaryExpr b = (BinaryExpr) root;
        String template = b.getOperator() == BinaryExpr.Operator.AND
                ? "{ #v# = $l; if (#v#) { #v# = $r; } }"
                : "{ #v# = $l; if (!#v#) { #v# = $r; } }";
        return rw.statements(template, names, Map.of("$l", b.getLeft(), "$r", b.getRight()), at);
    }

    /**
     * Whether a loop's condition is to be computed into a local at the top of each trip: an operator
     * guarding an update, or a {@code switch} expression anywhere in it (which then runs before the
     * rest of that statement: {@link SwitchHoisting}).
     */
    private boolean testedFirst(Expression condition) {
        return isShortCircuit(strip(condition)) && guardsAnUpdate(strip(condition))
                || condition
                        .findFirst(com.github.javaparser.ast.expr.SwitchExpr.class)
                        .isPresent();
    }

    private static boolean isShortCircuit(Expression e) {
        return e instanceof BinaryExpr b
                && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR);
    }

    /** Whether {@code e} is {@code &&}, {@code ||} or {@code ?:} with an update somewhere inside. */
    private boolean guardsAnUpdate(Expression e) {
        return (isShortCircuit(e) || e instanceof ConditionalExpr) && hasUpdate(e);
    }

    /** An update, or a call whose helper's body must replace it (it may write arrays or hand one back). */
    private boolean hasUpdate(Node n) {
        if (n instanceof LambdaExpr) {
            return false;
        }
        return EvaluationOrder.isEffect(n)
                || n instanceof com.github.javaparser.ast.expr.SwitchExpr // runs its cases' statements
                || (n instanceof MethodCallExpr c && inlinedOnly.test(c))
                || n.getChildNodes().stream().anyMatch(this::hasUpdate);
    }

    /**
     * A call that only its helper's inlined body can stand for, given a choice of arguments
     * ({@code double[] r = h(c ? a : b, s);}: the inliner binds an array parameter to a variable),
     * as the whole value of a declaration, an assignment or a return: written as the choice of
     * calls, {@code c ? h(a, s) : h(b, s)}, which the rules above then lower to branches; as a
     * statement of its own ({@code h(c ? a : b, s);}, a helper writing the array), a branch per call. The same
     * evaluation: {@code c}, then {@code a} or {@code b}, then the arguments after it, when the
     * arguments before the choice and its condition have no effects (nor calls) to reorder.
     */
    private Optional<Statement> choiceOfCalls(Statement s) {
        Expression value = s instanceof ExpressionStmt es
                        && es.getExpression() instanceof VariableDeclarationExpr v
                        && v.getVariables().size() == 1
                ? v.getVariable(0).getInitializer().orElse(null)
                : s instanceof ExpressionStmt es
                                && es.getExpression() instanceof AssignExpr a
                                && a.getOperator() == AssignExpr.Operator.ASSIGN
                                && a.getTarget() instanceof NameExpr
                        ? a.getValue()
                        : s instanceof ReturnStmt r
                                ? r.getExpression().orElse(null)
                                : s instanceof ExpressionStmt es && es.getExpression() instanceof MethodCallExpr c
                                        ? c
                                        : null;
        if (value == null || !(strip(value) instanceof MethodCallExpr call) || !inlinedOnly.test(call)) {
            return Optional.empty();
        }
        int i = ArgumentChoices.chosenArgument(call);
        if (i < 0
                || !call.getArguments().subList(0, i).stream().allMatch(ShortCircuits::withoutEffects)
                || !withoutEffects(ArgumentChoices.chosen(call, i).getCondition())) {
            return Optional.empty();
        }
        ConditionalExpr choice = ArgumentChoices.ofCalls(call, i);
        if (s instanceof ExpressionStmt es && es.getExpression() == call) {
            // a statement of its own (a helper writing the array): a branch per call
            com.github.javaparser.ast.stmt.IfStmt branches = new com.github.javaparser.ast.stmt.IfStmt(
                    choice.getCondition(),
                    new BlockStmt(new NodeList<>(new ExpressionStmt(choice.getThenExpr()))),
                    new BlockStmt(new NodeList<>(new ExpressionStmt(choice.getElseExpr()))));
            s.getRange().ifPresent(branches::setRange);
            return Optional.of(branches);
        }
        Statement out = s.clone();
        out.findFirst(MethodCallExpr.class, m -> m.equals(call)).orElseThrow().replace(new EnclosedExpr(choice));
        s.getRange().ifPresent(out::setRange);
        return Optional.of(out);
    }

    /** Whether {@code e} is a call that only its helper's inlined body can stand for. */
    private boolean inlinedCall(Expression e) {
        return strip(e) instanceof MethodCallExpr m && inlinedOnly.test(m);
    }

    /** Whether evaluating {@code e} has no effect to reorder: no update, no call. */
    private static boolean withoutEffects(Expression e) {
        return !EvaluationOrder.isEffect(e)
                && !(e instanceof MethodCallExpr)
                && !(e instanceof com.github.javaparser.ast.expr.ObjectCreationExpr)
                && e.getChildNodes().stream().allMatch(n -> !(n instanceof Expression x) || withoutEffects(x));
    }

    private static Expression strip(Expression e) {
        while (e instanceof EnclosedExpr en) {
            e = en.getInner();
        }
        return e;
    }
}
