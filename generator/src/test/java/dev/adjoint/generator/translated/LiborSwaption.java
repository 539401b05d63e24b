package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.p;

/**
 * XAD's LIBOR swaption portfolio sample ({@code samples/LiborSwaptionPricer}), after Giles and Glasserman's LIBOR
 * market model, written in Java: {@code pathGen} evolves the forward rates over the times of one path, writing them in
 * place; {@code valuePortfolio} discounts and sums the swaptions' payoffs ({@code if (swapval < 0)}, a kink); the
 * {@code @Differentiable} price averages over paths drawn by a seeded {@code java.util.Random}, so its gradient is the
 * pathwise one the sample computes (and checks against bumping). 16 rates and 8 times instead of the sample's 80 and
 * 40, 20 paths instead of 10,000.
 */
final class LiborSwaption {
    private LiborSwaption() {}

    static final String SOURCE = """
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

            static double valuePortfolio(double delta, int[] maturities, double[] swaprates, double[] L) {
                int nn = L.length;
                int n = nn / 2;
                double[] bTmp = new double[nn];
                double[] sTmp = new double[nn];
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
                    v = v / (1.0 + delta * L[k]);
                }
                return v;
            }

            @Differentiable(wrt = {"delta", "lambda", "L0"})
            static double liborPortfolio(double delta, double[] lambda, double[] L0, int[] maturities, double[] swaprates,
                    long seed, int numPaths) {
                java.util.Random gen = new java.util.Random(seed);
                double[] samples = new double[lambda.length / 2];
                double[] L = new double[L0.length];
                double price = 0.;
                for (int path = 0; path < numPaths; ++path) {
                    for (int k = 0; k < samples.length; k++) {
                        samples[k] = gen.nextGaussian();
                    }
                    System.arraycopy(L0, 0, L, 0, L0.length);
                    pathGen(delta, L, lambda, samples);
                    price += valuePortfolio(delta, maturities, swaprates, L);
                }
                return price / numPaths;
            }
            """;

    /** delta, lambda and L0 flat (the sample's market, smaller), the sample's portfolio scaled to 8 times. */
    static Object[] point(double delta, double lambda, double l0) {
        double[] lam = new double[16];
        double[] rates = new double[16];
        for (int i = 0; i < 16; i++) {
            lam[i] = lambda * (1 + 0.01 * i);
            rates[i] = l0 * (1 - 0.004 * i);
        }
        int[] maturities = {1, 1, 1, 2, 2, 2, 4, 4, 4, 6, 6, 6, 8, 8, 8};
        double[] swaprates = {.045, .05, .055, .045, .05, .055, .045, .05, .055, .045, .05, .055, .045, .05, .055};
        return p(delta, lam, rates, maturities, swaprates, 91672912L, 20);
    }
}
