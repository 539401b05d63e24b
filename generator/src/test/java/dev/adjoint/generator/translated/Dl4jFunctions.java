package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * Deeplearning4j SameDiff's gradient checks ({@code nd4j/nd4j-backends/nd4j-tests/src/test/java/org/nd4j/autodiff/
 * opvalidation/}, github.com/deeplearning4j/deeplearning4j): the elementwise transforms of
 * {@code TransformOpValidation.testTransforms} under its {@code mean} loss (and {@code logSoftmax} under a standard
 * deviation), the reductions of {@code ReductionOpValidation.testReductionGradientsSimple} and of
 * {@code testReductionGradients1} over a per-example MSE, the two graphs of {@code ActivationGradChecks}, written in
 * Java over {@code double[][]} as a JVM programmer writes them without ND4J: the operation chosen by a {@code String}
 * through a {@code switch} expression, each reduction a helper. The losses of {@code LossOpValidation} are in
 * {@link Dl4jLosses}. SameDiff checks each against central differences, as the harness does.
 */
final class Dl4jFunctions {
    private Dl4jFunctions() {}

    private static final String DIR = "nd4j/nd4j-backends/nd4j-tests/src/test/java/org/nd4j/autodiff/opvalidation/";

    static Ported of(String file, String method, String body, Object[]... points) {
        return new Ported(
                "dl4j." + file + "." + method,
                "deeplearning4j/deeplearning4j " + DIR + file + ".java",
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    static final String ACTIVATIONS = """
            private static final double SELU_ALPHA = 1.6732632423543772;
            private static final double SELU_LAMBDA = 1.0507009873554805;

            static double sigmoid(double x) {
                return 1 / (1 + Math.exp(-x));
            }

            // DL4J's rational approximation of 1.7159 tanh(2x/3)
            static double rationalTanh(double x) {
                double y = 2 * x / 3;
                double a = Math.abs(y);
                double t = 1 - 1 / (1 + a + y * y + 1.41645 * y * y * y * y);
                return 1.7159 * Math.copySign(t, y);
            }

            static double activation(double x, String op) {
                return switch (op) {
                    case "sigmoid" -> sigmoid(x);
                    case "tanh" -> Math.tanh(x);
                    case "softplus" -> Math.log(1 + Math.exp(x));
                    case "elu" -> x > 0 ? x : Math.exp(x) - 1;
                    case "selu" -> SELU_LAMBDA * (x > 0 ? x : SELU_ALPHA * (Math.exp(x) - 1));
                    case "swish" -> x * sigmoid(x);
                    case "logSigmoid" -> -Math.log1p(Math.exp(-x));
                    case "softsign" -> x / (1 + Math.abs(x));
                    case "hardTanh" -> Math.max(-1, Math.min(1, x));
                    case "hardSigmoid" -> Math.min(1, Math.max(0, 0.2 * x + 0.5));
                    case "relu" -> Math.max(0, x);
                    case "relu6" -> Math.min(Math.max(x, 0), 6);
                    case "leakyRelu" -> x > 0 ? x : 0.01 * x;
                    case "gelu" -> x * sigmoid(1.702 * x);
                    case "geluPrecise" -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
                    case "rationalTanh" -> rationalTanh(x);
                    case "rectifiedTanh" -> Math.max(0, Math.tanh(x));
                    default -> throw new IllegalArgumentException("unknown activation " + op);
                };
            }
            """;

    static final String TRANSFORMS = ChainerFunctions.ERF + """

            static double transform(double x, String op) {
                switch (op) {
                    case "add":
                        return x + 5.0;
                    case "rsub":
                        return 5.0 - x;
                    case "rdiv":
                        return 1.0 / x;
                    case "pow":
                        return Math.pow(x, 2.5);
                    case "tan":
                        return Math.tan(x);
                    case "acos":
                        return Math.acos(x);
                    case "acosh":
                        return Math.log(x + Math.sqrt(x * x - 1));
                    case "asin":
                        return Math.asin(x);
                    case "atanh":
                        return 0.5 * Math.log((1 + x) / (1 - x));
                    case "asinh":
                        return Math.log(x + Math.sqrt(x * x + 1));
                    case "cube":
                        return x * x * x;
                    case "square":
                        return x * x;
                    case "erf":
                        return erf(x);
                    case "erfc":
                        return 1 - erf(x);
                    case "rsqrt":
                        return 1 / Math.sqrt(x);
                    case "log2":
                        return Math.log(x) / Math.log(2);
                    case "log10":
                        return Math.log10(x);
                    case "clipByValue":
                        return Math.min(Math.max(x, -3), 2);
                    case "scalarMax":
                        return Math.max(x, 0.5);
                    case "scalarMin":
                        return Math.min(x, 0.5);
                    case "floorMod":
                        return x - Math.floor(x / 0.5) * 0.5;
                    case "step":
                        return x >= 1.0 ? 1.0 : 0.0;
                    case "sign":
                        return Math.signum(x);
                    case "round":
                        return Math.round(x);
                    default:
                        throw new IllegalArgumentException("unknown transform " + op);
                }
            }
            """;

    static final String REDUCTIONS = """
            static double sum(double[] x) {
                double s = 0;
                for (double v : x) {
                    s += v;
                }
                return s;
            }

            static double mean(double[] x) {
                return sum(x) / x.length;
            }

            // bias-corrected unless said otherwise, as ND4J's std() and var()
            static double variance(double[] x, boolean biasCorrected) {
                double m = mean(x);
                double s = 0;
                for (double v : x) {
                    s += (v - m) * (v - m);
                }
                return s / (biasCorrected ? x.length - 1 : x.length);
            }

            static double logSumExp(double[] x) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : x) {
                    max = Math.max(max, v);
                }
                double s = 0;
                for (double v : x) {
                    s += Math.exp(v - max);
                }
                return max + Math.log(s);
            }

            static double reduce(double[] x, String op) {
                double min = x[0];
                double max = x[0];
                double amin = Math.abs(x[0]);
                double prod = 1;
                double norm1 = 0;
                double sq = 0;
                double entropy = 0;
                for (double v : x) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    amin = Math.min(amin, Math.abs(v));
                    prod *= v;
                    norm1 += Math.abs(v);
                    sq += v * v;
                    entropy -= v > 0 ? v * Math.log(v) : 0;
                }
                return switch (op) {
                    case "mean" -> mean(x);
                    case "sum" -> sum(x);
                    case "stdev" -> Math.sqrt(variance(x, true));
                    case "variance" -> variance(x, true);
                    case "min" -> min;
                    case "max" -> max;
                    case "prod" -> prod;
                    case "norm1", "asum" -> norm1;
                    case "amean" -> norm1 / x.length;
                    case "norm2" -> Math.sqrt(sq);
                    case "sqnorm" -> sq;
                    case "normmax", "amax" -> Math.max(Math.abs(min), Math.abs(max));
                    case "amin" -> amin;
                    case "entropy" -> entropy;
                    case "logEntropy" -> Math.log(entropy);
                    case "logsumexp" -> logSumExp(x);
                    default -> throw new IllegalArgumentException("unknown reduction " + op);
                };
            }
            """;

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        double[][] mixed = m(d(-1.3, 0.4, 2.1), d(0.7, -0.2, -2.6));
        double[][] unit = m(d(0.15, 0.42, 0.77), d(0.91, 0.33, 0.58));
        double[][] signed = m(d(-0.85, 0.42, -0.17), d(0.61, -0.33, 0.78));
        List<Object[]> acts = new ArrayList<>();
        for (String op : List.of(
                "sigmoid",
                "tanh",
                "softplus",
                "elu",
                "selu",
                "swish",
                "logSigmoid",
                "softsign",
                "hardTanh",
                "hardSigmoid",
                "relu",
                "relu6",
                "leakyRelu",
                "gelu",
                "geluPrecise",
                "rationalTanh",
                "rectifiedTanh")) {
            acts.add(p(op.equals("relu6") ? m(d(-1.3, 0.4, 2.1), d(6.7, -0.2, 5.6)) : mixed, op));
        }
        l.add(new Ported(
                "dl4j.TransformOpValidation.activations",
                "deeplearning4j/deeplearning4j " + DIR + "TransformOpValidation.java: testTransforms",
                "activations",
                ACTIVATIONS + """

                        // the transform, then SameDiff's loss: the mean of its elements
                        @Differentiable(wrt = "in")
                        static double activations(double[][] in, String op) {
                            double s = 0;
                            for (double[] row : in) {
                                for (double x : row) {
                                    s += activation(x, op);
                                }
                            }
                            return s / (in.length * in[0].length);
                        }
                        """,
                acts,
                List.of(),
                "static"));
        List<Object[]> tfs = new ArrayList<>();
        for (String op : List.of(
                "add",
                "rsub",
                "rdiv",
                "tan",
                "asin",
                "acos",
                "atanh",
                "asinh",
                "cube",
                "square",
                "erf",
                "erfc",
                "clipByValue",
                "scalarMax",
                "scalarMin",
                "floorMod",
                "step",
                "sign",
                "round")) {
            tfs.add(p(op.equals("clipByValue") ? m(d(-3.3, 0.4, 2.1), d(0.7, -0.2, 2.6)) : signed, op));
        }
        for (String op : List.of("pow", "acosh", "rsqrt", "log2", "log10")) {
            tfs.add(p(op.equals("acosh") ? m(d(1.15, 1.42, 1.77), d(1.91, 1.33, 1.58)) : unit, op));
        }
        l.add(new Ported(
                "dl4j.TransformOpValidation.transforms",
                "deeplearning4j/deeplearning4j " + DIR + "TransformOpValidation.java: testTransforms",
                "transforms",
                TRANSFORMS + """

                        @Differentiable(wrt = "in")
                        static double transforms(double[][] in, String op) {
                            double s = 0;
                            for (int i = 0; i < in.length; i++) {
                                for (int j = 0; j < in[i].length; j++) {
                                    s += transform(in[i][j], op);
                                }
                            }
                            return s / (in.length * in[0].length);
                        }
                        """,
                tfs,
                List.of(),
                "static"));
        l.add(of(
                "TransformOpValidation",
                "columnOps",
                """
                // clipByNorm along dimension 0 (each column scaled to norm <= clip), reverse along 1, cumsum and
                // cumprod along 0, diagPart; the mean of each result
                @Differentiable(wrt = "in")
                static double columnOps(double[][] in, double clip) {
                    int rows = in.length;
                    int cols = in[0].length;
                    double s = 0;
                    for (int j = 0; j < cols; j++) {
                        double n2 = 0;
                        for (int i = 0; i < rows; i++) {
                            n2 += in[i][j] * in[i][j];
                        }
                        double norm = Math.sqrt(n2);
                        double scale = norm < clip ? 1 : clip / norm;
                        double cum = 0;
                        double prod = 1;
                        for (int i = 0; i < rows; i++) {
                            s += in[i][j] * scale;
                            s += in[i][cols - 1 - j] * (j + 1);
                            cum += in[i][j];
                            prod *= in[i][j];
                            s += cum + prod;
                        }
                    }
                    for (int k = 0; k < Math.min(rows, cols); k++) {
                        s += in[k][k] * in[k][k];
                    }
                    return s / (rows * cols);
                }
                """,
                p(m(d(0.3, 1.9, -0.7), d(1.1, 0.8, 0.2), d(-0.4, 1.2, 0.9)), 2.0)));
        l.add(of(
                "TransformOpValidation",
                "softmaxStd",
                """
                // softmax along each row, and logSoftmax under the standard deviation loss (not bias-corrected)
                @Differentiable(wrt = "in")
                static double softmaxStd(double[][] in) {
                    int n = in.length * in[0].length;
                    double[] ls = new double[n];
                    double meanSoftmax = 0;
                    int k = 0;
                    for (double[] row : in) {
                        double max = row[0];
                        for (double v : row) {
                            max = Math.max(max, v);
                        }
                        double z = 0;
                        for (double v : row) {
                            z += Math.exp(v - max);
                        }
                        for (double v : row) {
                            meanSoftmax += Math.exp(v - max) / z;
                            ls[k++] = v - max - Math.log(z);
                        }
                    }
                    double m = 0;
                    for (double v : ls) {
                        m += v;
                    }
                    m /= n;
                    double var = 0;
                    for (double v : ls) {
                        var += (v - m) * (v - m);
                    }
                    return Math.sqrt(var / n) + meanSoftmax / n;
                }
                """,
                p((Object) m(d(-4.1, 0.4, 2.9), d(0.7, -0.2, -2.6))),
                p((Object) m(d(1.0, 2.0, 3.0, 4.0)))));

        List<Object[]> reds = new ArrayList<>();
        double[] big = {-130.2, 45.1, 87.9, -12.4, 66.0, -98.7, 23.3, 151.6};
        double[] pos = {0.21, 0.47, 0.63, 0.09, 0.88, 0.35, 0.52, 0.74};
        for (String op : List.of(
                "mean",
                "sum",
                "stdev",
                "min",
                "max",
                "variance",
                "norm1",
                "norm2",
                "normmax",
                "amax",
                "amin",
                "asum",
                "amean")) {
            reds.add(p(big, op));
        }
        for (String op : List.of("prod", "entropy", "logsumexp", "sqnorm", "logEntropy")) {
            reds.add(p(pos, op));
        }
        l.add(new Ported(
                "dl4j.ReductionOpValidation.reductions",
                "deeplearning4j/deeplearning4j " + DIR + "ReductionOpValidation.java: testReductionGradientsSimple",
                "reductions",
                REDUCTIONS + """

                        @Differentiable(wrt = "in")
                        static double reductions(double[] in, String op) {
                            return reduce(in, op);
                        }
                        """,
                reds,
                List.of(),
                "static"));
        List<Object[]> mse = new ArrayList<>();
        double[][] in = m(d(0.3, -1.2, 0.8), d(1.7, 0.1, -0.6), d(-0.9, 0.5, 1.4), d(0.2, 2.2, -1.1));
        double[][] label = m(d(0.1, 0.4, -0.3), d(0.9, -0.7, 0.2), d(0.6, 0.8, 0.5), d(-0.5, 1.0, 0.3));
        for (String op : List.of(
                "mean",
                "sum",
                "stdev",
                "min",
                "max",
                "variance",
                "prod",
                "norm1",
                "norm2",
                "normmax",
                "amax",
                "amin",
                "asum",
                "amean",
                "sqnorm",
                "logsumexp")) {
            mse.add(p(in, label, op));
        }
        l.add(new Ported(
                "dl4j.ReductionOpValidation.msePerExample",
                "deeplearning4j/deeplearning4j " + DIR + "ReductionOpValidation.java: testReductionGradients1",
                "msePerExample",
                REDUCTIONS + """

                        // the mean squared error of each example (row), then the reduction over the minibatch
                        @Differentiable(wrt = "in")
                        static double msePerExample(double[][] in, double[][] label, String op) {
                            double[] mse = new double[in.length];
                            for (int i = 0; i < in.length; i++) {
                                for (int j = 0; j < in[i].length; j++) {
                                    double diff = in[i][j] - label[i][j];
                                    mse[i] += diff * diff;
                                }
                                mse[i] /= in[i].length;
                            }
                            return reduce(mse, op);
                        }
                        """,
                mse,
                List.of(),
                "static"));
        l.add(of(
                "ActivationGradChecks",
                "tanhStd",
                REDUCTIONS + """

                // testActivationGradientCheck1 and 2: std(tanh(x)) and std(tanh(x y)), bias-corrected
                @Differentiable(wrt = {"x", "y"})
                static double tanhStd(double[][] x, double[][] y, boolean mmul) {
                    int n = x.length;
                    int m = mmul ? y[0].length : x[0].length;
                    double[] t = new double[n * m];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < m; j++) {
                            double a = 0;
                            if (mmul) {
                                for (int k = 0; k < y.length; k++) {
                                    a += x[i][k] * y[k][j];
                                }
                            } else {
                                a = x[i][j];
                            }
                            t[i * m + j] = Math.tanh(a);
                        }
                    }
                    return Math.sqrt(variance(t, true));
                }
                """,
                p(m(d(0.3, 0.8, 0.1), d(0.6, 0.2, 0.9)), m(d(0.5, 0.4), d(0.1, 0.7), d(0.9, 0.3)), true),
                p(m(d(0.3, 0.8, 0.1), d(0.6, 0.2, 0.9)), m(d(0.5, 0.4), d(0.1, 0.7), d(0.9, 0.3)), false)));
        return l;
    }
}
