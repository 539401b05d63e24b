package dev.adjoint.generator.analyze;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Uses;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which assignments must keep the value they overwrite for the reverse sweep, and how.
 *
 * <p>The reverse sweep undoes the statements in reverse order; undoing an assignment restores its
 * target's previous value. A restore is needed only where that previous value is read later on
 * the way back: where, on some path from the previous assignment to this one, a statement's
 * derivative reads the variable. That is a forward, may-analysis over the statements (the
 * to-be-recorded analysis, flow-sensitive): a loop body's reads reach its own assignments through
 * the back edge, so a value read in each iteration and overwritten by the next is saved, but an
 * accumulator such as {@code s += x[i]}, whose derivative reads nothing, is not.
 *
 * <p>An integer step {@code i = i + c} is undone by {@code i = i - c} (exact in two's
 * complement) instead of saving {@code i}: loop counters and running indices cost nothing on the
 * stacks. That restore reads the stepped value, so it counts as a read of it.
 */
public final class Saves {
    /** How an assignment's overwritten value comes back in the reverse sweep. */
    public enum Kind {
        /** not needed again */
        NONE,
        /** saved before the assignment (a local, or a stack in loops) and restored after undoing it */
        SAVE,
        /** recomputed by the inverse integer step, see {@link #inverse} */
        INVERT
    }

    private final Map<Stmt, Kind> kinds = new IdentityHashMap<>();
    private final Overwrites overwrites;
    /** The state at each loop's head, over all iterations (see {@link #walk}). */
    private final Map<Stmt.Loop, Set<Atom.Var>> loopEntries = new IdentityHashMap<>();

    private boolean grew;
    /** Variables that hold one value whenever they are read: see {@link #invariants}. */
    private Set<Atom.Var> invariant = Set.of();

    private Saves(Overwrites overwrites) {
        this.overwrites = overwrites;
    }

    /** What {@code s} keeps of the value it overwrites. */
    public Kind kind(Stmt s) {
        return kinds.getOrDefault(s, Kind.NONE);
    }

    /** Whether {@code s} may overwrite an earlier value of its target (see {@link Overwrites}). */
    public boolean isOverwrite(Stmt s) {
        return overwrites.isOverwrite(s);
    }

    /**
     * The expression that recomputes the value {@code a} overwrote from the one it assigned, when
     * {@code a} is an integer step {@code v = v ± c}: {@code v ∓ c}.
     */
    public static Optional<Expr> inverse(Stmt.Assign a) {
        if (!(a.op() instanceof Op.Passive p)
                || a.target().type().isFloating()
                || a.target().type().isArray()) {
            return Optional.empty();
        }
        // (the user's expression, as the normalize pass wrote it out, read back into the model)
        Optional<Expr> e = AtomCode.read(p.java());
        if (e.isEmpty()
                || !(e.get() instanceof Expr.Binary b)
                || !(b.op().equals("+") || b.op().equals("-"))
                || !b.left().equals(new Expr.Name(a.target().name()))) {
            return Optional.empty();
        }
        Expr c = b.right() instanceof Expr.Paren paren ? paren.inner() : b.right();
        if (!(c instanceof Expr.Literal l) || !integer(l.text())) {
            return Optional.empty();
        }
        return Optional.of(new Expr.Binary(b.op().equals("+") ? "-" : "+", b.left(), c));
    }

    /** Without the to-be-recorded analysis: every overwrite of a variable the reverse sweep reads. */
    static Saves everyOverwrite(List<Stmt> flat, Overwrites overwrites, Set<Atom.Var> needed) {
        Saves saves = new Saves(overwrites);
        for (Stmt s : flat) {
            if (s instanceof Stmt.Assign a
                    && overwrites.isOverwrite(a)
                    && needed.contains(a.target())
                    && !a.target().type().isArray()) {
                saves.kinds.put(a, Kind.SAVE);
            }
        }
        return saves;
    }

    /** The to-be-recorded analysis of {@code body} (see the class comment). */
    static Saves recorded(
            List<Atom.Var> params,
            List<Stmt> body,
            Set<Atom.Var> restoredArrays,
            Overwrites overwrites,
            ReverseReads reads) {
        Saves saves = new Saves(overwrites);
        saves.invariant = invariants(params, body, restoredArrays);
        do {
            saves.grew = false;
            saves.walk(body, new HashSet<>(), reads);
        } while (saves.grew);
        return saves;
    }

    /**
     * The variables assigned at one place only, by a pure operation of constants, unassigned
     * parameters and other such variables ({@code 0.5 * gamma * gamma} in a loop): every run of the
     * assignment writes the value it overwrites, so there is nothing to restore.
     */
    private static Set<Atom.Var> invariants(List<Atom.Var> params, List<Stmt> body, Set<Atom.Var> restoredArrays) {
        List<Stmt> flat = new ArrayList<>();
        ActivityAnalysis.flatten(body, flat);
        Map<Atom.Var, Integer> sites = new HashMap<>();
        Map<Atom.Var, Stmt.Assign> only = new LinkedHashMap<>(); // program order: one or two rounds
        params.forEach(p -> sites.put(p, 1)); // a parameter's value on entry is one more
        for (Stmt s : flat) {
            if (s instanceof Stmt.Assign a) {
                sites.merge(a.target(), 1, Integer::sum);
                only.put(a.target(), a);
            }
        }
        Set<Atom.Var> invariant = new HashSet<>();
        params.stream().filter(p -> !only.containsKey(p) && !p.type().isArray()).forEach(invariant::add);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<Atom.Var, Stmt.Assign> e : only.entrySet()) {
                if (sites.get(e.getKey()) == 1
                        && !invariant.contains(e.getKey())
                        && pure(e.getValue().op())
                        && e.getValue().op().operands().stream()
                                .allMatch(o -> invariantAtom(o, invariant, restoredArrays))) {
                    changed |= invariant.add(e.getKey());
                }
            }
        }
        return invariant;
    }

    /** Operators and {@code Math} functions, and integer arithmetic without calls. */
    private static boolean pure(Op op) {
        if (op instanceof Op.Apply) {
            return true;
        }
        if (!(op instanceof Op.Passive p)) {
            return false;
        }
        // (the user's expression, as the normalize pass wrote it out, read back into the model)
        Optional<Expr> e = AtomCode.read(p.java());
        boolean[] ok = {e.isPresent()};
        e.ifPresent(x -> Uses.each(
                x,
                n -> ok[0] &= n instanceof Expr.Name
                        || n instanceof Expr.Field
                        || n instanceof Expr.Literal l
                                && l.text()
                                        .chars()
                                        .allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '.')
                        || n instanceof Expr.Binary b
                                && java.util.Set.of("+", "-", "*", "/", "%").contains(b.op())
                        || n instanceof Expr.Unary u && u.op().equals("-")));
        return ok[0];
    }

    /** Whether {@code text} is a decimal {@code int} or {@code long} literal: {@code 2}, {@code 3L}. */
    private static boolean integer(String text) {
        String digits = text.endsWith("L") ? text.substring(0, text.length() - 1) : text;
        return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit);
    }

    private static boolean invariantAtom(Atom a, Set<Atom.Var> invariant, Set<Atom.Var> restoredArrays) {
        if (a instanceof Atom.Var v) {
            return invariant.contains(v);
        }
        if (a instanceof Atom.Elem e && restoredArrays.contains(e.array())) {
            return false; // written between two reads
        }
        // otherwise an element is read after the last write of its array (see Atom.Elem)
        return Atom.reads(a).stream().allMatch(invariant::contains);
    }

    /**
     * Walks in program order; {@code read} holds the variables whose current value the reverse
     * sweep may read (read since their last assignment on some path). Returns it at the end.
     */
    private Set<Atom.Var> walk(List<Stmt> body, Set<Atom.Var> read, ReverseReads reads) {
        for (int k = 0; k < body.size(); k++) {
            Stmt s = body.get(k);
            if (s instanceof Stmt.Assign a) {
                read.addAll(reads.before(a));
                Atom.Var t = a.target();
                if (t.type().isArray()) {
                    continue;
                }
                boolean inverted = false;
                if (overwrites.isOverwrite(a) && read.contains(t) && !invariant.contains(t)) {
                    inverted = inverse(a).isPresent();
                    kinds.put(a, inverted ? Kind.INVERT : Kind.SAVE);
                }
                read.remove(t);
                if (inverted || reads.readsResult(a)) {
                    read.add(t);
                }
            } else if (s instanceof Stmt.ArrayStore) {
                read.addAll(reads.before(s));
            } else if (s instanceof Stmt.If i) {
                read.addAll(reads.before(i));
                Set<Atom.Var> then = walk(i.then(), new HashSet<>(read), reads);
                Set<Atom.Var> otherwise = walk(i.otherwise(), new HashSet<>(read), reads);
                read.clear();
                read.addAll(then);
                read.addAll(otherwise);
            } else if (s instanceof Stmt.Loop l) {
                // what one iteration leaves read reaches the next one's assignments: the loop's
                // entry state gathers the state before the loop and after its body, and the whole
                // method is walked again until no entry state grows (linear per walk, however deep
                // the loops nest)
                Set<Atom.Var> entry = loopEntries.computeIfAbsent(l, x -> new HashSet<>());
                grew |= entry.addAll(read);
                Set<Atom.Var> afterHead = walk(l.head(), new HashSet<>(entry), reads);
                Set<Atom.Var> afterBody = walk(l.body(), new HashSet<>(afterHead), reads);
                grew |= entry.addAll(afterBody);
                read.clear();
                read.addAll(afterHead); // the loop exits after its head
                Optional<CountedLoop> counted = CountedLoop.at(body, k);
                if (counted.isPresent()) {
                    // the reverse sweep sets the counter from its start and bound where the loop ends
                    read.remove(counted.get().counter());
                    read.addAll(counted.get().reads());
                }
            }
        }
        return read;
    }
}
