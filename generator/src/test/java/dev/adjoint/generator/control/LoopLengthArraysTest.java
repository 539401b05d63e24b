package dev.adjoint.generator.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.generator.testing.WarmCalls;
import org.junit.jupiter.api.Test;

/**
 * Local arrays inside loops whose length changes with the loop's counters ({@code new double[i + 1]}), and
 * ragged local 2-D arrays whose rows are created so ({@code tri[i] = new double[i + 1]}):
 * one pooled array of the greatest length the loops ask for, the iteration's own length kept beside
 * it. The gradient matches central differences and the tape's; an index past the iteration's length
 * and a negative length still throw where the method throws; a warm call allocates nothing. A loop
 * that a {@code break} may leave is not scanned (it could outrun the method): each of its creations
 * borrows an array of its own ({@link LoopLocalArraysTest}), static too.
 */
class LoopLengthArraysTest {
    private static final String METHODS = """
                /** the triangle of prefixes, read past the iteration's length when extra > 0 */
                @Differentiable
                public static double prefixes(double[] x, int extra) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double[] t = new double[i + 1];
                        for (int j = 0; j <= i; j++) {
                            t[j] = x[j] * x[i] + t[(j + i) % t.length];
                        }
                        s += t[i + extra] * t[0];
                    }
                    return s;
                }

                /** a length that is negative at the first iteration when shift > 0 */
                @Differentiable
                public static double shifted(double[] x, int shift) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        int m = i + 1 - shift;
                        double[] t = new double[m];
                        for (int j = 0; j < t.length; j++) {
                            t[j] = Math.sin(x[j]) * x[i];
                        }
                        s += t.length > 0 ? t[t.length - 1] : x[i];
                    }
                    return s;
                }

                /** a ragged 2-D local, its rows created in a loop; read past a row's length when extra > 0 */
                @Differentiable
                public static double rows(double[] x, int extra) {
                    double[][] tri = new double[x.length][];
                    for (int i = 0; i < tri.length; i++) {
                        tri[i] = new double[i + 1];
                        for (int j = 0; j <= i; j++) {
                            tri[i][j] = x[j] * x[i] + tri[i][(j + 1) % tri[i].length];
                        }
                    }
                    double s = 0;
                    for (int i = 0; i < tri.length; i++) {
                        s += tri[i][i] * tri[i][(i + extra) % (i + 1 + extra)];
                    }
                    return s;
                }

                /** a loop a break may leave: the scan could outrun it, so each creation borrows an array of its own */
                @Differentiable
                public static double leftEarly(double[] x) {
                    double s = 0;
                    for (int i = 0; i < 1000000; i++) {
                        if (i >= x.length) {
                            break;
                        }
                        double[] t = new double[i + 1];
                        t[i] = x[i] * x[i];
                        s += t[i];
                    }
                    return s;
                }
            """;

    private static final String SOURCE =
            "package ll;\n\nimport dev.adjoint.Differentiable;\n\npublic class Lengths {\n" + METHODS
                    + METHODS.replace("@Differentiable", "@Differentiable(strategy = dev.adjoint.Strategy.TAPE)")
                            .replace("prefixes(", "prefixesTape(")
                            .replace("shifted(", "shiftedTape(")
                            .replace("leftEarly(", "leftEarlyTape(")
                            .replace("rows(", "rowsTape(")
                    + "}\n";

    private static final double[] X = {0.7, -0.3, 1.2, 0.4, -0.9};

    @Test
    void theGradientIsTheTapesAndCentralDifferences() {
        Differentiated d = Differentiated.of("ll.Lengths", SOURCE, Options.DEFAULT);
        String methods = d.translation().methods().toString();
        assertTrue(
                methods.contains("Lengths#prefixes: static")
                        && methods.contains("Lengths#shifted: static")
                        && methods.contains("Lengths#rows: static")
                        && methods.contains("Lengths#leftEarly: static"),
                methods);
        for (String m : new String[] {"prefixes", "shifted", "rows", "leftEarly"}) {
            Object[] args = m.equals("leftEarly") ? new Object[] {X} : new Object[] {X, 0};
            d.assertGradient(m, d, m, 1e-6, 1e-9, args);
            double[] statically = d.grad(m, args).gradient();
            double[] taped = d.grad(m + "Tape", args).gradient();
            for (int k = 0; k < X.length; k++) {
                assertTrue(
                        Math.abs(statically[k] - taped[k])
                                <= 1e-12 * Math.max(1, Math.abs(statically[k]) + Math.abs(taped[k])),
                        m + ": static " + statically[k] + " vs tape " + taped[k] + " at " + k);
            }
        }
    }

    @Test
    void anIndexPastTheIterationsLengthAndANegativeLengthStillThrow() {
        Differentiated d = Differentiated.of("ll.Lengths", SOURCE, Options.DEFAULT);
        for (String m : new String[] {"prefixes", "prefixesTape", "rows", "rowsTape"}) {
            // t[i + 1] is one past the iteration's length, inside the longer array of the last one
            assertInstanceOf(ArrayIndexOutOfBoundsException.class, thrown(() -> d.value(m, X, 1)));
            assertInstanceOf(ArrayIndexOutOfBoundsException.class, thrown(() -> d.grad(m, X, 1)), m);
        }
        for (String m : new String[] {"shifted", "shiftedTape"}) {
            // i + 1 - 2 is -1 at i = 0
            assertInstanceOf(NegativeArraySizeException.class, thrown(() -> d.value(m, X, 2)));
            assertInstanceOf(NegativeArraySizeException.class, thrown(() -> d.grad(m, X, 2)), m);
        }
    }

    @Test
    void aWarmCallAllocatesNothing() throws Exception {
        Differentiated d = Differentiated.of("ll.Lengths", SOURCE, Options.DEFAULT);
        double[] x = X.clone();
        double[] dx = new double[x.length];
        Object[] args = {x, 0, dx};
        java.lang.reflect.Method grad = d.loader()
                .loadClass("ll.LengthsAdjoint")
                .getMethod("prefixesGrad", double[].class, int.class, double[].class);
        long perCall = WarmCalls.bytesPerCall(() -> grad.invoke(null, args));
        // reflection boxes the double result (16 B); the arrays of 1..5 doubles and their adjoints would add over 400 B
        assertTrue(perCall <= 32, "a warm gradient call allocated " + perCall + " bytes");
        double[] again = new double[x.length];
        grad.invoke(null, x, 0, again);
        assertArrayEquals(d.grad("prefixesTape", X, 0).gradient(), again, 1e-12);
    }

    /**
     * A helper with such an array, itself differentiated (so desugared before its callers) and inlined
     * in a block inside a {@code while} loop and a loop counting down: the callers inline it as written,
     * and only the loops whose counters the length reads are scanned (fuzz seed 83838, program 206).
     */
    @Test
    void aHelpersLoopArrayInlinedInsideTheCallersLoops() {
        String helper = """
                    @Differentiable
                    public static double g(double[] w) {
                        return w[0] * w[1];
                    }

                    /** passes its array on to g, so callers that hand it a local array inline it */
                    @Differentiable(wrt = "w")
                    public static double h(double[] w, double p) {
                        double b = g(w);
                        for (int k = 0; k < 2; k++) {
                            double[] a = new double[k + 3];
                            a[k] = Math.cos(w[1]) * b;
                            a[k + 1] = a[k] * p;
                            b = Math.tanh(b + a[k] + a[k + 1] * a[2]);
                        }
                        return b;
                    }
                """;
        String caller = """
                    @Differentiable
                    public static double f(double[] w, double y) {
                        double[] v = new double[w.length];
                        for (int j = 0; j < w.length; j++) {
                            v[j] = Math.sin(w[j]) * y;
                        }
                        for (int i = w.length - 1; i >= 0; i--) {
                            double t = 0.21 * w[i] + 0.013; // (away from the loop's and the branch's thresholds at X)
                            int n = 0;
                            while (t < 1 && n < 4) {
                                t += 0.29;
                                n++;
                                if (t > 0.5) {
                                    y = Math.tanh(h(v, t) + y * w[i]);
                                }
                            }
                        }
                        return y;
                    }
                """;
        String source =
                "package ll;\n\nimport dev.adjoint.Differentiable;\n\npublic class Inlined {\n" + helper + caller
                        + caller.replace("@Differentiable", "@Differentiable(strategy = dev.adjoint.Strategy.TAPE)")
                                .replace("f(", "fTape(")
                        + "}\n";
        Differentiated d = Differentiated.of("ll.Inlined", source, Options.PLAIN);
        String methods = d.translation().methods().toString();
        assertTrue(methods.contains("Inlined#f: static") && methods.contains("Inlined#h: static"), methods);
        Object[] args = {X, 0.3};
        d.assertGradient("f", d, "f", 1e-6, 1e-9, args);
        double[] statically = d.grad("f", args).gradient();
        double[] taped = d.grad("fTape", args).gradient();
        assertArrayEquals(taped, statically, 1e-12);
    }

    /** What {@code call} threw through the reflective call, unwrapped. */
    private static Throwable thrown(Runnable call) {
        AssertionError e = assertThrows(AssertionError.class, call::run);
        return e.getCause() == null ? e : e.getCause();
    }
}
