package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.array;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.check;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.make;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's data, an array or a {@code List} of records or objects, handed to the class's plain
 * static helpers ({@code objects/ElementCallees}): the call passes the array's leaves, the helper
 * takes them and is inlined, transitively, composed ({@code sumSq(residuals(th, data))}), under a
 * {@code ?:}, from an instance method with {@code wrt = "this"}. Each is built with AUTO (required
 * static) and on the tape, checked against central differences and static against tape. Before,
 * every one was an error at the call ("cannot pass it on"). {@code Fits.Obs} and {@code Model.Obs}, two
 * nested records of one simple name in one package, each mean their own class's (they made both
 * methods' parameters "not supported" before: {@code objects/RecordTypes#member}).
 */
class RecordDataHelpersTest {

    static final String FITS = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.List;

            public class Fits {
                public record Obs(double x, double y, double w) {}

                public static class Pt {
                    final double t;
                    final double v;

                    public Pt(double t, double v) {
                        this.t = t;
                        this.v = v;
                    }
                }

                static double predict(double[] th, double x) {
                    return th[0] * Math.exp(-th[1] * x) + th[2];
                }

                static double[] residuals(double[] th, Obs[] data) {
                    double[] r = new double[data.length];
                    for (int i = 0; i < data.length; i++) {
                        r[i] = data[i].w() * (predict(th, data[i].x()) - data[i].y());
                    }
                    return r;
                }

                static double sumSq(double[] r) {
                    double s = 0;
                    for (double v : r) {
                        s += v * v;
                    }
                    return s;
                }

                static double weighted(double[] th, Obs[] data) {
                    return sumSq(residuals(th, data));
                }

                static double huber(double[] th, List<Obs> data, double delta) {
                    double s = 0;
                    for (int i = 0; i < data.size(); i++) {
                        double r = predict(th, data.get(i).x()) - data.get(i).y();
                        s += Math.abs(r) <= delta ? 0.5 * r * r : delta * (Math.abs(r) - 0.5 * delta);
                    }
                    return s;
                }

                static double ptLoss(double[] th, Pt[] pts) {
                    double s = 0;
                    for (Pt p : pts) {
                        double r = predict(th, p.t) - p.v;
                        s += r * r;
                    }
                    return s;
                }

                /** An array of records handed to a helper that hands it on, composed. */
                @Differentiable
                public static double fit(double[] th, Obs[] data) {
                    return weighted(th, data) + 1e-3 * (th[0] * th[0] + th[1] * th[1]);
                }

                /** A List of records handed to a helper taking the same List. */
                @Differentiable
                public static double robust(double[] th, List<Obs> data, boolean on) {
                    double h = on ? huber(th, data, 0.3) : 0.0;
                    return h / data.size();
                }

                /** An array of objects of a class. */
                @Differentiable
                public static double points(double[] th, Pt[] pts) {
                    return ptLoss(th, pts);
                }
            }
            """;

    static final String MODEL = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.List;

            public class Model {
                public record Obs(double x, double y) {}

                double[] w = {0.5, -0.3};

                static double sse(double[] w, List<Obs> data) {
                    double s = 0;
                    for (Obs o : data) {
                        double r = w[0] * o.x() + w[1] - o.y();
                        s += r * r;
                    }
                    return s;
                }

                @Differentiable(wrt = "this")
                public double loss(List<Obs> data) {
                    return sse(w, data) / data.size();
                }
            }
            """;

    static final String NET = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Net {
                public record Layer(double[][] w, double[] b) {}

                static double[] forward(Layer[] layers, double[] x) {
                    double[] a = x;
                    for (Layer l : layers) {
                        double[] z = new double[l.b().length];
                        for (int i = 0; i < z.length; i++) {
                            double s = l.b()[i];
                            for (int j = 0; j < a.length; j++) {
                                s += l.w()[i][j] * a[j];
                            }
                            z[i] = Math.tanh(s);
                        }
                        a = z;
                    }
                    return a;
                }

                static double loss(Layer[] layers, double[][] xs, double[] ys) {
                    double s = 0;
                    for (int k = 0; k < xs.length; k++) {
                        double[] out = forward(layers, xs[k]);
                        double r = out[0] - ys[k];
                        s += r * r;
                    }
                    return s / xs.length;
                }

                /** A perceptron's layers, records holding matrices, handed to a helper that hands them on. */
                @Differentiable(wrt = "layers")
                public static double train(Layer[] layers, double[][] xs, double[] ys) {
                    return loss(layers, xs, ys);
                }
            }
            """;

    private static final Map<String, String> SOURCES = Map.of("Fits", FITS, "Model", MODEL, "Net", NET);

    private static Object[] obs(StrangerHarness.Built b) {
        return new Object[] {
            make(b, "Fits$Obs", 0.1, 2.9, 1.0),
            make(b, "Fits$Obs", 0.5, 2.1, 0.5),
            make(b, "Fits$Obs", 1.2, 1.5, 2.0),
            make(b, "Fits$Obs", 2.0, 1.2, 1.0)
        };
    }

    @Test
    void anArrayOfRecordsHandedOnThroughComposedHelpersIsStatic() throws Exception {
        check(SOURCES, "Fits", "fit", b -> new Object[] {new double[] {2.0, 0.8, 0.9}, array(b, "Fits$Obs", obs(b))});
    }

    @Test
    void aListOfRecordsHandedToAHelperUnderAConditionalIsStatic() throws Exception {
        check(SOURCES, "Fits", "robust", b -> new Object[] {new double[] {2.0, 0.8, 0.9}, List.of(obs(b)), true});
    }

    @Test
    void anArrayOfObjectsHandedToAHelperIsStatic() throws Exception {
        check(SOURCES, "Fits", "points", b -> new Object[] {
            new double[] {2.0, 0.8, 0.9},
            array(b, "Fits$Pt", make(b, "Fits$Pt", 0.3, 2.5), make(b, "Fits$Pt", 1.0, 1.6))
        });
    }

    @Test
    void anInstanceMethodHandsItsListToAStaticHelper() throws Exception {
        check(
                SOURCES, "Model", "loss", b -> new Object[] {
                    make(b, "Model"), List.of(make(b, "Model$Obs", 1.0, 2.0), make(b, "Model$Obs", 2.0, 3.5))
                });
    }

    @Test
    void recordsHoldingMatricesHandedToHelpersAreStatic() throws Exception {
        check(SOURCES, "Net", "train", b -> new Object[] {
            array(
                    b,
                    "Net$Layer",
                    make(b, "Net$Layer", new double[][] {{0.3, -0.2}, {0.5, 0.1}, {-0.4, 0.7}}, new double[] {
                        0.1, -0.1, 0.2
                    }),
                    make(b, "Net$Layer", new double[][] {{0.2, -0.3, 0.6}}, new double[] {0.05})),
            new double[][] {{0.5, 1.0}, {-0.3, 0.8}, {1.2, -0.5}},
            new double[] {0.2, -0.1, 0.4}
        });
    }

    @Test
    void aHelperTheInlinerLeavesACallIsAnErrorAtTheCall() {
        // (in a loop's condition the helper runs again each time: its body cannot stand for it there)
        List<Diagnostic> errors = StrangerHarness.errors(Map.of("Loop", """
                package stranger;

                import dev.adjoint.Differentiable;

                public class Loop {
                    public record Obs(double x) {}

                    static double total(double[] w, Obs[] data) {
                        double s = 0;
                        for (Obs o : data) {
                            s += w[0] * o.x();
                        }
                        return s;
                    }

                    @Differentiable
                    public static double f(double[] w, Obs[] data) {
                        double a = 0;
                        while (total(w, data) + a < 3) {
                            a += 1;
                        }
                        return a * w[1];
                    }
                }
                """));
        assertTrue(
                errors.stream()
                        .anyMatch(d -> d.message()
                                .startsWith("call to 'total', which is handed the array 'data' of records or objects,"
                                        + " stays a call here")),
                errors.toString());
    }
}
