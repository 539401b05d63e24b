package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;
import static dev.adjoint.generator.translated.ReverseDiffTrackerFunctions.A55;
import static dev.adjoint.generator.translated.ReverseDiffTrackerFunctions.A55_PLUS_I;
import static dev.adjoint.generator.translated.ReverseDiffTrackerFunctions.X5;
import static dev.adjoint.generator.translated.ReverseDiffTrackerFunctions.of;

import java.util.List;

/**
 * Tracker.jl's {@code test/tracker.jl} (github.com/FluxML/Tracker.jl), the linear algebra and array tests of
 * {@link ReverseDiffTrackerFunctions}'s list: {@code det} (rows swapped by reference: rejected), {@code logdet(x x')} by
 * Cholesky, {@code view}, {@code vcat}/{@code hcat}, {@code reverse}/{@code repeat}, {@code kron}, {@code diagm},
 * {@code A \\ B} and {@code inv(log.(W * W))} by Gauss-Jordan elimination, a 1-d {@code conv} and
 * {@code maxpool}/{@code meanpool}.
 */
final class ReverseDiffTrackerLinAlg {
    private ReverseDiffTrackerLinAlg() {}

    /** Tracker's linear algebra, concatenation, reshaping and convolution tests, each ending in {@code sum(sin.(...))}. */
    static void add(List<Ported> l) {
        l.add(of("det", """
                // det by Gaussian elimination with partial pivoting (det (4, 4)), the rows swapped by reference: rejected,
                // the generator asks for an element-wise exchange (logDetLu in FastAdFunctions is the accepted form)
                @Differentiable
                static double det(double[][] a) {
                    int n = a.length;
                    double[][] u = new double[n][];
                    for (int i = 0; i < n; i++) {
                        u[i] = a[i].clone();
                    }
                    double det = 1;
                    for (int c = 0; c < n; c++) {
                        int pivot = c;
                        for (int r = c + 1; r < n; r++) {
                            if (Math.abs(u[r][c]) > Math.abs(u[pivot][c])) {
                                pivot = r;
                            }
                        }
                        if (pivot != c) {
                            double[] t = u[c];
                            u[c] = u[pivot];
                            u[pivot] = t;
                            det = -det;
                        }
                        det *= u[c][c];
                        for (int r = c + 1; r < n; r++) {
                            double f = u[r][c] / u[c][c];
                            for (int k = c; k < n; k++) {
                                u[r][k] -= f * u[c][k];
                            }
                        }
                    }
                    return Math.sin(det);
                }
                """, p((Object) m(
                        d(0.2, 0.9, 0.4, 0.1),
                        d(0.7, 0.3, 0.8, 0.5),
                        d(0.6, 0.1, 0.2, 0.95),
                        d(0.35, 0.55, 0.75, 0.25))))
                .rejected("copies a row into the ragged array 'u'"));
        l.add(of("logdetGram", """
                // logdet(x * x') by the Cholesky factor: 2 sum(log(L[i][i]))
                @Differentiable
                static double logdetGram(double[][] x) {
                    int n = x.length;
                    double[][] g = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            for (int k = 0; k < x[0].length; k++) {
                                g[i][j] += x[i][k] * x[j][k];
                            }
                        }
                    }
                    double[][] c = new double[n][n];
                    double logdet = 0;
                    for (int j = 0; j < n; j++) {
                        double s = g[j][j];
                        for (int k = 0; k < j; k++) {
                            s -= c[j][k] * c[j][k];
                        }
                        c[j][j] = Math.sqrt(s);
                        logdet += 2 * Math.log(c[j][j]);
                        for (int i = j + 1; i < n; i++) {
                            double t = g[i][j];
                            for (int k = 0; k < j; k++) {
                                t -= c[i][k] * c[j][k];
                            }
                            c[i][j] = t / c[j][j];
                        }
                    }
                    return Math.sin(logdet);
                }
                """, p((Object)
                m(d(0.2, 0.9, 0.4, 0.1), d(0.7, 0.3, 0.8, 0.5), d(0.6, 0.1, 0.2, 0.95), d(0.35, 0.55, 0.75, 0.25)))));
        l.add(of("viewCorner", """
                // view(x, 1:2, 1:2) of a (4, 4)
                @Differentiable
                static double viewCorner(double[][] x) {
                    double s = 0;
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 2; j++) {
                            s += Math.sin(x[i][j]);
                        }
                    }
                    return s;
                }
                """, p((Object)
                m(d(0.2, 0.9, 0.4, 0.1), d(0.7, 0.3, 0.8, 0.5), d(0.6, 0.1, 0.2, 0.95), d(0.35, 0.55, 0.75, 0.25)))));
        l.add(of("vcatHcat", """
                // vcat(a, b, c) of vectors (5), (3), (8), then hcat of two columns as pairs, squared
                @Differentiable
                static double vcatHcat(double[] a, double[] b, double[] c) {
                    double[] v = new double[a.length + b.length + c.length];
                    System.arraycopy(a, 0, v, 0, a.length);
                    System.arraycopy(b, 0, v, a.length, b.length);
                    System.arraycopy(c, 0, v, a.length + b.length, c.length);
                    double[][] h = new double[a.length][2];
                    for (int i = 0; i < a.length; i++) {
                        h[i][0] = a[i];
                        h[i][1] = c[i] * c[i];
                    }
                    return sumSin(v) + sumSin(h);
                }
                """, p(X5, d(0.4, -0.9, 1.5), d(0.3, 0.1, -0.6, 0.8, 1.2, -1.3, 0.05, 0.7))));
        l.add(of("reverseRepeat", """
                // reverse(x), reverse(x, 2, 4) (a middle stretch), repeat(x; inner=2, outer=3)
                @Differentiable
                static double reverseRepeat(double[] x) {
                    int n = x.length;
                    double[] r = new double[n];
                    for (int i = 0; i < n; i++) {
                        r[i] = x[n - 1 - i];
                    }
                    double[] mid = x.clone();
                    for (int i = 1; i <= 3; i++) {
                        mid[i] = x[4 - i];
                    }
                    double[] rep = new double[n * 2 * 3];
                    for (int o = 0; o < 3; o++) {
                        for (int i = 0; i < n; i++) {
                            rep[o * 2 * n + 2 * i] = x[i] * (o + 1);
                            rep[o * 2 * n + 2 * i + 1] = x[i];
                        }
                    }
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += (i + 1) * Math.sin(r[i]) + Math.sin(mid[i] * (i + 2));
                    }
                    return s + sumSin(rep);
                }
                """, p((Object) X5)));
        l.add(of("kron", """
                // kron(a, b, c) of vectors: element (i, j, k) is a[i] b[j] c[k], with b's index running fastest
                @Differentiable
                static double kron(double[] a, double[] b, double[] c) {
                    double[] y = new double[a.length * b.length * c.length];
                    int at = 0;
                    for (double ai : a) {
                        for (double bj : b) {
                            for (double ck : c) {
                                y[at++] = ai * bj * ck;
                            }
                        }
                    }
                    return sumSin(y);
                }
                """, p(X5, d(0.4, -0.9, 1.5), d(0.3, 1.2))));
        l.add(of("diagm", """
                // diagm(0 => x) and Matrix(Diagonal(x)): sin of the zeros adds 0, so only the diagonal counts
                @Differentiable
                static double diagm(double[] x) {
                    double[][] d = new double[x.length][x.length];
                    for (int i = 0; i < x.length; i++) {
                        d[i][i] = x[i];
                    }
                    return sumSin(d);
                }
                """, p((Object) d(0.3, -1.1, 2.0))));
        String solve = """
                // Gaussian elimination with partial pivoting on copies: returns A⁻¹ B, B with m columns
                static double[][] solve(double[][] a, double[][] b) {
                    int n = a.length;
                    int m = b[0].length;
                    double[][] u = new double[n][];
                    double[][] y = new double[n][];
                    for (int i = 0; i < n; i++) {
                        u[i] = a[i].clone();
                        y[i] = b[i].clone();
                    }
                    for (int c = 0; c < n; c++) {
                        int pivot = c;
                        for (int r = c + 1; r < n; r++) {
                            if (Math.abs(u[r][c]) > Math.abs(u[pivot][c])) {
                                pivot = r;
                            }
                        }
                        // the rows exchanged element by element (a row swap by reference would alias two rows)
                        for (int k = 0; k < n; k++) {
                            double t = u[c][k];
                            u[c][k] = u[pivot][k];
                            u[pivot][k] = t;
                        }
                        for (int k = 0; k < m; k++) {
                            double t = y[c][k];
                            y[c][k] = y[pivot][k];
                            y[pivot][k] = t;
                        }
                        for (int r = 0; r < n; r++) {
                            if (r != c) {
                                double f = u[r][c] / u[c][c];
                                for (int k = c; k < n; k++) {
                                    u[r][k] -= f * u[c][k];
                                }
                                for (int k = 0; k < m; k++) {
                                    y[r][k] -= f * y[c][k];
                                }
                            }
                        }
                    }
                    for (int r = 0; r < n; r++) {
                        for (int k = 0; k < m; k++) {
                            y[r][k] /= u[r][r];
                        }
                    }
                    return y;
                }
                """;
        l.add(of("leftDivide", solve + """

                // (A, B) -> A \\ B with B a vector (5,), as a one-column matrix
                @Differentiable
                static double leftDivide(double[][] a, double[] b) {
                    double[][] bm = new double[b.length][1];
                    for (int i = 0; i < b.length; i++) {
                        bm[i][0] = b[i];
                    }
                    return sumSin(solve(a, bm));
                }
                """, p(A55, X5)));
        l.add(of("invLog", solve + """

                // W -> inv(log.(W * W)): the inverse as the solution against the identity (W = A + I: log.(A * A) is
                // ill-conditioned, cond 94, too much for central differences to 1e-5)
                @Differentiable
                static double invLog(double[][] w) {
                    int n = w.length;
                    double[][] l = new double[n][n];
                    double[][] eye = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        eye[i][i] = 1;
                        for (int j = 0; j < n; j++) {
                            double s = 0;
                            for (int k = 0; k < n; k++) {
                                s += w[i][k] * w[k][j];
                            }
                            l[i][j] = Math.log(s);
                        }
                    }
                    return sumSin(solve(l, eye));
                }
                """, p((Object) A55_PLUS_I)));
        l.add(of(
                "conv1d",
                """
                // conv, 1d: x (10 long, 2 channels) with w (3 wide, 2 in, 2 out), no padding, stride 1; NNlib's
                // conv flips the kernel (a true convolution); the channels are x's columns, w is [tap][in * 2 + out]
                @Differentiable
                static double conv1d(double[][] x, double[][] w) {
                    int width = w.length;
                    int out = x.length - width + 1;
                    double s = 0;
                    for (int o = 0; o < 2; o++) {
                        for (int t = 0; t < out; t++) {
                            double y = 0;
                            for (int k = 0; k < width; k++) {
                                for (int c = 0; c < 2; c++) {
                                    y += x[t + k][c] * w[width - 1 - k][c * 2 + o];
                                }
                            }
                            s += Math.sin(y);
                        }
                    }
                    return s;
                }
                """,
                p(
                        m(
                                d(0.3, 0.9),
                                d(-0.7, 0.1),
                                d(1.1, 0.4),
                                d(0.45, -0.6),
                                d(-0.2, 0.8),
                                d(0.6, 0.25),
                                d(0.05, -0.9),
                                d(0.75, 0.35),
                                d(-0.4, 0.55),
                                d(0.2, 0.15)),
                        m(d(0.5, -0.2, 0.3, 0.8), d(0.1, 0.6, -0.4, 0.2), d(0.7, 0.05, 0.25, -0.3)))));
        l.add(of("pool1d", """
                // maxpool and meanpool with window 2, stride 2, of a vector of 10
                @Differentiable
                static double pool1d(double[] x) {
                    double s = 0;
                    for (int i = 0; i + 1 < x.length; i += 2) {
                        s += Math.sin(Math.max(x[i], x[i + 1])) + Math.sin((x[i] + x[i + 1]) / 2);
                    }
                    return s;
                }
                """, p((Object) d(0.3, 0.9, -0.7, 0.1, 1.1, 0.4, 0.45, -0.6, -0.2, 0.8))));
    }
}
