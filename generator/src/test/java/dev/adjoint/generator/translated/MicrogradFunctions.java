package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * micrograd's tests ({@code test/test_engine.py}, github.com/karpathy/micrograd) and the loss of its demo notebook,
 * written in Java from their code: {@code relu} as {@code Math.max(0, v)}, {@code c += ...} on values as compound
 * assignments, an MLP of {@code Neuron}s (ReLU hidden layer, linear output) as loops over weight matrices, the SVM
 * max-margin loss with L2 regularisation. The gradients the tests compare with PyTorch are published: 46 for
 * {@code test_sanity_check} (exact), 138.8338 and 645.5773 for {@code test_more_ops} (the README prints them).
 */
final class MicrogradFunctions {
    private MicrogradFunctions() {}

    private static Ported mg(String file, String test, String method, String body, Object[]... points) {
        String stem =
                file.substring(file.lastIndexOf('/') + 1).replace(".py", "").replace(".ipynb", "");
        return new Ported(
                "micrograd." + stem + "." + method,
                "karpathy/micrograd " + file + ": " + test,
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    static List<Ported> all() {
        return List.of(
                mg("test/test_engine.py", "test_sanity_check", "sanityCheck", """
                        static double relu(double v) {
                            return Math.max(0, v);
                        }

                        @Differentiable
                        static double sanityCheck(double x) {
                            double z = 2 * x + 2 + x;
                            double q = relu(z) + z * x;
                            double h = relu(z * z);
                            double y = h + q + q * x;
                            return y;
                        }
                        """, p(-4.0), p(1.5), p(-0.3))
                        .publishes(d(46), 0, -4.0),
                mg("test/test_engine.py", "test_more_ops", "moreOps", """
                        static double relu(double v) {
                            return Math.max(0, v);
                        }

                        @Differentiable
                        static double moreOps(double a, double b) {
                            double c = a + b;
                            double d = a * b + Math.pow(b, 3);
                            c += c + 1;
                            c += 1 + c + (-a);
                            d += d * 2 + relu(b + a);
                            d += 3 * d + relu(b - a);
                            double e = c - d;
                            double f = Math.pow(e, 2);
                            double g = f / 2.0;
                            g += 10.0 / f;
                            return g;
                        }
                        """, p(-4.0, 2.0), p(1.5, -0.5))
                        .publishes(d(138.8338, 645.5773), 1e-6, -4.0, 2.0),
                mg(
                        "demo.ipynb",
                        "loss",
                        "svmLoss",
                        """
                        // MLP(2, [h, 1]): ReLU neurons then a linear one; the SVM max-margin loss plus alpha * sum p^2
                        @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
                        static double svmLoss(double[][] w1, double[] b1, double[] w2, double b2, double[][] xs,
                                double[] ys) {
                            double dataLoss = 0;
                            for (int n = 0; n < xs.length; n++) {
                                double score = b2;
                                for (int j = 0; j < w1.length; j++) {
                                    double act = b1[j];
                                    for (int i = 0; i < xs[n].length; i++) {
                                        act += w1[j][i] * xs[n][i];
                                    }
                                    score += w2[j] * Math.max(0, act);
                                }
                                dataLoss += Math.max(0, 1 + -ys[n] * score);
                            }
                            dataLoss *= 1.0 / xs.length;
                            double reg = b2 * b2;
                            for (int j = 0; j < w1.length; j++) {
                                reg += b1[j] * b1[j] + w2[j] * w2[j];
                                for (double w : w1[j]) {
                                    reg += w * w;
                                }
                            }
                            return dataLoss + 1e-4 * reg;
                        }
                        """,
                        p(
                                new double[][] {{0.5, -0.3}, {-0.8, 0.6}, {0.2, 0.9}},
                                d(0.1, -0.2, 0.05),
                                d(0.7, -0.4, 0.9),
                                0.1,
                                new double[][] {{1.0, 0.2}, {-0.5, 0.8}, {0.3, -1.1}, {1.6, 0.4}},
                                d(1, -1, -1, 1))));
    }
}
