package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.differentiates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.objects.ObjectHarness.RecordArg;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records passed on to {@code @Differentiable} static methods of the sources (a record parameter, a
 * record the method creates, a {@code new} record as the argument): both strategies against
 * central differences of the method, with the callee also called where its value has no
 * derivative (a condition), so the generated code calls the user's method with the records rebuilt.
 */
class RecordsPassedOnTest {
    private static final List<String> BOTH = List.of("STATIC", "TAPE");

    /** A damped spring: the force law takes the state and the parameters as records. */
    @Test
    void anOdeModelPassingItsRecordsToAForceLaw() {
        differentiates(
                """
                record Params(double k, double c) {}
                record State(double x, double v) {}

                @Differentiable(wrt = {"s", "p"})
                static double accel(State s, Params p) {
                    return -p.k() * s.x() - p.c() * s.v() * Math.abs(s.v());
                }

                @Differentiable(wrt = {"x0", "p"}, strategy = Strategy.$S)
                static double energy(double x0, Params p, double dt, int steps) {
                    State s = new State(x0, 0.0);
                    for (int i = 0; i < steps; i++) {
                        double a = accel(s, p);
                        if (Model.accel(s, new Params(p.k(), 0)) > 0) {
                            a = a * 1.01;
                        }
                        s = new State(s.x() + dt * s.v(), s.v() + dt * a);
                    }
                    return 0.5 * p.k() * s.x() * s.x() + 0.5 * s.v() * s.v();
                }
                """,
                "energy",
                new int[] {0, 1},
                false,
                BOTH,
                1e-6,
                new Object[] {1.0, new RecordArg("obj.Model$Params", 2.0, 0.3), 0.05, 40},
                new Object[] {-0.6, new RecordArg("obj.Model$Params", 4.0, 0.2), 0.1, 30});
    }

    @Test
    void anInstanceMethodPassingItsRecordParameterOn() {
        differentiates("""
                record Params(double k, double c) {}

                private double scale = 1.5;

                @Differentiable(wrt = {"x", "p"})
                static double shape(double x, Params p) {
                    return Math.sin(p.k() * x) + p.c() * x * x;
                }

                @Differentiable(wrt = {"p", "this", "x"}, strategy = Strategy.$S)
                double f(double x, Params p) {
                    return scale * shape(x, p);
                }
                """, "f", new int[] {0, 1}, true, BOTH, 1e-6, new Object[] {
            0.7, new RecordArg("obj.Model$Params", 2.0, 0.5)
        });
    }

    /**
     * A plain (not annotated) helper taking a record, as users write kernels: its record parameter
     * expands as an annotated method's does, so the call passes components and the helper is
     * inlined or differentiated as one of numbers. A plain helper using a record otherwise, that no
     * differentiated method calls, is no error.
     */
    @Test
    void aPlainHelperTakingARecord() {
        differentiates("""
                record Kernel(double scale, double signal) {}

                static double sqExp(Kernel k, double a, double b) {
                    double d = (a - b) / k.scale();
                    return k.signal() * k.signal() * Math.exp(-0.5 * d * d);
                }

                static String describe(Kernel k) {
                    return k.toString();
                }

                @Differentiable(wrt = {"k", "x"}, strategy = Strategy.$S)
                static double f(Kernel k, double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            s += sqExp(k, x[i], x[j]) * x[j];
                        }
                    }
                    return s;
                }
                """, "f", new int[] {0, 1}, false, BOTH, 1e-6, new Object[] {
            new RecordArg("obj.Model$Kernel", 0.8, 1.2), new double[] {0.1, 0.7, -0.4}
        });
    }

    @Test
    void anOverloadOfTheSameArityIsNotMistakenForTheRecordMethod() {
        differentiates("""
                record Vec(double x, double y) {}

                @Differentiable(wrt = "v")
                static double g(Vec v) {
                    return v.x() * v.y();
                }

                static double g(double t) {
                    return t * t * t;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    return g(x) + x;
                }
                """, "f", new int[] {0}, false, BOTH, 1e-6, new Object[] {0.7});
    }

    @Test
    void aConditionalRecordValueIsOneError() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                record Vec(double x, double y) {}

                @Differentiable
                static double f(double x, double y) {
                    Vec v = x > y ? new Vec(x, y) : new Vec(y, x);
                    return v.x() * v.y();
                }
                """, "AUTO"));
        assertEquals(1, ds.size(), ds.toString());
        assertTrue(
                ds.get(0).line() == 11 && ds.get(0).message().contains("a value other than a new Vec"), ds.toString());
    }

    @Test
    void aRecordOfAnotherFormIsAnErrorAtTheArgument() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                record Params(double k, String label) {}
                record Vec(double x, double y) {}

                static Vec make(double x) {
                    return new Vec(x, x);
                }

                @Differentiable(wrt = "v")
                static double g(Params p, Vec v) {
                    return p.k() * v.x();
                }

                @Differentiable(wrt = "x")
                static double f(double x, Params p) {
                    return g(p, make(x));
                }
                """, "AUTO"));
        assertEquals(2, ds.size(), ds.toString());
        assertTrue(
                ds.get(0).line() == 21
                        && ds.get(0).column() == 18
                        && ds.get(0).message().contains("component 'label' has type"),
                ds.toString());
        assertTrue(
                ds.get(1).line() == 21
                        && ds.get(1).column() == 21
                        && ds.get(1)
                                .message()
                                .contains("neither a variable, a component of one (o.in()) nor a new Vec"),
                ds.toString());
    }
}
