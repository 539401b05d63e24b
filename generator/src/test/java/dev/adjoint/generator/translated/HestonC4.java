package dev.adjoint.generator.translated;

/**
 * The fourth cumulant {@code c4(t)} of the Heston model's log price, the long expression of QuantLib's
 * {@code COSHestonEngine} that XAD's {@code test/COSHestonEngineExpr.hpp} differentiates (some 300 operations in
 * one {@code return}): here a static method of the model's five parameters and the time, all differentiated.
 */
final class HestonC4 {
    private HestonC4() {}

    static final String SOURCE = """
            @Differentiable
            static double hestonC4(double kappa, double rho, double theta, double sigma, double v0, double t) {
                final double sigma2 = sigma * sigma;
                final double sigma3 = sigma2 * sigma;
                final double sigma4 = sigma2 * sigma2;
                final double kappa2 = kappa * kappa;
                final double kappa3 = kappa2 * kappa;
                final double kappa4 = kappa2 * kappa2;
                final double kappa5 = kappa2 * kappa3;
                final double kappa6 = kappa3 * kappa3;
                final double kappa7 = kappa4 * kappa3;
                final double rho2 = rho * rho;
                final double rho3 = rho2 * rho;
                final double t2 = t * t;
                final double t3 = t2 * t;
                return (sigma2
                        * (3 * sigma4 * (theta - 4 * v0)
                                + 3 * Math.exp(4 * kappa * t)
                                        * ((-93 * sigma4 + 64 * kappa5 * (t + 4 * rho2 * t)
                                                        + 4 * kappa * sigma3 * (176 * rho + 5 * sigma * t)
                                                        - 32 * kappa2 * sigma2 * (11 + 50 * rho2 + 5 * rho * sigma * t)
                                                        + 32 * kappa3 * sigma
                                                                * (3 * sigma * t + 4 * rho * (10 + 8 * rho2 + 3 * rho * sigma * t))
                                                        - 32 * kappa4 * (5 + 4 * rho * (6 * rho + (3 + 2 * rho2) * sigma * t)))
                                                        * theta
                                                + 4 * (4 * kappa2 - 4 * kappa * rho * sigma + sigma2)
                                                        * (4 * kappa2 * (1 + 4 * rho2) - 20 * kappa * rho * sigma + 5 * sigma2)
                                                        * v0)
                                + 24 * Math.exp(kappa * t) * sigma2
                                        * (-2 * kappa2 * (-1 + rho * sigma * t) * (theta - 3 * v0)
                                                + sigma2 * (theta - 2 * v0)
                                                + kappa * sigma
                                                        * (-4 * rho * theta + sigma * t * theta + 10 * rho * v0
                                                                - 3 * sigma * t * v0))
                                + 12 * Math.exp(2 * kappa * t)
                                        * (sigma4 * (7 * theta - 4 * v0)
                                                + 8 * kappa4 * (1 + 2 * rho * sigma * t * (-2 + rho * sigma * t))
                                                        * (theta - 2 * v0)
                                                + 2 * kappa * sigma3
                                                        * (-24 * rho * theta + 5 * sigma * t * theta + 20 * rho * v0
                                                                - 6 * sigma * t * v0)
                                                + 4 * kappa2 * sigma2
                                                        * ((6 + 20 * rho2 - 14 * rho * sigma * t + sigma2 * t2) * theta
                                                                - 2 * (3 + 12 * rho2 - 10 * rho * sigma * t + sigma2 * t2) * v0)
                                                + 8 * kappa3 * sigma
                                                        * ((3 * sigma * t + 2 * rho * (-4 + sigma * t * (4 * rho - sigma * t)))
                                                                        * theta
                                                                + 2 * (-3 * sigma * t
                                                                                + 2 * rho * (3 + sigma * t * (-3 * rho + sigma * t)))
                                                                        * v0))
                                - 8 * Math.exp(3 * kappa * t)
                                        * (16 * kappa6 * rho2 * t2 * (-3 + rho * sigma * t) * (theta - v0)
                                                - 3 * sigma4 * (7 * theta + 2 * v0)
                                                + 2 * kappa3 * sigma
                                                        * ((192 * (rho + rho3) - 6 * (9 + 40 * rho2) * sigma * t
                                                                        + 42 * rho * sigma2 * t2 - sigma3 * t3)
                                                                        * theta
                                                                + (-48 * rho3 + 18 * (1 + 4 * rho2) * sigma * t
                                                                                - 24 * rho * sigma2 * t2 + sigma3 * t3)
                                                                        * v0)
                                                + 12 * kappa4
                                                        * ((-4 - 24 * rho2 + 8 * rho * (4 + 3 * rho2) * sigma * t
                                                                        - (3 + 14 * rho2) * sigma2 * t2 + rho * sigma3 * t3)
                                                                        * theta
                                                                + (8 * rho2 - 8 * rho * (2 + rho2) * sigma * t
                                                                                + (3 + 8 * rho2) * sigma2 * t2 - rho * sigma3 * t3)
                                                                        * v0)
                                                - 6 * kappa2 * sigma2
                                                        * ((15 + 80 * rho2 - 35 * rho * sigma * t + 2 * sigma2 * t2) * theta
                                                                + (3 + sigma * t * (7 * rho - sigma * t)) * v0)
                                                + 24 * kappa5 * t
                                                        * ((-2 + rho * (4 * sigma * t + rho * (-8 + sigma * t * (4 * rho - sigma * t))))
                                                                        * theta
                                                                + (2 + rho * (-4 * sigma * t
                                                                                + rho * (4 + sigma * t * (-2 * rho + sigma * t))))
                                                                        * v0)
                                                + 3 * kappa * sigma3
                                                        * (sigma * t * (-9 * theta + v0) + 10 * rho * (6 * theta + v0)))))
                        / (64. * Math.exp(4 * kappa * t) * kappa7);
            }
            """;
}
