package dev.adjoint.generator.analyze;

import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import dev.adjoint.generator.select.Param;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Activity and to-be-recorded analyses, flow-insensitive (a fixpoint over all assignments): a
 * variable is <em>varied</em> when some assignment feeds it from a varied operand through a
 * non-zero derivative, <em>useful</em> when it feeds the result the same way, and <em>active</em>
 * when both. An array is one variable for this purpose. The reverse sweep <em>needs</em> the
 * values its derivative rules, indices and branches read.
 */
public final class ActivityAnalysis {
    private ActivityAnalysis() {}

    /** Analyses {@code ir} under {@code options}. */
    public static Analysis analyze(MethodIr ir, Options options) {
        List<Stmt> flat = new ArrayList<>();
        flatten(ir.body(), flat);
        Set<Atom.Var> varied = new HashSet<>();
        for (int i = 0; i < ir.params().size(); i++) {
            Param p = ir.request().params().get(i);
            if (p.wrt()) {
                varied.add(ir.params().get(i));
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Stmt s : flat) {
                if (s instanceof Stmt.Assign a
                        && a.target().type().isFloating()
                        && !varied.contains(a.target())
                        && differentiableOperands(a.op()).stream().anyMatch(varied::contains)) {
                    changed |= varied.add(a.target());
                } else if (s instanceof Stmt.ArrayStore st
                        && Atom.carrier(st.value()).filter(varied::contains).isPresent()) {
                    changed |= varied.add(st.array());
                }
            }
        }
        Set<Atom.Var> active;
        if (options.activity()) {
            Set<Atom.Var> useful = new HashSet<>();
            if (ir.result() instanceof Atom.Var r) {
                useful.add(r);
            }
            changed = true;
            while (changed) {
                changed = false;
                for (Stmt s : flat) {
                    if (s instanceof Stmt.Assign a && useful.contains(a.target())) {
                        for (Atom.Var v : differentiableOperands(a.op())) {
                            changed |= useful.add(v);
                        }
                    } else if (s instanceof Stmt.ArrayStore st
                            && useful.contains(st.array())
                            && Atom.carrier(st.value())
                                    .filter(v -> v.type().isFloating())
                                    .isPresent()) {
                        changed |= useful.add(Atom.carrier(st.value()).get());
                    }
                }
            }
            active = new HashSet<>(varied);
            active.retainAll(useful);
        } else {
            active = varied;
        }
        Set<Atom.Var> needed = new HashSet<>();
        ReverseReads reads = new ReverseReads(active, ir.restoredArrays());
        for (Stmt s : flat) {
            collectNeeded(s, reads, needed, options);
        }
        Overwrites overwrites = Overwrites.of(ir.params(), ir.body());
        Saves saves = options.toBeRecorded()
                ? Saves.recorded(ir.params(), ir.body(), ir.restoredArrays(), overwrites, reads)
                : Saves.everyOverwrite(flat, overwrites, needed);
        return new Analysis(active, needed, saves, !options.toBeRecorded(), varied, options);
    }

    private static void collectNeeded(Stmt s, ReverseReads reads, Set<Atom.Var> needed, Options options) {
        if (!options.toBeRecorded()) {
            // save every overwritten value
            if (s instanceof Stmt.Assign a) {
                needed.add(a.target());
                a.op().operands().forEach(o -> addVar(o, needed));
            } else if (s instanceof Stmt.If i) {
                addVar(i.cond(), needed);
            } else if (s instanceof Stmt.ArrayStore st) {
                st.indices().forEach(x -> addVar(x, needed));
                addVar(st.value(), needed);
            }
            return;
        }
        needed.addAll(reads.before(s));
        if (reads.readsResult(s)) {
            needed.add(((Stmt.Assign) s).target());
        }
    }

    /** Whether the reverse sweep of {@code body} does anything. */
    static boolean containsActive(List<Stmt> body, Set<Atom.Var> active) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a && active.contains(a.target())) {
                return true;
            }
            if (s instanceof Stmt.ArrayStore st && active.contains(st.array())) {
                return true;
            }
            if (s instanceof Stmt.If i && (containsActive(i.then(), active) || containsActive(i.otherwise(), active))) {
                return true;
            }
            if (s instanceof Stmt.Loop l && (containsActive(l.head(), active) || containsActive(l.body(), active))) {
                return true;
            }
        }
        return false;
    }

    /** The variables reading {@code a} needs (itself, or an element's indices). */
    private static void addVar(Atom a, Set<Atom.Var> into) {
        into.addAll(Atom.reads(a));
    }

    /** The operands through which {@code op} has a non-zero derivative. */
    static List<Atom.Var> differentiableOperands(Op op) {
        List<Atom.Var> out = new ArrayList<>();
        if (op instanceof Op.Apply ap) {
            Rule rule = DerivativeRules.get(ap.rule());
            for (int i = 0; i < ap.args().size(); i++) {
                if (rule.differentiableIn(i)) {
                    Atom.carrier(ap.args().get(i))
                            .filter(v -> v.type().isFloating())
                            .ifPresent(out::add);
                }
            }
        } else if (op instanceof Op.ArrayLoad load) {
            out.add(load.array());
        } else if (op instanceof Op.Call call) {
            List<Param> ps = call.callee().params();
            for (int i = 0; i < call.args().size(); i++) {
                if (ps.get(i).wrt()) {
                    Atom.carrier(call.args().get(i))
                            .filter(v -> v.type().isFloating())
                            .ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** Every statement, nested ones included, in program order. */
    public static void flatten(List<Stmt> body, List<Stmt> into) {
        for (Stmt s : body) {
            into.add(s);
            if (s instanceof Stmt.If i) {
                flatten(i.then(), into);
                flatten(i.otherwise(), into);
            } else if (s instanceof Stmt.Loop l) {
                flatten(l.head(), into);
                flatten(l.body(), into);
            }
        }
    }
}
