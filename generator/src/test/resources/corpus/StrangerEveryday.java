package corpus;

import static java.lang.Math.*;
import static corpus.StrangerUtil.dot;

import dev.adjoint.Differentiable;
import java.util.Arrays;

//@uses StrangerUtil
/** Everyday Java as users write it (issue 15): static imports of helpers, switch expressions stored into elements, aliases, tables. */
public final class StrangerEveryday {
    private StrangerEveryday() {}

    static final int RELU = 0, TANH = 1;

    /** arrow switch expression, do-while, long counter, compound assignment on elements. */
    //@at ({0.5, -0.3, 1.2}, 0)
    //@at ({0.5, -0.3, 1.2}, 1)
    //@at ({-0.4, 0.8}, 2)
    @Differentiable(wrt = "x")
    public static double activations(double[] x, int kind) {
        double[] y = Arrays.copyOf(x, x.length);
        long evaluations = 0;
        int i = 0;
        do {
            y[i] = switch (kind) {
                case RELU -> max(0.0, y[i]);
                case TANH -> tanh(y[i]);
                default -> {
                    double e = exp(y[i]);
                    yield e / (1 + e);
                }
            };
            y[i] *= 1.5;
            evaluations++;
            i++;
        } while (i < y.length);
        return dot(y, y) / evaluations;
    }

    /** cumulative product written through a row alias, final var. */
    //@at ({{0.5, -0.3, 1.2}, {2.0, 0.1}})
    //@at ({{1.0, 0.4, -0.2, 0.3}})
    @Differentiable
    public static double rowProducts(double[][] m) {
        final var n = m.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] row = m[i];
            double prod = 1;
            for (int j = 0; j < row.length; j++) {
                prod *= row[j];
            }
            total += prod;
        }
        return total;
    }

    /** a local matrix built with an initializer from expressions, then a helper returning a matrix. */
    //@at (0.3, {1.0, -0.5})
    //@at (-1.2, {0.4, 0.9})
    @Differentiable
    public static double rotationEnergy(double theta, double[] v) {
        double c = cos(theta), s = sin(theta);
        double[][] r = {{c, -s}, {s, c}};
        double[][] rr = StrangerUtil.matMul(r, r);
        double[] w = StrangerUtil.matVec(rr, v);
        double[] weights = {1.0, 2.0};
        return dot(w, weights);
    }

    /** softmax into a caller array (void helper writing its output), then log-likelihood. */
    static void softmax(double[] z, double[] out) {
        double mx = Double.NEGATIVE_INFINITY;
        for (double v : z) mx = max(mx, v);
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            out[i] = exp(z[i] - mx);
            sum += out[i];
        }
        for (int i = 0; i < z.length; i++) {
            out[i] /= sum;
        }
    }

    //@at ({0.5, -0.3, 1.2}, 2)
    //@at ({2.0, 0.1}, 0)
    @Differentiable(wrt = "z")
    public static double nll(double[] z, int label) {
        double[] p = new double[z.length];
        softmax(z, p);
        return -log(p[label]);
    }

    /** Gradient descent inner loop (unrolled optimisation): x <- x - lr * grad f(x), written by hand. */
    //@at ({0.5, -0.3, 1.2}, 0.05, 10)
    //@at ({0.9, 0.2}, 0.1, 5)
    @Differentiable(wrt = {"x0", "lr"})
    public static double unrolledDescent(double[] x0, double lr, int steps) {
        double[] x = x0.clone();
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < x.length; i++) {
                double g = 4 * x[i] * x[i] * x[i] - 2 * x[i];
                x[i] -= lr * g;
            }
        }
        double f = 0;
        for (double v : x) f += v * v * v * v - v * v;
        return f;
    }

    /** Polynomial by Horner with a static table, clamped with Math.min/max, a ternary chain. */
    static final double[] HORNER = {1.0, -0.5, 0.25, -0.125};

    //@at (-1.5)
    //@at (0.4)
    //@at (2.0)
    @Differentiable
    public static double piecewise(double x) {
        double p = 0;
        for (int k = HORNER.length - 1; k >= 0; k--) {
            p = p * x + HORNER[k];
        }
        double y = x < -1 ? -p : x < 1 ? p * x : p + x;
        return min(max(y, -5.0), 5.0);
    }

    /** Welford running variance. */
    //@at ({0.5, -0.3, 1.2, 2.0})
    //@at ({1.0, 0.4})
    @Differentiable
    public static double variance(double[] xs) {
        double mean = 0, m2 = 0;
        int n = 0;
        for (double x : xs) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }
        return n > 1 ? m2 / (n - 1) : 0.0;
    }

    /** Sort-free median-ish: the max and min of a window, skipping negative ones. */
    //@at ({0.5, -0.3, 1.2, 2.0})
    //@at ({1.0, 0.4, 0.7})
    @Differentiable
    public static double spread(double[] xs) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double x : xs) {
            if (x < 0) continue;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return hi - lo;
    }

    static double sq(double x) {
        return x * x;
    }

    static float sq(float x) {
        return x * x;
    }

    /** Newton's cube root as a plain helper that returns from inside its loop. */
    static double cubeRoot(double a) {
        double x = a > 1 ? a / 3 : 1.0;
        for (int i = 0; i < 60; i++) {
            double dx = (x * x * x - a) / (3 * x * x);
            x -= dx;
            if (Math.abs(dx) < 1e-15 * Math.abs(x)) {
                return x;
            }
        }
        return x;
    }

    /** for (var a : as) types a as double: the overload sq(double) is the one javac calls. */
    //@at ({0.5, 2.3, 1.2})
    //@at ({8.0, 0.9})
    @Differentiable
    public static double sumCubeRoots(double[] as) {
        double s = 0;
        for (var a : as) {
            s += cubeRoot(a) + sq(a);
        }
        return s;
    }

    /** Pseudo-random jitter from an LCG with a long state and a hex float literal. */
    //@at ({0.5, -0.3, 1.2}, 42)
    //@at ({2.0, 0.1}, -7)
    @Differentiable(wrt = "x")
    public static double jittered(double[] x, long seed) {
        long state = seed;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            double u = (state >>> 11) * 0x1.0p-53;
            s += x[i] * x[i] * (1 + 0.1 * (u - 0.5));
        }
        return s;
    }

    /** Sample covariance filled symmetrically, then the trace of its square. */
    //@at ({{0.5, -0.3}, {1.2, 2.0}, {0.1, 0.7}})
    //@at ({{1.0, 0.4, -0.2}, {0.3, -1.1, 0.6}})
    @Differentiable
    public static double covarianceEnergy(double[][] data) {
        int n = data.length;
        int d = data[0].length;
        assert n > 1 : "need two samples";
        double[] mean = new double[d];
        for (double[] row : data) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double c = 0;
                for (double[] row : data) {
                    c += (row[i] - mean[i]) * (row[j] - mean[j]);
                }
                cov[i][j] = c / (n - 1);
                cov[j][i] = cov[i][j];
            }
        }
        double e = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                e += cov[i][j] * cov[j][i];
            }
        }
        return e;
    }
}
