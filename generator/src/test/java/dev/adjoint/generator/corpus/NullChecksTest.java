package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards users write on optional arrays and on values: {@code mask != null && !mask[i]},
 * {@code weights == null ? 1 : weights[i]}, {@code if (w == null) throw ...}, and
 * {@code Double.isNaN}/{@code isInfinite}/{@code isFinite} (found writing programs as users do:
 * before, the null checks sent the method to the tape and the predicates were build errors).
 * Oracles: central differences of the method, with arrays present and absent, under the static
 * strategy (optimised and plain) and the tape.
 */
class NullChecksTest {
    private static final String SOURCE = """
            package nulls;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;

            public class Guards {
                @Differentiable(wrt = "x", strategy = Strategy.$S)
                static double maskedSum(double[] x, boolean[] mask) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        if (mask != null && !mask[i]) {
                            continue;
                        }
                        s += x[i] * x[i];
                    }
                    return s;
                }

                @Differentiable(wrt = "x", strategy = Strategy.$S)
                static double weighted(double[] x, double[] weights) {
                    if (null == x) {
                        throw new IllegalArgumentException("x is null");
                    }
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double wi = weights == null ? 1.0 : weights[i];
                        s += wi * Math.sin(x[i]);
                    }
                    return s;
                }

                @Differentiable(strategy = Strategy.$S)
                static double finiteOrZero(double a, double b) {
                    double s = a * a * b;
                    if (Double.isNaN(s) || Double.isInfinite(s) || !Float.isFinite((float) (b * b))) {
                        return 0;
                    }
                    return Double.isFinite(s / a) ? s + Math.log(a) : -s;
                }
            }
            """;

    @Test
    void nullChecksAndNumberPredicatesStayStaticAndAreExact() {
        for (String strategy : List.of("STATIC", "TAPE")) {
            for (Options o :
                    strategy.equals("STATIC") ? List.of(Options.DEFAULT, Options.PLAIN) : List.of(Options.DEFAULT)) {
                Differentiated d = Differentiated.of("nulls.Guards", SOURCE.replace("$S", strategy), o);
                check(d, "maskedSum", new double[] {0.3, -1.2, 2.5}, new boolean[] {true, false, true});
                check(d, "maskedSum", new double[] {0.3, -1.2, 2.5}, null);
                check(d, "weighted", new double[] {0.3, -1.2}, new double[] {2, 3});
                check(d, "weighted", new double[] {0.3, -1.2}, null);
                check(d, "finiteOrZero", 1.7, 0.5);
                // overflowed: the predicates take the other branch (values only: the adjoint of a * a * b there is 0 ·
                // ∞)
                for (Object[] p :
                        List.of(new Object[] {1e200, 1e30}, new Object[] {0.0, 1.0}, new Object[] {2.0, 1e20})) {
                    assertEquals(
                            d.value("finiteOrZero", p),
                            d.grad("finiteOrZero", p).value(),
                            0.0);
                }
                check(d, "finiteOrZero", 0.3, -0.8);
            }
        }
    }

    private static void check(Differentiated d, String method, Object... args) {
        assertEquals(d.value(method, args), d.grad(method, args).value(), 0.0, method + " value");
        assertTrue(d.assertGradient(method, d, method, 1e-6, 1e-9, args).passed(), method);
    }
}
