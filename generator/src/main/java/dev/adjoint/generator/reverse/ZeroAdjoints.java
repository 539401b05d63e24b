package dev.adjoint.generator.reverse;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.rules.DerivativeRules;

/**
 * A zero adjoint contributes zero, as on the tape (which skips a node whose adjoint is 0): where a
 * value's partial may be infinite or NaN while its adjoint is 0, {@code 0 * ∞} would make the
 * gradient NaN. That happens when the value is not used on the path taken or reaches the result only
 * through a zero derivative: {@code exp(-x)} computed before {@code if (Double.isInfinite(exp)) return
 * lo;} (Hipparchus' {@code Sigmoid}), {@code e = exp(z)} before {@code z > 30 ? z : log1p(e)},
 * {@code r = sqrt(x*x + y*y)} before {@code if (r == 0)}, {@code min(exp(x), 1)} at a large
 * {@code x}. The contribution of the functions whose partial can be infinite at a finite argument
 * (overflowing {@code exp}, a root or logarithm at 0, a quotient by 0) becomes
 * {@code dz == 0 ? 0 : c}. Only in the reverse sweep: {@code dz} is an adjoint there, which nothing
 * differentiates again (the {@code Hvp}'s tangent, which is, keeps its own rule).
 */
final class ZeroAdjoints {
    private ZeroAdjoints() {}

    /** {@code c}, or {@code dz == 0 ? 0 : c} for a rule whose partial may be infinite. */
    static Expr guard(String rule, String dz, Expr c) {
        if (!DerivativeRules.partialMayBeInfinite(rule)) {
            return c;
        }
        return new Expr.Conditional(
                new Expr.Binary("==", new Expr.Name(dz), new Expr.Literal("0")), new Expr.Literal("0"), Operand.of(c));
    }
}
