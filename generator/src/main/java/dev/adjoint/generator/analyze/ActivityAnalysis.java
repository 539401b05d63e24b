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
                if (s instanceof Stmt.Assign a && a.target().type().isFloating() && !varied.contains(a.target())
                        && differentiableOperands(a.op()).stream().anyMatch(varied::contains)) {
                    changed |= varied.add(a.target());
                } else if (s instanceof Stmt.ArrayStore st && Atom.carrier(st.value()).filter(varied::contains).isPresent()) {
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
                    } else if (s instanceof Stmt.ArrayStore st && useful.contains(st.array())
                            && Atom.carrier(st.value()).filter(v -> v.type().isFloating()).isPresent()) {
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
        for (Stmt s : flat) {
            collectNeeded(s, active, needed, options);
        }
        return new Analysis(active, needed, Overwrites.of(ir.params(), ir.body()), !options.toBeRecorded(), varied);
    }

    private static void collectNeeded(Stmt s, Set<Atom.Var> active, Set<Atom.Var> needed, Options options) {
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
        if (s instanceof Stmt.Assign a && active.contains(a.target())) {
            if (a.op() instanceof Op.Apply ap) {
                Rule rule = DerivativeRules.get(ap.rule());
                for (int i = 0; i < ap.args().size(); i++) {
                    Atom arg = ap.args().get(i);
                    if (Atom.carrier(arg).filter(active::contains).isEmpty()) {
                        continue;
                    }
                    if (arg instanceof Atom.Elem e) {
                        e.indices().forEach(x -> addVar(x, needed)); // to find the element's adjoint in reverse
                    }
                    for (String name : rule.valuesRead(i)) {
                        switch (name) {
                            case "a" -> addVar(ap.args().get(0), needed);
                            case "b" -> addVar(ap.args().get(1), needed);
                            default -> needed.add(a.target());
                        }
                    }
                }
            } else if (a.op() instanceof Op.ArrayLoad load) {
                load.indices().forEach(x -> addVar(x, needed));
            } else if (a.op() instanceof Op.Call call) {
                call.args().forEach(x -> addVar(x, needed)); // the reverse sweep calls the callee's adjoint again
            }
        } else if (s instanceof Stmt.ArrayStore st && active.contains(st.array())) {
            st.indices().forEach(x -> addVar(x, needed));
            if (st.value() instanceof Atom.Elem e) {
                e.indices().forEach(x -> addVar(x, needed));
            }
        } else if (s instanceof Stmt.If i) {
            // the reverse sweep branches on the outcome whenever a branch has anything to undo:
            // adjoints, or restores of values saved inside it (an index, a flag)
            if (!i.then().isEmpty() || !i.otherwise().isEmpty()) {
                addVar(i.cond(), needed);
            }
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
                    Atom.carrier(ap.args().get(i)).filter(v -> v.type().isFloating()).ifPresent(out::add);
                }
            }
        } else if (op instanceof Op.ArrayLoad load) {
            out.add(load.array());
        } else if (op instanceof Op.Call call) {
            List<Param> ps = call.callee().params();
            for (int i = 0; i < call.args().size(); i++) {
                if (ps.get(i).wrt()) {
                    Atom.carrier(call.args().get(i)).filter(v -> v.type().isFloating()).ifPresent(out::add);
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
