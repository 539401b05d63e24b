package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.StrangerAppsTest.of;
import static dev.adjoint.generator.stranger.StrangerHarness.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What session 27's stranger programs ({@link StrangerApps27Test}) found: array aliases declared together
 * ({@code double[] a = t.a(), b = t.b();}) were build errors that blamed an assignment the method does not make,
 * and a local holding a {@code @Differentiable} method's array result blamed recursion or the inliner's limits
 * when the callee called a method the generator knows nothing of.
 */
class Apps27FindingsTest {
    /**
     * Several array variables in one declaration: aliases of parameters, of rows of a matrix, of a record's
     * array components, and fresh arrays beside them. Each is one declaration per variable in Java's order.
     * Before, the aliases were "local array 'a' is a second name for an array that is assigned again" and the
     * rows "local array 'a' must be created with 'new double[n]'".
     */
    static final String TOGETHER = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Together {
                public record Tri(double[] a, double[] b, double[] c) {}

                @Differentiable(wrt = "p")
                public static double params(double[] p, double[] x, double[] y) {
                    double[] a = x, b = y;
                    return p[0] * a[0] + p[1] * b[1] + Math.sin(p[0] * b[0]);
                }

                @Differentiable
                public static double rows(double[] p, double[][] m) {
                    double s = 0;
                    for (int i = 0; i + 1 < m.length; i++) {
                        double[] a = m[i], b = m[i + 1];
                        s += p[0] * a[0] * b[1] + p[1] * a[1] * b[0];
                    }
                    return s;
                }

                @Differentiable(wrt = {"p", "vals"})
                public static double barycentric(double[] p, Tri t, double[] vals) {
                    double[] a = t.a(), b = t.b(), c = t.c();
                    double det = (b[1] - c[1]) * (a[0] - c[0]) + (c[0] - b[0]) * (a[1] - c[1]);
                    double l1 = ((b[1] - c[1]) * (p[0] - c[0]) + (c[0] - b[0]) * (p[1] - c[1])) / det;
                    double l2 = ((c[1] - a[1]) * (p[0] - c[0]) + (a[0] - c[0]) * (p[1] - c[1])) / det;
                    return l1 * vals[0] + l2 * vals[1] + (1 - l1 - l2) * vals[2] + l1 * l2 * p[0];
                }

                @Differentiable
                public static double mixed(double[] p) {
                    double[] a = p, w = new double[2], v = {p[1], 2.0};
                    double k = 0.5, j = 3;
                    w[0] = a[0] * v[0];
                    w[1] = k * a[1] + j * v[1];
                    return w[0] * w[1];
                }
            }
            """;

    @Test
    void arraysDeclaredTogetherAreDeclaredOneByOne() throws Exception {
        double[] p = {0.4, -0.7};
        StrangerAppsTest.check(
                StrangerAppsTest.sources("Together", TOGETHER),
                List.of(
                        of("Together", "params", b ->
                                new Object[] {p, new double[] {1.5, 0.3}, new double[] {-0.2, 0.8}}),
                        of("Together", "rows", b ->
                                new Object[] {p, new double[][] {{0.3, 0.5}, {1.2, -0.4}, {0.7, 0.9}}}),
                        of("Together", "mixed", b -> new Object[] {p}),
                        of("Together", "barycentric", b -> new Object[] {
                            new double[] {0.8, 0.6},
                            b.make("Together$Tri", new double[] {0, 0}, new double[] {2, 0.3}, new double[] {0.5, 1.7}),
                            new double[] {1, 4, -2}
                        })));
    }

    /**
     * A local holding the array a {@code @Differentiable} method returns, where that method calls a library
     * method the generator knows nothing of ({@code Double.sum}): the callee is not inlined for that reason, so
     * the caller's error says so rather than only "recursive, returning different arrays, or past the inliner's
     * limits".
     */
    @Test
    void aCalleeWithAnUnknownCallIsNamedAsTheReasonAtTheCaller() {
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public final class Unknown {
                    private Unknown() {}

                    @Differentiable
                    public static double[] step(double[] u) {
                        double[] v = new double[u.length];
                        for (int i = 0; i < u.length; i++) {
                            v[i] = Double.sum(u[i], 1.0);
                        }
                        return v;
                    }

                    @Differentiable
                    public static double total(double[] u) {
                        double[] v = step(u);
                        return v[0] + v[1];
                    }
                }
                """;
        List<Diagnostic> errors = errors(Map.of("Unknown", source));
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.get(0).message().contains("call to 'Double.sum' is not supported"), errors::toString);
        Diagnostic caller = errors.get(1);
        assertEquals(19, caller.line(), caller::toString);
        assertTrue(
                caller.message()
                        .contains(
                                "calling a method the generator knows nothing of, which is an error at that" + " call"),
                caller::toString);
    }
}
