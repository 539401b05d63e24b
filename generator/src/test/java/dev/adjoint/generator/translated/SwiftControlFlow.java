package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Swift's differentiable-programming control-flow tests ({@code test/AutoDiff/validation-test/control_flow.swift},
 * github.com/swiftlang/swift), written in Java from their code: Swift's {@code Float} as {@code float} where the
 * test's values are exact in it, else {@code double}; {@code guard} as an early return, {@code fatalError()} as a
 * throw, a labelled {@code if} left by {@code break}, {@code repeat}/{@code while} as {@code do}/{@code while}, tuples
 * as local arrays, structs as records and plain classes, an enum with its payload passed beside it, closures
 * {@code { x in f(.a(10), x) }} as {@code @Differentiable} wrappers of a plain helper, {@code switch} with
 * {@code break outerLoop} and {@code continue}. Every {@code expectEqual} on a gradient is asserted as a published
 * gradient.
 */
final class SwiftControlFlow {
    private SwiftControlFlow() {}

    static Ported of(int line, String method, String body, Object[]... points) {
        return Ported.of(
                "swift",
                "swiftlang/swift",
                "test/AutoDiff/validation-test/control_flow.swift",
                line,
                method,
                body,
                points);
    }

    /** The recursive ones, which AUTO puts on the tape, and a caller of one: no {@code Hvp} (the tape has none). */
    static List<Ported> recursive() {
        return List.of(
                // Swift's base case is x == 1; x < 1.5 is the same on the integers the test uses, and lets central
                // differences at 3 ± h end the recursion (f = x (x - 1) there, as at 3)
                of(413, "factorial", """
                        @Differentiable
                        static float factorial(float x) {
                            if (x < 1.5f) {
                                return 1;
                            }
                            return x * factorial(x - 1);
                        }
                        """, p(3.0), p(5.0))
                        .publishes(d(0), 0, 1.0)
                        .publishes(d(1), 0, 2.0)
                        .publishes(d(5), 0, 3.0)
                        .publishes(d(26), 0, 4.0)
                        .publishes(d(154), 0, 5.0)
                        .tape("recursive"),
                of(424, "factorialVar1", """
                        @Differentiable
                        static float factorialVar1(float x) {
                            float y = x;
                            if (x < 1.5f) {
                                y = 1;
                            } else {
                                y = x;
                                y = y * factorialVar1(y - 1);
                            }
                            return y;
                        }
                        """, p(3.0), p(4.0))
                        .publishes(d(26), 0, 4.0)
                        .tape("recursive"),
                // the recursive helper is differentiated on the tape; the method calling it is static,
                // without an Hvp (the tape has none)
                of(456, "productOf", """
                        static double product(double x, int count) {
                            if (count <= 0) throw new IllegalArgumentException("count > 0");
                            if (count == 1) {
                                return x;
                            }
                            return x * product(x, count - 1);
                        }

                        @Differentiable(wrt = "x")
                        static double productOf(double x, int count) {
                            return product(x, count);
                        }
                        """, p(10.0, 3), p(-10.0, 2), p(100.0, 1))
                        .publishes(d(300), 1e-15, 10.0, 3)
                        .publishes(d(-20), 0, -10.0, 2)
                        .publishes(d(1), 0, 100.0, 1));
    }

    static List<Ported> all() {
        return List.of(
                of(17, "cond1", """
                        @Differentiable
                        static float cond1(float x) {
                            if (x > 0) {
                                return x * x;
                            }
                            return x + x;
                        }
                        """, p(4.0), p(-10.0)).publishes(d(8), 0, 4.0).publishes(d(2), 0, -10.0),
                of(26, "cond2", """
                        @Differentiable
                        static float cond2(float x) {
                            final float y;
                            if (x > 0) {
                                y = x * x;
                            } else if (x == -1337) {
                                y = 0;
                            } else {
                                y = x + x;
                            }
                            return y;
                        }
                        """, p(4.0), p(-10.0))
                        .publishes(d(8), 0, 4.0)
                        .publishes(d(2), 0, -10.0)
                        .publishes(d(0), 0, -1337.0),
                of(41, "cond2Var", """
                        @Differentiable
                        static float cond2Var(float x) {
                            float y = x;
                            if (x > 0) {
                                y = y * x;
                            } else if (x == -1337) {
                                y = x; // dummy assignments
                                y = x;
                                y = 0;
                            } else {
                                y = x + y;
                            }
                            return y;
                        }
                        """, p(4.0), p(-10.0))
                        .publishes(d(0), 0, -1337.0)
                        .publishes(d(8), 0, 4.0),
                of(58, "cond3", """
                        @Differentiable
                        static float cond3(float x, float y) {
                            if (x > 0) {
                                return x * y;
                            }
                            return y - x;
                        }
                        """, p(4.0, 5.0), p(-3.0, -2.0))
                        .publishes(d(5, 4), 0, 4.0, 5.0)
                        .publishes(d(-1, 1), 0, -3.0, -2.0),
                of(67, "cond4Var", """
                        @Differentiable
                        static double cond4Var(double x) {
                            double outer = x;
                            outerIf:
                            if (1 == 1) {
                                double inner = outer;
                                inner = inner * x;
                                if (1 == 0) {
                                    break outerIf;
                                }
                                outer = inner;
                            }
                            return outer;
                        }
                        """, p(3.0), p(-0.4)).publishes(d(6), 0, 3.0),
                // a tuple (Float, Float) as a local array
                of(83, "condTuple", """
                        @Differentiable
                        static double condTuple(double x) {
                            double[] y = {x, x};
                            if (x > 0) {
                                return y[0] + y[1];
                            }
                            return y[0] + y[0] - y[1] + y[0];
                        }
                        """, p(4.0), p(-10.0), p(-1337.0)).publishes(d(2), 0, -1337.0),
                of(112, "condTupleVar", """
                        @Differentiable
                        static double condTupleVar(double x) {
                            double[] y = {x, x};
                            double[] z = {x + x, x - x};
                            if (x > 0) {
                                double[] w = {x, x};
                                y[0] = w[1];
                                y[1] = w[0];
                                z[0] = z[0] - y[0];
                                z[1] = z[1] + y[0];
                            } else {
                                z = new double[] {x, x};
                            }
                            return y[0] + y[1] - z[0] + z[1];
                        }
                        """, p(4.0), p(-10.0))
                        .publishes(d(2), 0, 4.0)
                        .publishes(d(2), 0, -10.0),
                of(130, "condNestedTupleVar", """
                        // z: ((Float, Float), Float) as a 2 x 2 matrix whose second row holds x
                        @Differentiable
                        static double condNestedTupleVar(double x) {
                            double[] y = {x + x, x - x};
                            double[][] z = {{y[0], y[1]}, {x, 0}};
                            if (x > 0) {
                                double[] w = {x, x};
                                y[0] = w[1];
                                y[1] = w[0];
                                z[0][0] = z[0][0] - y[0];
                                z[0][1] = z[0][1] + y[0];
                            } else {
                                z = new double[][] {{y[0] - x, y[1] + x}, {x, 0}};
                            }
                            return y[0] + y[1] - z[0][0] + z[0][1];
                        }
                        """, p(4.0), p(-10.0))
                        .publishes(d(2), 0, 4.0)
                        .publishes(d(2), 0, -10.0),
                of(165, "condStruct", """
                        record FloatPair(double first, double second) {}

                        @Differentiable
                        static double condStruct(double x) {
                            FloatPair y = new FloatPair(x, x);
                            if (x > 0) {
                                return y.first() + y.second();
                            }
                            return y.first() + y.first() - y.second() + y.first();
                        }
                        """, p(4.0), p(-10.0)).publishes(d(2), 0, -10.0),
                // struct FloatPair with var fields: a plain class, copied as Swift copies a struct (var w = y)
                of(191, "condStructVar", """
                        static final class FloatPair {
                            double first;
                            double second;

                            FloatPair(double first, double second) {
                                this.first = first;
                                this.second = second;
                            }
                        }

                        @Differentiable
                        static double condStructVar(double x) {
                            FloatPair y = new FloatPair(x, x);
                            FloatPair z = new FloatPair(x + x, x - x);
                            if (x > 0) {
                                FloatPair w = new FloatPair(y.first, y.second);
                                y.first = w.second;
                                y.second = w.first;
                                z.first = z.first - y.first;
                                z.second = z.second + y.first;
                            } else {
                                z = new FloatPair(x, x);
                            }
                            return y.first + y.second - z.first + z.second;
                        }
                        """, p(4.0), p(-10.0))
                        .publishes(d(2), 0, 4.0)
                        .publishes(d(2), 0, -10.0),
                // cond_nestedstruct_var with records: a local record holding a record is rejected (its components
                // must be numbers; nested records are followed as parameters, not as locals)
                of(207, "condNestedStructVar", """
                        record FloatPair(double first, double second) {}

                        record Pair(FloatPair first, double second) {}

                        @Differentiable
                        static double condNestedStructVar(double x) {
                            FloatPair y = new FloatPair(x + x, x - x);
                            Pair z = new Pair(y, x);
                            if (x > 0) {
                                FloatPair w = new FloatPair(x, x);
                                y = new FloatPair(w.second(), w.first());
                                FloatPair zf = new FloatPair(z.first().first() - y.first(), z.first().second() + y.first());
                                z = new Pair(zf, z.second());
                            } else {
                                FloatPair zf = new FloatPair(y.first() - x, y.second() + x);
                                z = new Pair(zf, x);
                            }
                            return y.first() + y.second() - z.first().first() + z.first().second();
                        }
                        """, p(4.0)).rejected("component 'first' has type FloatPair"),
                of(227, "guard1", """
                        @Differentiable
                        static float guard1(float x, float y) {
                            if (!(x > 0)) {
                                return x * x;
                            }
                            return y * y;
                        }
                        """, p(4.0, 5.0), p(-3.0, -2.0))
                        .publishes(d(0, 10), 0, 4.0, 5.0)
                        .publishes(d(-6, 0), 0, -3.0, -2.0),
                of(236, "guard2", """
                        @Differentiable
                        static float guard2(float x, float y) {
                            if (!(x > 0)) {
                                if (y > 0) {
                                    return x * y;
                                } else if (x == -1337) {
                                    return x * x;
                                }
                                return 0;
                            }
                            return y * y;
                        }
                        """, p(4.0, 5.0), p(-1337.0, 5.0), p(-3.0, 2.0))
                        .publishes(d(0, 10), 0, 4.0, 5.0)
                        .publishes(d(5, -1337), 0, -1337.0, 5.0)
                        .publishes(d(-2674, 0), 0, -1337.0, -5.0)
                        .publishes(d(2, -3), 0, -3.0, 2.0),
                of(251, "guard2Var", """
                        @Differentiable
                        static float guard2Var(float x, float y) {
                            float z = y;
                            if (!(x > 0)) {
                                if (y > 0) {
                                    z = z * x;
                                } else if (x == -1337) {
                                    z = x;
                                    z = z * z;
                                } else {
                                    z = 0;
                                }
                                return z;
                            }
                            return z * y;
                        }
                        """, p(4.0, 5.0), p(-1337.0, 5.0), p(-3.0, 2.0))
                        .publishes(d(0, 10), 0, 4.0, 5.0)
                        .publishes(d(5, -1337), 0, -1337.0, 5.0)
                        .publishes(d(-2674, 0), 0, -1337.0, -5.0)
                        .publishes(d(2, -3), 0, -3.0, 2.0),
                of(271, "guard3", """
                        @Differentiable
                        static double guard3(double x, double y) {
                            if (!(x > 0)) {
                                throw new IllegalStateException("fatalError");
                            }
                            return y * y;
                        }
                        """, p(4.0, 5.0), p(0.5, -2.0)).publishes(d(0, 10), 0, 4.0, 5.0),
                of(282, "condEmpty", """
                        @Differentiable
                        static double condEmpty(double x) {
                            if (x > 0) {
                                // empty trampoline blocks
                            }
                            return x * x;
                        }
                        """, p(2.0), p(-3.0))
                        .publishes(d(4), 0, 2.0)
                        .publishes(d(-6), 0, -3.0),
                of(303, "nested1", """
                        @Differentiable
                        static float nested1(float x) {
                            if (x > 0) {
                                if (x > 10) {
                                    return x * x + x;
                                } else {
                                    return x * x;
                                }
                            }
                            return x * -x;
                        }
                        """, p(11.0), p(4.0), p(-10.0))
                        .publishes(d(23), 0, 11.0)
                        .publishes(d(8), 0, 4.0)
                        .publishes(d(20), 0, -10.0),
                of(317, "nested2", """
                        @Differentiable
                        static float nested2(float x, float y) {
                            if (x > 0) {
                                if (y > 10) {
                                    return x * y;
                                } else {
                                    return x + y;
                                }
                            }
                            return -y;
                        }
                        """, p(4.0, 20.0), p(4.0, 5.0), p(-3.0, -2.0))
                        .publishes(d(20, 4), 0, 4.0, 20.0)
                        .publishes(d(1, 1), 0, 4.0, 5.0)
                        .publishes(d(0, -1), 0, -3.0, -2.0),
                // falls through to return -y when z <= 100 and y != 20; central differences not at y == 20
                of(331, "nested3", """
                        @Differentiable
                        static float nested3(float x, float y) {
                            if (x > 0) {
                                if (y > 10) {
                                    float z = x * y;
                                    if (z > 100) {
                                        return x + z;
                                    } else if (y == 20) {
                                        return z + z;
                                    }
                                } else {
                                    return x + y;
                                }
                            }
                            return -y;
                        }
                        """, p(4.0, 21.0), p(4.0, 5.0), p(-3.0, -2.0))
                        .publishes(d(40, 8), 0, 4.0, 20.0)
                        .publishes(d(0, -1), 0, 4.0, 21.0)
                        .publishes(d(1, 1), 0, 4.0, 5.0)
                        .publishes(d(0, -1), 0, -3.0, -2.0),
                // the test asserts nested3 again under this name; nested3_var's own values are the same
                of(352, "nested3Var", """
                        @Differentiable
                        static float nested3Var(float x, float y) {
                            float w = y;
                            if (x > 0) {
                                if (y > 10) {
                                    float z = x * w;
                                    if (z > 100) {
                                        z = x + z;
                                        return z;
                                    } else if (y == 20) {
                                        z = z + z;
                                        return z;
                                    }
                                } else {
                                    w = x + w;
                                    return w;
                                }
                            }
                            w = -w;
                            return w;
                        }
                        """, p(4.0, 21.0), p(4.0, 5.0), p(-3.0, -2.0))
                        .publishes(d(40, 8), 0, 4.0, 20.0)
                        .publishes(d(0, -1), 0, 4.0, 21.0)
                        .publishes(d(1, 1), 0, 4.0, 5.0)
                        .publishes(d(0, -1), 0, -3.0, -2.0),
                of(397, "tf781", """
                        @Differentiable(wrt = "x")
                        static double tf781(double x, double y) {
                            double result = y;
                            if (1 == 1) {
                                if (1 == 1) {
                                    result = result * x;
                                }
                            }
                            return result;
                        }
                        """, p(3.0, 10.0), p(-0.5, 2.0)).publishes(d(10), 0, 3.0, 10.0));
    }
}
