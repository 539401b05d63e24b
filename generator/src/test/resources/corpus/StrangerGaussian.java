package corpus;

import dev.adjoint.Differentiable;

//@uses StrangerUtil

/** Negative log-likelihood of a multivariate normal through its Cholesky factor. */
public final class StrangerGaussian {
    private StrangerGaussian() {}

    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (sum <= 0.0) {
                        throw new IllegalArgumentException("covariance is not positive definite at row " + i);
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    /** Solves L y = b for lower-triangular L. */
    static void forwardSubstitution(double[][] l, double[] b, double[] y) {
        for (int i = 0; i < b.length; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
    }

    /** Solves L^T x = y for lower-triangular L. */
    static void backSubstitution(double[][] l, double[] y, double[] x) {
        int n = y.length;
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
    }

    //@at ({0.3, -0.2, 0.5}, {0.1, 0.2, -0.1}, {{2.0, 0.3, 0.1}, {0.3, 1.5, -0.2}, {0.1, -0.2, 1.2}})
    //@at ({1.0, 0.5}, {-0.4, 0.7}, {{1.3, -0.4}, {-0.4, 0.9}})
    @Differentiable(wrt = {"mu", "cov"})
    public static double negLogLikelihood(double[] x, double[] mu, double[][] cov) {
        final int n = x.length;
        if (mu.length != n || cov.length != n) {
            throw new IllegalArgumentException("dimension mismatch");
        }
        double[][] l = cholesky(cov);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = x[i] - mu[i];
        }
        double[] z = new double[n];
        forwardSubstitution(l, r, z);
        double quad = 0.0;
        double logDet = 0.0;
        for (int i = 0; i < n; i++) {
            quad += z[i] * z[i];
            logDet += Math.log(l[i][i]);
        }
        return 0.5 * quad + logDet + 0.5 * n * Math.log(2.0 * Math.PI);
    }

    /** The same quadratic form, solving Sigma^{-1} r with both triangular solves. */
    //@at ({0.3, -0.2, 0.5}, {{2.0, 0.3, 0.1}, {0.3, 1.5, -0.2}, {0.1, -0.2, 1.2}})
    //@at ({1.0, 0.5}, {{1.3, -0.4}, {-0.4, 0.9}})
    @Differentiable
    public static double mahalanobis(double[] r, double[][] cov) {
        double[][] l = cholesky(cov);
        double[] y = new double[r.length];
        double[] x = new double[r.length];
        forwardSubstitution(l, r, y);
        backSubstitution(l, y, x);
        return StrangerUtil.dot(r, x);
    }
}
