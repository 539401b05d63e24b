package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;
import static dev.adjoint.generator.translated.MlxFunctions.of;

import java.util.ArrayList;
import java.util.List;

/**
 * MLX's activations that the other translated suites lack ({@code python/mlx/nn/layers/activations.py}), its
 * normalization layers ({@code normalization.py}: {@code RMSNorm}, {@code LayerNorm} with affine parameters
 * differentiated too), rotary position embedding ({@code positional_encoding.py}: {@code RoPE} over pairs of features,
 * traditional form), and the losses of {@code python/mlx/nn/losses.py} that {@code python/tests/test_losses.py}
 * checks (see {@link MlxLosses}).
 */
final class MlxLayers {
    private MlxLayers() {}

    private static final String ACT = "python/mlx/nn/layers/activations.py";
    private static final String NORM = "python/mlx/nn/layers/normalization.py";

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        double[] xs = {-2.6, -0.8, -0.3, 0.2, 0.45, 0.9, 1.7, 3.1};
        List<Object[]> pts = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            pts.add(p(xs, k));
        }
        l.add(new Ported(
                "mlx.activations.activation", "ml-explore/mlx " + ACT, "activation", """
                static double act(int k, double x) {
                    return switch (k) {
                        case 0 -> Math.max(x, 0) * Math.max(x, 0);                           // relu2
                        case 1 -> Math.abs(x) > 0.5 ? x - Math.signum(x) * 0.5 : 0;          // softshrink
                        case 2 -> Math.abs(x) > 0.5 ? x : 0;                                 // hard_shrink
                        case 3 -> Math.max(x, 0.0) + 1.5 * (Math.exp(Math.min(x, 0.0) / 1.5) - 1); // celu
                        case 4 -> Math.max(0.01 * x, x);                                     // leaky_relu
                        case 5 -> x >= 0 ? 1 : 0;                                            // step
                        default -> Math.min(Math.max(x, -1.0), 1.0);                         // hard_tanh
                    };
                }

                @Differentiable
                static double activation(double[] x, int k) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += (1 + 0.25 * i) * act(k, x[i]);
                    }
                    return s;
                }
                """, pts, List.of(), "static"));
        l.add(of(ACT, "gluPrelu", """
                // glu(x) = a * sigmoid(b) with (a, b) the halves of x; prelu(x, alpha) = max(0, x) + alpha min(0, x)
                @Differentiable
                static double gluPrelu(double[] x, double alpha) {
                    int h = x.length / 2;
                    double s = 0;
                    for (int i = 0; i < h; i++) {
                        s += x[i] / (1 + Math.exp(-x[h + i]));
                    }
                    for (int i = 0; i < x.length; i++) {
                        s += (i + 1) * (Math.max(0, x[i]) + alpha * Math.min(0, x[i]));
                    }
                    return s;
                }
                """, p(xs, 0.25), p(d(0.3, -1.4, 2.2, -0.05), -0.6)));
        double[][] x = m(d(0.4, -1.2, 0.9, 2.3), d(-0.7, 0.1, 0.35, -0.2), d(1.6, -0.45, 0.8, 0.05));
        l.add(of(NORM, "rmsNorm", """
                // RMSNorm: x / sqrt(mean(x^2) + eps) * weight, contracted with fixed factors
                @Differentiable
                static double rmsNorm(double[][] x, double[] weight) {
                    double eps = 1e-5;
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double ms = 0;
                        for (double e : x[i]) {
                            ms += e * e;
                        }
                        double r = 1 / Math.sqrt(ms / x[i].length + eps);
                        for (int j = 0; j < x[i].length; j++) {
                            s += Math.sin(i + 2.0 * j) * x[i][j] * r * weight[j];
                        }
                    }
                    return s;
                }
                """, p(x, d(1, 1, 1, 1)), p(x, d(0.5, 1.5, -0.8, 1.2))));
        l.add(of(
                NORM,
                "layerNorm",
                """
                // LayerNorm: (x - mean) / sqrt(var + eps) * weight + bias, contracted with fixed factors
                @Differentiable
                static double layerNorm(double[][] x, double[] weight, double[] bias) {
                    double eps = 1e-5;
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        int n = x[i].length;
                        double mean = 0;
                        for (double e : x[i]) {
                            mean += e;
                        }
                        mean /= n;
                        double var = 0;
                        for (double e : x[i]) {
                            var += (e - mean) * (e - mean);
                        }
                        var /= n;
                        double r = 1 / Math.sqrt(var + eps);
                        for (int j = 0; j < n; j++) {
                            double y = (x[i][j] - mean) * r * weight[j] + bias[j];
                            s += Math.cos(1.0 + i - 0.7 * j) * y * y;
                        }
                    }
                    return s;
                }
                """,
                p(x, d(1, 1, 1, 1), d(0, 0, 0, 0)),
                p(x, d(0.5, 1.5, -0.8, 1.2), d(0.1, -0.2, 0.3, 0.05))));
        l.add(of("python/mlx/nn/layers/positional_encoding.py", "rope", """
                // RoPE(dims, traditional=True, base=10000): each pair (x_2k, x_2k+1) of row t rotated by
                // t * scale * base^(-2k/dims); the output flattened
                @Differentiable(wrt = {"x", "scale"})
                static double[] rope(double[][] x, double scale, int offset) {
                    int n = x.length;
                    int dims = x[0].length;
                    double[] out = new double[n * dims];
                    for (int t = 0; t < n; t++) {
                        for (int k = 0; k < dims / 2; k++) {
                            double theta = (t + offset) * scale * Math.pow(10000.0, -2.0 * k / dims);
                            double c = Math.cos(theta);
                            double sn = Math.sin(theta);
                            double a = x[t][2 * k];
                            double b = x[t][2 * k + 1];
                            out[t * dims + 2 * k] = a * c - b * sn;
                            out[t * dims + 2 * k + 1] = a * sn + b * c;
                        }
                    }
                    return out;
                }
                """, p(x, 1.0, 0), p(x, 0.5, 3)));
        double[][] seq = m(d(0.5, -0.3), d(0.1, 0.8), d(-0.6, 0.2), d(0.9, -0.4));
        double[][] wx = m(d(0.3, -0.2), d(0.1, 0.4), d(-0.5, 0.2), d(0.25, 0.15), d(-0.1, 0.3), d(0.45, -0.35));
        double[][] wh = m(d(0.2, -0.1), d(0.05, 0.3), d(-0.25, 0.1), d(0.15, -0.2), d(0.3, 0.1), d(-0.05, 0.25));
        l.add(of(
                "python/mlx/nn/layers/recurrent.py",
                "gru",
                """
                // nn.GRU: x projected once (Wx, b), then per step rz = sigmoid(x_rz + h Wh_rz), n = tanh(x_n + r (h Wh_n
                // + bhn)), h = (1 - z) n + z h; the first step has no hidden state (MLX's hidden is None); every hidden
                // state, flattened
                @Differentiable
                static double[] gru(double[][] x, double[][] wx, double[][] wh, double[] b, double[] bhn) {
                    int steps = x.length;
                    int hs = bhn.length;
                    double[] out = new double[steps * hs];
                    double[] h = new double[hs];
                    double[] next = new double[hs];
                    for (int t = 0; t < steps; t++) {
                        for (int j = 0; j < hs; j++) {
                            double xr = b[j];
                            double xz = b[hs + j];
                            double xn = b[2 * hs + j];
                            for (int k = 0; k < x[t].length; k++) {
                                xr += wx[j][k] * x[t][k];
                                xz += wx[hs + j][k] * x[t][k];
                                xn += wx[2 * hs + j][k] * x[t][k];
                            }
                            double hr = 0;
                            double hz = 0;
                            double hn = bhn[j];
                            if (t > 0) {
                                for (int k = 0; k < hs; k++) {
                                    hr += wh[j][k] * h[k];
                                    hz += wh[hs + j][k] * h[k];
                                    hn += wh[2 * hs + j][k] * h[k];
                                }
                            }
                            double r = 1 / (1 + Math.exp(-(xr + hr)));
                            double z = 1 / (1 + Math.exp(-(xz + hz)));
                            double n = Math.tanh(xn + r * hn);
                            next[j] = t > 0 ? (1 - z) * n + z * h[j] : (1 - z) * n;
                        }
                        for (int j = 0; j < hs; j++) {
                            h[j] = next[j];
                            out[t * hs + j] = h[j];
                        }
                    }
                    return out;
                }
                """,
                p(seq, wx, wh, d(0.05, -0.1, 0.2, 0.0, 0.1, -0.15), d(0.12, -0.08))));
        double[][] lwx = m(
                d(0.3, -0.2),
                d(0.1, 0.4),
                d(-0.5, 0.2),
                d(0.25, 0.15),
                d(-0.1, 0.3),
                d(0.45, -0.35),
                d(0.2, 0.1),
                d(-0.3, 0.05));
        double[][] lwh = m(
                d(0.2, -0.1),
                d(0.05, 0.3),
                d(-0.25, 0.1),
                d(0.15, -0.2),
                d(0.3, 0.1),
                d(-0.05, 0.25),
                d(0.1, 0.1),
                d(-0.2, 0.15));
        l.add(of(
                "python/mlx/nn/layers/recurrent.py",
                "lstm",
                """
                // nn.LSTM: i, f, g, o = split(x Wx^T + h Wh^T + b); c = f c + i g (i g alone at the first step);
                // h = o tanh(c); the hidden states contracted with fixed factors
                @Differentiable
                static double lstm(double[][] x, double[][] wx, double[][] wh, double[] b) {
                    int hs = b.length / 4;
                    double[] h = new double[hs];
                    double[] c = new double[hs];
                    double[] gates = new double[4 * hs];
                    double s = 0;
                    for (int t = 0; t < x.length; t++) {
                        for (int q = 0; q < 4 * hs; q++) {
                            double v = b[q];
                            for (int k = 0; k < x[t].length; k++) {
                                v += wx[q][k] * x[t][k];
                            }
                            for (int k = 0; k < hs; k++) {
                                v += wh[q][k] * h[k];
                            }
                            gates[q] = v;
                        }
                        for (int j = 0; j < hs; j++) {
                            double i = 1 / (1 + Math.exp(-gates[j]));
                            double f = 1 / (1 + Math.exp(-gates[hs + j]));
                            double g = Math.tanh(gates[2 * hs + j]);
                            double o = 1 / (1 + Math.exp(-gates[3 * hs + j]));
                            c[j] = t > 0 ? f * c[j] + i * g : i * g;
                            h[j] = o * Math.tanh(c[j]);
                            s += Math.cos(t + 0.5 * j) * h[j];
                        }
                    }
                    return s;
                }
                """,
                p(seq, lwx, lwh, d(0.05, -0.1, 0.2, 0.0, 0.1, -0.15, 0.3, 0.02))));
        l.addAll(MlxLosses.all());
        return l;
    }
}
