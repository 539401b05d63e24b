package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Cost functors of Ceres Solver's examples ({@code examples/*.cc}, {@code include/ceres/rotation.h}, read from
 * github.com/ceres-solver/ceres-solver), written in Java: a templated {@code operator()(const T* x, ..., T* residual)}
 * becomes an array-returning {@code @Differentiable} method (its {@code nameJacobian} is what Ceres' autodiff
 * computes), and the problem's cost {@code ½ Σ ρ(rᵢ²)} a scalar method calling it, or a loop over observations in
 * a {@code static final} table. Ceres' parameter blocks ({@code const T* const m}) are scalars or arrays.
 */
final class CeresFunctions {
    private CeresFunctions() {}

    private static Ported of(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("ceres", "examples/" + file, line, method, body, points);
    }

    /** The first 16 observations of curve_fitting.cc's and robust_curve_fitting.cc's data (x, y). */
    private static final String DATA = """
            static final double[] DATA = {
                0.000000e+00, 1.133898e+00, 7.500000e-02, 1.334902e+00, 1.500000e-01, 1.213546e+00,
                2.250000e-01, 1.252016e+00, 3.000000e-01, 1.392265e+00, 3.750000e-01, 1.314458e+00,
                4.500000e-01, 1.472541e+00, 5.250000e-01, 1.536218e+00, 6.000000e-01, 1.355679e+00,
                6.750000e-01, 1.463566e+00, 7.500000e-01, 1.490201e+00, 8.250000e-01, 1.658699e+00,
                9.000000e-01, 1.067574e+00, 9.750000e-01, 1.464629e+00, 1.050000e+00, 1.402653e+00,
                1.125000e+00, 1.713141e+00,
            };
            static final int OBSERVATIONS = DATA.length / 2;

            """;

    static List<Ported> all() {
        return List.of(
                // helloworld.cc: CostFunctor, residual[0] = 10.0 - x[0]
                of("helloworld.cc", 45, "helloResidual", """
                        @Differentiable
                        static double[] helloResidual(double x) {
                            return new double[] {10.0 - x};
                        }
                        """, p(0.5), p(12.0)),
                // rosenbrock.cc: Rosenbrock, cost[0] = (1 - x)^2 + 100 (y - x^2)^2, from (-1.2, 1)
                of("rosenbrock.cc", 43, "rosenbrock", """
                        @Differentiable
                        static double rosenbrock(double[] parameters) {
                            final double x = parameters[0];
                            final double y = parameters[1];
                            return (1.0 - x) * (1.0 - x) + 100.0 * (y - x * x) * (y - x * x);
                        }
                        """, p(d(-1.2, 1.0)), p(d(0.5, 0.3)))
                        .publishes(d(-215.6, -88), 1e-13, d(-1.2, 1.0)),
                // curve_fitting.cc: ExponentialResidual, residual = y - exp(m x + c), one per observation
                of("curve_fitting.cc", 124, "exponentialResiduals", DATA + """
                        @Differentiable
                        static double[] exponentialResiduals(double m, double c) {
                            double[] residuals = new double[OBSERVATIONS];
                            for (int i = 0; i < OBSERVATIONS; i++) {
                                double x = DATA[2 * i];
                                double y = DATA[2 * i + 1];
                                residuals[i] = y - Math.exp(m * x + c);
                            }
                            return residuals;
                        }
                        """, p(0.0, 0.0), p(0.3, 0.1)),
                // curve_fitting.cc: the problem's cost ½ Σ r², the residuals from the method above
                of("curve_fitting.cc", 142, "curveFittingCost", DATA + """
                        @Differentiable
                        static double[] exponentialResiduals(double m, double c) {
                            double[] residuals = new double[OBSERVATIONS];
                            for (int i = 0; i < OBSERVATIONS; i++) {
                                residuals[i] = DATA[2 * i + 1] - Math.exp(m * DATA[2 * i] + c);
                            }
                            return residuals;
                        }

                        @Differentiable
                        static double curveFittingCost(double m, double c) {
                            double[] r = exponentialResiduals(m, c);
                            double cost = 0;
                            for (double ri : r) {
                                cost += 0.5 * ri * ri;
                            }
                            return cost;
                        }
                        """, p(0.0, 0.0), p(0.3, 0.1)),
                // robust_curve_fitting.cc: the same residuals under CauchyLoss(0.5): ρ(s) = b log(1 + s/b), b = a²
                of("robust_curve_fitting.cc", 152, "robustCurveFittingCost", DATA + """
                        static double cauchy(double s, double a) {
                            double b = a * a;
                            return b * Math.log(1.0 + s / b);
                        }

                        @Differentiable
                        static double robustCurveFittingCost(double m, double c) {
                            double cost = 0;
                            for (int i = 0; i < OBSERVATIONS; i++) {
                                double r = DATA[2 * i + 1] - Math.exp(m * DATA[2 * i] + c);
                                cost += 0.5 * cauchy(r * r, 0.5);
                            }
                            return cost;
                        }
                        """, p(0.0, 0.0), p(0.3, 0.1)),
                // powell.cc: F1..F4 as one residual vector
                of("powell.cc", 56, "powell", """
                        @Differentiable
                        static double[] powell(double[] x) {
                            double[] f = new double[4];
                            f[0] = x[0] + 10.0 * x[1];
                            f[1] = Math.sqrt(5.0) * (x[2] - x[3]);
                            f[2] = (x[1] - 2.0 * x[2]) * (x[1] - 2.0 * x[2]);
                            f[3] = Math.sqrt(10.0) * (x[0] - x[3]) * (x[0] - x[3]);
                            return f;
                        }
                        """, p(d(3, -1, 0, 1)), p(d(0.5, 0.25, -0.3, 0.8))),
                // powell.cc: F = ½ (f1² + f2² + f3² + f4²), calling the residual method, from (3, -1, 0, 1)
                of("powell.cc", 33, "powellCost", """
                        @Differentiable
                        static double[] powell(double[] x) {
                            return new double[] {
                                x[0] + 10.0 * x[1],
                                Math.sqrt(5.0) * (x[2] - x[3]),
                                (x[1] - 2.0 * x[2]) * (x[1] - 2.0 * x[2]),
                                Math.sqrt(10.0) * (x[0] - x[3]) * (x[0] - x[3]),
                            };
                        }

                        @Differentiable
                        static double powellCost(double[] x) {
                            double[] f = powell(x);
                            double sum = 0;
                            for (int i = 0; i < f.length; i++) {
                                sum += f[i] * f[i];
                            }
                            return 0.5 * sum;
                        }
                        """, p(d(3, -1, 0, 1)), p(d(0.5, 0.25, -0.3, 0.8)))
                        // ∇F = Jᵀf at (3, -1, 0, 1), by hand: f = (-7, -√5, 1, 4√10), the rows of J (1, 10, 0, 0),
                        // √5 (0, 0, 1, -1), (0, -2, 4, 0), 4√10 (1, 0, 0, -1)
                        .publishes(d(153, -72, -1, -155), 1e-13, d(3, -1, 0, 1)),
                // circle_fit.cc: DistanceFromCircleCost, r = m², residual = r² - xp² - yp², per sample, Cauchy-free
                of(
                        "circle_fit.cc",
                        77,
                        "circleResiduals",
                        """
                        static double distanceFromCircle(double x, double y, double m, double xx, double yy) {
                            double r = m * m;
                            double xp = xx - x;
                            double yp = yy - y;
                            return r * r - xp * xp - yp * yp;
                        }

                        @Differentiable(wrt = {"x", "y", "m"})
                        static double[] circleResiduals(double x, double y, double m, double[][] samples) {
                            double[] residuals = new double[samples.length];
                            int i = 0;
                            for (double[] sample : samples) {
                                residuals[i++] = distanceFromCircle(x, y, m, sample[0], sample[1]);
                            }
                            return residuals;
                        }
                        """,
                        p(0.1, -0.2, 1.1, m(d(1, 0), d(0, 1.2), d(-0.9, 0.1), d(0.2, -1)))),
                // circle_fit.cc: ½ Σ ρ(r²) with the example's --robust_threshold CauchyLoss, or plain squares
                of(
                        "circle_fit.cc",
                        129,
                        "circleCost",
                        """
                        @Differentiable(wrt = {"x", "y", "m"})
                        static double circleCost(double x, double y, double m, double[] xs, double[] ys, double robustThreshold) {
                            if (xs.length != ys.length) {
                                throw new IllegalArgumentException("xs and ys differ in length");
                            }
                            double r = m * m;
                            double cost = 0;
                            for (int i = 0; i < xs.length; i++) {
                                double xp = xs[i] - x;
                                double yp = ys[i] - y;
                                double residual = r * r - xp * xp - yp * yp;
                                double s = residual * residual;
                                if (robustThreshold > 0) {
                                    double b = robustThreshold * robustThreshold;
                                    cost += 0.5 * b * Math.log1p(s / b);
                                } else {
                                    cost += 0.5 * s;
                                }
                            }
                            return cost;
                        }
                        """,
                        p(0.1, -0.2, 1.1, d(1, 0, -0.9, 0.2), d(0, 1.2, 0.1, -1), 0.0),
                        p(0.1, -0.2, 1.1, d(1, 0, -0.9, 0.2), d(0, 1.2, 0.1, -1), 0.5)),
                // snavely_reprojection_error.h: SnavelyReprojectionError, with rotation.h's AngleAxisRotatePoint
                of(
                        "snavely_reprojection_error.h",
                        55,
                        "reprojectionError",
                        """
                        static final double EPSILON = Math.ulp(1.0);

                        // rotation.h: Rodrigues' formula, its first-order Taylor form near theta = 0
                        static void angleAxisRotatePoint(double[] angleAxis, double[] pt, double[] result) {
                            double theta2 = angleAxis[0] * angleAxis[0] + angleAxis[1] * angleAxis[1] + angleAxis[2] * angleAxis[2];
                            if (theta2 > EPSILON) {
                                double theta = Math.sqrt(theta2);
                                double costheta = Math.cos(theta);
                                double sintheta = Math.sin(theta);
                                double thetaInverse = 1.0 / theta;
                                double[] w = {angleAxis[0] * thetaInverse, angleAxis[1] * thetaInverse, angleAxis[2] * thetaInverse};
                                double[] wCrossPt = {w[1] * pt[2] - w[2] * pt[1], w[2] * pt[0] - w[0] * pt[2], w[0] * pt[1] - w[1] * pt[0]};
                                double tmp = (w[0] * pt[0] + w[1] * pt[1] + w[2] * pt[2]) * (1.0 - costheta);
                                for (int i = 0; i < 3; i++) {
                                    result[i] = pt[i] * costheta + wCrossPt[i] * sintheta + w[i] * tmp;
                                }
                            } else {
                                result[0] = pt[0] + angleAxis[1] * pt[2] - angleAxis[2] * pt[1];
                                result[1] = pt[1] + angleAxis[2] * pt[0] - angleAxis[0] * pt[2];
                                result[2] = pt[2] + angleAxis[0] * pt[1] - angleAxis[1] * pt[0];
                            }
                        }

                        @Differentiable(wrt = {"camera", "point"})
                        static double[] reprojectionError(double[] camera, double[] point, double observedX, double observedY) {
                            double[] p = new double[3];
                            angleAxisRotatePoint(camera, point, p);
                            p[0] += camera[3];
                            p[1] += camera[4];
                            p[2] += camera[5];
                            double xp = -p[0] / p[2];
                            double yp = -p[1] / p[2];
                            double l1 = camera[7];
                            double l2 = camera[8];
                            double r2 = xp * xp + yp * yp;
                            double distortion = 1.0 + r2 * (l1 + l2 * r2);
                            double focal = camera[6];
                            return new double[] {focal * distortion * xp - observedX, focal * distortion * yp - observedY};
                        }
                        """,
                        p(d(0.01, -0.02, 0.03, 0.1, -0.2, -3, 500, 0.01, -0.001), d(0.5, -0.3, 1.2), -80.0, 40.0),
                        p(d(0, 0, 0, 0.1, -0.2, -3, 500, 0.01, -0.001), d(0.5, -0.3, 1.2), -80.0, 40.0)),
                // ellipse_approximation.cc: PointToLineSegmentContourCostFunction, t → segment index and parameter
                of(
                                "ellipse_approximation.cc",
                                293,
                                "contourResidual",
                                """
                        @Differentiable(wrt = {"t", "controlPoints"})
                        static double[] contourResidual(double t, double[][] controlPoints, double[] y) {
                            int numSegments = controlPoints.length;
                            double wrapped = t - numSegments * Math.floor(t / numSegments);
                            int i0 = (int) Math.floor(wrapped);
                            int i1 = (i0 + 1) % numSegments;
                            double u = wrapped - i0;
                            return new double[] {
                                y[0] - ((1.0 - u) * controlPoints[i0][0] + u * controlPoints[i1][0]),
                                y[1] - ((1.0 - u) * controlPoints[i0][1] + u * controlPoints[i1][1]),
                            };
                        }
                        """,
                                p(1.3, m(d(1, 0), d(0, 1), d(-1, 0), d(0, -1)), d(0.2, 0.6)),
                                p(-0.6, m(d(1, 0), d(0, 1), d(-1, 0), d(0, -1)), d(0.2, 0.6)))
                        // Ceres' own analytic Jacobian at t = 1.3 (i0 = 1, i1 = 2, u = 0.3): ∂r/∂t = x[i0] - x[i1],
                        // ∂r/∂x[i0] = -(1 - u), ∂r/∂x[i1] = -u; seen through the seed (0.5, 0.75)
                        .publishes(
                                d(0.5 * 1 + 0.75 * 1, 0, 0, 0.5 * -0.7, 0.75 * -0.7, 0.5 * -0.3, 0.75 * -0.3, 0, 0),
                                1e-13,
                                1.3,
                                m(d(1, 0), d(0, 1), d(-1, 0), d(0, -1)),
                                d(0.2, 0.6)));
    }
}
