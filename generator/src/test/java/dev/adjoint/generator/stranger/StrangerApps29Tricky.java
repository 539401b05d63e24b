package dev.adjoint.generator.stranger;

/**
 * Session 29's programs that write their differentiated inputs in place (prefix sums, a delay line shifted by an
 * overlapping {@code arraycopy}, rows normalised in place, a relaxation returned as a copy), wrap a phase with
 * {@code %}, return a {@code float[]}, and leave nested loops of an inlined helper by a labelled {@code break}.
 */
final class StrangerApps29Tricky {
    private StrangerApps29Tricky() {}

    static final String TRICKY = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.Arrays;

            /** Programs that write their differentiated inputs in place, and other sharp corners. */
            public final class Tricky {
                private Tricky() {}

                /** Prefix sums in place on the differentiated array, then a loss of them. */
                @Differentiable
                public static double cumsumLoss(double[] x, double[] target) {
                    for (int i = 1; i < x.length; i++) x[i] += x[i - 1];
                    double s = 0;
                    for (int i = 0; i < x.length; i++) s += (x[i] - target[i]) * (x[i] - target[i]);
                    return s;
                }

                /** A delay line shifted in place by an overlapping arraycopy each sample (an FIR filter). */
                @Differentiable(wrt = {"taps", "x"})
                public static double fir(double[] taps, double[] x, double[] target) {
                    double[] line = new double[taps.length];
                    double e = 0;
                    for (int n = 0; n < x.length; n++) {
                        System.arraycopy(line, 0, line, 1, line.length - 1);
                        line[0] = x[n];
                        double y = 0;
                        for (int k = 0; k < taps.length; k++) y += taps[k] * line[k];
                        e += (y - target[n]) * (y - target[n]);
                    }
                    return e;
                }

                /** Normalises the rows of a 2-D parameter in place (a softmax per row), then a cross-entropy. */
                @Differentiable(wrt = "logits")
                public static double rowSoftmax(double[][] logits, int[] labels) {
                    double loss = 0;
                    for (int i = 0; i < logits.length; i++) {
                        double m = logits[i][0];
                        for (double v : logits[i]) m = Math.max(m, v);
                        double z = 0;
                        for (int j = 0; j < logits[i].length; j++) {
                            logits[i][j] = Math.exp(logits[i][j] - m);
                            z += logits[i][j];
                        }
                        for (int j = 0; j < logits[i].length; j++) logits[i][j] /= z;
                        loss -= Math.log(logits[i][labels[i]]);
                    }
                    return loss;
                }

                /** An in-place Jacobi relaxation of the state, returned (array result of a written parameter). */
                @Differentiable(wrt = {"u", "f"})
                public static double[] relax(double[] u, double[] f, int sweeps) {
                    double[] old = new double[u.length];
                    for (int s = 0; s < sweeps; s++) {
                        System.arraycopy(u, 0, old, 0, u.length);
                        for (int i = 1; i + 1 < u.length; i++) u[i] = 0.5 * (old[i - 1] + old[i + 1] + f[i]) - 0.05 * old[i] * old[i];
                    }
                    return Arrays.copyOf(u, u.length);
                }

                /** Phase wrapped by % on doubles, then a cosine loss (a phase-locked loop's error). */
                @Differentiable(wrt = {"freq", "phase0"})
                public static double pll(double freq, double phase0, double[] measured, double dt) {
                    double phase = phase0;
                    double e = 0;
                    for (int n = 0; n < measured.length; n++) {
                        phase += 2 * Math.PI * freq * dt;
                        phase %= 2 * Math.PI;
                        e += 1 - Math.cos(phase - measured[n]);
                    }
                    return e;
                }

                /** A float array result: a float IIR's output (its Jacobian in float). */
                @Differentiable(wrt = {"a", "x"})
                public static float[] leaky(float a, float[] x) {
                    float[] y = new float[x.length];
                    float s = 0f;
                    for (int n = 0; n < x.length; n++) {
                        s = a * s + x[n];
                        y[n] = s * s;
                    }
                    return y;
                }

                /** Early exit of nested loops through a helper with a labelled break, inlined in a loop. */
                static double firstBig(double[][] m, double thr) {
                    double found = 0;
                    search:
                    for (double[] row : m) {
                        for (double v : row) {
                            if (v * v > thr) {
                                found = v;
                                break search;
                            }
                        }
                    }
                    return found;
                }

                @Differentiable
                public static double thresholds(double[][] m, double[] thr) {
                    double s = 0;
                    for (double t : thr) s += Math.sin(firstBig(m, t)) * t;
                    return s;
                }
            }
""";

    /** A recursive de Casteljau (on the tape under AUTO, with a Jvp) and a fit calling it (static). */
    static final String REC2 = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Rec2 {
                private Rec2() {}

                /** de Casteljau, recursively on the control points' range. */
                @Differentiable(wrt = "p")
                public static double bezier(double[] p, int lo, int hi, double t) {
                    if (lo == hi) return p[lo];
                    return (1 - t) * bezier(p, lo, hi - 1, t) + t * bezier(p, lo + 1, hi, t);
                }

                /** A Bezier curve's squared distance to samples. */
                @Differentiable(wrt = "p")
                public static double fit(double[] p, double[] ts, double[] ys) {
                    double e = 0;
                    for (int k = 0; k < ts.length; k++) {
                        double d = bezier(p, 0, p.length - 1, ts[k]) - ys[k];
                        e += d * d;
                    }
                    return e;
                }
            }
""";

    /** Adjoint.detach: a batch-normalised loss whose statistics are constants, and its twin taking them as data. */
    static final String DETACH = """
            package stranger;

            import dev.adjoint.Adjoint;
            import dev.adjoint.Differentiable;

            public final class Detach {
                private Detach() {}

                static double mean(double[] x) {
                    double s = 0;
                    for (double v : x) s += v;
                    return s / x.length;
                }

                /** Standardises with a detached mean and scale (the statistics get no gradient). */
                @Differentiable(wrt = "x")
                public static double frozenStats(double[] x, double[] target) {
                    double mu = Adjoint.detach(mean(x));
                    double var = 0;
                    for (double v : x) var += (v - mu) * (v - mu);
                    double sd = Adjoint.detach(Math.sqrt(var / x.length + 1e-5));
                    double loss = 0;
                    for (int i = 0; i < x.length; i++) {
                        double z = (x[i] - mu) / sd;
                        loss += (z - target[i]) * (z - target[i]);
                    }
                    return loss;
                }

                /** The same with the statistics given as numbers. */
                @Differentiable(wrt = "x")
                public static double givenStats(double[] x, double[] target, double mu, double sd) {
                    double loss = 0;
                    for (int i = 0; i < x.length; i++) {
                        double z = (x[i] - mu) / sd;
                        loss += (z - target[i]) * (z - target[i]);
                    }
                    return loss;
                }
            }
            """;
}
