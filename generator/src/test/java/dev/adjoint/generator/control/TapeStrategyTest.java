package dev.adjoint.generator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;
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
        assertTrue(
                d.translation().methods().stream().anyMatch(m -> m.startsWith("tape.Shapes#horner: tape, because")),
                d.translation().methods().toString());
        assertTrue(
                d.translation().methods().contains("tape.Shapes#same: static"),
                d.translation().methods().toString());
        assertTrue(
                d.translation().methods().contains("tape.Shapes#taped: tape (requested)"),
                d.translation().methods().toString());
        d.assertGradient("horner", d, "horner", 1e-6, 1e-9, new double[] {0.5, -1.0, 2.0, 0.25}, 0, 0.7);
        d.assertGradient("power", d, "power", 1e-6, 1e-9, 1.1, 13);
        for (int mode = 0; mode < 3; mode++) {
            d.assertGradient("piecewise", d, "piecewise", 1e-6, 1e-9, 0.4, mode);
        }
        d.assertGradient("firstAbove", d, "firstAbove", 1e-6, 1e-9, new double[] {0.5, 1.5, -0.25}, 1.3);
        d.assertGradient("firstAbove", d, "firstAbove", 1e-6, 1e-9, new double[] {0.5, 1.5, -0.25}, 100.0);
    }

    private static final String MATRICES = """
            package tape;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;

            public class Rows {
                /** recursion over the rows of a matrix: the static strategy rejects it, AUTO takes the tape */
                @Differentiable(wrt = "m")
                static double rowSum(double[][] m, int r) {
                    if (r == m.length) {
                        return 0;
                    }
                    double s = 0;
                    for (int j = 0; j < m[r].length; j++) {
                        s += Math.sin(m[r][j]) * m[r][j];
                    }
                    return s * s + rowSum(m, r + 1);
                }

                /** the same in float, a 2-D local written in place and read back */
                @Differentiable
                static float rowSumF(float[][] m, int r) {
                    if (r == m.length) {
                        return 0;
                    }
                    float[][] t = new float[1][m[r].length];
                    for (int j = 0; j < m[r].length; j++) {
                        t[0][j] = m[r][j] * m[r][j];
                    }
                    float s = 0;
                    for (float v : t[0]) {
                        s += v;
                    }
                    return (float) Math.sqrt(s) + rowSumF(m, r + 1);
                }

                /**
                 * an array result over the rows in an order held in a local int[], with a local array whose length the
                 * loop updates (not its counter): static since issue 15, so asked of the tape here
                 */
                @Differentiable(wrt = "m", strategy = dev.adjoint.Strategy.TAPE)
                static double[] normsInOrder(double[][] m, double scale) {
                    int[] order = new int[m.length];
                    for (int i = 0; i < m.length; i++) {
                        order[i] = m.length - 1 - i;
                    }
                    double[] out = new double[m.length];
                    double s = 0;
                    int n = 1;
                    for (int k = 0; k < m.length; k++) {
                        int i = order[k];
                        double[] upTo = new double[n];
                        upTo[n - 1] = m[i][0];
                        for (int j = 0; j < m[i].length; j++) {
                            s += m[i][j] * m[i][j] * scale;
                        }
                        out[k] = Math.sqrt(s) * upTo[n - 1];
                        n++;
                    }
                    return out;
                }

                /** the same with the order computed, which the static strategy takes */
                @Differentiable(wrt = "m")
                static double[] norms(double[][] m, double scale) {
                    double[] out = new double[m.length];
                    double s = 0;
                    for (int k = 0; k < m.length; k++) {
                        int i = m.length - 1 - k;
                        for (int j = 0; j < m[i].length; j++) {
                            s += m[i][j] * m[i][j] * scale;
                        }
                        out[k] = Math.sqrt(s) * m[i][0];
                    }
                    return out;
                }

                /** rowSumF in double, the oracle of its central differences */
                @Differentiable
                static double rowSumD(double[][] m, int r) {
                    if (r == m.length) {
                        return 0;
                    }
                    double[][] t = new double[1][m[r].length];
                    for (int j = 0; j < m[r].length; j++) {
                        t[0][j] = m[r][j] * m[r][j];
                    }
                    double s = 0;
                    for (double v : t[0]) {
                        s += v;
                    }
                    return Math.sqrt(s) + rowSumD(m, r + 1);
                }

                /** the same computation the static strategy takes, for the cross-check */
                @Differentiable(wrt = "m")
                static double rowSumLoop(double[][] m, int r) {
                    double total = 0;
                    for (int i = r; i < m.length; i++) {
                        double s = 0;
                        for (int j = 0; j < m[i].length; j++) {
                            s += Math.sin(m[i][j]) * m[i][j];
                        }
                        total += s * s;
                    }
                    return total;
                }
            }
            """;

    @Test
    void aRecursionOverTheRowsOfAMatrixFallsBackToTheTapeWithTheExactGradient() {
        Differentiated d = Differentiated.of("tape.Rows", MATRICES, Options.DEFAULT);
        for (String m : new String[] {"rowSum", "rowSumF"}) {
            assertTrue(
                    d.translation().methods().stream()
                            .anyMatch(s -> s.startsWith("tape.Rows#" + m + ": tape, because")),
                    d.translation().methods().toString());
        }
        assertTrue(
                d.translation().methods().contains("tape.Rows#rowSumLoop: static"),
                d.translation().methods().toString());
        double[][] m = {{0.5, -1.0, 2.0}, {0.25, 1.5}, {-0.75, 0.3, 1.1}};
        d.assertGradient("rowSum", d, "rowSum", 1e-6, 1e-9, m, 0);
        d.assertGradient("rowSum", d, "rowSum", 1e-6, 1e-9, m, 1);
        // the tape's gradient against the static strategy's on the same function
        var tape = d.vjp("rowSum", 1.0, m, 0);
        var fixed = d.vjp("rowSumLoop", 1.0, m, 0);
        assertEquals(fixed.value(), tape.value(), 1e-14 * Math.abs(fixed.value()));
        for (int i = 0; i < tape.gradient().length; i++) {
            double a = tape.gradient()[i];
            double b = fixed.gradient()[i];
            assertTrue(
                    Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a) + Math.abs(b)),
                    "component " + i + ": tape " + a + " static " + b);
        }
        float[][] f = {{0.5f, -1.0f, 2.0f}, {0.25f, 1.5f}};
        d.assertGradient("rowSumF", d, "rowSumD", 1e-3, 1e-5, f, 0);
    }

    @Test
    void anArrayResultFallsBackToTheTapeWithTheStaticSignature() throws Exception {
        Differentiated d = Differentiated.of("tape.Rows", MATRICES, Options.DEFAULT);
        // (its loop-local array of a length the loop updates is static since issue 15: the tape is asked for)
        assertTrue(
                d.translation().methods().stream().anyMatch(s -> s.startsWith("tape.Rows#normsInOrder: tape")),
                d.translation().methods().toString());
        assertTrue(
                d.translation().methods().contains("tape.Rows#norms: static"),
                d.translation().methods().toString());
        double[][] m = {{0.5, -1.0, 2.0}, {0.25, 1.5}, {-0.75, 0.3, 1.1}};
        Class<?> rows = d.loader().loadClass("tape.Rows");
        // seedᵀ·J against central differences (a fixed random seed)
        dev.adjoint.check.AdjointCheck.of(rows, "normsInOrder")
                .wrt(0)
                .named("m", "scale")
                .assertAt(m, 0.7);
        // the tape's vector-Jacobian product is the static strategy's
        double[] seed = {1.0, -0.5, 2.0};
        double[][] tape = {new double[3], new double[2], new double[3]};
        double[][] fixed = {new double[3], new double[2], new double[3]};
        double[] a = (double[]) d.invokeVjp("normsInOrder", new Object[] {m, 0.7}, seed, new Object[] {tape});
        double[] b = (double[]) d.invokeVjp("norms", new Object[] {m, 0.7}, seed, new Object[] {fixed});
        org.junit.jupiter.api.Assertions.assertArrayEquals(b, a, 0.0);
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                double x = tape[i][j];
                double y = fixed[i][j];
                assertTrue(
                        Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x) + Math.abs(y)),
                        "m[" + i + "][" + j + "]: tape " + x + " static " + y);
            }
        }
    }

    @Test
    void aWarmTapeGradientCallAllocatesNothing() throws Exception {
        Differentiated d = Differentiated.of("tape.Shapes", SRC, Options.DEFAULT);
        double[] w = {0.3, -1.2, 0.8, 2.0};
        double[] x = {1.5, 0.25, -0.9, 0.1};
        double[] dw = new double[4];
        double[] dx = new double[4];
        java.lang.reflect.Method vjp = d.loader()
                .loadClass("tape.ShapesAdjoint")
                .getDeclaredMethod(
                        "tapedVjp", double[].class, double[].class, double.class, double[].class, double[].class);
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
        assertTrue(
                perCall <= 32,
                "a warm tape gradient call allocated " + perCall + " bytes (reflection boxes the result: 16)");
    }

    @Test
    void aWarmTapeGradientCallOverAMatrixAllocatesNothing() throws Exception {
        Differentiated d = Differentiated.of("tape.Rows", MATRICES, Options.DEFAULT);
        double[][] m = {{0.5, -1.0, 2.0}, {0.25, 1.5}, {-0.75, 0.3, 1.1}};
        double[][] dm = {new double[3], new double[2], new double[3]};
        java.lang.reflect.Method vjp = d.loader()
                .loadClass("tape.RowsAdjoint")
                .getDeclaredMethod("rowSumVjp", double[][].class, int.class, double.class, double[][].class);
        vjp.setAccessible(true);
        Object[] args = {m, 0, 1.0, dm};
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            vjp.invoke(null, args);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            vjp.invoke(null, args);
        }
        long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / 1000;
        assertTrue(
                perCall <= 32,
                "a warm tape gradient call over a matrix allocated " + perCall + " bytes (reflection boxes: 16)");
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
            double rho = Math.abs(a.gradient()[i] - b.gradient()[i])
                    / Math.max(1, Math.abs(a.gradient()[i]) + Math.abs(b.gradient()[i]));
            assertTrue(rho <= 1e-12, "component " + i + ": tape " + a.gradient()[i] + " static " + b.gradient()[i]);
        }
        d.assertGradient("taped", d, "taped", 1e-6, 1e-9, w, x);
    }

    /**
     * An array result returned from two places: static when every return returns the same local
     * array (the corpus' {@code ArrayResults#resultReturnedEarly} checks its derivatives), the tape
     * with the reason when a return returns the input array.
     */
    @Test
    void differentArraysReturnedGoToTheTapeAndSayWhy() {
        String src = """
                package tape;

                import dev.adjoint.Differentiable;

                class Results {
                    @Differentiable
                    static double[] either(double[] x) {
                        double[] a = new double[x.length];
                        double[] b = new double[x.length];
                        a[0] = x[0] * x[1];
                        b[1] = Math.sin(x[0]);
                        if (x[0] < 0) {
                            return a;
                        }
                        return b;
                    }

                    @Differentiable
                    static double[] orInput(double[] x) {
                        double[] b = new double[x.length];
                        b[1] = Math.sin(x[0]) * x[1];
                        if (x[0] < 0) {
                            return x;
                        }
                        return b;
                    }

                    @Differentiable
                    static double[] mixed(double[] x) {
                        if (x[0] > 1) {
                            return new double[] {x[1], x[0] * x[1]};
                        }
                        double[] b = new double[x.length];
                        b[1] = Math.sin(x[0]) * x[1];
                        return b;
                    }

                    @Differentiable
                    static double[] fixedLengths(double[] x) {
                        double[] a = {x[0] * x[1], x[1]};
                        double[] b = new double[2];
                        b[1] = Math.sin(x[0]);
                        if (x[0] < 0) {
                            return a;
                        }
                        if (x[1] < 0) {
                            return new double[] {x[1], 2 * x[0]};
                        }
                        return b;
                    }

                    @Differentiable
                    static double[] same(double[] x) {
                        double[] a = new double[2];
                        a[0] = x[0] * x[1];
                        if (x[0] < 0) {
                            return a;
                        }
                        a[1] = Math.sin(x[0]);
                        return a;
                    }
                }
                """;
        Differentiated d = Differentiated.of("tape.Results", src, Options.DEFAULT);
        List<String> methods = d.translation().methods();
        for (String tape : List.of("orInput")) {
            assertTrue(
                    methods.stream()
                            .anyMatch(m -> m.startsWith("tape.Results#" + tape + ": tape, because")
                                    && m.contains("returns different arrays")),
                    methods.toString());
        }
        // local arrays of one literal length, and arrays built at returns: one result array, static; arrays
        // built at returns beside one local array of another length: one variable every return returns, static
        assertTrue(methods.contains("tape.Results#fixedLengths: static"), methods.toString());
        assertTrue(methods.contains("tape.Results#mixed: static"), methods.toString());
        // two local arrays: each return copies its array into one result variable, static
        assertTrue(methods.contains("tape.Results#either: static"), methods.toString());
        assertTrue(methods.contains("tape.Results#same: static"), methods.toString());
        for (String name : List.of("either", "mixed", "fixedLengths", "orInput")) {
            for (double[] x : new double[][] {{-0.4, 0.8}, {0.3, 0.9}, {1.5, 0.7}, {0.6, -0.5}}) {
                vjpRowsMatchCentralDifferences(d, name, x);
            }
        }
    }

    /** Each row of {@code name}'s Jacobian at {@code x}, by its Vjp, against central differences. */
    private static void vjpRowsMatchCentralDifferences(Differentiated d, String name, double[] x) {
        int m = ((double[]) d.invokeOriginal(name, (Object) x.clone())).length;
        for (int o = 0; o < m; o++) {
            double[] seed = new double[m];
            seed[o] = 1;
            double[] dx = new double[x.length];
            d.invokeVjp(name, new Object[] {x.clone()}, seed, new Object[] {dx});
            for (int i = 0; i < x.length; i++) {
                double h = 1e-6;
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += h;
                down[i] -= h;
                double cd = (((double[]) d.invokeOriginal(name, (Object) up))[o]
                                - ((double[]) d.invokeOriginal(name, (Object) down))[o])
                        / (2 * h);
                assertEquals(
                        cd,
                        dx[i],
                        1e-7,
                        name + " at " + java.util.Arrays.toString(x) + ": d out[" + o + "]/dx[" + i + "]");
            }
        }
    }
}
