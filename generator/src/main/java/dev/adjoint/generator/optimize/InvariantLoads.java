package dev.adjoint.generator.optimize;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.LoopHeader;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.code.Uses;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A loop that stores into arrays and reads an element it neither writes nor moves, as GMM's
 * {@code qxc[b] += icf[li] * xc[a]} over {@code b}, reads that element once, into a local, before
 * the loop. The JIT cannot do this itself: any {@code double[]} the loop stores into may be the
 * one it reads, so it loads the element again after every store.
 *
 * <p>The local is loaded only when the loop's condition holds on entry ({@code double _xc_a =
 * b < d ? xc[a] : 0.0}), where the loop's first iteration would load it too: a loop that runs no
 * iteration need not have a valid index. Only loops {@code while (cond)} without jumps, calls that
 * could write arrays, or other statements than lines are rewritten, and only elements that their
 * top-level lines read unconditionally (not after a {@code ?}, {@code &&} or {@code ||}): every
 * iteration reads those.
 */
public final class InvariantLoads {
    private InvariantLoads() {}

    /**
     * {@code codes} with every such loop rewritten, inner loops first.
     *
     * @param arrays the element type of each 1-D array the code may read, by name
     * @param claim gives a fresh local name for a proposed one
     */
    public static List<Code> hoist(List<Code> codes, Map<String, Ty.Prim> arrays, UnaryOperator<String> claim) {
        List<Code> out = new ArrayList<>();
        for (Code c : codes) {
            if (c instanceof Code.Branch b) {
                out.add(new Code.Branch(b.cond(), hoist(b.then(), arrays, claim), hoist(b.otherwise(), arrays, claim)));
            } else if (c instanceof Code.Loop l) {
                loop(new Code.Loop(l.header(), hoist(l.body(), arrays, claim)), arrays, claim, out);
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static void loop(Code.Loop l, Map<String, Ty.Prim> arrays, UnaryOperator<String> claim, List<Code> out) {
        if (!(l.header() instanceof LoopHeader.While header)
                || header.cond().equals(new Expr.Literal("true"))
                || !plain(l.body())) {
            out.add(l);
            return;
        }
        Set<String> assigned = new HashSet<>();
        Set<String> stored = new HashSet<>();
        boolean[] unsafe = {false};
        boolean[] pushes = {false};
        Code.statements(List.of(l), st -> {
            Uses.stored(st, stored);
            Uses.assigned(st, assigned);
            unsafe[0] |= !(st instanceof Statement.Eval || st instanceof Statement.Declare);
            Uses.expressions(st)
                    .forEach(e -> Uses.each(e, x -> {
                        unsafe[0] |= x instanceof Expr.Call c && !harmless(c)
                                || x instanceof Expr.New
                                || x instanceof Expr.Opaque;
                        pushes[0] |= x instanceof Expr.Push;
                    }));
        });
        // (a loop that stores nothing: the JIT keeps the element in a register itself)
        if (unsafe[0] || stored.isEmpty() && !pushes[0]) {
            out.add(l);
            return;
        }
        // each invariant element the top-level lines read, with its local
        Map<Expr, String> locals = new LinkedHashMap<>();
        Map<Expr, Ty.Prim> types = new LinkedHashMap<>();
        for (Code c : l.body()) {
            if (!(c instanceof Code.Line line)) {
                continue;
            }
            for (Expr.Element e : unconditionalElements(line.statement())) {
                String array = ((Expr.Name) e.array()).id();
                Set<String> indexReads = new HashSet<>();
                Uses.names(e.index(), indexReads::add);
                indexReads.retainAll(assigned);
                if (arrays.containsKey(array)
                        && !stored.contains(array)
                        && !assigned.contains(array)
                        && indexReads.isEmpty()
                        && !locals.containsKey(e)) {
                    String index = e.index() instanceof Expr.Name n
                            ? n.id()
                            : e.index() instanceof Expr.Literal lit
                                            && lit.text().chars().allMatch(Character::isLetterOrDigit)
                                    ? lit.text()
                                    : "e";
                    locals.put(e, claim.apply("_" + LoopAccumulators.stripUnderscores(array) + "_" + index));
                    types.put(e, arrays.get(array));
                }
            }
        }
        if (locals.isEmpty()) {
            out.add(l);
            return;
        }
        for (Map.Entry<Expr, String> e : locals.entrySet()) {
            Ty.Prim p = types.get(e.getKey());
            out.add(new Code.Line(new Statement.Declare(
                    "",
                    p.java(),
                    e.getValue(),
                    new Expr.Conditional(header.cond(), e.getKey(), new Expr.Literal(new Ty(p, 0).zero())))));
        }
        List<Code> body = new ArrayList<>();
        for (Code c : l.body()) {
            if (c instanceof Code.Line line) {
                body.add(new Code.Line(
                        Uses.rewrite(line.statement(), x -> locals.containsKey(x) ? new Expr.Name(locals.get(x)) : x)));
            } else {
                body.add(c);
            }
        }
        out.add(new Code.Loop(l.header(), body));
    }

    /** Calls that write no array the loop reads: {@code Math}'s functions. */
    private static boolean harmless(Expr.Call c) {
        return c.target() instanceof Expr.Name n && (n.id().equals("Math") || n.id().equals("StrictMath"));
    }

    /**
     * The elements {@code a[i]} of named 1-D arrays, {@code i} without element accesses, that
     * {@code s} reads before its first {@code ?}, {@code &&} or {@code ||} as printed: what follows
     * one of those is read only sometimes.
     */
    private static List<Expr.Element> unconditionalElements(Statement s) {
        List<Expr.Element> out = new ArrayList<>();
        boolean[] stop = {false};
        for (Expr e : Uses.expressions(s)) {
            unconditional(e, out, stop, false);
        }
        return out;
    }

    private static void unconditional(Expr e, List<Expr.Element> out, boolean[] stop, boolean indexed) {
        if (stop[0]) {
            return;
        }
        if (e instanceof Expr.Element el && el.array() instanceof Expr.Name && !indexed && !bracketed(el.index())) {
            out.add(el);
        }
        if (e instanceof Expr.Conditional c) {
            unconditional(c.cond(), out, stop, false);
            stop[0] = true;
            return;
        }
        if (e instanceof Expr.Binary b && (b.op().equals("&&") || b.op().equals("||"))) {
            unconditional(b.left(), out, stop, false);
            stop[0] = true;
            return;
        }
        if (e instanceof Expr.Element el) {
            // (the array of an element of an element is a 2-D array's row)
            unconditional(el.array(), out, stop, true);
            unconditional(el.index(), out, stop, false);
            return;
        }
        for (Expr c : Uses.children(e)) {
            unconditional(c, out, stop, false);
        }
    }

    /** Whether {@code index} holds brackets: an element access, a pop, a new array. */
    private static boolean bracketed(Expr index) {
        boolean[] found = {false};
        Uses.each(
                index,
                x -> found[0] |= x instanceof Expr.Element || x instanceof Expr.Pop || x instanceof Expr.NewArray);
        return found[0];
    }

    /** Whether {@code codes} are lines, comments and loops of those only (nothing printed as raw text). */
    private static boolean plain(List<Code> codes) {
        for (Code c : codes) {
            if (c instanceof Code.Raw
                    || (c instanceof Code.Branch b && !(plain(b.then()) && plain(b.otherwise())))
                    || (c instanceof Code.Loop l && !plain(l.body()))) {
                return false;
            }
        }
        return true;
    }
}
