package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.clad;
import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.f;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * Functions of Clad's reverse-mode tests ({@code test/Gradient/*.C}, github.com/vgvassilev/clad), written in Java
 * from their math. Where Clad's test prints the gradient ({@code // CHECK-EXEC:}), it is asserted too (to the two
 * decimals printed). C++ references become the variable they refer to; C arrays {@code double[]}.
 * Gradients.C is here; the other files in {@link CladLoops}, {@link CladLoopJumps}, {@link CladSwitches} and
 * {@link CladAssignments}.
 */
final class CladFunctions {
    private CladFunctions() {}

    /** Every function, in the order of Clad's files. */
    static List<Fn> all() {
        List<Fn> l = new ArrayList<>(gradients());
        l.addAll(CladLoops.all());
        l.addAll(CladLoopJumps.all());
        l.addAll(CladSwitches.all());
        l.addAll(CladAssignments.all());
        return l;
    }

    private static List<Fn> gradients() {
        List<Fn> l = new ArrayList<>();

        // ================================================================ Gradients.C
        String[][] simple = {
            {"f_add1", "x + y", "1,1"},
            {"f_add2", "3 * x + 4 * y", "3,4"},
            {"f_add3", "3 * x + 4 * y * 4", "3,16"},
            {"f_sub1", "x - y", "1,-1"},
            {"f_sub2", "3 * x - 4 * y", "3,-4"},
            {"f_mult1", "x * y", "1,1"},
            {"f_mult2", "3 * x * 4 * y", "12,12"},
            {"f_div1", "x / y", "1,-1"},
            {"f_div2", "3 * x / (4 * y)", "0.75,-0.75"},
            {"f_div3", "(x = y) / (y * y)", "0,-1"},
            {"f_c", "-x * y + (x + y) * (x / y) - x * x", "0,-2"},
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
                """, p(1.5, -0.7), p(0.3, 2.5), p(-3, -1))
                .expect(d(1, 0), 3, -1));
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
                """, p(1.5, -0.7), p(0.3, 2.5), p(-5, -4))
                .expect(d(0, -1), -5, -4));
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
                """, p(1.5, 2.5), p(0.25, 1))
                .expect(d(6, 0), 3, 0)
                .expect(d(-6, 0), -3, 0)
                .expect(d(9, 0), 0.5, 0)
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
                """, p(1.5), p(-0.5))
                .expect(d(2), 0)
                .expect(d(2), 1));
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
                """, p(1.5, 2.5), p(-0.5, 2))
                .expect(d(80, 48), 3, 5));
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
                """, p(1.5, 2.5))
                .expect(d(5, 13), 3, 5)
                .expect(d(0, 0), 55, 5));
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
        return l;
    }
}
