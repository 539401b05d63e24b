package dev.adjoint.generator.forward;

import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables whose tangent {@link ScaledTangents} may keep scaled, read from the order in which
 * the sweep prints the statements (program text; a loop's head, condition, body): those assigned
 * once and read nowhere before that assignment (every read sees a value of that statement, or the
 * initial zero), and the accumulators.
 *
 * <p>An accumulator is a sum a loop accumulates, {@code s += e} lowered to {@code t = s + e; s = t}, whose tangent
 * may be kept scaled ({@link ScaledTangents}): {@code ṡ} then holds {@code ṡ/k} for {@code e}'s
 * scale {@code k} (2 for a sum of squares), the loop adds {@code ė}'s raw to it and only the reads
 * after the sum apply {@code k}, once. That is exact when every value {@code s} holds is either
 * the sum's (scale {@code k}) or one without tangent (the {@code s = 0} before the loop: zero at
 * any scale), and no read of {@code s} is printed before the sum decides {@code k}.
 */
final class ScaleCandidates {
    /** The variables assigned once and read nowhere before that assignment in program text. */
    final Set<Atom.Var> assignedOnce;
    /** Each accumulator's sum temporary {@code t} to the accumulator {@code s}. */
    final Map<Atom.Var, Atom.Var> sums;

    ScaleCandidates(List<Stmt> body, Set<Atom.Var> locals) {
        Scan scan = new Scan();
        scan.walk(body);
        assignedOnce = new HashSet<>(scan.unreadWhenAssigned);
        assignedOnce.removeIf(v -> scan.assignments.get(v) != 1);
        sums = accumulators(scan, locals, assignedOnce);
    }

    /**
     * Each accumulator's sum temporary {@code t} to the accumulator {@code s}, where {@code s} is a
     * local (a parameter starts with its tangent), assigned by that one sum and otherwise only by
     * values without tangent, read nowhere in program text before the sum, and {@code t} keeps a
     * scale of its own ({@code eligible}: assigned once, read nowhere before).
     */
    private static Map<Atom.Var, Atom.Var> accumulators(Scan scan, Set<Atom.Var> locals, Set<Atom.Var> eligible) {
        Map<Atom.Var, Atom.Var> out = new HashMap<>();
        scan.sums.forEach((s, t) -> {
            if (locals.contains(s)
                    && eligible.contains(t)
                    && scan.sumCount.get(s) == 1
                    && scan.assignments.get(s) == scan.constants.getOrDefault(s, 0) + 1) {
                out.put(t, s);
            }
        });
        return out;
    }

    private static final class Scan {
        final Map<Atom.Var, Atom.Var> sums = new HashMap<>();
        final Map<Atom.Var, Integer> sumCount = new HashMap<>();
        final Map<Atom.Var, Integer> assignments = new HashMap<>();
        final Map<Atom.Var, Integer> constants = new HashMap<>();
        final Set<Atom.Var> read = new HashSet<>();
        final Set<Atom.Var> unreadWhenAssigned = new HashSet<>();

        void walk(List<Stmt> stmts) {
            for (int k = 0; k < stmts.size(); k++) {
                Stmt s = stmts.get(k);
                if (s instanceof Stmt.Assign a) {
                    if (k + 1 < stmts.size()) {
                        sum(a, stmts.get(k + 1));
                    }
                    a.op().operands().forEach(this::reads);
                    assignments.merge(a.target(), 1, Integer::sum);
                    if (!read.contains(a.target())) {
                        unreadWhenAssigned.add(a.target());
                    }
                    if (withoutTangent(a.op())) {
                        constants.merge(a.target(), 1, Integer::sum);
                    }
                } else if (s instanceof Stmt.ArrayStore st) {
                    reads(st.array());
                    st.indices().forEach(this::reads);
                    reads(st.value());
                } else if (s instanceof Stmt.If i) {
                    reads(i.cond());
                    walk(i.then());
                    walk(i.otherwise());
                } else if (s instanceof Stmt.Loop l) {
                    walk(l.head()); // (printed in this order: head, condition, body)
                    reads(l.cond());
                    walk(l.body());
                } else if (s instanceof Stmt.Return r) {
                    reads(r.value());
                } else if (s instanceof Stmt.Effect e) {
                    read.addAll(e.reads());
                }
            }
        }

        /** Records {@code t = s ± e; s = t} (or {@code t = e + s}) when {@code s} is unread so far. */
        private void sum(Stmt.Assign a, Stmt next) {
            if (!(a.op() instanceof Op.Apply ap)
                    || !(ap.rule().equals("+") || ap.rule().equals("-"))
                    || !(next instanceof Stmt.Assign copy)
                    || !(copy.op() instanceof Op.Apply c)
                    || !c.rule().equals("copy")
                    || !c.args().equals(List.of(a.target()))) {
                return;
            }
            Atom.Var s = copy.target();
            List<Atom> args = ap.args();
            boolean first = args.get(0).equals(s) && !args.get(1).equals(s);
            boolean second = ap.rule().equals("+")
                    && args.get(1).equals(s)
                    && !args.get(0).equals(s);
            if ((first || second) && !s.equals(a.target()) && !read.contains(s)) {
                sums.put(s, a.target());
                sumCount.merge(s, 1, Integer::sum);
            } else {
                sumCount.merge(s, 2, Integer::sum); // (a second sum, or one after a read: not an accumulator)
            }
        }

        private static boolean withoutTangent(Op op) {
            return op instanceof Op.Passive
                    || op instanceof Op.Apply ap && ap.args().stream().allMatch(x -> x instanceof Atom.Const);
        }

        private void reads(Atom a) {
            read.addAll(Atom.reads(a));
            if (a instanceof Atom.Elem e) {
                read.add(e.array());
            }
        }
    }
}
