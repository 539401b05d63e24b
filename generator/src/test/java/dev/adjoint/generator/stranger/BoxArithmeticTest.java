package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.TableRowsTest.checkAll;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Double.sum}, {@code Double.max}, {@code Double.min} and {@code Float}'s, which the JDK defines as
 * {@code a + b}, {@code Math.max} and {@code Math.min}: differentiated as those (before: "call to 'Double.sum'
 * is not supported"), against central differences and the tape, in double and float; {@code Integer}'s and
 * {@code Long}'s, and their {@code compare}, as the integers they compute.
 */
class BoxArithmeticTest {
    static final String BOXED = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Boxed {
                @Differentiable
                public static double f(double x, double y) {
                    double s = Double.sum(x, y) * Double.max(x, y) + Double.min(x, 2 * y)
                            + java.lang.Double.sum(x * x, 1);
                    return s * Double.max(Double.sum(x, -y), 0.1);
                }

                @Differentiable
                public static float g(float x, float y) {
                    return Float.sum(x, y) * Float.max(x * y, 1f) - Float.min(x, y);
                }

                @Differentiable
                public static double total(double[] x) {
                    double best = Double.NEGATIVE_INFINITY;
                    double s = 0;
                    for (double v : x) {
                        best = Double.max(best, v * v);
                        s = Double.sum(s, Math.sin(v));
                    }
                    return best * s;
                }

                @Differentiable
                public static double ranked(double[] x, int k) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        int j = Integer.min(Integer.sum(i, k), x.length - 1);
                        int order = Integer.compare(j, i + 1) + Long.compare(Long.max(i, 1L), 2L);
                        s += order * x[i] * x[j] + Integer.max(i, k) * Math.cos(x[i]);
                    }
                    return s;
                }
            }
            """;

    @Test
    void boxArithmeticIsTheOperatorItIs() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("f", new Object[] {0.7, 0.3});
        cases.put("g", new Object[] {1.5f, 2f});
        cases.put("total", new Object[] {new double[] {0.3, -1.2, 0.8}});
        cases.put("ranked", new Object[] {new double[] {0.3, -1.2, 0.8, 0.5}, 1});
        checkAll("Boxed", BOXED, Map.of(), cases);
        Map<String, Object[]> other = new LinkedHashMap<>();
        other.put("f", new Object[] {-0.4, 0.9});
        other.put("g", new Object[] {0.3f, -0.8f});
        checkAll("Boxed", BOXED, Map.of(), other);
    }

    /**
     * {@code compare} reads its operands twice once rewritten: an operand that updates a variable
     * ({@code j++}) is evaluated once, in Java's order, against differences and the tape.
     */
    @Test
    void aCompareOfAnUpdateReadsItOnce() {
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public final class Counted {
                    @Differentiable
                    public static double f(double[] x) {
                        double s = 0;
                        int j = 0;
                        while (j < x.length) {
                            s += Integer.compare(j++, 2) * x[j - 1] * x[j - 1];
                        }
                        return s;
                    }
                }
                """;
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("f", new Object[] {new double[] {0.3, -1.2, 0.8, 0.5, 1.1}});
        checkAll("Counted", source, Map.of(), cases);
    }
}
