package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.f;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * The energies and costs DiffKt's examples minimize by its {@code reverseDerivative}
 * (github.com/facebookresearch/diffkt {@code kotlin/examples/src/main/kotlin/examples/}): the brachistochrone's descent
 * time over a polyline, in {@code Float} as the example computes it ({@code brachistochrone/scalar/Main.kt}; the
 * ends fixed, the interior heights free), the Hookean spring system's energy through its incidence matrix
 * ({@code hookeanSpring/simple/Main.kt}, its default eight vertices and fourteen springs), the quasi-static
 * neo-Hookean triangle's energy built of 2x2 matrices ({@code neohookean/simple/oo/quasistatic}: a record with its
 * product, squared norm, determinant and inverse, the deformation gradient {@code shape · restShape⁻¹}), root-two's
 * cost in {@code Float} ({@code roottwo/Main.kt}).
 */
final class DiffKtExamples {
    private DiffKtExamples() {}

    private static Ported of(String file, String method, String body, Object[]... points) {
        String stem = file.substring(0, file.indexOf('/'));
        return new Ported(
                "diffkt." + stem + "." + method,
                "facebookresearch/diffkt kotlin/examples/src/main/kotlin/examples/" + file,
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        l.add(of(
                "brachistochrone/scalar/Main.kt",
                "timeTaken",
                """
                static final float Y_START = 1f;
                static final float Y_END = 0f;

                // computeTimeTaken: each section's length over the mean of the speeds energy gives at its ends
                @Differentiable
                static float timeTaken(float[] x, float[] inner) {
                    int n = inner.length + 1;
                    float[] y = new float[n + 1];
                    y[0] = Y_START;
                    y[n] = Y_END;
                    for (int i = 1; i < n; i++) {
                        y[i] = inner[i - 1];
                    }
                    float g = 9.8f;
                    float total = 0f;
                    for (int i = 1; i < n + 1; i++) {
                        float prevVelocity = (float) Math.sqrt(2f * g * (Y_START - y[i - 1]));
                        float velocity = (float) Math.sqrt(2f * g * (Y_START - y[i]));
                        float deltaX = x[i] - x[i - 1];
                        float deltaY = y[i] - y[i - 1];
                        float dist = (float) Math.sqrt(deltaX * deltaX + deltaY * deltaY);
                        total += dist / ((prevVelocity + velocity) / 2);
                    }
                    return total;
                }
                """,
                p(f(0f, 0.5f, 1f, 1.5f, 2f, 2.5f, 3f, 3.5f, 4f), f(0.6f, 0.35f, 0.2f, 0.12f, 0.08f, 0.05f, 0.02f)),
                p(f(0f, 1f, 2f, 3f, 4f), f(0.75f, 0.5f, 0.25f))));
        double[][] verts = m(d(0, 0), d(1, 0), d(2, 0.5), d(1, 1), d(1.5, 2), d(2, -1), d(0, -1), d(1, -2));
        double[][] moved = m(
                d(0.1, -0.05),
                d(1.2, 0.1),
                d(2.1, 0.4),
                d(0.9, 1.2),
                d(1.4, 2.3),
                d(2.2, -0.9),
                d(-0.1, -1.1),
                d(1.05, -2.2));
        l.add(of("hookeanSpring/simple/Main.kt", "springEnergy", """
                static final int[][] EDGES = {
                    {0, 1}, {0, 3}, {1, 3}, {1, 2}, {2, 3}, {3, 4}, {2, 4}, {1, 5}, {5, 6}, {6, 0}, {6, 1}, {6, 5}, {5, 7},
                    {6, 7}
                };
                static final double[] REST = {1, 1.3, 1.4, 1.5, 2.0, 1.4, 1.4, 1.3, 1, 0.8, 1, 1, 1, 0.9};
                static final double K = 1;

                // SpringSystem.energy: d = incidence x, l = (sum_j d^2 + 1e-6)^0.5, 0.5 k sum (l - l0)^2
                @Differentiable
                static double springEnergy(double[][] x) {
                    int ns = EDGES.length;
                    int nv = x.length;
                    double[][] incidence = new double[ns][nv];
                    for (int i = 0; i < ns; i++) {
                        incidence[i][EDGES[i][0]] = 1.0;
                        incidence[i][EDGES[i][1]] = -1.0;
                    }
                    double e = 0;
                    for (int i = 0; i < ns; i++) {
                        double q = 0;
                        for (int j = 0; j < x[0].length; j++) {
                            double dij = 0;
                            for (int v = 0; v < nv; v++) {
                                dij += incidence[i][v] * x[v][j];
                            }
                            q += dij * dij;
                        }
                        double len = Math.pow(q + 1e-6, 0.5);
                        double dl = len - REST[i];
                        e += K * (dl * dl);
                    }
                    return 0.5 * e;
                }
                """, p((Object) verts), p((Object) moved)));
        l.add(of(
                "neohookean/simple/oo/quasistatic/NeohookeanTriangle.kt",
                "neohookeanEnergy",
                """
                record Mat2(double m00, double m01, double m10, double m11) {
                    Mat2 mm(Mat2 b) {
                        return new Mat2(m00 * b.m00() + m01 * b.m10(), m00 * b.m01() + m01 * b.m11(),
                                m10 * b.m00() + m11 * b.m10(), m10 * b.m01() + m11 * b.m11());
                    }

                    double q() {
                        return m00 * m00 + m01 * m01 + m10 * m10 + m11 * m11;
                    }

                    double det() {
                        return m00 * m11 - m01 * m10;
                    }

                    Mat2 inv() {
                        return new Mat2(m11 / det(), -m01 / det(), -m10 / det(), m00 / det());
                    }
                }

                static final int[][] TRIS = {{0, 1, 2}, {0, 2, 3}};
                static final double[][] REST = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};

                // NeohookeanTriangle.energy over a square of two triangles, restArea 1
                @Differentiable
                static double neohookeanEnergy(double[][] v, double mu, double lambda) {
                    double e = 0;
                    for (int[] t : TRIS) {
                        int a = t[0];
                        int b = t[1];
                        int c = t[2];
                        Mat2 shape = new Mat2(v[b][0] - v[a][0], v[c][0] - v[a][0], v[b][1] - v[a][1], v[c][1] - v[a][1]);
                        Mat2 rest = new Mat2(REST[b][0] - REST[a][0], REST[c][0] - REST[a][0], REST[b][1] - REST[a][1],
                                REST[c][1] - REST[a][1]);
                        Mat2 f = shape.mm(rest.inv());
                        double i1 = f.q();
                        double j = f.det();
                        double qlogJ = -1.5 + 2 * j - 0.5 * j * j;
                        double energyDensityMu = mu * (0.5 * (i1 - 2) - qlogJ);
                        double energyDensityLambda = lambda * 0.5 * qlogJ * qlogJ;
                        e += energyDensityMu + energyDensityLambda;
                    }
                    return e;
                }
                """,
                p(m(d(0.05, -0.02), d(1.1, 0.03), d(0.95, 1.2), d(-0.1, 0.9)), 1.0, 1.0),
                p(m(d(0, 0), d(1.3, 0.2), d(1.1, 0.8), d(0.2, 1.1)), 0.7, 1.6)));
        l.add(of("roottwo/Main.kt", "cost", """
                // cost: (predict(x) - y)^2 with predict(x) = x * x, in Float
                static float predict(float x) {
                    return x * x;
                }

                @Differentiable(wrt = "x")
                static float cost(float x, float y) {
                    float d = predict(x) - y;
                    return d * d;
                }
                """, p(0.63f, 2f), p(1.5f, 2f))
                .publishes(d(4 * 0.63f * (0.63f * 0.63f - 2f)), 1e-5, 0.63f, 2f));
        l.add(new Ported(
                "diffkt.GammaTest.gammaMean",
                "facebookresearch/diffkt kotlin/api/src/test/kotlin/org/diffkt/random/"
                        + "GammaTest.kt (and RandomKey's gamma)",
                "gammaMean",
                """
                // Marsaglia and Tsang's gamma sampler as RandomKey.gamma draws it (boosted by u^(1/alpha) below 1),
                // scaled by the rate; the mean of n samples, differentiated pathwise (the draws fixed by the seed)
                @Differentiable(wrt = {"alpha", "beta"})
                static double gammaMean(double alpha, double beta, long seed, int n) {
                    java.util.Random rng = new java.util.Random(seed);
                    double a = alpha < 1 ? alpha + 1 : alpha;
                    double d = a - 1.0 / 3;
                    double c = 1 / Math.sqrt(9 * d);
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        double g;
                        while (true) {
                            double x = rng.nextGaussian();
                            double v = 1 + c * x;
                            if (v <= 0) {
                                continue;
                            }
                            v = v * v * v;
                            double u = rng.nextDouble();
                            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                                g = d * v;
                                break;
                            }
                        }
                        if (alpha < 1) {
                            g *= Math.pow(rng.nextDouble(), 1 / alpha);
                        }
                        s += g / beta;
                    }
                    return s / n;
                }
                """,
                List.of(p(4.0, 2.0, 42L, 40), p(0.5, 2.0, 7L, 40), p(1.7, 0.6, 2026L, 25)),
                List.of(),
                "static"));
        l.addAll(integrals());
        return l;
    }

    static final String ROMBERG = """
            // the derivatives of IntegralTest's functions (1, x, sin x, cos 3x, exp x, 3 + 4x + 5x^2 + 6x^3, 2 / x^2,
            // ln x), as forwardDiff gives them: the integrands
            static double g(int k, double x) {
                switch (k) {
                    case 0: return 0;
                    case 1: return 1;
                    case 2: return Math.cos(x);
                    case 3: return -3 * Math.sin(3 * x);
                    case 4: return Math.exp(x);
                    case 5: return 4 + x * (10 + x * 18);
                    case 6: return -4 / (x * x * x);
                    default: return 1 / x;
                }
            }

            // Integral.kt's Romberg method: order up to n = 5, stopping when two orders agree to eps = 1e-5
            static double integral(double a, double b, int k) {
                int n = 5;
                double eps = 1e-5;
                double[] prev = new double[n + 1];
                double[] cur = new double[n + 1];
                double h = b - a;
                prev[0] = 0.5 * h * (g(k, a) + g(k, b));
                for (int i = 1; i <= n; i++) {
                    h /= 2;
                    double s = 0;
                    for (int j = 1; j <= 1 << (i - 1); j++) {
                        s += g(k, a + (2 * j - 1) * h);
                    }
                    cur[0] = 0.5 * prev[0] + h * s;
                    double f4 = 1;
                    for (int j = 1; j <= i; j++) {
                        f4 *= 4;
                        cur[j] = cur[j - 1] + (cur[j - 1] - prev[j - 1]) / (f4 - 1);
                    }
                    if (Math.abs(cur[i] - prev[i - 1]) <= eps * Math.abs(cur[i])) {
                        return cur[i];
                    }
                    System.arraycopy(cur, 0, prev, 0, i + 1);
                }
                return prev[n];
            }
            """;

    /**
     * IntegralTest.kt: the integral of each function's derivative from a to b, differentiated in its bounds; through
     * Romberg's iterations (the gradient of the quadrature, against central differences), and with Integral.kt's own
     * rule (Leibniz: -g(a), g(b)) as a {@code @CustomDerivative}, whose gradient the test asserts.
     */
    private static List<Ported> integrals() {
        String file = "api/src/main/kotlin/org/diffkt/Integral.kt";
        List<Ported> l = new ArrayList<>();
        l.add(new Ported(
                        "diffkt.IntegralTest.romberg",
                        "facebookresearch/diffkt kotlin/" + file + " (and its test)",
                        "romberg",
                        ROMBERG + """

                @Differentiable(wrt = {"a", "b"})
                static double romberg(double a, double b, int k) {
                    return integral(a, b, k);
                }
                """,
                        List.of(
                                p(1.0, 2.0, 2),
                                p(1.0, 2.0, 3),
                                p(1.0, 2.0, 5),
                                p(1.0, 2.0, 6),
                                p(1.0, 2.0, 7),
                                p(0.4, 1.3, 4)),
                        List.of(),
                        "static")
                .publishes(d(-1, 1), 1e-12, 1.0, 2.0, 1));
        Ported leibniz = new Ported(
                "diffkt.IntegralTest.leibniz",
                "facebookresearch/diffkt kotlin/" + file + " (and its test)",
                "leibniz",
                ROMBERG + """

                // IntegralReverseScalar.backpropagate: a gets -upstream g(a), b gets upstream g(b)
                @CustomDerivative(of = "integral")
                static double integralPullback(double a, double b, int k, double seed, DoubleGrad da, DoubleGrad db) {
                    da.add(-seed * g(k, a));
                    db.add(seed * g(k, b));
                    return integral(a, b, k);
                }

                @Differentiable(wrt = {"a", "b"})
                static double leibniz(double a, double b, int k) {
                    return integral(a, b, k);
                }
                """,
                List.of(),
                List.of(),
                "static");
        for (int k = 0; k < 8; k++) {
            double a = 1;
            double b = 2;
            double[] ga = {
                0, 1, Math.cos(a), -3 * Math.sin(3 * a), Math.exp(a), 4 + a * (10 + a * 18), -4 / (a * a * a), 1 / a
            };
            double[] gb = {
                0, 1, Math.cos(b), -3 * Math.sin(3 * b), Math.exp(b), 4 + b * (10 + b * 18), -4 / (b * b * b), 1 / b
            };
            leibniz = leibniz.publishes(d(-ga[k], gb[k]), 1e-15, a, b, k);
        }
        l.add(leibniz);
        return l;
    }
}
