package dev.adjoint.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GradCheckTest {
    /** f(x) = sum x_i^3 + sin(x_0 x_1), whose gradient is 3 x_i^2 plus cos(x_0 x_1) x_1 or x_0. */
    private static final ToDoubleFunction<double[]> F = x -> {
        double s = Math.sin(x[0] * x[1]);
        for (double v : x) {
            s += v * v * v;
        }
        return s;
    };

    private static double[] gradF(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 3 * x[i] * x[i];
        }
        g[0] += Math.cos(x[0] * x[1]) * x[1];
        g[1] += Math.cos(x[0] * x[1]) * x[0];
        return g;
    }

    private static final double[] X = {0.4, -1.2, 2.5, 30.0};

    @Test
    void aCorrectGradientPasses() {
        GradCheck.Report r = GradCheck.check(F, X, gradF(X), 1e-6, 1e-9);
        assertTrue(r.passed(), r.describe());
        assertEquals(4, r.dimension());
        assertTrue(r.describe().startsWith("gradient check passed: worst component "), r.describe());
        assertSame(
                GradCheck.Report.class,
                GradCheck.assertGradient(F, X, gradF(X), 1e-6, 1e-9).getClass());
    }

    @Test
    void aWrongComponentFailsAndIsNamed() {
        double[] g = gradF(X);
        g[2] *= 1.001;
        GradCheck.Report r = GradCheck.check(F, X, g, 1e-6, 1e-9);
        assertFalse(r.passed());
        assertEquals(2, r.worstComponent());
        assertEquals(g[2], r.analytic());
        assertEquals(3 * 2.5 * 2.5, r.numeric(), 1e-6);
        assertEquals(Math.abs(r.analytic() - r.numeric()), r.absoluteError());
        assertEquals(r.absoluteError() / Math.abs(r.analytic()), r.relativeError(), 1e-12);
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheck.assertGradient(F, X, g, 1e-6, 1e-9));
        assertTrue(
                e.getMessage().startsWith("gradient check FAILED: worst component 2 of 4: analytic "), e.getMessage());
        assertTrue(e.getMessage().endsWith("tolerance rtol=1e-6 atol=1e-9"), e.getMessage());
    }

    @Test
    void aFailingComponentOutranksALargerPassingOne() {
        double[] g = gradF(X);
        g[0] += 1e-3; // fails; component 3 (|g| = 2700) passes with a bigger absolute error
        GradCheck.Report r = GradCheck.check(F, X, g, 1e-6, 1e-9);
        assertFalse(r.passed());
        assertEquals(0, r.worstComponent());
    }

    @Test
    void nanFailsOnEitherSide() {
        double[] g = gradF(X);
        g[1] = Double.NaN;
        GradCheck.Report analyticNaN = GradCheck.check(F, X, g, 1e-6, 1e-9);
        assertFalse(analyticNaN.passed());
        assertEquals(1, analyticNaN.worstComponent());
        assertTrue(analyticNaN.describe().contains("analytic gradient is NaN"), analyticNaN.describe());

        ToDoubleFunction<double[]> nanNearX3 = x -> x[3] > 30.0 ? Double.NaN : F.applyAsDouble(x);
        GradCheck.Report numericNaN = GradCheck.check(nanNearX3, X, gradF(X), 1e-6, 1e-9);
        assertFalse(numericNaN.passed());
        assertEquals(3, numericNaN.worstComponent());

        double[] both = {Double.NaN};
        assertFalse(
                GradCheck.check(x -> Double.NaN, new double[] {1}, both, 1, 1).passed(), "NaN never equals NaN");
    }

    @Test
    void describeReadsAsDocumented() {
        assertEquals(
                "gradient check FAILED: worst component 3 of 10: analytic 1.23, numeric 1.25, |diff| 2.0e-2"
                        + " (rel 1.6e-2), tolerance rtol=1e-6 atol=1e-9",
                new GradCheck.Report(false, 3, 1.23, 1.25, 0.02, 0.016, 10, 1e-6, 1e-9).describe());
        assertEquals(
                "gradient check passed: worst component 0 of 1: analytic 1.0, numeric 1.0, |diff| 0 (rel 0)",
                new GradCheck.Report(true, 0, 1.0, 1.0, 0.0, 0.0, 1).describe());
        assertTrue(new GradCheck.Report(false, 0, 1, 2, 1, 0.5, 1, 2.5e-7, 0.001)
                .describe()
                .endsWith("rtol=2.5e-7 atol=0.001"));
        assertEquals(
                "gradient check passed: no components",
                GradCheck.check(x -> 0, new double[0], new double[0], 0, 0).describe());
    }

    @Test
    void neitherXNorOtherEvaluationsAreDisturbed() {
        double[] x = X.clone();
        ToDoubleFunction<double[]> scribbler = v -> {
            double r = F.applyAsDouble(v);
            java.util.Arrays.fill(v, 1e6); // an f that writes into its argument
            return r;
        };
        double[] numeric = GradCheck.centralDifferences(scribbler, x);
        assertArrayEquals(X, x);
        assertArrayEquals(gradF(X), numeric, 1e-6 * 2700);
        assertTrue(GradCheck.check(scribbler, x, gradF(X), 1e-6, 1e-9).passed());
    }

    @Test
    void centralDifferencesAreSecondOrder() {
        // exact for a quadratic up to rounding, at small and large |x| alike (the step scales with |x|)
        double[] x = {0.0, 1e-3, -7.0};
        double[] numeric = GradCheck.centralDifferences(v -> v[0] * v[0] + 3 * v[1] - v[2] * v[2], x);
        assertEquals(0.0, numeric[0], 1e-9);
        assertEquals(3.0, numeric[1], 1e-9);
        assertEquals(14.0, numeric[2], 1e-8);
        double[] large = GradCheck.centralDifferences(v -> 0.5 * v[0] * v[0], new double[] {1e6});
        assertEquals(1e6, large[0], 1e-3);
        assertEquals(6.0554544523933395e-6, GradCheck.DEFAULT_STEP);
        assertEquals(Math.cbrt(Math.ulp(1.0)), GradCheck.DEFAULT_STEP, 1e-20);
    }

    @Test
    void anExplicitStep() {
        // a coarse step on a cubic shows the h^2 truncation error: (f(x+h)-f(x-h))/2h = 3x^2 + h^2
        double[] numeric = GradCheck.centralDifferences(v -> v[0] * v[0] * v[0], new double[] {0.5}, 0.1);
        assertEquals(0.75 + 0.01, numeric[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> GradCheck.centralDifferences(v -> 0, new double[] {1}, 0.0));
        assertThrows(
                IllegalArgumentException.class, () -> GradCheck.check(v -> 0, new double[] {1}, new double[2], 0, 0));
    }
}
