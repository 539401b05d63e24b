package dev.adjoint.generator.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A counted loop makes room on the stacks once, before it starts, for the values each iteration
 * saves; its saves are then plain stores. Other loops, and saves in a branch, push as before.
 * (The gradients themselves are checked by the corpus, the fuzzer and the goldens' callers.)
 */
class StackRoomTest {
    private static final String SRC = """
            package p;
            import dev.adjoint.Differentiable;
            public class Room {
                @Differentiable
                public static double counted(double[] w, double x) {
                    double p = x;
                    for (int j = 0; j < w.length; j++) {
                        p = Math.sin(p * w[j]);
                        if (p > 0.5) {
                            p = p * p + w[j];
                        }
                    }
                    return p;
                }

                @Differentiable
                public static double nested(double[] w, int n, int k) {
                    double s = 0;
                    double t = 0;
                    for (int i = 0; i < n; i++) {
                        t = 0;
                        for (int c = 0; c < k; c++) {
                            double q = 0;
                            for (int j = 0; j < w.length; j++) {
                                q += Math.sin(w[j] * (i + c)) * w[j];
                            }
                            t += Math.exp(q * 0.01);
                        }
                        s += Math.log(t);
                    }
                    return s;
                }

                @Differentiable
                public static double uncounted(double x) {
                    double p = x;
                    while (p < 10) {
                        p = Math.exp(p) + 1;
                    }
                    return p;
                }
            }
            """;

    private static String adjoint() {
        return Differentiated.of("p.Room", SRC, Options.DEFAULT)
                .translation()
                .generated()
                .values()
                .iterator()
                .next();
    }

    private static String method(String adjoint, String name) {
        int start = adjoint.indexOf("public static double " + name + "Vjp(");
        int end = adjoint.indexOf("public static double", start + 1);
        return adjoint.substring(start, end < 0 ? adjoint.length() : end);
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }

    @Test
    void aCountedLoopReservesOnceForTheStacksOnlyItsTopLevelSavesUse() {
        String counted = method(adjoint(), "counted");
        // the branch outcome, saved at the top level of each iteration: room reserved, then a store
        assertEquals(
                1,
                count(
                        counted,
                        "_booleans = AdjointStacks\\.reserve\\(_booleans, _booleansTop, 1, Math\\.max\\(0, w\\.length\\)\\)"),
                counted);
        assertEquals(1, count(counted, "_booleans\\[_booleansTop\\+\\+\\] = "), counted);
        // the branch saves a double, in some iterations only: the doubles keep their pushes
        assertEquals(0, count(counted, "_doubles = AdjointStacks\\.reserve\\("), counted);
        assertEquals(0, count(counted, "_doubles\\[_doublesTop\\+\\+\\] = "), counted);
        assertTrue(count(counted, "_doubles = AdjointStacks\\.push\\(") >= 2, counted);
    }

    @Test
    void anOuterLoopWhoseInnerLoopsSaveOnTheSameStackKeepsItsPushes() {
        String nested = method(adjoint(), "nested");
        // the innermost loop reserves; the loops around it push what they save themselves
        assertEquals(
                1,
                count(
                        nested,
                        "_doubles = AdjointStacks\\.reserve\\(_doubles, _doublesTop, \\d, Math\\.max\\(0, w\\.length\\)\\)"),
                nested);
        assertEquals(0, count(nested, "reserve\\([^;]*Math\\.max\\(0, [nk]\\)"), nested);
    }

    @Test
    void aLoopWithoutACountPushes() {
        String uncounted = method(adjoint(), "uncounted");
        assertEquals(0, count(uncounted, "reserve\\("), uncounted);
        assertTrue(count(uncounted, "AdjointStacks\\.push\\(") >= 1, uncounted);
    }

    @Test
    void bothGiveTheirGradients() {
        Differentiated d = Differentiated.of("p.Room", SRC, Options.DEFAULT);
        Differentiated plain = Differentiated.of("p.Room", SRC, Options.PLAIN);
        double[] w = {0.3, -0.7, 1.1, 0.8, 0.2};
        for (double x : new double[] {0.4, 1.3, -0.6}) {
            assertEquals(
                    plain.grad("counted", w, x).value(), d.grad("counted", w, x).value(), 0.0);
            double[] a = d.grad("counted", w, x).gradient();
            double[] b = plain.grad("counted", w, x).gradient();
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 1e-12 * Math.max(1, Math.abs(b[i])));
            }
            assertEquals(
                    plain.grad("uncounted", x).gradient()[0],
                    d.grad("uncounted", x).gradient()[0],
                    1e-12);
        }
    }

    /** Runs {@code call} on a new thread, whose stacks start at their smallest. */
    private static <T> T onFreshThread(java.util.concurrent.Callable<T> call) throws Exception {
        java.util.concurrent.ExecutorService one = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return one.submit(call).get();
        } finally {
            one.shutdown();
        }
    }

    @Test
    void theRoomHoldsEverySaveWhenTheStacksStartEmptyAndSmall() throws Exception {
        // many more saves than a new stack's 64 places: a loop that reserved too little would write past its array
        Differentiated d = Differentiated.of("p.Room", SRC, Options.DEFAULT);
        Differentiated plain = Differentiated.of("p.Room", SRC, Options.PLAIN);
        double[] w = new double[400];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sin(0.37 * i) * 1.3;
        }
        double[] a = onFreshThread(() -> d.grad("counted", w, 0.7).gradient());
        double[] b = onFreshThread(() -> plain.grad("counted", w, 0.7).gradient());
        assertArrayClose(b, a);
        double[] w2 = java.util.Arrays.copyOf(w, 300);
        double[] c = onFreshThread(() -> d.grad("nested", w2, 3, 2).gradient());
        double[] e = onFreshThread(() -> plain.grad("nested", w2, 3, 2).gradient());
        assertArrayClose(e, c);
    }

    private static void assertArrayClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * Math.max(1, Math.abs(expected[i])), "component " + i);
        }
    }
}
