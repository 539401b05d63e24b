package dev.adjoint.generator.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code nameHvp} of methods that call other methods: {@code @Differentiable} callees, plain
 * helpers differentiated implicitly, chains of both (each callee's tangent {@code _tan_g} is
 * differentiated again), in double and float; callees with a {@code @CustomDerivative} (their tangent
 * made from the pullback's code), and the note where that code gives none. Oracle: central differences of the generated gradient
 * along the direction ({@link GradCheck#checkHvp}), or a closed form in float; the gradient the
 * Hvp adds, against {@code nameGrad}.
 */
class HessianCallsTest {
    private static final String SOURCE = """
            package hvc;

            import static java.lang.Math.sqrt;

            import dev.adjoint.CustomDerivative;
            import dev.adjoint.Differentiable;
            import dev.adjoint.DoubleGrad;

            public class Energy {
                static double sq(double x) {
                    return x * x;
                }

                @Differentiable
                public static double softplus(double x) {
                    return Math.log1p(Math.exp(x));
                }

                static double pairTerm(double[] w, int i) {
                    return softplus(w[i] - w[i + 1]) * sq(w[i + 1]) + Math.cos(sq(w[i]));
                }

                @Differentiable
                public static double energy(double[] w, double scale) {
                    double s = 0;
                    for (int i = 0; i + 1 < w.length; i++) {
                        s += pairTerm(w, i);
                    }
                    return scale * s + softplus(w[0] * scale);
                }

                static float fsq(float x) {
                    return x * x;
                }

                @Differentiable
                public static float fenergy(float[] w) {
                    float s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += fsq(w[i]) * (float) Math.sin(w[i]);
                    }
                    return s;
                }

                public static double soft(double x) {
                    return Math.log1p(Math.exp(x));
                }

                @CustomDerivative(of = "soft")
                public static double softPullback(double x, double seed, DoubleGrad dx) {
                    dx.add(seed / (1 + Math.exp(-x)));
                    return soft(x);
                }

                @Differentiable
                public static double usesCustom(double x) {
                    return soft(x * x);
                }

                static final double SCALE = 0.5;

                public static double norm(double[] a) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                        s += a[i] * a[i];
                    }
                    return SCALE * Math.sqrt(s);
                }

                @CustomDerivative(of = "norm")
                public static double normPullback(double[] b, double seed, double[] db) {
                    double s = 0;
                    for (int i = 0; i < b.length; i++) {
                        s += b[i] * b[i];
                    }
                    double n = sqrt(s);
                    for (int i = 0; i < b.length; i++) {
                        db[i] += seed * SCALE * b[i] / n;
                    }
                    return SCALE * n;
                }

                @Differentiable
                public static double usesNorm(double[] a, double t) {
                    return norm(a) * t + soft(a[0] * t);
                }

                public static double cube(double x) {
                    return x * x * x;
                }

                @CustomDerivative(of = "cube")
                public static double cubePullback(double x, double seed, DoubleGrad dx) {
                    if (seed == 0) {
                        return cube(x);
                    }
                    dx.add(seed * 3 * x * x);
                    return cube(x);
                }

                @Differentiable
                public static double usesCube(double x) {
                    return cube(x) + x;
                }
            }
            """;

    @Test
    void hvpThroughAnnotatedAndPlainCalleesMatchesDifferencesOfTheGradient() {
        Differentiated d = Differentiated.of("hvc.Energy", SOURCE, Options.DEFAULT);
        double[] w = {0.3, -0.7, 1.1, 0.4, -0.2};
        double scale = 1.3;
        double[] v = {0.5, -1.0, 0.25, 0.75, -0.4};
        double tscale = 0.6;
        double[] g = new double[5];
        double[] hv = new double[5];
        dev.adjoint.DoubleGrad gs = new dev.adjoint.DoubleGrad();
        dev.adjoint.DoubleGrad hvs = new dev.adjoint.DoubleGrad();
        double value = (double) d.invokeGenerated("energy", "energyHvp", w.clone(), scale, v, tscale, g, gs, hv, hvs);
        assertEquals(d.value("energy", w.clone(), scale), value, 0.0);
        double[] grad = d.grad("energy", w.clone(), scale).gradient();
        double[] gotGrad = {g[0], g[1], g[2], g[3], g[4], gs.get()};
        assertArrayEquals(grad, gotGrad, 1e-12);
        double[] x0 = {w[0], w[1], w[2], w[3], w[4], scale};
        double[] dir = {v[0], v[1], v[2], v[3], v[4], tscale};
        double[] got = {hv[0], hv[1], hv[2], hv[3], hv[4], hvs.get()};
        GradCheck.Report r = GradCheck.checkHvp(
                x -> d.grad("energy", d.at("energy", new Object[] {w, scale}, x))
                        .gradient(),
                x0,
                dir,
                got,
                1e-6,
                1e-8);
        assertTrue(r.passed(), r.describe());
        // the callees' tangents are generated once each, as package-private helpers (the plain helpers
        // pairTerm and sq of the same class are inlined before differentiation: they have none; sq after
        // the call to softplus, which moves into a local first)
        List<String> names = d.adjointMethodNames("energy");
        assertTrue(names.containsAll(List.of("_tan_softplus", "_tan_softplusVjp")), names.toString());
        assertFalse(names.contains("_tan_pairTerm") || names.contains("_tan_sq"), names.toString());
    }

    @Test
    void floatHvpWithAPlainHelper() {
        Differentiated d = Differentiated.of("hvc.Energy", SOURCE, Options.DEFAULT);
        float[] w = {0.3f, -0.7f, 1.1f};
        float[] v = {0.5f, -1.0f, 0.25f};
        float[] g = new float[3];
        float[] hv = new float[3];
        d.invokeGenerated("fenergy", "fenergyHvp", w.clone(), v, g, hv);
        // closed form: f = Σ x² sin x, f'' = 2 sin x + 4 x cos x − x² sin x, diagonal
        for (int i = 0; i < 3; i++) {
            double x = w[i];
            double h = 2 * Math.sin(x) + 4 * x * Math.cos(x) - x * x * Math.sin(x);
            assertEquals(h * v[i], hv[i], 1e-5, "component " + i);
        }
        // (central differences of a float gradient are too noisy to say more than the closed form)
    }

    @Test
    void aCustomDerivativeCalleeGetsItsTangentFromThePullbacksCode() {
        Differentiated d = Differentiated.of("hvc.Energy", SOURCE, Options.DEFAULT);
        // f(x) = soft(x²): f'' = 4x²·σ'(x²) + 2σ(x²), σ the logistic function (soft's derivative)
        double x = 0.8;
        dev.adjoint.DoubleGrad g = new dev.adjoint.DoubleGrad();
        dev.adjoint.DoubleGrad hv = new dev.adjoint.DoubleGrad();
        double v = -1.7;
        double value = (double) d.invokeGenerated("usesCustom", "usesCustomHvp", x, v, g, hv);
        assertEquals(d.value("usesCustom", x), value, 0.0);
        double s = 1 / (1 + Math.exp(-x * x));
        assertEquals(2 * x * s, g.get(), 1e-14);
        assertEquals((4 * x * x * s * (1 - s) + 2 * s) * v, hv.get(), 1e-13);
        // an array parameter, a constant of the class, a static import, the pullback's own parameter names; against
        // differences of the gradient
        double[] a = {0.3, -1.2, 0.9};
        double t = 1.4;
        double[] va = {0.5, 0.25, -1.0};
        double vt = -0.3;
        double[] ga = new double[3];
        double[] hva = new double[3];
        dev.adjoint.DoubleGrad gt = new dev.adjoint.DoubleGrad();
        dev.adjoint.DoubleGrad hvt = new dev.adjoint.DoubleGrad();
        d.invokeGenerated("usesNorm", "usesNormHvp", a.clone(), t, va, vt, ga, gt, hva, hvt);
        double[] grad = d.grad("usesNorm", a.clone(), t).gradient();
        assertArrayEquals(grad, new double[] {ga[0], ga[1], ga[2], gt.get()}, 1e-12);
        GradCheck.Report r = GradCheck.checkHvp(
                p -> d.grad("usesNorm", d.at("usesNorm", new Object[] {a, t}, p))
                        .gradient(),
                new double[] {a[0], a[1], a[2], t},
                new double[] {va[0], va[1], va[2], vt},
                new double[] {hva[0], hva[1], hva[2], hvt.get()},
                1e-6,
                1e-8);
        assertTrue(r.passed(), r.describe());
    }

    @Test
    void aPullbackWhoseCodeGivesNoTangentGivesANoteNotAWrongHessian() {
        Differentiated d = Differentiated.of("hvc.Energy", SOURCE, Options.DEFAULT);
        List<String> names = d.adjointMethodNames("usesCube");
        assertTrue(names.contains("usesCubeJvp") && names.contains("usesCubeGrad"), names.toString());
        assertFalse(names.contains("usesCubeHvp"), names.toString());
        List<Diagnostic> notes = d.translation().diagnostics().stream()
                .filter(x -> x.severity() == Diagnostic.Severity.NOTE)
                .toList();
        assertEquals(1, notes.size(), notes.toString());
        Diagnostic n = notes.get(0);
        List<String> lines = SOURCE.lines().toList();
        int line = 1
                + lines.indexOf(lines.stream()
                        .filter(l -> l.contains("double usesCube("))
                        .findFirst()
                        .orElseThrow());
        assertEquals(line, n.line(), n.format());
        assertTrue(
                n.message().contains("'usesCube' gets no usesCubeHvp")
                        && n.message().contains("'cubePullback' does not end in its" + " only return"),
                n.format());
    }
}
