package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;

/**
 * Chainer's {@code det} and {@code inv} ({@link ChainerFunctions}) as a Java programmer writes them: LU with partial
 * pivoting, the pivot rows exchanged element by element, the determinant the product of the pivots with the sign of
 * the permutation; the inverse by Gauss–Jordan with partial pivoting on the matrix and the identity side by side.
 */
final class ChainerLinAlg {
    private ChainerLinAlg() {}

    static final double[][] A = m(d(0.6, 0.9, 0.7), d(0.8, 0.55, 0.95), d(0.5, 0.75, 0.65));
    static final double[][] B = m(d(0.1, 2.0, -0.4), d(1.5, 0.2, 0.3), d(-0.6, 0.4, 1.1));

    static final String DET = """
            @Differentiable
            static double det(double[][] x) {
                int n = x.length;
                double[][] a = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        a[i][j] = x[i][j];
                    }
                }
                double det = 1;
                for (int k = 0; k < n; k++) {
                    int p = k;
                    for (int i = k + 1; i < n; i++) {
                        if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
                            p = i;
                        }
                    }
                    if (p != k) {
                        for (int j = 0; j < n; j++) {
                            double t = a[k][j];
                            a[k][j] = a[p][j];
                            a[p][j] = t;
                        }
                        det = -det;
                    }
                    det *= a[k][k];
                    for (int i = k + 1; i < n; i++) {
                        double f = a[i][k] / a[k][k];
                        for (int j = k; j < n; j++) {
                            a[i][j] -= f * a[k][j];
                        }
                    }
                }
                return det;
            }
            """;

    static final String INV = """
            @Differentiable
            static double[] inv(double[][] x) {
                int n = x.length;
                double[][] a = new double[n][2 * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        a[i][j] = x[i][j];
                    }
                    a[i][n + i] = 1;
                }
                for (int c = 0; c < n; c++) {
                    int p = c;
                    for (int r = c + 1; r < n; r++) {
                        if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                            p = r;
                        }
                    }
                    for (int j = 0; j < 2 * n; j++) {
                        double t = a[c][j];
                        a[c][j] = a[p][j];
                        a[p][j] = t;
                    }
                    double piv = a[c][c];
                    for (int j = 0; j < 2 * n; j++) {
                        a[c][j] /= piv;
                    }
                    for (int r = 0; r < n; r++) {
                        if (r != c) {
                            double f = a[r][c];
                            for (int j = 0; j < 2 * n; j++) {
                                a[r][j] -= f * a[c][j];
                            }
                        }
                    }
                }
                double[] out = new double[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        out[i * n + j] = a[i][n + j];
                    }
                }
                return out;
            }
            """;

    /** det(A) A⁻ᵀ for a 3x3 matrix: the cofactor matrix, row by row. */
    static double[] detGradient(double[][] a) {
        double[] g = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (i + 1) % 3;
                int i2 = (i + 2) % 3;
                int j1 = (j + 1) % 3;
                int j2 = (j + 2) % 3;
                g[i * 3 + j] = a[i1][j1] * a[i2][j2] - a[i1][j2] * a[i2][j1];
            }
        }
        return g;
    }
}
