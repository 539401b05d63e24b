package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;
import static dev.adjoint.generator.translated.MlxFunctions.of;

import java.util.ArrayList;
import java.util.List;

/**
 * The losses of MLX's {@code python/mlx/nn/losses.py} at the inputs of {@code python/tests/test_losses.py}, written
 * as MLX computes them: {@code cross_entropy} over class indices with weights and label smoothing (the maximum
 * subtracted first, the smoothing through the mean logit; at the test's {@code -inf} logits too, where the loss and
 * its gradient are 0), {@code binary_cross_entropy} on logits ({@code logaddexp(0, x) - x t}) and on probabilities
 * (the logarithms clipped at -100), {@code l1}, {@code mse}, {@code smooth_l1} with {@code beta}, {@code nll},
 * {@code gaussian_nll} ({@code full}, the variances clamped at {@code eps}), {@code kl_div}, {@code triplet} for
 * p = 1, 2, 3, {@code hinge}, {@code huber}, {@code log_cosh}, {@code cosine_similarity} and {@code margin_ranking};
 * the reductions {@code none} (summed), {@code mean}, {@code sum}.
 */
final class MlxLosses {
    private MlxLosses() {}

    private static final String LOSSES = "python/tests/test_losses.py";

    static final String REDUCE = """
            static final int NONE = 0;
            static final int MEAN = 1;
            static final int SUM = 2;

            static double reduce(double total, int count, int reduction) {
                return reduction == MEAN ? total / count : total;
            }
            """;

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        double inf = Double.NEGATIVE_INFINITY;
        double[][] lg = m(d(2.0, -1.0), d(-1.0, 2.0));
        l.add(of(
                        LOSSES,
                        "crossEntropy",
                        REDUCE + """

                // cross_entropy(logits, indices, weights, label_smoothing, reduction)
                @Differentiable(wrt = "logits")
                static double crossEntropy(double[][] logits, int[] targets, double[] weights, double ls, int reduction) {
                    double total = 0;
                    for (int i = 0; i < logits.length; i++) {
                        int c = logits[i].length;
                        double mx = Double.NEGATIVE_INFINITY;
                        for (double e : logits[i]) {
                            mx = Math.max(mx, e);
                        }
                        double z = 0;
                        double mean = 0;
                        for (double e : logits[i]) {
                            z += Math.exp(e - mx);
                            mean += e - mx;
                        }
                        double score = logits[i][targets[i]] - mx;
                        double loss = ls > 0
                                ? Math.log(z) - (1 - ls) * score - mean / c * ls
                                : Math.log(z) - score;
                        total += weights[i] * loss;
                    }
                    return reduce(total, logits.length, reduction);
                }
                """,
                        p(lg, new int[] {0, 1}, d(1, 2), 0.0, 0),
                        p(lg, new int[] {0, 1}, d(1, 1), 0.3, 1),
                        p(m(d(0.2, 1.1, -0.4), d(-0.9, 0.3, 0.6)), new int[] {2, 0}, d(0.5, 1.5), 0.1, 2))
                .publishes(d(0, 0, 0, 0), 0, m(d(0.0, inf), d(inf, 0.0)), new int[] {0, 1}, d(1, 1), 0.0, 0));
        l.add(of(
                LOSSES,
                "binaryCrossEntropy",
                REDUCE + """

                // binary_cross_entropy(inputs, targets, weights, with_logits, reduction)
                @Differentiable(wrt = "inputs")
                static double binaryCrossEntropy(double[] inputs, double[] targets, double[] weights, boolean withLogits,
                        int reduction) {
                    double total = 0;
                    for (int i = 0; i < inputs.length; i++) {
                        double x = inputs[i];
                        double loss;
                        if (withLogits) {
                            double m = Math.max(0.0, x);
                            loss = m + Math.log(Math.exp(-m) + Math.exp(x - m)) - x * targets[i];
                        } else {
                            double logP = Math.max(Math.log(x), -100);
                            double log1mP = Math.max(Math.log(1 - x), -100);
                            loss = -(targets[i] * logP + (1 - targets[i]) * log1mP);
                        }
                        total += weights[i] * loss;
                    }
                    return reduce(total, inputs.length, reduction);
                }
                """,
                p(d(0.105361, 0.223144, 1.20397, 0.916291), d(0, 0, 1, 1), d(1, 1, 1, 1), true, 1),
                p(d(0.1, 0.1, 0.4, 0.4), d(0, 0, 1, 1), d(1, 2, 3, 4), false, 1),
                p(d(-2.3, 0.4, 5.1, -0.6), d(1, 0, 1, 0), d(0.5, 1, 1.5, 2), true, 2)));
        double[] pr = {2.1, -0.4, 0.75, 1.9};
        double[] tg = {1.5, 0.3, 0.8, -0.2};
        l.add(of(
                        LOSSES,
                        "regression",
                        REDUCE + """

                static final int L1 = 0;
                static final int MSE = 1;
                static final int SMOOTH_L1 = 2;
                static final int HUBER = 3;
                static final int LOG_COSH = 4;

                // l1_loss, mse_loss, smooth_l1_loss(beta), huber_loss(delta), log_cosh_loss
                @Differentiable(wrt = {"predictions", "targets"})
                static double regression(double[] predictions, double[] targets, int kind, double beta, int reduction) {
                    double total = 0;
                    for (int i = 0; i < predictions.length; i++) {
                        double e = predictions[i] - targets[i];
                        double a = Math.abs(e);
                        total += switch (kind) {
                            case L1 -> a;
                            case MSE -> e * e;
                            case SMOOTH_L1 -> a < beta ? 0.5 * a * a / beta : a - 0.5 * beta;
                            case HUBER -> {
                                double q = Math.min(a, beta);
                                yield 0.5 * q * q + beta * (a - q);
                            }
                            default -> {
                                double m = Math.max(e, -e);
                                yield m + Math.log(Math.exp(e - m) + Math.exp(-e - m)) - Math.log(2);
                            }
                        };
                    }
                    return reduce(total, predictions.length, reduction);
                }
                """,
                        p(pr, tg, 0, 1.0, 1),
                        p(pr, tg, 1, 1.0, 2),
                        p(pr, tg, 2, 0.5, 0),
                        p(pr, tg, 3, 0.5, 1),
                        p(pr, tg, 4, 1.0, 1))
                .publishes(
                        d(
                                Math.tanh(1) / 4,
                                Math.tanh(1) / 4,
                                Math.tanh(1) / 4,
                                Math.tanh(1) / 4,
                                -Math.tanh(1) / 4,
                                -Math.tanh(1) / 4,
                                -Math.tanh(1) / 4,
                                -Math.tanh(1) / 4),
                        1e-15,
                        d(1, 1, 1, 1),
                        d(0, 0, 0, 0),
                        4,
                        1.0,
                        1));
        double[] mu = {0.4, -1.1, 2.0, 0.3};
        double[] var = {0.5, 1.2, 1e-8, 2.4};
        l.add(of(
                        LOSSES,
                        "gaussianNll",
                        REDUCE + """

                // gaussian_nll_loss(inputs, targets, vars, full, eps = 1e-6, reduction)
                @Differentiable(wrt = {"inputs", "vars"})
                static double gaussianNll(double[] inputs, double[] targets, double[] vars, boolean full, int reduction) {
                    double total = 0;
                    for (int i = 0; i < inputs.length; i++) {
                        double v = Math.max(vars[i], 1e-6);
                        double r = targets[i] - inputs[i];
                        total += 0.5 * (Math.log(v) + r * r / v);
                        if (full) {
                            total += 0.5 * Math.log(2 * Math.PI);
                        }
                    }
                    return reduce(total, inputs.length, reduction);
                }
                """,
                        p(mu, tg, d(0.5, 1.2, 0.9, 2.4), false, 1),
                        p(mu, tg, d(0.5, 1.2, 0.9, 2.4), true, 2))
                .publishes(gaussianNllGradient(mu, tg, var), 1e-12, mu, tg, var, false, 1));
        double[][] pl = m(d(-0.3, -1.5, -2.1), d(-0.9, -0.7, -1.9));
        double[][] ql = m(d(-1.2, -0.6, -1.6), d(-0.4, -1.8, -1.3));
        l.add(of(LOSSES, "klDivNll", REDUCE + """

                // kl_div_loss(inputs, targets) = sum(exp(targets) (targets - inputs)); nll_loss(inputs, classes)
                @Differentiable(wrt = {"inputs", "targets"})
                static double klDivNll(double[][] inputs, double[][] targets, int[] classes, int reduction) {
                    double total = 0;
                    for (int i = 0; i < inputs.length; i++) {
                        for (int j = 0; j < inputs[i].length; j++) {
                            total += Math.exp(targets[i][j]) * (targets[i][j] - inputs[i][j]);
                        }
                        total -= inputs[i][classes[i]];
                    }
                    return reduce(total, inputs.length, reduction);
                }
                """, p(pl, ql, new int[] {2, 0}, 1), p(pl, ql, new int[] {1, 1}, 2)));
        double[][] an = m(d(0.5, -0.2, 0.9), d(-0.4, 0.8, 0.1));
        double[][] po = m(d(0.4, 0.1, 1.1), d(-0.6, 0.5, 0.3));
        double[][] ne = m(d(-0.3, 0.6, 0.2), d(0.2, 0.9, -0.5));
        l.add(of(
                LOSSES,
                "triplet",
                REDUCE + """

                // triplet_loss(anchors, positives, negatives, p, margin, eps = 1e-6)
                @Differentiable(wrt = {"a", "pos", "neg"})
                static double triplet(double[][] a, double[][] pos, double[][] neg, int p, double margin, int reduction) {
                    double total = 0;
                    for (int i = 0; i < a.length; i++) {
                        double dp = 0;
                        double dn = 0;
                        for (int j = 0; j < a[i].length; j++) {
                            dp += Math.pow(Math.abs(a[i][j] - pos[i][j]), p);
                            dn += Math.pow(Math.abs(a[i][j] - neg[i][j]), p);
                        }
                        double pd = Math.pow(dp + 1e-6, 1.0 / p);
                        double nd = Math.pow(dn + 1e-6, 1.0 / p);
                        total += Math.max(pd - nd + margin, 0);
                    }
                    return reduce(total, a.length, reduction);
                }
                """,
                p(an, po, ne, 2, 1.0, 0),
                p(an, po, ne, 1, 1.0, 1),
                p(an, po, ne, 3, 0.8, 2)));
        double[][] e1 = m(d(0.5, 0.5, 0.2, 0.9), d(0.1, 0.3, 0.5, 0.5));
        double[][] e2 = m(d(0.6, 0.4, 0.3, 0.8), d(0.2, 0.5, 0.6, 0.4));
        l.add(of(LOSSES, "cosineSimilarity", REDUCE + """

                // cosine_similarity_loss(x1, x2, eps = 1e-8): the test's values 0.985344, 0.961074
                @Differentiable
                static double cosineSimilarity(double[][] x1, double[][] x2, int reduction) {
                    double total = 0;
                    for (int i = 0; i < x1.length; i++) {
                        double dot = 0;
                        double n1 = 0;
                        double n2 = 0;
                        for (int j = 0; j < x1[i].length; j++) {
                            dot += x1[i][j] * x2[i][j];
                            n1 += x1[i][j] * x1[i][j];
                            n2 += x2[i][j] * x2[i][j];
                        }
                        total += dot / Math.max(Math.sqrt(n1) * Math.sqrt(n2), 1e-8);
                    }
                    return reduce(total, x1.length, reduction);
                }
                """, p(e1, e2, 0), p(e1, e2, 1)));
        l.add(of(
                LOSSES,
                "rankingHinge",
                REDUCE + """

                // margin_ranking_loss(x1, x2, targets, margin) + hinge_loss(x1, targets)
                @Differentiable(wrt = {"x1", "x2"})
                static double rankingHinge(double[] x1, double[] x2, double[] targets, double margin, int reduction) {
                    double total = 0;
                    for (int i = 0; i < x1.length; i++) {
                        total += Math.max(0, -targets[i] * (x1[i] - x2[i]) + margin);
                        total += Math.max(1 - x1[i] * targets[i], 0);
                    }
                    return reduce(total, x1.length, reduction);
                }
                """,
                p(d(-0.573409, -0.765166, -0.0638), d(0.75596, 0.225763, 0.256995), d(1, 1, -1), 0.0, 0),
                p(d(-0.573409, -0.765166, -0.0638), d(0.75596, 0.225763, 0.256995), d(1, 1, -1), 0.5, 1)));
        return l;
    }

    /** The mean Gaussian NLL's gradient in (inputs, vars); 0 in a variance clamped at eps (1e-6). */
    private static double[] gaussianNllGradient(double[] mu, double[] t, double[] var) {
        int n = mu.length;
        double[] g = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double v = Math.max(var[i], 1e-6);
            double r = t[i] - mu[i];
            g[i] = -r / v / n;
            g[n + i] = var[i] < 1e-6 ? 0 : 0.5 * (1 / v - r * r / (v * v)) / n;
        }
        return g;
    }
}
