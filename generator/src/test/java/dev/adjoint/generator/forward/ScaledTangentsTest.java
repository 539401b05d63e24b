package dev.adjoint.generator.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Tangents kept as {@code raw × k} ({@link ScaledTangents}): each {@code Jvp} equals
 * {@code ∇f·u} from the reverse-mode gradient, through negations, squares, sums of tangents of
 * equal and unequal scales, copies, loops and float; and the Rosenbrock term's tangent takes
 * fewer floating-point operations than the rule table's spelling (8 with the dead {@code ṫ} of
 * {@code 100·a}, which the JIT drops, against 11: the sum's tangent accumulated halved).
 */
class ScaledTangentsTest {
    private static final String SOURCE = """
            package fwd;

            import dev.adjoint.Differentiable;

            public class Scaled {
                @Differentiable
                public static double rosenbrock(double[] x) {
                    double s = 0;
                    for (int i = 0; i + 1 < x.length; i++) {
                        double a = x[i + 1] - x[i] * x[i];
                        double b = 1 - x[i];
                        s += 100 * a * a + b * b;
                    }
                    return s;
                }

                @Differentiable
                public static double signs(double x, double y) {
                    double a = -x;
                    double b = 2 - a;
                    double c = -(b * b);
                    double d = a - b;
                    double e = -d * -d;
                    double f = a + c;
                    double g = f;
                    return c + e - (1 - y) * (1 - y) + a * a * y + g * (d - e) - (3 - g);
                }

                @Differentiable
                public static double mixed(double[] w, double y) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        double m = 1 - w[i];
                        double p = m * m - w[i] * w[i];
                        double q = -(m * m) + y * y;
                        s = s - p * q + (2 - m);
                        w[i] = -m * y;
                    }
                    return s + w[0] * w[w.length - 1];
                }

                @Differentiable
                public static double sums(double[] x, double y) {
                    double s = 0; // an accumulator: its tangent kept halved in the loop
                    double t = 0;
                    double u = 1;
                    double w = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * x[i];
                        t += s * y; // reads it after its sum: the factor applied
                        u = -(y * x[i]) * (y * x[i]) + u; // the sum's value first, a constant before
                        if (x[i] > 0) {
                            w -= (1 - x[i]) * (1 - x[i]);
                        }
                        if (i == 1) {
                            s = 0; // a reset: a value without tangent
                        }
                    }
                    return s + t * u - w;
                }

                @Differentiable
                public static double notAccumulators(double s, double[] x, double y) {
                    double r = y; // starts with a tangent: stays unscaled
                    double q = 0;
                    double h = 0;
                    double p = 0;
                    for (int i = 0; i < x.length; i++) {
                        q = q * 0.5; // assigned another active value
                        q += x[i] * x[i];
                        p += h * y; // read before its sum (the previous iteration's)
                        h += x[i] * x[i];
                        s += x[i] * x[i]; // a parameter: starts with its tangent
                        double d = y - x[i];
                        r += d * d;
                    }
                    return s * q + r + p;
                }

                @Differentiable
                public static double nested(double[][] a) {
                    double total = 0;
                    for (int i = 0; i < a.length; i++) {
                        double row = 0;
                        for (int j = 0; j < a[i].length; j++) {
                            row += a[i][j] * a[i][j];
                        }
                        total += Math.sqrt(row) * row;
                    }
                    return total;
                }

                @Differentiable
                public static float single(float x, float[] v) {
                    float b = 1 - x;
                    float s = b * b;
                    for (int i = 0; i < v.length; i++) {
                        float c = -v[i];
                        s += c * c - b * c;
                    }
                    return s;
                }
            }
            """;

    private static final Differentiated D = Differentiated.of("fwd.Scaled", SOURCE, Options.DEFAULT);

    /** {@code nameJvp} along {@code u} against {@code ∇f·u} from {@code nameGrad}, to {@code tol} relative. */
    private static void check(String name, Object[] args, Object[] u, double tol) {
        double[] g = D.grad(name, Differentiated.copyArguments(args)).gradient();
        double[] uf = flat(u);
        double want = 0;
        double scale = 0;
        for (int i = 0; i < g.length; i++) {
            want += g[i] * uf[i];
            scale += Math.abs(g[i] * uf[i]);
        }
        Object[] call = Arrays.copyOf(Differentiated.copyArguments(args), args.length + u.length + 1);
        System.arraycopy(u, 0, call, args.length, u.length);
        boolean isFloat = args[0] instanceof Float || args[0] instanceof float[];
        Object cell = isFloat ? new FloatGrad(5f) : new DoubleGrad(5);
        call[call.length - 1] = cell;
        D.invokeGenerated(name, name + "Jvp", call);
        double got = cell instanceof DoubleGrad dg ? dg.get() : ((FloatGrad) cell).get();
        assertEquals(want, got, tol * Math.max(1, scale), name + ": Jvp against the gradient along u");
    }

    private static double[] flat(Object[] u) {
        return Arrays.stream(u)
                .flatMapToDouble(o -> o instanceof double[] a
                        ? Arrays.stream(a)
                        : o instanceof double[][] m
                                ? Arrays.stream(m).flatMapToDouble(Arrays::stream)
                                : o instanceof float[] f
                                        ? java.util.stream.IntStream.range(0, f.length)
                                                .mapToDouble(i -> f[i])
                                        : java.util.stream.DoubleStream.of(((Number) o).doubleValue()))
                .toArray();
    }

    @Test
    void jvpIsTheGradientAlongTheDirection() {
        check(
                "rosenbrock",
                new Object[] {new double[] {-1.2, 1, 0.3, -0.7}},
                new Object[] {new double[] {0.5, -0.25, 1, 0.75}},
                1e-13);
        for (double[] p : new double[][] {{0.7, -1.3}, {-0.4, 0.9}}) {
            check("signs", new Object[] {p[0], p[1]}, new Object[] {0.6, -0.8}, 1e-13);
        }
        check(
                "mixed",
                new Object[] {new double[] {0.3, -1.1, 2.0}, 0.7},
                new Object[] {new double[] {-0.5, 0.25, 0.9}, 0.4},
                1e-13);
        check(
                "sums",
                new Object[] {new double[] {0.3, -1.1, 2.0, 0.8}, 0.7},
                new Object[] {new double[] {-0.5, 0.25, 0.9, -0.3}, 0.4},
                1e-13);
        check(
                "notAccumulators",
                new Object[] {1.3, new double[] {0.3, -1.1, 2.0}, 0.7},
                new Object[] {0.6, new double[] {-0.5, 0.25, 0.9}, 0.4},
                1e-13);
        check(
                "nested",
                new Object[] {new double[][] {{0.3, -1.1}, {2.0, 0.5, -0.2}}},
                new Object[] {new double[][] {{-0.5, 0.25}, {0.9, 0.1, 0.7}}},
                1e-13);
        check(
                "single",
                new Object[] {0.3f, new float[] {1.5f, -0.25f}},
                new Object[] {-0.7f, new float[] {0.5f, 0.75f}},
                1e-5);
    }

    @Test
    void rosenbrockTermTakesFewerOperations() {
        String code = D.translation().generated().get("fwd.ScaledAdjoint");
        String jvp = code.substring(
                code.indexOf("rosenbrockJvp("), code.indexOf("tout.set", code.indexOf("rosenbrockJvp(")));
        int ops = 0;
        for (String line :
                jvp.lines().map(String::trim).filter(l -> l.startsWith("_dot_")).toList()) {
            String rhs = line.substring(line.indexOf('=') + 1).replaceAll("\\[[^\\]]*\\]", "");
            ops += rhs.chars().filter(c -> c == '*' || c == '+' || c == '-').count();
        }
        assertTrue(ops <= 8, "floating-point operations in the tangent of one Rosenbrock term: " + ops + "\n" + jvp);
    }
}
