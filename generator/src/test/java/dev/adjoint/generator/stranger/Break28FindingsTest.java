package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.TableRowsTest.checkAll;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What break28's adversarial programs found in wave 27's additions. */
class Break28FindingsTest {
    /**
     * An enum choice passed to a helper in a loop ({@code ChosenConstants}) is read by the inlined
     * body after every argument is evaluated. With a later argument that updates what the choice reads
     * ({@code app(i % 2 == 0 ? Kind.SQ : Kind.LIN, x[i++])}), the body read the choice with the
     * {@code i} the update left: the value was 4.1 against Java's 4.18 and a gradient entry 2.0
     * against -1.8, on both strategies (they agreed). Such a call now keeps the parameter's local,
     * assigned where Java evaluates the argument (an enum local overwritten in a loop is saved on the
     * reference stack), as does a helper that assigns its enum parameter.
     */
    static final String CHOICE_THEN_UPDATE = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Updated {
                public enum Kind { SQ, LIN }

                static double app(Kind k, double v) {
                    return k == Kind.SQ ? v * v : 2 * v;
                }

                @Differentiable
                public static double total(double[] x) {
                    double r = 0;
                    int i = 0;
                    while (i < x.length) {
                        r += app(i % 2 == 0 ? Kind.SQ : Kind.LIN, x[i++]);
                    }
                    return r;
                }
            }
            """;

    @Test
    void aChoiceBeforeAnArgumentThatUpdatesWhatItReadsIsNotReadLater() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("total", new Object[] {new double[] {0.7, -0.4, 1.2, 0.5, -0.9}});
        checkAll("Updated", CHOICE_THEN_UPDATE, Map.of(), cases); // (the value, and the gradient against differences)
    }

    /** The same choice with the update a statement of its own: read where used, against differences. */
    @Test
    void theSameChoiceWithTheUpdateApartIsDifferentiated() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("total", new Object[] {new double[] {0.7, -0.4, 1.2, 0.5, -0.9}});
        checkAll(
                "Updated",
                CHOICE_THEN_UPDATE.replace(
                        "r += app(i % 2 == 0 ? Kind.SQ : Kind.LIN, x[i++]);",
                        "r += app(i % 2 == 0 ? Kind.SQ : Kind.LIN, x[i]);\n            i++;"),
                Map.of(),
                cases);
    }

    /**
     * The tape folds an expression's operations into one node, multiplying their partials through
     * ({@code NodeTerms}). A product of two clamped roots, {@code sqrt(max(u, 0)) * sqrt(max(v, 0))} at
     * {@code u < 0, v = 0}, had the partial {@code a · 1/(2b) = 0 · ∞}: the tape's gradient was NaN in
     * {@code v} where the static one (whose zero adjoint contributes 0) and differences give 0; so was a
     * running product of such roots in a loop. A factor reaching an operation whose partial may be
     * infinite now contributes 0 where it is 0.
     */
    static final String ROOTS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Roots {
                @Differentiable
                public static double two(double u, double v) {
                    double a = Math.sqrt(Math.max(u, 0));
                    double b = Math.sqrt(Math.max(v, 0));
                    return a * b + u;
                }

                @Differentiable
                public static double running(double[] x) {
                    double s = 1;
                    for (int i = 0; i < x.length; i++) {
                        s *= Math.pow(Math.max(x[i], 0), 0.5) * Math.exp(-x[i]);
                    }
                    return s + x[0];
                }
            }
            """;

    @Test
    void aZeroFactorTimesAnInfinitePartialIsZeroOnTheTape() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("two", new Object[] {-1.0, 0.0});
        cases.put("running", new Object[] {new double[] {-1.0, 0.0, 0.0}});
        checkAll("Roots", ROOTS, Map.of(), cases);
        Map<String, Object[]> away = new LinkedHashMap<>();
        away.put("two", new Object[] {0.7, 1.3});
        away.put("running", new Object[] {new double[] {0.4, 1.1, 0.8}});
        checkAll("Roots", ROOTS, Map.of(), away);
    }
}
