package dev.adjoint.generator.reverse;

import dev.adjoint.generator.analyze.CountedLoop;
import dev.adjoint.generator.analyze.Saves;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Values of a counted loop's iteration that are cheaper to compute again than to save: each
 * reversed iteration starts by running their statements again (Rosenbrock's
 * {@code a = x[i + 1] - x[i] * x[i]}), instead of a push in every forward iteration and a pop in
 * every reverse one.
 *
 * <p>A statement of the body (not inside a branch or a nested loop) qualifies when it is the only
 * assignment of its variable in the method (so nothing reads an older value of it) and it is an
 * arithmetic operation ({@code + - * /}, a negation, a copy, a cast) or an element load, over
 * constants, the loop's counter and those of the counted loops around it (which the reversed
 * loops set back to the iteration's value),
 * parameters the method never assigns, arrays it never writes, and values of qualifying
 * statements before it. Only qualifying statements that would otherwise be saved, and what they
 * read, are run again.
 */
final class Recomputation {
    private static final Set<String> CHEAP = Set.of("+", "-", "*", "/", "neg", "copy", "(double)", "(float)");

    private Recomputation() {}

    /** The statements of {@code loop}'s body, in order, to run again at the start of each reversed iteration. */
    static List<Stmt.Assign> in(Stmt.Loop loop, CountedLoop counted, Sweep sw) {
        Set<Atom.Var> known = new HashSet<>(sw.reversedCounters);
        known.add(counted.counter());
        List<Stmt.Assign> qualifying = new ArrayList<>();
        for (Stmt s : loop.body()) {
            if (s instanceof Stmt.Assign a && s != counted.step() && qualifies(a, known, sw)) {
                qualifying.add(a);
                known.add(a.target());
            }
        }
        // those saved otherwise, and backwards what they read
        Set<Atom.Var> needed = new HashSet<>();
        List<Stmt.Assign> out = new ArrayList<>();
        for (int i = qualifying.size() - 1; i >= 0; i--) {
            Stmt.Assign a = qualifying.get(i);
            if (sw.an.saves().kind(a) == Saves.Kind.SAVE || needed.contains(a.target())) {
                out.add(0, a);
                a.op().operands().forEach(x -> needed.addAll(Atom.reads(x)));
            }
        }
        return out.stream().anyMatch(a -> sw.an.saves().kind(a) == Saves.Kind.SAVE) ? out : List.of();
    }

    static boolean qualifies(Stmt.Assign a, Set<Atom.Var> known, Sweep sw) {
        Atom.Var t = a.target();
        if (t.type().isArray() || sw.ir.params().contains(t) || sw.assignments().getOrDefault(t, 0) != 1) {
            return false;
        }
        if (a.op() instanceof Op.Apply ap) {
            return CHEAP.contains(ap.rule()) && ap.args().stream().allMatch(x -> unchanging(x, known, sw));
        }
        if (a.op() instanceof Op.ArrayLoad load) {
            return readOnly(load.array(), sw) && load.indices().stream().allMatch(x -> unchanging(x, known, sw));
        }
        if (a.op() instanceof Op.Passive p) {
            // (a Random's draw changes the generator: drawn again, it would give the next number)
            return p.reads().stream().noneMatch(v -> v.type().prim() == Ty.Prim.RANDOM)
                    && p.reads().stream().allMatch(v -> unchanging(v, known, sw));
        }
        return false;
    }

    /** Whether {@code x} has the value it had in the iteration's forward run, at the start of its reversed run. */
    static boolean unchanging(Atom x, Set<Atom.Var> known, Sweep sw) {
        if (x instanceof Atom.Const) {
            return true;
        }
        if (x instanceof Atom.Var v) {
            return known.contains(v)
                    || (sw.ir.params().contains(v)
                            && !v.type().isArray()
                            && sw.assignments().getOrDefault(v, 0) == 0);
        }
        if (x instanceof Atom.Elem e) {
            return readOnly(e.array(), sw) && e.indices().stream().allMatch(i -> unchanging(i, known, sw));
        }
        if (x instanceof Atom.Index i) {
            return i.vars().stream().allMatch(v -> unchanging(v, known, sw));
        }
        return false;
    }

    private static boolean readOnly(Atom.Var array, Sweep sw) {
        return sw.ir.params().contains(array)
                && !sw.writtenArrays.contains(array)
                && sw.assignments().getOrDefault(array, 0) == 0;
    }
}
