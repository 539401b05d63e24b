package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * FastAD's tests (github.com/JamesYang007/FastAD {@code test/}): the integration test's {@code F}, {@code G},
 * {@code H} and {@code PHI} expressions ({@code integration/ad_inttest.cpp}, with the gradients it asserts at
 * {@code (0.1, 2.3, -1, 4.1, -5.21)}), {@code if_else} ({@code if_else_complicated}, {@code if_on_if}, the vector
 * form), the normal log-density without its constant in each argument shape (sss, vss, vvs, vsv, and vvm with a
 * covariance matrix; {@code stat/normal_unittest.cpp}, values from {@code stat/ref/normal_ref.py}), the Cauchy,
 * Bernoulli and uniform ones, {@code log_det} (by LU, published as {@code A⁻ᵀ}; and by Cholesky), {@code det},
 * {@code norm} (squared) and {@code pow}; {@code F} also in {@code float}.
 */
final class FastAdFunctions {
    private FastAdFunctions() {}

    static Ported of(String file, String method, String body, Object[]... points) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".cpp", "");
        return new Ported(
                "fastad." + stem + "." + method,
                "JamesYang007/FastAD test/" + file,
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static final double[] VAL = {0.1, 2.3, -1., 4.1, -5.21};
    private static final String INT = "integration/ad_inttest.cpp";

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        double[] fGrad = {Math.cos(0.1) * Math.cos(2.3), -Math.sin(0.1) * Math.sin(2.3), 1, VAL[4], VAL[3]};
        l.add(of(INT, "fLambda", """
                // F_lmda: w0 = sin(x0) cos(x1), w1 = x2 + x3 x4, w2 = w0 + w1
                @Differentiable
                static double fLambda(double[] x) {
                    double[] w = new double[3];
                    w[0] = Math.sin(x[0]) * Math.cos(x[1]);
                    w[1] = x[2] + x[3] * x[4];
                    w[2] = w[0] + w[1];
                    return w[2];
                }
                """, p((Object) VAL), p((Object) d(-1.2, 0.4, 2.0, -0.3, 0.9)))
                .publishes(fGrad, 1e-15, (Object) VAL));
        l.add(of(INT, "fWithConstant", """
                // F_with_constant_test: F plus the constant 3.14, the same gradient
                @Differentiable
                static double fWithConstant(double x0, double x1, double x2, double x3, double x4) {
                    double w0 = Math.sin(x0) * Math.cos(x1);
                    double w1 = x2 + x3 * x4;
                    return w0 + w1 + 3.14;
                }
                """, p(0.1, 2.3, -1., 4.1, -5.21))
                .publishes(fGrad, 1e-15, 0.1, 2.3, -1., 4.1, -5.21));
        l.add(of(INT, "fLambdaFloat", """
                // F_lmda in float
                @Differentiable
                static float fLambdaFloat(float[] x) {
                    float w0 = (float) Math.sin(x[0]) * (float) Math.cos(x[1]);
                    float w1 = x[2] + x[3] * x[4];
                    return w0 + w1;
                }
                """, p((Object) new float[] {0.1f, 2.3f, -1f, 4.1f, -5.21f})));
        double sumSin = 0;
        for (double v : VAL) {
            sumSin += Math.sin(v);
        }
        double[] gGrad = new double[5];
        for (int j = 0; j < 5; j++) {
            gGrad[j] = 2 * sumSin * Math.cos(VAL[j]) + Math.sin(VAL[j]);
        }
        l.add(of(INT, "gLambda", """
                // G_lmda: w0 = sum(sin(x)), w1 = w0 * w0 - sum(cos(x)); gradient 2 w0 cos(x_j) + sin(x_j)
                @Differentiable
                static double gLambda(double[] x) {
                    double w0 = 0;
                    for (double v : x) {
                        w0 += Math.sin(v);
                    }
                    double c = 0;
                    for (double v : x) {
                        c += Math.cos(v);
                    }
                    return w0 * w0 - c;
                }
                """, p((Object) VAL)).publishes(gGrad, 1e-14, (Object) VAL));
        l.add(of(INT, "hLambda", """
                // H_lmda: x0 * x4; gradient (x4, 0, 0, 0, x0)
                @Differentiable
                static double hLambda(double[] x) {
                    return x[0] * x[4];
                }
                """, p((Object) VAL)).publishes(d(VAL[4], 0, 0, 0, VAL[0]), 0, (Object) VAL));
        l.add(of(INT, "phi", """
                static double sumOf(double[] x, int kind) {
                    double s = 0;
                    for (double v : x) {
                        s += kind == 0 ? Math.cos(v) * Math.exp(v) : Math.sin(v) * Math.exp(v);
                    }
                    return s;
                }

                // function_vector_complex: PHI_lmda, seven chained statements over sums and a product of the vector
                @Differentiable
                static double phi(double[] x) {
                    double prodCos = 1;
                    for (double v : x) {
                        prodCos *= Math.cos(v);
                    }
                    double w0 = Math.sin(x[0]) * Math.cos(Math.exp(x[1])) + Math.exp(x[0]) - x[1];
                    double w1 = Math.sin(w0) - sumOf(x, 0);
                    double w2 = Math.sin(w1) + sumOf(x, 1);
                    double w3 = Math.sin(w2) + prodCos;
                    double w4 = Math.sin(w3) + sumOf(x, 1);
                    double w5 = Math.sin(w4) + sumOf(x, 0);
                    return Math.sin(w5) + sumOf(x, 1);
                }
                """, p((Object) d(0.3, -1.1, 0.45, 1.7, -0.6, 0.2, 0.9, -0.25))));
        String ifElse = "reverse/core/if_else_unittest.cpp";
        l.add(of(ifElse, "ifElseComplicated", """
                // if_else_complicated: if_else((x < y) && (z < w), x * y + z, x); 5 and (2, 1, 1, 0) at (1, 2, 3, 4)
                @Differentiable
                static double ifElseComplicated(double x, double y, double z, double w) {
                    return (x < y) && (z < w) ? x * y + z : x;
                }
                """, p(1.0, 2.0, 3.0, 4.0), p(2.5, 2.0, 3.0, 4.0))
                .publishes(d(2, 1, 1, 0), 0, 1.0, 2.0, 3.0, 4.0));
        l.add(of(ifElse, "ifOnIf", """
                // if_on_if: if_else(x < y, if_else(z < w, x * y + z, x), 0)
                @Differentiable
                static double ifOnIf(double x, double y, double z, double w) {
                    if (x < y) {
                        if (z < w) {
                            return x * y + z;
                        }
                        return x;
                    }
                    return 0.0;
                }
                """, p(1.0, 2.0, 3.0, 4.0), p(1.0, 2.0, 5.0, 4.0), p(3.0, 2.0, 3.0, 4.0))
                .publishes(d(2, 1, 1, 0), 0, 1.0, 2.0, 3.0, 4.0));
        l.add(of(
                ifElse,
                "ifElseVector",
                """
                // if_else_complicated_vec: if_else((x < y) && (z < w), vx .* vy + vz, vx)
                @Differentiable(wrt = {"vx", "vy", "vz"})
                static double[] ifElseVector(double x, double y, double z, double w, double[] vx, double[] vy, double[] vz) {
                    double[] r = new double[vx.length];
                    boolean cond = (x < y) && (z < w);
                    for (int i = 0; i < r.length; i++) {
                        r[i] = cond ? vx[i] * vy[i] + vz[i] : vx[i];
                    }
                    return r;
                }
                """,
                p(1.0, 2.0, 3.0, 4.0, d(0.5, -1, 2), d(3, 0.25, -0.5), d(1, 1, 1)),
                p(2.0, 1.0, 3.0, 4.0, d(0.5, -1, 2), d(3, 0.25, -0.5), d(1, 1, 1))));
        FastAdStats.add(l);
        return l;
    }
}
