package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.differentiates;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.objects.ObjectHarness.RecordArg;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A record's or a value class's own methods called on a local object or a record parameter
 * ({@code u.dot(v)}, {@code p.force(x, v)}), replaced by their one expression: both strategies
 * against central differences of the method, and the method's value. Translated in part from
 * Clad's {@code test/Gradient/UserDefinedTypes.C} (member functions of local objects).
 */
class ValueMethodsTest {
    private static final List<String> BOTH = List.of("STATIC", "TAPE");

    private static final String VEC = """
            record Vec(double x, double y) {
                static final double EPS = 1e-12;

                double dot(Vec o) {
                    return x * o.x() + y * o.y();
                }

                double norm() {
                    return Math.sqrt(dot(this) + EPS);
                }

                Vec plus(Vec o) {
                    return new Vec(x + o.x(), y + o.y());
                }

                Vec scale(double k) {
                    return new Vec(k * x, k * y);
                }

                double cross(Vec o) {
                    return this.x * o.y - this.y * o.x;
                }

                double half(int n) {
                    return x / n;
                }
            }
            """;

    @Test
    void methodsOfLocalRecordsComposeAndReturnRecords() {
        differentiates(
                VEC + """

                @Differentiable(strategy = Strategy.$S)
                static double f(double a, double b, double c) {
                    Vec u = new Vec(a, b);
                    Vec v = new Vec(b * c, a - c);
                    Vec w = u.plus(v);
                    Vec s = w.scale(c);
                    return s.norm() + u.dot(v) + u.cross(w) + w.half(3);
                }
                """, "f", new int[] {0, 1, 2}, false, BOTH, 1e-6, new Object[] {0.3, 1.2, -0.7}, new Object[] {
                    1.3, -0.2, 0.4
                });
    }

    /** Clad's fn17/fn18: a member function of a local object (a class of fields set by its constructor). */
    @Test
    void methodsOfLocalObjectsReadTheirFields() {
        differentiates(
                """
                static final class Simple {
                    double x;
                    double y;

                    Simple(double x, double y) {
                        this.x = x;
                        this.y = y;
                    }

                    double memFn(double i, double j) {
                        return (x + y) * i + i * j;
                    }
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double i, double j) {
                    Simple fixed = new Simple(3, 5);
                    Simple sf = new Simple(3 * i, 5 * j);
                    sf.y *= fixed.memFn(j, 2);
                    return sf.memFn(i, j) + fixed.memFn(i * j, i);
                }
                """, "f", new int[] {0, 1}, false, BOTH, 1e-6, new Object[] {0.3, 1.2}, new Object[] {-1.1, 0.6});
    }

    @Test
    void methodsOfARecordParameterWithWrt() {
        differentiates("""
                record Spring(double k, double c) {
                    double force(double pos, double vel) {
                        return -k * pos - c * vel;
                    }

                    double energy(double pos) {
                        return 0.5 * k * pos * pos;
                    }
                }

                @Differentiable(wrt = {"p", "x0"}, strategy = Strategy.$S)
                static double energy(Spring p, double x0, double v0, int steps) {
                    double x = x0, v = v0, h = 0.01, e = 0;
                    for (int i = 0; i < steps; i++) {
                        v += h * p.force(x, v);
                        x += h * v;
                        e += p.energy(x);
                    }
                    return e;
                }
                """, "energy", new int[] {0, 1}, false, BOTH, 1e-6, new Object[] {
            new RecordArg("obj.Model$Spring", 2.0, 0.3), 0.5, -0.1, 40
        });
    }

    /** An argument that is an int: the parameter's type converts it, so {@code x / n} stays a division of doubles. */
    @Test
    void argumentsConvertAsTheCallWould() {
        differentiates(VEC + """

                @Differentiable(strategy = Strategy.$S)
                static double f(double a, int n) {
                    Vec u = new Vec(a, 1);
                    return u.scale(n).half(2) + u.half(n);
                }
                """, "f", new int[] {0}, false, BOTH, 1e-6, new Object[] {0.7, 3});
    }

    /** Calls on what a call returns, a new record as an argument, an {@code int} result, inside an instance method. */
    @Test
    void chainsNewRecordsAsArgumentsAndIntegerResults() {
        differentiates(
                VEC.replace(
                                "double half(int n) {",
                                "int quadrant() {\n        return x >= 0 ? (y >= 0 ? 1 : 4) : (y >= 0 ? 2 : 3);\n    }\n\n    double half(int n) {")
                        + """

                private double gain = 1.5;

                @Differentiable(wrt = {"this", "a"}, strategy = Strategy.$S)
                double f(double a, double b) {
                    Vec u = new Vec(a * gain, b);
                    double s = u.plus(new Vec(1, -2)).scale(b).norm() + u.dot(new Vec(gain, 0.5));
                    return s / u.quadrant() + new Vec(a, b).plus(u).cross(u);
                }
                """,
                "f",
                new int[] {0},
                true,
                BOTH,
                1e-6,
                new Object[] {0.3, 1.2},
                new Object[] {-0.9, 0.4});
    }

    /** Locals, ifs and returns: one expression (a local read twice is its value twice; only the branch taken runs). */
    @Test
    void bodiesOfLocalsIfsAndReturnsBecomeOneExpression() {
        differentiates(
                """
                record Vec(double x, double y) {
                    double norm() {
                        double s = x * x + y * y;
                        int unused = 3;
                        return Math.sqrt(s + unused - 3);
                    }

                    double soft(double k) {
                        double n = norm();
                        if (n > k) {
                            double over = n - k;
                            return k + over / (1 + over);
                        } else if (n < -k) {
                            return -k;
                        }
                        float half = 0.5f;
                        return n * half * 2;
                    }

                    Vec unit() {
                        double n = norm();
                        Vec u = new Vec(x / n, y / n);
                        return u;
                    }
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double a, double b) {
                    Vec v = new Vec(a, b * a);
                    Vec u = v.unit();
                    return v.soft(1.0) + u.x() * v.norm() + new Vec(b, 2).soft(0.5);
                }
                """,
                "f",
                new int[] {0, 1},
                false,
                BOTH,
                1e-6,
                new Object[] {0.3, 1.2},
                new Object[] {1.1, -0.4},
                new Object[] {0.2, 0.1});
    }

    /** A method with a loop, or an argument with an effect, is left as a call: the error says what to do. */
    @Test
    void whatIsNotReplacedIsStillOneError() {
        List<Diagnostic> ds = ObjectHarness.errors(ObjectHarness.source("""
                record Vec(double x, double y) {
                    double dot(Vec o) {
                        double s = x * o.x();
                        s += y * o.y();
                        return s;
                    }
                }

                @Differentiable
                static double f(double a) {
                    Vec u = new Vec(a, 2 * a);
                    return u.dot(u);
                }
                """, "AUTO"));
        // (statements and a parameter of the record's own type: neither one expression nor a static helper's body, see
        // RecordMethodsTest)
        assertTrue(ds.size() == 1 && ds.get(0).message().contains("'u.dot(u)' uses local record 'u'"), ds.toString());
    }
}
