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
 * {@code nameJacobian(Model self, P1 p1, ..., double[][] jac)} of instance methods and of static
 * methods taking records: columns the object's float and double fields first (for {@code wrt =
 * "this"}, in the order of {@code ModelGrad}'s fields: its own in declaration order, then the
 * records it holds), then the parameters, a record as its components. Oracle: central differences
 * of the user's method, written in {@code Checks} with objects and records built from the flat
 * inputs in that documented order, so a wrong column order fails as a wrong value; both branches
 * (rows by {@code Vjp} when the results are fewer, columns by {@code Jvp} otherwise); the value, and
 * the object as one run of the method leaves it.
 */
class InstanceJacobiansTest {
    private static final String ARM = """
            package jac;

            import dev.adjoint.Differentiable;

            public class Arm {
                double[] lengths;
                double base;

                public Arm(double[] lengths, double base) { this.lengths = lengths; this.base = base; }

                /** The tip of a planar arm: the lengths and base are constants. */
                @Differentiable
                public double[] tip(double[] angles) {
                    double x = base, y = 0, a = 0;
                    for (int i = 0; i < angles.length; i++) {
                        a += angles[i];
                        x += lengths[i] * Math.cos(a);
                        y += lengths[i] * Math.sin(a);
                    }
                    return new double[] {x, y};
                }

                @Differentiable(wrt = {"this", "angles"})
                public double[] tipAll(double[] angles) {
                    return tip(angles);
                }

                /** Every joint's position: more results than angles (columns by forward mode). */
                @Differentiable(wrt = "angles")
                public double[] joints(double[] angles) {
                    double[] p = new double[2 * angles.length];
                    double x = base, y = 0, a = 0;
                    for (int i = 0; i < angles.length; i++) {
                        a += angles[i];
                        x += lengths[i] * Math.cos(a);
                        y += lengths[i] * Math.sin(a);
                        p[2 * i] = x;
                        p[2 * i + 1] = y;
                    }
                    return p;
                }
            }
            """;

    private static final String FIT = """
            package jac;

            import dev.adjoint.Differentiable;

            public class Fit {
                public record Params(double k, double c) {}

                public record Outer(Params in, double s) {}

                @Differentiable
                public static double[] residuals(Params p, double[] t) {
                    double[] r = new double[t.length];
                    for (int i = 0; i < t.length; i++) r[i] = Math.exp(-p.k() * t[i]) * p.c();
                    return r;
                }

                @Differentiable(wrt = {"p", "t"})
                public static double[] residualsAll(Params p, double[] t) {
                    return residuals(p, t);
                }

                @Differentiable(wrt = "o")
                public static double[] nested(double[] t, Outer o) {
                    double[] r = new double[t.length];
                    for (int i = 0; i < t.length; i++) {
                        r[i] = Math.exp(-o.in().k() * t[i]) * o.in().c() + o.s() * t[i] * t[i];
                    }
                    return r;
                }
            }
            """;

    /** Private fields (read through handles), a 2-D one, a scratch array, a record it holds. */
    private static final String LAYER = """
            package jac;

            import dev.adjoint.Differentiable;

            public class Layer {
                record Scale(double s, double o) {}

                private final double[][] w;
                private final double[] scratch;
                final Scale scale;
                double gain = 1.5;

                Layer(double[][] w, Scale scale) { this.w = w; this.scale = scale; scratch = new double[w.length]; }

                private double act(double z) { return Math.tanh(z) * scale.s() + scale.o(); }

                @Differentiable(wrt = "this")
                double[] forward(double[] x) {
                    for (int i = 0; i < w.length; i++) {
                        double z = 0;
                        for (int j = 0; j < x.length; j++) z += w[i][j] * x[j];
                        scratch[i] = z * gain;
                    }
                    double[] y = new double[w.length];
                    for (int i = 0; i < w.length; i++) y[i] = act(scratch[i]);
                    return y;
                }
            }
            """;

    /** A method that writes its object's array: the Jacobian at the state the call sees, the state advanced once. */
    private static final String FILTER = """
            package jac;

            import dev.adjoint.Differentiable;

            public class Filter {
                double decay = 0.9;
                final double[] state = {1.0, -2.0, 0.5};

                @Differentiable(wrt = {"this", "x"})
                double[] step(double[] x) {
                    for (int i = 0; i < state.length; i++) state[i] = state[i] * decay + x[i] * x[i];
                    return state.clone();
                }
            }
            """;

    private static final String CELL = """
            package jac;

            import dev.adjoint.Differentiable;

            public class Cell {
                float a = 0.5f;
                float[] w = {0.2f, -0.4f};

                @Differentiable(wrt = {"this", "x"})
                float[] step(float[] x) {
                    return new float[] {a * x[0] + w[0] * x[1], (float) Math.sin(w[1] * x[0]), x[0] * x[1] * a};
                }
            }
            """;

    /** Assigns its fields (a counter, a differentiated one): the Jacobian at the values on entry, each assigned once. */
    private static final String COUNTER = """
            package jac;

            import dev.adjoint.Differentiable;

            public class Counter {
                double k = 2;
                int calls;

                @Differentiable(wrt = {"this", "x"})
                double[] twice(double[] x) {
                    calls++;
                    k = k * 1.5 + x[0] * x[1];
                    return new double[] {k * x[0], k * k * x[1]};
                }
            }
            """;

    /** Data the public methods gather into arrays: a List of numbers, constant records; and records differentiated. */
    private static final String SERIES = """
            package jac;

            import dev.adjoint.Differentiable;
            import java.util.List;

            public class Series {
                public record Point(double t, double w) {}

                double scale = 2.0;

                @Differentiable
                public double[] predict(List<Double> ts, double[] theta) {
                    double[] r = new double[ts.size()];
                    for (int i = 0; i < r.length; i++) r[i] = scale * theta[0] * Math.exp(-theta[1] * ts.get(i));
                    return r;
                }

                @Differentiable(wrt = "theta")
                public static double[] weighted(Point[] points, double[] theta) {
                    double[] r = new double[points.length];
                    for (int i = 0; i < r.length; i++) r[i] = points[i].w() * Math.sin(theta[0] * points[i].t() + theta[1]);
                    return r;
                }

                @Differentiable(wrt = "points")
                public static double[] moved(Point[] points, double s) {
                    double[] r = new double[points.length];
                    for (int i = 0; i < r.length; i++) r[i] = points[i].w() * s + points[i].t();
                    return r;
                }
            }
            """;

    /** The oracle: central differences of the user's methods over the documented column order. */
    private static final String CHECKS = """
            package jac;

            import java.util.function.Function;

            public class Checks {
                static double[][] differences(Function<double[], double[]> f, double[] x) {
                    int m = f.apply(x.clone()).length;
                    double[][] jac = new double[m][x.length];
                    for (int j = 0; j < x.length; j++) {
                        double h = 1e-6 * Math.max(1, Math.abs(x[j]));
                        double[] up = x.clone();
                        double[] down = x.clone();
                        up[j] += h;
                        down[j] -= h;
                        double[] fu = f.apply(up);
                        double[] fd = f.apply(down);
                        for (int i = 0; i < m; i++) jac[i][j] = (fu[i] - fd[i]) / (2 * h);
                    }
                    return jac;
                }

                static double worst(double[][] got, double[][] want) {
                    if (got.length != want.length) return Double.POSITIVE_INFINITY;
                    double worst = 0;
                    for (int i = 0; i < got.length; i++) {
                        for (int j = 0; j < got[i].length; j++) {
                            worst = Math.max(worst, Math.abs(got[i][j] - want[i][j]) / Math.max(1, Math.abs(want[i][j])));
                        }
                    }
                    return worst;
                }

                static double[] part(double[] x, int from, int to) {
                    return java.util.Arrays.copyOfRange(x, from, to);
                }

                static Layer layer(double[] x) {
                    Layer l = new Layer(new double[][] {part(x, 0, 2), part(x, 2, 4), part(x, 4, 6)}, new Layer.Scale(x[10], x[11]));
                    l.gain = x[9];
                    return l;
                }

                /** One line per Jacobian: its name and the worst relative difference. */
                public static String run() {
                    StringBuilder out = new StringBuilder();
                    double[] lengths = {1.0, 0.7, 0.4};
                    double[] angles = {0.3, -0.5, 0.9};
                    Arm arm = new Arm(lengths.clone(), 0.2);
                    double[][] jac = new double[2][3];
                    ArmAdjoint.tipJacobian(arm, angles.clone(), jac);
                    out.append("tip ").append(worst(jac, differences(x -> new Arm(lengths.clone(), 0.2).tip(x), angles))).append('\\n');
                    jac = new double[2][7];
                    double[] all = {1.0, 0.7, 0.4, 0.2, 0.3, -0.5, 0.9};
                    ArmAdjoint.tipAllJacobian(arm, angles.clone(), jac);
                    out.append("tipAll ").append(worst(jac, differences(
                            x -> new Arm(part(x, 0, 3), x[3]).tipAll(part(x, 4, 7)), all))).append('\\n');
                    jac = new double[6][3];
                    ArmAdjoint.jointsJacobian(arm, angles.clone(), jac);
                    out.append("joints ").append(worst(jac, differences(x -> new Arm(lengths.clone(), 0.2).joints(x), angles))).append('\\n');

                    double[] t = {0.1, 0.5, 1.0, 2.0};
                    Fit.Params p = new Fit.Params(0.8, 2.0);
                    jac = new double[4][4];
                    FitAdjoint.residualsJacobian(p, t.clone(), jac);
                    out.append("residuals ").append(worst(jac, differences(x -> Fit.residuals(p, x), t))).append('\\n');
                    jac = new double[4][6];
                    FitAdjoint.residualsAllJacobian(p, t.clone(), jac);
                    out.append("residualsAll ").append(worst(jac, differences(
                            x -> Fit.residualsAll(new Fit.Params(x[0], x[1]), part(x, 2, 6)), new double[] {0.8, 2.0, 0.1, 0.5, 1.0, 2.0})))
                            .append('\\n');
                    jac = new double[4][3];
                    FitAdjoint.nestedJacobian(t, new Fit.Outer(p, 0.3), jac);
                    out.append("nested ").append(worst(jac, differences(
                            x -> Fit.nested(t, new Fit.Outer(new Fit.Params(x[0], x[1]), x[2])), new double[] {0.8, 2.0, 0.3})))
                            .append('\\n');

                    // w (6), scratch (3), gain, scale.s, scale.o
                    double[] layerInputs = {0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0, 0, 0, 1.5, 1.3, 0.05};
                    double[] in = {0.7, -1.1};
                    jac = new double[3][12];
                    double[] value = LayerAdjoint.forwardJacobian(layer(layerInputs), in.clone(), jac);
                    out.append("forward ").append(worst(jac, differences(x -> layer(x).forward(in), layerInputs))).append('\\n');
                    out.append("forward value ").append(java.util.Arrays.equals(value, layer(layerInputs).forward(in)) ? 0 : 1).append('\\n');

                    Filter filter = new Filter();
                    double[] u = {0.3, 0.4, -0.5};
                    jac = new double[3][7];
                    value = FilterAdjoint.stepJacobian(filter, u.clone(), jac);
                    out.append("step ").append(worst(jac, differences(x -> {
                        Filter f = new Filter();
                        f.decay = x[0];
                        System.arraycopy(x, 1, f.state, 0, 3);
                        return f.step(part(x, 4, 7));
                    }, new double[] {0.9, 1.0, -2.0, 0.5, 0.3, 0.4, -0.5}))).append('\\n');
                    Filter once = new Filter();
                    double[] expected = once.step(u.clone());
                    out.append("step value and state ").append(
                            java.util.Arrays.equals(value, expected) && java.util.Arrays.equals(filter.state, once.state) ? 0 : 1).append('\\n');

                    Cell cell = new Cell();
                    float[] v = {0.3f, 0.9f};
                    jac = new double[3][5];
                    CellAdjoint.stepJacobian(cell, v.clone(), jac);
                    // the float method's Jacobian against its closed form, in double
                    double a = 0.5f, w0 = 0.2f, w1 = -0.4f, x0 = 0.3f, x1 = 0.9f;
                    double[][] closed = {
                        {x0, x1, 0, a, w0},
                        {0, 0, Math.cos(w1 * x0) * x0, Math.cos(w1 * x0) * w1, 0},
                        {x0 * x1, 0, 0, x1 * a, x0 * a}};
                    Counter counter = new Counter();
                    double[] z = {0.6, -1.3};
                    double[][] counted = new double[2][3];
                    value = CounterAdjoint.twiceJacobian(counter, z.clone(), counted);
                    out.append("twice ").append(worst(counted, differences(x -> {
                        Counter c = new Counter();
                        c.k = x[0];
                        return c.twice(part(x, 1, 3));
                    }, new double[] {2, 0.6, -1.3}))).append('\\n');
                    Counter one = new Counter();
                    expected = one.twice(z.clone());
                    out.append("twice value and state ").append(java.util.Arrays.equals(value, expected)
                            && counter.k == one.k && counter.calls == 1 && one.calls == 1 ? 0 : 1).append('\\n');
                    Series series = new Series();
                    java.util.List<Double> ts = java.util.List.of(0.0, 0.5, 1.5);
                    double[] theta = {1.2, 0.7};
                    double[][] data = new double[3][2];
                    SeriesAdjoint.predictJacobian(series, ts, theta.clone(), data);
                    out.append("predict ").append(worst(data, differences(x -> new Series().predict(ts, x), theta))).append('\\n');
                    Series.Point[] points = {new Series.Point(0.1, 2.0), new Series.Point(0.4, -1.0), new Series.Point(0.9, 0.5)};
                    SeriesAdjoint.weightedJacobian(points, theta.clone(), data);
                    out.append("weighted ").append(worst(data, differences(x -> Series.weighted(points, x), theta))).append('\\n');

                    out.append("cell ").append(worst(jac, closed) < 1e-5 ? 0 : worst(jac, closed)).append('\\n');
                    return out.toString();
                }
            }
            """;

    private static Translation translate() {
        Map<Path, String> files = new TreeMap<>();
        Map.of(
                        "Arm", ARM, "Fit", FIT, "Layer", LAYER, "Filter", FILTER, "Cell", CELL, "Counter", COUNTER,
                        "Series", SERIES)
                .forEach((name, text) -> files.put(Path.of(name + ".java"), text));
        return Pipeline.translate(files, Optional.empty(), Options.DEFAULT);
    }

    @Test
    void jacobiansOfInstanceAndRecordMethodsMatchCentralDifferences() throws Exception {
        Translation t = translate();
        assertFalse(
                t.hasErrors(),
                t.diagnostics().stream().map(Diagnostic::toString).toList().toString());
        Map<String, String> all = new HashMap<>(t.generated());
        Map.of(
                        "Arm", ARM, "Fit", FIT, "Layer", LAYER, "Filter", FILTER, "Cell", CELL, "Counter", COUNTER,
                        "Series", SERIES, "Checks", CHECKS)
                .forEach((name, text) -> all.put("jac." + name, text));
        ClassLoader loader = InMemoryCompiler.compile(all);
        String report = (String) loader.loadClass("jac.Checks").getMethod("run").invoke(null);
        List<String> lines = report.lines().toList();
        assertEquals(15, lines.size(), report);
        for (String line : lines) {
            double worst = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            assertTrue(worst < 1e-7, "Jacobian against central differences: " + line + "\n" + report);
        }
    }

    @Test
    void everyMethodHereHasAJacobianAndNoNoteSaysOtherwise() {
        Translation t = translate();
        assertTrue(t.generated().get("jac.CounterAdjoint").contains("twiceJacobian"));
        // (an array of records, wrt: its columns element by element; ElementJacobiansTest checks them)
        assertTrue(t.generated().get("jac.SeriesAdjoint").contains("movedJacobian"));
        assertTrue(
                t.diagnostics().stream().noneMatch(d -> d.message().contains("Jacobian")),
                t.diagnostics().toString());
    }
}
