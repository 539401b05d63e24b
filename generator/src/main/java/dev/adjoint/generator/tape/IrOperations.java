package dev.adjoint.generator.tape;

import dev.adjoint.generator.analyze.NonFinite;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Records {@code t = rule(args)}: the value as the rule's primal template computes it, and a node
 * whose parents are the arguments' handles, with the rule's contributions at {@code dz = 1} as
 * partials (the table the static reverse pass instantiates with its adjoint). An argument whose
 * node is pending ({@link IrPending}) brings its own parents instead, each partial multiplied by the
 * argument's: {@code ∂t/∂p = ∂t/∂a · ∂a/∂p}. When those partials read {@code t} itself (its old
 * value: {@code s = s * w}), the new value is pushed before {@code t} is assigned (the new value
 * computed into a fresh local first where the rule's partials read it, {@code z}).
 */
final class IrOperations {
    private final IrRecorder rec;
    private final IrPending pending;

    IrOperations(IrRecorder rec, IrPending pending) {
        this.rec = rec;
        this.pending = pending;
    }

    void apply(Stmt.Assign a, Op.Apply ap) {
        Atom.Var t = a.target();
        Rule rule = DerivativeRules.get(ap.rule());
        List<Expr> args = ap.args().stream().map(AtomCode::of).toList();
        if (!t.type().isFloatingScalar()) {
            if (t.type().isFloating()) {
                rec.error(
                        a.origin(),
                        "an operation '" + ap.rule() + "' with an array result is not supported by the tape strategy;"
                                + " compute the elements one by one");
            }
            rec.value(a, rule.primal(args));
            return;
        }
        pending.assigning(t, ap.args());
        // the arguments whose pending nodes this one takes over: at most NodeTerms.MAX_PARENTS parents in all
        List<Atom> taken = new ArrayList<>();
        int width = 0;
        for (int i = 0; i < ap.args().size(); i++) {
            Atom x = ap.args().get(i);
            IrPending.Node n = pending.of(x);
            if (!rule.differentiableIn(i)) {
                if (n != null && !ap.args().subList(i + 1, ap.args().size()).contains(x)) {
                    pending.remove((Atom.Var) x); // read only here, without derivative: its node is never needed
                }
                continue;
            }
            if (n != null && !taken.contains(x)) {
                taken.add(x);
                width += n.terms().terms().size();
            } else if (n == null) {
                width += rec.handleOf(x).isPresent() ? 1 : 0;
            }
        }
        while (width > NodeTerms.MAX_PARENTS && !taken.isEmpty()) {
            Atom widest = taken.stream()
                    .max(java.util.Comparator.comparingInt(
                            x -> pending.of(x).terms().terms().size()))
                    .orElseThrow();
            width -= pending.of(widest).terms().terms().size() - 1;
            taken.remove(widest);
            pending.push((Atom.Var) widest);
        }
        // the taken-over partials read t's old value: the node is pushed before t is assigned, and when the rule's
        // own partials read the new value (z), that is computed into a fresh local first
        boolean first = taken.stream().anyMatch(x -> pending.mentions(pending.of(x), t.name()));
        boolean readsZ = java.util.stream.IntStream.range(0, ap.args().size()).anyMatch(rule::readsResult);
        boolean fresh = first && readsZ;
        String z = fresh ? rec.names.claim("_v") : t.name();
        NodeTerms node = new NodeTerms();
        if (DerivativeRules.partialMayBeInfinite(ap.rule())
                || rec.nonFinite().factorMayBeInfinite(ap, 0)
                || rec.nonFinite().factorMayBeInfinite(ap, 1)) {
            node.markUnbounded();
        }
        for (int i = 0; i < ap.args().size(); i++) {
            Atom x = ap.args().get(i);
            if (!rule.differentiableIn(i)) {
                continue;
            }
            Expr partial = NodeTerms.simplify(rule.contribution(i, args, new Expr.Name(z), new Expr.Literal("1.0")));
            if (taken.contains(x)) {
                NodeTerms inner = pending.of(x).terms();
                // where this partial may be infinite, an inner partial of 0 keeps the chain at 0, as the
                // unfused sweep skips the zero edge ({@code cbrt(max(v, 0) * w)} at v < 0: not ∞ · 0)
                boolean outerUnbounded =
                        NonFinite.singularWhereFinite(ap, i) && rec.nonFinite().mayBeFlat(x)
                                || rec.nonFinite().factorMayBeInfinite(ap, i);
                for (NodeTerms.Term term : inner.terms()) {
                    Expr chained = NodeTerms.times(partial, term.partial());
                    if (inner.unbounded()) {
                        chained = NodeTerms.unlessZero(partial, chained);
                    }
                    if (outerUnbounded) {
                        chained = NodeTerms.unlessZero(term.partial(), chained);
                    }
                    pending.add(node, pending.handle(term.handle()), chained);
                }
                if (inner.unbounded()) {
                    node.markUnbounded();
                }
            } else {
                rec.handleOf(x).ifPresent(h -> pending.add(node, h, partial));
            }
        }
        taken.forEach(x -> pending.remove((Atom.Var) x));
        if (fresh) {
            rec.line(new Statement.Declare("", t.type().java(), z, rule.primal(args)));
            rec.assignHandle(a, rec.nodes().push(node));
            rec.value(a, new Expr.Name(z));
        } else if (first) {
            rec.assignHandle(a, rec.nodes().push(node));
            rec.value(a, rule.primal(args));
        } else if (rec.singleUse(t)) {
            rec.value(a, rule.primal(args));
            pending.open(a, node);
        } else {
            rec.value(a, rule.primal(args));
            rec.assignHandle(a, rec.nodes().push(node));
        }
    }
}
