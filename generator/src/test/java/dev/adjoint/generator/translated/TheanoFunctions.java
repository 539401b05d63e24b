package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Theano's gradient tests (github.com/Theano/Theano): the recurrences of {@code theano/scan_module/tests/test_scan.py}
 * ({@code scan} with one output, several outputs, taps into the past and the future of a sequence and of a state,
 * second derivatives through a scan, {@code until}, two scans in a row over a 3-D input), the extra ops of
 * {@code theano/tensor/tests/test_extra_ops.py} that {@code verify_grad} checks ({@code cumsum}/{@code cumprod} along
 * each axis, {@code diff} of order n, {@code repeat}, {@code fill_diagonal} with an offset) and the sigmoid forms of
 * {@code theano/tensor/nnet/tests/test_sigm.py} ({@code ultra_fast_sigmoid}'s piecewise approximation,
 * {@code hard_sigmoid}, the softplus forms Theano rewrites {@code log(1 - sigmoid(x))} into). Written in Java as loops:
 * a scan's state an array indexed by the step, its taps offsets into it. Theano's {@code scan_project_sum} projects each
 * output on fixed factors in (0.1, 0.9): here a {@code static final} table. Where a test states a value (the
 * {@code until} gradient, {@code ddP = 42}, {@code 62 x}), it is published.
 */
final class TheanoFunctions {
    private TheanoFunctions() {}

    private static final Map<String, List<HvpChecks.Published>> HESSIANS = new HashMap<>();

    private static Ported of(String file, String method, String body, Object[]... points) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".py", "");
        return new Ported(
                "theano." + stem + "." + method,
                "Theano/Theano " + file,
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        return Map.copyOf(HESSIANS);
    }

    private static final String SCAN = "theano/scan_module/tests/test_scan.py";

    static final String PROJECT = """
            // scan_project_sum's factors, fixed: 0.1 + 0.8 * frac(k * golden ratio)
            static double factor(int k) {
                double g = k * 0.6180339887498949;
                return 0.1 + 0.8 * (g - Math.floor(g));
            }
            """;

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        double[] u = {0.31, -0.12, 0.44, -0.47, 0.05, 0.26, -0.33, 0.18, -0.02, 0.39};
        l.add(of(SCAN, "gradOneOutput", PROJECT + """

                // test_grad_one_output: x_t = u_t W_in + x_(t-1) W, the outputs projected and summed
                @Differentiable
                static double gradOneOutput(double[] u, double x0, double wIn, double w) {
                    double x = x0;
                    double cost = 0;
                    for (int t = 0; t < u.length; t++) {
                        x = u[t] * wIn + x * w;
                        cost += x * factor(t);
                    }
                    return cost;
                }
                """, p(u, 0.72, 0.58, 0.83), p(d(0.2, -0.4, 0.1), -0.3, 1.1, -0.9)));
        double[][] u1 = m(
                d(0.03, -0.07),
                d(0.09, 0.01),
                d(-0.05, 0.06),
                d(0.02, -0.08),
                d(-0.04, 0.05),
                d(0.07, 0.02),
                d(-0.01, -0.06));
        double[] u2 = {0.04, -0.09, 0.06, 0.01, -0.03, 0.08, -0.05};
        double[][] wIn1 = m(d(0.05, -0.08), d(0.03, 0.09));
        l.add(of(SCAN, "gradMultipleOuts", PROJECT + """
                static final double[] W_IN2 = {0.07, -0.04};
                static final double[][] W = {{0.06, -0.09}, {0.02, 0.08}};
                static final double[] W_OUT = {-0.05, 0.03};

                // test_grad_multiple_outs: x_t = u1_t W_in1 + u2_t W_in2 + x_(t-1) W, y_t = x_(t-1) . W_out;
                // y0 does not reach the cost (its gradient is 0)
                @Differentiable
                static double gradMultipleOuts(double[][] u1, double[] u2, double[] x0, double y0, double[][] wIn1) {
                    double[] x = x0.clone();
                    double[] next = new double[2];
                    double cost = 0;
                    int k = 0;
                    for (int t = 0; t < u1.length; t++) {
                        double y = 0;
                        for (int j = 0; j < 2; j++) {
                            double s = u2[t] * W_IN2[j];
                            for (int i = 0; i < 2; i++) {
                                s += u1[t][i] * wIn1[i][j] + x[i] * W[i][j];
                            }
                            next[j] = s;
                            y += x[j] * W_OUT[j];
                        }
                        for (int j = 0; j < 2; j++) {
                            x[j] = next[j];
                            cost += x[j] * factor(k++);
                        }
                        cost += y * factor(k++);
                    }
                    return cost;
                }
                """, p(u1, u2, d(0.06, -0.02), 0.45, wIn1)));
        double[][] u2t = m(
                d(0.12, -0.18),
                d(0.07, 0.15),
                d(-0.11, 0.04),
                d(0.19, -0.06),
                d(-0.02, 0.13),
                d(0.16, 0.08),
                d(-0.14, -0.09));
        l.add(of(
                SCAN,
                "gradMultipleOutsTaps",
                PROJECT + """
                static final double[] W_IN2 = {0.14, -0.11};
                static final double[][] W = {{0.12, -0.17}, {0.05, 0.19}};
                static final double[] W_OUT = {-0.13, 0.16};

                // test_grad_multiple_outs_taps: u2 read at t - 1, t, t + 1 (taps [-1, 0, 1]: u2 has l + 2 rows), the
                // state y at t - 1 and t - 3 (taps [-1, -3]: y0 holds the three values before the first step);
                // x_t = u1_t W_in1 + (u2_t + u2_(t-1) u2_(t+1)) W_in2 + x_(t-1) W,
                // y_t = (y_(t-1) + y_(t-3)) (x_(t-1) . W_out), z_t = u1_t W_in1; all three projected
                @Differentiable
                static double gradMultipleOutsTaps(double[][] u1, double[][] u2, double[] x0, double[] y0,
                        double[][] wIn1) {
                    int l = u1.length;
                    double[] x = x0.clone();
                    double[] y = new double[l + 3];
                    for (int k = 0; k < 3; k++) {
                        y[k] = y0[k];
                    }
                    double cost = 0;
                    int f = 0;
                    for (int t = 0; t < l; t++) {
                        double[] next = new double[2];
                        double xw = 0;
                        for (int j = 0; j < 2; j++) {
                            double z = 0;
                            for (int i = 0; i < 2; i++) {
                                z += u1[t][i] * wIn1[i][j];
                            }
                            double s = z + (u2[t + 1][j] + u2[t][j] * u2[t + 2][j]) * W_IN2[j];
                            for (int i = 0; i < 2; i++) {
                                s += x[i] * W[i][j];
                            }
                            next[j] = s;
                            xw += x[j] * W_OUT[j];
                            cost += z * factor(f++);
                        }
                        y[t + 3] = (y[t + 2] + y[t]) * xw;
                        cost += y[t + 3] * factor(f++);
                        for (int j = 0; j < 2; j++) {
                            x[j] = next[j];
                            cost += x[j] * factor(f++);
                        }
                    }
                    return cost;
                }
                """,
                p(
                        m(d(0.1, -0.2), d(0.15, 0.05), d(-0.12, 0.18), d(0.03, -0.09), d(0.2, 0.11)),
                        u2t,
                        d(0.08, -0.15),
                        d(0.41, 0.77, 0.26),
                        wIn1)));
        l.add(of(
                SCAN,
                "gradGradMitsotSitsot",
                """
                // test_grad_grad_mitsot_sitsot: out_t = (m_(t-2) + m_(t-1) + s_(t-1))^1.05, fed back both as the state
                // with taps [-2, -1] (two initial rows) and as the state with one tap; five steps; the sum of both
                @Differentiable
                static double gradGradMitsotSitsot(double[][] mInit, double[] sInit) {
                    int n = sInit.length;
                    double[] m2 = mInit[0].clone();
                    double[] m1 = mInit[1].clone();
                    double[] s = sInit.clone();
                    double cost = 0;
                    for (int t = 0; t < 5; t++) {
                        double[] out = new double[n];
                        for (int j = 0; j < n; j++) {
                            out[j] = Math.pow(m2[j] + m1[j] + s[j], 1.05);
                            cost += 2 * out[j];
                        }
                        for (int j = 0; j < n; j++) {
                            m2[j] = m1[j];
                            m1[j] = out[j];
                            s[j] = out[j];
                        }
                    }
                    return cost;
                }
                """,
                p(m(d(0.21, 0.47, 0.12), d(0.35, 0.08, 0.29)), d(0.16, 0.52, 0.33))));
        l.add(of(SCAN, "secondGradSitsot", """
                // test_verify_second_grad_sitsot: x_t = 2 x_(t-1), five steps, all outputs summed: 62 x
                @Differentiable
                static double secondGradSitsot(double[] inp) {
                    double[] x = inp.clone();
                    double cost = 0;
                    for (int t = 0; t < 5; t++) {
                        for (int j = 0; j < x.length; j++) {
                            x[j] = x[j] * 2;
                            cost += x[j];
                        }
                    }
                    return cost;
                }
                """, p(d(0.3, 0.9, 0.4))).publishes(d(62, 62, 62), 0, d(0.3, 0.9, 0.4)));
        l.add(of(SCAN, "dPoly", """
                // test_grad_of_grad_of_state: P(x) = sum c_k x^k through a scan over (c, arange); dP = P'(x), and
                // Theano asserts d(dP)/dx = 42 at c = (1, 2, -3, 4), x = 2
                @Differentiable(wrt = "x")
                static double dPoly(double[] c, double x) {
                    double s = 0;
                    for (int power = 0; power < c.length; power++) {
                        s += c[power] * power * Math.pow(x, power - 1);
                    }
                    return s;
                }
                """, p(d(1.0, 2.0, -3.0, 4.0), 2.0), p(d(0.5, -1.5, 2.5), 0.7))
                .publishes(d(42), 1e-13, d(1.0, 2.0, -3.0, 4.0), 2.0));
        l.add(of(SCAN, "poly", """
                @Differentiable(wrt = "x")
                static double poly(double[] c, double x) {
                    double s = 0;
                    for (int power = 0; power < c.length; power++) {
                        s += c[power] * Math.pow(x, power);
                    }
                    return s;
                }
                """, p(d(1.0, 2.0, -3.0, 4.0), 2.0), p(d(0.5, -1.5, 2.5), 0.7))
                .publishes(d(2 - 12 + 48), 1e-13, d(1.0, 2.0, -3.0, 4.0), 2.0));
        HESSIANS.put("theano.test_scan.poly", List.of(new HvpChecks.Published(d(1), d(42), 1e-12, new Object[] {
            d(1.0, 2.0, -3.0, 4.0), 2.0
        })));
        double[][] xinit = m(d(0.5, -0.3), d(0.1, 0.2), d(-0.4, 0.6), d(0.7, -0.8));
        l.add(of(SCAN, "gradMultipleTapsState", """
                // test_grad_multiple_taps_state: x_t = w + x_(t-1), the state kept with taps [-4, -1] (four initial
                // rows; the step reads only the last), ten steps; loss = sum of the last state squared
                @Differentiable
                static double gradMultipleTapsState(double[][] xinit, double[] w) {
                    int n = w.length;
                    double[][] hist = new double[14][n];
                    for (int k = 0; k < 4; k++) {
                        for (int j = 0; j < n; j++) {
                            hist[k][j] = xinit[k][j];
                        }
                    }
                    for (int t = 4; t < 14; t++) {
                        for (int j = 0; j < n; j++) {
                            hist[t][j] = w[j] + hist[t - 1][j];
                        }
                    }
                    double loss = 0;
                    for (int j = 0; j < n; j++) {
                        loss += hist[13][j] * hist[13][j];
                    }
                    return loss;
                }
                """, p(xinit, d(0.05, -0.02)))
                .publishes(d(0, 0, 0, 0, 0, 0, 2 * 1.2, 2 * -1.0, 20 * 1.2, 20 * -1.0), 1e-13, xinit, d(0.05, -0.02)));
        double[] seq = new double[15];
        double[] untilGrad = new double[15];
        for (int i = 0; i < 15; i++) {
            seq[i] = i;
            untilGrad[i] = i < 7 ? 2 * i : 0;
        }
        l.add(of(SCAN, "gradUntil", """
                // TestGradUntil: r_t = x_t^2 until x_t > threshold (the step that meets it included); sum of r
                @Differentiable(wrt = "x")
                static double gradUntil(double[] x, long threshold) {
                    double s = 0;
                    for (int t = 0; t < x.length; t++) {
                        s += x[t] * x[t];
                        if (x[t] > threshold) {
                            break;
                        }
                    }
                    return s;
                }
                """, p(d(0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5), 5L))
                .publishes(untilGrad, 0, seq, 5L));
        l.add(of(
                SCAN,
                "gradTwoScans",
                """
                // test_grad_two_scans: y_t = softmax(x_t W) row by row (x is time x batch x 2), then the mean
                // categorical cross-entropy of each step against the labels t, summed over the steps; the gradient
                // with respect to the shared W
                @Differentiable(wrt = "w")
                static double gradTwoScans(double[][][] x, int[][] t, double[][] w) {
                    double total = 0;
                    for (int s = 0; s < x.length; s++) {
                        double ce = 0;
                        for (int b = 0; b < x[s].length; b++) {
                            double a0 = x[s][b][0] * w[0][0] + x[s][b][1] * w[1][0];
                            double a1 = x[s][b][0] * w[0][1] + x[s][b][1] * w[1][1];
                            double max = Math.max(a0, a1);
                            double z = Math.exp(a0 - max) + Math.exp(a1 - max);
                            double y = Math.exp((t[s][b] == 0 ? a0 : a1) - max) / z;
                            ce -= Math.log(y);
                        }
                        total += ce / x[s].length;
                    }
                    return total;
                }
                """,
                p(
                        new double[][][] {
                            m(d(0.3, -0.7), d(1.2, 0.4)), m(d(-0.5, 0.9), d(0.1, 0.2)), m(d(0.8, -1.1), d(-0.6, 0.3))
                        },
                        new int[][] {{0, 1}, {1, 1}, {0, 0}},
                        m(d(0.6, -0.4), d(0.3, 0.8)))));
        l.addAll(TheanoOps.all());
        return l;
    }
}
