package dev.adjoint.samples.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.DoubleGrad;
import org.junit.jupiter.api.Test;

/**
 * The generated pathwise Greeks against Black–Scholes' closed forms (the published oracle; the
 * Monte Carlo estimate is within a few standard errors of them), the adjoint's price against the
 * method's own, and forward mode against reverse mode.
 */
class MonteCarloCallTest {
    static final double S = 100;
    static final double VOL = 0.2;
    static final double R = 0.03;
    static final double K = 105;
    static final double T = 1.0;
    static final int PATHS = 200_000;

    /** The standard normal distribution function (Abramowitz–Stegun 26.2.17, |error| < 7.5e-8). */
    static double normCdf(double x) {
        double t = 1 / (1 + 0.2316419 * Math.abs(x));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double upper = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) * poly;
        return x >= 0 ? 1 - upper : upper;
    }

    @Test
    void pathwiseGreeksMatchBlackScholes() {
        DoubleGrad delta = new DoubleGrad();
        DoubleGrad vega = new DoubleGrad();
        DoubleGrad rho = new DoubleGrad();
        DoubleGrad dStrike = new DoubleGrad();
        DoubleGrad theta = new DoubleGrad();
        double price = MonteCarloCallAdjoint.priceGrad(S, VOL, R, K, T, PATHS, 7L, delta, vega, rho, dStrike, theta);
        assertEquals(
                MonteCarloCall.price(S, VOL, R, K, T, PATHS, 7L), price, 0.0, "the adjoint's price is the method's");

        double d1 = (Math.log(S / K) + (R + 0.5 * VOL * VOL) * T) / (VOL * Math.sqrt(T));
        double d2 = d1 - VOL * Math.sqrt(T);
        double discount = Math.exp(-R * T);
        double bsPrice = S * normCdf(d1) - K * discount * normCdf(d2);
        double bsDelta = normCdf(d1);
        double bsVega = S * Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI) * Math.sqrt(T);
        double bsRho = K * T * discount * normCdf(d2);
        double bsDStrike = -discount * normCdf(d2);
        // (Monte Carlo error: about 0.03 on the price with 200,000 paths, so a few times that for each Greek)
        assertEquals(bsPrice, price, 0.1, "price");
        assertEquals(bsDelta, delta.get(), 0.005, "delta");
        assertEquals(bsVega, vega.get(), 0.5, "vega");
        assertEquals(bsRho, rho.get(), 0.5, "rho");
        assertEquals(bsDStrike, dStrike.get(), 0.005, "dPrice/dStrike");
    }

    @Test
    void forwardModeAgreesWithReverseMode() {
        DoubleGrad[] g = {new DoubleGrad(), new DoubleGrad(), new DoubleGrad(), new DoubleGrad(), new DoubleGrad()};
        MonteCarloCallAdjoint.priceGrad(S, VOL, R, K, T, 10_000, 11L, g[0], g[1], g[2], g[3], g[4]);
        double[] u = {0.3, -1.2, 0.7, 0.05, -0.4};
        DoubleGrad jvp = new DoubleGrad();
        MonteCarloCallAdjoint.priceJvp(S, VOL, R, K, T, 10_000, 11L, u[0], u[1], u[2], u[3], u[4], jvp);
        double dot = 0;
        for (int i = 0; i < u.length; i++) {
            dot += g[i].get() * u[i];
        }
        assertEquals(dot, jvp.get(), 1e-12 * Math.max(1, Math.abs(dot)));
    }
}
