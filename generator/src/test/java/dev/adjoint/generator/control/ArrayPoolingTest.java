package dev.adjoint.generator.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.generator.testing.WarmCalls;
import dev.adjoint.stack.AdjointStacks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Local arrays and array adjoints come from the thread's {@code ArrayPool}: a warm gradient call
 * allocates nothing (but what user code it calls allocates), arrays reused from an earlier call start zeroed, and nested calls (an adjoint
 * calling another adjoint that borrows too) give everything back.
 */
class ArrayPoolingTest {
    private static final String SOURCE = """
            package pool;

            import dev.adjoint.Differentiable;

            public class Scratch {
                /** a local array, filled first and read afterwards, and one reused in a loop */
                @Differentiable(wrt = "x")
                public static double smooth(double[] x, int n) {
                    double[] y = new double[n];
                    double[] z = new double[n];
                    for (int i = 0; i < n; i++) {
                        y[i] = Math.sin(x[i]) * x[(i + 1) % n];
                    }
                    double s = 0;
                    for (int r = 0; r < 3; r++) {
                        for (int i = 0; i < n; i++) {
                            z[i] = y[i] * (r + 1) + z[(i + n - 1) % n] * 0.5;
                        }
                        for (int i = 0; i < n; i++) {
                            s += z[i] * z[i];
                        }
                    }
                    return s + ripple(s * 0.01, x[0], n);
                }

                /** called from smooth's adjoint, borrowing above it */
                @Differentiable
                public static double ripple(double a, double b, int n) {
                    double[] w = new double[n];
                    for (int i = 0; i < n; i++) {
                        w[i] = Math.sin(a * i + b);
                    }
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += w[i] * w[(i + 2) % n];
                    }
                    return s;
                }

                /** a parameter array written in place: its adjoint is a pooled local */
                @Differentiable(wrt = "x")
                public static double inPlace(double[] x, int n) {
                    double[] t = new double[n];
                    for (int i = 1; i < n; i++) {
                        t[i] = x[i] * x[i - 1];
                    }
                    for (int i = 1; i < n; i++) {
                        x[i] = x[i] + t[i];
                    }
                    return x[n - 1] * x[0];
                }
            }
            """;

    enum Opt {
        DEFAULT(Options.DEFAULT),
        PLAIN(Options.PLAIN);

        final Options options;

        Opt(Options options) {
            this.options = options;
        }
    }

    private static double[] point() {
        return new double[] {0.7, -0.3, 1.2, 0.4, -0.9};
    }

    @ParameterizedTest
    @EnumSource(Opt.class)
    void pooledArraysGiveTheGradientOfFreshOnes(Opt o) {
        // the stacks are the thread's: a test class run before on this worker thread may have left values on purpose
        // (an
        // exception thrown out of a gradient call); what is checked below is what these calls leave
        AdjointStacks.forThread().clear();
        Differentiated d = Differentiated.of("pool.Scratch", SOURCE, o.options);
        d.assertGradient("smooth", d, "smooth", 1e-6, 1e-9, point(), 5);
        // a second and third call reuse the arrays the first one gave back, dirty: same gradient
        double[] first = d.grad("smooth", point(), 5).gradient();
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(first, d.grad("smooth", point(), 5).gradient(), 0.0);
        }
        // a different length borrows other arrays
        d.assertGradient("smooth", d, "smooth", 1e-6, 1e-9, new double[] {0.2, 0.5, -1.1}, 3);
        d.assertGradient("inPlace", d, "inPlace", 1e-6, 1e-9, point(), 5);
        assertTrue(
                d.translation().methods().stream().noneMatch(m -> m.contains(": tape")),
                d.translation().methods().toString());
        assertTrue(AdjointStacks.forThread().isEmpty(), "a call left arrays borrowed or values on the stacks");
    }

    @ParameterizedTest
    @EnumSource(Opt.class)
    void aWarmCallWithLocalArraysAllocatesNothing(Opt o) throws Exception {
        Differentiated d = Differentiated.of("pool.Scratch", SOURCE, o.options);
        double[] x = point();
        double[] dx = new double[x.length];
        Object[] args = {x, 5, dx}; // boxed once: the call itself must not allocate
        java.lang.reflect.Method grad = d.loader()
                .loadClass("pool.ScratchAdjoint")
                .getMethod("smoothGrad", double[].class, int.class, double[].class);
        java.lang.reflect.Method inPlace = d.loader()
                .loadClass("pool.ScratchAdjoint")
                .getMethod("inPlaceGrad", double[].class, int.class, double[].class);
        double[] fresh = point();
        long perCall = WarmCalls.bytesPerCall(() -> {
            grad.invoke(null, args);
            System.arraycopy(fresh, 0, x, 0, x.length); // inPlace writes x
            inPlace.invoke(null, args);
        });
        // reflection boxes the two double results (32 B); the primal call to ripple in smooth's
        // forward sweep is user code, with its own array (56 B); 4 local arrays and their adjoints,
        // and the in-place parameter's adjoint, of 5 doubles each, would add over 500 B
        assertTrue(perCall <= 32 + 56 + 16, "a warm gradient call allocated " + perCall + " bytes");
    }
}
