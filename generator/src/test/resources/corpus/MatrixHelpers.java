package corpus;

import dev.adjoint.Differentiable;

/**
 * Plain helpers returning a {@code double[][]}, composed as users compose matrix code, and helpers
 * whose locals or parameters are named like fields of the class.
 */
public class MatrixHelpers {
    static final double[] C = {0.5, -1.0};
    static final double SCALE = 2;

    // (its local C shadows the field C: every use of C in it is the local's)
    static double[][] matmul(double[][] A, double[][] B) {
        int n = A.length, m = B[0].length, k = B.length;
        double[][] C = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += A[i][t] * B[t][j];
                }
                C[i][j] = s;
            }
        }
        return C;
    }

    static double trace(double[][] A) {
        double s = 0;
        for (int i = 0; i < A.length; i++) {
            s += A[i][i];
        }
        return s;
    }

    // a call whose argument is a call returning a matrix: the inner one runs first
    //@at ({{1, 2}, {3, 4}, {0.5, -1}}, {{0.3, -0.2, 1}, {0.7, 0.1, -0.4}})
    //@at ({{0.2, -0.7}, {1.1, 0.4}}, {{0.9, 0.3}, {-0.6, 1.5}})
    @Differentiable
    static double traceOfProduct(double[][] A, double[][] B) {
        return trace(matmul(A, B)) + C[0] * A[0][0];
    }

    // a local matrix from a helper, read whole afterwards; the product of three
    //@at ({{1, 2}, {3, 4}}, {{0.3, -0.2}, {0.7, 0.1}})
    //@at ({{0.2, -0.7}, {1.1, 0.4}}, {{0.9, 0.3}, {-0.6, 1.5}})
    @Differentiable
    static double frobeniusOfCube(double[][] A, double[][] B) {
        double[][] P = matmul(matmul(A, B), A);
        double s = 0;
        for (double[] row : P) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    // a parameter named like a field: it is the parameter everywhere in the helper
    static double scaled(double SCALE, double x) {
        return SCALE * x * x;
    }

    // reads the field SCALE, then declares a local SCALE in an inner block: the first read is the field's
    static double shadowLater(double[] v) {
        double s = SCALE * v[0];
        for (int i = 1; i < v.length; i++) {
            double SCALE = 0.5 * i;
            s += SCALE * v[i] * v[i];
        }
        return s;
    }

    //@at ({0.7, -1.2, 0.4}, 1.5)
    //@at ({-0.3, 0.9, 2.0}, -0.8)
    @Differentiable
    static double fieldNames(double[] v, double x) {
        return scaled(x, v[0]) + shadowLater(v) + SCALE * x;
    }

    static double[] twice(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = 2 * a[i];
        }
        return r;
    }

    static double first(double[] a) {
        return a[0] * a[1];
    }

    // helpers handing back an array under ?: and &&: the statement split into its branches, each call inlined in its own
    //@at ({0.7, -1.2, 0.4}, true)
    //@at ({-0.3, 0.9, 2.0}, false)
    @Differentiable
    static double underConditionals(double[] a, boolean c) {
        double y = c ? first(twice(a)) : a[1] * a[2];
        boolean big = c && first(twice(a)) > 0.1;
        if (big || first(twice(a)) < -0.5) {
            y += a[2];
        }
        return c ? y * first(twice(a)) : y;
    }
}
