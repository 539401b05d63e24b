package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.clad;
import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.f;
import static dev.adjoint.generator.translated.Fn.op;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * Functions of Clad's reverse-mode tests ({@code test/Gradient/*.C}, github.com/vgvassilev/clad), written in Java
 * from their math. Where Clad's test prints the gradient ({@code // CHECK-EXEC:}), it is asserted too (to the two
 * decimals printed). C++ references become the variable they refer to; C arrays {@code double[]}.
 */
final class CladFunctions {
    private CladFunctions() {}

    static List<Fn> all() {
        List<Fn> l = new ArrayList<>();

        // ================================================================ Gradients.C
        String[][] simple = {
            {"f_add1", "x + y", "1,1"}, {"f_add2", "3 * x + 4 * y", "3,4"}, {"f_add3", "3 * x + 4 * y * 4", "3,16"},
            {"f_sub1", "x - y", "1,-1"}, {"f_sub2", "3 * x - 4 * y", "3,-4"}, {"f_mult1", "x * y", "1,1"},
            {"f_mult2", "3 * x * 4 * y", "12,12"}, {"f_div1", "x / y", "1,-1"}, {"f_div2", "3 * x / (4 * y)", "0.75,-0.75"},
            {"f_div3", "(x = y) / (y * y)", "0,-1"}, {"f_c", "-x * y + (x + y) * (x / y) - x * x", "0,-2"},
            {"f_rosenbrock", "(x - 1) * (x - 1) + 100 * (y - x * x) * (y - x * x)", "0,0"},
        };
        for (String[] f : simple) {
            String[] g = f[2].split(",");
            l.add(clad("Gradients.C", f[0], """
                    @Differentiable
                    static double %s(double x, double y) {
                        return %s;
                    }
                    """.formatted(f[0], f[1]), p(1.5, -0.7), p(0.3, 2.5))
                    .expect(d(Double.parseDouble(g[0]), Double.parseDouble(g[1])), 1, 1));
        }
        l.add(clad("Gradients.C", "f_cond1", """
                @Differentiable
                static double f_cond1(double x, double y) {
                    return x > y ? x : y;
                }
                """, p(1.5, -0.7), p(0.3, 2.5)).expect(d(1, 0), 3, 2));
        l.add(clad("Gradients.C", "f_cond2", """
                @Differentiable
                static double f_cond2(double x, double y) {
                    return x > y ? x : (y > 0 ? y : -y);
                }
                """, p(1.5, -0.7), p(0.3, 2.5), p(-3, -1)).expect(d(1, 0), 3, -1));
        l.add(clad("Gradients.C", "f_cond3", """
                @Differentiable
                static double f_cond3(double x, double c) {
                    return c > 0 ? x + c : x - c;
                }
                """, p(1.5, -0.7), p(0.3, 2.5)).expect(d(1, -1), 3, -1));
        l.add(clad("Gradients.C", "f_cond4", """
                @Differentiable
                static double f_cond4(double x, double y) {
                    int i = 0;
                    double[] arr = {x, y};
                    if (x > 0) {
                        y = arr[i] * x;
                    }
                    return y;
                }
                """, p(1.5, -0.7), p(-0.3, 2.5)).expect(d(6, 0), 3, -1));
        l.add(clad("Gradients.C", "f_if1", """
                @Differentiable
                static double f_if1(double x, double y) {
                    if (x > y) {
                        return x;
                    } else {
                        return y;
                    }
                }
                """, p(1.5, -0.7), p(0.3, 2.5)).expect(d(1, 0), 3, 2));
        l.add(clad("Gradients.C", "f_if2", """
                @Differentiable
                static double f_if2(double x, double y) {
                    if (x > y) {
                        return x;
                    } else if (y > 0) {
                        return y;
                    } else {
                        return -y;
                    }
                }
                """, p(1.5, -0.7), p(0.3, 2.5), p(-5, -4)).expect(d(0, -1), -5, -4));
        l.add(clad("Gradients.C", "f_norm", """
                static double sum_of_powers(double x, double y, double z, double p) {
                    return Math.pow(x, p) + Math.pow(y, p) + Math.pow(z, p);
                }

                // Clad's custom derivative of sum_of_powers, as our @CustomDerivative
                @dev.adjoint.CustomDerivative(of = "sum_of_powers")
                static double sum_of_powers_pullback(double x, double y, double z, double p, double seed,
                        dev.adjoint.DoubleGrad dx, dev.adjoint.DoubleGrad dy, dev.adjoint.DoubleGrad dz, dev.adjoint.DoubleGrad dp) {
                    dx.add(seed * p * Math.pow(x, p - 1));
                    dy.add(seed * p * Math.pow(y, p - 1));
                    dz.add(seed * p * Math.pow(z, p - 1));
                    dp.add(seed * (Math.pow(x, p) * Math.log(x) + Math.pow(y, p) * Math.log(y) + Math.pow(z, p) * Math.log(z)));
                    return sum_of_powers(x, y, z, p);
                }

                @Differentiable
                static double f_norm(double x, double y, double z, double d) {
                    return Math.pow(sum_of_powers(x, y, z, d), 1 / d);
                }
                """, p(1, 2, 3, 2), p(0.5, 1.5, 2.5, 3)));
        l.add(clad("Gradients.C", "f_pow_zero", """
                @Differentiable
                static double f_pow_zero(double x, double y) {
                    return Math.pow(x, y);
                }
                """, p(1.5, 2.5), p(2, 0.5)));
        l.add(clad("Gradients.C", "f_sin", """
                @Differentiable
                static double f_sin(double x, double y) {
                    return (Math.sin(x) + Math.sin(y)) * (x + y);
                }
                """, p(1.5, 2.5), p(-2, 0.5)));
        l.add(clad("Gradients.C", "f_types", """
                // unsigned result dropped (Java has none): int + float + double
                @Differentiable
                static double f_types(int x, float y, double z) {
                    return x + y + z;
                }
                """, p(2, 1.5f, 2.5)));
        l.add(clad("Gradients.C", "f_decls1", """
                @Differentiable
                static double f_decls1(double x, double y) {
                    double a = 3 * x;
                    double b = 5 * y;
                    double c = a + b;
                    return 2 * c;
                }
                """, p(1.5, 2.5)).expect(d(6, 10), 3, 3));
        l.add(clad("Gradients.C", "f_decls2", """
                @Differentiable
                static double f_decls2(double x, double y) {
                    double a = x * x;
                    double b = x * y;
                    double c = y * y;
                    return a + 2 * b + c;
                }
                """, p(1.5, 2.5)).expect(d(8, 8), 2, 2));
        l.add(clad("Gradients.C", "f_decls3", """
                @Differentiable
                static double f_decls3(double x, double y) {
                    double a = 3 * x;
                    double c = 333 * y;
                    if (x > 1) {
                        return 2 * a;
                    } else if (x < -1) {
                        return -2 * a;
                    }
                    double b = a * a;
                    return b;
                }
                """, p(1.5, 2.5), p(0.25, 1)).expect(d(6, 0), 3, 0).expect(d(-6, 0), -3, 0).expect(d(9, 0), 0.5, 0)
                .expect(d(0, 0), 0, 100));
        l.add(clad("Gradients.C", "f_issue138", """
                // a local named like the generator's temporaries
                @Differentiable
                static double f_issue138(double x, double y) {
                    double _t1 = 1;
                    double _t0 = 2;
                    return x * x * x * x + y * y * y * y + 0 * _t1 * _t0;
                }
                """, p(1.5, 2.5)).expect(d(4, 32), 1, 2));
        l.add(clad("Gradients.C", "f_const", """
                @Differentiable
                static double f_const(final double a, final double b) {
                    return a * b;
                }
                """, p(1.5, 2.5)).expect(d(3, 2), 2, 3));
        l.add(clad("Gradients.C", "f_const_reference", """
                // the const reference is the variable itself
                @Differentiable
                static double f_const_reference(double i, double j) {
                    double a = i;
                    final double ar = a;
                    double res = 2 * ar;
                    return res;
                }
                """, p(1.5, 2.5)).expect(d(2, 0), 5, 2));
        l.add(clad("Gradients.C", "f_const02", """
                @Differentiable
                static double f_const02(double i, double j) {
                    final double a = i;
                    double res = a;
                    return res;
                }
                """, p(1.5, 2.5)).expect(d(1, 0), 8, 5));
        l.add(clad("Gradients.C", "running_sum", """
                @Differentiable
                static float running_sum(float[] p, int n) {
                    for (int i = 1; i < n; i++) {
                        p[i] += p[i - 1];
                    }
                    return p[n - 1];
                }
                """, p(f(1.5f, -2f, 0.5f, 3f), 4), p(f(1.5f, -2f, 0.5f, 3f), 2)));
        l.add(clad("Gradients.C", "fn_global_var_use", """
                static double global = 7;

                @Differentiable
                static double fn_global_var_use(double i, double j) {
                    return global * i;
                }
                """, p(3, 5)).expect(d(7, 0), 3, 5));
        l.add(clad("Gradients.C", "fn_increment_in_return", """
                @Differentiable
                static double fn_increment_in_return(double i, double j) {
                    double temp = i;
                    return (++i) * temp;
                }
                """, p(1.5, 2.5)).expect(d(7, 0), 3, 2));
        l.add(clad("Gradients.C", "fn_template_non_type", """
                // the template argument N = 15 as a constant
                static final int N = 15;

                @Differentiable
                static double fn_template_non_type(double x) {
                    final int maxN = 53;
                    final int m = maxN < N ? maxN : N;
                    return x * m;
                }
                """, p(1.5)).expect(d(15), 5));
        l.add(clad("Gradients.C", "fn_div", """
                @Differentiable
                static double fn_div(double x) {
                    return -0.5 / x;
                }
                """, p(1.5)).expect(d(0.125), 2));
        l.add(clad("Gradients.C", "fn_cond_decl", """
                @Differentiable
                static double fn_cond_decl(double x, double y) {
                    int flag = 1;
                    int cond = flag;
                    if (cond != 0) {
                        return y * y;
                    }
                    return x * x + y * y;
                }
                """, p(1.5, 2.5)));
        l.add(clad("Gradients.C", "fn_cond_side_eff", """
                @Differentiable
                static double fn_cond_side_eff(double x) {
                    if ((x += x) != 0) {
                        return x;
                    }
                    return x;
                }
                """, p(1.5), p(-0.5)).expect(d(2), 0).expect(d(2), 1));
        l.add(clad("Gradients.C", "fn_cond_init", """
                @Differentiable
                static double fn_cond_init(double x) {
                    int a = 12;
                    if (a <= 0) {
                        return x + x * x;
                    }
                    return x;
                }
                """, p(1.5)).expect(d(1), 0).expect(d(1), -1));
        l.add(clad("Gradients.C", "fn_null_stmts", """
                @Differentiable
                static double fn_null_stmts(double x) {
                    ;
                    ;
                    return x;
                }
                """, p(1.5)));
        l.add(clad("Gradients.C", "fn_const_cond_op", """
                @Differentiable
                static double fn_const_cond_op(double x) {
                    return x + (x > 0 ? 1.0 : 0.0);
                }
                """, p(1.5), p(-0.5)).expect(d(1), 0));
        l.add(clad("Gradients.C", "fn_empty_if_block", """
                @Differentiable
                static double fn_empty_if_block(double x) {
                    double res = 0;
                    if (x > 0) {
                    }
                    return res;
                }
                """, p(1.5)).expect(d(0), 0));
        l.add(clad("Gradients.C", "fn_empty_if_else", """
                @Differentiable
                static double fn_empty_if_else(double x) {
                    double res = 0;
                    if ((res = 0) != 0) {
                    } else {
                        res = 5 * x;
                    }
                    return res;
                }
                """, p(1.5)).expect(d(5), 1));
        l.add(clad("Gradients.C", "fn_cond_false", """
                @Differentiable
                static double fn_cond_false(double i, double j) {
                    double res = 0;
                    if (i * j != 0 && res > 0) {
                        res = 6 * i * j;
                    }
                    return res;
                }
                """, p(1.5, 2.5)).expect(d(0, 0), 3, 5));
        l.add(clad("Gradients.C", "fn_cond_add_assign", """
                @Differentiable
                static double fn_cond_add_assign(double i, double j) {
                    double res = 0;
                    if ((res = 2 * i * j) != 0 && (res += 3 * i * j) != 0 && (res += 5 * i * j) != 0) {
                        res += 6 * i * j;
                    }
                    return res;
                }
                """, p(1.5, 2.5), p(-0.5, 2)).expect(d(80, 48), 3, 5));
        l.add(clad("Gradients.C", "f_mult3", """
                @Differentiable
                static double f_mult3(double i, double j) {
                    i = (i + j) * (i < 10 ? i : j);
                    return i;
                }
                """, p(1.5, 2.5), p(12, 2)).expect(d(11, 3), 3, 5));
        l.add(clad("Gradients.C", "f_const_denom", """
                @Differentiable
                static double f_const_denom(double x, double y) {
                    final double m = 0.5;
                    return x * y / m;
                }
                """, p(1.5, 2.5)).expect(d(10, 6), 3, 5));
        l.add(clad("Gradients.C", "f_ref_in_rhs", """
                @Differentiable
                static double f_ref_in_rhs(double x, double y) {
                    if (x != 55) {
                        return y * (x + y);
                    }
                    return 1;
                }
                """, p(1.5, 2.5)).expect(d(5, 13), 3, 5).expect(d(0, 0), 55, 5));
        l.add(clad("Gradients.C", "f_reuse_global", """
                static double glob1 = 5;

                static double g(double a, double b) {
                    glob1 = b;
                    return a;
                }

                @Differentiable
                static double f_reuse_global(double x, double t) {
                    t = g(t, x);
                    glob1 *= t;
                    return -glob1;
                }
                """, p(-3, 4)).expect(d(-4, 3), -3, 4));
        l.add(clad("Gradients.C", "f_infinity", """
                @Differentiable
                static double f_infinity(double x, double y) {
                    final double inf = Double.POSITIVE_INFINITY;
                    if (x < inf) {
                        return y;
                    }
                    return x + y;
                }
                """, p(-3, 4)).expect(d(0, 1), -3, 4));

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
                """, p(d(1, -2, 3, 4, 5), 3)).expect(d(2, 4, 6, 8, 10), d(1, 2, 3, 4, 5), 5));
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
        l.add(new Fn("clad.Switch.fn24_int", "vgvassilev/clad test/Gradient/Switch.C: fn24 (the enum as int constants)", "fn24_int", """
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
                """, List.<Object[]>of(p(1.5, -2, 0), p(1.5, -2, 3)), List.of())
                .expect(d(1, 1), 3, 5, 0).expect(d(1, -1), 3, 5, 1).expect(d(5, 3), 3, 5, 2).expect(d(0.2, -0.12), 3, 5, 3));
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
                """, p(1.5, -2, 1)).expect(d(6, 0), 3, 5, 0).expect(d(5, 3), 3, 5, 1).expect(d(0, 10), 3, 5, 2));
        l.add(new Fn("clad.Switch.switchReturn_expression", "vgvassilev/clad test/Gradient/Switch.C: switchReturn (as a Java switch expression)",
                "switchReturn_expression", """
                @Differentiable(wrt = {"x", "y"})
                static double switchReturn_expression(double x, double y, int k) {
                    return switch (k) {
                        case 0 -> x * x;
                        case 1 -> x * y;
                        default -> y * y;
                    };
                }
                """, List.<Object[]>of(p(1.5, -2, 1)), List.of()).expect(d(6, 0), 3, 5, 0).expect(d(5, 3), 3, 5, 1).expect(d(0, 10), 3, 5, 2));
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
                """, p(1.5, -2), p(1.5, 2), p(-1.5, 2)).expect(d(6, 0), -3, 4));
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
        l.add(new Fn("clad.Assignments.f7_new", "vgvassilev/clad test/Gradient/Assignments.C: f7 (the array made with new)", "f7_new", """
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
                """, List.<Object[]>of(p(1.5, -2)), List.of()).expect(d(1, 0), 3, 4));
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
                """, p(1.5, -2)).expect(d(10, 0), 5, 3).expect(d(5, 3), 3, 5));
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
                """, p(1.5, -2)).expect(d(1, 0), 20, 1).expect(d(0, 40), 1, 20).expect(d(3, 2), 2, 3));
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
                """, p(1.5, -2), p(2.1, 3.1)).expect(d(12, 8), 2, 3).expect(d(5, 5), 1, 1));
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
                """, p(1.5, -2)).expect(d(896, 960), 8, 7).expect(d(56, 90), 6, 7));
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
                """, p(1.5, 2)).expect(d(3, 5), 5, 3).expect(d(0, 0), -5, 3));
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
                """, p(1.5, -2)).expect(d(0, 0), 3, 0).expect(d(7, 13), 3, 5));
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
                """, p(1.5, -0.5)).expect(d(64, 32), 1, 2).expect(d(0, 0), 1, 0));
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
                """, p(true, 1.5, -2)).expect(d(0, 6), false, 2, 3).expect(d(4, 0), true, 2, 3));
        return l;
    }
}
