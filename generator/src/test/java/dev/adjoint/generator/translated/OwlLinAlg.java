package dev.adjoint.generator.translated;

/**
 * The linear algebra of Owl's matrix tests ({@link OwlFunctions}) as a Java programmer writes it: the Gram matrix
 * {@code XᵀX + εI}, its inverse by Gauss–Jordan elimination (no pivoting: it is positive definite), its log-determinant
 * and the inverse of its Cholesky factor by forward substitution.
 */
final class OwlLinAlg {
    private OwlLinAlg() {}

    private static final String GRAM = """
            static double[][] gram(double[][] x, double eps) {
                int n = x.length;
                double[][] s = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double v = i == j ? eps : 0;
                        for (int k = 0; k < n; k++) {
                            v += x[k][i] * x[k][j];
                        }
                        s[i][j] = v;
                    }
                }
                return s;
            }

            static double[][] cholesky(double[][] a) {
                int n = a.length;
                double[][] l = new double[n][n];
                for (int j = 0; j < n; j++) {
                    double d = a[j][j];
                    for (int k = 0; k < j; k++) {
                        d -= l[j][k] * l[j][k];
                    }
                    l[j][j] = Math.sqrt(d);
                    for (int i = j + 1; i < n; i++) {
                        double v = a[i][j];
                        for (int k = 0; k < j; k++) {
                            v -= l[i][k] * l[j][k];
                        }
                        l[i][j] = v / l[j][j];
                    }
                }
                return l;
            }
            """;

    static final String INV = GRAM + """

            // Owl's inv: inv(XᵀX + I), flattened row by row
            @Differentiable
            static double[] invGram(double[][] x) {
                int n = x.length;
                double[][] a = gram(x, 1.0);
                double[][] inv = new double[n][n];
                for (int i = 0; i < n; i++) {
                    inv[i][i] = 1;
                }
                for (int c = 0; c < n; c++) {
                    double p = a[c][c];
                    for (int j = 0; j < n; j++) {
                        a[c][j] /= p;
                        inv[c][j] /= p;
                    }
                    for (int r = 0; r < n; r++) {
                        if (r != c) {
                            double f = a[r][c];
                            for (int j = 0; j < n; j++) {
                                a[r][j] -= f * a[c][j];
                                inv[r][j] -= f * inv[c][j];
                            }
                        }
                    }
                }
                double[] out = new double[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        out[i * n + j] = inv[i][j];
                    }
                }
                return out;
            }
            """;

    static final String LOGDET = GRAM + """

            // Owl's Linalg.logdet(XᵀX + I): twice the sum of the logs of the Cholesky factor's diagonal
            @Differentiable
            static double logdetGram(double[][] x) {
                double[][] l = cholesky(gram(x, 1.0));
                double s = 0;
                for (int i = 0; i < l.length; i++) {
                    s += 2 * Math.log(l[i][i]);
                }
                return s;
            }
            """;

    static final String CHOL_INV = GRAM + """

            // Owl's inv(chol ~upper:false (XᵀX + 0.001 I)): the lower factor inverted by forward substitution
            @Differentiable
            static double[] cholInverse(double[][] x) {
                int n = x.length;
                double[][] l = cholesky(gram(x, 0.001));
                double[] out = new double[n * n];
                for (int c = 0; c < n; c++) {
                    for (int i = 0; i < n; i++) {
                        double v = i == c ? 1 : 0;
                        for (int k = 0; k < i; k++) {
                            v -= l[i][k] * out[k * n + c];
                        }
                        out[i * n + c] = v / l[i][i];
                    }
                }
                return out;
            }
            """;
}
