package dev.adjoint.generator.forward;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.rules.Rule;
import java.util.List;

/**
 * The tangent of a function whose partial in its first argument is infinite where its value is
 * finite ({@code sqrt} and {@code cbrt} at 0, {@code asin}/{@code acos} at ±1, {@code pow(0, b)}
 * for 0 &lt; b &lt; 1; StrictMath's twins too: {@link DerivativeRules#infiniteWhereFinite}), where
 * the tangent reaching it is 0; and {@code pow}'s exponent, whose partial {@code z · log(a)} is NaN at a negative
 * base, where a fixed exponent's zero tangent must leave the base's term alone ({@link
 * DerivativeRules#singularPartial}).
 *
 * <p>There {@code ȧ · ∞} is NaN, but a zero tangent, as a clamped argument's ({@code sqrt(max(v,
 * 0))} at {@code v < 0}), contributes 0, as the reverse sweep's zero adjoint does past the clamp.
 * <ul>
 *   <li>{@code Jvp}: {@code ȧ == 0 ? 0 : ȧ·∂}.
 *   <li>{@code Hvp}: its tangent is differentiated again, and {@code ∂ż/∂ȧ}, the partial itself, is
 *       how the pair's reverse sweep obtains the gradient ({@code ∂(∇f·v)/∂v = ∇f}): a branch on
 *       {@code ȧ == 0} alone would drop it wherever the direction has a zero component. So the
 *       branch is taken only where the partial is not finite too, {@code ȧ == 0 && !(|∂| ≤ MAX)}:
 *       at the clamp, where the reverse sweep of the clamp drops that adjoint anyway; at an
 *       unclamped singular point, where the gradient does not exist, the pair's gradient there is
 *       0 in that term instead of the gradient's ±∞.
 * </ul>
 */
final class InfinitePartials {
    private InfinitePartials() {}

    /**
     * Whether argument {@code i}'s partial of rule {@code key} may be infinite or NaN where the value
     * is finite: {@link DerivativeRules#singularPartial}'s (the first argument of the functions of
     * {@link DerivativeRules#infiniteWhereFinite}, {@code pow}'s exponent), and both of
     * {@code atan2}'s, {@code 0 / 0} at {@code (0, 0)} ({@code atan2(max(y, 0), max(x, 0))} at
     * negative {@code x} and {@code y}, whose gradient there is 0).
     */
    private static boolean guarded(String key, int i) {
        return DerivativeRules.singularPartial(key, i)
                || DerivativeRules.mathFunction(key).filter("atan2"::equals).isPresent();
    }

    /**
     * The contribution {@code c = ȧ·∂} of argument {@code i} of {@code ap}, guarded where its
     * partial may be infinite.
     */
    static Expr guard(Rule rule, Op.Apply ap, int i, Atom.Var z, Expr ta, Expr c, boolean forHvp) {
        if (!guarded(ap.rule(), i)) {
            return c;
        }
        Expr zeroTangent = new Expr.Binary("==", Operand.of(ta), new Expr.Literal("0"));
        if (forHvp) {
            List<Expr> args = ap.args().stream().map(AtomCode::of).toList();
            Expr partial = rule.contribution(i, args, new Expr.Name(z.name()), new Expr.Literal("1"));
            Expr finite = new Expr.Binary(
                    "<=",
                    new Expr.Call(new Expr.Name("Math"), "abs", List.of(partial)),
                    new Expr.Field(new Expr.Name("Double"), "MAX_VALUE"));
            zeroTangent = new Expr.Binary("&&", zeroTangent, new Expr.Unary("!", new Expr.Paren(finite)));
        }
        return new Expr.Conditional(zeroTangent, new Expr.Literal("0"), Operand.of(c));
    }
}
