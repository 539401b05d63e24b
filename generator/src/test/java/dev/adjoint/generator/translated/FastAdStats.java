package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.FastAdFunctions.of;
import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * FastAD's statistics and matrix tests ({@code test/reverse/stat/}, {@code test/reverse/core/}, github.com/
 * JamesYang007/FastAD), part of {@link FastAdFunctions}'s list: the normal log-density without its constant in each
 * argument shape (sss, vss, vvs, vsv, with the values of {@code stat/ref/normal_ref.py}; vvm with a covariance by
 * Cholesky), the Cauchy, Bernoulli and uniform log-densities, {@code log_det} by LU (published {@code A⁻ᵀ}) and by
 * Cholesky, {@code det} by cofactors, the squared {@code norm}, {@code pow}, {@code prod} and {@code sum}.
 */
final class FastAdStats {
    private FastAdStats() {}

    private static final String NORMAL = "reverse/stat/normal_unittest.cpp";
    private static final double[] VX = {3.1, -2.3, 1.3};
    private static final double[] VMU = {-0.3, -2.3, -1.2};
    private static final double[] VSIGMA = {0.01, 1.03, 2.41};

    static void add(List<Ported> l) {
        normal(l);
        other(l);
    }

    private static void normal(List<Ported> l) {
        String logpdf = """
                // the normal log-density without -log(2π)/2: -((x - mu) / sigma)^2 / 2 - log(sigma)
                static double logPdf(double x, double mu, double sigma) {
                    double z = (x - mu) / sigma;
                    return -0.5 * z * z - Math.log(sigma);
                }
                """;
        l.add(of(NORMAL, "normalSss", logpdf + """

                // sss_beval: scalar x, mu, sigma; at (2.31, -0.2, 0.01): -25100, 25100, 6300000
                @Differentiable
                static double normalSss(double x, double mu, double sigma) {
                    return logPdf(x, mu, sigma);
                }
                """, p(2.31, -0.2, 0.01), p(0.4, 0.1, 1.7))
                .publishes(d(-25100, 25100, 6300000.0000000009313226), 1e-13, 2.31, -0.2, 0.01));
        double s2 = 0.01 * 0.01;
        double[] vss = new double[5];
        double dmu = 0;
        double zz = 0;
        for (int i = 0; i < 3; i++) {
            vss[i] = -(VX[i] + 0.2) / s2;
            dmu += (VX[i] + 0.2) / s2;
            zz += (VX[i] + 0.2) * (VX[i] + 0.2) / s2;
        }
        vss[3] = dmu;
        vss[4] = (zz - 3) / 0.01;
        l.add(of(NORMAL, "normalVss", logpdf + """

                // vss_beval: a vector x, scalar mu and sigma
                @Differentiable
                static double normalVss(double[] x, double mu, double sigma) {
                    double s = 0;
                    for (double v : x) {
                        s += logPdf(v, mu, sigma);
                    }
                    return s;
                }
                """, p(VX, -0.2, 0.01), p(VX, 0.3, 1.9))
                .publishes(vss, 1e-13, VX, -0.2, 0.01));
        double[] vvs = new double[7];
        zz = 0;
        for (int i = 0; i < 3; i++) {
            vvs[i] = -(VX[i] - VMU[i]) / s2;
            vvs[3 + i] = -vvs[i];
            zz += (VX[i] - VMU[i]) * (VX[i] - VMU[i]) / s2;
        }
        vvs[6] = (zz - 3) / 0.01;
        l.add(of(NORMAL, "normalVvs", logpdf + """

                // vvs_beval: vectors x and mu, a scalar sigma
                @Differentiable
                static double normalVvs(double[] x, double[] mu, double sigma) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += logPdf(x[i], mu[i], sigma);
                    }
                    return s;
                }
                """, p(VX, VMU, 0.01), p(VX, VMU, 2.2))
                .publishes(vvs, 1e-13, VX, VMU, 0.01));
        double[] vsv = new double[7];
        for (int i = 0; i < 3; i++) {
            double sg = VSIGMA[i] * VSIGMA[i];
            vsv[i] = -(VX[i] + 0.2) / sg;
            vsv[3] -= vsv[i];
            vsv[4 + i] = ((VX[i] + 0.2) * (VX[i] + 0.2) / sg - 1) / VSIGMA[i];
        }
        l.add(of(NORMAL, "normalVsv", logpdf + """

                // vsv_beval: a vector x, a scalar mu, a vector of standard deviations
                @Differentiable
                static double normalVsv(double[] x, double mu, double[] sigma) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += logPdf(x[i], mu, sigma[i]);
                    }
                    return s;
                }
                """, p(VX, -0.2, VSIGMA)).publishes(vsv, 1e-13, VX, -0.2, VSIGMA));
        l.add(of(NORMAL, "normalVvm", """
                // vvm: the multivariate log-density without its constant, -(x - mu)ᵀ Σ⁻¹ (x - mu) / 2 - log det Σ / 2,
                // Σ read from its lower triangle (as the fixture fills it) and factored by Cholesky
                @Differentiable
                static double normalVvm(double[] x, double[] mu, double[][] sigma) {
                    int n = x.length;
                    double[][] c = new double[n][n];
                    double halfLogDet = 0;
                    for (int j = 0; j < n; j++) {
                        double s = sigma[j][j];
                        for (int k = 0; k < j; k++) {
                            s -= c[j][k] * c[j][k];
                        }
                        c[j][j] = Math.sqrt(s);
                        halfLogDet += Math.log(c[j][j]);
                        for (int i = j + 1; i < n; i++) {
                            double t = sigma[i][j];
                            for (int k = 0; k < j; k++) {
                                t -= c[i][k] * c[j][k];
                            }
                            c[i][j] = t / c[j][j];
                        }
                    }
                    // forward substitution: c z = x - mu, and the quadratic form is |z|^2
                    double[] z = new double[n];
                    double q = 0;
                    for (int i = 0; i < n; i++) {
                        double t = x[i] - mu[i];
                        for (int k = 0; k < i; k++) {
                            t -= c[i][k] * z[k];
                        }
                        z[i] = t / c[i][i];
                        q += z[i] * z[i];
                    }
                    return -0.5 * q - halfLogDet;
                }
                """, p(VX, VMU, m(d(1.0, 0, 0), d(0.3, 2.0, 0), d(0.2, -0.3, 3.0)))));
        String stat = "reverse/stat/";
        l.add(of(stat + "cauchy_unittest.cpp", "cauchy", """
                // the Cauchy log-density without -log(π): -log(1 + ((x - loc) / scale)^2) - log(scale), over a vector
                @Differentiable
                static double cauchy(double[] x, double loc, double scale) {
                    double s = 0;
                    for (double v : x) {
                        double z = (v - loc) / scale;
                        s += -Math.log(1 + z * z) - Math.log(scale);
                    }
                    return s;
                }
                """, p(VX, -0.2, 0.5), p(VX, 1.2, 3.1)));
        l.add(of(stat + "bernoulli_unittest.cpp", "bernoulli", """
                // the Bernoulli log-mass: x log p + (1 - x) log(1 - p), x in {0, 1}
                @Differentiable(wrt = "p")
                static double bernoulli(int[] x, double[] p) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] == 1 ? Math.log(p[i]) : Math.log(1 - p[i]);
                    }
                    return s;
                }
                """, p(new int[] {1, 0, 1}, d(0.2, 0.7, 0.45)))
                .publishes(d(5, -1 / 0.3, 1 / 0.45), 1e-15, new int[] {1, 0, 1}, d(0.2, 0.7, 0.45)));
        l.add(of(stat + "uniform_unittest.cpp", "uniform", """
                // the uniform log-density: -log(max - min) inside [min, max], -inf outside
                @Differentiable
                static double uniform(double[] x, double min, double max) {
                    double s = 0;
                    for (double v : x) {
                        if (v < min || v > max) {
                            return Double.NEGATIVE_INFINITY;
                        }
                        s -= Math.log(max - min);
                    }
                    return s;
                }
                """, p(d(0.1, 0.5, -0.3), -0.9, 1.4))
                .publishes(d(0, 0, 0, 3 / 2.3, -3 / 2.3), 1e-15, d(0.1, 0.5, -0.3), -0.9, 1.4));
    }

    private static void other(List<Ported> l) {
        double[][] a = {{2, 3, 1, 5}, {3, 5, -1, 3}, {-2, 3, 1, 0}, {-1, -1, 2, 7}};
        l.add(of("reverse/core/log_det_unittest.cpp", "logDetLu", """
                // log_det_fplu: log |det A| by LU with partial pivoting; its gradient is A⁻ᵀ
                @Differentiable
                static double logDetLu(double[][] a) {
                    int n = a.length;
                    double[][] u = new double[n][];
                    for (int i = 0; i < n; i++) {
                        u[i] = a[i].clone();
                    }
                    double s = 0;
                    for (int c = 0; c < n; c++) {
                        int pivot = c;
                        for (int r = c + 1; r < n; r++) {
                            if (Math.abs(u[r][c]) > Math.abs(u[pivot][c])) {
                                pivot = r;
                            }
                        }
                        for (int k = 0; k < n; k++) {
                            double t = u[c][k];
                            u[c][k] = u[pivot][k];
                            u[pivot][k] = t;
                        }
                        s += Math.log(Math.abs(u[c][c]));
                        for (int r = c + 1; r < n; r++) {
                            double f = u[r][c] / u[c][c];
                            for (int k = c; k < n; k++) {
                                u[r][k] -= f * u[c][k];
                            }
                        }
                    }
                    return s;
                }
                """, p((Object) a))
                .publishes(inverseTransposed(a), 3e-13, (Object) a));
        l.add(of("reverse/core/log_det_unittest.cpp", "logDetLlt", """
                // log_det_llt: log det A of a symmetric positive definite A by Cholesky (its lower triangle read)
                @Differentiable
                static double logDetLlt(double[][] a) {
                    int n = a.length;
                    double[][] c = new double[n][n];
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        double d = a[j][j];
                        for (int k = 0; k < j; k++) {
                            d -= c[j][k] * c[j][k];
                        }
                        c[j][j] = Math.sqrt(d);
                        s += 2 * Math.log(c[j][j]);
                        for (int i = j + 1; i < n; i++) {
                            double t = a[i][j];
                            for (int k = 0; k < j; k++) {
                                t -= c[i][k] * c[j][k];
                            }
                            c[i][j] = t / c[j][j];
                        }
                    }
                    return s;
                }
                """, p((Object)
                m(d(8, 3, 1, 5), d(3, 5, 1, 3), d(1, 1, 1, 0), d(5, 3, 0, 7)))));
        l.add(of("reverse/core/det_unittest.cpp", "det3", """
                // det of a 3 x 3 by cofactors along the first row; its gradient is the cofactor matrix
                @Differentiable
                static double det3(double[][] a) {
                    return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                            - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                            + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
                }
                """, p((Object) m(d(2, 3, 1), d(3, 5, -1), d(-2, 3, 1))))
                .publishes(d(8, -1, 19, 0, 4, -12, -8, 5, 1), 0, (Object) m(d(2, 3, 1), d(3, 5, -1), d(-2, 3, 1))));
        l.add(of("reverse/core/norm_unittest.cpp", "squaredNorm", """
                // norm: the squared Euclidean norm of f(x) elementwise (here f = exp, the fixture's unary), 2 f f'
                @Differentiable
                static double squaredNorm(double[] x) {
                    double s = 0;
                    for (double v : x) {
                        double u = Math.exp(v);
                        s += u * u;
                    }
                    return s;
                }
                """, p((Object) d(0.3, -1.2, 0.8)))
                .publishes(d(2 * Math.exp(0.6), 2 * Math.exp(-2.4), 2 * Math.exp(1.6)), 1e-15, (Object)
                        d(0.3, -1.2, 0.8)));
        l.add(of("reverse/core/pow_unittest.cpp", "powers", """
                // pow: x^y with both active, x^3 with an integer exponent, and x^-2
                @Differentiable
                static double powers(double x, double y) {
                    return Math.pow(x, y) + Math.pow(x, 3) + Math.pow(x, -2);
                }
                """, p(1.7, 2.3), p(0.4, -1.1))
                .publishes(
                        d(
                                2.3 * Math.pow(1.7, 1.3) + 3 * 1.7 * 1.7 - 2 / Math.pow(1.7, 3),
                                Math.pow(1.7, 2.3) * Math.log(1.7)),
                        1e-14,
                        1.7,
                        2.3));
        l.add(of("reverse/core/prod_unittest.cpp", "prodSum", """
                // prod and sum over a range with a unary expression: prod(cos(x)) + sum(sin(x) exp(x))
                @Differentiable
                static double prodSum(double[] x) {
                    double p = 1;
                    double s = 0;
                    for (double v : x) {
                        p *= Math.cos(v);
                        s += Math.sin(v) * Math.exp(v);
                    }
                    return p + s;
                }
                """, p((Object) d(0.3, -1.1, 0.45, 1.2))));
    }

    /** {@code A⁻ᵀ} by Gauss-Jordan elimination with partial pivoting (the published gradient of log |det A|). */
    static double[] inverseTransposed(double[][] a) {
        int n = a.length;
        double[][] u = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, u[i], 0, n);
            u[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(u[r][c]) > Math.abs(u[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = u[c];
            u[c] = u[pivot];
            u[pivot] = t;
            double inv = 1 / u[c][c];
            for (int k = 0; k < 2 * n; k++) {
                u[c][k] *= inv;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = u[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        u[r][k] -= f * u[c][k];
                    }
                }
            }
        }
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i * n + j] = u[j][n + i];
            }
        }
        return g;
    }
}
