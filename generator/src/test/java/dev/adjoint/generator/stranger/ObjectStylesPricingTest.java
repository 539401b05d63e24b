package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.array;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.check;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.make;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's object-style programs, part two (see {@link ObjectStylesTest}): a Black–Scholes pricer with
 * rate and volatility in fields and a book of options, a yield curve with a search loop, an integrator
 * stepping its state in place, a Kalman filter with matrix fields; and an element passed to an
 * instance helper. Same checks: AUTO static, both strategies against central differences
 * and each other.
 */
class ObjectStylesPricingTest {

    static final String PRICER = """
            package stranger;

            import dev.adjoint.Differentiable;
            import static java.lang.Math.*;

            /** Black–Scholes with the rate and volatility in fields; a book of options summed. */
            public class Pricer {
                public record Option(double strike, double expiry, boolean isCall) {}

                private final double rate;
                private final double vol;

                public Pricer(double rate, double vol) {
                    this.rate = rate;
                    this.vol = vol;
                }

                static double normCdf(double x) {
                    double t = 1 / (1 + 0.2316419 * abs(x));
                    double p = 1 - exp(-x * x / 2) / sqrt(2 * PI)
                            * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
                    return x >= 0 ? p : 1 - p;
                }

                static double blackScholes(Option o, double spot, double rate, double vol) {
                    double sq = vol * sqrt(o.expiry());
                    double d1 = (log(spot / o.strike()) + (rate + 0.5 * vol * vol) * o.expiry()) / sq;
                    double d2 = d1 - sq;
                    double disc = o.strike() * exp(-rate * o.expiry());
                    return o.isCall() ? spot * normCdf(d1) - disc * normCdf(d2) : disc * normCdf(-d2) - spot * normCdf(-d1);
                }

                @Differentiable(wrt = {"this", "spot"})
                public double price(Option o, double spot) {
                    return blackScholes(o, spot, rate, vol);
                }

                @Differentiable(wrt = {"this", "spot"})
                public double portfolio(Option[] book, double[] qty, double spot) {
                    double v = 0;
                    for (int k = 0; k < book.length; k++) {
                        v += qty[k] * blackScholes(book[k], spot, rate, vol);
                    }
                    return v;
                }

                @Differentiable(wrt = {"this", "spot"})
                public double bookValue(Option[] book, double spot) {
                    double v = 0;
                    for (Option o : book) {
                        v += blackScholes(o, spot, rate, vol);
                    }
                    return v;
                }
            }
            """;

    private static Object book(StrangerHarness.Built b) {
        return array(
                b,
                "Pricer$Option",
                make(b, "Pricer$Option", 100.0, 1.0, true),
                make(b, "Pricer$Option", 95.0, 0.5, false),
                make(b, "Pricer$Option", 110.0, 2.0, true));
    }

    @Test
    void pricerWithFieldsPricesOneOption() throws Exception {
        check(Map.of("Pricer", PRICER), "Pricer", "price", b ->
                new Object[] {make(b, "Pricer", 0.03, 0.25), make(b, "Pricer$Option", 100.0, 1.0, true), 102.0});
    }

    @Test
    void portfolioPassesItsOptionsToAStaticHelper() throws Exception {
        check(Map.of("Pricer", PRICER), "Pricer", "portfolio", b ->
                new Object[] {make(b, "Pricer", 0.03, 0.25), book(b), new double[] {1, -2, 0.5}, 102.0});
        check(Map.of("Pricer", PRICER), "Pricer", "bookValue", b ->
                new Object[] {make(b, "Pricer", 0.03, 0.25), book(b), 102.0});
    }

    static final String CURVE = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A zero curve of knots with linear interpolation found by a search loop. */
            public class Curve {
                private final double[] t;
                private final double[] r;

                public Curve(double[] t, double[] r) {
                    this.t = t;
                    this.r = r;
                }

                double rateAt(double time) {
                    if (time <= t[0]) return r[0];
                    int n = t.length;
                    if (time >= t[n - 1]) return r[n - 1];
                    int k = 0;
                    while (t[k + 1] < time) {
                        k++;
                    }
                    double w = (time - t[k]) / (t[k + 1] - t[k]);
                    return (1 - w) * r[k] + w * r[k + 1];
                }

                @Differentiable(wrt = "this")
                public double presentValue(double[] times, double[] cash) {
                    double pv = 0;
                    for (int i = 0; i < times.length; i++) {
                        pv += cash[i] * Math.exp(-rateAt(times[i]) * times[i]);
                    }
                    return pv;
                }
            }
            """;

    @Test
    void curveWithASearchLoop() throws Exception {
        check(Map.of("Curve", CURVE), "Curve", "presentValue", b -> new Object[] {
            make(b, "Curve", new double[] {0.5, 1, 2, 5}, new double[] {0.01, 0.015, 0.02, 0.03}),
            new double[] {0.25, 0.75, 1.5, 3, 7},
            new double[] {5, 5, 5, 5, 105}
        });
    }

    static final String INTEGRATOR = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** Damped oscillators stepped in place by a private instance method. */
            public class Integrator {
                private final double[] x;
                private final double[] v;
                private final double k;
                private final double damping;

                public Integrator(double[] x, double[] v, double k, double damping) {
                    this.x = x;
                    this.v = v;
                    this.k = k;
                    this.damping = damping;
                }

                private void step(double dt) {
                    for (int i = 0; i < x.length; i++) {
                        double a = -k * x[i] - damping * v[i];
                        v[i] += dt * a;
                        x[i] += dt * v[i];
                    }
                }

                @Differentiable(wrt = "this")
                public double finalEnergy(double dt, int steps) {
                    for (int s = 0; s < steps; s++) {
                        step(dt);
                    }
                    double e = 0;
                    for (int i = 0; i < x.length; i++) {
                        e += 0.5 * v[i] * v[i] + 0.5 * k * x[i] * x[i];
                    }
                    return e;
                }
            }
            """;

    @Test
    void integratorSteppingItsStateInPlace() throws Exception {
        check(
                Map.of("Integrator", INTEGRATOR), "Integrator", "finalEnergy", b -> new Object[] {
                    make(b, "Integrator", new double[] {1, -0.5}, new double[] {0, 0.3}, 2.0, 0.1), 0.05, 20
                });
    }

    static final String KALMAN = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A constant-velocity Kalman filter with its matrices in fields; the innovations' negative log-likelihood. */
            public class KalmanFilter {
                private final double[][] F = {{1, 1}, {0, 1}};
                private final double[] H = {1, 0};
                private double q;
                private double r;

                public KalmanFilter(double q, double r) {
                    this.q = q;
                    this.r = r;
                }

                @Differentiable(wrt = "this")
                public double negLogLik(double[] zs) {
                    double[] x = {zs[0], 0};
                    double[][] P = {{1, 0}, {0, 1}};
                    double nll = 0;
                    for (int t = 1; t < zs.length; t++) {
                        double[] xp = new double[2];
                        for (int i = 0; i < 2; i++)
                            for (int j = 0; j < 2; j++)
                                xp[i] += F[i][j] * x[j];
                        double[][] Pp = new double[2][2];
                        for (int i = 0; i < 2; i++)
                            for (int j = 0; j < 2; j++) {
                                double s = 0;
                                for (int a = 0; a < 2; a++)
                                    for (int b = 0; b < 2; b++)
                                        s += F[i][a] * P[a][b] * F[j][b];
                                Pp[i][j] = s + (i == j ? q : 0);
                            }
                        double innov = zs[t] - (H[0] * xp[0] + H[1] * xp[1]);
                        double S = Pp[0][0] + r;
                        nll += 0.5 * (Math.log(S) + innov * innov / S);
                        double k0 = Pp[0][0] / S, k1 = Pp[1][0] / S;
                        x[0] = xp[0] + k0 * innov;
                        x[1] = xp[1] + k1 * innov;
                        double p00 = (1 - k0) * Pp[0][0], p01 = (1 - k0) * Pp[0][1];
                        double p10 = Pp[1][0] - k1 * Pp[0][0], p11 = Pp[1][1] - k1 * Pp[0][1];
                        P[0][0] = p00; P[0][1] = p01; P[1][0] = p10; P[1][1] = p11;
                    }
                    return nll;
                }
            }
            """;

    @Test
    void kalmanFilterWithMatrixFields() throws Exception {
        check(Map.of("KalmanFilter", KALMAN), "KalmanFilter", "negLogLik", b ->
                new Object[] {make(b, "KalmanFilter", 0.1, 0.5), new double[] {0.1, 0.9, 2.2, 2.8, 4.1, 5.3}});
    }

    /** Once one error ("make 'value' static"); now static, as with the static helper (InstanceHelpersTest). */
    @Test
    void anElementPassedToAnInstanceHelper() throws Exception {
        String source = PRICER.replace("v += blackScholes(o, spot, rate, vol);", "v += value(o, spot);")
                .replace(
                        "    static double normCdf",
                        "    double value(Option o, double spot) {\n        return blackScholes(o, spot, rate, vol);\n    }\n\n    static double normCdf");
        check(Map.of("Pricer", source), "Pricer", "bookValue", b ->
                new Object[] {make(b, "Pricer", 0.03, 0.25), book(b), 102.0});
    }
}
