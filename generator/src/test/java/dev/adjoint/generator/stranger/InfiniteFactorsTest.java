package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.TableRowsTest.checkAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.GradCheck;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Products that meet {@code 0 · ∞} in the reverse sweep (issue 17's open NaN cases). A value computed
 * past an overflow but clamped away ({@code min(exp(x) · y, cap)} at {@code x = 800}) has a zero adjoint,
 * and its product's contribution {@code 0 · exp(800)} made {@code y}'s gradient NaN where the function is
 * flat and the tape gives 0; an infinite adjoint ({@code sqrt}'s at 0) meeting a zero factor
 * ({@code sqrt(max(v, 0) · w)} at {@code v < 0}) did the same, on both strategies when the tape chained the
 * two partials into one node. Each method is checked, at the overflow or clamp and away from it, against
 * central differences and the other strategy ({@link TableRowsTest#checkAll}), and its {@code Jvp} and
 * {@code Hvp} against the gradient and central differences of the gradient.
 */
class InfiniteFactorsTest {
    static final String SOURCE = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Overflows {
                /** A capped growth: flat in both arguments once exp(x) * y passes the cap. */
                @Differentiable
                public static double capped(double x, double y) {
                    return Math.min(Math.exp(x) * y, 1e10);
                }

                /** The same over an array, in a loop: only the uncapped terms have a gradient in y. */
                @Differentiable
                public static double cappedSum(double[] w, double y) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += Math.min(Math.exp(w[i]) * y, 5.0);
                    }
                    return s;
                }

                /** A root of a clamped product: flat in both while v < 0. */
                @Differentiable
                public static double clampedRoot(double v, double w) {
                    return Math.sqrt(Math.max(v, 0.0) * w) + Math.cbrt(Math.max(v, 0.0) * w * w)
                            + Math.sqrt(Math.max(v, 0.0) / w) + v;
                }

                /** A root, called (not inlined) by the next one. */
                @Differentiable
                public static double root(double u) {
                    return Math.sqrt(u);
                }

                /** The callee's adjoint is infinite at 0, which the clamp holds on v < 0: the factor 0 stops it. */
                @Differentiable
                public static double rootOfClamp(double v, double w) {
                    return root(Math.max(v, 0.0) * w) + v;
                }

                /** Clamped elements read through an alias of their array, then a root of each times a weight. */
                @Differentiable
                public static double aliasedClamp(double[] v, double w) {
                    double[] c = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        c[i] = Math.max(v[i], 0.0);
                    }
                    double[] p = c;
                    double s = 0;
                    for (int i = 0; i < p.length; i++) {
                        s += Math.sqrt(p[i] * w);
                    }
                    return s;
                }

                /** A scaled softplus with its overflow branch: the exp is computed either way. */
                @Differentiable
                public static double softplus(double x, double scale) {
                    double e = Math.exp(x) * scale;
                    return x > 30 ? x * scale : Math.log1p(e);
                }

                /** An angle of two vanishing components: atan2's partials are 0 / 0 there, its factor 0. */
                @Differentiable
                public static double vanishing(double x0, double x1) {
                    return Math.atan2(x1 * 0.0, x0 * 0.0) + x0 * x1;
                }

                /** A capped growth times a weight: the Hvp's own reverse sweep meets exp(800) with a zero adjoint. */
                @Differentiable
                public static double cappedWeight(double x, double y) {
                    return Math.min(Math.exp(x), 1e10) * y;
                }

                /** A quotient past the cap: 1 / exp(-x) overflows at x = 800, and its adjoint is 0. */
                @Differentiable
                public static double cappedQuotient(double x, double y) {
                    double q = y / Math.exp(-x);
                    return Math.min(q * y, 3.0) + y;
                }
            }
            """;

    private static final String[] TWO_SCALARS = {
        "capped", "clampedRoot", "softplus", "vanishing", "cappedQuotient", "cappedWeight"
    };

    /** Points at the overflow or clamp of each two-scalar method, then ordinary ones. */
    private static final double[][] POINTS = {{800, 2}, {-1, 2}, {-0.5, 1.5}, {0.3, 0.4}, {1.1, 0.7}};

    @Test
    void aValueClampedAwayAfterAnOverflowContributesZero() throws Exception {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("capped", new Object[] {800.0, 2.0});
        cases.put("cappedSum", new Object[] {new double[] {800.0, 0.0, -1.0}, 2.0});
        cases.put("softplus", new Object[] {800.0, 2.0});
        cases.put("cappedQuotient", new Object[] {800.0, 2.0});
        cases.put("cappedWeight", new Object[] {800.0, 2.0});
        StrangerHarness.Built b = checkAll("Overflows", SOURCE, Map.of(), cases);
        // (the values the differences agree with, spelled out: flat in y past the cap)
        DoubleGrad gx = new DoubleGrad();
        DoubleGrad gy = new DoubleGrad();
        grad(b, "capped").invoke(null, 800.0, 2.0, gx, gy);
        assertEquals(0.0, gx.get());
        assertEquals(0.0, gy.get());
        double[] gw = new double[3];
        DoubleGrad gs = new DoubleGrad();
        b.type("OverflowsAdjoint")
                .getMethod("cappedSumGrad", double[].class, double.class, double[].class, DoubleGrad.class)
                .invoke(null, new double[] {800.0, 0.0, -1.0}, 2.0, gw, gs);
        assertEquals(1.0 + Math.exp(-1.0), gs.get(), 1e-15);
    }

    @Test
    void anInfiniteAdjointStopsAtAZeroFactor() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("clampedRoot", new Object[] {-1.0, 2.0});
        cases.put("rootOfClamp", new Object[] {-1.0, 2.0});
        cases.put("aliasedClamp", new Object[] {new double[] {-1.0, 0.5, -0.3}, 2.0});
        cases.put("vanishing", new Object[] {-0.5, 1.5});
        checkAll("Overflows", SOURCE, Map.of(), cases);
    }

    @Test
    void awayFromTheOverflowsTheGradientsAreAsBefore() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("capped", new Object[] {1.1, 0.7});
        cases.put("cappedSum", new Object[] {new double[] {0.3, 0.0, -1.0}, 2.0});
        cases.put("clampedRoot", new Object[] {0.3, 0.4});
        cases.put("softplus", new Object[] {1.1, 0.7});
        cases.put("cappedQuotient", new Object[] {0.3, 0.4});
        checkAll("Overflows", SOURCE, Map.of(), cases);
    }

    /** The tangent along a direction is grad · t, and H·v matches central differences of the gradient. */
    @Test
    void theJvpAndHvpAgreeWithTheGradientThere() throws Exception {
        StrangerHarness.Built b = checkAll("Overflows", SOURCE, Map.of(), Map.of());
        Class<?> adjoint = b.type("OverflowsAdjoint");
        Class<?> g = DoubleGrad.class;
        for (String m : TWO_SCALARS) {
            Method grad = grad(b, m);
            Method jvp = adjoint.getMethod(m + "Jvp", double.class, double.class, double.class, double.class, g);
            Method hvp =
                    adjoint.getMethod(m + "Hvp", double.class, double.class, double.class, double.class, g, g, g, g);
            Function<double[], double[]> gradient = x -> {
                DoubleGrad a = new DoubleGrad();
                DoubleGrad c = new DoubleGrad();
                try {
                    grad.invoke(null, x[0], x[1], a, c);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                return new double[] {a.get(), c.get()};
            };
            for (double[] at : POINTS) {
                double[] want = gradient.apply(at);
                String where = m + " at " + Arrays.toString(at);
                assertTrue(Double.isFinite(want[0]) && Double.isFinite(want[1]), where + ": " + Arrays.toString(want));
                for (double[] v : new double[][] {{0.7, -0.3}, {0, 1}, {1, 0}}) {
                    DoubleGrad out = new DoubleGrad();
                    jvp.invoke(null, at[0], at[1], v[0], v[1], out);
                    double dot = want[0] * v[0] + want[1] * v[1];
                    assertEquals(dot, out.get(), 1e-12 * Math.max(1, Math.abs(dot)), where + ": Jvp");
                    DoubleGrad[] h = {new DoubleGrad(), new DoubleGrad(), new DoubleGrad(), new DoubleGrad()};
                    hvp.invoke(null, at[0], at[1], v[0], v[1], h[0], h[1], h[2], h[3]);
                    // (the Hvp's own reverse sweep rounds as the gradient's may not: to a few ulps)
                    assertTrue(
                            close(h[0].get(), want[0]) && close(h[1].get(), want[1]),
                            where + ": the Hvp's gradient " + h[0] + ", " + h[1] + " vs " + Arrays.toString(want));
                    GradCheck.Report r =
                            GradCheck.checkHvp(gradient, at, v, new double[] {h[2].get(), h[3].get()}, 1e-6, 1e-7);
                    assertTrue(r.passed(), where + " along " + Arrays.toString(v) + ": " + r.describe());
                }
            }
        }
    }

    private static boolean close(double got, double want) {
        return Math.abs(got - want) <= 1e-14 * Math.max(1, Math.abs(want));
    }

    private static Method grad(StrangerHarness.Built b, String m) throws NoSuchMethodException {
        return b.type("OverflowsAdjoint")
                .getMethod(m + "Grad", double.class, double.class, DoubleGrad.class, DoubleGrad.class);
    }
}
