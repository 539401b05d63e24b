package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.check;
import static dev.adjoint.generator.stranger.StrangerHarness.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plain helpers overloaded by parameter type, {@code sq(double)} and {@code sq(double[])}, as a Java programmer writes a
 * regularised loss: a call whose argument is a {@code Math} function ({@code sq(Math.tanh(z) - y[i])}) picks its
 * overload as javac does and is inlined (it was left a call, then refused with "see the error at its declaration", no
 * error being there); where such a call is not inlined (under {@code ?:}), the error says why and what to do.
 */
class OverloadedHelpersTest {

    static final String MODEL = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Over {
                static double sq(double x) {
                    return x * x;
                }

                static double sq(double[] v) {
                    double s = 0;
                    for (double e : v) s += e * e;
                    return s;
                }

                @Differentiable
                public static double loss(double[] w, double b) {
                    double l = sq(Math.tanh(b) - w[0]) + sq(Math.max(w[1], b)) + sq(Math.abs(w[0]));
                    return l + 0.1 * (sq(w) + sq(b));
                }
            }
            """;

    @Test
    void aMathCallArgumentPicksTheOverloadAndTheHelperIsInlined() throws Exception {
        check(Map.of("Over", MODEL), "Over", "loss", b -> new Object[] {new double[] {0.3, -0.7}, 0.4});
    }

    @Test
    void anOverloadedHelperLeftACallIsAnErrorThatSaysWhy() {
        String source = MODEL.replace(
                "double l = sq(Math.tanh(b) - w[0])", "double l = b > 0 ? sq(Math.tanh(b) - w[0]) : 0.0; l +=  0");
        List<Diagnostic> errors = errors(Map.of("Over", source));
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic d = errors.get(0);
        assertEquals(18, d.line(), d.toString());
        assertEquals(28, d.column(), d.toString());
        assertTrue(
                d.message()
                        .contains("'sq' names several of 1 parameter; give them different names, or call it in a"
                                + " statement of its own"),
                d.message());
    }
}
