package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;
import static dev.adjoint.generator.translated.TinygradFunctions.of;

import java.util.ArrayList;
import java.util.List;

/**
 * The tensor ops of tinygrad's {@code test/backend/test_ops.py} whose gradients it checks against PyTorch, written
 * as loops over {@code double[]}/{@code double[][]}: the scans ({@code cumsum}, {@code cummax}, {@code logcumsumexp}),
 * {@code softmin}, {@code normalize} for p = 1, 2, 3 and -1, {@code var}/{@code std_mean} with a correction,
 * {@code logsumexp}, {@code max_pool2d} with padding and stride, {@code avg_pool2d} not counting the padding,
 * {@code conv1d} with stride, asymmetric padding and dilation, {@code conv_transpose1d} with dilation,
 * {@code interpolate(mode="linear", align_corners=True)} down and up, reflect padding, {@code roll},
 * {@code topk} by a selection sort, {@code einsum('ii->')} and {@code ('ii->i')}, causal
 * {@code scaled_dot_product_attention}, and the losses ({@code binary_crossentropy_logits} with
 * {@code pos_weight}, {@code cross_entropy} with label smoothing over probabilities and over class indices,
 * {@code nll_loss} with class weights and each reduction, with {@code ignore_index}).
 */
final class TinygradOps {
    private TinygradOps() {}

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        double[] v = {0.4, -1.3, 0.9, 2.2, -0.6, 1.7, 0.1};
        l.add(of("cumsum", """
                @Differentiable
                static double[] cumsum(double[] x) {
                    double[] r = new double[x.length];
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i];
                        r[i] = s;
                    }
                    return r;
                }
                """, p(v)));
        l.add(of("cummax", """
                // cummax(...).values: the running maximum
                @Differentiable
                static double[] cummax(double[] x) {
                    double[] r = new double[x.length];
                    double m = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < x.length; i++) {
                        if (x[i] > m) {
                            m = x[i];
                        }
                        r[i] = m;
                    }
                    return r;
                }
                """, p(v), p(d(3.0, 1.0, 2.0, 0.5))));
        l.add(of("logcumsumexp", """
                // logcumsumexp: acc = logaddexp(acc, x_i), stable
                @Differentiable
                static double[] logcumsumexp(double[] x) {
                    double[] r = new double[x.length];
                    double acc = x[0];
                    r[0] = acc;
                    for (int i = 1; i < x.length; i++) {
                        double m = Math.max(acc, x[i]);
                        acc = m + Math.log(Math.exp(acc - m) + Math.exp(x[i] - m));
                        r[i] = acc;
                    }
                    return r;
                }
                """, p(v), p(d(-100.0, 50.0, 49.0, 800.0))));
        double[][] x2 = m(d(0.3, -1.1, 0.8, 1.9), d(-0.4, 0.6, -2.0, 0.2), d(1.2, 0.05, -0.7, 0.9));
        l.add(of("softmin", """
                // Softmin(dim=1) = softmax(-x), weighted
                @Differentiable
                static double softmin(double[][] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double m = Double.NEGATIVE_INFINITY;
                        for (double e : x[i]) {
                            m = Math.max(m, -e);
                        }
                        double z = 0;
                        for (double e : x[i]) {
                            z += Math.exp(-e - m);
                        }
                        for (int j = 0; j < x[i].length; j++) {
                            s += (1 + i + 2 * j) * Math.exp(-x[i][j] - m) / z;
                        }
                    }
                    return s;
                }
                """, p((Object) x2)));
        l.add(of("normalize", """
                // F.normalize(x, p, dim=1): x / max(||x||_p, 1e-12), weighted
                @Differentiable(wrt = "x")
                static double normalize(double[][] x, double p) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double n = 0;
                        for (double e : x[i]) {
                            n += Math.pow(Math.abs(e), p);
                        }
                        n = Math.max(Math.pow(n, 1 / p), 1e-12);
                        for (int j = 0; j < x[i].length; j++) {
                            s += (1 + i + 2 * j) * x[i][j] / n;
                        }
                    }
                    return s;
                }
                """, p(x2, 2.0), p(x2, 1.0), p(x2, 3.0), p(x2, -1.0)));
        l.add(of("varStdMean", """
                // var(1, correction), std_mean(correction): each row's variance, standard deviation and mean
                @Differentiable(wrt = "x")
                static double varStdMean(double[][] x, int correction) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        int n = x[i].length;
                        double mean = 0;
                        for (double e : x[i]) {
                            mean += e;
                        }
                        mean /= n;
                        double ss = 0;
                        for (double e : x[i]) {
                            ss += (e - mean) * (e - mean);
                        }
                        double var = ss / Math.max(0, n - correction);
                        s += (i + 1) * var + (i + 2) * Math.sqrt(var) + (i + 3) * mean;
                    }
                    return s;
                }
                """, p(x2, 1), p(x2, 0), p(x2, 3)));
        l.add(of("logsumexp", """
                @Differentiable
                static double logsumexp(double[][] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double m = Double.NEGATIVE_INFINITY;
                        for (double e : x[i]) {
                            m = Math.max(m, e);
                        }
                        double z = 0;
                        for (double e : x[i]) {
                            z += Math.exp(e - m);
                        }
                        s += (i + 1) * (m + Math.log(z));
                    }
                    return s;
                }
                """, p((Object) x2), p((Object) m(d(1000, 999, -5), d(-800, -801, -802)))));
        double[][] img = m(
                d(0.11, 0.93, -0.42, 0.57, -0.18),
                d(-0.66, 0.24, 0.81, -0.09, 0.38),
                d(0.49, -0.77, 0.05, 0.72, -0.31),
                d(0.86, 0.14, -0.55, 0.29, 0.63),
                d(-0.23, 0.68, 0.36, -0.84, 0.02));
        l.add(of("maxPool2d", """
                // max_pool2d(kernel (kh, kw), stride, padding p): the padding is -inf
                @Differentiable(wrt = "x")
                static double[] maxPool2d(double[][] x, int kh, int kw, int stride, int pad) {
                    int h = x.length;
                    int w = x[0].length;
                    int oh = (h + 2 * pad - kh) / stride + 1;
                    int ow = (w + 2 * pad - kw) / stride + 1;
                    double[] out = new double[oh * ow];
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            double m = Double.NEGATIVE_INFINITY;
                            for (int a = 0; a < kh; a++) {
                                for (int b = 0; b < kw; b++) {
                                    int r = i * stride + a - pad;
                                    int c = j * stride + b - pad;
                                    if (r >= 0 && r < h && c >= 0 && c < w && x[r][c] > m) {
                                        m = x[r][c];
                                    }
                                }
                            }
                            out[i * ow + j] = m;
                        }
                    }
                    return out;
                }
                """, p(img, 3, 3, 1, 1), p(img, 2, 2, 2, 1), p(img, 3, 2, 2, 0)));
        l.add(of("avgPool2d", """
                // avg_pool2d(kernel k, stride k, padding 1, count_include_pad=False)
                @Differentiable(wrt = "x")
                static double[] avgPool2d(double[][] x, int kh, int kw) {
                    int h = x.length;
                    int w = x[0].length;
                    int oh = (h + 2 - kh) / kh + 1;
                    int ow = (w + 2 - kw) / kw + 1;
                    double[] out = new double[oh * ow];
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            double s = 0;
                            int count = 0;
                            for (int a = 0; a < kh; a++) {
                                for (int b = 0; b < kw; b++) {
                                    int r = i * kh + a - 1;
                                    int c = j * kw + b - 1;
                                    if (r >= 0 && r < h && c >= 0 && c < w) {
                                        s += x[r][c];
                                        count++;
                                    }
                                }
                            }
                            out[i * ow + j] = s / count;
                        }
                    }
                    return out;
                }
                """, p(img, 3, 3), p(img, 2, 2), p(img, 3, 2)));
        double[] sig = {0.3, -0.8, 1.1, 0.45, -0.25, 0.9, -1.4};
        l.add(of(
                "conv1d",
                """
                // conv1d(pad(x, (left, right)), w, stride, dilation), one channel
                @Differentiable
                static double[] conv1d(double[] x, double[] w, int stride, int left, int right, int dilation) {
                    int n = x.length + left + right;
                    int span = dilation * (w.length - 1) + 1;
                    int outLen = (n - span) / stride + 1;
                    double[] out = new double[outLen];
                    for (int o = 0; o < outLen; o++) {
                        double s = 0;
                        for (int k = 0; k < w.length; k++) {
                            int i = o * stride + k * dilation - left;
                            if (i >= 0 && i < x.length) {
                                s += w[k] * x[i];
                            }
                        }
                        out[o] = s;
                    }
                    return out;
                }
                """,
                p(sig, d(0.5, -0.2, 0.7), 2, 0, 0, 1),
                p(d(0.3, -0.8, 1.1), d(0.6, -0.9), 1, 2, 1, 1),
                p(sig, d(0.5, -0.2, 0.7), 1, 1, 1, 2)));
        l.add(of(
                "convTranspose1d",
                """
                // conv_transpose1d(x, w, dilation): each input scattered through the dilated kernel
                @Differentiable
                static double[] convTranspose1d(double[] x, double[] w, int dilation) {
                    double[] out = new double[x.length + dilation * (w.length - 1)];
                    for (int i = 0; i < x.length; i++) {
                        for (int k = 0; k < w.length; k++) {
                            out[i + k * dilation] += x[i] * w[k];
                        }
                    }
                    return out;
                }
                """,
                p(d(0.3, -0.8, 1.1, 0.45), d(0.5, -0.2, 0.7), 2),
                p(d(0.3, -0.8), d(0.5, -0.2, 0.7), 1)));
        l.add(of("interpolateLinear", """
                // interpolate(x, size, mode="linear", align_corners=True)
                @Differentiable(wrt = "x")
                static double[] interpolateLinear(double[] x, int size) {
                    double[] out = new double[size];
                    double scale = size > 1 ? (x.length - 1.0) / (size - 1) : 0;
                    for (int o = 0; o < size; o++) {
                        double pos = o * scale;
                        int i0 = (int) Math.floor(pos);
                        int i1 = Math.min(i0 + 1, x.length - 1);
                        double t = pos - i0;
                        out[o] = x[i0] * (1 - t) + x[i1] * t;
                    }
                    return out;
                }
                """, p(sig, 4), p(d(0.3, -0.8, 1.1), 7)));
        l.add(of(
                "padReflectRoll",
                """
                // pad(x, (left, right), mode="reflect") then roll(shift): a permutation with repeats
                @Differentiable(wrt = "x")
                static double[] padReflectRoll(double[] x, int left, int right, int shift) {
                    int n = x.length;
                    double[] p = new double[n + left + right];
                    for (int i = 0; i < p.length; i++) {
                        int j = i - left;
                        if (j < 0) {
                            j = -j;
                        }
                        if (j >= n) {
                            j = 2 * (n - 1) - j;
                        }
                        p[i] = x[j];
                    }
                    double[] r = new double[p.length];
                    for (int i = 0; i < p.length; i++) {
                        r[((i + shift) % p.length + p.length) % p.length] = p[i];
                    }
                    return r;
                }
                """,
                p(d(0.3, -0.8, 1.1, 0.45, -0.25), 3, 2, 1),
                p(d(0.3, -0.8, 1.1, 0.45, -0.25), 4, 4, -1)));
        l.add(of("topk", """
                // topk(k).values (largest, sorted) by a selection sort on a copy, weighted
                @Differentiable(wrt = "x")
                static double topk(double[] x, int k) {
                    double[] a = x.clone();
                    double s = 0;
                    for (int i = 0; i < k; i++) {
                        int best = i;
                        for (int j = i + 1; j < a.length; j++) {
                            if (a[j] > a[best]) {
                                best = j;
                            }
                        }
                        double t = a[i];
                        a[i] = a[best];
                        a[best] = t;
                        s += (k - i) * a[i] * a[i];
                    }
                    return s;
                }
                """, p(v, 3), p(v, 7))
                .publishes(d(0, 0, 2 * 0.9, 3 * 2 * 2.2, 0, 2 * 2 * 1.7, 0), 1e-15, v, 3));
        l.add(of("einsumTrace", """
                // einsum('ii->', a) + einsum('ii->i', a) . c + einsum('i,i', a[0], c)
                @Differentiable(wrt = "a")
                static double einsumTrace(double[][] a, double[] c) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                        s += a[i][i] + a[i][i] * c[i] + a[0][i] * c[i];
                    }
                    return s;
                }
                """, p(m(d(1, 2, 3), d(4, 5, 6), d(7, 8, 9)), d(0.5, -1, 2)))
                .publishes(
                        d(1 + 0.5 + 0.5, -1, 2, 0, 1 - 1, 0, 0, 0, 1 + 2),
                        0,
                        m(d(1, 2, 3), d(4, 5, 6), d(7, 8, 9)),
                        d(0.5, -1, 2)));
        l.addAll(TinygradLosses.all());
        return l;
    }
}
