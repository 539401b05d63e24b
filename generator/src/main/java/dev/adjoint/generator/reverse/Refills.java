package dev.adjoint.generator.reverse;

import dev.adjoint.generator.analyze.ActivityAnalysis;
import dev.adjoint.generator.analyze.CountedLoop;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scratch arrays that every iteration of a counted loop fills afresh from values the method never
 * changes, as GMM's {@code xc[j] = x[i * d + j] - means[c * d + j]}: each reversed iteration fills
 * them again before it reads them, instead of each write saving the element it overwrites and the
 * reverse sweep restoring it (a push and a pop per element and iteration).
 *
 * <p>A loop {@code W} among the statements of a counted loop {@code L}'s body qualifies when
 * <ul>
 * <li>{@code W} is counted and its bounds read only parameters the method never assigns, so every
 * run of it writes the same elements;
 * <li>its body is temporaries computed as {@link Recomputation} computes values again (each
 * assigned nowhere else, by a cheap operation), one store {@code A[..] = v}, and the step; all
 * they read is a constant, {@code W}'s counter, the counters of {@code L} and of the counted loops
 * around it (each reversed iteration sets its counter back), a parameter never assigned, an array
 * never written, or an earlier temporary of {@code W};
 * <li>the store's indices read only {@code W}'s counter, constants and parameters never assigned;
 * <li>{@code A} is a local array created once, outside {@code L}, written by that store only, and
 * only read elsewhere, and only by statements of {@code L}'s body after {@code W}.
 * </ul>
 * Then, wherever the reversed iteration reads {@code A}, it holds what this iteration's run of
 * {@code W} wrote, as in the forward sweep; no statement outside {@code L} reads it.
 */
final class Refills {
    private Refills() {}

    /**
     * A loop that fills a scratch array, with the statement before it that sets its counter.
     *
     * @param store the store whose overwritten elements are then not saved
     */
    record Refill(Stmt.Assign init, Stmt.Loop loop, Stmt.ArrayStore store) {}

    /**
     * The loops of {@code loop}'s body to run again, in order, at the start of each reversed
     * iteration. The counters of the counted loops around it, and its own, are in {@code sw}.
     */
    static List<Refill> in(Stmt.Loop loop, Sweep sw) {
        List<Refill> out = new ArrayList<>();
        List<Stmt> body = loop.body();
        for (int k = 1; k < body.size(); k++) {
            Optional<CountedLoop> counted = CountedLoop.at(body, k);
            if (counted.isEmpty()) {
                continue;
            }
            Stmt.Loop w = (Stmt.Loop) body.get(k);
            Optional<Stmt.ArrayStore> store = fill(w, counted.get(), sw);
            if (store.isPresent() && onlyReadAfter(store.get(), loop, body.subList(k + 1, body.size()), sw)) {
                out.add(new Refill((Stmt.Assign) body.get(k - 1), w, store.get()));
            }
        }
        return out;
    }

    /** The store of {@code w}, when {@code w} fills an array from unchanging values. */
    private static Optional<Stmt.ArrayStore> fill(Stmt.Loop w, CountedLoop counted, Sweep sw) {
        // (a parameter never assigned: an array's length cannot change either)
        if (!counted.reads().stream()
                .allMatch(v -> sw.ir.params().contains(v) && sw.assignments().getOrDefault(v, 0) == 0)) {
            return Optional.empty();
        }
        Set<Atom.Var> fixed = Set.of(counted.counter());
        Set<Atom.Var> known = new HashSet<>(sw.reversedCounters);
        known.add(counted.counter());
        Stmt.ArrayStore store = null;
        for (Stmt s : w.body()) {
            if (s == counted.step()) {
                continue;
            }
            if (store == null && s instanceof Stmt.Assign a && Recomputation.qualifies(a, known, sw)) {
                known.add(a.target());
            } else if (store == null
                    && s instanceof Stmt.ArrayStore st
                    && Recomputation.unchanging(st.value(), known, sw)
                    && st.indices().stream().allMatch(i -> Recomputation.unchanging(i, fixed, sw))) {
                store = st;
            } else {
                return Optional.empty();
            }
        }
        Atom.Var a = store == null ? null : store.array();
        // (only an array whose writes would be saved: a restored, local one)
        if (a == null
                || !sw.ir.restoredArrays().contains(a)
                || sw.ir.params().contains(a)
                || a.equals(sw.ir.result())
                || sw.assignments().getOrDefault(a, 0) != 1) {
            return Optional.empty();
        }
        return Optional.of(store);
    }

    /** Whether {@code store}'s array is only read, and only by {@code after}, besides its creation outside {@code loop}. */
    private static boolean onlyReadAfter(Stmt.ArrayStore store, Stmt.Loop loop, List<Stmt> after, Sweep sw) {
        Atom.Var a = store.array();
        Set<Stmt> inLoop = flat(List.of(loop));
        Set<Stmt> readers = flat(after);
        for (Stmt s : sw.flatBody()) {
            Use use = use(s, a);
            boolean creation = s instanceof Stmt.Assign as && as.target().equals(a) && as.op() instanceof Op.NewArray;
            if (s == store || use == Use.NONE || (creation && !inLoop.contains(s))) {
                continue;
            }
            if (use != Use.READ || !readers.contains(s)) {
                return false;
            }
        }
        return true;
    }

    private static Set<Stmt> flat(List<Stmt> stmts) {
        List<Stmt> list = new ArrayList<>();
        ActivityAnalysis.flatten(stmts, list);
        Set<Stmt> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(list);
        return set;
    }

    private enum Use {
        NONE,
        READ,
        OTHER
    }

    /** How statement {@code s} itself (not the statements nested in it) uses array {@code a}. */
    private static Use use(Stmt s, Atom.Var a) {
        if ((s instanceof Stmt.Assign as && as.target().equals(a))
                || (s instanceof Stmt.ArrayStore st && st.array().equals(a))) {
            return Use.OTHER;
        }
        if (s instanceof Stmt.Assign as && as.op() instanceof Op.Passive p) {
            // a.length, unless the value is an array: then it may be a itself
            return !p.reads().contains(a) ? Use.NONE : as.target().type().isArray() ? Use.OTHER : Use.READ;
        }
        if (s instanceof Stmt.Assign as
                && as.op() instanceof Op.ArrayLoad load
                && load.array().equals(a)) {
            return worst(Use.READ, new ArrayList<>(load.indices()), a);
        }
        return worst(Use.NONE, Increments.ownReads(s), a);
    }

    /** {@code start}, or worse if one of {@code atoms} names {@code a}: as a value, or an element of it. */
    private static Use worst(Use start, List<Atom> atoms, Atom.Var a) {
        Use u = start;
        for (Atom x : atoms) {
            if (x.equals(a)) {
                return Use.OTHER;
            }
            if (x instanceof Atom.Elem e) {
                if (e.array().equals(a)) {
                    u = Use.READ;
                }
                Use inner = worst(Use.NONE, new ArrayList<>(e.indices()), a);
                if (inner == Use.OTHER) {
                    return Use.OTHER;
                }
                u = inner == Use.READ ? Use.READ : u;
            }
        }
        return u;
    }
}
