package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The differentiable functions of Hipparchus' {@code org.hipparchus.analysis.function} package and their tests
 * ({@code hipparchus-core/src/{main,test}/java/org/hipparchus/analysis/function/}): {@code Logistic}, {@code Logit},
 * {@code Sigmoid}, {@code Gaussian}, {@code HarmonicOscillator}, {@code Sinc}, written in Java as plain static methods
 * of their parameters. Each {@code Parametric.gradient} states the gradient with respect to the parameters in closed
 * form: it is published (the method differentiated with respect to the point too, the closed form extended by the
 * derivative in the point). The derivatives of every order Hipparchus builds for {@code Derivative} arguments (the
 * Gaussian's and the sigmoid's by polynomial recurrences, the logit's by a product loop) are written as functions of
 * their order: the derivative of the order-{@code n} one is the order-{@code n + 1} one, published for {@code n = 1}.
 */
final class HipparchusAnalysis {
    private HipparchusAnalysis() {}

    private static Ported of(String cls, String method, String body, Object[]... points) {
        return new Ported(
                "hipparchus." + cls + "." + method,
                "Hipparchus-Math/hipparchus hipparchus-core/src/main/java/org/hipparchus/analysis/function/" + cls
                        + ".java (and its test)",
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        // Logistic: a + (k - a) / (1 + q exp(b (m - x)))^(1/n), Parametric.gradient in k, m, b, q, a, n
        double[] lp = {2.5, 0.7, 1.3, 0.9, -0.4, 1.7};
        double x0 = 0.2;
        l.add(of(
                        "Logistic",
                        "logistic",
                        """
                @Differentiable
                static double logistic(double x, double k, double m, double b, double q, double a, double n) {
                    if (n <= 0) {
                        throw new IllegalArgumentException("n must be positive: " + n);
                    }
                    return a + (k - a) / Math.pow(1 + q * Math.exp(b * (m - x)), 1 / n);
                }
                """,
                        p(x0, lp[0], lp[1], lp[2], lp[3], lp[4], lp[5]),
                        p(-1.1, 1.0, 0.0, 2.0, 1.5, 0.0, 0.5))
                .publishes(logisticGradient(x0, lp), 1e-14, x0, lp[0], lp[1], lp[2], lp[3], lp[4], lp[5]));

        // Logit: log((x - lo) / (hi - x)), checked on [lo, hi]; Parametric.gradient's second component, 1 / (hi - x),
        // has
        // the wrong sign (d/dhi is -1 / (hi - x); Hipparchus' tests check only the arguments): the true one is
        // published
        l.add(of("Logit", "logit", """
                @Differentiable
                static double logit(double x, double lo, double hi) {
                    if (x < lo || x > hi) {
                        throw new IllegalArgumentException(x + " out of [" + lo + ", " + hi + "]");
                    }
                    return Math.log((x - lo) / (hi - x));
                }
                """, p(0.3, -1.0, 2.0), p(0.9, 0.0, 1.0))
                .publishes(
                        d(1 / (0.3 + 1.0) + 1 / (2.0 - 0.3), 1 / (-1.0 - 0.3), -1 / (2.0 - 0.3)),
                        1e-14,
                        0.3,
                        -1.0,
                        2.0));

        // Sigmoid: lo + (hi - lo) / (1 + exp(-x)), its value lo where exp(-x) overflows (the derivative 0 there)
        double t = Math.exp(-0.4), inv = 1 / (1 + t);
        l.add(of("Sigmoid", "sigmoid", """
                @Differentiable
                static double sigmoid(double x, double lo, double hi) {
                    double exp = Math.exp(-x);
                    if (Double.isInfinite(exp)) {
                        return lo;
                    }
                    return lo + (hi - lo) / (1 + exp);
                }
                """, p(0.4, -1.0, 3.0), p(-2.5, 0.0, 1.0))
                .publishes(d(4.0 * t * inv * inv, 1 - inv, inv), 1e-14, 0.4, -1.0, 3.0));

        // Gaussian: norm exp(-(x - mean)^2 / (2 sigma^2)), Parametric.gradient in norm, mean, sigma
        double gx = 1.3, norm = 0.8, mean = 0.4, sigma = 0.7, diff = gx - mean;
        double i2s2 = 1 / (2 * sigma * sigma), n = Math.exp(-diff * diff * i2s2), gm = norm * n * 2 * i2s2 * diff;
        l.add(of("Gaussian", "gaussian", """
                @Differentiable
                static double gaussian(double x, double norm, double mean, double sigma) {
                    if (sigma <= 0) {
                        throw new IllegalArgumentException("sigma must be positive: " + sigma);
                    }
                    double diff = x - mean;
                    double i2s2 = 1 / (2 * sigma * sigma);
                    return norm * Math.exp(-diff * diff * i2s2);
                }
                """, p(gx, norm, mean, sigma), p(-0.5, 1.0, 0.0, 1.0))
                .publishes(d(-gm, n, gm, gm * diff / sigma), 1e-14, gx, norm, mean, sigma));

        // HarmonicOscillator: amplitude cos(omega x + phase), Parametric.gradient in amplitude, omega, phase
        double hx = 0.9, amp = 1.7, om = 2.3, ph = -0.4, arg = om * hx + ph;
        l.add(of("HarmonicOscillator", "harmonic", """
                @Differentiable
                static double harmonic(double x, double amplitude, double omega, double phase) {
                    return amplitude * Math.cos(omega * x + phase);
                }
                """, p(hx, amp, om, ph), p(-2.0, 0.5, 1.0, 3.0))
                .publishes(
                        d(-amp * om * Math.sin(arg), Math.cos(arg), -amp * hx * Math.sin(arg), -amp * Math.sin(arg)),
                        1e-14,
                        hx,
                        amp,
                        om,
                        ph));

        // Sinc: sin(x) / x, or sin(pi x) / (pi x), by its Taylor series below 6e-3
        l.add(of("Sinc", "sinc", """
                private static final double SHORTCUT = 6.0e-3;

                @Differentiable
                static double sinc(double x, boolean normalized) {
                    double scaledX = normalized ? Math.PI * x : x;
                    if (Math.abs(scaledX) <= SHORTCUT) {
                        double scaledX2 = scaledX * scaledX;
                        return ((scaledX2 - 20) * scaledX2 + 120) / 120;
                    }
                    return Math.sin(scaledX) / scaledX;
                }
                """, p(0.7, false), p(1e-3, false), p(0.3, true), p(-1e-3, true))
                .publishes(d(-1e-3 / 3 + 1e-9 / 30), 1e-15, 1e-3, false)
                .publishes(d((2 * Math.cos(2) - Math.sin(2)) / 4), 1e-14, 2.0, false));

        // the derivatives of every order, as functions of the order
        double st = Math.exp(-0.3), s1 = 1 + st;
        l.add(of("Sigmoid", "sigmoidDerivative", """
                // the n-th derivative of lo + (hi - lo) / (1 + t), t = exp(-x): (hi - lo) P_n(t) / (1 + t)^(n + 1),
                // P_0 = 1, P_k(t) = k t P_(k-1)(t) - t (1 + t) P_(k-1)'(t)
                @Differentiable(wrt = {"x", "lo", "hi"})
                static double sigmoidDerivative(double x, double lo, double hi, int n) {
                    double t = Math.exp(-x);
                    double[] c = new double[n + 1];
                    c[0] = 1;
                    for (int k = 1; k <= n; k++) {
                        for (int m = k; m >= 1; m--) {
                            c[m] = (k - m + 1) * c[m - 1] - m * c[m];
                        }
                        c[0] = 0;
                    }
                    double v = 0;
                    for (int m = n; m >= 0; m--) {
                        v = v * t + c[m];
                    }
                    double r = (hi - lo) * v / Math.pow(1 + t, n + 1);
                    return n == 0 ? lo + r : r;
                }
                """, p(0.3, -1.0, 2.0, 0), p(0.3, -1.0, 2.0, 1), p(-1.2, 0.5, 1.0, 4))
                .publishes(
                        d(3 * (st * st - st) / (s1 * s1 * s1), -st / (s1 * s1), st / (s1 * s1)),
                        1e-14,
                        0.3,
                        -1.0,
                        2.0,
                        1));
        double u = (0.9 - 0.2) / 0.6;
        l.add(of(
                        "Gaussian",
                        "gaussianDerivative",
                        """
                // the n-th derivative of norm exp(-u^2 / 2), u = (x - mean) / sigma: norm / sigma^n P_n(u) exp(-u^2 / 2),
                // P_0 = 1, P_k(u) = P_(k-1)'(u) - u P_(k-1)(u)
                @Differentiable(wrt = "x")
                static double gaussianDerivative(double x, double norm, double mean, double sigma, int n) {
                    double u = (x - mean) / sigma;
                    double coeff = norm * Math.exp(-0.5 * u * u);
                    if (coeff <= Double.MIN_NORMAL) {
                        return 0;
                    }
                    double[] c = new double[n + 2];
                    c[0] = 1;
                    for (int k = 1; k <= n; k++) {
                        double prev = 0;
                        for (int m = 0; m <= k; m++) {
                            double old = c[m];
                            c[m] = (m + 1) * c[m + 1] - prev;
                            prev = old;
                        }
                    }
                    double v = 0;
                    for (int m = n; m >= 0; m--) {
                        v = v * u + c[m];
                    }
                    return coeff * v / Math.pow(sigma, n);
                }
                """,
                        p(0.9, 1.5, 0.2, 0.6, 0),
                        p(0.9, 1.5, 0.2, 0.6, 1),
                        p(-0.4, 1.0, 0.0, 1.0, 5))
                .publishes(d(1.5 / 0.36 * (u * u - 1) * Math.exp(-0.5 * u * u)), 1e-13, 0.9, 1.5, 0.2, 0.6, 1));
        l.add(of("Logit", "logitDerivative", """
                // the n-th derivative of log((x - lo) / (hi - x)): (-1)^(n-1) (n-1)! / (x - lo)^n + (n-1)! / (hi - x)^n
                @Differentiable(wrt = {"x", "lo", "hi"})
                static double logitDerivative(double x, double lo, double hi, int n) {
                    if (n == 0) {
                        return Math.log((x - lo) / (hi - x));
                    }
                    double invL = 1 / (x - lo);
                    double invH = 1 / (hi - x);
                    double xL = invL;
                    double xH = invH;
                    for (int i = 1; i < n; i++) {
                        xL *= -i * invL;
                        xH *= i * invH;
                    }
                    return xL + xH;
                }
                """, p(0.3, -1.0, 2.0, 0), p(0.3, -1.0, 2.0, 1), p(0.6, 0.0, 1.0, 4))
                .publishes(d(-1 / 1.69 + 1 / 2.89, 1 / 1.69, -1 / 2.89), 1e-14, 0.3, -1.0, 2.0, 1));
        // JAutoDiff (github.com/uniker9/JAutoDiff, another JVM AD library) test/nilgiri/math/autodiff/ADTest.java:
        // h = q x (cos(x y) + y), its gradient and the Hessian's first column, at (3, 5) and (4, 7), q = 8
        Ported h = new Ported(
                "jautodiff.ADTest.h",
                "uniker9/JAutoDiff JAutoDiff/test/nilgiri/math/autodiff/ADTest.java: testFunc",
                "h",
                """
                        @Differentiable(wrt = {"x", "y"})
                        static double h(double x, double y, double q) {
                            return q * x * (Math.cos(x * y) + y);
                        }
                        """,
                List.of(p(3.0, 5.0, 8.0), p(4.0, 7.0, 8.0), p(-0.6, 1.3, 2.5)),
                List.of(),
                "static");
        for (double[] v : new double[][] {{3, 5}, {4, 7}}) {
            double x = v[0], y = v[1], q = 8, c = Math.cos(x * y), s = Math.sin(x * y);
            h = h.publishes(d(q * (c + y) + q * x * (-s * y), q * x * (-s * x + 1.0)), 1e-13, x, y, q);
        }
        l.add(h);
        return l;
    }

    /** JAutoDiff's second derivatives of {@code h}: the Hessian's first column at (3, 5) and (4, 7). */
    static Map<String, List<HvpChecks.Published>> hessians() {
        List<HvpChecks.Published> cols = new ArrayList<>();
        for (double[] v : new double[][] {{3, 5}, {4, 7}}) {
            double x = v[0], y = v[1], q = 8, c = Math.cos(x * y), s = Math.sin(x * y);
            double hxx = q * (-s * y) + q * (-s * y) + q * x * (-c * y * y);
            double hxy = q * (-s * x + 1.0) + q * x * (-s - c * x * y);
            cols.add(new HvpChecks.Published(d(1, 0), d(hxx, hxy), 1e-11, new Object[] {x, y, q}));
        }
        return Map.of("jautodiff.ADTest.h", cols);
    }

    /** Logistic.Parametric.gradient's closed form, extended by the derivative in x (that of m with its sign changed). */
    private static double[] logisticGradient(double x, double[] p) {
        double k = p[0], m = p[1], b = p[2], q = p[3], a = p[4], oneOverN = 1 / p[5];
        double exp = Math.exp(b * (m - x)), qExp1 = q * exp + 1;
        double factor1 = (k - a) * oneOverN / Math.pow(qExp1, oneOverN), factor2 = -factor1 / qExp1;
        double gk = 1 / Math.pow(qExp1, oneOverN);
        double gm = factor2 * b * q * exp;
        return d(-gm, gk, gm, factor2 * (m - x) * q * exp, factor2 * exp, 1 - gk, factor1 * Math.log(qExp1) * oneOverN);
    }
}
