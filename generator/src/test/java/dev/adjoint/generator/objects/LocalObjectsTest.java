package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.differentiates;
import static dev.adjoint.generator.objects.ObjectHarness.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Objects of a class of the sources (not a record) that a differentiated method creates and holds
 * in a local, their class's only constructor assigning each parameter to a field: replaced by one
 * local per field, read and assigned as {@code v.x}. Oracles: the method itself, central
 * differences, both strategies.
 */
class LocalObjectsTest {
    private static final List<String> BOTH = List.of("STATIC", "TAPE");

    private static final String STATE = """
            static final class State {
                final double x;
                double v;

                State(double x, double v) {
                    this.x = x;
                    this.v = v;
                }
            }
            """;

    @Test
    void aStateObjectPerStepReadAndAssignedThroughItsFields() {
        differentiates(STATE + """

                @Differentiable(strategy = Strategy.$S)
                static double energy(double x0, double k, double dt) {
                    State s = new State(x0, 0.0);
                    for (int i = 0; i < 20; i++) {
                        var next = new State(s.x + dt * s.v, s.v - dt * k * s.x);
                        next.v *= 0.99;
                        s = new State(next.x, next.v);
                    }
                    return 0.5 * k * s.x * s.x + 0.5 * s.v * s.v;
                }
                """, "energy", new int[] {0, 1, 2}, false, BOTH, 1e-6, new Object[] {1.0, 2.0, 0.05});
    }

    @Test
    void floatFieldsInAnInstanceMethodWithWrtThis() {
        differentiates("""
                float gain = 1.5f;

                static final class Vec {
                    float a;
                    float b;

                    Vec(float a, float b) {
                        this.a = a;
                        this.b = b;
                    }
                }

                """ + """

                @Differentiable(wrt = {"this", "x"}, strategy = Strategy.$S)
                float f(float x) {
                    Vec p = new Vec(x * gain, x);
                    p.b = p.a * p.b + gain;
                    return p.a + p.b * p.b;
                }
                """, "f", new int[] {0}, true, BOTH, 5e-2, new Object[] {0.7f});
    }

    @Test
    void aConstructorDoingMoreAndASecondVariableForAnObjectAreErrors() {
        List<Diagnostic> ds = ObjectHarness.errors(source("""
                static final class Checked {
                    double x;

                    Checked(double x) {
                        this.x = Math.abs(x);
                    }
                }

                @Differentiable
                static double f(double x) {
                    Checked c = new Checked(x);
                    return c.x;
                }
                """, "AUTO"));
        assertTrue(
                ds.stream()
                        .anyMatch(
                                d -> d.line() == 17
                                        && d.column() == 21
                                        && d.message()
                                                .contains(
                                                        "class Checked's constructor does more than assign each of its parameters to a field ('this.x = Math.abs(x);')")),
                ds.toString());
        List<Diagnostic> alias = ObjectHarness.errors(source(STATE + """

                @Differentiable
                static double g(double x) {
                    State s = new State(x, x);
                    State t = s;
                    t.v = 2;
                    return s.v;
                }
                """, "AUTO"));
        assertTrue(
                alias.size() == 1
                        && alias.stream()
                                .anyMatch(d -> d.line() == 20
                                        && d.message().contains("gives local 't' a value other than a new State(...)")),
                alias.toString());
    }
}
