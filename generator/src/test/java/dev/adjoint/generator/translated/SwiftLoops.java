package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * The rest of Swift's {@code control_flow.swift} ({@link SwiftControlFlow}): its "Enums", "Loops" and
 * "ThrowingCalls" tests. An enum case's payload ({@code .a(10)}, {@code .b(4, 5)}) is passed beside the constant, the
 * closures the test differentiates ({@code { x in enum_notactive1(.a(10), x) }}) are {@code @Differentiable} wrappers
 * of the plain helper, {@code i.isMultiple(of: 2)} is {@code i % 2 == 0}, {@code truncatingRemainder} is {@code %}, a
 * {@code repeat} loop is {@code do}/{@code while}, and {@code S_56342().loopInMethod(x)} calls a plain class's own
 * method on a new local.
 */
final class SwiftLoops {
    private SwiftLoops() {}

    private static final String ENUM = """
            enum Kind { A, B }

            // enum_notactive1(e, x): switch over the case, its payload (a) or (b1, b2)
            static double enumNotactive1(Kind e, double a, double b1, double b2, double x) {
                switch (e) {
                    case A:
                        return x * a;
                    case B:
                        return x * b1 * b2;
                    default:
                        throw new IllegalArgumentException();
                }
            }

            static double enumNotactive2(Kind e, double x) {
                double y = x;
                if (x > 0) {
                    double z = y + y;
                    switch (e) {
                        case A -> z = z - y;
                        case B -> y = y + x;
                    }
                    double w = y;
                    if (e == Kind.A) {
                        w = w + z;
                    }
                    return w;
                } else if (e == Kind.B) {
                    return y + y;
                }
                return x + y;
            }
            """;

    private static Ported cf(int line, String method, String body, Object[]... points) {
        return SwiftControlFlow.of(line, method, body, points);
    }

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(List.of(
                cf(488, "enumA", ENUM + """

                        @Differentiable
                        static double enumA(double x) {
                            return enumNotactive1(Kind.A, 10, 0, 0, x);
                        }
                        """, p(2.0), p(-0.5)).publishes(d(10), 0, 2.0),
                cf(488, "enumB", ENUM + """

                        @Differentiable
                        static double enumB(double x) {
                            return enumNotactive1(Kind.B, 0, 4, 5, x);
                        }
                        """, p(2.0), p(-0.5)).publishes(d(20), 0, 2.0),
                cf(500, "enumNotactive2A", ENUM + """

                        @Differentiable
                        static double enumNotactive2A(double x) {
                            return enumNotactive2(Kind.A, x);
                        }
                        """, p(4.0), p(-10.0))
                        .publishes(d(2), 0, 4.0)
                        .publishes(d(2), 0, -10.0),
                cf(500, "enumNotactive2B", ENUM + """

                        @Differentiable
                        static double enumNotactive2B(double x) {
                            return enumNotactive2(Kind.B, x);
                        }
                        """, p(10.0), p(-1337.0))
                        .publishes(d(2), 0, 10.0)
                        .publishes(d(2), 0, -1337.0),
                cf(560, "forLoop", """
                        @Differentiable
                        static float forLoop(float x) {
                            float result = x;
                            for (int i = 0; i < 2; i++) {
                                result = result * x;
                            }
                            return result;
                        }
                        """, p(2.0), p(3.0)).publishes(d(12), 0, 2.0).publishes(d(27), 0, 3.0),
                cf(569, "forLoopNonactiveInitialValue", """
                        @Differentiable
                        static float forLoopNonactiveInitialValue(float x) {
                            float result = 1;
                            for (int i = 0; i < 2; i++) {
                                result = result * x;
                            }
                            return result;
                        }
                        """, p(2.0), p(3.0))
                        .publishes(d(4), 0, 2.0)
                        .publishes(d(6), 0, 3.0),
                cf(578, "whileLoop", """
                        @Differentiable
                        static float whileLoop(float x) {
                            float result = x;
                            int i = 0;
                            while (i < 2) {
                                result = result * x;
                                i += 1;
                            }
                            return result;
                        }
                        """, p(2.0), p(3.0))
                        .publishes(d(12), 0, 2.0)
                        .publishes(d(27), 0, 3.0),
                cf(600, "repeatWhileLoop", """
                        @Differentiable
                        static float repeatWhileLoop(float x) {
                            float result = x;
                            int i = 0;
                            do {
                                result = result * x;
                                i += 1;
                            } while (i < 2);
                            return result;
                        }
                        """, p(2.0), p(3.0))
                        .publishes(d(12), 0, 2.0)
                        .publishes(d(27), 0, 3.0),
                cf(611, "repeatWhileLoopNonactiveInitialValue", """
                        @Differentiable
                        static float repeatWhileLoopNonactiveInitialValue(float x) {
                            float result = 1;
                            int i = 0;
                            do {
                                result = result * x;
                                i += 1;
                            } while (i < 2);
                            return result;
                        }
                        """, p(2.0), p(3.0))
                        .publishes(d(4), 0, 2.0)
                        .publishes(d(6), 0, 3.0),
                cf(623, "repeatWhileLoopNestedRepeat", """
                        @Differentiable
                        static float repeatWhileLoopNestedRepeat(float x) {
                            float result = x;
                            int i = 0;
                            do {
                                float temp = x;
                                int j = 0;
                                do {
                                    temp = temp * x;
                                    j += 1;
                                } while (j < 2);
                                result = result * temp;
                                i += 1;
                            } while (i < 2);
                            return result;
                        }
                        """, p(2.0), p(3.0))
                        .publishes(d(448), 0, 2.0)
                        .publishes(d(5103), 0, 3.0),
                cf(642, "repeatWhileLoopNestedWhile", """
                        @Differentiable
                        static float repeatWhileLoopNestedWhile(float x) {
                            float result = x;
                            int i = 0;
                            do {
                                float temp = x;
                                int j = 0;
                                while (j < 2) {
                                    temp = temp * x;
                                    j += 1;
                                }
                                result = result * temp;
                                i += 1;
                            } while (i < 2);
                            return result;
                        }
                        """, p(2.0), p(3.0))
                        .publishes(d(448), 0, 2.0)
                        .publishes(d(5103), 0, 3.0),
                cf(661, "repeatWhileLoopNestedFor", """
                        @Differentiable
                        static float repeatWhileLoopNestedFor(float x) {
                            float result = x;
                            int i = 0;
                            do {
                                float temp = x;
                                for (int j = 0; j < 2; j++) {
                                    temp = temp * x;
                                }
                                result = result * temp;
                                i += 1;
                            } while (i < 2);
                            return result;
                        }
                        """, p(2.0), p(3.0))
                        .publishes(d(448), 0, 2.0)
                        .publishes(d(5103), 0, 3.0),
                cf(678, "repeatWhileLoopCondition", """
                        @Differentiable
                        static float repeatWhileLoopCondition(float x) {
                            float result = x;
                            int i = 0;
                            do {
                                if (i == 2) {
                                    break;
                                }
                                if (i == 0) {
                                    result = result * x;
                                } else {
                                    result = result * result;
                                }
                                i += 1;
                            } while (i < 10);
                            return result;
                        }
                        """, p(2.0), p(3.0))
                        .publishes(d(32), 0, 2.0)
                        .publishes(d(108), 0, 3.0),
                cf(699, "loopContinue", """
                        @Differentiable
                        static float loopContinue(float x) {
                            float result = x;
                            for (int i = 1; i < 10; i++) {
                                if (i % 2 == 0) {
                                    continue;
                                }
                                result = result * x;
                            }
                            return result;
                        }
                        """, p(2.0), p(3.0))
                        .publishes(d(192), 0, 2.0)
                        .publishes(d(1458), 0, 3.0),
                cf(723, "nestedLoop1", """
                        @Differentiable
                        static float nestedLoop1(float x) {
                            float outer = x;
                            for (int k = 0; k < 2; k++) {
                                outer = outer * x;
                                float inner = outer;
                                int i = 0;
                                while (i < 2) {
                                    inner = inner + x;
                                    i += 1;
                                }
                                outer = inner;
                            }
                            return outer;
                        }
                        """, p(2.0), p(4.0))
                        .publishes(d(22), 0, 2.0)
                        .publishes(d(66), 0, 4.0)));
        fns.addAll(more());
        return fns;
    }

    private static List<Ported> more() {
        return List.of(
                // the switch on (int) (inner % 7) is piecewise constant: central differences away from x = 2, where
                // inner passes through multiples of 7; the test's gradients at x = 2
                cf(739, "nestedLoop2", """
                        @Differentiable(wrt = "x")
                        static double nestedLoop2(double x, int count) {
                            double outer = x;
                            outerLoop:
                            for (int k = 0; k < count; k++) {
                                outer = outer * x;
                                double inner = outer;
                                int i = 0;
                                while (i < count) {
                                    inner = inner + x;
                                    i += 1;
                                    switch ((int) (inner % 7)) {
                                        case 0:
                                            break outerLoop;
                                        case 1:
                                            break;
                                        default:
                                            continue;
                                    }
                                }
                                outer = inner;
                            }
                            return outer;
                        }
                        """, p(2.1, 1), p(2.1, 2), p(2.1, 3), p(2.1, 4))
                        .publishes(d(5), 0, 2.0, 1)
                        .publishes(d(22), 0, 2.0, 2)
                        .publishes(d(80), 0, 2.0, 3)
                        .publishes(d(28), 0, 2.0, 4),
                cf(770, "loopInMethodOf", """
                        static final class S56342 {
                            double loopInMethod(double x) {
                                double result = x;
                                for (int i = 0; i < 2; i++) {
                                    result *= result;
                                }
                                return result;
                            }
                        }

                        @Differentiable
                        static double loopInMethodOf(double x) {
                            S56342 s = new S56342();
                            return s.loopInMethod(x);
                        }
                        """, p(1.0), p(-0.7))
                        .publishes(d(0), 0, 0.0)
                        .publishes(d(4), 0, 1.0),
                cf(837, "complexControlFlow", """
                        static void rethrowing() {}

                        @Differentiable
                        static double complexControlFlow(double x) {
                            rethrowing();
                            for (int i = 0; i < (int) x; i++) {
                                if (1 == 1) {
                                    rethrowing();
                                }
                                rethrowing();
                            }
                            rethrowing();
                            return x;
                        }
                        """, p(3.0), p(5.5)).publishes(d(1), 0, 3.0),
                cf(874, "booleanShortCircuiting", """
                        @Differentiable(wrt = "x")
                        static double booleanShortCircuiting(double x, boolean bool) {
                            if (bool && bool || bool) {
                                return x * x;
                            }
                            return x + x;
                        }
                        """, p(3.0, true), p(3.0, false))
                        .publishes(d(6), 0, 3.0, true)
                        .publishes(d(2), 0, 3.0, false),
                cf(864, "arrayMap", """
                        // x.map { $0 }.max()! computed and dropped; x returned
                        @Differentiable
                        static double[] arrayMap(double[] x) {
                            double max = Double.NEGATIVE_INFINITY;
                            for (double e : x) {
                                max = Math.max(max, e);
                            }
                            return x;
                        }
                        """, p(d(2, 3))).publishes(d(0.5, 0.75), 0, d(2, 3)));
    }
}
