package dev.adjoint.generator.translated;

/**
 * The plain helpers XAD's math tests need in Java ({@link XadMath}): {@code erf} by its series, XAD's
 * {@code smooth_abs}, {@code smooth_max}, {@code smooth_min} and its integer power {@code pown}.
 */
final class XadSources {
    private XadSources() {}

    static final String ERF = """
            // erf by its Maclaurin series, 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1)), summed to the last term
            static double erf(double x) {
                double term = x;
                double sum = x;
                int n = 0;
                while (Math.abs(term) > 1e-17 * Math.abs(sum)) {
                    n++;
                    term = -term * x * x / n;
                    sum += term / (2 * n + 1);
                }
                return 2 / Math.sqrt(Math.PI) * sum;
            }
            """;

    static final String SMOOTH = """
            // XAD's smooth_abs: |x| outside [-c, c], a cubic inside that meets it with its slope and curvature
            static double smoothAbs(double x, double c) {
                if (Math.abs(x) > c) {
                    return Math.abs(x);
                }
                if (x < 0.0) {
                    return x * x * (2. / c + x / (c * c));
                }
                return x * x * (2. / c - x / (c * c));
            }

            static double smoothAbs(double x) {
                return smoothAbs(x, 0.001);
            }

            static double smoothMax(double x, double y) {
                return 0.5 * (x + y + smoothAbs(x - y));
            }

            static double smoothMin(double x, double y) {
                return 0.5 * (x + y - smoothAbs(x - y));
            }
            """;

    static final String POWN = """
            // XAD's pown: x to an integer power
            static double pown(double x, int n) {
                double r = 1;
                for (int i = 0; i < n; i++) {
                    r *= x;
                }
                return r;
            }
            """;
}
