package dev.adjoint.generator.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A counted loop with a straight-line body makes room on the tape once and records with the
 * unchecked pushes; other loops push as before. The gradients are compared with the static
 * strategy's on fresh threads, whose tape starts small (1,024 nodes), with loops far longer.
 */
class LoopRoomTest {
    private static final String SRC = """
            package p;
            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;
            public class Room {
                @Differentiable(strategy = Strategy.TAPE)
                public static double straight(double[] w, double x) {
                    double s = x;
                    for (int j = 0; j < w.length; j++) {
                        double t = Math.sin(w[j] * s);
                        s = s * 0.5 + t * w[j] + x;
                    }
                    for (int a = 0; a < 3; a++) {
                        for (int b = a + 1; b < w.length; b++) {
                            s += w[a] * w[b] * 1e-3;
                        }
                    }
                    return s;
                }

                @Differentiable(strategy = Strategy.TAPE)
                public static double branchy(double[] w, double x) {
                    double s = x;
                    int n = w.length;
                    for (int j = 0; j < n; j++) {
                        if (w[j] > 0) {
                            s = s * 0.5 + w[j];
                        }
                    }
                    for (int j = 0; j < n; j++) {
                        s = s * 0.9 + w[j] * x;
                        n = n - (j % 2);
                    }
                    return s;
                }
            }
            """;

    private static <T> T onFreshThread(Callable<T> call) throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            return one.submit(call).get();
        } finally {
            one.shutdown();
        }
    }

    private static String recorder(String adjoint, String name) {
        int start = adjoint.indexOf("static double " + name + "Record(");
        if (start < 0) {
            start = adjoint.indexOf(" " + name + "Tape");
        }
        int end = adjoint.indexOf("\n    }\n", start);
        return adjoint.substring(start, end);
    }

    @Test
    void straightLineCountedLoopsReserveAndOthersPush() {
        String adjoint = Differentiated.of("p.Room", SRC, Options.DEFAULT)
                .translation()
                .generated()
                .values()
                .iterator()
                .next();
        // two counted loops with straight bodies: the j loop (t's node preaccumulated into s's: one node of three
        // parents per iteration) and the b loop (from a + 1: room for w.length - b iterations once b = a + 1), not the
        // a loop (its body is a loop)
        assertTrue(
                Pattern.compile("\\.reserve\\(1, 3, w\\.length\\)")
                        .matcher(adjoint)
                        .find(),
                adjoint);
        assertTrue(
                Pattern.compile("\\.reserve\\(1, 3, \\(long\\) w\\.length - b\\)")
                        .matcher(adjoint)
                        .find(),
                adjoint);
        assertTrue(adjoint.contains(".push2u(") || adjoint.contains(".push3u("), adjoint);
        // a branch in the body, or a bound the body changes: checked pushes, no reserve for those loops
        assertEquals(
                2, Pattern.compile("\\.reserve\\(").matcher(adjoint).results().count(), adjoint);
    }

    @Test
    void theRoomHoldsEveryNodeWhenTheTapeStartsSmall() throws Exception {
        Differentiated tape = Differentiated.of("p.Room", SRC, Options.DEFAULT);
        Differentiated stat = Differentiated.of(
                "p.Room", SRC.replace("strategy = Strategy.TAPE", "strategy = Strategy.STATIC"), Options.DEFAULT);
        double[] w = new double[5000];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sin(0.37 * i) * 0.8;
        }
        for (String m : new String[] {"straight", "branchy"}) {
            double[] a = onFreshThread(() -> tape.grad(m, w, 0.7).gradient());
            double[] b = onFreshThread(() -> stat.grad(m, w, 0.7).gradient());
            assertEquals(b.length, a.length);
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 1e-12 * Math.max(1, Math.abs(b[i])), m + " component " + i);
            }
        }
    }
}
