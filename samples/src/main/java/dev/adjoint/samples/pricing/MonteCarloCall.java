package dev.adjoint.samples.pricing;

import dev.adjoint.Differentiable;
import java.util.Random;

/**
 * A European call under Black–Scholes priced by Monte Carlo: {@code S_T = S_0·exp((r − σ²/2)T +
 * σ√T·Z)}, price {@code e^{−rT}·mean(max(S_T − K, 0))}. {@code MonteCarloCallAdjoint.priceGrad}
 * gives delta, vega, rho, the strike and maturity sensitivities, pathwise: each path's payoff
 * differentiated with its draw fixed (the kink's derivative is the indicator {@code S_T > K}).
 */
public final class MonteCarloCall {
    private MonteCarloCall() {}

    /** The discounted mean payoff over {@code paths} paths drawn from {@code new Random(seed)}. */
    @Differentiable
    public static double price(
            double spot, double vol, double rate, double strike, double maturity, int paths, long seed) {
        Random rng = new Random(seed);
        double drift = (rate - 0.5 * vol * vol) * maturity;
        double diffusion = vol * Math.sqrt(maturity);
        double sum = 0;
        for (int p = 0; p < paths; p++) {
            double terminal = spot * Math.exp(drift + diffusion * rng.nextGaussian());
            sum += Math.max(terminal - strike, 0);
        }
        return Math.exp(-rate * maturity) * sum / paths;
    }
}
