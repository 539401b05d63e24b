package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;
import static dev.adjoint.generator.translated.TinygradFunctions.of;

import java.util.ArrayList;
import java.util.List;

/**
 * The losses and attention of tinygrad's {@code test/backend/test_ops.py}: {@code binary_crossentropy} on
 * probabilities, {@code binary_crossentropy_logits} with {@code pos_weight} (the labels {@code y.clip(0, 1)}
 * differentiated too, as the test does), {@code cross_entropy} with label smoothing 0, 0.3, 0.7, 1 over class
 * probabilities and over class indices, {@code nll_loss} of {@code log_softmax} with class weights under each
 * reduction, and with {@code ignore_index} at the test's logits (the gradient there published: each kept row's
 * {@code (softmax - onehot) / 2}), and causal {@code scaled_dot_product_attention} with its {@code -inf} mask added.
 */
final class TinygradLosses {
    private TinygradLosses() {}

    static final String LOG_SOFTMAX = """
            static double[] logSoftmax(double[] x) {
                double m = Double.NEGATIVE_INFINITY;
                for (double e : x) {
                    m = Math.max(m, e);
                }
                double z = 0;
                for (double e : x) {
                    z += Math.exp(e - m);
                }
                double lse = m + Math.log(z);
                double[] r = new double[x.length];
                for (int j = 0; j < x.length; j++) {
                    r[j] = x[j] - lse;
                }
                return r;
            }
            """;

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        double[][] logits = m(d(0.3, -1.1, 0.8, 1.9), d(-0.4, 0.6, -2.0, 0.2), d(1.2, 0.05, -0.7, 0.9));
        double[][] probs = m(d(0.1, 0.2, 0.3, 0.4), d(0.7, 0.1, 0.1, 0.1), d(0.25, 0.25, 0.4, 0.1));
        double[][] prob01 = m(d(0.2, 0.7, 0.55, 0.9), d(0.35, 0.05, 0.6, 0.4), d(0.8, 0.45, 0.15, 0.65));
        l.add(of("binaryCrossentropy", """
                // binary_crossentropy(p, y) = mean(-(y log p + (1 - y) log(1 - p)))
                @Differentiable
                static double binaryCrossentropy(double[][] p, double[][] y) {
                    double s = 0;
                    int n = 0;
                    for (int i = 0; i < p.length; i++) {
                        for (int j = 0; j < p[i].length; j++) {
                            s -= y[i][j] * Math.log(p[i][j]) + (1 - y[i][j]) * Math.log(1 - p[i][j]);
                            n++;
                        }
                    }
                    return s / n;
                }
                """, p(prob01, probs)));
        l.add(of(
                "bceLogitsPosWeight",
                """
                static double softplus(double z) {
                    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
                }

                // binary_crossentropy_logits(x, y.clip(0, 1), pos_weight):
                // mean(-(pw y log sigmoid(x) + (1 - y) log(1 - sigmoid(x))))
                @Differentiable
                static double bceLogitsPosWeight(double[][] x, double[][] y, double[] posWeight) {
                    double s = 0;
                    int n = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x[i].length; j++) {
                            double t = Math.min(Math.max(y[i][j], 0), 1);
                            s += posWeight[j] * t * softplus(-x[i][j]) + (1 - t) * softplus(x[i][j]);
                            n++;
                        }
                    }
                    return s / n;
                }
                """,
                p(
                        logits,
                        m(d(0.2, 1.3, 0.55, -0.4), d(0.35, 0.05, 0.6, 0.4), d(0.8, 0.45, 0.15, 0.65)),
                        d(0.25, 0.5, 2.0, 7.0))));
        l.add(of(
                "crossEntropySmoothing",
                LOG_SOFTMAX + """

                // cross_entropy(x, y, label_smoothing=ls) with class probabilities y: mean over the batch of
                // -sum_c ((1 - ls) y_c + ls / C) log_softmax(x)_c
                @Differentiable(wrt = {"x", "y"})
                static double crossEntropySmoothing(double[][] x, double[][] y, double ls) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double[] lsm = logSoftmax(x[i]);
                        int c = x[i].length;
                        for (int j = 0; j < c; j++) {
                            s -= ((1 - ls) * y[i][j] + ls / c) * lsm[j];
                        }
                    }
                    return s / x.length;
                }
                """,
                p(logits, probs, 0.0),
                p(logits, probs, 0.3),
                p(logits, probs, 0.7),
                p(logits, probs, 1.0)));
        l.add(of(
                "crossEntropyClasses",
                LOG_SOFTMAX + """

                // cross_entropy(x, classes, label_smoothing=ls): the one-hot target smoothed
                @Differentiable(wrt = "x")
                static double crossEntropyClasses(double[][] x, int[] classes, double ls) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double[] lsm = logSoftmax(x[i]);
                        int c = x[i].length;
                        for (int j = 0; j < c; j++) {
                            double target = (j == classes[i] ? 1 - ls : 0) + ls / c;
                            s -= target * lsm[j];
                        }
                    }
                    return s / x.length;
                }
                """,
                p(logits, new int[] {3, 0, 2}, 0.0),
                p(logits, new int[] {1, 1, 0}, 0.3),
                p(logits, new int[] {2, 3, 1}, 1.0)));
        l.add(of(
                "nllLossWeight",
                LOG_SOFTMAX + """

                static final int MEAN = 0;
                static final int SUM = 1;
                static final int NONE = 2;

                // log_softmax(x, 1).nll_loss(target, weight, reduction); NONE summed as the test's backward does
                @Differentiable(wrt = "x")
                static double nllLossWeight(double[][] x, int[] target, double[] weight, int reduction) {
                    double s = 0;
                    double ws = 0;
                    for (int i = 0; i < x.length; i++) {
                        double[] lsm = logSoftmax(x[i]);
                        s -= weight[target[i]] * lsm[target[i]];
                        ws += weight[target[i]];
                    }
                    return switch (reduction) {
                        case MEAN -> s / ws;
                        case SUM, NONE -> s;
                        default -> throw new IllegalArgumentException("reduction " + reduction);
                    };
                }
                """,
                p(logits, new int[] {3, 0, 2}, d(0.8, -0.3, 1.4, 0.6), 0),
                p(logits, new int[] {3, 0, 2}, d(0.8, -0.3, 1.4, 0.6), 1),
                p(logits, new int[] {1, 1, 0}, d(0.8, -0.3, 1.4, 0.6), 2)));
        double[][] tl = m(d(2.0, 0.5, -1.0), d(1.5, 2.5, -0.5), d(0.0, -2.0, 1.0));
        double[] ig = new double[9];
        int[] target = {0, 1, 2};
        for (int r = 0; r < 3; r++) {
            if (r == 1) {
                continue;
            }
            double z = 0;
            for (double e : tl[r]) {
                z += Math.exp(e);
            }
            for (int c = 0; c < 3; c++) {
                ig[3 * r + c] = (Math.exp(tl[r][c]) / z - (c == target[r] ? 1 : 0)) / 2;
            }
        }
        l.add(of("nllLossIgnoreIndex", LOG_SOFTMAX + """

                // log_softmax(x).nll_loss(target, ignore_index): the mean over the rows kept
                @Differentiable(wrt = "x")
                static double nllLossIgnoreIndex(double[][] x, int[] target, int ignoreIndex) {
                    double s = 0;
                    int n = 0;
                    for (int i = 0; i < x.length; i++) {
                        if (target[i] == ignoreIndex) {
                            continue;
                        }
                        double[] lsm = logSoftmax(x[i]);
                        s -= lsm[target[i]];
                        n++;
                    }
                    return s / n;
                }
                """, p(tl, target, 1), p(logits, new int[] {3, 0, 2}, 0))
                .publishes(ig, 1e-15, tl, target, 1));
        double[][] q = m(d(0.3, -0.5), d(0.8, 0.1), d(-0.6, 0.9));
        double[][] k = m(d(0.2, 0.7), d(-0.4, 0.3), d(0.5, -0.8));
        double[][] vv = m(d(1.0, -0.2), d(0.4, 0.6), d(-0.7, 0.3));
        l.add(of("attentionCausal", """
                // scaled_dot_product_attention(q, k, v, is_causal=True): softmax(q k^T / sqrt(d) + mask) v, the
                // mask -inf above the diagonal; the output flattened
                @Differentiable
                static double[] attentionCausal(double[][] q, double[][] k, double[][] v) {
                    int n = q.length;
                    int d = q[0].length;
                    double[] out = new double[n * d];
                    for (int i = 0; i < n; i++) {
                        double[] sc = new double[n];
                        double m = Double.NEGATIVE_INFINITY;
                        for (int j = 0; j < n; j++) {
                            double dot = 0;
                            for (int c = 0; c < d; c++) {
                                dot += q[i][c] * k[j][c];
                            }
                            double mask = j > i ? Double.NEGATIVE_INFINITY : 0;
                            sc[j] = dot / Math.sqrt(d) + mask;
                            m = Math.max(m, sc[j]);
                        }
                        double z = 0;
                        for (int j = 0; j < n; j++) {
                            sc[j] = Math.exp(sc[j] - m);
                            z += sc[j];
                        }
                        for (int c = 0; c < d; c++) {
                            double s = 0;
                            for (int j = 0; j < n; j++) {
                                s += sc[j] / z * v[j][c];
                            }
                            out[i * d + c] = s;
                        }
                    }
                    return out;
                }
                """, p(q, k, vv)));
        l.add(of(
                "sparseCategoricalFloat",
                """
                // sparse_categorical_crossentropy in float32, tinygrad's default dtype: log_softmax by the maximum,
                // Float's -inf, (float) casts of Math's double results, the label smoothing spread over the classes
                @Differentiable(wrt = "x")
                static float sparseCategoricalFloat(float[][] x, int[] y, float ls) {
                    float total = 0f;
                    for (int i = 0; i < x.length; i++) {
                        float m = Float.NEGATIVE_INFINITY;
                        for (float e : x[i]) {
                            m = Math.max(m, e);
                        }
                        float z = 0f;
                        for (float e : x[i]) {
                            z += Math.exp(e - m);
                        }
                        float lse = m + (float) Math.log(z);
                        int c = x[i].length;
                        for (int j = 0; j < c; j++) {
                            float target = (j == y[i] ? 1 - ls : 0f) + ls / c;
                            total -= target * (x[i][j] - lse);
                        }
                    }
                    return total / x.length;
                }
                """,
                p(new float[][] {{0.3f, -1.1f, 0.8f, 1.9f}, {-0.4f, 0.6f, -2.0f, 0.2f}}, new int[] {3, 1}, 0.1f),
                p(new float[][] {{2.5f, 0.1f, -0.7f}, {1.2f, 1.3f, 1.1f}}, new int[] {0, 2}, 0f)));
        l.add(of("geluMishFloat", """
                // gelu (tanh) and mish on a float32 tensor, summed with weights
                @Differentiable
                static float geluMishFloat(float[] x) {
                    float s = 0f;
                    float c = (float) Math.sqrt(2 / Math.PI);
                    for (int i = 0; i < x.length; i++) {
                        float v = x[i];
                        float gelu = 0.5f * v * (1f + (float) Math.tanh(c * (v + 0.044715f * v * v * v)));
                        float sp = Math.max(v, 0f) + (float) Math.log1p(Math.exp(-Math.abs(v)));
                        float mish = v * (float) Math.tanh(sp);
                        s += (i + 1) * gelu + (i + 2) * mish;
                    }
                    return s;
                }
                """, p(new float[] {-2.2f, -0.6f, 0.15f, 0.9f, 3.4f})));
        List<Object[]> fpts = new ArrayList<>();
        for (int kind = 0; kind < 9; kind++) {
            fpts.add(p(new float[] {-3.1f, -0.7f, -0.2f, 0.35f, 1.2f, 4.4f}, kind));
        }
        l.add(new Ported(
                "tinygrad.test_ops.activationsFloat",
                "tinygrad/tinygrad test/backend/test_ops.py",
                "activationsFloat",
                """
                // float32 activations as a Java programmer writes them: Math's float overloads (max, min, abs,
                // signum, copySign) and (float) casts of its double functions
                static float act(int k, float x) {
                    switch (k) {
                        case 0: return Math.max(0.01f * x, x);                                  // leaky_relu
                        case 1: return x / (1f + Math.abs(x));                                  // softsign
                        case 2: return Math.min(Math.max(x + 3f, 0f), 6f) * x / 6f;             // hardswish
                        case 3: return Math.abs(x) > 0.5f ? x - Math.signum(x) * 0.5f : 0f;     // softshrink
                        case 4: return x * (float) (1 / (1 + Math.exp(-1.702f * x)));           // quick_gelu
                        case 5: return Math.copySign(x * x, x - 1f);                             // copysign
                        case 6: return x > 0 ? x : (float) Math.expm1(x);                      // elu
                        case 7: return (float) Math.log(Math.exp(x) + 1.0);                    // softplus
                        default: return Math.max(-1.5f, Math.min(1.5f, x));                    // hardtanh
                    }
                }

                @Differentiable
                static float[] activationsFloat(float[] x, int k) {
                    float[] r = new float[x.length];
                    for (int i = 0; i < x.length; i++) {
                        r[i] = act(k, x[i]) * (1 + 0.5f * i);
                    }
                    return r;
                }
                """,
                fpts,
                List.of(),
                "static"));
        l.add(of("softmaxFloat", """
                // softmax in float32 over a matrix's rows, the result flattened
                @Differentiable
                static float[] softmaxFloat(float[][] x) {
                    int c = x[0].length;
                    float[] out = new float[x.length * c];
                    for (int i = 0; i < x.length; i++) {
                        float m = Float.NEGATIVE_INFINITY;
                        for (int j = 0; j < c; j++) {
                            m = Math.max(m, x[i][j]);
                        }
                        float z = 0;
                        for (int j = 0; j < c; j++) {
                            out[i * c + j] = (float) Math.exp(x[i][j] - m);
                            z += out[i * c + j];
                        }
                        for (int j = 0; j < c; j++) {
                            out[i * c + j] /= z;
                        }
                    }
                    return out;
                }
                """, p((Object) new float[][] {{0.3f, -1.1f, 0.8f}, {2.0f, 1.9f, -0.4f}})));
        return l;
    }
}
