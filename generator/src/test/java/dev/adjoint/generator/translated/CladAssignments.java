package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.clad;
import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * Functions of Clad's {@code test/Gradient/Assignments.C}, {@code EarlyReturns.C}, {@code UnaryMinus.C} and {@code TBRTernary.C}.
 * {@link CladFunctions} lists them in the order of Clad's files.
 */
final class CladAssignments {
    private CladAssignments() {}

    static List<Fn> all() {
        List<Fn> l = new ArrayList<>();
        // ================================================================ Assignments.C
        l.add(clad("Assignments.C", "f1", """
                @Differentiable
                static double f1(double x, double y) {
                    x = y;
                    return y;
                }
                """, p(1.5, -2)).expect(d(0, 1), 3, 4));
        l.add(clad("Assignments.C", "f2", """
                @Differentiable
                static double f2(double x, double y) {
                    if (x < y) {
                        x = y;
                    }
                    return x;
                }
                """, p(1.5, -2), p(1.5, 2)).expect(d(0, 1), 3, 4));
        l.add(clad("Assignments.C", "f3", """
                @Differentiable
                static double f3(double x, double y) {
                    x = x;
                    x = x * x;
                    y = x * x;
                    x = y;
                    return y;
                }
                """, p(1.5, -2)).expect(d(32, 0), 2, 100));
        l.add(clad("Assignments.C", "f4", """
                @Differentiable
                static double f4(double x, double y) {
                    y = x;
                    x = 0;
                    return y;
                }
                """, p(1.5, -2)).expect(d(1, 0), 3, 4));
        l.add(clad("Assignments.C", "f5", """
                @Differentiable
                static double f5(double x, double y) {
                    double t = x * x;
                    if (x < 0) {
                        t = -t;
                        return t;
                    }
                    if (y < 0) {
                        double z = t;
                        t = -t;
                    }
                    return t;
                }
                """, p(1.5, -2), p(1.5, 2), p(-1.5, 2))
                .expect(d(6, 0), -3, 4));
        l.add(clad("Assignments.C", "f7", """
                @Differentiable
                static double f7(double x, double y) {
                    double[] t = {1, x, x * x};
                    t[0]++;
                    t[0]--;
                    ++t[0];
                    --t[0];
                    t[0] = x;
                    x = y;
                    t[0] += t[1];
                    t[0] *= t[1];
                    t[0] /= t[1];
                    t[0] -= t[1];
                    x = ++t[0];
                    return t[0];
                }
                """, p(1.5, -2)).expect(d(1, 0), 3, 4));
        l.add(new Fn(
                        "clad.Assignments.f7_new",
                        "vgvassilev/clad test/Gradient/Assignments.C: f7 (the array made with new)",
                        "f7_new",
                        """
                @Differentiable
                static double f7_new(double x, double y) {
                    double[] t = new double[3];
                    t[0] = 1;
                    t[1] = x;
                    t[2] = x * x;
                    t[0]++;
                    t[0]--;
                    ++t[0];
                    --t[0];
                    t[0] = x;
                    x = y;
                    t[0] += t[1];
                    t[0] *= t[1];
                    t[0] /= t[1];
                    t[0] -= t[1];
                    x = ++t[0];
                    return t[0];
                }
                """,
                        List.<Object[]>of(p(1.5, -2)),
                        List.of())
                .expect(d(1, 0), 3, 4));
        l.add(clad("Assignments.C", "f8", """
                @Differentiable
                static double f8(double x, double y) {
                    double[] t = new double[4];
                    t[0] = 1;
                    t[1] = x;
                    t[2] = y;
                    t[3] = 1;
                    t[3] = (y *= (t[0] = t[1] = t[2]));
                    return t[3];
                }
                """, p(1.5, -2)).expect(d(0, 8), 3, 4));
        l.add(clad("Assignments.C", "f9", """
                // (t *= x) *= y is not Java: two statements
                @Differentiable
                static double f9(double x, double y) {
                    double t = x;
                    t *= x;
                    t *= y;
                    return t;
                }
                """, p(1.5, -2)).expect(d(24, 9), 3, 4));
        l.add(clad("Assignments.C", "f10", """
                @Differentiable
                static double f10(double x, double y) {
                    double t = x;
                    t = x = y;
                    return t;
                }
                """, p(1.5, -2)).expect(d(0, 1), 3, 4));
        l.add(clad("Assignments.C", "f12", """
                // (x > y ? (t = x) : (t = y)) *= y is not Java: the branch picks t, then t *= y
                @Differentiable
                static double f12(double x, double y) {
                    double t;
                    if (x > y) {
                        t = x;
                    } else {
                        t = y;
                    }
                    t *= y;
                    return t;
                }
                """, p(1.5, -2), p(1.5, 2)).expect(d(0, 8), 3, 4));
        l.add(clad("Assignments.C", "f13", """
                @Differentiable
                static double f13(double x, double y) {
                    double t = x * (y = x);
                    return t * y;
                }
                """, p(1.5, -2)).expect(d(27, 0), 3, 4));
        l.add(clad("Assignments.C", "f14", """
                // the reference a is i itself
                @Differentiable
                static double f14(double i, double j) {
                    i = 2 * i;
                    i += i;
                    i *= i;
                    return i;
                }
                """, p(1.5, -2)).expect(d(96, 0), 3, 4));
        l.add(clad("Assignments.C", "f15", """
                // the references a, c, d are b, i, j
                @Differentiable
                static double f15(double i, double j) {
                    double b = i * j;
                    b *= i;
                    b += 2 * i;
                    i += 3 * i;
                    j *= 3 * j;
                    return b + i + j;
                }
                """, p(1.5, -2)).expect(d(30, 33), 3, 4));
        l.add(clad("Assignments.C", "f16", """
                @Differentiable
                static double f16(double i, double j) {
                    i *= 4 * j;
                    return i;
                }
                """, p(1.5, -2)).expect(d(16, 12), 3, 4));
        l.add(clad("Assignments.C", "f17", """
                @Differentiable(wrt = "i")
                static double f17(double i, double j, double k) {
                    j = 2 * i;
                    return j;
                }
                """, p(1.5, -2, 0.5)).expect(d(2), 3, 4, 5));
        l.add(clad("Assignments.C", "f18", """
                @Differentiable(wrt = {"i", "j"})
                static double f18(double i, double j, double k) {
                    k = 2 * i + 2 * j;
                    k += i;
                    return k;
                }
                """, p(1.5, -2, 0.5)).expect(d(3, 2), 3, 4, 5));
        l.add(clad("Assignments.C", "f19", """
                @Differentiable
                static double f19(double a, double b) {
                    return Math.fma(a, b, b);
                }
                """, p(1.5, -2)).expect(d(2, 2), 1, 2));
        l.add(clad("Assignments.C", "f20", """
                @Differentiable
                static double f20(double x, double y) {
                    x = 3;
                    x = x * y;
                    return x;
                }
                """, p(1.5, -2)).expect(d(0, 3), 1, 2));
        l.add(clad("Assignments.C", "f21", """
                // y = (y++, x): the comma operator as two statements
                @Differentiable
                static double f21(double x, double y) {
                    y++;
                    y = x;
                    return y;
                }
                """, p(1.5, -2)).expect(d(1, 0), 6, 4));
        l.add(clad("Assignments.C", "f22", """
                @Differentiable
                static double f22(double x, double y) {
                    double t = (x = y = x = 0);
                    return t;
                }
                """, p(1.5, -2)).expect(d(0, 0), 6, 4));
        l.add(clad("Assignments.C", "f23", """
                @Differentiable
                static double f23(double x, double y) {
                    double[] list = {1., x + y};
                    double res = 5;
                    if (x > y) {
                        res = list[list.length - 1];
                    }
                    return res;
                }
                """, p(1.5, -2), p(-1.5, 2)).expect(d(1, 1), 7, 5));
        l.add(clad("Assignments.C", "constVal", """
                @Differentiable(wrt = "y")
                static double constVal(double y, final double x) {
                    final double z = y;
                    y *= z;
                    return y * x;
                }
                """, p(1.5, -2)).expect(d(24), 3, 4));
        l.add(clad("Assignments.C", "f24", """
                @Differentiable
                static double f24(double x, double y) {
                    double sum = x + y;
                    double zero = 0;
                    return sum + zero * x;
                }
                """, p(1.5, -2)).expect(d(1, 1), 7, 5));
        l.add(clad("Assignments.C", "f26", """
                @Differentiable
                static double f26(double x, double y) {
                    double l = x;
                    l /= y;
                    return l;
                }
                """, p(1.5, -2)).expect(d(0.5, -2), 8, 2));
        l.add(clad("Assignments.C", "f27", """
                @Differentiable
                static double f27(double x, double y) {
                    x *= y + 1.;
                    return x;
                }
                """, p(1.5, -2)).expect(d(5, 3), 3, 4));
        l.add(clad("Assignments.C", "f25", """
                // short int in Java: x * y is an int, the result a short
                @Differentiable
                static double f25(float w, short x, short y) {
                    return w * (short) (x * y);
                }
                """, p(1.5f, (short) 3, (short) 4)));
        // ================================================================ EarlyReturns.C
        l.add(clad("EarlyReturns.C", "noEarly", """
                @Differentiable
                static double noEarly(double x, double y) {
                    return x * y;
                }
                """, p(1.5, -2)).expect(d(5, 3), 3, 5));
        l.add(clad("EarlyReturns.C", "singleEarly", """
                @Differentiable
                static double singleEarly(double x, double y) {
                    if (x > y) {
                        return x * x;
                    }
                    return x * y;
                }
                """, p(1.5, -2))
                .expect(d(10, 0), 5, 3)
                .expect(d(5, 3), 3, 5));
        l.add(clad("EarlyReturns.C", "multiEarly", """
                @Differentiable
                static double multiEarly(double x, double y) {
                    if (x > 10) {
                        return x;
                    }
                    if (y > 10) {
                        return y * y;
                    }
                    return x * y;
                }
                """, p(1.5, -2))
                .expect(d(1, 0), 20, 1)
                .expect(d(0, 40), 1, 20)
                .expect(d(3, 2), 2, 3));
        l.add(clad("EarlyReturns.C", "loopEarly", """
                @Differentiable
                static double loopEarly(double x, double y) {
                    double s = 0;
                    for (int i = 0; i < 5; ++i) {
                        s += x * y;
                        if (s > 20) {
                            return s;
                        }
                    }
                    return s;
                }
                """, p(1.5, -2), p(2.1, 3.1))
                .expect(d(12, 8), 2, 3)
                .expect(d(5, 5), 1, 1));
        l.add(clad("EarlyReturns.C", "midEarly", """
                @Differentiable
                static double midEarly(double x, double y) {
                    double a = x * y;
                    double b = a + x;
                    if (b > 50) {
                        return a * b;
                    }
                    return b * y;
                }
                """, p(1.5, -2))
                .expect(d(896, 960), 8, 7)
                .expect(d(56, 90), 6, 7));
        l.add(clad("EarlyReturns.C", "callsRec", """
                @Differentiable
                static double recEarly(double x, double y) {
                    if (x > y) {
                        return recEarly(x - 1, y);
                    }
                    return x * y;
                }

                @Differentiable
                static double callsRec(double x, double y) {
                    return recEarly(x, y);
                }
                """, p(1.5, -2.2), p(0.5, 2)).expect(d(1, 1), 3, 1));
        l.add(clad("EarlyReturns.C", "nested_early_return", """
                @Differentiable
                static double nested_early_return(double x, double y) {
                    if (x > 0) {
                        x = x * y;
                    }
                    if (x < 0) {
                        return 0;
                    }
                    return x;
                }
                """, p(1.5, 2))
                .expect(d(3, 5), 5, 3)
                .expect(d(0, 0), -5, 3));
        l.add(clad("EarlyReturns.C", "declAfterEarly", """
                @Differentiable
                static double declAfterEarly(double x, double y) {
                    if (y == 0) {
                        return 1;
                    }
                    double n = y;
                    double a = n + x;
                    double b = n, c = 2 * x;
                    a *= b;
                    return a + c;
                }
                """, p(1.5, -2))
                .expect(d(0, 0), 3, 0)
                .expect(d(7, 13), 3, 5));
        l.add(clad("EarlyReturns.C", "refAfterEarly", """
                @Differentiable
                static double refAfterEarly(double x, double y) {
                    if (y == 0) {
                        return 1;
                    }
                    double a = x * y;
                    final double c = a * a;
                    double d = c * c;
                    return d;
                }
                """, p(1.5, -0.5))
                .expect(d(64, 32), 1, 2)
                .expect(d(0, 0), 1, 0));
        // ================================================================ UnaryMinus.C, TBRTernary.C
        l.add(clad("UnaryMinus.C", "f1", """
                @Differentiable
                static double f1(double x) {
                    return -(-(-1)) * -(-(-x));
                }
                """, p(1.5)).expect(d(1), 5));
        l.add(clad("UnaryMinus.C", "f2", """
                @Differentiable
                static double f2(double x, double y) {
                    return -2 * -(-(-x)) * -y - 1 * (-y) * (-(-x));
                }
                """, p(1.5, -2)).expect(d(-4, -3), 3, 4));
        l.add(clad("TBRTernary.C", "f", """
                @Differentiable(wrt = {"a", "b"})
                static double f(boolean cond, double a, double b) {
                    double x = cond ? (a * a) : (b * b);
                    a = 0;
                    b = 0;
                    return x;
                }
                """, p(true, 1.5, -2))
                .expect(d(0, 6), false, 2, 3)
                .expect(d(4, 0), true, 2, 3));
        return l;
    }
}
