package dev.adjoint.generator.tape;

import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the recording declares each local of the normalized form: at its first assignment when
 * every use of the variable lies in the block of that assignment (after it, at the same depth or
 * deeper), otherwise at the top of the method, with its zero. The recording keeps the form's
 * blocks as Java blocks (a branch's arms, a loop's head and body together), so a block here is a
 * Java scope there, and a declaration at the first assignment is in scope for every later use.
 */
final class IrDeclarations {
    /** The block path of a variable's first occurrence, its common block so far, and whether it is first assigned. */
    private static final class Uses {
        List<Integer> common;
        Stmt.Assign firstAssign;
        List<Integer> firstPath;
    }

    private final Map<Atom.Var, Uses> uses = new LinkedHashMap<>();
    private final Map<Atom.Var, Integer> reads = new java.util.HashMap<>();
    private final Map<Atom.Var, Integer> operandReads = new java.util.HashMap<>();
    private final Map<Atom.Var, Stmt.Assign> defs = new java.util.HashMap<>();
    private final Set<Atom.Var> redefined = new java.util.HashSet<>();
    private final Set<Atom.Var> params;
    private final List<Integer> path = new ArrayList<>();
    private int blocks;

    private IrDeclarations(MethodIr ir) {
        this.params = Set.copyOf(ir.params());
    }

    /**
     * The assignments of {@code ir} that declare their target (identity), and the locals declared at
     * the top instead, in order of first appearance; the single-use values ({@link IrPending}):
     * floating-point locals assigned once, by an operation of the rule table, and read once, as an
     * operand of another.
     */
    record Placement(Set<Stmt.Assign> declaring, List<Atom.Var> atTop, Set<Atom.Var> singleUse) {}

    static Placement of(MethodIr ir) {
        IrDeclarations d = new IrDeclarations(ir);
        d.block(ir.body());
        Set<Stmt.Assign> declaring = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Atom.Var> atTop = new ArrayList<>();
        d.uses.forEach((v, u) -> {
            if (u.firstAssign != null && u.firstPath.equals(u.common)) {
                declaring.add(u.firstAssign);
            } else {
                atTop.add(v);
            }
        });
        Set<Atom.Var> singleUse = new java.util.HashSet<>();
        d.defs.forEach((v, def) -> {
            if (v.type().isFloatingScalar()
                    && !d.redefined.contains(v)
                    && def.op() instanceof Op.Apply
                    && d.reads.getOrDefault(v, 0) == 1
                    && d.operandReads.getOrDefault(v, 0) == 1) {
                singleUse.add(v);
            }
        });
        return new Placement(declaring, atTop, singleUse);
    }

    private void block(List<Stmt> stmts) {
        path.add(blocks++);
        stmts.forEach(this::statement);
        path.remove(path.size() - 1);
    }

    private void statement(Stmt s) {
        if (s instanceof Stmt.Assign a) {
            a.op().operands().forEach(this::read);
            if (a.op() instanceof Op.Apply ap) {
                ap.args().forEach(x -> Atom.carrier(x).ifPresent(v -> operandReads.merge(v, 1, Integer::sum)));
            }
            if (defs.putIfAbsent(a.target(), a) != null) {
                redefined.add(a.target());
            }
            occurs(a.target(), a);
        } else if (s instanceof Stmt.ArrayStore st) {
            read(st.array());
            st.indices().forEach(this::read);
            read(st.value());
        } else if (s instanceof Stmt.If i) {
            read(i.cond());
            block(i.then());
            block(i.otherwise());
        } else if (s instanceof Stmt.Loop l) {
            // the head, the test and the body are one Java block: while (true) { head; if (!c) break; body }
            path.add(blocks++);
            l.head().forEach(this::statement);
            read(l.cond());
            l.body().forEach(this::statement);
            path.remove(path.size() - 1);
        } else if (s instanceof Stmt.Return r) {
            read(r.value());
        } else if (s instanceof Stmt.Effect e) {
            e.reads().forEach(this::read);
        }
    }

    private void read(Atom a) {
        if (a instanceof Atom.Var v) {
            occurs(v, null);
        } else {
            Atom.carrier(a).ifPresent(v -> occurs(v, null));
            Atom.reads(a).forEach(v -> occurs(v, null));
        }
    }

    private void occurs(Atom.Var v, Stmt.Assign assigned) {
        if (assigned == null) {
            reads.merge(v, 1, Integer::sum);
        }
        place(v, assigned);
    }

    private void place(Atom.Var v, Stmt.Assign assigned) {
        if (params.contains(v)) {
            return;
        }
        Uses u = uses.get(v);
        if (u == null) {
            u = new Uses();
            u.common = List.copyOf(path);
            u.firstPath = u.common;
            u.firstAssign = assigned;
            uses.put(v, u);
            return;
        }
        int k = 0;
        while (k < u.common.size() && k < path.size() && u.common.get(k).equals(path.get(k))) {
            k++;
        }
        u.common = List.copyOf(u.common.subList(0, k));
    }
}
