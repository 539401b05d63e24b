package dev.adjoint.generator.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import org.junit.jupiter.api.Test;

/** Tangent methods beyond the corpus: custom pullbacks, overload names, methods on the tape (recursion too). */
class ForwardModeTest {
    private static final String SOURCE = """
            package fwd;

            import dev.adjoint.CustomDerivative;
            import dev.adjoint.Differentiable;
            import dev.adjoint.DoubleGrad;

            public class Mixed {
                public static double soft(double x, double[] w) {
                    return Math.log1p(Math.exp(x * w[0] + w[1]));
                }

                @CustomDerivative(of = "soft")
                public static double softPullback(double x, double[] w, double seed, DoubleGrad dx, double[] dw) {
                    double s = 1 / (1 + Math.exp(-(x * w[0] + w[1])));
                    dx.add(seed * s * w[0]);
                    dw[0] += seed * s * x;
                    dw[1] += seed * s;
                    return soft(x, w);
                }

                @Differentiable
                public static double usesCustom(double x, double[] w) {
                    return soft(x * x, w) * w[2];
                }

                @Differentiable
                public static double h(double[] w, double[] v) {
                    return w[0] * v[0];
                }

                @Differentiable(wrt = "a")
                public static double h(double[] a, double[] b, double[] c) {
                    return a[0] * b[0] * c[0];
                }

                @Differentiable
                public static double k(double x, double y) {
                    return x * y;
                }

                @Differentiable(wrt = "a")
                public static double k(double a, double b, double c) {
                    return a * b * c;
                }

                @Differentiable(strategy = dev.adjoint.Strategy.TAPE)
                public static double onTape(double x) {
                    if (x > 10) {
                        throw new IllegalArgumentException();
                    }
                    return x * x;
                }

                @Differentiable
                public static double callsTape(double x) {
                    return onTape(x) + x;
                }
            }
            """;

    private static double jvp(Differentiated d, String name, String generated, Object... args) {
        DoubleGrad out = new DoubleGrad(7);
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = out;
        d.invokeGenerated(name, generated, all);
        return out.get();
    }

    @Test
    void customPullbackGivesTheTangentFromOneCallWithSeedOne() {
        Differentiated d = Differentiated.of("fwd.Mixed", SOURCE, Options.DEFAULT);
        double x = 0.7;
        double[] w = {0.3, -0.2, 1.5};
        double tx = -0.4;
        double[] tw = {0.25, 0.5, -1.0};
        double got = jvp(d, "usesCustom", "usesCustomJvp", x, w.clone(), tx, tw);
        double h = 1e-6;
        double[] wp = w.clone();
        double[] wm = w.clone();
        for (int i = 0; i < 3; i++) {
            wp[i] += h * tw[i];
            wm[i] -= h * tw[i];
        }
        double cd = (d.value("usesCustom", x + h * tx, wp) - d.value("usesCustom", x - h * tx, wm)) / (2 * h);
        assertEquals(cd, got, 1e-7 * Math.max(1, Math.abs(cd)));
    }

    /**
     * A {@code float} pullback's tangent: {@code FloatGrad.get()} times a {@code float} tangent is a {@code float},
     * so the sum takes no cast (javac's {@code -Xlint:all} calls one redundant); a {@code double} parameter's term
     * needs it. Enzyme's invsqrt.c ported ({@code translated/EnzymeFunctions}) did not compile before.
     */
    @Test
    void floatPullbacksGiveTangentsThatCompileWithoutWarnings() {
        Differentiated d = Differentiated.of("fwd.FloatPullback", """
                package fwd;

                import dev.adjoint.CustomDerivative;
                import dev.adjoint.Differentiable;
                import dev.adjoint.DoubleGrad;
                import dev.adjoint.FloatGrad;

                public class FloatPullback {
                    static float cube(float x) {
                        return x * x * x;
                    }

                    @CustomDerivative(of = "cube")
                    static float cubePullback(float x, float seed, FloatGrad dx) {
                        dx.add(seed * 3 * x * x);
                        return cube(x);
                    }

                    static float scaled(float x, double w) {
                        return (float) (x * w);
                    }

                    @CustomDerivative(of = "scaled")
                    static float scaledPullback(float x, double w, float seed, FloatGrad dx, DoubleGrad dw) {
                        dx.add((float) (seed * w));
                        dw.add(seed * x);
                        return scaled(x, w);
                    }

                    @Differentiable
                    static double f(double[] a) {
                        double s = 0;
                        for (int i = 0; i < a.length; i++) {
                            s += a[i] * a[i];
                        }
                        return cube((float) s) + scaled((float) s, a[0]);
                    }
                }
                """, Options.DEFAULT);
        double[] a = {0.5, -0.75, 0.25};
        double[] t = {0.3, 0.2, -1.0};
        double[] g = d.grad("f", (Object) a.clone()).gradient();
        double expected = g[0] * t[0] + g[1] * t[1] + g[2] * t[2];
        assertEquals(expected, jvp(d, "f", "fJvp", a.clone(), t), 1e-5 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void overloadsAndTapeMethods() {
        Differentiated d = Differentiated.of("fwd.Mixed", SOURCE, Options.DEFAULT);
        var names = d.adjointMethodNames("usesCustom");
        assertTrue(names.contains("h_2Jvp") && names.contains("h_3Jvp"), names.toString());
        // k(double, double) and k(double, double, double) wrt a: Grad and Vjp differ, Jvp would not
        assertTrue(
                names.contains("kGrad")
                        && names.contains("k_2Jvp")
                        && names.contains("k_3Jvp")
                        && names.contains("k_2Hvp"),
                names.toString());
        assertFalse(names.contains("kJvp"), names.toString());
        // a method on the tape that the static front end takes (here: requested) has a tangent, and so its callers
        assertTrue(names.contains("onTapeJvp") && names.contains("callsTapeJvp"), names.toString());
        double h = 1e-6;
        double cd = (d.value("callsTape", 0.7 + h) - d.value("callsTape", 0.7 - h)) / (2 * h);
        assertEquals(cd * -0.4, jvp(d, "callsTape", "callsTapeJvp", 0.7, -0.4), 1e-7);
        assertEquals(
                d.grad("callsTape", 0.7).gradient()[0] * -0.4, jvp(d, "callsTape", "callsTapeJvp", 0.7, -0.4), 1e-15);
    }

    private static final String MODES = """
            package fwd;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Mode;

            public class Narrow {
                @Differentiable(modes = Mode.REVERSE)
                public static double inner(double[] w) {
                    return w[0] * w[1] + Math.sin(w[0]);
                }

                @Differentiable(modes = {Mode.FORWARD})
                public static double outer(double[] w) {
                    return inner(w) * w[1];
                }

                @Differentiable(modes = {Mode.HVP, Mode.REVERSE})
                public static double hessianOnly(double[] w) {
                    return w[0] * w[0] * w[1];
                }

                @Differentiable(modes = {})
                public static double[] vector(double[] w) {
                    double[] out = new double[2];
                    out[0] = w[0] * w[1];
                    out[1] = w[1];
                    return out;
                }

                @Differentiable
                public static double everything(double[] w) {
                    return w[0] * w[1];
                }
            }
            """;

    @Test
    void modesNarrowWhatIsGeneratedButKeepWhatCallersNeed() {
        Differentiated d = Differentiated.of("fwd.Narrow", MODES, Options.DEFAULT);
        var names = d.adjointMethodNames("everything");
        // REVERSE only, but outer's Jvp calls inner's: kept
        assertTrue(names.contains("innerGrad") && names.contains("innerJvp"), names.toString());
        assertFalse(names.contains("innerHvp"), names.toString());
        assertTrue(names.contains("outerGrad") && names.contains("outerJvp"), names.toString());
        assertTrue(
                names.contains("hessianOnlyHvp")
                        && names.contains("hessianOnlyGrad")
                        && !names.contains("hessianOnlyJvp"),
                names.toString());
        // modes = {}: Vjp alone, no Jvp nor Jacobian
        assertTrue(
                names.contains("vectorVjp") && !names.contains("vectorJvp") && !names.contains("vectorJacobian"),
                names.toString());
        assertTrue(names.contains("everythingJvp") && names.contains("everythingHvp"), names.toString());
        // the Hvp without its Jvp still works: H·v of w0²·w1 at (1.5, -2) along (1, 0.5)
        double[] g = new double[2];
        double[] hv = new double[2];
        d.invokeGenerated("hessianOnly", "hessianOnlyHvp", new double[] {1.5, -2}, new double[] {1, 0.5}, g, hv);
        // H = [[2 w1, 2 w0], [2 w0, 0]] = [[-4, 3], [3, 0]]
        assertEquals(-4 * 1 + 3 * 0.5, hv[0], 1e-12);
        assertEquals(3 * 1, hv[1], 1e-12);
    }

    private static final String RECURSIVE = """
            package fwd;

            import dev.adjoint.Differentiable;

            public class Recursive {
                @Differentiable(wrt = "x")
                public static double power(double x, int n) {
                    if (n == 0) {
                        return 1.0;
                    }
                    return x * power(x, n - 1);
                }

                @Differentiable(wrt = "x")
                public static double even(double x, int n) {
                    if (n == 0) {
                        return x;
                    }
                    return Math.sin(odd(x, n - 1));
                }

                @Differentiable(wrt = "x")
                public static double odd(double x, int n) {
                    if (n == 0) {
                        return x * x;
                    }
                    return Math.cos(even(x, n - 1)) * x;
                }

                @Differentiable
                public static double usesThem(double[] w) {
                    return power(w[0], 3) + Math.sin(w[1]) * even(w[1] * w[0], 5);
                }
            }
            """;

    /**
     * Recursion sends a method to the tape (its reverse would re-run the callee's forward sweep at
     * every level), but a tangent keeps no stacks: the recursive methods and their callers get a
     * Jvp, checked against central differences and, by the dot-product test, the tape's gradient.
     */
    @Test
    void recursiveMethodsOnTheTapeHaveAJvp() {
        Differentiated d = Differentiated.of("fwd.Recursive", RECURSIVE, Options.DEFAULT);
        assertTrue(
                d.translation().methods().stream().anyMatch(m -> m.startsWith("fwd.Recursive#power: tape, because")),
                d.translation().methods().toString());
        var names = d.adjointMethodNames("usesThem");
        assertTrue(
                names.containsAll(java.util.List.of("powerJvp", "evenJvp", "oddJvp", "usesThemJvp")), names.toString());
        double h = 1e-6;
        for (double x : new double[] {0.7, -1.3}) {
            double got = jvp(d, "power", "powerJvp", x, 5, 1.0);
            double cd = (d.value("power", x + h, 5) - d.value("power", x - h, 5)) / (2 * h);
            assertEquals(cd, got, 1e-7 * Math.max(1, Math.abs(cd)), "power at " + x);
            assertEquals(5 * Math.pow(x, 4), got, 1e-12 * Math.max(1, Math.abs(got)), "power at " + x);
            got = jvp(d, "even", "evenJvp", x, 6, 1.0);
            cd = (d.value("even", x + h, 6) - d.value("even", x - h, 6)) / (2 * h);
            assertEquals(cd, got, 1e-7 * Math.max(1, Math.abs(cd)), "even at " + x);
        }
        double[] w = {0.4, -0.9};
        double[] u = {0.3, 0.8};
        double jvp = jvp(d, "usesThem", "usesThemJvp", w.clone(), u);
        double[] grad = d.grad("usesThem", (Object) w.clone()).gradient();
        double vjp = grad[0] * u[0] + grad[1] * u[1];
        double rho = Math.abs(jvp - vjp) / (Math.abs(grad[0] * u[0]) + Math.abs(grad[1] * u[1]));
        assertTrue(rho <= 1e-12, "⟨∇f, u⟩ = " + vjp + " by the tape, J·u = " + jvp + " by the Jvp");
        double[] wp = {w[0] + h * u[0], w[1] + h * u[1]};
        double[] wm = {w[0] - h * u[0], w[1] - h * u[1]};
        double cd = (d.value("usesThem", (Object) wp) - d.value("usesThem", (Object) wm)) / (2 * h);
        assertEquals(cd, jvp, 1e-7 * Math.max(1, Math.abs(cd)));
    }
}
