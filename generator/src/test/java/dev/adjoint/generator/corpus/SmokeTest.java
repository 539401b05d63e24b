package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import org.junit.jupiter.api.Test;

class SmokeTest {
    private static final String SRC = """
            package corpus;

            import dev.adjoint.Differentiable;

            public class Smoke {
                @Differentiable(wrt = "w")
                public static double loss(double[] w, double[] x) {
                    double a = w[0] * x[0] + w[1] * x[1];
                    double s = a;
                    s = s * w[2];
                    s += Math.sin(a) / 2;
                    double f = s * 0.5;
                    double r = a > 0 ? Math.sqrt(a) : -a;
                    return Math.tanh(s) + f * r;
                }

                @Differentiable
                static float mixed(float a, double b, int n) {
                    float c = a * a * n;
                    if (c > 1) {
                        c = c - (float) Math.log(b);
                    } else {
                        c += Math.max(a, 0.5f);
                    }
                    return c * (float) b;
                }

                @Differentiable
                static double mixedTwin(double a, double b, int n) {
                    double c = a * a * n;
                    if (c > 1) {
                        c = c - Math.log(b);
                    } else {
                        c += Math.max(a, 0.5);
                    }
                    return c * b;
                }
            }
            """;

    @Test
    void straightLineGradientsMatchCentralDifferences() {
        for (Options o : new Options[] {Options.DEFAULT, Options.PLAIN}) {
            Differentiated d = Differentiated.of("corpus.Smoke", SRC, o);
            d.assertGradient("loss", d, "loss", 1e-6, 1e-9, new double[] {0.3, -0.7, 1.1}, new double[] {1.5, 0.25, 9});
            d.assertGradient(
                    "loss", d, "loss", 1e-6, 1e-9, new double[] {-0.3, -0.7, 1.1}, new double[] {1.5, 0.25, 9});
            d.assertGradient("mixed", d, "mixedTwin", 1e-3, 1e-4, 0.8f, 1.7, 3);
            d.assertGradient("mixed", d, "mixedTwin", 1e-3, 1e-4, 0.2f, 1.7, 1);
            d.assertGradient("mixedTwin", d, "mixedTwin", 1e-6, 1e-9, 0.2, 1.7, 1);
        }
    }

    private static final String EDGE = """
package corpus;

import static java.lang.Math.*;
import dev.adjoint.Differentiable;
import dev.adjoint.Adjoint;

public class Edge {
    static final double SCALE = 2.5;
    static final int N = 3;

    public static class Inner {
        @Differentiable
        static double nested(double x, long k) {
            double _t0 = x * k;
            double _d_x = _t0 / 2;
            double seed = _d_x + 1;
            double dx = seed * seed;
            return dx + SCALE * N;
        }
    }

    @Differentiable(wrt = {"x"})
    public static double f(double x, double y, int n) {
        { double t = sin(x); x = t * y; }
        { double t = cos(x); x = x + t; }
        double z = x * x + PI;
        z += n / 2 + x * (n % 3);
        z = z * z;
        z = z * z;
        return z - max(x, y) + hypot(x, y) + pow(abs(x), 1.5);
    }
}
""";

    @Test
    void staticImportsNestedOwnersEnclosingConstantsAndClashingNames() {
        for (Options o : new Options[] {Options.DEFAULT, Options.PLAIN}) {
            Differentiated d = Differentiated.of("corpus.Edge", EDGE, o);
            d.assertGradient("f", d, "f", 1e-6, 1e-9, 0.4, 1.3, 7);
            d.assertGradient("f", d, "f", 1e-6, 1e-9, -1.1, 0.2, 2);
            d.assertGradient("nested", d, "nested", 1e-6, 1e-9, 0.7, 3L);
        }
    }

    @Test
    void gradientsAccumulate() {
        Differentiated d = Differentiated.of("corpus.Smoke", SRC, Options.DEFAULT);
        var once = d.vjp("loss", 1.0, new double[] {0.3, -0.7, 1.1}, new double[] {1.5, 0.25, 9});
        var twice = d.vjp("loss", 2.0, new double[] {0.3, -0.7, 1.1}, new double[] {1.5, 0.25, 9});
        for (int i = 0; i < 3; i++) {
            assertEquals(2 * once.gradient()[i], twice.gradient()[i], 1e-12);
        }
    }
}
