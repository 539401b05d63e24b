package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/** Variants of the XAD, Kotlin∇ and ad functions as other Java programmers would write them. */
final class SuiteVariants {
    private SuiteVariants() {}

    private static Ported v(String method, String body, Object[]... points) {
        return new Ported(
                "variant.xad." + method,
                "variants of XAD's samples and tests",
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        l.add(v("liborClone", """
                static void fillGaussian(java.util.Random gen, double[] z) {
                    for (int k = 0; k < z.length; k++) {
                        z[k] = gen.nextGaussian();
                    }
                }

                static void pathGen(double delta, double[] L, double[] lambda, double[] z) {
                    for (int n = 0; n < z.length; n++) {
                        double sqez = Math.sqrt(delta) * z[n];
                        double v = 0.0;
                        for (int i = n + 1; i < L.length; i++) {
                            double lam = lambda[i - n - 1];
                            double con1 = delta * lam;
                            v += (con1 * L[i]) / (1.0 + delta * L[i]);
                            L[i] *= Math.exp(con1 * v + lam * (sqez - 0.5 * con1));
                        }
                    }
                }

                static double valuePortfolio(double delta, int[] maturities, double[] swaprates, double[] L,
                        double[] bTmp, double[] sTmp) {
                    int nn = L.length;
                    int n = nn / 2;
                    double b = 1.0;
                    double s = 0.0;
                    for (int k = n; k < nn; ++k) {
                        b = b / (1.0 + delta * L[k]);
                        s = s + delta * b;
                        bTmp[k] = b;
                        sTmp[k] = s;
                    }
                    double v = 0.0;
                    for (int i = 0; i < swaprates.length; i++) {
                        int m = maturities[i] + n - 1;
                        double swapval = bTmp[m] + swaprates[i] * sTmp[m] - 1.0;
                        if (swapval < 0.) {
                            v += -100.0 * swapval;
                        }
                    }
                    for (int k = 0; k < n; k++) {
                        v /= 1.0 + delta * L[k];
                    }
                    return v;
                }

                @Differentiable(wrt = {"delta", "lambda", "L0"})
                static double liborClone(double delta, double[] lambda, double[] L0, int[] maturities,
                        double[] swaprates, long seed, int numPaths) {
                    java.util.Random gen = new java.util.Random(seed);
                    double[] samples = new double[lambda.length / 2];
                    double[] tmp1 = new double[L0.length];
                    double[] tmp2 = new double[L0.length];
                    double price = 0.;
                    for (int path = 0; path < numPaths; ++path) {
                        fillGaussian(gen, samples);
                        double[] L = L0.clone();
                        pathGen(delta, L, lambda, samples);
                        price += valuePortfolio(delta, maturities, swaprates, L, tmp1, tmp2);
                    }
                    return price / numPaths;
                }
                """, LiborSwaption.point(0.05, 0.2, 0.05)));
        l.add(v("erfDoWhile", """
                static double erf(double x) {
                    double term = x;
                    double sum = x;
                    int n = 0;
                    do {
                        n++;
                        term *= -x * x / n;
                        sum += term / (2 * n + 1);
                    } while (Math.abs(term) > 1e-17);
                    return 2 / Math.sqrt(Math.PI) * sum;
                }

                @Differentiable
                static double erfDoWhile(double x) {
                    return erf(x) * erf(2 * x);
                }
                """, p(0.3), p(-1.2)));
        l.add(v("smoothAbsFloat", """
                static float smoothAbs(float x, float c) {
                    if (Math.abs(x) > c) {
                        return Math.abs(x);
                    }
                    if (x < 0.0f) {
                        return x * x * (2.f / c + x / (c * c));
                    }
                    return x * x * (2.f / c - x / (c * c));
                }

                @Differentiable
                static float smoothAbsFloat(float x, float y) {
                    return 0.5f * (x + y + smoothAbs(x - y, 0.5f)) + x % 0.75f + Math.copySign(x, -y) + Math.max(x, y);
                }
                """, p(0.3f, 0.6f), p(1.7f, -0.7f)));
        l.add(v("modfTrunc", """
                @Differentiable
                static double modfTrunc(double x) {
                    double ipart = (long) x;
                    double frac = x - ipart;
                    double r = x;
                    r %= 0.5;
                    return frac * frac + r + (int) (x * 3) * x;
                }
                """, p(1.2), p(-790.185598)));
        l.add(v("powEdge", """
                @Differentiable
                static double powEdge(double x, double y) {
                    return Math.pow(x, x) + Math.pow(x * x, y) + Math.pow(2, -x) + StrictMath.pow(y, 3)
                            + Math.pow(Math.abs(x), 0.5) + Math.pow(x, 1) + Math.pow(y, 0);
                }
                """, p(0.7, 1.3), p(1.9, -0.4)));
        l.add(v(
                "swapFloat",
                """
                @Differentiable(wrt = "discRates")
                static float swapFloat(float[] discRates, boolean isFixedPay, int n, float[] mat, float[] floatRates,
                        float fixedRate, float faceValue) {
                    float bFix = 0.0f;
                    float bFlt = 0.0f;
                    for (int t = 0; t < n; ++t) {
                        float df = (float) Math.pow(1.0f + discRates[t], -mat[t]);
                        bFix += faceValue * fixedRate * df;
                        bFlt += faceValue * floatRates[t] * df;
                    }
                    float last = faceValue / (float) Math.pow(1.0f + discRates[n - 1], mat[n - 1]);
                    bFix += last;
                    bFlt += last;
                    return isFixedPay ? bFlt - bFix : bFix - bFlt;
                }
                """,
                p(
                        new float[] {0.02f, 0.03f, 0.045f},
                        true,
                        3,
                        new float[] {1, 2, 3},
                        new float[] {0.05f, 0.02f, 0.07f},
                        0.03f,
                        100f)));
        l.add(v("hestonLocals", """
                @Differentiable(wrt = {"kappa", "sigma"})
                static double hestonLocals(double kappa, double sigma, double t) {
                    final double k2 = kappa * kappa, k3 = k2 * kappa;
                    final double s2 = sigma * sigma;
                    double e = Math.exp(-kappa * t), e2 = e * e;
                    return s2 * (1 - e2) / (2 * kappa) + k3 * e / (64. * k2) - s2 / k3;
                }
                """, p(0.4, 0.8, 0.8), p(1.3, 0.2, 2.0)));
        l.add(v("longChainWhile", """
                @Differentiable
                static double longChainWhile(double x, int n) {
                    double pow = 1;
                    int i = n;
                    while (i-- > 0) {
                        pow *= x;
                    }
                    double acc = 0;
                    for (int k = 0; k < 3; k++) {
                        acc += k == 1 ? pow : -pow * 0.25;
                    }
                    return acc;
                }
                """, p(0.999, 200), p(-1.01, 33)));
        return l;
    }
}
