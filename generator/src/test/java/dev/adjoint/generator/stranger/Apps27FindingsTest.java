package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.StrangerAppsTest.of;
import static dev.adjoint.generator.stranger.StrangerHarness.errors;
import static dev.adjoint.generator.stranger.TableRowsTest.checkAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What session 27's stranger programs ({@link StrangerApps27Test}) found: array aliases declared together
 * ({@code double[] a = t.a(), b = t.b();}) were build errors that blamed an assignment the method does not make;
 * a method reading another class's constant was refused where another {@code @Differentiable} method inlined it;
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
     * method the generator knows nothing of ({@code Double.compare}): the callee is not inlined for that reason, so
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
                            v[i] = u[i] + Double.compare(u[i], 1.0);
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
        assertTrue(errors.get(0).message().contains("call to 'Double.compare' is not supported"), errors::toString);
        Diagnostic caller = errors.get(1);
        assertEquals(19, caller.line(), caller::toString);
        assertTrue(
                caller.message()
                        .contains(
                                "calling a method the generator knows nothing of, which is an error at that" + " call"),
                caller::toString);
    }

    /**
     * A {@code @Differentiable} method reading another class's constant ({@code Gas.R}, which the README's row on
     * helpers of another class allows: "the method itself may read another class's constants") and handing an
     * array to a helper of that class, called by another {@code @Differentiable} method: the callee is inlined
     * there (the helper may write its array), and its copy read {@code Gas.R} as written. Before, the caller was
     * "field access 'Gas.R' is not supported: the static strategy reads only parameters, locals, ...", at the
     * callee's line.
     */
    static final String GAS = """
            package stranger;

            public final class Gas {
                private Gas() {}

                public static final double R = 8.314462618;

                static double total(double[] n) {
                    double s = 0;
                    for (double v : n) {
                        s += v;
                    }
                    return s;
                }
            }
            """;

    static final String MIXTURE = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Mixture {
                private Mixture() {}

                @Differentiable(wrt = "n")
                public static double gibbs(double[] n, double[] g0, double temperature) {
                    double total = Gas.total(n);
                    double rt = Gas.R * temperature;
                    double g = 0;
                    for (int i = 0; i < n.length; i++) {
                        g += n[i] * (g0[i] / rt + Math.log(n[i] / total));
                    }
                    return g;
                }

                @Differentiable(wrt = "n")
                public static double penalised(double[] n, double[] g0, double temperature, double mu) {
                    double g = gibbs(n, g0, temperature);
                    double r = Gas.total(n) - 1;
                    return g + 0.5 * mu * r * r;
                }
            }
            """;

    @Test
    void anInlinedCalleeReadsAnotherClasssConstant() throws Exception {
        double[] n = {0.3, 0.5, 0.2, 0.7};
        double[] g0 = {-1.2e5, -3.9e5, 0, -2.4e5};
        StrangerAppsTest.check(
                StrangerAppsTest.sources("Gas", GAS, "Mixture", MIXTURE),
                List.of(of("Mixture", "gibbs", b -> new Object[] {n, g0, 1200.0}), of("Mixture", "penalised", b ->
                        new Object[] {n, g0, 1200.0, 30.0})));
    }

    /**
     * break27: an enum or String argument that chooses between constants on the loop's numbers
     * ({@code app(x[i], i % 2 == 0 ? Kind.SQ : Kind.LIN)}) failed to build ("local 'k0' of type Kind is
     * declared inside a block or loop", a name the user never wrote): unlike a constant it cannot move to
     * the method's top. The helper's body now reads the choice itself where it reads the parameter
     * (nested choices, under an {@code if} too), which gives every read the value the call passed. A
     * {@code String} choice keeps its local (and its error): its comparisons would need a String value
     * the reverse sweep saves.
     */
    static final String CHOICES = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Choices {
                public enum Kind { SQ, LIN, ABS }

                static double app(double v, Kind k) {
                    if (k == Kind.SQ) return v * v;
                    if (k == Kind.LIN) return 2 * v;
                    return Math.abs(v);
                }

                static double app2(double v, Kind k) {
                    return k == Kind.SQ ? v * v : k == Kind.LIN ? 3 * v : Math.sin(v);
                }

                static double named(double v, String how) {
                    return how.equals("exp") ? Math.exp(v) : v * how.length();
                }

                @Differentiable
                public static double total(double[] x, int n) {
                    double r = 0;
                    for (int i = 0; i < x.length; i++) {
                        int j = i + 1;
                        r += app(x[i], i % 2 == 0 ? Kind.SQ : Kind.LIN)
                                + app2(x[i], i < n ? Kind.LIN : (j > 3 ? Kind.ABS : Kind.SQ));
                        if (x[i] > -1) {
                            r += named(x[i], "exp") * app(x[i], j > 2 ? Kind.ABS : Kind.LIN);
                        }
                    }
                    return r;
                }
            }
            """;

    @Test
    void enumChoicesReachHelpersInLoops() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("total", new Object[] {new double[] {1.0, 2.0, -0.5, 0.3, 0.9}, 2});
        checkAll("Choices", CHOICES, Map.of(), cases);
        Map<String, Object[]> other = new LinkedHashMap<>();
        other.put("total", new Object[] {new double[] {0.2, -0.7, 1.5, 0.3, -0.9}, 4});
        checkAll("Choices", CHOICES, Map.of(), other);
    }
}
