package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code switch} statements, arrow-form and classic, as the branches they mean:
 *
 * <pre>
 * switch (k) { case 0 -> A; case 1, 2 -> B; default -> C; }
 *                         { int v = k; if (v == 0) A else if (v == 1 || v == 2) B else C }
 * switch (k) { case 0: A; break; case 1: case 2: B; break; default: C; }      the same
 * switch (k) { case 0: A; case 1: B; break; default: C; }   (A falls through into B)
 *                         { int v = k; boolean go = false;
 *                           if (go || v == 0) { go = true; A }
 *                           if (go || v == 1) { go = true; B; go = false; }
 *                           if (go || !(v == 0 || v == 1)) { go = true; C } }
 * </pre>
 *
 * A {@code break} that leaves the switch from inside a case (under an {@code if}) clears a flag,
 * and what follows it in the case runs under that flag; a {@code continue} or {@code return} is
 * left as it is (it leaves the same loop or method from the branch). Rewritten only when every
 * label is an integer or char literal or a constant of the class, the switch has no label of its
 * own, and no variable declared in one case is used in another (each case becomes a block; {@link SharedCaseVariables}
 * declares such a variable before the switch first).
 */
final class SwitchStatements {
    private final Rewriter rw;
    private final Switches labels;

    SwitchStatements(Rewriter rw, Switches labels) {
        this.rw = rw;
        this.labels = labels;
    }

    /** The statements {@code s} stands for, or empty when it is not a switch this class rewrites. */
    Optional<List<Statement>> rewrite(Statement s) {
        if (!(s instanceof SwitchStmt sw)
                || sw.getEntries().isEmpty()
                || sw.getParentNode().orElse(null) instanceof LabeledStmt
                || !labels.labelsAreConstants(sw.getSelector(), sw.getEntries())
                || sw.getEntries().stream().anyMatch(e -> e.getGuard().isPresent())
                || sharesVariables(sw.getEntries())) {
            return Optional.empty();
        }
        Set<BreakStmt> ours = ownBreaks(sw);
        boolean arrow = sw.getEntries().stream().allMatch(e -> e.getType() != SwitchEntry.Type.STATEMENT_GROUP);
        List<SwitchEntry> groups = arrow ? sw.getEntries() : merged(sw.getEntries());
        if (arrow || noFallThrough(groups, ours)) {
            List<BlockStmt> bodies = new ArrayList<>();
            for (SwitchEntry g : groups) {
                List<Statement> body = new ArrayList<>(Switches.flat(g.getStatements()));
                if (!body.isEmpty() && body.get(body.size() - 1) instanceof BreakStmt b && ours.contains(b)) {
                    body.remove(body.size() - 1);
                }
                Optional<BlockStmt> lowered = caseBody(body, ours, g);
                if (lowered.isEmpty()) {
                    return Optional.empty();
                }
                bodies.add(lowered.get());
            }
            Map<SwitchEntry, BlockStmt> byEntry = new IdentityHashMap<>();
            for (int i = 0; i < groups.size(); i++) {
                byEntry.put(groups.get(i), bodies.get(i));
            }
            return Optional.of(List.of(labels.chain(sw, sw.getSelector(), groups, byEntry::get)));
        }
        return fallingThrough(sw, groups, ours).map(List::of);
    }

    /** The general form: a flag says whether control is inside the cases, entered by a label or by falling. */
    private Optional<Statement> fallingThrough(SwitchStmt sw, List<SwitchEntry> groups, Set<BreakStmt> ours) {
        String v = rw.fresh("switchValue");
        String go = rw.fresh("switchGoes");
        BlockStmt out = (BlockStmt) rw.statement(
                "{ int " + v + " = $selector; boolean " + go + " = false; }",
                Map.of(),
                Map.of("$selector", labels.selectorValue(sw.getSelector(), sw.getEntries())),
                sw);
        List<Expression> all =
                groups.stream().flatMap(g -> g.getLabels().stream()).toList();
        for (SwitchEntry g : groups) {
            Expression matches = Switches.isDefault(g)
                    ? new UnaryExpr(
                            new com.github.javaparser.ast.expr.EnclosedExpr(anyOf(v, all, g, sw)),
                            UnaryExpr.Operator.LOGICAL_COMPLEMENT)
                    : anyOf(v, g.getLabels(), g, sw);
            Expression enter = new BinaryExpr(new NameExpr(go), matches, BinaryExpr.Operator.OR);
            List<Statement> body = new ArrayList<>();
            body.add(rw.statement(go + " = true;", Map.of(), Map.of(), g));
            Optional<List<Statement>> rest = unbreak(Switches.flat(g.getStatements()), go, ours);
            if (rest.isEmpty()) {
                return Optional.empty();
            }
            body.addAll(rest.get());
            BlockStmt block = new BlockStmt(new NodeList<>(body));
            IfStmt branch = new IfStmt(enter, block, null);
            g.getRange().ifPresent(r -> {
                branch.setRange(r);
                block.setRange(r);
                enter.walk(n -> {
                    if (n.getRange().isEmpty()) {
                        n.setRange(r);
                    }
                });
            });
            out.addStatement(branch);
        }
        return Optional.of(out);
    }

    /** {@code v == a || v == b ...} for {@code labels} (false for none). */
    private Expression anyOf(String v, List<Expression> labels, Node at, SwitchStmt sw) {
        Expression test = null;
        for (Expression label : labels) {
            BinaryExpr eq = new BinaryExpr(
                    new NameExpr(v),
                    this.labels.comparable(label, sw.getSelector(), sw.getEntries()),
                    BinaryExpr.Operator.EQUALS);
            eq.walk(n -> label.getRange().ifPresent(n::setRange));
            test = test == null ? eq : new BinaryExpr(test, eq, BinaryExpr.Operator.OR);
        }
        if (test == null) {
            BooleanLiteralExpr none = new BooleanLiteralExpr(false);
            at.getRange().ifPresent(none::setRange);
            return none;
        }
        return test;
    }

    /** A case's statements as a block; when a {@code break} leaves it from inside, under a flag of its own. */
    private Optional<BlockStmt> caseBody(List<Statement> body, Set<BreakStmt> ours, Node at) {
        boolean breaks = body.stream()
                .anyMatch(st -> st.findAll(BreakStmt.class).stream().anyMatch(ours::contains));
        if (!breaks) {
            return Optional.of(Switches.block(body, at));
        }
        String go = rw.fresh("caseGoes");
        Optional<List<Statement>> rest = unbreak(body, go, ours);
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        List<Statement> all = new ArrayList<>();
        all.add(rw.statement("boolean " + go + " = true;", Map.of(), Map.of(), at));
        all.addAll(rest.get());
        return Optional.of(Switches.block(all, at));
    }

    /**
     * {@code stmts} with each of {@code ours} (a break that leaves the switch) clearing {@code flag},
     * and what follows a statement that may break running only while {@code flag} is set; empty
     * when such a break sits where this cannot follow it (a labelled statement, say).
     */
    private Optional<List<Statement>> unbreak(List<Statement> stmts, String flag, Set<BreakStmt> ours) {
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < stmts.size(); i++) {
            Statement s = stmts.get(i);
            if (s instanceof BreakStmt b && ours.contains(b)) {
                out.add(rw.statement(flag + " = false;", Map.of(), Map.of(), b));
                return Optional.of(out); // what follows is unreachable
            }
            if (s.findAll(BreakStmt.class).stream().noneMatch(ours::contains)) {
                out.add(s);
                continue;
            }
            Optional<Statement> lowered;
            if (s instanceof BlockStmt b) {
                lowered = unbreak(b.getStatements(), flag, ours).map(l -> Switches.block(l, b));
            } else if (s instanceof IfStmt f) {
                Optional<List<Statement>> then = unbreak(Switches.flat(List.of(f.getThenStmt())), flag, ours);
                Optional<List<Statement>> otherwise = f.getElseStmt().isEmpty()
                        ? Optional.of(List.of())
                        : unbreak(Switches.flat(List.of(f.getElseStmt().get())), flag, ours);
                lowered = then.isEmpty() || otherwise.isEmpty()
                        ? Optional.empty()
                        : Optional.of(new IfStmt(
                                f.getCondition(),
                                Switches.block(then.get(), f.getThenStmt()),
                                f.getElseStmt().isEmpty()
                                        ? null
                                        : Switches.block(
                                                otherwise.get(), f.getElseStmt().get())));
                lowered.ifPresent(l -> f.getRange().ifPresent(l::setRange));
            } else {
                lowered = Optional.empty();
            }
            if (lowered.isEmpty()) {
                return Optional.empty();
            }
            out.add(lowered.get());
            List<Statement> rest = stmts.subList(i + 1, stmts.size());
            if (!rest.isEmpty()) {
                Optional<List<Statement>> after = unbreak(rest, flag, ours);
                if (after.isEmpty()) {
                    return Optional.empty();
                }
                IfStmt guard = new IfStmt(new NameExpr(flag), Switches.block(after.get(), rest.get(0)), null);
                rest.get(0).getRange().ifPresent(r -> {
                    guard.setRange(r);
                    guard.getCondition().setRange(r);
                    ((NameExpr) guard.getCondition()).getName().setRange(r);
                });
                out.add(guard);
            }
            return Optional.of(out);
        }
        return Optional.of(out);
    }

    /** Empty groups ({@code case 1: case 2: ...}) joined with the group they fall into. */
    private static List<SwitchEntry> merged(List<SwitchEntry> entries) {
        List<SwitchEntry> out = new ArrayList<>();
        NodeList<Expression> pending = new NodeList<>();
        boolean pendingDefault = false;
        for (SwitchEntry e : entries) {
            if (e.getStatements().isEmpty() && e != entries.get(entries.size() - 1)) {
                pending.addAll(e.getLabels().stream().map(Expression::clone).toList());
                pendingDefault |= Switches.isDefault(e);
                continue;
            }
            NodeList<Expression> labels = new NodeList<>(pending);
            labels.addAll(e.getLabels().stream().map(Expression::clone).toList());
            boolean isDefault = pendingDefault || Switches.isDefault(e);
            SwitchEntry g = new SwitchEntry(
                    isDefault ? new NodeList<>() : labels,
                    SwitchEntry.Type.STATEMENT_GROUP,
                    new NodeList<>(e.getStatements()));
            g.setDefault(isDefault);
            e.getRange().ifPresent(g::setRange);
            out.add(g);
            pending = new NodeList<>();
            pendingDefault = false;
        }
        return out;
    }

    /** Whether no group but the last can fall into the next: each ends in one of ours, a return, a throw or a continue. */
    private static boolean noFallThrough(List<SwitchEntry> groups, Set<BreakStmt> ours) {
        for (int i = 0; i < groups.size() - 1; i++) {
            List<Statement> body = Switches.flat(groups.get(i).getStatements());
            Statement last = body.isEmpty() ? null : body.get(body.size() - 1);
            if (!(last instanceof BreakStmt b && ours.contains(b))
                    && !(last instanceof ReturnStmt)
                    && !(last instanceof ThrowStmt)
                    && !(last instanceof ContinueStmt)) {
                return false;
            }
        }
        return true;
    }

    /** The unlabelled breaks whose target is {@code sw} (not a loop or switch inside it). */
    static Set<BreakStmt> ownBreaks(SwitchStmt sw) {
        Set<BreakStmt> ours = Collections.newSetFromMap(new IdentityHashMap<>());
        for (BreakStmt b : sw.findAll(BreakStmt.class)) {
            if (b.getLabel().isPresent()) {
                continue;
            }
            Node target = b.getParentNode().orElse(null);
            while (target != null
                    && !(target instanceof SwitchStmt
                            || target instanceof ForStmt
                            || target instanceof WhileStmt
                            || target instanceof DoStmt
                            || target instanceof ForEachStmt)) {
                target = target.getParentNode().orElse(null);
            }
            if (target == sw) {
                ours.add(b);
            }
        }
        return ours;
    }

    /** Whether a variable declared at the top of one case is used in a later one (Java scopes it to the whole switch). */
    static boolean sharesVariables(List<SwitchEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            for (Statement s : entries.get(i).getStatements()) {
                if (!(s instanceof ExpressionStmt es && es.getExpression().isVariableDeclarationExpr())) {
                    continue;
                }
                for (VariableDeclarator d :
                        es.getExpression().asVariableDeclarationExpr().getVariables()) {
                    for (int j = i + 1; j < entries.size(); j++) {
                        if (entries.get(j).findAll(NameExpr.class).stream()
                                .anyMatch(n -> n.getNameAsString().equals(d.getNameAsString()))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
