package corpus;

import dev.adjoint.Differentiable;

/**
 * Scratch arrays that every iteration of a counted loop fills afresh from the inputs (GMM's
 * {@code x_i − μ_c}): the reversed iteration fills them again rather than saving and restoring
 * each element. And the near misses, which must keep saving: a read before the fill (it sees the
 * previous iteration's values), a fill whose range or indices move with the loop (elements it
 * does not write this time hold older values), a fill from a value the loop changes, a second
 * write, a read after the loop. (Each reads its array in a nested loop, more often than it writes
 * it, so that the array is one the reverse sweep restores, element by element.)
 */
public class ScratchArrays {

    // filled in every (i, c) iteration from x and mu, read only after the fill: filled again
    //@at ({0.3, -0.7, 1.1, 0.8, 0.2, -0.4}, {0.5, -0.2, 0.9, 1.3}, 2, 3, 2)
    //@at ({0.6, -0.1, 0.4, 1.2, -0.9, 0.3}, {0.2, 0.7, -0.5}, 3, 2, 1)
    @Differentiable
    static double refilled(double[] x, double[] mu, int d, int n, int k) {
        double[] xc = new double[d];
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    xc[j] = x[i * d + j] - mu[c * d + j];
                }
                double q = 0;
                for (int j = 0; j < d; j++) {
                    q += xc[j] * xc[j] * mu[c * d + j];
                }
                s += Math.exp(-q) + xc[0] * q;
            }
        }
        return s;
    }

    // read before this iteration's fill: the previous iteration's values
    //@at ({0.3, -0.7, 1.1, 0.8}, 3)
    //@at ({-0.4, 0.9, 0.5}, 2)
    @Differentiable
    static double readBeforeFill(double[] x, int k) {
        double[] early = new double[x.length];
        double s = 0;
        for (int c = 0; c < k; c++) {
            s += early[0] * x[c];
            for (int j = 0; j < x.length; j++) {
                early[j] = x[j] * x[c] + c;
            }
            s += early[x.length - 1] * early[0];
            for (int a = 0; a < x.length; a++) {
                for (int b = a; b < x.length; b++) {
                    s += early[a] * early[b] * 0.25;
                }
            }
        }
        return s;
    }

    // the fill's range grows with the loop: early iterations read an element not yet written
    //@at ({0.3, -0.7, 1.1, 0.8}, 4)
    //@at ({-0.4, 0.9, 0.5}, 3)
    @Differentiable
    static double rangeMovesWithLoop(double[] x, int k) {
        double[] grown = new double[k];
        double s = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < c + 1; j++) {
                grown[j] = x[j] * x[c];
            }
            s += grown[k - 1] * x[c] + grown[0];
            for (int a = 0; a < k; a++) {
                for (int b = a; b < k; b++) {
                    s += grown[a] * grown[b] * 0.25;
                }
            }
        }
        return s;
    }

    // the fill's indices move with the loop: an element written by a later iteration reads 0 before
    //@at ({0.3, -0.7, 1.1, 0.8}, 2, 2)
    //@at ({-0.4, 0.9, 0.5, 1.5, -1.1, 0.2}, 3, 2)
    @Differentiable
    static double indicesMoveWithLoop(double[] x, int k, int d) {
        double[] shifted = new double[k * d];
        double s = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                shifted[c * d + j] = x[c * d + j] * x[j];
            }
            s += shifted[(k - 1) * d] * x[c] + shifted[c * d];
            for (int a = 0; a < k * d; a++) {
                for (int b = a; b < k * d; b++) {
                    s += shifted[a] * shifted[b] * 0.25;
                }
            }
        }
        return s;
    }

    // filled from a value the loop changes (not a counter)
    //@at ({0.3, -0.7, 1.1, 0.8}, 3)
    //@at ({-0.4, 0.9, 0.5}, 2)
    @Differentiable
    static double filledFromChangingValue(double[] x, int k) {
        double[] scaled = new double[x.length];
        double p = 1;
        double s = 0;
        for (int c = 0; c < k; c++) {
            p = p * 0.5 + x[c];
            for (int j = 0; j < x.length; j++) {
                scaled[j] = x[j] * p;
            }
            s += scaled[0] * scaled[x.length - 1];
            for (int a = 0; a < x.length; a++) {
                for (int b = a; b < x.length; b++) {
                    s += scaled[a] * scaled[b] * 0.25;
                }
            }
        }
        return s;
    }

    // written again after the fill
    //@at ({0.3, -0.7, 1.1, 0.8}, 3)
    //@at ({-0.4, 0.9, 0.5}, 2)
    @Differentiable
    static double writtenTwice(double[] x, int k) {
        double[] twice = new double[x.length];
        double s = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < x.length; j++) {
                twice[j] = x[j] - x[c];
            }
            twice[0] = twice[1] * s;
            s += twice[0] * x[c] + twice[1] * twice[1];
            for (int a = 0; a < x.length; a++) {
                for (int b = a; b < x.length; b++) {
                    s += twice[a] * twice[b] * 0.25;
                }
            }
        }
        return s;
    }

    // read after the loop as well
    //@at ({0.3, -0.7, 1.1, 0.8}, 3)
    //@at ({-0.4, 0.9, 0.5}, 2)
    @Differentiable
    static double readAfterLoop(double[] x, int k) {
        double[] late = new double[x.length];
        double s = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < x.length; j++) {
                late[j] = x[j] * x[c];
            }
            s += late[0] * late[1];
            for (int a = 0; a < x.length; a++) {
                for (int b = a; b < x.length; b++) {
                    s += late[a] * late[b] * 0.25;
                }
            }
        }
        return s * late[x.length - 1];
    }
}
