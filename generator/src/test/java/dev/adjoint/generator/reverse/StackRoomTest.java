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
        return Differentiated.of("p.Room", SRC, Options.DEFAULT).translation().generated().values().iterator().next();
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
    void aCountedLoopReservesOnceAndStoresItsTopLevelSaves() {
        String counted = method(adjoint(), "counted");
        assertEquals(1, count(counted, "_doubles = AdjointStacks\\.reserve\\(_doubles, _doublesTop, \\d, Math\\.max\\(0, w\\.length\\)\\)"), counted);
        assertEquals(1, count(counted, "_booleans = AdjointStacks\\.reserve\\(_booleans, _booleansTop, 1, Math\\.max\\(0, w\\.length\\)\\)"), counted);
        assertTrue(count(counted, "_doubles\\[_doublesTop\\+\\+\\] = ") >= 1, counted);
        // the save in the branch may or may not run: it pushes (and may grow the array, keeping the room)
        assertTrue(count(counted, "_doubles = AdjointStacks\\.push\\(") >= 1, counted);
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
            assertEquals(plain.grad("counted", w, x).value(), d.grad("counted", w, x).value(), 0.0);
            double[] a = d.grad("counted", w, x).gradient();
            double[] b = plain.grad("counted", w, x).gradient();
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 1e-12 * Math.max(1, Math.abs(b[i])));
            }
            assertEquals(plain.grad("uncounted", x).gradient()[0], d.grad("uncounted", x).gradient()[0], 1e-12);
        }
    }
}
