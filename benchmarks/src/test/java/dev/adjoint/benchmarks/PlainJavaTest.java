package dev.adjoint.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.adjoint.benchmarks.plain.PlainJava;
import dev.adjoint.benchmarks.plain.PlainJavaAdjoint;
import dev.adjoint.check.GradCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What {@link PlainJavaBench} times is right: each generated gradient against central differences, small sizes. */
class PlainJavaTest {
    private final Random r = new Random(15);

    @Test
    void guardedAndPlainDotProducts() {
        double[] w = r.doubles(7, -1, 1).toArray();
        double[] x = r.doubles(7, -1, 1).toArray();
        double[] g = new double[7];
        double f = PlainJavaAdjoint.guardedDotGrad(w, x, g);
        GradCheck.assertGradient(p -> PlainJava.guardedDot(p, x), w, g, 1e-7, 1e-9 * Math.max(1, f));
        double[] h = new double[7];
        PlainJavaAdjoint.dotGrad(w, x, h);
        GradCheck.assertGradient(p -> PlainJava.dot(p, x), w, h, 1e-7, 1e-9 * Math.max(1, f));
        // the adjoint throws where the method throws, with its message
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> PlainJavaAdjoint.guardedDotGrad(w, new double[3], g));
        assertEquals("w has 7 elements, x has 3", e.getMessage());
    }

    @Test
    void logisticLossWithAndWithoutHelpers() {
        int n = 9;
        int d = 4;
        double[] w = r.doubles(d + 1, -0.5, 0.5).toArray();
        double[] table = r.doubles(n * d, -1, 1).toArray();
        double[] y = r.ints(n, 0, 2).mapToDouble(b -> 2.0 * b - 1).toArray();
        double[] g = new double[d + 1];
        double f = PlainJavaAdjoint.logisticWithHelpersGrad(w, table, y, n, d, g);
        GradCheck.assertGradient(
                p -> PlainJava.logisticWithHelpers(p, table, y, n, d), w, g, 1e-7, 1e-9 * Math.max(1, f));
        double[] h = new double[d + 1];
        PlainJavaAdjoint.logisticGrad(w, table, y, n, d, h);
        GradCheck.assertGradient(p -> PlainJava.logistic(p, table, y, n, d), w, h, 1e-7, 1e-9 * Math.max(1, f));
    }
}
