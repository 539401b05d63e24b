package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * A few of Stan Math's {@code prim} functions with loops and guards ({@code stan/math/prim/fun/*.hpp}, read from
 * github.com/stan-dev/math), written in Java: Eigen vectors and {@code std::vector} are {@code double[]}, Stan's
 * {@code check_nonzero_size} an {@code IllegalArgumentException}, its infinities {@code Double}'s.
 */
final class StanFunctions {
    private StanFunctions() {}

    private static Ported of(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("stan", "stan/math/prim/fun/" + file, line, method, body, points);
    }

    static List<Ported> all() {
        return List.of(
                // log_sum_exp(a, b): the infinite cases first, then max + log1p(exp(min - max))
                of("log_sum_exp.hpp", 51, "logSumExp2", """
                        @Differentiable
                        static double logSumExp2(double a, double b) {
                            if (a == Double.NEGATIVE_INFINITY) {
                                return b;
                            }
                            if (a == Double.POSITIVE_INFINITY && b == Double.POSITIVE_INFINITY) {
                                return Double.POSITIVE_INFINITY;
                            }
                            if (a > b) {
                                return a + Math.log1p(Math.exp(b - a));
                            }
                            return b + Math.log1p(Math.exp(a - b));
                        }
                        """, p(0.3, -1.2), p(-2.0, 4.0))
                        // ∂/∂a = eᵃ/(eᵃ + eᵇ), ∂/∂b = eᵇ/(eᵃ + eᵇ), the derivatives its comment states; at a = -∞
                        // (no central differences there) the result is b
                        .publishes(d(0.5, 0.5), 1e-15, 1.5, 1.5)
                        .publishes(d(0, 1), 0, Double.NEGATIVE_INFINITY, 0.7),
                // log_sum_exp(x) over a container: empty → -∞, max, a non-finite max returned as is
                of("log_sum_exp.hpp", 80, "logSumExp", """
                        @Differentiable
                        static double logSumExp(double[] x) {
                            if (x.length == 0) {
                                return Double.NEGATIVE_INFINITY;
                            }
                            double max = Double.NEGATIVE_INFINITY;
                            for (double v : x) {
                                max = Math.max(max, v);
                            }
                            if (!Double.isFinite(max)) {
                                return max;
                            }
                            double sum = 0;
                            for (double v : x) {
                                sum += Math.exp(v - max);
                            }
                            return max + Math.log(sum);
                        }
                        """, p(d(0.3, -1.2, 2.5, 0.1)), p(d(700, 701, 699.5)))
                        // ∂/∂xᵢ = softmax(x)ᵢ: for equal entries 1/n
                        .publishes(d(0.25, 0.25, 0.25, 0.25), 1e-15, d(2, 2, 2, 2)),
                // softmax(v): theta = exp(v - max(v)), theta / sum(theta)
                of("softmax.hpp", 49, "softmax", """
                        @Differentiable
                        static double[] softmax(double[] v) {
                            if (v.length == 0) {
                                throw new IllegalArgumentException("softmax: v has size 0, but must have a non-zero size");
                            }
                            double max = v[0];
                            for (int i = 1; i < v.length; i++) {
                                if (v[i] > max) {
                                    max = v[i];
                                }
                            }
                            double[] theta = new double[v.length];
                            double sum = 0;
                            for (int i = 0; i < v.length; i++) {
                                theta[i] = Math.exp(v[i] - max);
                                sum += theta[i];
                            }
                            for (int i = 0; i < v.length; i++) {
                                theta[i] /= sum;
                            }
                            return theta;
                        }
                        """, p(d(0.3, -1.2, 2.5, 0.1)), p(d(-3, 0.5, 0.25))),
                // variance(std::vector v): sample variance, 0 for one element, mean from a helper
                of("variance.hpp", 22, "variance", """
                        static double mean(double[] v) {
                            double sum = 0;
                            for (double x : v) {
                                sum += x;
                            }
                            return sum / v.length;
                        }

                        @Differentiable
                        static double variance(double[] v) {
                            if (v.length == 0) {
                                throw new IllegalArgumentException("variance: v has size 0, but must have a non-zero size");
                            }
                            if (v.length == 1) {
                                return 0.0;
                            }
                            double vMean = mean(v);
                            double sumSqDiff = 0;
                            for (int i = 0; i < v.length; ++i) {
                                double diff = v[i] - vMean;
                                sumSqDiff += diff * diff;
                            }
                            return sumSqDiff / (v.length - 1);
                        }
                        """, p(d(0.3, -1.2, 2.5, 0.1)), p(d(4.0)))
                        // ∂/∂vᵢ = 2 (vᵢ - mean) / (n - 1): at (1, 2, 3), (-1, 0, 1)
                        .publishes(d(-1, 0, 1), 1e-15, d(1, 2, 3)));
    }
}
