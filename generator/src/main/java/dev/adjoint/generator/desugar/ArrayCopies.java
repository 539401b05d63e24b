package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.adjoint.generator.desugar.ArrayReassignments.Candidate;
import dev.adjoint.generator.desugar.ArrayReassignments.Group;
import dev.adjoint.generator.desugar.ArrayReassignments.Site;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a {@link Group} of array variables assigned again as arrays of their own, each
 * assignment a copy into them:
 *
 * <pre>
 * double[] t = cur; cur = next; next = t;     double[] t = new double[x.length]; for (k...) t[k] = cur[k];
 *                                             for (k...) cur[k] = next[k]; for (k...) next[k] = t[k];
 *
 * double[] a = x;                             int aCapacity0 = x.length; (the longest row of B, if longer)
 * for (...) {                                 double[] a = new double[aCapacity0]; int aLength0 = 0;
 *     double[] z = new double[B[l].length];   for (k...) a[k] = x[k]; aLength0 = x.length;
 *     ... a[j] ... a.length ...               for (...) { ...  a[j &lt; aLength0 ? j : -1] ... aLength0 ...
 *     a = z;                                      for (k &lt; z.length) a[k] = z[k]; aLength0 = z.length; }
 * }
 * </pre>
 *
 * A variable that takes arrays of one length gets an array of that length; one that takes several
 * lengths gets one of the greatest, its length beside it, and its indices are checked against that
 * length (as {@link RaggedArrays} checks them) unless a counted loop up to it bounds them. The
 * arrays are ordinary locals from then on: the static strategy takes them from the pool and saves
 * the elements a copy overwrites, the tape records each copied element.
 */
final class ArrayCopies {
    private final Rewriter rw;
    private final MethodDeclaration method;

    ArrayCopies(Rewriter rw, MethodDeclaration method) {
        this.rw = rw;
        this.method = method;
    }

    void rewrite(Group found) {
        Group g = new Group(
                found.members().stream().map(this::local).toList(), found.fixed(), found.capacities(), found.tables());
        if (g.fixed().isPresent()) {
            for (Candidate c : g.members()) {
                Expression length = g.fixed().get();
                List<Statement> declared = new ArrayList<>(rw.statements(
                        "{ #t#[] #p# = new #t#[$n]; }",
                        Map.of("#t#", c.element().asString(), "#p#", c.name()),
                        Map.of("$n", length),
                        c.at()));
                declared.addAll(copy(c, null, c.sites().get(0).value(), c.at()));
                for (Site s : c.sites().subList(1, c.sites().size())) {
                    splice(s.statement(), copy(c, null, s.value(), s.statement()));
                }
                declare(c, declared);
            }
            return;
        }
        Candidate c = g.members().get(0);
        String length = rw.fresh(c.name() + "Length");
        String capacity = rw.fresh(c.name() + "Capacity");
        Set<ArrayAccessExpr> inBounds = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Statement> declared = new ArrayList<>(capacity(c, g, capacity));
        declared.addAll(rw.statements(
                "{ #t#[] #p# = new #t#[#c#]; int #n# = 0; }",
                Map.of("#t#", c.element().asString(), "#p#", c.name(), "#c#", capacity, "#n#", length),
                Map.of(),
                c.at()));
        declared.addAll(copy(c, length, c.sites().get(0).value(), c.at()));
        List<Statement> added = new ArrayList<>(declared);
        for (Site s : c.sites().subList(1, c.sites().size())) {
            List<Statement> copies = copy(c, length, s.value(), s.statement());
            added.addAll(copies);
            splice(s.statement(), copies);
        }
        declare(c, declared);
        for (ForEachStmt fe : method.findAll(ForEachStmt.class)) {
            if (fe.getIterable() instanceof NameExpr n && n.getNameAsString().equals(c.name())) {
                added.add(rw.indexed(fe));
            }
        }
        added.forEach(s -> s.findAll(ArrayAccessExpr.class).stream()
                .filter(a -> isOf(a, c.name()))
                .forEach(inBounds::add));
        List<ArrayAccessExpr> checked = new ArrayList<>();
        List<FieldAccessExpr> lengths = new ArrayList<>();
        for (NameExpr n : method.getBody().get().findAll(NameExpr.class)) {
            if (!n.getNameAsString().equals(c.name())) {
                continue;
            }
            if (n.getParentNode().get() instanceof ArrayAccessExpr a && a.getName() == n) {
                if (!inBounds.contains(a)
                        && RaggedArrays.boundingLoop(
                                        a, c.name(), null, method.getBody().get())
                                .filter(loop -> !assigns(loop, length))
                                .isEmpty()) {
                    checked.add(a);
                }
            } else if (n.getParentNode().get() instanceof FieldAccessExpr f) {
                lengths.add(f);
            }
        }
        RaggedArrays.keptLength(length, lengths, checked);
    }

    /** {@code c}, or for a parameter a local of its own that every use of the parameter now names. */
    private Candidate local(Candidate c) {
        if (c.declaration() != null) {
            return c;
        }
        String local = rw.fresh(c.name());
        method.getBody().get().findAll(NameExpr.class).stream()
                .filter(n -> n.getNameAsString().equals(c.name()))
                .forEach(n -> n.setName(local));
        return c.renamed(local);
    }

    /** Puts {@code declared} where {@code c} was declared: a parameter's at the top of the body. */
    private void declare(Candidate c, List<Statement> declared) {
        if (c.declaration() == null) {
            method.getBody().get().getStatements().addAll(0, declared);
        } else {
            splice(c.declaration(), declared);
        }
    }

    /** The statements computing the greatest length {@code c} takes into the local {@code capacity}. */
    private List<Statement> capacity(Candidate c, Group g, String capacity) {
        List<Statement> out =
                new ArrayList<>(rw.statements("{ int #c# = 0; }", Map.of("#c#", capacity), Map.of(), c.at()));
        for (Expression n : g.capacities()) {
            out.addAll(
                    rw.statements("{ if ($n > #c#) { #c# = $n; } }", Map.of("#c#", capacity), Map.of("$n", n), c.at()));
        }
        for (NameExpr table : g.tables()) {
            out.addAll(rw.statements(
                    "{ for (int #r# = 0; #r# < $X.length; #r#++) { if ($X[#r#].length > #c#) { #c# = $X[#r#].length; } } }",
                    Map.of("#c#", capacity, "#r#", rw.fresh("r")),
                    Map.of("$X", table),
                    c.at()));
        }
        return out;
    }

    /**
     * The statements that make {@code c} hold what {@code value} holds: its elements copied (a
     * {@code new} array's zeros), and, when {@code length} names {@code c}'s length, that set.
     */
    private List<Statement> copy(Candidate c, String length, Expression value, Node at) {
        while (value instanceof EnclosedExpr en) {
            value = en.getInner();
        }
        String k = rw.fresh("k");
        Map<String, String> names = Map.of("#p#", c.name(), "#k#", k, "#n#", length == null ? "" : length);
        if (value instanceof ConditionalExpr cond) {
            IfStmt branch =
                    (IfStmt) rw.statement("if ($c) { } else { }", Map.of(), Map.of("$c", cond.getCondition()), at);
            branch.getThenStmt().asBlockStmt().setStatements(new NodeList<>(copy(c, length, cond.getThenExpr(), at)));
            branch.getElseStmt()
                    .get()
                    .asBlockStmt()
                    .setStatements(new NodeList<>(copy(c, length, cond.getElseExpr(), at)));
            return List.of(branch);
        }
        if (value instanceof ArrayCreationExpr creation
                && creation.getInitializer().isPresent()) {
            return listed(c, length, creation.getInitializer().get().getValues(), at);
        }
        if (value instanceof ArrayCreationExpr creation) {
            Expression n = creation.getLevels().get(0).getDimension().get();
            return length == null
                    ? rw.statements(
                            "{ for (int #k# = 0; #k# < #p#.length; #k#++) { #p#[#k#] = 0; } }", names, Map.of(), at)
                    : rw.statements(
                            "{ #n# = $n; for (int #k# = 0; #k# < #n#; #k#++) { #p#[#k#] = 0; } }",
                            names,
                            Map.of("$n", n),
                            at);
        }
        return length == null
                ? rw.statements(
                        "{ for (int #k# = 0; #k# < #p#.length; #k#++) { #p#[#k#] = $q[#k#]; } }",
                        names,
                        Map.of("$q", value),
                        at)
                : rw.statements(
                        "{ for (int #k# = 0; #k# < $q.length; #k#++) { #p#[#k#] = $q[#k#]; } #n# = $q.length; }",
                        names,
                        Map.of("$q", value),
                        at);
    }

    /**
     * {@code p = new T[] {v0, v1, ...}}: each value into a fresh local first (a value may read {@code p}, which
     * Java reads before the new array replaces it), then into {@code p}'s elements, and the length set.
     */
    private List<Statement> listed(Candidate c, String length, List<Expression> values, Node at) {
        StringBuilder first = new StringBuilder("{ ");
        StringBuilder then = new StringBuilder();
        Map<String, String> names = new HashMap<>(Map.of("#t#", c.element().asString(), "#p#", c.name()));
        Map<String, Expression> exprs = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            names.put("#v" + i + "#", rw.fresh("v"));
            exprs.put("$v" + i, values.get(i));
            first.append("#t# #v").append(i).append("# = $v").append(i).append("; ");
            then.append("#p#[").append(i).append("] = #v").append(i).append("#; ");
        }
        if (length != null) {
            names.put("#n#", length);
            then.append("#n# = ").append(values.size()).append("; ");
        }
        return rw.statements(first.append(then).append("}").toString(), names, exprs, at);
    }

    private static boolean isOf(ArrayAccessExpr a, String p) {
        return a.getName() instanceof NameExpr n && n.getNameAsString().equals(p);
    }

    private static boolean assigns(Node scope, String variable) {
        return scope.findAll(AssignExpr.class).stream()
                .anyMatch(a -> a.getTarget() instanceof NameExpr n
                        && n.getNameAsString().equals(variable));
    }

    /** Puts {@code replacement} where {@code s} was: into its block, or as one block. */
    private static void splice(Statement s, List<Statement> replacement) {
        if (s.getParentNode().orElse(null) instanceof BlockStmt b) {
            NodeList<Statement> list = b.getStatements();
            int at = 0;
            while (list.get(at) != s) {
                at++;
            }
            list.remove(at);
            list.addAll(at, replacement);
            return;
        }
        BlockStmt block = new BlockStmt(new NodeList<>(replacement));
        s.getRange().ifPresent(block::setRange);
        s.replace(block);
    }
}
