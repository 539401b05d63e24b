package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.differentiates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.objects.ObjectHarness.RecordArg;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records a differentiated method creates ({@code new Vec(x, y)}), replaced by their components:
 * both strategies against central differences of the method (and the method's own value and side
 * effects); a record that escapes, or whose constructor the user wrote, is one error at its
 * position with no follow-on errors.
 */
class LocalRecordsTest {
    private static final List<String> BOTH = List.of("STATIC", "TAPE");

    @Test
    void aNewRecordReadThroughItsAccessors() {
        differentiates(
                """
                record Vec(double x, double y) {}

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, double y) {
                    Vec v = new Vec(x * y, Math.sin(y));
                    var w = new Vec(v.y(), v.x());
                    return v.x() * v.x() + v.y() * w.x() + 3 * w.y();
                }
                """, "f", new int[] {0, 1}, false, BOTH, 1e-6, new Object[] {0.7, -1.3}, new Object[] {2.0, 0.4});
    }

    /** A damped spring stepped with a new state record per step; the parameters come as a record too. */
    @Test
    void anOdeModelSteppingWithNewStateRecords() {
        differentiates(
                """
                record Params(double k, double c) {}
                record State(double x, double v) {}

                @Differentiable(wrt = {"x0", "p"}, strategy = Strategy.$S)
                static double energy(double x0, Params p, double dt, int steps) {
                    State s = new State(x0, 0.0);
                    for (int i = 0; i < steps; i++) {
                        State before = s;
                        s = new State(s.x() + dt * s.v(), s.v() - dt * (p.k() * s.x() + p.c() * s.v()));
                        if (before.x() * s.x() < 0)
                            s = new State(s.x(), 0.9 * s.v());
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
                new Object[] {-0.4, new RecordArg("obj.Model$Params", 5.0, 0.1), 0.1, 25});
    }

    @Test
    void arrayComponentsAndACopyOfARecordParameter() {
        differentiates(
                """
                record Params(double k, double[] w) {}

                @Differentiable(wrt = {"x", "p"}, strategy = Strategy.$S)
                static double f(double x, Params p) {
                    Params q = p;
                    Params r = new Params(x > 0 ? q.k() * x : -x, q.w());
                    r.w()[1] += x;
                    return r.k() * r.w()[0] + r.w()[1] * q.k();
                }
                """,
                "f",
                new int[] {0, 1},
                false,
                BOTH,
                1e-6,
                new Object[] {0.5, new RecordArg("obj.Model$Params", 2.0, new double[] {0.3, -1.1})},
                new Object[] {-0.5, new RecordArg("obj.Model$Params", 1.5, new double[] {0.7, 0.2})});
    }

    @Test
    void anInstanceMethodCreatingRecordsWithWrtThis() {
        differentiates("""
                record Vec(double x, double y) {}

                private double a = 0.8;
                double[] w = {0.5, -0.25};

                @Differentiable(wrt = {"this", "t"}, strategy = Strategy.$S)
                double f(double t) {
                    Vec v = new Vec(a * t, w[0] + w[1] * t);
                    return v.x() * v.y();
                }
                """, "f", new int[] {0}, true, BOTH, 1e-6, new Object[] {1.7});
    }

    @Test
    void aRecordThatEscapesIsOneErrorAtItsPosition() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                record Vec(double x, double y) {}

                static double g(Vec v) {
                    return v.x() + 0 * v.hashCode(); // (a plain helper that only reads components takes them)
                }

                @Differentiable
                static double f(double x, double y) {
                    Vec v = new Vec(x, y);
                    double s = v.x() * v.x() + v.y() * v.y();
                    return s + g(v) + g(new Vec(y, x));
                }
                """, "AUTO"));
        assertEquals(2, ds.size(), ds.toString());
        assertTrue(
                ds.get(0).line() == 17
                        && ds.get(0).column() == 20
                        && ds.get(0).message().contains("uses local record 'v' other"),
                ds.toString());
        assertTrue(
                ds.get(1).line() == 17
                        && ds.get(1).column() == 29
                        && ds.get(1).message().contains("creates a record that leaves"),
                ds.toString());
    }

    @Test
    void aRecordWithAnArrayComponentAssignedAgainIsAnError() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                record Params(double k, double[] w) {}

                @Differentiable
                static double f(double x, double[] a, double[] b) {
                    Params r = new Params(x, a);
                    if (x > 0) {
                        r = new Params(x, b);
                    }
                    return r.k() * r.w()[0];
                }
                """, "AUTO"));
        assertEquals(1, ds.size(), ds.toString());
        assertTrue(
                ds.get(0).line() == 13 && ds.get(0).message().contains("its component 'w' is an array"), ds.toString());
    }

    @Test
    void callingAMethodThatAssignsOnALocalObjectIsAnErrorAtEachCall() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                static final class Vec {
                    double x;
                    double y;

                    Vec(double x, double y) {
                        this.x = x;
                        this.y = y;
                    }

                    double x() {
                        double r = x;
                        x += 1;
                        return r;
                    }
                }

                @Differentiable
                static double f(double x, double y) {
                    Vec v = new Vec(x, y);
                    return v.x() * v.x() + v.y * v.y;
                }
                """, "AUTO"));
        // (a class whose constructor only assigns its parameters is held as its fields: see LocalObjectsTest; a method
        // whose body computes one expression is replaced by it: see ValueMethodsTest; one that assigns no field is
        // called through a static helper: see RecordMethodsTest; one that assigns a field changes the object)
        assertEquals(2, ds.size(), ds.toString());
        assertTrue(
                ds.stream()
                        .allMatch(d -> d.line() == 26
                                && d.message()
                                        .contains("uses local object 'v' other than reading or"
                                                + " assigning its fields")),
                ds.toString());
    }

    @Test
    void aRecordWithItsOwnConstructorIsAnError() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                record Vec(double x, double y) {
                    Vec {
                        x = Math.abs(x);
                    }
                }

                @Differentiable
                static double f(double x, double y) {
                    Vec v = new Vec(x, y);
                    return v.x() * v.y();
                }
                """, "AUTO"));
        assertEquals(1, ds.size(), ds.toString());
        assertTrue(ds.get(0).line() == 15 && ds.get(0).message().contains("declares a constructor"), ds.toString());
    }
}
