package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.clad;
import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * Functions of Clad's {@code test/Gradient/Loops.C}, {@code f_loop_init_var} and {@code fn20} to
 * {@code fn46}: nested loops, loops left by break and return.
 * {@link CladFunctions} lists them in the order of Clad's files.
 */
final class CladLoopJumps {
    private CladLoopJumps() {}

    static List<Fn> all() {
        List<Fn> l = new ArrayList<>();
        l.add(clad("Loops.C", "f_loop_init_var", """
                // a double loop counter; checked only against Clad's values (a perturbed bound may add an iteration)
                @Differentiable
                static double f_loop_init_var(double lower, double upper) {
                    double sum = 0;
                    double num_points = 10000;
                    double interval = (upper - lower) / num_points;
                    for (double x = lower; x <= upper; x += interval) {
                        sum += x * x * interval;
                    }
                    return sum;
                }
                """).expect(d(-1, 4), 1, 2));
        l.add(clad("Loops.C", "fn20", """
                @Differentiable(wrt = "arr")
                static double fn20(double[] arr, int n) {
                    double res = 0;
                    for (int i = 0; i < n; ++i) {
                        res += (arr[i] *= 5);
                    }
                    return res;
                }
                """, p(d(1, -2, 3, 4, 5), 4)).expect(d(5, 5, 5, 5, 5), d(1, 1, 1, 1, 1), 5));
        l.add(clad("Loops.C", "fn21", """
                @Differentiable
                static double fn21(double x) {
                    double res = 0;
                    for (int i = 0; i < 5; ++i) {
                        double[] arr = {1, x, 2};
                        res += arr[0] + arr[1];
                    }
                    return res;
                }
                """, p(1.5)).expect(d(5), 5));
        l.add(clad("Loops.C", "fn22", """
                @Differentiable
                static double fn22(double param) {
                    double out = 0.0;
                    for (int i = 0; i < 1; i++) {
                        double[] arr = {1.};
                        out += arr[0] * param;
                    }
                    return out;
                }
                """, p(1.5)).expect(d(1), 5));
        l.add(clad("Loops.C", "fn23", """
                @Differentiable
                static double fn23(double i, double j) {
                    double res = 0;
                    for (int c = 0; (res = i * j) != 0; ++c) {
                        if (c == 1) {
                            break;
                        }
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(5, 3), 3, 5));
        l.add(clad("Loops.C", "fn24", """
                // the comma condition (res += i * j), c < 3 as a Java programmer writes it
                @Differentiable
                static double fn24(double i, double j) {
                    double res = 0;
                    for (int c = 0; ; ++c) {
                        res += i * j;
                        if (c >= 3) {
                            break;
                        }
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(20, 12), 3, 5));
        l.add(clad("Loops.C", "fn25", """
                @Differentiable
                static double fn25(double i, double j) {
                    double res = 0;
                    for (int c = 0; ; ++c) {
                        res += i * j;
                        if (!(c < 3)) {
                            break;
                        }
                        if (c == 1) {
                            res = 8 * i * j;
                            break;
                        }
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(40, 24), 3, 5));
        l.add(clad("Loops.C", "fn27", """
                @Differentiable
                static double fn27(double i, double j) {
                    double res = 0;
                    for (int c = 0; (res += i * j) != 0; ++c) {
                        if (c == 2) {
                            break;
                        }
                        res = c * i * j;
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(10, 6), 3, 5));
        l.add(clad("Loops.C", "fn30", """
                @Differentiable
                static double fn30(double i, double j) {
                    double res = 0;
                    for (int c = 0; (c == 0) && (res = i * j) != 0; ++c) {
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(5, 3), 3, 5));
        l.add(clad("Loops.C", "fn33", """
                @Differentiable
                static double fn33(double i, double j) {
                    double res = 0;
                    for (int c = 0; (res = i * j) != 0; ++c) {
                        if ((res += i * j) != 0 && (c == 1)) {
                            break;
                        }
                        if ((c == 0) && (res += i * j) != 0) {
                            break;
                        }
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(15, 9), 3, 5));
        l.add(clad("Loops.C", "fn34", """
                @Differentiable
                static double fn34(double x, double y) {
                    double r = 0;
                    double[] a = {y, x * y, x * x + y};
                    for (double i : a) {
                        r += i * i;
                    }
                    return r;
                }
                """, p(1.5, -2)).expect(d(64, 32), 2, 2));
        l.add(clad("Loops.C", "fn35", """
                @Differentiable
                static double fn35(double x, double y) {
                    double r = 0;
                    double[] a = {x, x * y, 0};
                    for (double i : a) {
                        for (double j : a) {
                            if (r <= x * x) {
                                r += i * j;
                            } else if (r > x * x) {
                                break;
                            }
                        }
                    }
                    return r;
                }
                """, p(1.5, -2)).expect(d(12, 4), 2, 2));
        l.add(clad("Loops.C", "fn36", """
                @Differentiable
                static double fn36(double x, double y) {
                    double[] a = new double[3];
                    for (int k = 0; k < 3; k++) {
                        a[k] = k + 1;
                    }
                    double sum = 0;
                    for (double i : a) {
                        if (sum > x) {
                            continue;
                        } else {
                            sum += Math.sin(i) * x;
                        }
                    }
                    return sum;
                }
                """, p(1.5, -2), p(0.5, 1)).expect(d(1.75, 0), 1, 1));
        l.add(clad("Loops.C", "fn37", """
                @Differentiable
                static double fn37(double x, double y) {
                    double[] range = {x, 4., y};
                    double sum = 0;
                    for (double elem : range) {
                        sum += elem;
                    }
                    return sum;
                }
                """, p(1.5, -2)).expect(d(1, 1), 1, 1));
        l.add(clad("Loops.C", "fn39", """
                @Differentiable
                static double fn39(double x) {
                    double res = 0;
                    int[] range = {1, 2, 3};
                    for (int i : range) {
                        res += x * i;
                    }
                    return res;
                }
                """, p(1.5)).expect(d(6), 9));
        l.add(clad("Loops.C", "fn40", """
                @Differentiable
                static double fn40(double u, double v) {
                    double res = 11 * u;
                    for (int i = 0; i < 3; i++) {
                        res += u * i;
                        continue;
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(14, 0), 2, 3));
        l.add(clad("Loops.C", "fn41", """
                @Differentiable
                static double fn41(double u, double v) {
                    double res = 0;
                    for (int i = 1; i < 3; i++) {
                        res += i * u;
                        if (i == 1) {
                            break;
                        }
                    }
                    return res;
                }
                """, p(1.5, -2)).expect(d(1, 0), 2, 3));
        l.add(clad("Loops.C", "fn43", """
                @Differentiable(wrt = "x")
                static double fn43(double[] x, double y) {
                    double out = 0.0;
                    for (int i = 0; i < 3; i++) {
                        final double t4 = x[i];
                        out += 1. / t4;
                    }
                    return out;
                }
                """, p(d(1.5, -2, 3), 5)).expect(d(-1, -0.25, -0.11), d(1, 2, 3), 5));
        l.add(clad("Loops.C", "fn44", """
                @Differentiable
                static double fn44(double u, double v) {
                    double sum = 0;
                    for (int i = 0; i != 1;) {
                        sum += u + v;
                        break;
                    }
                    return sum;
                }
                """, p(1.5, -2)).expect(d(1, 1), 2, 3));
        l.add(clad("Loops.C", "fn45", """
                @Differentiable
                static double fn45(double x, double y) {
                    double sum = 0;
                    for (int i = 0; i < 100; ++i) {
                        double t1 = x;
                        double t2 = y / t1;
                        sum += Math.pow(t2, 2);
                    }
                    return sum;
                }
                """, p(1.5, -2)).expect(d(-50, 100), 1, 0.5));
        l.add(clad("Loops.C", "fn46", """
                @Differentiable
                static double fn46(double x, double y) {
                    double sum = 0;
                    int i = 0;
                    while (i < 50) {
                        double t1 = x;
                        double t2 = y / t1;
                        sum += Math.pow(t2, 2);
                        ++i;
                    }
                    do {
                        double t1 = x;
                        double t2 = y / t1;
                        sum += Math.pow(t2, 2);
                        ++i;
                    } while (i < 100);
                    return sum;
                }
                """, p(1.5, -2)).expect(d(-50, 100), 1, 0.5));
        return l;
    }
}
