package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Swift's {@code array.swift} and {@code inout_parameters.swift} ({@code test/AutoDiff/validation-test/},
 * github.com/swiftlang/swift), written in Java from their code: {@code [Float]} as {@code double[]}, array literals
 * as initialisers, {@code a + b} as a helper returning the concatenation, {@code results += [e]} and
 * {@code append} as {@code Arrays.copyOf} one longer, {@code Array(repeating:count:)} as {@code Arrays.fill}, the
 * ternaries that pick one of two arrays, {@code inout} parameters as arrays a {@code void} helper writes. A pullback
 * {@code pb(v)} is asserted as {@code seedᵀ·J} with the suite's seed 0.5, 0.75, ...; where Swift's test pins a value
 * its FIXME calls wrong ({@code tupleElementGeneric}, TF-977: (0, 2)), the true one is asserted.
 */
final class SwiftArrays {
    private SwiftArrays() {}

    private static Ported ar(int line, String method, String body, Object[]... points) {
        return Ported.of(
                "swift", "swiftlang/swift", "test/AutoDiff/validation-test/array.swift", line, method, body, points);
    }

    private static Ported io(int line, String method, String body, Object[]... points) {
        return Ported.of(
                "swift",
                "swiftlang/swift",
                "test/AutoDiff/validation-test/inout_parameters.swift",
                line,
                method,
                body,
                points);
    }

    private static final String CONCAT = """
            static double[] concat(double[] a, double[] b) {
                double[] c = new double[a.length + b.length];
                for (int i = 0; i < a.length; i++) {
                    c[i] = a[i];
                }
                for (int i = 0; i < b.length; i++) {
                    c[a.length + i] = b[i];
                }
                return c;
            }
            """;

    static List<Ported> all() {
        return List.of(
                ar(23, "arrayIdentity", """
                        @Differentiable
                        static double[] arrayIdentity(double[] x) {
                            return x;
                        }
                        """, p(d(5, 6, 7, 8))).publishes(d(0.5, 0.75, 1, 1.25), 0, d(5, 6, 7, 8)),
                ar(34, "sumFirstThree", """
                        @Differentiable
                        static double sumFirstThree(double[] array) {
                            return array[0] + array[1] + array[2];
                        }
                        """, p(d(2, 3, 4, 5, 6, 7)))
                        .publishes(d(1, 1, 1, 0, 0, 0), 0, d(2, 3, 4, 5, 6, 7)),
                ar(44, "twoElementLiteral", """
                        @Differentiable
                        static double[] twoElementLiteral(double x, double y) {
                            return new double[] {x, y};
                        }
                        """, p(1.0, 1.0)).publishes(d(0.5, 0.75), 0, 1.0, 1.0),
                ar(53, "twoElementLiteralAddress", """
                        @Differentiable
                        static double[] twoElementLiteralAddress(double x, double y) {
                            double result = x;
                            result = result * y;
                            return new double[] {result, result};
                        }
                        """, p(3.0, 4.0)).publishes(d(4 * 1.25, 3 * 1.25), 0, 3.0, 4.0),
                ar(72, "twoElementLiterals", """
                        @Differentiable
                        static double[] twoElementLiterals(double x, double y) {
                            double[] array = {x * y, x * y};
                            return new double[] {array[0], array[1]};
                        }
                        """, p(3.0, 4.0)).publishes(d(4 * 1.25, 3 * 1.25), 0, 3.0, 4.0),
                ar(178, "tupleElementGeneric", """
                        // Swift pins (0, 2) for pb([1, 1]), a known wrong value (FIXME TF-977); the true one is (1, 1)
                        @Differentiable
                        static double[] tupleElementGeneric(double x, double y) {
                            double[] tuple = {x, y};
                            return new double[] {tuple[0], tuple[1]};
                        }
                        """, p(3.0, 4.0)).publishes(d(0.5, 0.75), 0, 3.0, 4.0),
                ar(193, "nested0", """
                        // [[[[x, y]]]][0][0][0]
                        @Differentiable
                        static double[] nested0(double x, double y) {
                            double[][] result = {{x, y}};
                            return result[0].clone();
                        }
                        """, p(3.0, 4.0)).publishes(d(0.5, 0.75), 0, 3.0, 4.0),
                ar(203, "nested1", CONCAT + """

                        @Differentiable
                        static double[] nested1(double x, double y) {
                            double[][] result = {{x, y}, {x, y}};
                            return concat(result[0], result[1]);
                        }
                        """, p(3.0, 4.0)).publishes(d(0.5 + 1, 0.75 + 1.25), 0, 3.0, 4.0),
                ar(232, "controlFlow", """
                        // result2 = bool ? result : result, result3 = bool ? (bool ? result2 : result) : result2: three names
                // for one array, read through each; rejected (the error says to copy the elements)
                        @Differentiable(wrt = {"x", "y"})
                        static double[] controlFlow(double x, double y, boolean bool) {
                            double[] result = {x * y, x * y};
                            double[] result2 = bool ? result : result;
                            double[] result3 = bool ? (bool ? result2 : result) : result2;
                            return result3;
                        }
                        """, p(3.0, 4.0, true), p(3.0, 4.0, false))
                        .rejected("local array 'result2' is a second name for an array"),
                ar(
                                315,
                                "sumFirstThreeConcatenating",
                                CONCAT + """

                        @Differentiable
                        static double sumFirstThreeConcatenating(double[] a, double[] b) {
                            double[] c = concat(a, b);
                            return c[0] + c[1] + c[2];
                        }
                        """,
                                p(d(0, 0), d(0, 0)),
                                p(d(0, 0, 0, 0), d(0, 0)),
                                p(d(), d(0, 0, 0, 0)))
                        .publishes(d(1, 1, 1, 0), 0, d(0, 0), d(0, 0))
                        .publishes(d(1, 1, 1, 0, 0, 0), 0, d(0, 0, 0, 0), d(0, 0))
                        .publishes(d(1, 1, 1, 0), 0, d(), d(0, 0, 0, 0)),
                // results = results + [array[i]] (and results += [array[i]], results.append(array[i])): an array
                // variable assigned a library call's array is rejected (the error says to copy the elements)
                ar(329, "identityByAppending", """
                        @Differentiable
                        static double[] identityByAppending(double[] array) {
                            double[] results = new double[0];
                            for (int i = 0; i < array.length; i++) {
                                results = Arrays.copyOf(results, results.length + 1);
                                results[results.length - 1] = array[i];
                            }
                            return results;
                        }
                        """, p(d(1, 2, 3)))
                        .rejected("cannot assign the array variable 'results'"),
                ar(363, "appending", """
                        @Differentiable
                        static double[] appending(double[] array, double element) {
                            double[] result = Arrays.copyOf(array, array.length + 1);
                            result[array.length] = element;
                            return result;
                        }
                        """, p(d(0, 0, 0), 0.0), p(d(1.5, -2), 3.0))
                        .publishes(d(0.5, 0.75, 1, 1.25), 0, d(0, 0, 0), 0.0),
                ar(385, "repeating", """
                        @Differentiable
                        static double repeating(double x) {
                            double[] r = new double[10];
                            Arrays.fill(r, x);
                            double sum = 0;
                            for (double e : r) {
                                sum += e;
                            }
                            return sum;
                        }
                        """, p(0.0), p(1.5)).publishes(d(10), 0, 0.0),
                io(16, "mutatingWrappers", """
                        // Float.+=, -=, *=, /= wrappers (each test's body is result += y)
                        @Differentiable
                        static float mutatingWrappers(float x, float y) {
                            float result = x;
                            result += y;
                            return result;
                        }
                        """, p(4.0, 5.0)).publishes(d(1, 1), 0, 4.0, 5.0),
                io(58, "identity", """
                        static void inoutIdentity(double[] x) {}

                        @Differentiable
                        static double identity(double x) {
                            double[] result = {x};
                            inoutIdentity(result);
                            return result[0];
                        }
                        """, p(10.0)).publishes(d(1), 0, 10.0),
                io(84, "product", """
                        @Differentiable
                        static float product(float[] array) {
                            float result = 1;
                            for (int i = 0; i < array.length; i++) {
                                result *= array[i];
                            }
                            return result;
                        }
                        """, p(new float[] {3, 4, 5})).publishes(d(20, 15, 12), 0, new float[] {3, 4, 5}),
                io(102, "productCustom", """
                        // Float.multiplyAssign(&result, array[i]): lhs = lhs * rhs on an inout cell
                        static void multiplyAssign(double[] lhs, double rhs) {
                            lhs[0] = lhs[0] * rhs;
                        }

                        @Differentiable
                        static double productCustom(double[] array) {
                            double[] result = {1};
                            for (int i = 0; i < array.length; i++) {
                                multiplyAssign(result, array[i]);
                            }
                            return result[0];
                        }
                        """, p(d(3, 4, 5)), p(d(-0.5, 2, 1.5, 0.7)))
                        .publishes(d(20, 15, 12), 0, d(3, 4, 5)),
                // struct Struct { func method(_ x, _ y: inout) { y = y * x } }; foo(s, x, y)
                io(196, "fooInout", """
                        static void method(double x, double[] y) {
                            y[0] = y[0] * x;
                        }

                        @Differentiable
                        static double fooInout(double x, double y) {
                            double[] cell = {y};
                            method(x, cell);
                            return cell[0];
                        }
                        """, p(2.0, 3.0), p(-1.0, 0.5)).publishes(d(3, 2), 0, 2.0, 3.0));
    }
}
