package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A local array created inside counted {@code for} loops with a length that changes with their
 * counters ({@code new double[i + 1]}, {@code int m = k + r + 1; double[] t = new double[m];}), as
 * one array of the greatest length an iteration may ask for, created before the top-level statement
 * around it, its own length kept beside it as {@link RaggedArrays} keeps a row's:
 *
 * <pre>
 * for (int i = 0; i &lt; n; i++) {           int tCapacity0 = 0;
 *     double[] t = new double[i + 1];     for (int i0 = 0; i0 &lt; n; i0++) { tCapacity0 = Math.max(tCapacity0, i0 + 1); }
 *     ... t[e] ... t.length ...           double[] t = new double[tCapacity0];
 * }                                       for (int i = 0; i &lt; n; i++) {
 *                                             int tLength0 = i + 1; (a negative one throws) clear tLength0 elements;
 *                                             ... t[e &lt; tLength0 ? e : -1] ... tLength0 ...
 * </pre>
 *
 * The greatest length is found by running the loops' headers alone, with the statements computing
 * the length. That is exact: the length reads only the counters of the loops around it (each from a
 * start, up to a bound, by one, never assigned in its body), names the top-level statement never
 * assigns, literals, lengths, and {@code int} locals computed right before it from these
 * ({@link LengthChains}, whose statements cannot throw or run forever); the loops' headers read only
 * such names and outer counters. So the scan meets every value of the counters at which the method
 * creates the array (and maybe more: a branch not taken), computes the same length there, and cannot
 * throw; the array is long enough for every iteration, and comes from the pool once per call. Only the
 * loops whose counters the length reads (directly or through inner loops' headers) are scanned: the
 * others, a caller's loops around an inlined helper say, repeat the same lengths. Scanned loops that a
 * {@code break} or {@code return} may leave are not scanned (the scan could run far longer than the
 * method): such arrays stay as written, for the normalizer to reject.
 */
final class LoopLengths {
    private final Rewriter rw;
    private final MethodDeclaration method;

    LoopLengths(Rewriter rw, MethodDeclaration method) {
        this.rw = rw;
        this.method = method;
    }

    /**
     * What a scan runs: the length, the loops around where it is computed (outermost first), the
     * statements computing it; whether it reads a loop's counter (else it does not change with the loops).
     */
    record Scan(Expression length, List<ForStmt> loops, List<Statement> chain, boolean readsCounter) {}

    /** The method's top-level statements with one such array hoisted, or empty when there is none. */
    Optional<List<Statement>> rewriteBody(BlockStmt body) {
        return RaggedArrays.hoistFirst(body, this::scan, this::hoist);
    }

    /** The scan of {@code v}'s length inside {@code top}, when the class comment's conditions hold. */
    private Optional<Scan> scan(VariableDeclarationExpr v, Statement top) {
        if (v.getVariables().size() != 1
                || !(v.getParentNode().orElse(null) instanceof ExpressionStmt es)
                || es == top
                || !(es.getParentNode().orElse(null) instanceof BlockStmt block)) {
            return Optional.empty();
        }
        VariableDeclarator d = v.getVariable(0);
        if (!(d.getInitializer().orElse(null) instanceof ArrayCreationExpr c)
                || c.getInitializer().isPresent()
                || !(c.getElementType() instanceof PrimitiveType)
                || c.getLevels().size() != 1
                || c.getLevels().get(0).getDimension().isEmpty()
                || !RaggedArrays.usedByElements(block, es, d.getNameAsString())) {
            return Optional.empty();
        }
        Set<String> changed = NestedArrays.changedIn(top);
        return scanOf(c.getLevels().get(0).getDimension().get(), es, top, n -> !changed.contains(n), method)
                .filter(scan -> !scan.loops().isEmpty() && scan.readsCounter());
    }

    /**
     * The scan of {@code length}, computed at {@code at} (a statement of a block) inside the
     * top-level statement {@code top}, when it reads only the counters of the loops around it inside
     * {@code top}, names that are {@code invariant} (the same wherever the scan runs as at
     * {@code at}) and {@code int} locals computed right before {@code at} from these, as the class
     * comment says; empty otherwise.
     */
    static Optional<Scan> scanOf(
            Expression length,
            ExpressionStmt at,
            Statement top,
            Predicate<String> invariant,
            MethodDeclaration method) {
        if (!(at.getParentNode().orElse(null) instanceof BlockStmt block) || !LengthChains.pure(length, method, true)) {
            return Optional.empty();
        }
        List<ForStmt> loops = new ArrayList<>();
        Node child = at;
        for (Node p = at.getParentNode().orElse(null);
                p != null && child != top;
                child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof ForStmt f && f.getBody() == child) {
                loops.add(0, f);
            }
        }
        loops = readCounters(loops, length, at, block);
        Set<String> counters = new HashSet<>();
        Predicate<String> fixed = n -> invariant.test(n) || counters.contains(n);
        for (ForStmt f : loops) {
            if (!LengthChains.counted(f) || leftEarly(f)) {
                return Optional.empty();
            }
            VariableDeclarator counter =
                    ((VariableDeclarationExpr) f.getInitialization().get(0)).getVariable(0);
            Expression start = counter.getInitializer().orElse(null);
            Expression bound = ((BinaryExpr) f.getCompare().get()).getRight();
            if (start == null
                    || !counter.getType().equals(PrimitiveType.intType())
                    || !LengthChains.pure(start, method)
                    || !LengthChains.pure(bound, method)
                    || !reads(start, fixed)
                    || !reads(bound, fixed)) {
                return Optional.empty();
            }
            counters.add(counter.getNameAsString());
        }
        Set<String> variable = new HashSet<>();
        method.findAll(NameExpr.class).forEach(n -> variable.add(n.getNameAsString()));
        method.findAll(VariableDeclarator.class).forEach(x -> variable.add(x.getNameAsString()));
        variable.removeIf(fixed);
        Optional<List<Statement>> chain = LengthChains.before(at, block, List.of(length), variable, method, true);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        Set<String> own = new HashSet<>();
        chain.get().forEach(s -> s.findAll(VariableDeclarator.class).forEach(x -> own.add(x.getNameAsString())));
        Predicate<String> known = n -> fixed.test(n) || own.contains(n);
        if (!reads(length, known) || chain.get().stream().anyMatch(s -> !reads(s, known))) {
            return Optional.empty();
        }
        boolean noCounter = reads(length, n -> !counters.contains(n))
                && chain.get().stream().allMatch(s -> reads(s, n -> !counters.contains(n)));
        return Optional.of(new Scan(length, loops, chain.get(), !noCounter));
    }

    /**
     * The loops of {@code loops} (outermost first) whose counters the length may read: through
     * {@code length}, the statements before {@code at} in its block (where the statements computing
     * it stand), or the start or bound of an inner such loop. The others only repeat the creation
     * with the same lengths, so the scan leaves them out (they may count down, or be left early).
     */
    private static List<ForStmt> readCounters(
            List<ForStmt> loops, Expression length, ExpressionStmt at, BlockStmt block) {
        Set<String> read = new HashSet<>();
        length.findAll(NameExpr.class).forEach(n -> read.add(n.getNameAsString()));
        for (Statement s : block.getStatements()) {
            if (s == at) {
                break;
            }
            s.findAll(NameExpr.class).forEach(n -> read.add(n.getNameAsString()));
        }
        List<ForStmt> kept = new ArrayList<>();
        for (int i = loops.size() - 1; i >= 0; i--) {
            ForStmt f = loops.get(i);
            boolean counts = f.getInitialization().size() == 1
                    && f.getInitialization().get(0) instanceof VariableDeclarationExpr v
                    && v.getVariables().size() == 1
                    && read.contains(v.getVariable(0).getNameAsString());
            if (counts) {
                kept.add(0, f);
                f.getInitialization()
                        .forEach(e -> e.findAll(NameExpr.class).forEach(n -> read.add(n.getNameAsString())));
                f.getCompare().ifPresent(e -> e.findAll(NameExpr.class).forEach(n -> read.add(n.getNameAsString())));
            }
        }
        return kept;
    }

    /** Whether every name {@code scope} reads is one of {@code names}. */
    private static boolean reads(Node scope, Predicate<String> names) {
        return scope.findAll(NameExpr.class).stream()
                .map(NameExpr::getNameAsString)
                .allMatch(names);
    }

    /** Whether a {@code break} or {@code return} in {@code loop}'s body may leave it. */
    private static boolean leftEarly(ForStmt loop) {
        if (!loop.getBody().findAll(ReturnStmt.class).isEmpty()) {
            return true;
        }
        for (BreakStmt b : loop.getBody().findAll(BreakStmt.class)) {
            Node target = null;
            for (Node p = b.getParentNode().orElse(null);
                    p != null && target == null;
                    p = p.getParentNode().orElse(null)) {
                boolean breaks = b.getLabel().isPresent()
                        ? p instanceof LabeledStmt l
                                && l.getLabel().equals(b.getLabel().get())
                        : p instanceof ForStmt
                                || p instanceof ForEachStmt
                                || p instanceof WhileStmt
                                || p instanceof DoStmt
                                || p instanceof SwitchStmt;
                target = breaks ? p : null;
            }
            if (target == null || target != loop.getBody() && !loop.getBody().isAncestorOf(target)) {
                return true;
            }
        }
        return false;
    }

    /** The scan and the creation, to stand before the top-level statement; the declaration keeps its length in place. */
    private List<Statement> hoist(VariableDeclarationExpr v, Scan scan) {
        ExpressionStmt at = (ExpressionStmt) v.getParentNode().get();
        BlockStmt block = (BlockStmt) at.getParentNode().get();
        ArrayCreationExpr c =
                (ArrayCreationExpr) v.getVariable(0).getInitializer().get();
        String cap = rw.fresh(v.getVariable(0).getNameAsString() + "Capacity");
        List<Statement> scanned = scanStatements(scan, cap, at);
        Set<String> lengthNames = new HashSet<>();
        scan.length().findAll(NameExpr.class).forEach(n -> lengthNames.add(n.getNameAsString()));
        boolean lengthKept = RaggedArrays.after(block, at).stream().noneMatch(s -> RowAliases.assigned(s, lengthNames));
        String hoisted = RaggedArrays.keepInPlace(
                rw, method, v, scan.length(), lengthKept, NestedArrays.mayBeNegative(scan.length()));
        String type = c.getElementType().asString();
        List<Statement> out = new ArrayList<>(rw.statements("{ int #c# = 0; }", Map.of("#c#", cap), Map.of(), at));
        out.addAll(scanned);
        out.addAll(rw.statements(
                "{ #t#[] #a# = new #t#[#c#]; }", Map.of("#t#", type, "#a#", hoisted, "#c#", cap), Map.of(), at));
        return out;
    }

    /**
     * The statements that raise the {@code int} variable {@code cap} to at least every length
     * {@code scan} meets: the loops' headers around the statements computing the length, under
     * names of their own (they stand where the method's may be declared later), positioned at {@code at}.
     */
    List<Statement> scanStatements(Scan scan, String cap, Node at) {
        List<Statement> inner = new ArrayList<>();
        scan.chain().forEach(s -> inner.add(LengthChains.guardRows(s)));
        inner.add(rw.statement(
                "#c# = Math.max(#c#, $n);",
                Map.of("#c#", cap),
                Map.of("$n", LengthChains.guardRows(scan.length())),
                at));
        for (int i = scan.loops().size() - 1; i >= 0; i--) {
            ForStmt f = scan.loops().get(i).clone();
            f.setBody(new BlockStmt(new NodeList<>(inner)));
            inner.clear();
            inner.add(f);
        }
        BlockStmt all = new BlockStmt(new NodeList<>(inner));
        Map<String, String> own = new HashMap<>();
        all.findAll(VariableDeclarator.class).forEach(x -> own.computeIfAbsent(x.getNameAsString(), rw::fresh));
        all.findAll(VariableDeclarator.class).forEach(x -> x.setName(own.get(x.getNameAsString())));
        all.findAll(NameExpr.class).stream()
                .filter(n -> own.containsKey(n.getNameAsString()))
                .forEach(n -> n.setName(own.get(n.getNameAsString())));
        at.getRange().ifPresent(r -> all.walk(n -> n.setRange(n.getRange().orElse(r))));
        return List.copyOf(all.getStatements());
    }
}
