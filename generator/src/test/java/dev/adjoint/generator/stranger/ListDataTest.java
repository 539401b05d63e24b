package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.check;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.gradientOf;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.make;
import static dev.adjoint.generator.stranger.StrangerHarness.build;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.AdjointCheck;
import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.testing.WarmCalls;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's newcomer holds the data in lists: {@code List<Obs>} of records, {@code List<Double>},
 * {@code List<Float>}, {@code List<Integer>}, {@code List<double[]>} parameters read as data
 * ({@code objects/ListParameters}): {@code get(i)}, {@code size()}, {@code isEmpty()}, a for-each,
 * boxed elements in arithmetic, the list passed on to a helper of the class (inlined) and to a
 * {@code @Differentiable} method of it. Each is built with AUTO (required static) and on the tape,
 * its gradient checked against central differences and static against tape; the public methods
 * take the lists as written. Before, every one was an error ("a List or another collection of them
 * is not supported"; "parameter 'xs' has type List<Double>"). The rejected uses are in {@link
 * ListRejectionsTest}.
 */
class ListDataTest {

    static final String FITS = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.List;

            public class Fits {
                public record Obs(double x, double y) {}

                /** The stranger's first model fit: least squares over records, by a for-each. */
                @Differentiable(wrt = "theta")
                public static double loss(double[] theta, List<Obs> data) {
                    double s = 0;
                    for (Obs o : data) {
                        double r = theta[0] + theta[1] * o.x() - o.y();
                        s += r * r;
                    }
                    return s / data.size();
                }

                /** The same by index, each record read through get(i), a guard on isEmpty(). */
                @Differentiable(wrt = "theta")
                public static double indexed(double[] theta, List<Obs> data) {
                    if (data.isEmpty()) {
                        return 0;
                    }
                    double s = 0;
                    for (int i = 0; i < data.size(); i++) {
                        double r = Math.tanh(theta[0] + theta[1] * data.get(i).x()) - data.get(i).y();
                        s += r * r;
                    }
                    return s;
                }

                /** Boxed numbers without wrt (the lists are data): a Double for-each (its variable also by doubleValue()), get(i) unboxed in arithmetic and by doubleValue(), Integer indices. */
                @Differentiable
                public static double weighted(double[] w, List<Double> xs, List<Integer> idx) {
                    double s = 0;
                    for (Double x : xs) {
                        s += w[0] * x + 0.5 * w[1] * x.doubleValue();
                    }
                    for (int i = 0; i < idx.size(); i++) {
                        s += w[idx.get(i)] * xs.get(i).doubleValue() * xs.get(i);
                    }
                    return s + sines(w, xs);
                }

                /** A plain helper given the list: inlined, reading it the same way. */
                static double sines(double[] w, List<Double> xs) {
                    double s = 0;
                    for (int i = 0; i < xs.size(); i++) {
                        s += Math.sin(w[1] * xs.get(i));
                    }
                    return s;
                }

                /** A List<double[]> of rows: a for-each over them and get(i)[j]. */
                @Differentiable(wrt = "w")
                public static double rows(double[] w, List<double[]> rows) {
                    double s = 0;
                    for (double[] r : rows) {
                        double dot = 0;
                        for (int j = 0; j < r.length; j++) {
                            dot += w[j] * r[j];
                        }
                        s += Math.exp(-dot * dot);
                    }
                    return s + w[0] * rows.get(rows.size() - 1)[0];
                }

                /** The list passed to a @Differentiable method of the class, called through its adjoint. */
                @Differentiable(wrt = "w")
                public static double outer(double[] w, List<Double> xs, List<Integer> idx) {
                    return weighted(w, xs, idx) * w[1];
                }

                /** Passive: the elements are constants, so d/dtheta0 is the sum of the list. */
                @Differentiable(wrt = "theta")
                public static double passive(double[] theta, List<Double> xs) {
                    double s = 0;
                    for (int i = 0; i < xs.size(); i++) {
                        s += theta[0] * xs.get(i);
                    }
                    return s;
                }
            }
            """;

    static final String FLOATS = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.List;

            public class Floats {
                @Differentiable(wrt = "w")
                public static float softmax(float[] w, List<Float> xs) {
                    float z = 0;
                    for (float x : xs) {
                        z += (float) Math.exp(w[0] * x);
                    }
                    return (float) Math.log(z) + w[1] * xs.get(0);
                }

                /** A List<float[]> of rows, by index. */
                @Differentiable(wrt = "w")
                public static float rowsum(float[] w, List<float[]> rows) {
                    float s = 0;
                    for (int i = 0; i < rows.size(); i++) {
                        s += (float) Math.tanh(w[0] * rows.get(i)[0] + w[1] * rows.get(i)[rows.get(i).length - 1]);
                    }
                    return s;
                }
            }
            """;

    static final String MODEL = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.List;

            public class Model {
                public record Point(double x, double y) {}

                double[] w = {0.1, 0.2};

                /** An instance method over the object's weights, a var for-each over records, a weight from a list. */
                @Differentiable(wrt = "this")
                public double loss(List<Point> data, List<Double> weights) {
                    double s = 0;
                    for (var o : data) {
                        s += weights.get(0) * Math.pow(w[0] + w[1] * o.x() - o.y(), 2);
                    }
                    return s;
                }
            }
            """;

    private static final Map<String, String> SOURCES = Map.of("Fits", FITS, "Floats", FLOATS, "Model", MODEL);

    private static Object obs(StrangerHarness.Built b, double x, double y) {
        return make(b, "Fits$Obs", x, y);
    }

    private static List<Object> data(StrangerHarness.Built b) {
        return List.of(obs(b, 0.5, 1.2), obs(b, -1.0, 0.3), obs(b, 2.0, 2.9), obs(b, 0.1, -0.4));
    }

    @Test
    void aListOfRecordsReadByForEachIsStatic() throws Exception {
        check(SOURCES, "Fits", "loss", b -> new Object[] {new double[] {0.2, 0.7}, data(b)});
    }

    @Test
    void aListOfRecordsReadByIndexIsStatic() throws Exception {
        check(SOURCES, "Fits", "indexed", b -> new Object[] {new double[] {0.2, 0.7}, new ArrayList<>(data(b))});
    }

    @Test
    void boxedNumbersAndAHelperGivenTheListAreStatic() throws Exception {
        check(SOURCES, "Fits", "weighted", b ->
                new Object[] {new double[] {0.4, -1.3}, new LinkedList<>(List.of(1.5, -0.25, 3.0)), List.of(1, 0, 1)});
    }

    @Test
    void aListOfRowsIsStatic() throws Exception {
        check(SOURCES, "Fits", "rows", b -> new Object[] {
            new double[] {0.3, -0.2, 0.5},
            List.of(new double[] {1, 2, 3}, new double[] {-1, 0.5, 2}, new double[] {0.2})
        });
    }

    @Test
    void aListPassedToADifferentiableMethodIsStatic() throws Exception {
        check(SOURCES, "Fits", "outer", b ->
                new Object[] {new double[] {0.4, -1.3}, List.of(1.5, -0.25), List.of(1, 0)});
    }

    @Test
    void floatListsAreStatic() throws Exception {
        float[] w = {0.3f, -0.6f};
        Map<String, List<?>> lists = Map.of(
                "softmax", List.of(1.0f, 2.5f, -0.5f),
                "rowsum", List.of(new float[] {1, 2}, new float[] {-0.5f, 0.25f, 1.5f}));
        for (String method : lists.keySet()) {
            float[][] gradients = new float[2][];
            for (boolean tape : new boolean[] {false, true}) {
                StrangerHarness.Built b = build(Map.of("Floats", tape ? StrangerHarness.onTape(FLOATS) : FLOATS));
                AdjointCheck.assertGradient(b.type("Floats"), method, w, lists.get(method));
                String strategy = "stranger.Floats#" + method + ": " + (tape ? "tape" : "static");
                assertTrue(
                        b.methods().stream().anyMatch(l -> l.startsWith(strategy)),
                        b.methods().toString());
                gradients[tape ? 1 : 0] = new float[2];
                b.type("FloatsAdjoint")
                        .getMethod(method + "Grad", float[].class, List.class, float[].class)
                        .invoke(null, w, lists.get(method), gradients[tape ? 1 : 0]);
            }
            assertArrayEquals(gradients[0], gradients[1], 1e-5f, method + ": static vs tape");
        }
    }

    @Test
    void anInstanceMethodTakingListsIsStatic() throws Exception {
        check(SOURCES, "Model", "loss", b -> new Object[] {
            make(b, "Model"),
            List.of(make(b, "Model$Point", 0.5, 1.2), make(b, "Model$Point", -1.0, 0.3)),
            List.of(0.75)
        });
    }

    @Test
    void aWarmCallCopiesTheListsIntoPooledArraysAllocatingNothing() throws Exception {
        StrangerHarness.Built b = build(SOURCES);
        Object[] args = {new double[] {0.4, -1.3}, new ArrayList<>(List.of(1.5, -0.25, 3.0)), List.of(1, 0, 1), null};
        args[3] = new double[2];
        Method weighted =
                b.type("FitsAdjoint").getMethod("weightedGrad", double[].class, List.class, List.class, double[].class);
        long perCall = WarmCalls.bytesPerCall(() -> weighted.invoke(null, args));
        Object[] records = {new double[] {0.2, 0.7}, new ArrayList<>(data(b)), new double[2]};
        Method loss = b.type("FitsAdjoint").getMethod("lossGrad", double[].class, List.class, double[].class);
        long perRecordsCall = WarmCalls.bytesPerCall(() -> loss.invoke(null, records));
        // reflection boxes the double result (16 B); an array per list per call would add 40 B and more
        assertTrue(perCall <= 16 + 16, "a warm gradient call over List<Double> allocated " + perCall + " bytes");
        assertTrue(
                perRecordsCall <= 16 + 16,
                "a warm gradient call over List<Obs> allocated " + perRecordsCall + " bytes");
    }

    @Test
    void theElementsOfADoubleListAreConstants() throws Exception {
        StrangerHarness.Built b = build(SOURCES);
        List<Double> xs = List.of(1.5, -0.25, 3.0, 0.125);
        double[] g = gradientOf(b, "Fits", "passive", new Object[] {new double[] {0.7}, xs});
        assertArrayEquals(new double[] {1.5 - 0.25 + 3.0 + 0.125}, g, 1e-15, "d/dtheta0 is the sum of the list");
        // and the list has no gradient: the public method takes it as written, with one buffer (theta's)
        Method grad = b.type("FitsAdjoint").getMethod("passiveGrad", double[].class, List.class, double[].class);
        assertEquals(3, grad.getParameterCount());
    }

    @Test
    void theForwardModeReadsTheListsToo() throws Exception {
        StrangerHarness.Built b = build(SOURCES);
        double[] theta = {0.2, 0.7};
        List<Object> data = data(b);
        double[] u = {0.6, -0.9};
        Method jvp = b.type("FitsAdjoint")
                .getMethod("indexedJvp", double[].class, List.class, double[].class, DoubleGrad.class);
        DoubleGrad out = new DoubleGrad();
        double value = (double) jvp.invoke(null, theta, data, u, out);
        Method f = b.type("Fits").getMethod("indexed", double[].class, List.class);
        assertEquals((double) f.invoke(null, theta, data), value, "Jvp's value");
        double[] fd = GradCheck.centralDifferences(
                x -> {
                    try {
                        return (double) f.invoke(null, x, data);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                },
                theta);
        double expected = fd[0] * u[0] + fd[1] * u[1];
        assertEquals(expected, out.get(), 1e-7 * Math.max(1, Math.abs(expected)), "Jvp against central differences");
    }

    @Test
    void theHessianVectorProductReadsTheListsToo() throws Exception {
        StrangerHarness.Built b = build(SOURCES);
        double[] w = {0.3, -0.2, 0.5};
        List<double[]> rows = List.of(new double[] {1, 2, 3}, new double[] {-1, 0.5, 2});
        double[] u = {0.7, -0.1, 0.4};
        Method hvp = b.type("FitsAdjoint")
                .getMethod("rowsHvp", double[].class, List.class, double[].class, double[].class, double[].class);
        double[] hv = new double[w.length];
        hvp.invoke(null, w, rows, u, new double[w.length], hv);
        double h = 1e-5;
        double[] up = w.clone();
        double[] down = w.clone();
        for (int i = 0; i < w.length; i++) {
            up[i] += h * u[i];
            down[i] -= h * u[i];
        }
        double[] gUp = gradientOf(b, "Fits", "rows", new Object[] {up, rows});
        double[] gDown = gradientOf(b, "Fits", "rows", new Object[] {down, rows});
        for (int i = 0; i < w.length; i++) {
            double numeric = (gUp[i] - gDown[i]) / (2 * h);
            assertEquals(numeric, hv[i], 1e-6 * Math.max(1, Math.abs(numeric)), "H·u [" + i + "]");
        }
    }

    @Test
    void theCallerKeepsItsListAndItsRows() throws Exception {
        StrangerHarness.Built b = build(SOURCES);
        double[] first = {1, 2, 3};
        List<double[]> rows = new ArrayList<>(List.of(first, new double[] {-1, 0.5, 2}));
        double[] w = {0.3, -0.2, 0.5};
        gradientOf(b, "Fits", "rows", new Object[] {w, rows});
        assertEquals(2, rows.size());
        assertTrue(rows.get(0) == first, "the same row objects");
        assertArrayEquals(new double[] {1, 2, 3}, first);
        assertTrue(Arrays.equals(new double[] {0.3, -0.2, 0.5}, w));
    }
}
