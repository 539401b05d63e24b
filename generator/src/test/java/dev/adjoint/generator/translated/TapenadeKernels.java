package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;
import static dev.adjoint.generator.translated.TapenadeFunctions.grid;
import static dev.adjoint.generator.translated.TapenadeFunctions.wave;

import java.util.List;

/**
 * C kernels written for Tapenade by its users, in Java: a neural network whose weights are read through a running
 * index ({@code weights[widx++]}), Devito's VTI wave-equation stencil and its source injection at {@code floor}-computed
 * grid indices, ADBench's LSTM as Tapenade differentiates it (pointers into the middle of arrays become offsets, and
 * one array is read as input and written as state in the same call), and the two smallest inputs there are.
 */
final class TapenadeKernels {
    private TapenadeKernels() {}

    private static Ported of(String repo, String file, int line, String method, String body, Object[]... points) {
        return Ported.of("tapenade", repo, file, line, method, body, points);
    }

    /** ForwardVTI's section0: the 8th-order VTI update of u2 from u0 and u1 on the grid's interior (halo 4). */
    private static final String VTI = """
            static void forwardVti(double[][] vp, double[][] u0, double[][] u1, double[][] u2, double[][] epsilon,
                    double[][] delta, double[][] damp, double dt) {
                double r0 = 1.0 / (dt * dt);
                double r1 = 1.0 / dt;
                int xM = u0.length - 9;
                int yM = u0[0].length - 9;
                for (int x = 0; x <= xM; x += 1) {
                    for (int y = 0; y <= yM; y += 1) {
                        double r14 = -6.24999986e-3 * u0[x + 4][y + 4];
                        double r13 = 2.0 * epsilon[x + 4][y + 4];
                        double r12 = 1.25e-1 * u0[x + 4][y + 2] - u0[x + 4][y + 3] + u0[x + 4][y + 5]
                                - 1.25e-1 * u0[x + 4][y + 6];
                        double r11 = 1.25e-1 * u0[x + 2][y + 4] - u0[x + 3][y + 4] + u0[x + 5][y + 4]
                                - 1.25e-1 * u0[x + 6][y + 4];
                        double r10 = 1.0 / (vp[x + 4][y + 4] * vp[x + 4][y + 4]);
                        double r9 = 6.25000009e-3 * u0[x + 4][y + 2] - 5.0e-2 * u0[x + 4][y + 3]
                                + 5.0e-2 * u0[x + 4][y + 5] - 6.25000009e-3 * u0[x + 4][y + 6];
                        double r8 = 6.25000009e-3 * u0[x + 2][y + 4] - 5.0e-2 * u0[x + 3][y + 4]
                                + 5.0e-2 * u0[x + 5][y + 4] - 6.25000009e-3 * u0[x + 6][y + 4];
                        double r7 = 4.16666673e-3 * u0[x + 4][y + 2] - 3.33333338e-2 * u0[x + 4][y + 3]
                                + 3.33333338e-2 * u0[x + 4][y + 5] - 4.16666673e-3 * u0[x + 4][y + 6];
                        double r6 = (2.46913615111777e-6 * (r11 * r11) * (r12 * r12)
                                        * (delta[x + 4][y + 4] - epsilon[x + 4][y + 4]))
                                / (r7 * r7 * r7 * r7 + 1.97530864e-1 * (r8 * r8) * (r9 * r9) * (r13 + 2.0)
                                        + 1.97530864e-1 * (r8 * r8 * r8 * r8) * (2 * epsilon[x + 4][y + 4] + 1.0)
                                        + 1.19209e-7);
                        u2[x + 4][y + 4] = (r1 * damp[x + 1][y + 1] * u0[x + 4][y + 4]
                                        + r10 * (-r0 * (-2.0 * u0[x + 4][y + 4]) - r0 * u1[x + 4][y + 4])
                                        + (r6 + 1.0) * (r14 - 2.08333329e-4 * (u0[x + 4][y + 2] + u0[x + 4][y + 6])
                                                + 3.33333326e-3 * (u0[x + 4][y + 3] + u0[x + 4][y + 5]))
                                        + (r13 + r6 + 1.0) * (r14 - 2.08333329e-4 * (u0[x + 2][y + 4] + u0[x + 6][y + 4])
                                                + 3.33333326e-3 * (u0[x + 3][y + 4] + u0[x + 5][y + 4])))
                                / (r0 * r10 + r1 * damp[x + 1][y + 1]);
                    }
                }
            }

            """;

    /** lstm.c's utilities and model, pointers into arrays as offsets. */
    private static final String LSTM = """
            static double sigmoid(double x) {
                return 1.0 / (1.0 + Math.exp(-x));
            }

            // log(sum(exp(x)) + 2), as lstm.c writes it
            static double logsumexp(double[] vect, int sz) {
                double sum = 0.0;
                for (int i = 0; i < sz; i++) {
                    sum += Math.exp(vect[i]);
                }
                sum += 2;
                return Math.log(sum);
            }

            // weight = w[wOff..], bias = w[bOff..], hidden = s[hOff..], cell = s[cOff..], input = in[inOff..]
            static void lstmModel(int hsize, double[] w, int wOff, int bOff, double[] s, int hOff, int cOff,
                    double[] in, int inOff) {
                double[] gates = new double[4 * hsize];
                for (int i = 0; i < hsize; i++) {
                    gates[i] = sigmoid(in[inOff + i] * w[wOff + i] + w[bOff + i]);
                    gates[hsize + i] = sigmoid(s[hOff + i] * w[wOff + hsize + i] + w[bOff + hsize + i]);
                    gates[2 * hsize + i] = sigmoid(in[inOff + i] * w[wOff + 2 * hsize + i] + w[bOff + 2 * hsize + i]);
                    gates[3 * hsize + i] = Math.tanh(s[hOff + i] * w[wOff + 3 * hsize + i] + w[bOff + 3 * hsize + i]);
                }
                for (int i = 0; i < hsize; i++) {
                    s[cOff + i] = s[cOff + i] * gates[i] + gates[hsize + i] * gates[3 * hsize + i];
                }
                for (int i = 0; i < hsize; i++) {
                    s[hOff + i] = gates[2 * hsize + i] * Math.tanh(s[cOff + i]);
                }
            }

            """;

    /** lstm_predict as Tapenade reads it: the layers' input is x2, then the previous layer's hidden state in s. */
    private static final String LSTM_PREDICT = """
            static void lstmPredict(int l, int b, double[] w, double[] w2, double[] s, double[] x, int xOff,
                    double[] x2) {
                for (int i = 0; i < b; i++) {
                    x2[i] = x[xOff + i] * w2[i];
                }
                lstmModel(b, w, 0, b * 4, s, 0, b, x2, 0);
                int xpOff = 0;
                for (int i = 2 * b; i <= 2 * l * b - 1; i += 2 * b) {
                    lstmModel(b, w, i * 4, (i + b) * 4, s, i, i + b, s, xpOff);
                    xpOff = i;
                }
                for (int i = 0; i < b; i++) {
                    x2[i] = s[xpOff + i] * w2[b + i] + w2[2 * b + i];
                }
            }

            """;

    /** lstm_predict as C writes it: the pointer xp to the layer's input, x2 first, then the hidden state in s. */
    private static final String LSTM_PREDICT_POINTER = """
            static void lstmPredict(int l, int b, double[] w, double[] w2, double[] s, double[] x, int xOff,
                    double[] x2) {
                for (int i = 0; i < b; i++) {
                    x2[i] = x[xOff + i] * w2[i];
                }
                double[] xp = x2;
                int xpOff = 0;
                for (int i = 0; i <= 2 * l * b - 1; i += 2 * b) {
                    lstmModel(b, w, i * 4, (i + b) * 4, s, i, i + b, xp, xpOff);
                    xp = s;
                    xpOff = i;
                }
                for (int i = 0; i < b; i++) {
                    x2[i] = xp[xpOff + i] * w2[b + i] + w2[2 * b + i];
                }
            }

            """;

    /** lstm_objective, calling whichever lstmPredict precedes it. */
    private static String lstmObjective(String name) {
        return """
                @Differentiable(wrt = {"mainParams", "extraParams"})
                static double NAME(int l, int c, int b, double[] mainParams, double[] extraParams,
                        double[] state, double[] sequence) {
                    double total = 0.0;
                    int count = 0;
                    int inputOff = 0;
                    double[] ypred = new double[b];
                    double[] ynorm = new double[b];
                    for (int t = 0; t <= (c - 1) * b - 1; t += b) {
                        lstmPredict(l, b, mainParams, extraParams, state, sequence, inputOff, ypred);
                        double lse = logsumexp(ypred, b);
                        for (int i = 0; i < b; i++) {
                            ynorm[i] = ypred[i] - lse;
                        }
                        int goldOff = t + b;
                        for (int i = 0; i < b; i++) {
                            total += sequence[goldOff + i] * ynorm[i];
                        }
                        count += b;
                        inputOff = goldOff;
                    }
                    return -total / count;
                }
                """.replace("NAME", name);
    }

    static List<Ported> all() {
        String nn = "llaniewski/nn_tapenade";
        String vti = "AtilaSaraiva/vti2d-tapenade";
        String gb = "gradbench/gradbench";
        return List.of(
                // a two-hidden-layer network, sigmoid then softmax and cross-entropy, every weight read through the
                // running index widx; const.h's 784-20-10 cut to 6-4-3
                of(
                        nn,
                        "nn.c",
                        9,
                        "neuralNetworkLoss",
                        """
                        static final int N = 6;
                        static final int M = 4;
                        static final int O = 3;

                        static double sigmoid(double x) {
                            return 1 / (1 + Math.exp(-x));
                        }

                        @Differentiable(wrt = "weights")
                        static double neuralNetworkLoss(double[] image, double[] weights, double[] layer3, double[] label) {
                            int widx = 0;
                            double[] layer1m = new double[M];
                            for (int i = 0; i < M; i++) {
                                double sum = 0;
                                for (int j = 0; j < N; j++) {
                                    sum += weights[widx] * image[j];
                                    widx++;
                                }
                                sum += weights[widx];
                                widx++;
                                layer1m[i] = sum;
                            }
                            double[] layer1 = new double[M];
                            for (int i = 0; i < M; i++) {
                                layer1[i] = sigmoid(layer1m[i]);
                            }
                            double[] layer2m = new double[M];
                            for (int i = 0; i < M; i++) {
                                double sum = 0;
                                for (int j = 0; j < M; j++) {
                                    sum += weights[widx] * layer1[j];
                                    widx++;
                                }
                                sum += weights[widx];
                                widx++;
                                layer2m[i] = sum;
                            }
                            double[] layer2 = new double[M];
                            for (int i = 0; i < M; i++) {
                                layer2[i] = sigmoid(layer2m[i]);
                            }
                            double[] layer3m = new double[O];
                            for (int i = 0; i < O; i++) {
                                double sum = 0;
                                for (int j = 0; j < M; j++) {
                                    sum += weights[widx] * layer2[j];
                                    widx++;
                                }
                                sum += weights[widx];
                                widx++;
                                layer3m[i] = sum;
                            }
                            double sum = 0;
                            for (int i = 0; i < O; i++) {
                                sum += Math.exp(layer3m[i]);
                            }
                            for (int i = 0; i < O; i++) {
                                layer3[i] = Math.exp(layer3m[i]) / sum;
                            }
                            double loss = 0;
                            for (int i = 0; i < O; i++) {
                                loss += -label[i] * Math.log(layer3[i]);
                            }
                            return loss;
                        }
                        """,
                        p(wave(6, 0.5, 0.4, 1.1), wave(63, 0, 0.6, 0.77), new double[3], d(0, 1, 0)),
                        p(wave(6, 0, 1, 2.3), wave(63, 0.1, 0.9, 1.9), new double[3], d(0.2, 0.3, 0.5))),
                // ForwardVTI's stencil into a local u2 by a void helper over 2-D arrays, the misfit Σ u2²
                of(
                        vti,
                        "simplified code.c",
                        7,
                        "vtiMisfit",
                        VTI + """
                        @Differentiable(wrt = {"vp", "u0"})
                        static double vtiMisfit(double[][] vp, double[][] u0, double[][] u1, double[][] epsilon,
                                double[][] delta, double[][] damp, double dt) {
                            double[][] u2 = new double[u0.length][u0[0].length];
                            forwardVti(vp, u0, u1, u2, epsilon, delta, damp, dt);
                            double s = 0;
                            for (double[] row : u2) {
                                for (double v : row) {
                                    s += v * v;
                                }
                            }
                            return s;
                        }
                        """,
                        p(
                                grid(11, 11, 2.0, 0.4, 0.9),
                                grid(11, 11, 0, 1, 0.7),
                                grid(11, 11, 0, 0.5, 1.3),
                                grid(11, 11, 0.2, 0.05, 0.5),
                                grid(11, 11, 0.1, 0.05, 0.6),
                                grid(11, 11, 0.01, 0.005, 1.1),
                                0.8),
                        p(
                                grid(11, 11, 1.5, 0.2, 2.1),
                                grid(11, 11, 0.3, 2, 1.9),
                                grid(11, 11, -0.2, 0.7, 0.4),
                                grid(11, 11, 0.1, 0.08, 1.5),
                                grid(11, 11, 0.05, 0.02, 0.3),
                                grid(11, 11, 0.02, 0.01, 0.8),
                                1.3)),
                // ForwardVTI's section1: each source's weight spread bilinearly over the four grid points around it,
                // the indices from floor(position / 20), each write guarded by the grid's bounds
                of(
                        vti,
                        "simplified code.c",
                        38,
                        "injectSources",
                        """
                        @Differentiable(wrt = {"vp", "srcCoords", "src"})
                        static double injectSources(double[][] vp, double[][] srcCoords, double[] src, double dt,
                                double ox, double oy) {
                            int xm = 0;
                            int ym = 0;
                            int xM = vp.length - 9;
                            int yM = vp[0].length - 9;
                            double[][] u2 = new double[vp.length][vp[0].length];
                            for (int p = 0; p < src.length; p += 1) {
                                double posx = -ox + srcCoords[p][0];
                                double posy = -oy + srcCoords[p][1];
                                int ii0 = (int) Math.floor(5.0e-2 * posx);
                                int ii1 = (int) Math.floor(5.0e-2 * posy);
                                int ii2 = 1 + (int) Math.floor(5.0e-2 * posy);
                                int ii3 = 1 + (int) Math.floor(5.0e-2 * posx);
                                double px = posx - 2.0e+1 * (int) Math.floor(5.0e-2 * posx);
                                double py = posy - 2.0e+1 * (int) Math.floor(5.0e-2 * posy);
                                if (ii0 >= xm - 1 && ii1 >= ym - 1 && ii0 <= xM + 1 && ii1 <= yM + 1) {
                                    double r2 = dt * dt * (vp[ii0 + 4][ii1 + 4] * vp[ii0 + 4][ii1 + 4])
                                            * (2.5e-3 * px * py - 5.0e-2 * px - 5.0e-2 * py + 1) * src[p];
                                    u2[ii0 + 4][ii1 + 4] += r2;
                                }
                                if (ii0 >= xm - 1 && ii2 >= ym - 1 && ii0 <= xM + 1 && ii2 <= yM + 1) {
                                    double r3 = dt * dt * (vp[ii0 + 4][ii2 + 4] * vp[ii0 + 4][ii2 + 4])
                                            * (-2.5e-3 * px * py + 5.0e-2 * py) * src[p];
                                    u2[ii0 + 4][ii2 + 4] += r3;
                                }
                                if (ii1 >= ym - 1 && ii3 >= xm - 1 && ii1 <= yM + 1 && ii3 <= xM + 1) {
                                    double r4 = dt * dt * (vp[ii3 + 4][ii1 + 4] * vp[ii3 + 4][ii1 + 4])
                                            * (-2.5e-3 * px * py + 5.0e-2 * px) * src[p];
                                    u2[ii3 + 4][ii1 + 4] += r4;
                                }
                                if (ii2 >= ym - 1 && ii3 >= xm - 1 && ii2 <= yM + 1 && ii3 <= xM + 1) {
                                    double r5 = 2.5e-3 * px * py * dt * dt * (vp[ii3 + 4][ii2 + 4] * vp[ii3 + 4][ii2 + 4])
                                            * src[p];
                                    u2[ii3 + 4][ii2 + 4] += r5;
                                }
                            }
                            double s = 0;
                            for (int i = 0; i < u2.length; i++) {
                                for (int j = 0; j < u2[i].length; j++) {
                                    s += u2[i][j] * u2[i][j] * (1 + 0.1 * i + 0.01 * j);
                                }
                            }
                            return s;
                        }
                        """,
                        p(
                                grid(11, 11, 2.0, 0.4, 0.9),
                                Fn.m(d(13.7, 27.1), d(41.3, 5.9), d(55.2, 38.4)),
                                d(1.0, -0.5, 2.0),
                                0.8,
                                0.0,
                                0.0),
                        p(grid(11, 11, 1.5, 0.3, 1.7), Fn.m(d(3.3, 8.8), d(29.5, 51.1)), d(0.7, 1.3), 1.1, -2.0, 1.5)),
                // ADBench's LSTM objective as Tapenade differentiates it (tapenade -b -head
                // "lstm_objective(loss)/(main_params extra_params)"): 2 layers, 3 characters of 3
                of(
                        gb,
                        "tools/tapenade/evals/lstm/lstm.c",
                        96,
                        "lstmObjective",
                        LSTM + LSTM_PREDICT + lstmObjective("lstmObjective"),
                        p(
                                2,
                                3,
                                3,
                                wave(48, 0, 0.5, 0.91),
                                wave(9, 0.5, 0.4, 1.3),
                                wave(12, 0, 0.3, 0.5),
                                wave(9, 0.2, 0.6, 2.2)),
                        p(
                                2,
                                3,
                                3,
                                wave(48, 0.1, 0.8, 1.71),
                                wave(9, -0.2, 0.7, 0.6),
                                wave(12, 0.1, 0.2, 1.5),
                                wave(9, 0, 1, 0.8))),
                // the same, lstm_predict's pointer xp kept as a Java array variable: x2, then s. Rejected: after xp =
                // s, a
                // write through s must be seen through xp, which a copy of xp would not
                of(
                                gb,
                                "tools/tapenade/evals/lstm/lstm.c",
                                77,
                                "lstmObjectivePointer",
                                LSTM + LSTM_PREDICT_POINTER + lstmObjective("lstmObjectivePointer"),
                                p(
                                        2,
                                        3,
                                        3,
                                        wave(48, 0, 0.5, 0.91),
                                        wave(9, 0.5, 0.4, 1.3),
                                        wave(12, 0, 0.3, 0.5),
                                        wave(9, 0.2, 0.6, 2.2)))
                        .rejected("a second name for an array that is assigned again"),
                // tapenade-playground test1.c: ½ Σ xᵢ² over the first n; ∂/∂xᵢ = xᵢ
                Ported.of(
                                "tapenade",
                                "dimasad/tapenade-playground",
                                "test1.c",
                                3,
                                "f",
                                """
                        @Differentiable
                        static double f(double[] x, int n) {
                            double ret = 0;
                            for (int i = 0; i < n; i++) {
                                ret += 0.5 * x[i] * x[i];
                            }
                            return ret;
                        }
                        """,
                                p(d(1, -2, 3), 3),
                                p(d(0.5, 0.25, -4, 7), 2))
                        .publishes(d(1, -2, 3), 1e-15, d(1, -2, 3), 3)
                        .publishes(d(0.5, 0.25, 0, 0), 1e-15, d(0.5, 0.25, -4, 7), 2),
                // the function GradBench's hello eval hands Tapenade: x², through a local
                of(gb, "tools/tapenade/functions.c", 1, "square", """
                        @Differentiable
                        static double square(double x) {
                            double y = x * x;
                            return y;
                        }
                        """, p(3.0), p(-0.7))
                        .publishes(d(6), 1e-15, 3.0));
    }
}
