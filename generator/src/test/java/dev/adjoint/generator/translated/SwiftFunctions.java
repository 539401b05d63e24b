package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Swift's {@code simple_math.swift} and {@code repeated_calls.swift} ({@code test/AutoDiff/validation-test/},
 * github.com/swiftlang/swift), written in Java from their code: tuples as local arrays (a nested tuple as a row of a
 * matrix), a function returning a tuple as a helper or {@code @Differentiable} method returning {@code double[]},
 * {@code inout} parameters as an array the helper writes ({@code swap(t, 0, 1)}), structs as records (computed
 * properties as their methods) and plain classes (mutated fields), a closure called in place as a helper, a captured
 * local as a constant. Each {@code expectEqual} on a gradient is asserted as a published gradient.
 */
final class SwiftFunctions {
    private SwiftFunctions() {}

    private static Ported sm(int line, String method, String body, Object[]... points) {
        return Ported.of(
                "swift",
                "swiftlang/swift",
                "test/AutoDiff/validation-test/simple_math.swift",
                line,
                method,
                body,
                points);
    }

    static List<Ported> all() {
        return List.of(
                sm(16, "arithmetics", """
                        // foo1 x * y, foo2 -x * y, foo3 -x + y, summed with weights 1, 10, 100
                        @Differentiable
                        static float arithmetics(float x, float y) {
                            float foo1 = x * y;
                            float foo2 = -x * y;
                            float foo3 = -x + y;
                            return foo1 + 10 * foo2 + 100 * foo3;
                        }
                        """, p(3.0, 4.0), p(-0.5, 2.0))
                        .publishes(d(4 - 40 - 100, 3 - 30 + 100), 0, 3.0, 4.0),
                sm(31, "fanout", """
                        @Differentiable
                        static double fanout(double x, double y) {
                            double foo1 = x - x;
                            double foo2 = x + x;
                            double foo3 = x + x + x * y;
                            return foo1 + 10 * foo2 + 100 * foo3;
                        }
                        """, p(3.0, 2.0), p(100.0, -1.0)).publishes(d(0 + 20 + 400, 300), 0, 3.0, 2.0),
                sm(45, "functionCall", """
                        // { $0 * 3 }(3): a closure called in place, as a helper
                        static double times3(double v) {
                            return v * 3;
                        }

                        @Differentiable
                        static double functionCall(double x, double y) {
                            return 3 * x + times3(3) * y;
                        }
                        """, p(3.0, 4.0), p(-1.0, 0.5)).publishes(d(3, 9), 0, 3.0, 4.0),
                sm(53, "resultSelection", """
                        static double[] tuple(double x, double y) {
                            return new double[] {x + 1, y + 2};
                        }

                        @Differentiable
                        static double resultSelection(double x, double y) {
                            return tuple(x, y)[0] + 10 * tuple(x, y)[1];
                        }
                        """, p(3.0, 3.0), p(-1.0, 0.5)).publishes(d(1, 10), 0, 3.0, 3.0),
                sm(68, "multiplySwap", """
                        // swap(&tuple.0, &tuple.1): inout as the array the helper writes
                        static void swap(double[] t, int i, int j) {
                            double tmp = t[i];
                            t[i] = t[j];
                            t[j] = tmp;
                        }

                        @Differentiable
                        static double multiplySwap(double x, double y) {
                            double[] tuple = {x, y};
                            swap(tuple, 0, 1);
                            return tuple[0] * tuple[1] + tuple[0];
                        }
                        """, p(3.0, 4.0), p(5.0, 10.0)).publishes(d(4, 3 + 1), 0, 3.0, 4.0),
                sm(99, "multiplySwapAndReturnProduct", """
                        static double swapAndReturnProduct(double[] xy) {
                            double tmp = xy[0];
                            xy[0] = xy[1];
                            xy[1] = tmp;
                            return xy[0] * xy[1];
                        }

                        @Differentiable
                        static double multiplySwapAndReturnProduct(double x, double y) {
                            double[] xy = {x, y};
                            double result = swapAndReturnProduct(xy);
                            return result + xy[0];
                        }
                        """, p(3.0, 4.0), p(-2.0, 0.5))
                        .publishes(d(4, 3 + 1), 0, 3.0, 4.0),
                sm(138, "multiplySwapTuple", """
                        @Differentiable
                        static double[] swapTuple(double x, double y) {
                            return new double[] {y, x};
                        }

                        @Differentiable
                        static double multiplySwapTuple(double x, double y) {
                            double[] result = swapTuple(x, y);
                            return result[0] * result[1] + result[0];
                        }
                        """, p(3.0, 4.0), p(5.0, 10.0)).publishes(d(4, 3 + 1), 0, 3.0, 4.0),
                sm(177, "captureLocal", """
                        @Differentiable
                        static double captureLocal(double x) {
                            final double z = 10;
                            return z * x;
                        }
                        """, p(0.0), p(2.0)).publishes(d(10), 0, 0.0),
                // globalVar += 20 inside the function: a static field the method assigns
                sm(187, "captureGlobal", """
                        static double globalVar = 10;

                        @Differentiable
                        static double captureGlobal(double x) {
                            globalVar += 20;
                            return globalVar * x;
                        }
                        """, p(0.0)).rejected("globalVar"),
                sm(195, "fourthPower", """
                        @Differentiable
                        static float fourthPower(float x) {
                            float a = x;
                            a = a * x;
                            a = a * x;
                            return a * x;
                        }
                        """, p(3.0), p(-1.5)).publishes(d(108), 0, 3.0),
                // var tuple = (1, 1, ((x, 1), 1)); tuple.2.0.0
                sm(205, "nestedTuple", """
                        @Differentiable
                        static double nestedTuple(double x) {
                            int a = 1;
                            int b = 1;
                            double[][] inner = {{x, 1}, {1}};
                            return inner[0][0] + 0 * (a + b);
                        }
                        """, p(3.0), p(-2.0)).publishes(d(1), 0, 3.0),
                sm(213, "tupleMutation", """
                        @Differentiable
                        static double tupleMutation(double x) {
                            double[] tuple = {x, x};
                            tuple[0] = tuple[0] * x;
                            return x * tuple[0];
                        }
                        """, p(3.0), p(-2.0)).publishes(d(27), 0, 3.0),
                sm(220, "fifthPower", """
                        @Differentiable
                        static double fifthPower(double x) {
                            double[] tuple = {x, x};
                            tuple[0] = tuple[0] * x;
                            tuple[1] = tuple[0] * x;
                            return tuple[0] * tuple[1];
                        }
                        """, p(3.0), p(-2.0)).publishes(d(405), 0, 3.0),
                sm(228, "nestedTupleFifthPower", """
                        // ((x, x), x) as a 2 x 2 matrix
                        @Differentiable
                        static double nestedTupleFifthPower(double x) {
                            double[][] tuple = {{x, x}, {x, 0}};
                            tuple[0][0] = tuple[0][0] * x;
                            tuple[0][1] = tuple[0][0] * x;
                            return tuple[0][0] * tuple[0][1];
                        }
                        """, p(3.0), p(-2.0)).publishes(d(405), 0, 3.0),
                sm(259, "tupleNonDifferentiableElements", """
                        // (Int, (Int, Float), Float) = (1, (1, 0), 0): x * x through the float elements
                        @Differentiable
                        static double tupleNonDifferentiableElements(double x) {
                            int t0 = 0;
                            int[] t1Int = {0};
                            double[] floats = {0, 0};
                            t0 = 1;
                            t1Int[0] = 1;
                            floats[0] = x;
                            floats[1] = x;
                            return floats[0] * floats[1] + 0 * t0 * t1Int[0];
                        }
                        """, p(4.0), p(-1.5)).publishes(d(8), 0, 4.0),
                sm(290, "structComputed", """
                        record Foo(double stored) {
                            double computed() {
                                return stored * stored;
                            }
                        }

                        @Differentiable
                        static double structComputed(double input) {
                            Foo foo = new Foo(input);
                            return foo.computed() * foo.stored() + foo.computed();
                        }
                        """, p(4.0), p(-0.5)).publishes(d(48 + 8), 0, 4.0),
                sm(330, "testStructInit", """
                        // TF_319 with its @noDerivative constant as a method of the record
                        record TF319(double x) {
                            double constant() {
                                return 2;
                            }

                            double applied(double input) {
                                return x * constant() * input;
                            }
                        }

                        @Differentiable
                        static double testStructInit(double input) {
                            TF319 model = new TF319(10);
                            return model.applied(input);
                        }
                        """, p(3.0), p(-1.0)).publishes(d(20), 0, 3.0),
                // the same with the constant a final field with an initializer, as Java would write it
                sm(330, "testStructInitField", """
                        static final class TF319 {
                            final double x;
                            final double constant = 2;

                            TF319(double x) {
                                this.x = x;
                            }
                        }

                        @Differentiable
                        static double testStructInitField(double input) {
                            TF319 model = new TF319(10);
                            return model.x * model.constant * input;
                        }
                        """, p(3.0)).rejected("has field 'constant' with an initializer"),
                sm(363, "structMutation", """
                        static final class Point {
                            double x;
                            double y;
                            double z;

                            Point(double x, double y, double z) {
                                this.x = x;
                                this.y = y;
                                this.z = z;
                            }
                        }

                        @Differentiable
                        static double structMutation(double input) {
                            Point point = new Point(input, input, input);
                            point.x = point.x * input;
                            point.y = point.x * input;
                            return point.x * point.y;
                        }
                        """, p(3.0), p(-2.0)).publishes(d(405), 0, 3.0),
                // var tuple = (point: Point(...), float: input)
                sm(371, "mix", """
                        static final class Point {
                            double x;
                            double y;
                            double z;

                            Point(double x, double y, double z) {
                                this.x = x;
                                this.y = y;
                                this.z = z;
                            }
                        }

                        @Differentiable
                        static double mix(double input) {
                            Point point = new Point(input, input, input);
                            double f = input;
                            point.x = point.x * f;
                            point.y = point.x * input;
                            return point.x * point.y;
                        }
                        """, p(3.0), p(-2.0)).publishes(d(405), 0, 3.0),
                Ported.of(
                                "swift",
                                "swiftlang/swift",
                                "test/AutoDiff/validation-test/repeated_calls.swift",
                                9,
                                "mul4",
                                """
                        static double mul2(double x) {
                            return 2 * x;
                        }

                        @Differentiable
                        static double mul4(double x) {
                            return mul2(mul2(x));
                        }
                        """,
                                p(0.0),
                                p(1.5))
                        .publishes(d(4), 0, 0.0));
    }
}
