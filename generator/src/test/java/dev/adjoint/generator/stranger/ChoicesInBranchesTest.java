package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.TableRowsTest.checkAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import dev.adjoint.stack.AdjointStacks;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code String} or enum chosen by {@code ?:} as a helper's argument inside a branch of a loop: the
 * choice is a temporary the loop overwrites, and the reverse sweep passes it to the helper's adjoint, so
 * each iteration's choice is saved on the reference stack. Before, the build stopped with a stack trace
 * ("never overwritten, never saved: STRING").
 */
class ChoicesInBranchesTest {
    static final String CHOSEN = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Chosen {
                public enum Kind { SQ, LIN, ABS }

                static double named(double v, String kind) {
                    if (kind.equals("exp")) {
                        return Math.exp(v);
                    }
                    return kind.length() * v;
                }

                static double app(double v, Kind k) {
                    return switch (k) {
                        case SQ -> v * v;
                        case LIN -> 2 * v;
                        case ABS -> Math.abs(v);
                    };
                }

                @Differentiable
                public static double strings(double[] x) {
                    double r = 0;
                    for (int i = 0; i < x.length; i++) {
                        if (x[i] > -1) {
                            r += named(x[i], i == 0 ? "exp" : "lin");
                        }
                    }
                    return r;
                }

                @Differentiable
                public static double enums(double[] x, int n) {
                    double r = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j <= i; j++) {
                            if (x[j] < x[i] + 1) {
                                r += x[i] * app(x[j], (i + j) % n == 0 ? Kind.SQ : i > j ? Kind.ABS : Kind.LIN);
                            } else {
                                r -= named(x[j] * x[i], j == 1 ? "exp" : "sq");
                            }
                        }
                    }
                    return r;
                }

                @Differentiable
                public static double guarded(double[] x) {
                    double r = 0;
                    for (int i = 0; i < x.length; i++) {
                        if (x[i] > 0) {
                            r += named(x[i], i % 2 == 0 ? "exp" : "cubic");
                        }
                        if (r > 1e6) {
                            throw new IllegalArgumentException("diverged at " + i);
                        }
                    }
                    return r;
                }
            }
            """;

    @Test
    void choicesInBranchesOfLoopsAreSavedPerIteration() throws Exception {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("strings", new Object[] {new double[] {0.3, -2.0, 0.7, 1.1}});
        cases.put("enums", new Object[] {new double[] {0.3, -0.8, 1.7, 0.4}, 3});
        cases.put("guarded", new Object[] {new double[] {0.3, -0.8, 1.7, 0.4, 0.25}});
        StrangerHarness.Built b = checkAll("Chosen", CHOSEN, Map.of(), cases);
        // and their Hvps, whose reverse sweep over the tangent saves the tangent's choices alike
        Class<?> adjoint = b.type("ChosenAdjoint");
        double[] v = {0.7, -0.3, 0.2, 0.5};
        for (String m : new String[] {"strings", "enums"}) {
            Object[] args = cases.get(m);
            Class<?>[] types = m.equals("enums")
                    ? new Class<?>[] {double[].class, int.class, double[].class}
                    : new Class<?>[] {double[].class, double[].class};
            Method grad = adjoint.getMethod(m + "Grad", types);
            Class<?>[] hvpTypes = m.equals("enums")
                    ? new Class<?>[] {double[].class, int.class, double[].class, double[].class, double[].class}
                    : new Class<?>[] {double[].class, double[].class, double[].class, double[].class};
            Method hvp = adjoint.getMethod(m + "Hvp", hvpTypes);
            java.util.function.Function<double[], double[]> gradient = x -> {
                double[] g = new double[x.length];
                invoke(grad, m.equals("enums") ? new Object[] {x, args[1], g} : new Object[] {x, g});
                return g;
            };
            double[] x = (double[]) args[0];
            double[] g = new double[x.length];
            double[] hv = new double[x.length];
            invoke(hvp, m.equals("enums") ? new Object[] {x, args[1], v, g, hv} : new Object[] {x, v, g, hv});
            GradCheck.Report r = GradCheck.checkHvp(gradient, x, v, hv, 1e-6, 1e-7);
            assertTrue(r.passed(), m + ": " + r.describe());
            assertArrayEquals(gradient.apply(x), g, 0.0, m + ": the Hvp's gradient");
        }
    }

    private static void invoke(Method m, Object[] args) {
        try {
            m.invoke(null, args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aThrowMidLoopGivesBackTheSavedChoices() throws Exception {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("guarded", new Object[] {new double[] {0.3, 0.2}});
        StrangerHarness.Built b = checkAll("Chosen", CHOSEN, Map.of(), cases);
        Method grad = b.type("ChosenAdjoint").getMethod("guardedGrad", double[].class, double[].class);
        // exp(15) > 1e6 at the third element: pushed choices of two iterations, then the throw
        double[] x = {0.3, 0.2, 15.0, 0.1};
        AdjointStacks stacks = AdjointStacks.forThread();
        int references = stacks.references.size();
        int booleans = stacks.booleans.size();
        InvocationTargetException e =
                assertThrows(InvocationTargetException.class, () -> grad.invoke(null, x, new double[4]));
        assertTrue(
                e.getCause() instanceof IllegalArgumentException, e.getCause().toString());
        // (compared with what the thread's stacks held before: another test class may share the thread)
        assertEquals(references, stacks.references.size(), "the choices pushed before the throw are given back");
        assertEquals(booleans, stacks.booleans.size(), "the branches pushed before the throw are given back");
    }

    /**
     * A returned choice between a helper's new array and a parameter a helper writes and returns: rejected (the
     * result may be the argument itself), and the error names the choice as written, not the inliner's local
     * ('chosen0' before).
     */
    @Test
    void aRejectedChoiceOfArraysIsNamedAsWritten() {
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public final class Returned {
                    static double[] sq(double[] x) {
                        double[] y = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            y[i] = x[i] * x[i];
                        }
                        return y;
                    }

                    static double[] scaleInPlace(double[] x) {
                        for (int i = 0; i < x.length; i++) {
                            x[i] *= 2;
                        }
                        return x;
                    }

                    @Differentiable
                    public static double[] f(double[] x, boolean c) {
                        return c ? sq(x) : scaleInPlace(x);
                    }
                }
                """;
        java.util.List<dev.adjoint.generator.Diagnostic> errors = StrangerHarness.errors(Map.of("Returned", source));
        assertTrue(
                errors.size() == 1
                        && errors.get(0).message().contains("'c ? sq(x) : scaleInPlace(x)'")
                        && !errors.get(0).message().contains("chosen"),
                errors.toString());
    }
}
