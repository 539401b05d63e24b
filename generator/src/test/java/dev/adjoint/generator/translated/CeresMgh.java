package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * The Moré–Garbow–Hillstrom least-squares problems of Ceres' {@code examples/more_garbow_hillstrom.cc}
 * (github.com/ceres-solver/ceres-solver), each {@code BEGIN_MGH_PROBLEM} body a {@code double[]} residual method
 * of {@code double[] x}, checked at the file's {@code initial_x} and at a second point: data tables as local
 * array initialisers or {@code static final} arrays, {@code Math.min} of counters, a guard, {@code atan} under a
 * branch. The Jacobians are checked column by column against central differences; the cost {@code ½ Σ r²} of
 * one of them is a scalar method calling the residuals.
 */
final class CeresMgh {
    private CeresMgh() {}

    private static Ported of(int line, String method, String body, Object[]... points) {
        return Ported.of("ceres", "examples/more_garbow_hillstrom.cc", line, method, body, points);
    }

    static List<Ported> all() {
        return List.of(
                // TestProblem6, Jennrich and Sampson: rᵢ = 2 + 2i - (e^{i x1} + e^{i x2}), i = 1..10
                of(211, "jennrichSampson", """
                        @Differentiable
                        static double[] jennrichSampson(double[] x) {
                            double[] residual = new double[10];
                            for (int i = 1; i <= 10; ++i) {
                                residual[i - 1] = 2.0 + 2.0 * i - (Math.exp((double) i * x[0]) + Math.exp((double) i * x[1]));
                            }
                            return residual;
                        }
                        """, p(d(0.3, 0.4)), p(d(0.2578, 0.2578))),
                // TestProblem7, helical valley: θ = atan(x2/x1)/(2π) + (x1 > 0 ? 0 : 0.5)
                of(229, "helicalValley", """
                        @Differentiable
                        static double[] helicalValley(double[] x) {
                            final double x1 = x[0];
                            final double x2 = x[1];
                            final double x3 = x[2];
                            double theta = (0.5 / Math.PI) * Math.atan(x2 / x1) + (x1 > 0.0 ? 0.0 : 0.5);
                            return new double[] {10.0 * (x3 - 10.0 * theta), 10.0 * (Math.sqrt(x1 * x1 + x2 * x2) - 1.0), x3};
                        }
                        """, p(d(-1.0, 0.1, 0.0)), p(d(0.7, -0.4, 0.3))),
                // TestProblem8, Bard: a local table y, u = i, v = 16 - i, w = min(u, v)
                of(246, "bard", """
                        @Differentiable
                        static double[] bard(double[] x) {
                            double[] y = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39};
                            double[] residual = new double[15];
                            for (int i = 1; i <= 15; ++i) {
                                final double u = i;
                                final double v = 16 - i;
                                final double w = Math.min(i, 16 - i);
                                residual[i - 1] = y[i - 1] - (x[0] + u / (v * x[1] + w * x[2]));
                            }
                            return residual;
                        }
                        """, p(d(1, 1, 1)), p(d(0.08, 1.1, 2.3))),
                // TestProblem9, Gaussian
                of(273, "gaussian", """
                        static final double[] Y = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989,
                            0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};

                        @Differentiable
                        static double[] gaussian(double[] x) {
                            double[] residual = new double[Y.length];
                            for (int i = 0; i < Y.length; ++i) {
                                double ti = (8.0 - i - 1.0) / 2.0;
                                residual[i] = x[0] * Math.exp(-x[1] * (ti - x[2]) * (ti - x[2]) / 2.0) - Y[i];
                            }
                            return residual;
                        }
                        """, p(d(0.4, 1.0, 0.0)), p(d(0.39, 1.2, -0.1))),
                // TestProblem10, Meyer: large values (y to 34780, x2 to 4000)
                of(294, "meyer", """
                        @Differentiable
                        static double[] meyer(double[] x) {
                            double[] y = {34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427,
                                3820, 3307, 2872};
                            double[] residual = new double[y.length];
                            for (int i = 0; i < y.length; ++i) {
                                double ti = 45.0 + 5.0 * (i + 1);
                                residual[i] = x[0] * Math.exp(x[1] / (ti + x[2])) - y[i];
                            }
                            return residual;
                        }
                        """, p(d(0.02, 4000, 250)), p(d(0.0056, 6181, 345))),
                // TestProblem12, box three-dimensional: three residuals written out, t1..t3 constants
                of(336, "box3d", """
                        @Differentiable
                        static double[] box3d(double[] x) {
                            final double t1 = 0.1;
                            final double t2 = 0.2;
                            final double t3 = 0.3;
                            double[] residual = new double[3];
                            residual[0] = Math.exp(-t1 * x[0]) - Math.exp(-t1 * x[1]) - x[2] * (Math.exp(-t1) - Math.exp(-10.0 * t1));
                            residual[1] = Math.exp(-t2 * x[0]) - Math.exp(-t2 * x[1]) - x[2] * (Math.exp(-t2) - Math.exp(-10.0 * t2));
                            residual[2] = Math.exp(-t3 * x[0]) - Math.exp(-t3 * x[1]) - x[2] * (Math.exp(-t3) - Math.exp(-10.0 * t3));
                            return residual;
                        }
                        """, p(d(0, 10, 20)), p(d(1, 9.5, 1.2))),
                // TestProblem14, Wood
                of(379, "wood", """
                        @Differentiable
                        static double[] wood(double[] x) {
                            if (x.length != 4) {
                                throw new IllegalArgumentException("Wood's function takes 4 parameters, not " + x.length);
                            }
                            double x1 = x[0];
                            double x2 = x[1];
                            double x3 = x[2];
                            double x4 = x[3];
                            return new double[] {
                                10.0 * (x2 - x1 * x1),
                                1.0 - x1,
                                Math.sqrt(90.0) * (x4 - x3 * x3),
                                1.0 - x3,
                                Math.sqrt(10.0) * (x2 + x4 - 2.0),
                                1.0 / Math.sqrt(10.0) * (x2 - x4),
                            };
                        }
                        """, p(d(-3, -1, -3, -1)), p(d(0.9, 1.1, 0.8, 1.2))),
                // TestProblem15, Kowalik and Osborne: two tables, y and u
                of(400, "kowalikOsborne", """
                        static final double[] Y = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323,
                            0.0235, 0.0246};
                        static final double[] U = {4.0, 2.0, 1.0, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625};

                        @Differentiable
                        static double[] kowalikOsborne(double[] x) {
                            double[] residual = new double[11];
                            for (int i = 0; i < 11; ++i) {
                                residual[i] = Y[i] - x[0] * (U[i] * U[i] + U[i] * x[1]) / (U[i] * U[i] + U[i] * x[2] + x[3]);
                            }
                            return residual;
                        }
                        """, p(d(0.25, 0.39, 0.415, 0.39)), p(d(0.19, 0.19, 0.12, 0.14))),
                // TestProblem16, Brown and Dennis: each residual a sum of two squares
                of(427, "brownDennis", """
                        @Differentiable
                        static double[] brownDennis(double[] x) {
                            double[] residual = new double[20];
                            for (int i = 0; i < 20; ++i) {
                                double ti = (i + 1) / 5.0;
                                double a = x[0] + ti * x[1] - Math.exp(ti);
                                double b = x[2] + x[3] * Math.sin(ti) - Math.cos(ti);
                                residual[i] = a * a + b * b;
                            }
                            return residual;
                        }
                        """, p(d(25, 5, -5, -1)), p(d(-11.6, 13.2, -0.4, 0.6))),
                // TestProblem17, Osborne 1, and its cost ½ Σ r² through the residual method. (Not at the solution
                // (0.375, 1.94, -1.46, 0.0129, 0.0221): there exp(-tᵢ x4), tᵢ to 320, curves so fast that central
                // differences with the harness's step are off by 4e-4 relative, where static, tape and the
                // dot-product test agree)
                of(447, "osborne1Cost", """
                        static final double[] Y = {0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751,
                            0.718, 0.685, 0.658, 0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467, 0.457,
                            0.448, 0.438, 0.431, 0.424, 0.420, 0.414, 0.411, 0.406};

                        @Differentiable
                        static double[] osborne1(double[] x) {
                            double[] residual = new double[Y.length];
                            for (int i = 0; i < Y.length; ++i) {
                                double ti = 10.0 * i;
                                residual[i] = Y[i] - (x[0] + x[1] * Math.exp(-ti * x[3]) + x[2] * Math.exp(-ti * x[4]));
                            }
                            return residual;
                        }

                        @Differentiable
                        static double osborne1Cost(double[] x) {
                            double cost = 0;
                            for (double r : osborne1(x)) {
                                cost += r * r;
                            }
                            return cost / 2;
                        }
                        """, p(d(0.5, 1.5, -1, 0.01, 0.02)), p(d(0.4, 1.2, -1.2, 0.03, 0.05))),
                // TestProblem18, Biggs EXP6: yᵢ computed from tᵢ, no table
                of(475, "biggsExp6", """
                        @Differentiable
                        static double[] biggsExp6(double[] x) {
                            double[] residual = new double[13];
                            for (int i = 0; i < 13; ++i) {
                                double ti = 0.1 * (i + 1.0);
                                double yi = Math.exp(-ti) - 5.0 * Math.exp(-10.0 * ti) + 3.0 * Math.exp(-4.0 * ti);
                                residual[i] = x[2] * Math.exp(-ti * x[0]) - x[3] * Math.exp(-ti * x[1]) + x[5] * Math.exp(-ti * x[4]) - yi;
                            }
                            return residual;
                        }
                        """, p(d(1, 2, 1, 1, 1, 1)), p(d(1.2, 9.8, 1.1, 4.9, 4.1, 3.2))),
                // TestProblem19, Osborne 2: 11 parameters, 65 residuals, x[8..10] the centres of three Gaussians
                of(498, "osborne2", """
                        static final double[] Y = {1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725,
                            0.746, 0.679, 0.608, 0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724, 0.649, 0.649, 0.694, 0.644,
                            0.624, 0.661, 0.612, 0.558, 0.533, 0.495, 0.500, 0.423, 0.395, 0.375, 0.372, 0.391, 0.396, 0.405,
                            0.428, 0.429, 0.523, 0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668, 0.645, 0.632, 0.591, 0.559,
                            0.597, 0.625, 0.739, 0.710, 0.729, 0.720, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098, 0.054};

                        @Differentiable
                        static double[] osborne2(double[] x) {
                            double[] residual = new double[65];
                            for (int i = 0; i < 65; ++i) {
                                double ti = i / 10.0;
                                residual[i] = Y[i] - (x[0] * Math.exp(-(ti * x[4]))
                                        + x[1] * Math.exp(-(ti - x[8]) * (ti - x[8]) * x[5])
                                        + x[2] * Math.exp(-(ti - x[9]) * (ti - x[9]) * x[6])
                                        + x[3] * Math.exp(-(ti - x[10]) * (ti - x[10]) * x[7]));
                            }
                            return residual;
                        }
                        """, p(d(1.3, 0.65, 0.65, 0.7, 0.6, 3.0, 5.0, 7.0, 2.0, 4.5, 5.5))));
    }
}
