package dev.adjoint.generator.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.generator.testing.WarmCalls;
import org.junit.jupiter.api.Test;

/**
 * Local arrays created in a loop where no single hoisted array can stand for them (issue 15): a length
 * the loop updates, a {@code while} loop, a loop a {@code break} or {@code continue} may leave or skip,
 * nested loops, a 2-D array, an array variable created again whose last array is read after the loop.
 * Each creation borrows a fresh array and adjoint from the pool, the previous references are pushed and
 * popped back by the reverse sweep. Static (not the tape), the gradient matches central differences and
 * the tape's (both optimised and plain), and a warm call allocates nothing.
 */
class LoopLocalArraysTest {
    private static final String METHODS = """
                /** a length the loop updates */
                @Differentiable
                public static double grows(double[] x) {
                    int n = 1;
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double[] t = new double[n];
                        for (int j = 0; j < n; j++) {
                            t[j] = x[i] * (j + 1) + x[j % x.length];
                        }
                        for (int j = 0; j < n; j++) {
                            s += Math.sin(t[j]) * t[n - 1 - j];
                        }
                        n += 2;
                    }
                    return s;
                }

                /** a while loop on a value, its array's length the loop's variable */
                @Differentiable
                public static double whileLoop(double[] x) {
                    double s = 0;
                    int k = 1;
                    while (s < 6) {
                        double[] t = new double[k];
                        for (int j = 0; j < k; j++) {
                            t[j] = x[j % x.length] * x[j % x.length] + 0.25 * s;
                        }
                        for (int j = 0; j < k; j++) {
                            s += t[j];
                        }
                        k++;
                    }
                    return s;
                }

                /** a loop a break leaves */
                @Differentiable
                public static double leftEarly(double[] x) {
                    double s = 0;
                    for (int i = 0; i < 1000000; i++) {
                        if (i >= x.length) {
                            break;
                        }
                        double[] t = new double[i + 1];
                        for (int j = 0; j <= i; j++) {
                            t[j] = x[j] * x[i] + s * 0.1;
                        }
                        for (int j = 0; j <= i; j++) {
                            s += Math.sin(t[j]) * t[i - j];
                        }
                    }
                    return s;
                }

                /** in a block */
                @Differentiable
                public static double inBlock(double[] x, boolean c) {
                    double s = 1;
                    if (c) {
                        double[] t = new double[x.length];
                        for (int j = 0; j < x.length; j++) {
                            t[j] = x[j] * x[j];
                        }
                        for (int j = 0; j < x.length; j++) {
                            s *= 1 + t[j];
                        }
                    }
                    return s;
                }

                /** an array variable created again: the previous iteration's array read, the last one after the loop */
                @Differentiable
                public static double escaping(double[] x) {
                    double[] t = new double[1];
                    t[0] = x[0];
                    double s = 0;
                    for (int i = 1; i < x.length; i++) {
                        s += t[t.length - 1] * x[i];
                        t = new double[i + 1];
                        for (int j = 0; j <= i; j++) {
                            t[j] = Math.cos(x[j]) * x[i] + s;
                        }
                    }
                    return s + t[0] * t[t.length - 1];
                }

                /** nested loops, each creating an array */
                @Differentiable
                public static double nested(double[] x) {
                    double s = 0;
                    int m = 1;
                    for (int i = 0; i < x.length; i++) {
                        double[] u = new double[m];
                        for (int k = 0; k < m; k++) {
                            double[] v = new double[k + m];
                            for (int j = 0; j < v.length; j++) {
                                v[j] = x[(i + j) % x.length] * x[i];
                            }
                            u[k] = Math.tanh(v[v.length - 1] + v[0] * s);
                        }
                        for (int k = 0; k < m; k++) {
                            s += u[k] * u[m - 1 - k];
                        }
                        m++;
                    }
                    return s;
                }

                /** a 2-D array created in a loop */
                @Differentiable
                public static double twoD(double[] x) {
                    int n = 1;
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double[][] a = new double[n][2];
                        for (int r = 0; r < n; r++) {
                            a[r][0] = x[r % x.length] * x[i];
                            a[r][1] = Math.exp(a[r][0]) + s;
                        }
                        for (int r = 0; r < n; r++) {
                            s += a[r][0] * a[r][1] * 0.2;
                        }
                        n++;
                    }
                    return s;
                }

                /** iterations a continue skips before the creation */
                @Differentiable
                public static double skips(double[] x) {
                    double s = 0;
                    int n = 1;
                    for (int i = 0; i < x.length; i++) {
                        n += i % 2;
                        if (x[i] < 0) {
                            continue;
                        }
                        double[] t = new double[n];
                        for (int j = 0; j < n; j++) {
                            t[j] = x[i] * x[j % x.length];
                        }
                        s += Math.tanh(t[n - 1]) + t[0] * s;
                    }
                    return s;
                }
            """;

    private static final String[] NAMES = {"grows", "whileLoop", "leftEarly", "escaping", "nested", "twoD", "skips"};

    static final String SOURCE = source("double");

    private static String source(String type) {
        String methods = METHODS;
        String tape = METHODS.replace("@Differentiable", "@Differentiable(strategy = dev.adjoint.Strategy.TAPE)");
        for (String m : NAMES) {
            tape = tape.replace(" " + m + "(", " " + m + "Tape(");
        }
        tape = tape.replace(" inBlock(", " inBlockTape(");
        return "package la;\n\nimport dev.adjoint.Differentiable;\n\npublic class Loops {\n" + methods + tape + "}\n";
    }

    private static final double[] X = {0.7, -0.3, 1.2, 0.4, -0.9};

    @Test
    void staticWithTheTapesGradientAndCentralDifferences() {
        for (Options options : new Options[] {Options.DEFAULT, Options.PLAIN}) {
            Differentiated d = Differentiated.of("la.Loops", SOURCE, options);
            String methods = d.translation().methods().toString();
            for (String m : NAMES) {
                assertTrue(methods.contains("Loops#" + m + ": static"), m + ": " + methods);
                assertAgree(d, m, new Object[] {X.clone()});
            }
            assertTrue(methods.contains("Loops#inBlock: static"), methods);
            assertAgree(d, "inBlock", new Object[] {X.clone(), true});
            assertAgree(d, "inBlock", new Object[] {X.clone(), false});
        }
    }

    private static void assertAgree(Differentiated d, String m, Object[] args) {
        d.assertGradient(m, d, m, 1e-6, 1e-8, args);
        double[] statically = d.grad(m, args).gradient();
        double[] taped = d.grad(m + "Tape", args).gradient();
        for (int k = 0; k < statically.length; k++) {
            assertTrue(
                    Math.abs(statically[k] - taped[k])
                            <= 1e-12 * Math.max(1, Math.abs(statically[k]) + Math.abs(taped[k])),
                    m + ": static " + statically[k] + " vs tape " + taped[k] + " at " + k);
        }
    }

    /**
     * The loop's array passed whole to a {@code @Differentiable} method of another class that is called,
     * not inlined (it is recursive, on the tape): its adjoint gets each iteration's array and adjoint
     * array back.
     */
    @Test
    void passedWholeToACalledMethod() {
        String callee = """
                package la;

                import dev.adjoint.Differentiable;

                public class Sums {
                    @Differentiable
                    public static double sumsq(double[] v, int n) {
                        if (n == 0) {
                            return 0;
                        }
                        return v[n - 1] * v[n - 1] + sumsq(v, n - 1);
                    }
                }
                """;
        String caller = """
                    @Differentiable
                    public static double calls(double[] x) {
                        int n = 1;
                        double s = 0;
                        for (int i = 0; i < x.length; i++) {
                            double[] t = new double[n];
                            for (int j = 0; j < n; j++) {
                                t[j] = x[i] * (j + 1) + 0.1 * s;
                            }
                            s += Sums.sumsq(t, n) * 0.1;
                            t[0] = s;
                            n += 1;
                        }
                        return s;
                    }
                """;
        String source = "package la;\n\nimport dev.adjoint.Differentiable;\n\npublic class Caller {\n" + caller
                + caller.replace("@Differentiable", "@Differentiable(strategy = dev.adjoint.Strategy.TAPE)")
                        .replace(" calls(", " callsTape(")
                + "}\n";
        for (Options options : new Options[] {Options.DEFAULT, Options.PLAIN}) {
            Differentiated d = Differentiated.of("la.Caller", source, java.util.Map.of("la.Sums", callee), options);
            String methods = d.translation().methods().toString();
            assertTrue(methods.contains("Caller#calls: static"), methods);
            // (called through its adjoint, not inlined)
            assertTrue(
                    d.translation().generated().values().stream()
                            .anyMatch(j -> j.contains("SumsAdjoint.sumsqVjp(t, n, ")),
                    d.translation().generated().toString());
            assertAgree(d, "calls", new Object[] {X.clone()});
        }
    }

    /** A guard that throws after some creations: the adjoint throws as the method does and gives back what it pushed and borrowed. */
    @Test
    void aGuardThrowingAfterCreationsGivesEverythingBack() {
        String source = """
                package la;

                import dev.adjoint.Differentiable;

                public class Guarded {
                    @Differentiable
                    public static double guarded(double[] x, double limit) {
                        int n = 1;
                        double s = 0;
                        for (int i = 0; i < x.length; i++) {
                            double[] t = new double[n];
                            t[0] = x[i] * x[i] + s;
                            if (t[0] > limit) {
                                throw new IllegalArgumentException("too large: " + t[0]);
                            }
                            s += Math.sin(t[0]) * t[n - 1];
                            n++;
                        }
                        return s;
                    }
                }
                """;
        Differentiated d = Differentiated.of("la.Guarded", source, Options.DEFAULT);
        assertTrue(
                d.translation().methods().toString().contains("Guarded#guarded: static"),
                d.translation().methods().toString());
        d.assertGradient("guarded", d, "guarded", 1e-6, 1e-8, X.clone(), 100.0);
        var stacks = dev.adjoint.stack.AdjointStacks.forThread();
        int references = stacks.references.size();
        int pool = stacks.arrays.mark();
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(
                AssertionError.class, () -> d.grad("guarded", X.clone(), 1.0));
        assertTrue(String.valueOf(e.getCause()).contains("too large"), String.valueOf(e.getCause()));
        assertTrue(
                stacks.references.size() == references && stacks.arrays.mark() == pool,
                "kept " + (stacks.references.size() - references) + " references, " + (stacks.arrays.mark() - pool)
                        + " arrays");
    }

    @Test
    void aWarmCallAllocatesNothing() throws Exception {
        Differentiated d = Differentiated.of("la.Loops", SOURCE, Options.DEFAULT);
        for (String m : new String[] {"grows", "leftEarly", "nested", "whileLoop"}) {
            double[] x = X.clone();
            Object[] args = {x, new double[x.length]};
            java.lang.reflect.Method grad =
                    d.loader().loadClass("la.LoopsAdjoint").getMethod(m + "Grad", double[].class, double[].class);
            long perCall = WarmCalls.bytesPerCall(() -> grad.invoke(null, args));
            // reflection boxes the double result (16 B); the arrays and their adjoints would add hundreds of bytes
            assertTrue(perCall <= 32, m + ": a warm gradient call allocated " + perCall + " bytes");
            double[] again = new double[x.length];
            grad.invoke(null, x, again);
            assertArrayEquals(d.grad(m + "Tape", (Object) X.clone()).gradient(), again, 1e-12);
        }
    }
}
