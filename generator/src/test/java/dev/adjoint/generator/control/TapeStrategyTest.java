package dev.adjoint.generator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import org.junit.jupiter.api.Test;

/** Methods the static pass rejects go to the tape under AUTO; forced TAPE agrees with static. */
class TapeStrategyTest {
    private static final String SRC = """
            package tape;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;

            public class Shapes {
                /** recursion: Horner's rule, one coefficient per call */
                @Differentiable(wrt = {"c", "x"})
                static double horner(double[] c, int i, double x) {
                    if (i == c.length - 1) {
                        return c[i];
                    }
                    return c[i] + x * horner(c, i + 1, x);
                }

                /** recursion by squaring */
                @Differentiable
                static double power(double x, int n) {
                    if (n == 0) {
                        return 1;
                    }
                    double h = power(x, n / 2);
                    return n % 2 == 0 ? h * h : h * h * x;
                }

                @Differentiable
                static double piecewise(double x, int mode) {
                    double y;
                    switch (mode) {
                        case 0:
                            y = Math.sin(x);
                            break;
                        case 1:
                            y = x * x;
                            break;
                        default:
                            y = Math.exp(-x);
                    }
                    return y * x;
                }

                @Differentiable
                static double firstAbove(double[] a, double t) {
                    double s = 0;
                    outer:
                    for (int i = 0; i < a.length; i++) {
                        for (int j = 0; j < a.length; j++) {
                            s += a[i] * a[j];
                            if (s > t) {
                                break outer;
                            }
                        }
                    }
                    return s;
                }

                /** static-friendly, forced onto the tape for the cross-check */
                @Differentiable(strategy = Strategy.TAPE)
                static double taped(double[] w, double[] x) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += Math.tanh(w[i] * x[i]) / (1 + w[i] * w[i]);
                    }
                    return s;
                }

                @Differentiable
                static double same(double[] w, double[] x) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += Math.tanh(w[i] * x[i]) / (1 + w[i] * w[i]);
                    }
                    return s;
                }
            }
            """;

    @Test
    void recursionSwitchAndLabelledBreakGoToTheTapeAndMatchCentralDifferences() {
        Differentiated d = Differentiated.of("tape.Shapes", SRC, Options.DEFAULT);
        assertTrue(d.translation().methods().stream().anyMatch(m -> m.startsWith("tape.Shapes#horner: tape, because")),
                d.translation().methods().toString());
        assertTrue(d.translation().methods().contains("tape.Shapes#same: static"), d.translation().methods().toString());
        assertTrue(d.translation().methods().contains("tape.Shapes#taped: tape (requested)"), d.translation().methods().toString());
        d.assertGradient("horner", d, "horner", 1e-6, 1e-9, new double[] {0.5, -1.0, 2.0, 0.25}, 0, 0.7);
        d.assertGradient("power", d, "power", 1e-6, 1e-9, 1.1, 13);
        for (int mode = 0; mode < 3; mode++) {
            d.assertGradient("piecewise", d, "piecewise", 1e-6, 1e-9, 0.4, mode);
        }
        d.assertGradient("firstAbove", d, "firstAbove", 1e-6, 1e-9, new double[] {0.5, 1.5, -0.25}, 1.3);
        d.assertGradient("firstAbove", d, "firstAbove", 1e-6, 1e-9, new double[] {0.5, 1.5, -0.25}, 100.0);
    }

    @Test
    void aWarmTapeGradientCallAllocatesNothing() throws Exception {
        Differentiated d = Differentiated.of("tape.Shapes", SRC, Options.DEFAULT);
        double[] w = {0.3, -1.2, 0.8, 2.0};
        double[] x = {1.5, 0.25, -0.9, 0.1};
        double[] dw = new double[4];
        double[] dx = new double[4];
        java.lang.reflect.Method vjp = d.loader().loadClass("tape.ShapesAdjoint").getDeclaredMethod("tapedVjp",
                double[].class, double[].class, double.class, double[].class, double[].class);
        vjp.setAccessible(true);
        Object[] args = {w, x, 1.0, dw, dx};
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            vjp.invoke(null, args);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            vjp.invoke(null, args);
        }
        long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / 1000;
        assertTrue(perCall <= 32, "a warm tape gradient call allocated " + perCall + " bytes (reflection boxes the result: 16)");
    }

    @Test
    void tapeAndStaticAgreeToRounding() {
        Differentiated d = Differentiated.of("tape.Shapes", SRC, Options.DEFAULT);
        double[] w = {0.3, -1.2, 0.8, 2.0};
        double[] x = {1.5, 0.25, -0.9, 0.1};
        var a = d.vjp("taped", 1.0, w, x);
        var b = d.vjp("same", 1.0, w, x);
        assertEquals(a.value(), b.value(), 0.0);
        for (int i = 0; i < a.gradient().length; i++) {
            double rho = Math.abs(a.gradient()[i] - b.gradient()[i]) / Math.max(1, Math.abs(a.gradient()[i]) + Math.abs(b.gradient()[i]));
            assertTrue(rho <= 1e-12, "component " + i + ": tape " + a.gradient()[i] + " static " + b.gradient()[i]);
        }
        d.assertGradient("taped", d, "taped", 1e-6, 1e-9, w, x);
    }
}
