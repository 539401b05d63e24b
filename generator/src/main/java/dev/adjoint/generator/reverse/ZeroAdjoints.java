package dev.adjoint.generator.reverse;

import dev.adjoint.generator.analyze.NonFinite;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.rules.DerivativeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A zero adjoint contributes zero, and so does a zero factor, as on the tape (which skips a node whose
 * adjoint is 0 and an edge whose partial is 0): where a value's partial may be infinite or NaN while its
 * adjoint is 0, {@code 0 · ∞} would make the gradient NaN. That happens when the value is not used on
 * the path taken or reaches the result only through a zero derivative: {@code exp(-x)} computed before
 * {@code if (Double.isInfinite(exp)) return lo;} (Hipparchus' {@code Sigmoid}), {@code e = exp(z)} before
 * {@code z > 30 ? z : log1p(e)}, {@code r = sqrt(x*x + y*y)} before {@code if (r == 0)},
 * {@code min(exp(x) · y, 1)} at a large {@code x}.
 * <ul>
 *   <li>The contribution of the functions whose partial can be infinite at a finite argument
 *       (overflowing {@code exp}, a root or logarithm at 0, a quotient by 0) becomes
 *       {@code dz == 0 ? 0 : c}.
 *   <li>A product's contribution {@code dz * b} is guarded by {@code dz == 0} when the factor {@code b}
 *       may be infinite, and by {@code b == 0} when the adjoint {@code dz} may be infinite and {@code b}
 *       flat ({@code sqrt(max(v, 0) * w)} at {@code v < 0}: {@code ∞ · 0} for {@code w}), as
 *       {@link NonFinite} finds them; other products stay plain. A constant factor 0 contributes nothing.
 * </ul>
 * Only in the reverse sweep: {@code dz} is an adjoint there, which nothing differentiates again (the
 * {@code Hvp}'s tangent, which is, keeps its own rule).
 */
final class ZeroAdjoints {
    private ZeroAdjoints() {}

    /**
     * The contribution {@code c} of argument {@code i} of {@code ap} (assigned to {@code t}, whose adjoint
     * is {@code dz}), guarded where {@code 0 · ∞} may make it NaN.
     */
    static Expr guard(Op.Apply ap, int i, Atom.Var t, String dz, Expr c, NonFinite nonFinite) {
        Expr zeroAdjoint = new Expr.Binary("==", new Expr.Name(dz), new Expr.Literal("0"));
        if (DerivativeRules.partialMayBeInfinite(ap.rule())) {
            if (ap.rule().equals("/") && i == 1 && nonFinite.adjointMayBeInfinite(t) && nonFinite.mayBeFlat(t)) {
                // the denominator's partial -z/b is 0 where the quotient is (sqrt(max(v, 0) / w) at v < 0)
                return unless(
                        List.of(zeroAdjoint, new Expr.Binary("==", new Expr.Name(t.name()), new Expr.Literal("0"))), c);
            }
            return unless(List.of(zeroAdjoint), c);
        }
        Optional<Atom> factor = NonFinite.otherFactor(ap, i);
        if (factor.isEmpty()) {
            return c;
        }
        if (factor.get() instanceof Atom.Const k && NonFinite.zeroNumeral(k.text())) {
            return new Expr.Literal("0"); // x * 0: nothing, whatever the adjoint (atan2(x * 0, y) at y = 0: 0 · NaN)
        }
        List<Expr> zeros = new ArrayList<>();
        if (nonFinite.factorMayBeInfinite(ap, i)) {
            zeros.add(zeroAdjoint);
        }
        if (nonFinite.adjointMayBeInfinite(t)
                && !(factor.get() instanceof Atom.Const)
                && nonFinite.mayBeFlat(factor.get())) {
            zeros.add(new Expr.Binary("==", AtomCode.of(factor.get()), new Expr.Literal("0")));
        }
        return unless(zeros, c);
    }

    /** {@code c}, or {@code z1 || z2 ? 0 : c}. */
    private static Expr unless(List<Expr> zeros, Expr c) {
        if (zeros.isEmpty()) {
            return c;
        }
        Expr cond = zeros.get(0);
        for (Expr z : zeros.subList(1, zeros.size())) {
            cond = new Expr.Binary("||", cond, z);
        }
        return new Expr.Conditional(cond, new Expr.Literal("0"), Operand.of(c));
    }
}
