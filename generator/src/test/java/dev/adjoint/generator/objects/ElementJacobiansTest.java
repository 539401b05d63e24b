package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code nameJacobian} of methods differentiating an array of records or objects: its columns
 * element by element, each element's {@code float}/{@code double} components in declaration order
 * ({@code ElementColumns}), checked against central differences over a flat parameter vector laid
 * out so, by rows ({@code Vjp}, fewer results than inputs) and by columns ({@code Jvp}), for a
 * parameter, an array held by the object ({@code wrt = "this"}, after the object's own field), an
 * {@code int} component between two differentiated ones, and {@code float} components.
 */
class ElementJacobiansTest {
    private static final String NET = """
            package elem;

            import dev.adjoint.Differentiable;

            public class Net {
                public record Layer(double[][] w, double[] b, double scale) {}

                public record Pt(double x, int tag, double y) {}

                public record Cell(float g, double[] w) {}

                @Differentiable(wrt = {"layers", "x"})
                public static double[] forward(Layer[] layers, double[] x) {
                    double[] h = x;
                    for (Layer l : layers) {
                        double[] o = new double[l.b().length];
                        for (int i = 0; i < o.length; i++) {
                            double s = l.b()[i];
                            for (int j = 0; j < h.length; j++) s += l.w()[i][j] * h[j];
                            o[i] = Math.tanh(s) * l.scale();
                        }
                        h = o;
                    }
                    return h;
                }

                @Differentiable(wrt = {"c", "pts"})
                public static double[] fan(double c, Pt[] pts, int m) {
                    double[] r = new double[m];
                    for (int k = 0; k < m; k++) {
                        for (Pt p : pts) r[k] += Math.sin(k * p.y() + c) * p.x() * p.tag();
                    }
                    return r;
                }

                @Differentiable(wrt = "cells")
                public static float[] cells(Cell[] cells, float t) {
                    float[] r = new float[cells.length + 1];
                    for (int i = 0; i < cells.length; i++) {
                        r[i] = cells[i].g() * t * (float) cells[i].w()[0];
                        r[cells.length] += (float) (cells[i].w()[1] * cells[i].w()[0]);
                    }
                    return r;
                }
            }
            """;

    private static final String NETWORK = """
            package elem;

            import dev.adjoint.Differentiable;

            public class Network {
                Net.Layer[] layers;
                double bias;

                public Network(Net.Layer[] layers, double bias) {
                    this.layers = layers;
                    this.bias = bias;
                }

                @Differentiable(wrt = "this")
                public double[] predict(double[] x) {
                    double[] h = x;
                    for (Net.Layer l : layers) {
                        double[] o = new double[l.b().length];
                        for (int i = 0; i < o.length; i++) {
                            double s = l.b()[i] + bias;
                            for (int j = 0; j < h.length; j++) s += l.w()[i][j] * h[j];
                            o[i] = Math.tanh(s) * l.scale();
                        }
                        h = o;
                    }
                    return h;
                }
            }
            """;

    /** The oracle: central differences of the user's methods over the documented column order. */
    private static final String CHECKS = """
            package elem;

            import java.util.Arrays;
            import java.util.function.Function;

            public class Checks {
                static final int[] SIZES = {3, 4, 2};
                static final int NP = 4 * 3 + 4 + 1 + 2 * 4 + 2 + 1; // the layers' numbers

                static double worst(double[] p0, Function<double[], double[]> f, double[][] jac, double h) {
                    double worst = 0;
                    for (int j = 0; j < p0.length; j++) {
                        double[] a = p0.clone();
                        double[] b = p0.clone();
                        a[j] += h;
                        b[j] -= h;
                        double[] fa = f.apply(a);
                        double[] fb = f.apply(b);
                        for (int i = 0; i < fa.length; i++) {
                            worst = Math.max(worst, Math.abs((fa[i] - fb[i]) / (2 * h) - jac[i][j]));
                        }
                    }
                    return worst;
                }

                /** Layers from a flat vector: layer by layer, w row by row, then b, then scale. */
                static Net.Layer[] layers(double[] p, int from) {
                    Net.Layer[] ls = new Net.Layer[SIZES.length - 1];
                    int k = from;
                    for (int l = 0; l + 1 < SIZES.length; l++) {
                        double[][] w = new double[SIZES[l + 1]][SIZES[l]];
                        for (double[] row : w) for (int j = 0; j < row.length; j++) row[j] = p[k++];
                        double[] b = new double[SIZES[l + 1]];
                        for (int i = 0; i < b.length; i++) b[i] = p[k++];
                        ls[l] = new Net.Layer(w, b, p[k++]);
                    }
                    return ls;
                }

                static double[] widen(float[] r) {
                    double[] d = new double[r.length];
                    for (int i = 0; i < r.length; i++) d[i] = r[i];
                    return d;
                }

                public static String run() {
                    StringBuilder out = new StringBuilder();
                    double[] p0 = new double[NP + 3];
                    for (int i = 0; i < p0.length; i++) p0[i] = Math.sin(1.7 * i + 0.3);
                    Function<double[], double[]> f = p -> Net.forward(layers(p, 0), Arrays.copyOfRange(p, NP, NP + 3));
                    double[][] jac = new double[2][NP + 3];
                    double[] v = NetAdjoint.forwardJacobian(layers(p0, 0), Arrays.copyOfRange(p0, NP, NP + 3), jac);
                    out.append("forwardValue ").append(Arrays.equals(v, f.apply(p0)) ? 0 : 1).append('\\n');
                    out.append("forwardRows ").append(worst(p0, f, jac, 1e-6)).append('\\n');

                    double[] q0 = {0.3, 1.1, -0.4, 0.7, 0.2};
                    Function<double[], Net.Pt[]> pts = q -> new Net.Pt[] {new Net.Pt(q[1], 2, q[2]), new Net.Pt(q[3], 3, q[4])};
                    double[][] jf = new double[9][5];
                    NetAdjoint.fanJacobian(q0[0], pts.apply(q0), 9, jf);
                    out.append("fanColumns ").append(worst(q0, q -> Net.fan(q[0], pts.apply(q), 9), jf, 1e-6)).append('\\n');

                    double[] w0 = new double[NP + 1];
                    for (int i = 0; i < w0.length; i++) w0[i] = Math.cos(0.9 * i + 0.2);
                    double[] x = {0.4, -0.8, 1.3};
                    double[][] jw = new double[2][NP + 1];
                    NetworkAdjoint.predictJacobian(new Network(layers(w0, 1), w0[0]), x.clone(), jw);
                    out.append("heldRows ")
                            .append(worst(w0, p -> new Network(layers(p, 1), p[0]).predict(x.clone()), jw, 1e-6))
                            .append('\\n');

                    double[] c0 = {0.5, 1.2, -0.3, -0.7, 0.4, 0.9};
                    Function<double[], Net.Cell[]> cells = p -> new Net.Cell[] {
                        new Net.Cell((float) p[0], new double[] {p[1], p[2]}),
                        new Net.Cell((float) p[3], new double[] {p[4], p[5]})
                    };
                    double[][] jc = new double[3][6];
                    NetAdjoint.cellsJacobian(cells.apply(c0), 1.5f, jc);
                    // (float: differences with a step float's rounding allows, the tolerance scaled)
                    double fc = worst(c0, p -> widen(Net.cells(cells.apply(p), 1.5f)), jc, 1e-2);
                    out.append("floatColumns ").append(fc * 1e-3).append('\\n');
                    return out.toString();
                }
            }
            """;

    static Translation translate() {
        Map<Path, String> files = new TreeMap<>();
        files.put(Path.of("Net.java"), NET);
        files.put(Path.of("Network.java"), NETWORK);
        return Pipeline.translate(files, Optional.empty(), Options.DEFAULT);
    }

    @Test
    void jacobiansOverArraysOfRecordsAreElementByElementAndMatchCentralDifferences() throws Exception {
        Translation t = translate();
        assertFalse(
                t.hasErrors(),
                t.diagnostics().stream().map(Diagnostic::toString).toList().toString());
        assertTrue(
                t.diagnostics().stream().noneMatch(d -> d.message().contains("Jacobian")),
                t.diagnostics().toString());
        Map<String, String> all = new HashMap<>(t.generated());
        all.put("elem.Net", NET);
        all.put("elem.Network", NETWORK);
        all.put("elem.Checks", CHECKS);
        ClassLoader loader = InMemoryCompiler.compile(all);
        String report =
                (String) loader.loadClass("elem.Checks").getMethod("run").invoke(null);
        List<String> lines = report.lines().toList();
        assertEquals(5, lines.size(), report);
        for (String line : lines) {
            double worst = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            assertTrue(worst < 1e-7, "Jacobian against central differences: " + line + "\n" + report);
        }
    }

    @Test
    void aWrongShapeNamesTheColumnsElementByElement() throws Exception {
        Map<String, String> all = new HashMap<>(translate().generated());
        all.put("elem.Net", NET);
        all.put("elem.Network", NETWORK);
        ClassLoader loader = InMemoryCompiler.compile(all);
        Class<?> net = loader.loadClass("elem.Net");
        Class<?> pt = loader.loadClass("elem.Net$Pt");
        Object pts = java.lang.reflect.Array.newInstance(pt, 1);
        java.lang.reflect.Array.set(
                pts, 0, pt.getConstructor(double.class, int.class, double.class).newInstance(1.0, 1, 1.0));
        var jacobian = loader.loadClass("elem.NetAdjoint")
                .getMethod("fanJacobian", double.class, pts.getClass(), int.class, double[][].class);
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                java.lang.reflect.InvocationTargetException.class,
                () -> jacobian.invoke(null, 1.0, pts, 3, new double[3][5]));
        assertTrue(net != null && e.getCause() instanceof IllegalArgumentException, e.toString());
        assertTrue(
                e.getCause()
                        .getMessage()
                        .contains("has 3 columns (the 3 entries of c, (pts[e].x, pts[e].y) for each e"),
                e.getCause().getMessage());
    }
}
