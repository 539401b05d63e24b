package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.clad;
import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * Functions of Clad's {@code test/Gradient/Loops.C}, {@code f1} to {@code fn19}:
 * for, while and do loops, with continue.
 * {@link CladFunctions} lists them in the order of Clad's files.
 */
final class CladLoops {
    private CladLoops() {}

    static List<Fn> all() {
        List<Fn> l = new ArrayList<>();
        // ================================================================ Loops.C
        l.add(clad("Loops.C", "f1", """
                @Differentiable
                static double f1(double x) {
                    double t = 1;
                    for (int i = 0; i < 3; i++) {
                        t *= x;
                    }
                    return t;
                }
                """, p(1.5), p(-0.7)).expect(d(27), 3));
        l.add(clad("Loops.C", "f2", """
                @Differentiable
                static double f2(double x) {
                    double t = 1;
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            t *= x;
                        }
                    }
                    return t;
                }
                """, p(1.1), p(-0.9)).expect(d(59049), 3));
        l.add(clad("Loops.C", "f3", """
                @Differentiable
                static double f3(double x) {
                    double t = 1;
                    for (int i = 0; i < 3; i++) {
                        t *= x;
                        if (i == 1) {
                            return t;
                        }
                    }
                    return t;
                }
                """, p(1.5), p(-0.7)).expect(d(6), 3));
        l.add(clad("Loops.C", "f4", """
                @Differentiable
                static double f4(double x) {
                    double t = 1;
                    for (int i = 0; i < 3; t *= x) {
                        i++;
                    }
                    return t;
                }
                """, p(1.5), p(-0.7)).expect(d(27), 3));
        l.add(clad("Loops.C", "f5", """
                @Differentiable
                static double f5(double x) {
                    for (int i = 0; i < 10; i++) {
                        x++;
                    }
                    return x;
                }
                """, p(1.5)).expect(d(1), 3));
        l.add(clad("Loops.C", "f_const_local", """
                @Differentiable
                static double f_const_local(double x) {
                    double res = 0;
                    for (int i = 0; i < 3; ++i) {
                        final double n = x + i;
                        res += x * n;
                    }
                    return res;
                }
                """, p(1.5)).expect(d(21), 3));
        l.add(clad("Loops.C", "f_sum", """
                @Differentiable(wrt = "p")
                static double f_sum(double[] p, int n) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += p[i];
                    }
                    return s;
                }
                """, p(d(1, 2, 3, 4, 5), 4)).expect(d(1, 1, 1, 1, 1), d(1, 2, 3, 4, 5), 5));
        l.add(clad("Loops.C", "f_sum_squares", """
                @Differentiable
                static double sq(double x) {
                    return x * x;
                }

                @Differentiable(wrt = "p")
                static double f_sum_squares(double[] p, int n) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += sq(p[i]);
                    }
                    return s;
                }
                """, p(d(1, -2, 3, 4, 5), 3))
                .expect(d(2, 4, 6, 8, 10), d(1, 2, 3, 4, 5), 5));
        l.add(clad("Loops.C", "f_log_gaus", """
                @Differentiable
                static double sq(double x) {
                    return x * x;
                }

                // log-likelihood of an n-dimensional Gaussian with covariance sigma^2 I
                @Differentiable(wrt = "p")
                static double f_log_gaus(double[] x, double[] p, double n, double sigma) {
                    double power = 0;
                    for (int i = 0; i < n; i++) {
                        power += sq(x[i] - p[i]);
                    }
                    power = -power / (2 * sq(sigma));
                    double gaus = 1. / Math.sqrt(Math.pow(2 * Math.PI, n) * sigma) * Math.exp(power);
                    return Math.log(gaus);
                }
                """, p(d(1, 1, 1, 1, 1), d(1.5, 2, 3, 4, 5), 5, 2.0))
                .expect(d(0, -0.25, -0.5, -0.75, -1), d(1, 1, 1, 1, 1), d(1, 2, 3, 4, 5), 5, 2.0));
        l.add(clad("Loops.C", "f_const", """
                // int sq = b * b truncates: the derivative is 0 (Clad's test prints {0, 12}, through the conversion)
                @Differentiable
                static double f_const(final double a, final double b) {
                    int r = 0;
                    for (int i = 0; i < a; i++) {
                        int sq = (int) (b * b);
                        r += sq;
                    }
                    return r;
                }
                """, p(2.5, 3.1)));
        l.add(clad("Loops.C", "f6", """
                @Differentiable
                static double f6(double i, double j) {
                    double a = 0;
                    for (int counter = 0; counter < 3; ++counter) {
                        double b = i * i;
                        double c = j * j;
                        b += j;
                        a += b + c + i;
                    }
                    return a;
                }
                """, p(1.5, -2)).expect(d(21, 33), 3, 5));
        l.add(clad("Loops.C", "fn7", """
                @Differentiable
                static double fn7(double i, double j) {
                    double a = 0;
                    int counter = 3;
                    while (counter-- != 0) {
                        a += i * i + j;
                    }
                    return a;
                }
                """, p(1.5, -2)).expect(d(18, 3), 3, 5));
        l.add(clad("Loops.C", "fn8", """
                @Differentiable
                static double fn8(double i, double j) {
                    double a = 0;
                    int counter = 3;
                    while (counter > 0) {
                        do {
                            a += i * i + j;
                        } while (--counter != 0);
                    }
                    return a;
                }
                """, p(1.5, -2)).expect(d(18, 3), 3, 5));
        l.add(clad("Loops.C", "fn9", """
                @Differentiable
                static double fn9(double i, double j) {
                    int counter, counter_again;
                    counter = counter_again = 3;
                    double a = 0;
                    while (counter-- != 0) {
                        counter_again = 3;
                        while (counter_again-- != 0) {
                            a += i * i + j;
                        }
                    }
                    return a;
                }
                """, p(1.5, -2)).expect(d(54, 9), 3, 5));
        l.add(clad("Loops.C", "fn10", """
                // while (int b = counter): b is an int, so b += i*i + j truncates (derivative 0; Clad prints {18, 3})
                @Differentiable
                static double fn10(double i, double j) {
                    double a = 0;
                    int counter = 3;
                    int b;
                    while ((b = counter) != 0) {
                        b += i * i + j;
                        a += b;
                        counter -= 1;
                    }
                    return a;
                }
                """, p(1.5, -2.2)));
        l.add(clad("Loops.C", "fn11", """
                @Differentiable
                static double fn11(double i, double j) {
                    int counter = 3;
                    double a = 0;
                    do {
                        a += i * i + j;
                        counter -= 1;
                    } while (counter != 0);
                    return a;
                }
                """, p(1.5, -2)).expect(d(18, 3), 3, 5));
        l.add(clad("Loops.C", "fn12", """
                @Differentiable
                static double fn12(double i, double j) {
                    int counter = 3;
                    double a = 0;
                    do {
                        int counter_again = 3;
                        do {
                            a += i * i + j;
                            counter_again -= 1;
                            do {
                                a += j;
                            } while (false);
                        } while (counter_again != 0);
                        counter -= 1;
                    } while (counter != 0);
                    return a;
                }
                """, p(1.5, -2)).expect(d(54, 18), 3, 5));
        l.add(clad("Loops.C", "fn13", """
                // for (; int k = counter; counter -= 1) with k a double here, so that k += i + 2j keeps the math
                @Differentiable
                static double fn13(double i, double j) {
                    double res = 0;
                    int counter = 3;
                    for (; counter != 0; counter -= 1) {
                        double k = counter;
                        k += i + 2 * j;
                        double temp = k;
                        res += temp;
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(3, 6), 3, 5));
        l.add(clad("Loops.C", "fn14", """
                @Differentiable
                static double fn14(double i, double j) {
                    int choice = 5;
                    double res = 0;
                    while (choice-- != 0) {
                        if (choice > 3) {
                            res += i;
                            continue;
                        }
                        if (choice > 1) {
                            res += j;
                            continue;
                        }
                        if (choice > 0) {
                            res += i * j;
                            continue;
                        }
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(6, 5), 3, 5));
        l.add(clad("Loops.C", "fn15", """
                @Differentiable
                static double fn15(double i, double j) {
                    int choice = 5;
                    double res = 0;
                    while (choice-- != 0) {
                        if (choice > 2) {
                            continue;
                        }
                        int another_choice = 3;
                        while (another_choice-- != 0) {
                            if (another_choice > 1) {
                                res += i;
                                continue;
                            }
                            if (another_choice > 0) {
                                res += j;
                            }
                        }
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(3, 3), 3, 5));
        l.add(clad("Loops.C", "fn16", """
                @Differentiable
                static double fn16(double i, double j) {
                    int counter = 5;
                    double res = 0;
                    for (int ii = 0; ii < counter; ++ii) {
                        if (ii == 4) {
                            res += i * j;
                            break;
                        }
                        if (ii > 2) {
                            res += 2 * i;
                            continue;
                        }
                        res += i + j;
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(10, 6), 3, 5));
        l.add(clad("Loops.C", "fn17", """
                @Differentiable
                static double fn17(double i, double j) {
                    int counter = 5;
                    double res = 0;
                    for (int ii = 0; ii < counter; ++ii) {
                        int jj = ii;
                        if (ii < 2) {
                            continue;
                        }
                        while (jj-- != 0) {
                            if (jj < 3) {
                                res += i * j;
                                break;
                            } else {
                                continue;
                            }
                        }
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(15, 9), 3, 5));
        l.add(clad("Loops.C", "fn18", """
                @Differentiable
                static double fn18(double i, double j) {
                    int choice = 5;
                    double res = 0;
                    for (int counter = 0; counter < choice; ++counter) {
                        if (counter < 2) {
                            res += i + j;
                        } else if (counter < 4) {
                            continue;
                        } else {
                            res += 2 * i + 2 * j;
                            break;
                        }
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(4, 4), 3, 5));
        l.add(clad("Loops.C", "fn19", """
                @Differentiable(wrt = "arr")
                static double fn19(double[] arr, int n) {
                    double res = 0;
                    for (int i = 0; i < n; ++i) {
                        res += arr[i];
                    }
                    return res;
                }
                """, p(d(1, 2, 3, 4, 5), 5)));
        return l;
    }
}
