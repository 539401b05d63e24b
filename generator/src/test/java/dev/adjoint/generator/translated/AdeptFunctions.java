package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Adept's test programs ({@code test/*.cpp}, github.com/rjhogan/Adept-2 at c8a07a4), in Java: the demonstration
 * algorithm of tests 1 and 2 ({@code y *= sin(s)} after {@code y} is given a value twice), the two-channel radiance
 * simulation whose Jacobian {@code test_radiances} prints (its oxygen density and channel tables as
 * {@code static final} arrays, the private per-channel helper given the emissivity it fills), the Toon advection scheme
 * {@code test_checkpoint} runs (periodic boundaries, a flux array rewritten every step), and the N-dimensional
 * Rosenbrock function of the minimizer test.
 */
final class AdeptFunctions {
    private AdeptFunctions() {}

    private static final String REPO = "rjhogan/Adept-2";

    private static Ported of(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("adept", REPO, "test/" + file, line, method, body, points);
    }

    private static double[] wave(int n) {
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = 0.5 + 0.5 * Math.sin(i * 2.0 * Math.PI / (n - 1.5)) + 0.0001 + 0.01 * i;
        }
        return q;
    }

    static List<Ported> all() {
        return List.of(
                // algorithm(x): y = 4; s = 2 x0 + 3 x1²; y = s + b; y *= sin(s)
                of("algorithm.cpp", 22, "algorithm", """
                        @Differentiable
                        static double algorithm(double[] x) {
                            double y = 4.0;
                            double s = 2.0 * x[0] + 3.0 * x[1] * x[1];
                            double b = 3.0;
                            y = s + b;
                            y *= Math.sin(s);
                            return y;
                        }
                        """, p(d(2, 3)), p(d(-0.5, 0.25))),
                // simulate_radiances: two channels, brightness temperature up the profile, Rayleigh-Jeans
                of("simulate_radiances.cpp", 52, "radiances", """
                        static final double BOLTZMANN_CONSTANT = 1.380648813e-23;
                        static final double SPEED_OF_LIGHT = 299792458.0;
                        static final double[] WAVELENGTH = {0.006, 0.0061};
                        static final double[] MASS_ABS_COEFFT = {3.0e-5, 3.0e-3};
                        static final double DZ = 1000.0;

                        static double simulateRadiance(int n, double wavelength, double[] emissivity,
                                double surfaceTemperature, double[] temperature) {
                            double bt = surfaceTemperature;
                            for (int i = 0; i < n; i++) {
                                bt = bt * (1.0 - emissivity[i]) + emissivity[i] * temperature[i];
                            }
                            return 2.0 * SPEED_OF_LIGHT * BOLTZMANN_CONSTANT * bt
                                    / (wavelength * wavelength * wavelength * wavelength);
                        }

                        @Differentiable
                        static double[] radiances(double surfaceTemperature, double[] temperature) {
                            int n = temperature.length;
                            double[] densityOxygen = new double[n];
                            double[] emissivity = new double[n];
                            for (int i = 0; i < n; i++) {
                                double altitude = i * DZ;
                                densityOxygen[i] = 1.2 * 0.21 * (16.0 / 29.0) * Math.exp(-altitude / 8000.0);
                            }
                            double[] r = new double[2];
                            for (int ichan = 0; ichan < 2; ichan++) {
                                for (int i = 0; i < n; i++) {
                                    emissivity[i] = 1.0 - Math.exp(-densityOxygen[i] * MASS_ABS_COEFFT[ichan] * DZ);
                                }
                                r[ichan] = simulateRadiance(n, WAVELENGTH[ichan], emissivity, surfaceTemperature,
                                        temperature);
                            }
                            return r;
                        }
                        """, p(285.0, d(282, 275, 268, 261, 254, 247))),
                // toon(nt, c, q_init, q) and test_checkpoint's cost: the sum of squared changes of the field
                of("test_checkpoint.cpp", 29, "toonCost", """
                        static void toon(int nt, double c, double[] qInit, double[] q) {
                            int nx = q.length;
                            double[] flux = new double[nx - 1];
                            for (int i = 0; i < nx; i++) {
                                q[i] = qInit[i];
                            }
                            for (int j = 0; j < nt; j++) {
                                for (int i = 0; i < nx - 1; i++) {
                                    flux[i] = (Math.exp(c * Math.log(q[i] / q[i + 1])) - 1.0) * q[i] * q[i + 1]
                                            / (q[i] - q[i + 1]);
                                }
                                for (int i = 1; i < nx - 1; i++) {
                                    q[i] += flux[i - 1] - flux[i];
                                }
                                q[0] = q[nx - 2];
                                q[nx - 1] = q[1];
                            }
                        }

                        @Differentiable(wrt = "qInit")
                        static double toonCost(double[] qInit, int nt, double c) {
                            double[] q = new double[qInit.length];
                            toon(nt, c, qInit, q);
                            double cost = 0.0;
                            for (int i = 0; i < q.length; i++) {
                                cost += (q[i] - qInit[i]) * (q[i] - qInit[i]);
                            }
                            return cost;
                        }
                        """, p(wave(12), 20, 0.125), p(wave(9), 3, 0.5)),
                // State::calc_function_value: the N-dimensional Rosenbrock (De Jong's second) function
                of(
                                "rosenbrock_banana_function.cpp",
                                18,
                                "calcFunctionValue",
                                """
                        @Differentiable
                        static double calcFunctionValue(double[] x) {
                            double sum = 0.0;
                            for (int i = 0; i < x.length - 1; i++) {
                                double a = x[i + 1] - x[i] * x[i];
                                sum += (1.0 - x[i]) * (1.0 - x[i]) + 100.0 * a * a;
                            }
                            return sum;
                        }
                        """,
                                p(d(-1.2, 1.0, -0.5, 0.8)),
                                p(d(1, 1, 1)))
                        .publishes(d(0, 0, 0), 0, d(1, 1, 1)));
    }
}
