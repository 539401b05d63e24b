package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.clad;
import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.op;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * Functions of Clad's {@code test/Gradient/Switch.C}.
 * {@link CladFunctions} lists them in the order of Clad's files.
 */
final class CladSwitches {
    private CladSwitches() {}

    static List<Fn> all() {
        List<Fn> l = new ArrayList<>();
        // ================================================================ Switch.C
        l.add(clad("Switch.C", "fn1", """
                // the case label inside a block (legal in C) moves out of it; the fall-through is kept
                @Differentiable
                @SuppressWarnings("fallthrough")
                static double fn1(double i, double j) {
                    double res = 0;
                    int count = 1;
                    switch (count) {
                        case 0:
                            res += i * j;
                            break;
                        case 1:
                            res += i * i;
                            // fall through
                        case 2:
                            res += j * j;
                            // fall through
                        default:
                            res += i * i * j * j;
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(156, 100), 3, 5));
        l.add(clad("Switch.C", "fn2", """
                // the statements before the first case (never run in C) are left out: Java rejects them
                @Differentiable
                @SuppressWarnings("fallthrough")
                static double fn2(double i, double j) {
                    double res = 0;
                    int count = 2;
                    switch (count) {
                        case 0:
                            res += i;
                            break;
                        case 1:
                            res += j;
                            // fall through
                        case 2:
                            res += i * j;
                            break;
                        default:
                            res += i + j;
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(5, 3), 3, 5));
        l.add(clad("Switch.C", "fn3", """
                @Differentiable
                @SuppressWarnings("fallthrough")
                static double fn3(double i, double j) {
                    double res = 0;
                    int counter = 2;
                    while (counter-- != 0) {
                        switch (counter) {
                            case 0:
                                res += i * i * j * j;
                                // fall through
                            case 1: {
                                res += i * i;
                            }
                                break;
                            case 2:
                                res += j * j;
                                // fall through
                            default:
                                res += i + j;
                        }
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(162, 90), 3, 5));
        l.add(clad("Switch.C", "fn4", """
                @Differentiable
                static double fn4(double i, double j) {
                    double res = 0;
                    switch (1) {
                        case 0:
                            res += i * i * j * j;
                            break;
                        case 1:
                            int counter = 2;
                            while (counter-- != 0) {
                                res += i * j;
                            }
                            break;
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(10, 6), 3, 5));
        l.add(clad("Switch.C", "fn5", """
                @Differentiable
                static double fn5(double i, double j) {
                    double res = 0;
                    int count = 1;
                    switch (count) {
                        case 1:
                            res += i * j;
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(5, 3), 3, 5));
        l.add(clad("Switch.C", "fn6", """
                // res is an int: switch (res = u * v) truncates (derivative 0; Clad prints {5, 3})
                @Differentiable
                static double fn6(double u, double v) {
                    int res = 0;
                    double temp = 0;
                    switch (res = (int) (u * v)) {
                        default:
                            temp = 1;
                    }
                    return res + 0 * temp;
                }
                """, p(1.5, -2.1)));
        l.add(clad("Switch.C", "fn7", """
                @Differentiable
                static double fn7(double u, double v) {
                    double res = 0;
                    for (int i = 0; i < 5; ++i) {
                        switch (i) {
                            case 0:
                            case 1:
                            case 2:
                                res += u;
                                break;
                            case 3:
                            default:
                                res += v;
                                break;
                        }
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(3, 2), 3, 5));
        l.add(clad("Switch.C", "fn24", """
                enum Op { ADD, SUB, MUL, DIV }

                @Differentiable(wrt = {"x", "y"})
                static double fn24(double x, double y, Op op) {
                    double res = 0;
                    switch (op) {
                        case ADD:
                            res = x + y;
                            break;
                        case SUB:
                            res = x - y;
                            break;
                        case MUL:
                            res = x * y;
                            break;
                        case DIV:
                            res = x / y;
                            break;
                    }
                    return res;
                }
                """, p(1.5, -2, op("MUL")), p(1.5, -2, op("SUB")), p(0.5, 4, op("DIV"))));
        l.add(new Fn(
                        "clad.Switch.fn24_int",
                        "vgvassilev/clad test/Gradient/Switch.C: fn24 (the enum as int constants)",
                        "fn24_int",
                        """
                static final int ADD = 0;
                static final int SUB = 1;
                static final int MUL = 2;
                static final int DIV = 3;

                @Differentiable(wrt = {"x", "y"})
                static double fn24_int(double x, double y, int op) {
                    double res = 0;
                    switch (op) {
                        case ADD:
                            res = x + y;
                            break;
                        case SUB:
                            res = x - y;
                            break;
                        case MUL:
                            res = x * y;
                            break;
                        case DIV:
                            res = x / y;
                            break;
                        default:
                            break;
                    }
                    return res;
                }
                """,
                        List.<Object[]>of(p(1.5, -2, 0), p(1.5, -2, 3)),
                        List.of())
                .expect(d(1, 1), 3, 5, 0)
                .expect(d(1, -1), 3, 5, 1)
                .expect(d(5, 3), 3, 5, 2)
                .expect(d(0.2, -0.12), 3, 5, 3));
        l.add(clad("Switch.C", "switchReturn", """
                @Differentiable(wrt = {"x", "y"})
                static double switchReturn(double x, double y, int k) {
                    switch (k) {
                        case 0:
                            return x * x;
                        case 1:
                            return x * y;
                        default:
                            return y * y;
                    }
                }
                """, p(1.5, -2, 1))
                .expect(d(6, 0), 3, 5, 0)
                .expect(d(5, 3), 3, 5, 1)
                .expect(d(0, 10), 3, 5, 2));
        l.add(new Fn(
                        "clad.Switch.switchReturn_expression",
                        "vgvassilev/clad test/Gradient/Switch.C: switchReturn (as a Java switch expression)",
                        "switchReturn_expression",
                        """
                @Differentiable(wrt = {"x", "y"})
                static double switchReturn_expression(double x, double y, int k) {
                    return switch (k) {
                        case 0 -> x * x;
                        case 1 -> x * y;
                        default -> y * y;
                    };
                }
                """,
                        List.<Object[]>of(p(1.5, -2, 1)),
                        List.of())
                .expect(d(6, 0), 3, 5, 0)
                .expect(d(5, 3), 3, 5, 1)
                .expect(d(0, 10), 3, 5, 2));
        return l;
    }
}
