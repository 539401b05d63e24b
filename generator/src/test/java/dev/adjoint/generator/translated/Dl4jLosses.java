package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * The loss functions of Deeplearning4j SameDiff's {@code LossOpValidation.testLoss2d} (and {@code testL2Loss}),
 * github.com/deeplearning4j/deeplearning4j {@code nd4j/nd4j-backends/nd4j-tests/src/test/java/org/nd4j/autodiff/
 * opvalidation/LossOpValidation.java}: each over a minibatch of predictions and labels ({@code double[][]}), with
 * weights (none, a scalar, per example, per output: a {@code double[][]} of the predictions' shape, differentiated
 * too, as SameDiff's gradient check does) and the four reductions ({@code NONE} then summed, {@code SUM},
 * {@code MEAN_BY_WEIGHT}, {@code MEAN_BY_NONZERO_WEIGHT_COUNT}: the count of nonzero weights, an {@code int}), written
 * in Java as loops with a shared reduction helper. The losses whose output has one value per example (cosine
 * distance, softmax cross-entropy, mean pairwise squared error, sparse softmax over {@code int[]} labels) weigh each
 * example by its row's first weight.
 */
final class Dl4jLosses {
    private Dl4jLosses() {}

    static final String REDUCE = """
            static final int NONE = 0;
            static final int SUM = 1;
            static final int MEAN_BY_WEIGHT = 2;
            static final int MEAN_BY_NONZERO_WEIGHT_COUNT = 3;

            // the weighted loss reduced (NONE is summed afterwards, as the test does to get a scalar)
            static double reduce(double[][] loss, double[][] w, int reduction) {
                double s = 0;
                double ws = 0;
                int nonZero = 0;
                for (int i = 0; i < loss.length; i++) {
                    for (int j = 0; j < loss[i].length; j++) {
                        s += w[i][j] * loss[i][j];
                        ws += w[i][j];
                        if (w[i][j] != 0) {
                            nonZero++;
                        }
                    }
                }
                switch (reduction) {
                    case NONE:
                    case SUM:
                        return s;
                    case MEAN_BY_WEIGHT:
                        return s / ws;
                    case MEAN_BY_NONZERO_WEIGHT_COUNT:
                        return s / nonZero;
                    default:
                        throw new IllegalArgumentException("reduction " + reduction);
                }
            }

            // one loss per example: each weighed by its row's first weight
            static double reducePerExample(double[] loss, double[][] w, int reduction) {
                double[][] l = new double[loss.length][1];
                double[][] we = new double[loss.length][1];
                for (int i = 0; i < loss.length; i++) {
                    l[i][0] = loss[i];
                    we[i][0] = w[i][0];
                }
                return reduce(l, we, reduction);
            }
            """;

    private static Ported loss(String method, String perElement, Object[]... points) {
        String body = REDUCE + "\n@Differentiable(wrt = {\"pred\", \"w\"})\nstatic double " + method
                + "(double[][] pred, double[][] labels, double[][] w, int reduction) {\n"
                + "    double[][] l = new double[pred.length][pred[0].length];\n"
                + "    for (int i = 0; i < pred.length; i++) {\n"
                + "        for (int j = 0; j < pred[i].length; j++) {\n"
                + "            double p = pred[i][j];\n"
                + "            double y = labels[i][j];\n"
                + perElement.stripIndent().indent(12)
                + "        }\n"
                + "    }\n"
                + "    return reduce(l, w, reduction);\n"
                + "}\n";
        return Dl4jFunctions.of("LossOpValidation", method, body, points);
    }

    private static Ported perExample(String method, String params, String perRow, Object[]... points) {
        String body = REDUCE + "\n@Differentiable(wrt = {\"pred\", \"w\"})\nstatic double " + method + "(" + params
                + ", double[][] w, int reduction) {\n"
                + "    double[] l = new double[pred.length];\n"
                + "    for (int i = 0; i < pred.length; i++) {\n"
                + "        double[] p = pred[i];\n"
                + perRow.stripIndent().indent(8)
                + "    }\n"
                + "    return reducePerExample(l, w, reduction);\n"
                + "}\n";
        return Dl4jFunctions.of("LossOpValidation", method, body, points);
    }

    static List<Ported> all() {
        double[][] pred = m(d(0.3, -1.2, 0.8), d(1.7, 0.1, -0.6), d(-0.9, 0.5, 1.4), d(0.2, 2.2, -1.1));
        double[][] labels = m(d(0.1, 0.4, -0.3), d(0.9, -0.7, 0.2), d(0.6, 0.8, 0.5), d(-0.5, 1.0, 0.3));
        double[][] binary = m(d(1, 0, 1), d(0, 0, 1), d(1, 1, 0), d(0, 1, 0));
        double[][] oneHot = m(d(1, 0, 0), d(0, 1, 0), d(0, 0, 1), d(1, 0, 0));
        double[][] probs = m(d(0.15, 0.42, 0.77), d(0.91, 0.33, 0.58), d(0.62, 0.08, 0.45), d(0.27, 0.69, 0.51));
        double[][] counts = m(d(0.4, 1.0, 2.3), d(3.1, 0.2, 1.5), d(0.9, 2.0, 0.6), d(1.2, 0.7, 4.0));
        double[][] ones = m(d(1, 1, 1), d(1, 1, 1), d(1, 1, 1), d(1, 1, 1));
        double[][] scalar = m(d(1.5, 1.5, 1.5), d(1.5, 1.5, 1.5), d(1.5, 1.5, 1.5), d(1.5, 1.5, 1.5));
        double[][] perEx = m(d(0.5, 0.5, 0.5), d(1, 1, 1), d(2, 2, 2), d(3, 3, 3));
        double[][] perOut = m(d(0, 0, 1), d(1, 1, 0), d(2, 2, 2), d(1, 0.5, 1));
        List<Ported> l = new ArrayList<>();
        l.add(loss(
                "absoluteDifference",
                "l[i][j] = Math.abs(p - y);",
                p(pred, labels, ones, 0),
                p(pred, labels, perOut, 2),
                p(pred, labels, perEx, 3),
                p(pred, labels, scalar, 1)));
        l.add(loss("hinge", """
                // labels 0 or 1, taken as -1 or 1
                l[i][j] = Math.max(0, 1 - p * (2 * y - 1));
                """, p(pred, binary, ones, 0), p(pred, binary, perOut, 2), p(pred, binary, perEx, 3)));
        l.add(loss("huber", """
                double delta = 1.0;
                double diff = y - p;
                double abs = Math.abs(diff);
                l[i][j] = abs <= delta ? 0.5 * diff * diff : delta * abs - 0.5 * delta * delta;
                """, p(pred, labels, ones, 1), p(pred, labels, perOut, 2), p(pred, labels, scalar, 3)));
        l.add(loss("logLoss", """
                double eps = 1e-7;
                l[i][j] = -(y * Math.log(p + eps) + (1 - y) * Math.log(1 - p + eps));
                """, p(probs, binary, ones, 0), p(probs, binary, perOut, 2), p(probs, binary, perEx, 3)));
        l.add(loss(
                "logPoisson", "l[i][j] = Math.exp(p) - y * p;", p(pred, counts, ones, 0), p(pred, counts, perOut, 2)));
        l.add(loss("logPoissonFull", """
                // with Stirling's term for log(y!)
                l[i][j] = Math.exp(p) - y * p + y * Math.log(y) - y + 0.5 * Math.log(2 * Math.PI * y);
                """, p(pred, counts, ones, 1), p(pred, counts, perEx, 3)));
        l.add(loss(
                "meanSquaredError",
                "l[i][j] = (y - p) * (y - p);",
                p(pred, labels, ones, 0),
                p(pred, labels, perOut, 2),
                p(pred, labels, scalar, 3)));
        l.add(loss(
                        "sigmoidCrossEntropy",
                        """
                // labels smoothed by 0.3 towards 1/2; log(1 + exp(-p)) in its stable form
                double smoothing = 0.3;
                double t = y * (1 - smoothing) + 0.5 * smoothing;
                l[i][j] = Math.max(p, 0) - p * t + Math.log1p(Math.exp(-Math.abs(p)));
                """,
                        p(pred, binary, ones, 0),
                        p(pred, binary, perOut, 2),
                        p(pred, binary, perEx, 3))
                .publishes(d(-0.35, Math.log(2)), 1e-15, m(d(0.0)), m(d(1.0)), m(d(1.0)), 1));
        l.add(perExample(
                "softmaxCrossEntropy",
                "double[][] pred, double[][] labels",
                """
                // labels smoothed by 0.1 towards 1/n, softmax by the max-shifted log-sum-exp
                double smoothing = 0.1;
                int n = p.length;
                double max = p[0];
                for (double v : p) {
                    max = Math.max(max, v);
                }
                double z = 0;
                for (double v : p) {
                    z += Math.exp(v - max);
                }
                double lse = max + Math.log(z);
                for (int j = 0; j < n; j++) {
                    double t = labels[i][j] * (1 - smoothing) + smoothing / n;
                    l[i] -= t * (p[j] - lse);
                }
                """,
                p(pred, oneHot, ones, 1),
                p(pred, oneHot, perEx, 2),
                p(pred, oneHot, scalar, 3)));
        l.add(perExample(
                "sparseSoftmax", "double[][] pred, int[] labels", """
                double max = p[0];
                for (double v : p) {
                    max = Math.max(max, v);
                }
                double z = 0;
                for (double v : p) {
                    z += Math.exp(v - max);
                }
                l[i] = max + Math.log(z) - p[labels[i]];
                """, p(pred, new int[] {0, 1, 2, 0}, ones, 1)));
        l.add(perExample(
                "meanPairwiseSquaredError",
                "double[][] pred, double[][] labels",
                """
                int n = p.length;
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        if (a != b) {
                            double e = (p[a] - p[b]) - (labels[i][a] - labels[i][b]);
                            l[i] += e * e;
                        }
                    }
                }
                l[i] /= n * (n - 1) / 2.0;
                """,
                p(pred, labels, ones, 0),
                p(pred, labels, perEx, 2),
                p(pred, labels, scalar, 3)));
        l.add(perExample(
                        "cosineDistance",
                        "double[][] pred, double[][] labels",
                        """
                // 1 - the dot product along dimension 1 (both assumed normalised, as DL4J and TensorFlow do)
                double dot = 0;
                for (int j = 0; j < p.length; j++) {
                    dot += p[j] * labels[i][j];
                }
                l[i] = 1 - dot;
                """,
                        p(pred, labels, ones, 1),
                        p(pred, labels, perEx, 2),
                        p(pred, labels, scalar, 3))
                .publishes(
                        d(0, 0, 0, 1, -2, -1, 1.4, 0),
                        1e-15,
                        m(d(-0.3, -0.2, -0.1), d(0, 0.1, 0.2)),
                        m(d(1.0, 2.0, 3.0), d(-1.0, 2.0, 1.0)),
                        m(d(0.0), d(1.0)),
                        2));
        l.add(Dl4jFunctions.of("LossOpValidation", "l2Loss", """
                // testL2Loss: half the sum of squares
                @Differentiable
                static double l2Loss(double[][] v) {
                    double s = 0;
                    for (double[] row : v) {
                        for (double x : row) {
                            s += x * x;
                        }
                    }
                    return 0.5 * s;
                }
                """, p((Object) pred))
                .publishes(d(0.3, -1.2, 0.8, 1.7, 0.1, -0.6), 1e-15, (Object) m(d(0.3, -1.2, 0.8), d(1.7, 0.1, -0.6))));
        return l;
    }
}
