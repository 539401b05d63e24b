package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.array;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.check;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.make;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A record's or a final class's own methods with loops and statements (not one expression), called
 * on a local object, a record parameter or an element of an array of records
 * ({@code objects/RecordMethods}): AUTO static, both strategies against central differences and each
 * other. Before, each was an error ("uses local record 'kern' other than reading its components").
 */
class RecordMethodsTest {

    static final String KERNEL = """
            package stranger;

            /** In a file of its own, with a constant. */
            public record Kernel(double ell, double amp) {
                static final double FLOOR = 1e-9;

                double at(double[] a, double[] b) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                        double d = (a[i] - b[i]) / ell;
                        s += d * d;
                    }
                    return amp * Math.exp(-0.5 * s) + FLOOR;
                }
            }
            """;

    static final String SHAPES = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Shapes {
                public record Poly(double[] c) {
                    double eval(double x) {
                        double s = 0;
                        for (int i = c.length - 1; i >= 0; i--) s = s * x + c[i];
                        return s;
                    }
                }

                public record Spring(double k, double rest) {
                    static final double G = 9.81;

                    double stretch(double[] x) {
                        double e = 0;
                        for (int i = 1; i < x.length; i++) {
                            double d = x[i] - x[i - 1] - rest;
                            e += 0.5 * k * d * d;
                        }
                        return e;
                    }

                    double total(double[] x, double m) {
                        return stretch(x) + m * G * x[x.length - 1];
                    }

                    void relax(double[] x) {
                        for (int i = 1; i < x.length; i++) {
                            x[i] -= 0.1 * k * (x[i] - x[i - 1] - rest);
                        }
                    }
                }

                public record Bump(double[] c, double width) {
                    double at(double x) {
                        double s = 0;
                        for (double ci : c) {
                            double z = (x - ci) / width;
                            s += Math.exp(-z * z);
                        }
                        return s;
                    }
                }

                static final class Gauss {
                    final double mu;
                    final double sigma;

                    Gauss(double mu, double sigma) {
                        this.mu = mu;
                        this.sigma = sigma;
                    }

                    double logLik(double[] xs) {
                        double s = 0;
                        for (double x : xs) {
                            double z = (x - mu) / sigma;
                            s += -0.5 * z * z - Math.log(sigma);
                        }
                        return s;
                    }
                }

                @Differentiable(wrt = "p")
                public static double fit(Poly p, double[] xs, double[] ys) {
                    double r = 0;
                    for (int i = 0; i < xs.length; i++) {
                        double e = p.eval(xs[i]) - ys[i];
                        r += e * e;
                    }
                    return r;
                }

                @Differentiable
                public static double spring(double[] x, double k) {
                    Spring s = new Spring(k, 0.5);
                    double[] y = x.clone();
                    s.relax(y);
                    return s.total(y, 2.0);
                }

                @Differentiable
                public static double gauss(double[] p, double[] xs) {
                    Gauss g = new Gauss(p[0], p[1]);
                    return g.logLik(xs);
                }

                @Differentiable
                public static double kernelSum(double[][] X, double ell) {
                    Kernel kern = new Kernel(ell, 1.5);
                    double s = 0;
                    for (int i = 0; i < X.length; i++)
                        for (int j = 0; j < X.length; j++) s += kern.at(X[i], X[j]) * (i + 1);
                    return s;
                }

                @Differentiable(wrt = {"bumps", "x"})
                public static double bumps(Bump[] bumps, double x) {
                    double s = 0;
                    for (Bump b : bumps) s += b.width() * b.at(x);
                    for (int k = 0; k < bumps.length; k++) s += bumps[k].at(x * 0.5);
                    return s;
                }
            }
            """;

    static final String MLP = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Mlp {
                public record Layer(double[][] w, double[] b) {
                    void apply(double[] in, double[] out) {
                        for (int i = 0; i < b.length; i++) {
                            double z = b[i];
                            for (int j = 0; j < in.length; j++) z += w[i][j] * in[j];
                            out[i] = act(z);
                        }
                    }

                    double act(double z) {
                        double e = Math.exp(-2 * z);
                        return (1 - e) / (1 + e);
                    }

                    double l2() {
                        double s = 0;
                        for (int i = 0; i < w.length; i++)
                            for (int j = 0; j < w[i].length; j++) s += w[i][j] * w[i][j];
                        return s;
                    }
                }

                @Differentiable(wrt = "layers")
                public static double net(Layer[] layers, double[] x, double lambda) {
                    double[] a = x.clone();
                    double[] t = new double[x.length];
                    double reg = 0;
                    for (Layer l : layers) {
                        l.apply(a, t);
                        for (int i = 0; i < a.length; i++) a[i] = t[i];
                        reg += l.l2();
                    }
                    double s = 0;
                    for (double v : a) s += v * v;
                    for (int k = 0; k < layers.length; k++) s += 0.01 * layers[k].l2();
                    return s + lambda * reg;
                }
            }
            """;

    static final String BOOK = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Book {
                public enum Kind { CALL, PUT }

                public record Option(Kind kind, double strike, double maturity) {
                    double payoff(double s) {
                        return kind == Kind.CALL ? Math.max(s - strike, 0) : Math.max(strike - s, 0);
                    }
                }

                @Differentiable(wrt = {"spot", "rate"})
                public static double value(Option[] book, double spot, double rate) {
                    double total = 0;
                    for (Option o : book) {
                        double df = Math.exp(-rate * o.maturity());
                        if (o.kind() == Kind.CALL) {
                            total += df * o.payoff(spot * Math.exp(rate * o.maturity()));
                        } else if (Kind.PUT != o.kind()) {
                            total += 1e9; // (never: the enum has two constants)
                        } else {
                            total += df * o.strike() * 0.01 * spot;
                        }
                    }
                    for (int i = 0; i < book.length; i++) {
                        total += book[i].payoff(spot) * (book[i].kind() != Kind.PUT ? 2 : 1);
                    }
                    return total;
                }
            }
            """;

    private static final Map<String, String> SOURCES = Map.of("Kernel", KERNEL, "Shapes", SHAPES);

    @Test
    void aRecordParametersMethodWithALoop() throws Exception {
        check(SOURCES, "Shapes", "fit", b -> new Object[] {
            make(b, "Shapes$Poly", (Object) new double[] {0.9, 0.4, 0.8}),
            new double[] {0.1, 0.5, 0.9, 1.3},
            new double[] {1.0, 1.4, 2.2, 3.1}
        });
    }

    @Test
    void aLocalRecordsMethodsCallingEachOtherWriteAndReadAnArrayWithAConstant() throws Exception {
        check(SOURCES, "Shapes", "spring", b -> new Object[] {new double[] {0.2, 0.9, 1.3, 2.2}, 3.0});
    }

    @Test
    void aFinalClassesMethodWithALoop() throws Exception {
        check(SOURCES, "Shapes", "gauss", b -> new Object[] {new double[] {0.3, 1.7}, new double[] {0.1, 0.5, 0.9}});
    }

    @Test
    void aRecordOfAnotherFileWithAConstant() throws Exception {
        check(SOURCES, "Shapes", "kernelSum", b ->
                new Object[] {new double[][] {{0.1, 0.2}, {0.5, -0.3}, {0.9, 0.4}}, 0.7});
    }

    @Test
    void elementsOfAnArrayOfRecords() throws Exception {
        check(SOURCES, "Shapes", "bumps", b -> new Object[] {
            array(
                    b,
                    "Shapes$Bump",
                    make(b, "Shapes$Bump", new double[] {0.1, 0.7}, 0.5),
                    make(b, "Shapes$Bump", new double[] {-0.4, 0.3, 1.1}, 0.8)),
            0.35
        });
    }

    /** A type with a matrix: the helper takes the array and the index, and the array's leaves stand for it. */
    @Test
    void elementsOfAnArrayOfLayersWithMatrices() throws Exception {
        check(Map.of("Mlp", MLP), "Mlp", "net", b -> new Object[] {
            array(
                    b,
                    "Mlp$Layer",
                    make(
                            b,
                            "Mlp$Layer",
                            new double[][] {{0.5, -0.3, 0.2}, {0.1, 0.8, -0.6}, {0.4, 0.0, 0.3}},
                            new double[] {0.1, -0.2, 0.3}),
                    make(
                            b,
                            "Mlp$Layer",
                            new double[][] {{0.7, -0.4, 0.1}, {0.3, 0.9, -0.2}, {-0.5, 0.2, 0.6}},
                            new double[] {0.05, 0.0, -0.1})),
            new double[] {0.3, -0.2, 0.5},
            0.1
        });
    }

    /** An enum component compared with its constants, directly and in a record method: the elements' ordinals. */
    @Test
    void anEnumComponentOfElementsComparedWithItsConstants() throws Exception {
        check(Map.of("Book", BOOK), "Book", "value", b -> {
            Class<?> kind = b.type("Book$Kind");
            Object call = kind.getEnumConstants()[0];
            Object put = kind.getEnumConstants()[1];
            return new Object[] {
                array(
                        b,
                        "Book$Option",
                        make(b, "Book$Option", call, 100.0, 1.0),
                        make(b, "Book$Option", put, 95.0, 0.5),
                        make(b, "Book$Option", call, 110.0, 2.0)),
                102.0,
                0.03
            };
        });
    }

    @Test
    void aCallItsBodyCannotReplaceIsOneErrorNamingTheMethodAsWritten() {
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public class Loops {
                    record Acc(double rate) {
                        double sum(double[] v) {
                            double s = 0;
                            for (double e : v) s += e * rate;
                            return s;
                        }
                    }

                    @Differentiable
                    public static double f(double[] a, double r) {
                        Acc acc = new Acc(r);
                        double s = 0;
                        int it = 0;
                        while (acc.sum(a) > s && it < 10) {
                            s += 0.1 * r;
                            it++;
                        }
                        return s;
                    }
                }
                """;
        List<Diagnostic> errors = StrangerHarness.errors(Map.of("Loops", source));
        assertEquals(1, errors.size(), errors.toString());
        String message = errors.get(0).message();
        assertEquals(19, errors.get(0).line(), errors.toString());
        assertTrue(message.contains("'acc.sum(a)'") && message.contains("Acc.sum"), message);
        assertTrue(!message.contains("$"), message);
    }
}
