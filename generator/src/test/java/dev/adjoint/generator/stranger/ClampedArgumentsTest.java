package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.TableRowsTest.checkAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What session 26's stranger programs ({@link StrangerApps26Test}) found about clamped arguments: a
 * Heston path's full truncation {@code sqrt(max(v, 0))} had a NaN {@code Jvp}, and a NaN gradient on
 * the tape, where the static gradient is finite. Each is checked against central differences and the
 * other strategy.
 */
class ClampedArgumentsTest {
    /**
     * A Heston path's full truncation, {@code sqrt(max(v, 0))}, at a point where {@code v < 0}: the
     * clamp's tangent is 0 and {@code sqrt}'s partial at 0 infinite, so the {@code Jvp} was NaN (0 · ∞)
     * where the gradient, which the clamp masks, is finite; likewise {@code cbrt}, {@code pow(·, 0.5)}
     * and {@code asin} of a clamped argument. The tangent of such a function is now 0 where its
     * argument's is. break28: {@code atan2} of two clamped arguments, whose partials are both 0 / 0 at
     * (0, 0), was not guarded: at (-0.5, 0.4) its {@code Jvp} was NaN against grad · t = -0.22.
     */
    static final String CLAMPED = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Clamped {
                @Differentiable
                public static double variance(double v, double w) {
                    double vp = Math.max(v, 0.0);
                    double sq = Math.sqrt(vp * 0.01);
                    return w * sq + Math.cbrt(vp) + Math.pow(vp, 0.5) + v * w
                            + Math.asin(Math.min(w, 1.0)) + Math.acos(Math.max(-1.0, -w))
                            + Math.atan2(vp, Math.max(w - 1.0, 0.0));
                }
            }
            """;

    @Test
    void aClampedArgumentsTangentIsZeroNotNaN() throws Exception {
        tangentIsZeroNotNaN(CLAMPED);
    }

    /**
     * break27: the same functions of StrictMath ({@code StrictMath.sqrt(StrictMath.max(v, 0))}) kept
     * the NaN {@code Jvp} (at (-0.5, 1.5): NaN against grad · t = 1.2): only Math's were guarded.
     */
    @Test
    void aClampedArgumentsTangentIsZeroNotNaNWithStrictMath() throws Exception {
        tangentIsZeroNotNaN(CLAMPED.replace("Math.", "StrictMath."));
    }

    private static void tangentIsZeroNotNaN(String source) throws Exception {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("variance", new Object[] {0.3, 0.4});
        StrangerHarness.Built b = checkAll("Clamped", source, Map.of(), cases);
        Class<?> adjoint = b.type("ClampedAdjoint");
        java.lang.reflect.Method grad = adjoint.getMethod(
                "varianceGrad", double.class, double.class, dev.adjoint.DoubleGrad.class, dev.adjoint.DoubleGrad.class);
        java.lang.reflect.Method jvp = adjoint.getMethod(
                "varianceJvp", double.class, double.class, double.class, double.class, dev.adjoint.DoubleGrad.class);
        for (double[] at : new double[][] {{-0.5, 1.5}, {-0.5, 0.4}, {0.3, 1.5}, {0.3, 0.4}}) {
            dev.adjoint.DoubleGrad gv = new dev.adjoint.DoubleGrad();
            dev.adjoint.DoubleGrad gw = new dev.adjoint.DoubleGrad();
            grad.invoke(null, at[0], at[1], gv, gw);
            double[] t = {0.7, -0.3};
            dev.adjoint.DoubleGrad out = new dev.adjoint.DoubleGrad();
            jvp.invoke(null, at[0], at[1], t[0], t[1], out);
            double want = gv.get() * t[0] + gw.get() * t[1];
            assertTrue(
                    Double.isFinite(want) && Math.abs(out.get() - want) < 1e-12,
                    at[0] + ", " + at[1] + ": jvp " + out + " vs " + want);
        }
    }

    /**
     * The {@code Hvp} of the same functions at the clamps ({@code v < 0}, {@code w > 1}): its tangent
     * is differentiated again, so it kept {@code 0 · ∞} and was NaN there (in {@code H·v} and the
     * gradient) where the Hessian, the clamp's, is finite. Checked against central differences of the
     * generated gradient, at the clamps and away from them, along directions with a zero component too
     * (where a guard on the direction alone would have dropped the gradient's term).
     */
    @Test
    void aClampedArgumentsHvpIsFiniteAndMatchesDifferencesOfTheGradient() throws Exception {
        // (StrictMath's twins too: the guard reads which functions have an infinite partial from the rule table)
        String[][] methods = {
            {"Clamped", "variance", ""}, {"Truncated", "inline", ""}, {"Clamped", "variance", "Strict"}
        };
        for (String[] cm : methods) {
            String m = cm[1];
            String source = cm[0].equals("Clamped") ? CLAMPED : TRUNCATED;
            StrangerHarness.Built b = checkAll(
                    cm[0],
                    cm[2].isEmpty() ? source : source.replace("Math.", "StrictMath."),
                    Map.of(),
                    Map.of(m, new Object[] {0.3, 0.4}));
            Class<?> adjoint = b.type(cm[0] + "Adjoint");
            Class<?> g = dev.adjoint.DoubleGrad.class;
            java.lang.reflect.Method grad = adjoint.getMethod(m + "Grad", double.class, double.class, g, g);
            java.lang.reflect.Method hvp =
                    adjoint.getMethod(m + "Hvp", double.class, double.class, double.class, double.class, g, g, g, g);
            java.util.function.Function<double[], double[]> gradient = x -> {
                dev.adjoint.DoubleGrad gv = new dev.adjoint.DoubleGrad();
                dev.adjoint.DoubleGrad gw = new dev.adjoint.DoubleGrad();
                try {
                    grad.invoke(null, x[0], x[1], gv, gw);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                return new double[] {gv.get(), gw.get()};
            };
            for (double[] at : new double[][] {{-0.5, 1.5}, {-0.5, 0.4}, {0.3, 1.5}, {0.3, 0.4}}) {
                for (double[] v : new double[][] {{0.7, -0.3}, {0, 1}, {1, 0}}) {
                    dev.adjoint.DoubleGrad[] out = new dev.adjoint.DoubleGrad[4];
                    for (int i = 0; i < 4; i++) {
                        out[i] = new dev.adjoint.DoubleGrad();
                    }
                    hvp.invoke(null, at[0], at[1], v[0], v[1], out[0], out[1], out[2], out[3]);
                    double[] hv = {out[2].get(), out[3].get()};
                    String where =
                            m + " at " + java.util.Arrays.toString(at) + " along " + java.util.Arrays.toString(v);
                    dev.adjoint.check.GradCheck.Report r =
                            dev.adjoint.check.GradCheck.checkHvp(gradient, at, v, hv, 1e-6, 1e-7);
                    assertTrue(r.passed(), where + ": " + r.describe());
                    double[] want = gradient.apply(at);
                    assertTrue(
                            out[0].get() == want[0] && out[1].get() == want[1],
                            where + ": the Hvp's gradient " + out[0] + ", " + out[1] + " vs " + want[0] + ", "
                                    + want[1]);
                }
            }
        }
    }

    /**
     * The same truncation on the tape: the partial of {@code sqrt(max(v, 0))} chained through one
     * statement was {@code (1 / (2 * 0)) * 0}, and a clamped {@code vp} read twice (a node of its own)
     * passed {@code ∞ · 0} in the tape's sweep, so the tape's gradient was NaN where the static one is
     * finite (a Heston path whose variance goes negative). Both are now 0, as the static select is.
     */
    static final String TRUNCATED = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Truncated {
                @Differentiable
                public static double inline(double v, double w) {
                    return w * Math.sqrt(Math.max(v, 0.0)) + v * w;
                }

                @Differentiable
                public static double path(double v0, double xi, double[] z) {
                    double v = v0;
                    double s = 0;
                    for (int k = 0; k < z.length; k++) {
                        double vp = Math.max(v, 0.0);
                        double sq = Math.sqrt(vp * 0.1);
                        s += (1 - 0.5 * vp) * 0.1 + sq * z[k];
                        v += 2 * (0.04 - vp) * 0.1 + xi * sq * z[k];
                    }
                    return s * s + v;
                }
            }
            """;

    @Test
    void aClampedSquareRootOnTheTapeIsNotNaN() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("inline", new Object[] {-0.5, 1.5});
        cases.put("path", new Object[] {0.01, 0.9, new double[] {-1.2, 0.4, -2.1, 0.3, 1.1}});
        checkAll("Truncated", TRUNCATED, Map.of(), cases);
    }
    /**
     * suites28 (MLX's {@code a ** b} with partly traced inputs, tinygrad's {@code pow}): {@code pow(x, p)} with both
     * differentiated, at a negative base and an integral exponent. Its partial in {@code p}, {@code z · log(x)}, is NaN
     * there (the function of {@code p} is not defined around it), but its partial in {@code x} is finite ({@code -4} at
     * (-2, 2)); the {@code Jvp} along {@code (1, 0)} was {@code -4 + 0 · NaN = NaN}, and so were the {@code Jacobian}'s
     * columns in {@code x}, which it computes by {@code Jvp}. The exponent's zero tangent now adds 0.
     */
    static final String POWERS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Powers {
                @Differentiable
                public static double power(double x, double p) {
                    return Math.pow(x, p) + x * p;
                }

                @Differentiable
                public static double[] powers(double x, double p) {
                    return new double[] {Math.pow(x, p), x * p, x + p};
                }
            }
            """;

    @Test
    void aFixedExponentsZeroTangentLeavesTheBaseTermAtANegativeBase() throws Exception {
        StrangerHarness.Built b = checkAll(
                "Powers", POWERS, Map.of(), Map.of("power", new Object[] {1.3, 2.0}, "powers", new Object[] {1.3, 2.0
                }));
        Class<?> adjoint = b.type("PowersAdjoint");
        Class<?> g = dev.adjoint.DoubleGrad.class;
        java.lang.reflect.Method jvp =
                adjoint.getMethod("powerJvp", double.class, double.class, double.class, double.class, g);
        java.lang.reflect.Method jacobian =
                adjoint.getMethod("powersJacobian", double.class, double.class, double[][].class);
        for (double[] at : new double[][] {{-2, 2}, {-1.5, 3}, {-2, 0}, {0, -0.5}}) {
            double x = at[0];
            double p = at[1];
            double dx = p * Math.pow(x, p - 1) + p; // d/dx, defined at a negative base for an integral p
            dev.adjoint.DoubleGrad out = new dev.adjoint.DoubleGrad();
            jvp.invoke(null, x, p, 1.0, 0.0, out);
            String where = java.util.Arrays.toString(at);
            assertTrue(out.get() == dx, where + ": Jvp along (1, 0) " + out + " vs d/dx " + dx);
            double[][] jac = new double[3][2];
            jacobian.invoke(null, x, p, jac);
            assertTrue(
                    jac[0][0] == dx - p && jac[1][0] == p && jac[2][0] == 1,
                    where + ": Jacobian's x column " + jac[0][0] + ", " + jac[1][0] + ", " + jac[2][0] + " vs "
                            + (dx - p) + ", " + p + ", 1");
        }
    }
}
