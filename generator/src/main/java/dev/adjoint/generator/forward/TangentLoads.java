package dev.adjoint.generator.forward;

import dev.adjoint.generator.analyze.Analysis;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Uses;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.optimize.InvariantLoads;
import dev.adjoint.generator.types.Ty;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Array elements that a storing loop of the Jvp reads but neither writes nor moves, loaded once
 * before the loop: the reverse sweep's {@link InvariantLoads}, applied to the tangent sweep.
 *
 * <p>GMM's triangular product {@code qxc[b] += icf[li]·xc[a]} over {@code b} has the tangent
 * {@code q̇xc[b] += i̇cf[li]·xc[a] + ẋc[a]·icf[li]}. Every iteration stores into {@code qxc} and
 * {@code q̇xc}, and since any {@code double[]} may be any other, the JIT loads {@code xc[a]} and
 * {@code ẋc[a]} again after each store; read once into locals, the loop keeps them in registers.
 * The values are the same, so the tangent is the same to the bit.
 *
 * <p>{@code InvariantLoads} tells arrays apart by name. In a Jvp a loop stores into arrays the
 * method creates, into tangent arrays from the pool (each an array that no other name holds), or
 * into a parameter written in place, which the caller may also have passed under another name (as
 * another parameter, or as a direction). So when the body stores into a caller's array anywhere,
 * no caller's array is hoisted; a local array that is ever assigned something other than a new
 * array counts as the caller's (it may hold one).
 */
final class TangentLoads {
    private TangentLoads() {}

    /**
     * {@code main} (the Jvp's sweep) with the loads hoisted, or as it is when the optimisation is
     * off or for the tangent printed for Hvp (kept as the rules give it).
     *
     * @param dot the tangent's name of each active variable
     * @param directions the tangent parameters' names (the caller's arrays too)
     */
    static List<Code> hoist(
            List<Code> main,
            MethodIr ir,
            Analysis an,
            boolean pairs,
            Map<Atom.Var, String> dot,
            Collection<String> directions) {
        if (pairs || !an.on(Options.Optimisation.INVARIANT_LOADS)) {
            return main;
        }
        Set<String> callers = new HashSet<>(directions);
        ir.params().forEach(p -> callers.add(p.name()));
        aliases(ir.body(), callers);
        Set<String> stored = new HashSet<>();
        Code.statements(main, s -> Uses.stored(s, stored));
        boolean callersWritten = stored.stream().anyMatch(callers::contains);
        Map<String, Ty.Prim> arrays = new HashMap<>();
        for (Atom.Var v : ir.params()) {
            put(arrays, v.name(), v.type());
        }
        for (Atom.Var v : ir.locals()) {
            put(arrays, v.name(), v.type());
        }
        dot.forEach((v, t) -> put(arrays, t, v.type()));
        if (callersWritten) {
            arrays.keySet().removeAll(callers);
        }
        return InvariantLoads.hoist(main, arrays, ir.names()::claim);
    }

    private static void put(Map<String, Ty.Prim> arrays, String name, Ty type) {
        if (type.dims() == 1) {
            arrays.put(name, type.prim());
        }
    }

    /** Adds the array locals that some statement assigns other than a new array (they may hold the caller's). */
    private static void aliases(List<Stmt> body, Set<String> into) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a && a.target().type().isArray() && !(a.op() instanceof Op.NewArray)) {
                into.add(a.target().name());
            } else if (s instanceof Stmt.If i) {
                aliases(i.then(), into);
                aliases(i.otherwise(), into);
            } else if (s instanceof Stmt.Loop l) {
                aliases(l.head(), into);
                aliases(l.body(), into);
            }
        }
    }
}
