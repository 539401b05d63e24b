package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hipparchus' tests of its forward-mode AD, {@code DerivativeStructure}, {@code Gradient} and
 * {@code UnivariateDerivative} ({@code hipparchus-core/src/test/java/org/hipparchus/analysis/differentiation/},
 * github.com/Hipparchus-Math/hipparchus): the functions whose derivatives they check against closed forms (the
 * polynomial expression with its mixed partials, {@code sqrt(x/y)} in either variable, the trigonometric composition
 * with its second derivatives, powers with every kind of argument, roots, {@code hypot} far from 1, {@code atan2},
 * {@code IEEEremainder}, {@code expm1}/{@code log1p}, the inverse pairs, {@code copySign}, the accurate
 * {@code linearCombination}, the Euclidean distance of {@code GradientFunctionTest}, the sphere mapping of
 * {@code JacobianFunctionTest}), written in Java as a JVM programmer writes them without Hipparchus. The closed forms
 * the tests assert are published (gradients, and Hessian columns where the test states second derivatives).
 */
final class HipparchusFunctions {
    private HipparchusFunctions() {}

    private static final String DIR = "hipparchus-core/src/test/java/org/hipparchus/analysis/differentiation/";

    private static final List<Ported> FNS = new ArrayList<>();
    private static final Map<String, List<HvpChecks.Published>> HESSIANS = new HashMap<>();

    static Ported of(String file, String method, String body, Object[]... points) {
        return new Ported(
                "hipparchus." + file + "." + method,
                "Hipparchus-Math/hipparchus " + DIR + file + ".java",
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static void add(Ported fn) {
        FNS.add(fn);
    }

    private static void hessian(String method, double[] direction, double[] hv, Object... args) {
        HESSIANS.computeIfAbsent("hipparchus.DerivativeStructureTest." + method, k -> new ArrayList<>())
                .add(new HvpChecks.Published(direction, hv, 1e-11, args));
    }

    private static Ported ds(String method, String body, Object[]... points) {
        return of("DerivativeStructureTest", method, body, points);
    }

    static List<Ported> all() {
        if (FNS.isEmpty()) {
            build();
        }
        return List.copyOf(FNS);
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        all();
        return Map.copyOf(HESSIANS);
    }

    private static void build() {
        // testExpression: f = x + 5xy - 2z + (8zx - y)^3, its gradient and d2f/dxdy, d3f/dxdydz
        Ported expr = ds("expression", """
                @Differentiable
                static double expression(double x, double y, double z) {
                    return x + 5 * x * y - 2 * z + Math.pow(8 * z * x - y, 3);
                }
                """, p(0.4, 1.2, -0.6), p(1.8, 0.2, -1.4));
        for (double[] q : new double[][] {{0.4, 1.2, -0.6}, {1.0, 0.6, -1.2}}) {
            double x = q[0], y = q[1], z = q[2], u = 8 * z * x - y;
            expr = expr.publishes(
                    d(1 + 5 * y + 24 * z * u * u, 5 * x - 3 * u * u, -2 + 24 * x * u * u), 1e-12, x, y, z);
            hessian("expression", d(0, 1, 0), d(5 + 48 * z * (y - 8 * z * x), 6 * u, -48 * x * u), x, y, z);
        }
        add(expr);

        // testCompositionOneVariableX / Y: sqrt(x / y) with one of them a constant, three derivatives published
        Ported cx = ds("sqrtRatioX", """
                @Differentiable(wrt = "x")
                static double sqrtRatioX(double x, double y) {
                    return Math.sqrt(x / y);
                }
                """, p(0.3, 0.7), p(1.1, 0.2));
        Ported cy = ds("sqrtRatioY", """
                @Differentiable(wrt = "y")
                static double sqrtRatioY(double x, double y) {
                    return Math.sqrt(x / y);
                }
                """, p(0.3, 0.7), p(1.1, 0.2));
        for (double[] q : new double[][] {{0.1, 0.9}, {0.7, 0.4}, {1.1, 1.1}}) {
            double x = q[0], y = q[1], f0 = Math.sqrt(x / y);
            double f1 = 1 / (2 * Math.sqrt(x * y));
            cx = cx.publishes(d(f1), 1e-13, x, y);
            hessian("sqrtRatioX", d(1), d(-f1 / (2 * x)), x, y);
            cy = cy.publishes(d(-x / (2 * y * y * f0)), 1e-13, x, y);
            hessian("sqrtRatioY", d(1), d((f0 - x / (4 * y * f0)) / (y * y)), x, y);
        }
        add(cx);
        add(cy);

        // testTrigo: sin(x / (cos(y) + tan(z))), gradient and the Hessian's first column
        Ported trigo = ds("trigo", """
                @Differentiable
                static double trigo(double x, double y, double z) {
                    return Math.sin(x / (Math.cos(y) + Math.tan(z)));
                }
                """, p(0.3, 0.5, 0.9), p(1.1, 0.2, 0.4));
        for (double[] q : new double[][] {{0.1, 0.7, 0.3}, {1.1, 1.1, 1.1}}) {
            double x = q[0], y = q[1], z = q[2];
            double a = Math.cos(y) + Math.tan(z), f0 = Math.sin(x / a), cz = Math.cos(z), cz2 = cz * cz;
            double dfdx = Math.cos(x / a) / a, dfdy = x * Math.sin(y) * dfdx / a, dfdz = -x * dfdx / (a * cz2);
            trigo = trigo.publishes(d(dfdx, dfdy, dfdz), 1e-12, x, y, z);
            double dxdy = dfdy / x - x * Math.sin(y) * f0 / (a * a * a);
            double dxdz = (x * f0 / (a * a * a) - dfdx / a) / cz2;
            hessian("trigo", d(1, 0, 0), d(-(f0 / (a * a)), dxdy, dxdz), x, y, z);
        }
        add(trigo);

        // testTaylorPolynomial: f = (xy + z) x y (its Taylor expansion is exact at order 4)
        add(ds("taylorPolynomial", """
                @Differentiable
                static double taylorPolynomial(double x, double y, double z) {
                    return (x * y + z) * x * y;
                }
                """, p(0.3, 0.8, 0.4), p(1.1, 0.2, 1.0))
                .publishes(d(2 * 0.3 * 0.64 + 0.8 * 0.4, 2 * 0.09 * 0.8 + 0.3 * 0.4, 0.3 * 0.8), 1e-14, 0.3, 0.8, 0.4));
        hessian("taylorPolynomial", d(0, 0, 1), d(0.8, 0.3, 0), 0.3, 0.8, 0.4);

        // testPow: pow(ds, n) for integer n against the product of n factors, on x, y, z, x+y+z and xyz
        add(ds("powInt", """
                @Differentiable(wrt = {"x", "y", "z"})
                static double powInt(double x, double y, double z, int n) {
                    return Math.pow(x * y * z, n) + Math.pow(x + y + z, n);
                }
                """, p(1.0, 2.0, 3.0, 3), p(0.4, 0.9, 1.3, 5), p(1.0, 2.0, 3.0, 0), p(0.7, 0.2, 0.5, 1))
                .publishes(d(756, 432, 324), 1e-14, 1.0, 2.0, 3.0, 3)
                .publishes(d(0, 0, 0), 0, 1.0, 2.0, 3.0, 0));
        add(ds("powProduct", """
                @Differentiable(wrt = {"x", "y", "z"})
                static double powProduct(double x, double y, double z, int n) {
                    double s = x * y * z;
                    double t = x + y + z;
                    double p = 1;
                    double q = 1;
                    for (int i = 0; i < n; ++i) {
                        p = p * s;
                        q = q * t;
                    }
                    return p + q;
                }
                """, p(0.4, 0.9, 1.3, 5), p(1.0, 2.0, 3.0, 0))
                .publishes(d(756, 432, 324), 1e-14, 1.0, 2.0, 3.0, 3));

        // testPowDoubleDS: pow(a, ds) for a constant a, the special case a = 0 included (its derivative is 0)
        Ported powDouble =
                ds("powDoubleBase", """
                @Differentiable(wrt = {"x", "y", "z"})
                static double powDoubleBase(double a, double x, double y, double z) {
                    return Math.pow(a, x) + Math.pow(a, x + y + z) + Math.pow(a, x * y * z);
                }
                """, p(0.1, 0.1, 0.2, 0.3), p(2.0, 0.1, 0.2, 0.3), p(5.0, -0.4, 0.6, 0.3));
        for (double a : new double[] {0.1, 1.0, 2.0, 5.0}) {
            double x = 0.1, y = 0.2, z = 0.3, la = Math.log(a);
            double e1 = Math.pow(a, x) * la, e2 = Math.pow(a, x + y + z) * la, e3 = Math.pow(a, x * y * z) * la;
            powDouble =
                    powDouble.publishes(d(e1 + e2 + e3 * y * z, e2 + e3 * x * z, e2 + e3 * x * y), 1e-14, a, x, y, z);
        }
        add(powDouble.publishes(d(0, 0, 0), 0, 0.0, 0.1, 0.2, 0.3));
        add(ds("powTwo", """
                @Differentiable
                static double powTwo(double x) {
                    return Math.pow(2.0, x);
                }
                """, p(-2.0), p(0.6)).publishes(d(Math.log(2.0) / 4), 1e-15, -2.0));

        // testSqrtDefinition, testCbrtDefinition, testRootN...: roots as powers, and the identities they must keep
        add(ds("rootN", """
                @Differentiable(wrt = "x")
                static double rootN(double x, int n) {
                    return n == 2 ? Math.sqrt(x) : n == 3 ? Math.cbrt(x) : Math.pow(x, 1.0 / n);
                }
                """, p(0.7, 2), p(0.7, 3), p(1.9, 5))
                .publishes(d(1 / (3 * Math.cbrt(4.0))), 1e-15, 2.0, 3)
                .publishes(d(0.2 * Math.pow(2.0, -0.8)), 1e-15, 2.0, 5));
        add(ds("sqrtPow2", """
                @Differentiable
                static double sqrtPow2(double x) {
                    return Math.sqrt(x * x) + Math.cbrt(x * (x * x));
                }
                """, p(0.1), p(1.15)).publishes(d(2), 1e-15, 0.5));
        add(ds("powReciprocalPow", """
                @Differentiable
                static double powReciprocalPow(double x, double y) {
                    return Math.pow(Math.pow(x, y), 1 / y);
                }
                """, p(0.1, 0.3), p(1.1, 0.9)).publishes(d(1, 0), 1e-13, 0.6, 0.45));

        // testHypotDefinition, testHypotNoOverflow, testHypotNeglectible: hypot(y, x), far from 1 too
        add(ds("hypot", """
                @Differentiable
                static double hypot(double x, double y) {
                    return Math.hypot(y, x);
                }
                """, p(-1.7, 0.3), p(1.9, -1.1))
                .publishes(d(0.6, -0.8), 1e-15, 3.0e250, -4.0e250)
                .publishes(d(0, -1), 1e-15, 3.0e-10, -4.0e25)
                .publishes(d(0.6, 0.8), 1e-15, 3.0e-200, 4.0e-200));

        // testRemainder / testPrimitiveRemainder: IEEEremainder(x, y) = x - n y, n the rounded quotient
        Ported rem = ds("remainder", """
                @Differentiable
                static double remainder(double x, double y) {
                    return Math.IEEEremainder(x, y);
                }
                """, p(1.3, 0.5), p(-1.7, 0.7), p(1.9, -1.3));
        for (double[] q : new double[][] {{1.3, 0.5}, {-1.7, 0.7}, {1.9, -1.3}, {0.3, 1.7}}) {
            rem = rem.publishes(d(1, -(q[0] - Math.IEEEremainder(q[0], q[1])) / q[1]), 1e-14, q[0], q[1]);
        }
        add(rem);

        // exponentials and logarithms against their definitions (testExpm1Definition ... testLog10Power)
        add(ds("expsLogs", """
                @Differentiable
                static double expsLogs(double x) {
                    return Math.expm1(x) + Math.log1p(x) + Math.log10(x) + Math.log(Math.exp(x))
                            + Math.log1p(Math.expm1(x)) + Math.log10(Math.pow(10, x));
                }
                """, p(0.1), p(1.15))
                .publishes(d(Math.exp(0.5) + 1 / 1.5 + 1 / (0.5 * Math.log(10)) + 3), 1e-14, 0.5));

        // the inverse pairs and definitions (testSinAsin, testCosAcos, testTanAtan, testTangentDefinition, ...)
        add(ds("inversePairs", """
                @Differentiable
                static double inversePairs(double x) {
                    return Math.asin(Math.sin(x)) + Math.acos(Math.cos(x)) + Math.atan(Math.tan(x))
                            + Math.sin(x) / Math.cos(x);
                }
                """, p(0.1), p(1.15)).publishes(d(3 + 1 / (Math.cos(0.5) * Math.cos(0.5))), 1e-14, 0.5));
        add(ds("hyperbolic", """
                // the inverses as a Java programmer writes them, java.lang.Math having none
                static double asinh(double x) {
                    return Math.log(x + Math.sqrt(x * x + 1));
                }

                static double acosh(double x) {
                    return Math.log(x + Math.sqrt(x * x - 1));
                }

                static double atanh(double x) {
                    return 0.5 * Math.log((1 + x) / (1 - x));
                }

                @Differentiable
                static double hyperbolic(double x) {
                    double sinh = (Math.exp(x) - Math.exp(-x)) / 2;
                    double cosh = (Math.exp(x) + Math.exp(-x)) / 2;
                    return asinh(Math.sinh(x)) + acosh(Math.cosh(x + 1)) + atanh(Math.tanh(x))
                            + sinh * Math.cosh(x) - cosh * Math.sinh(x) + Math.tanh(x) - sinh / cosh;
                }
                """, p(0.1), p(1.15), p(-0.6)).publishes(d(3), 1e-13, 0.5));

        // testAtan2: atan2(y, x) against atan(y / x) shifted by pi on the left half-plane
        add(ds("atan2", """
                @Differentiable
                static double atan2(double y, double x) {
                    return Math.atan2(y, x);
                }
                """, p(-0.3, 0.1), p(1.3, -1.7), p(-1.1, -0.5))
                .publishes(d(0.1 / 0.1, 0.3 / 0.1), 1e-14, -0.3, 0.1));
        add(ds("atan2ByAtan", """
                @Differentiable
                static double atan2ByAtan(double y, double x) {
                    double r = Math.atan(y / x);
                    if (x < 0) {
                        r = y < 0 ? r - Math.PI : r + Math.PI;
                    }
                    return r;
                }
                """, p(-0.3, 0.1), p(1.3, -1.7), p(-1.1, -0.5))
                .publishes(d(-1.7 / (1.69 + 2.89), -1.3 / (1.69 + 2.89)), 1e-14, 1.3, -1.7));

        // testAbs, testSign, testCeilFloorRintLong, testCopySign, testToDegreesDefinition, testToRadiansDefinition
        add(ds("piecewise", """
                @Differentiable
                static double piecewise(double x) {
                    return Math.abs(x) + Math.signum(x) * x + Math.floor(x) + Math.ceil(x) + Math.rint(x)
                            + Math.round(x) + Math.toDegrees(x) + Math.toRadians(x);
                }
                """, p(-1.3), p(0.7), p(2.2))
                .publishes(d(-2 + 180 / Math.PI + Math.PI / 180), 1e-14, -1.5)
                .publishes(d(2 + 180 / Math.PI + Math.PI / 180), 1e-14, 1.0));
        Ported copySign = ds("copySign", """
                @Differentiable
                static double copySign(double x, double s) {
                    return Math.copySign(x, s) + Math.copySign(2.0, x);
                }
                """, p(-1.0, 1.0), p(-1.0, -1.0), p(1.0, 0.5), p(1.0, -0.5));
        double[][] signs = {{1.0, -1}, {-1.0, 1}, {0.0, -1}, {-0.0, 1}, {Double.NaN, -1}};
        for (double[] s : signs) {
            copySign = copySign.publishes(d(s[1], 0), 0, -1.0, s[0]);
            copySign = copySign.publishes(d(-s[1], 0), 0, 1.0, s[0]);
        }
        add(copySign);

        // testLinearCombination1DSDS / 1DoubleDS: the accurate dot product, its derivative the other factor exactly
        double[] a = {
            -1321008684645961.0 / 268435456.0, -5774608829631843.0 / 268435456.0, -7645843051051357.0 / 8589934592.0
        };
        double[] b = {-5712344449280879.0 / 2097152.0, -4550117129121957.0 / 2097152.0, 8846951984510141.0 / 131072.0};
        add(ds(
                        "linearCombinationFma",
                        """
                // Ogita, Rump and Oishi's Dot2: exact products by fma, compensated sum
                @Differentiable
                static double linearCombinationFma(double[] a, double[] b) {
                    double s = 0;
                    double c = 0;
                    for (int i = 0; i < a.length; i++) {
                        double p = a[i] * b[i];
                        double pe = Math.fma(a[i], b[i], -p);
                        double t = s + p;
                        double z = t - s;
                        double se = (s - (t - z)) + (p - z);
                        s = t;
                        c += se + pe;
                    }
                    return s + c;
                }
                """,
                        p(d(0.3, -1.2, 2.5), d(1.5, 1.5 + 1e-9, -3.0)),
                        p(d(1.5, 2.5), d(-0.25, 4.0)))
                .publishes(d(b[0], b[1], b[2], a[0], a[1], a[2]), 1e-15, a, b));
        add(ds(
                        "linearCombinationSplit",
                        """
                private static final double SPLITTER = 134217729.0;

                // Dekker's product: each factor split in two halves of 26 bits
                @Differentiable(wrt = "b")
                static double linearCombinationSplit(double[] a, double[] b) {
                    double s = 0;
                    double c = 0;
                    for (int i = 0; i < a.length; i++) {
                        double ca = SPLITTER * a[i];
                        double aHigh = ca - (ca - a[i]);
                        double aLow = a[i] - aHigh;
                        double cb = SPLITTER * b[i];
                        double bHigh = cb - (cb - b[i]);
                        double bLow = b[i] - bHigh;
                        double p = a[i] * b[i];
                        double pe = aLow * bLow - (((p - aHigh * bHigh) - aLow * bHigh) - aHigh * bLow);
                        double t = s + p;
                        double z = t - s;
                        s = t;
                        c += (p - z) + pe;
                    }
                    return s + c;
                }
                """,
                        p(d(0.3, -1.2, 2.5), d(1.5, 1.5 + 1e-9, -3.0)),
                        p(d(1.5, 2.5), d(-0.25, 4.0)))
                .publishes(d(a), 1e-15, a, b));

        // GradientFunctionTest.EuclideanDistance and JacobianFunctionTest.SphereMapping
        add(of("GradientFunctionTest", "euclideanDistance", """
                @Differentiable
                static double euclideanDistance(double[] point) {
                    double d2 = 0;
                    for (double x : point) {
                        d2 += x * x;
                    }
                    return Math.sqrt(d2);
                }
                """, p(d(-10, 9.5)), p(d(3.5, -2.0, 0.5)))
                .publishes(d(0.6, -0.8), 1e-15, d(3, -4))
                .publishes(d(-2 / 3.0, 1 / 3.0, 2 / 3.0), 1e-15, d(-2, 1, 2)));
        double lat = 0.7, lon = -2.1, r = 10;
        double cLat = Math.cos(lat), sLat = Math.sin(lat), cLon = Math.cos(lon), sLon = Math.sin(lon);
        double[][] jac = {{-r * cLon * sLat, -r * sLon * cLat}, {-r * sLon * sLat, r * cLon * cLat}, {r * cLat, 0}};
        double[] seed = {0.5, 0.75, 1.0};
        double[] vjp = new double[2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                vjp[j] += seed[i] * jac[i][j];
            }
        }
        add(of("JacobianFunctionTest", "sphere", """
                // maps (latitude, longitude) to (x, y, z) on the sphere of that radius
                @Differentiable(wrt = "point")
                static double[] sphere(double[] point, double radius) {
                    double cLat = Math.cos(point[0]);
                    double sLat = Math.sin(point[0]);
                    double cLon = Math.cos(point[1]);
                    double sLon = Math.sin(point[1]);
                    return new double[] {radius * cLon * cLat, radius * sLon * cLat, radius * sLat};
                }
                """, p(d(-1.5, -3.1), 10.0), p(d(1.3, 2.9), 10.0))
                .publishes(vjp, 1e-14, d(lat, lon), r));
    }
}
