package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;
import static dev.adjoint.generator.translated.Fn.tangent;

import java.util.ArrayList;
import java.util.List;

/**
 * Functions of Google Tangent's {@code tests/functions.py}: the basics (arithmetic, math functions, conditionals, loops).
 * {@link TangentFunctions} lists them in the file's order.
 */
final class TangentBasics {
    private TangentBasics() {}

    static List<Fn> all() {
        List<Fn> l = new ArrayList<>();
        // ---------------------------------------------------------------- basics
        l.add(tangent("id_", """
                @Differentiable
                static double id_(double a) {
                    return a;
                }
                """, p(0.7), p(-2.5)));
        l.add(tangent("unary_sub", """
                @Differentiable
                static double unary_sub(double a) {
                    return -a;
                }
                """, p(0.7), p(-2.5)));
        l.add(tangent("sum_", """
                @Differentiable
                static double sum_(double[] x) {
                    double s = 0;
                    for (double v : x) {
                        s += v;
                    }
                    return s;
                }
                """, p(d(1, 2, 3)), p(d(-0.5, 4))));
        l.add(tangent("cast_sum_", """
                // np.sum(np.array(x)): the copy a Java programmer writes with Arrays.copyOf
                @Differentiable
                static double cast_sum_(double[] x) {
                    double[] y = Arrays.copyOf(x, x.length);
                    double s = 0;
                    for (int i = 0; i < y.length; i++) {
                        s += y[i];
                    }
                    return s;
                }
                """, p(d(1, 2, 3))));
        l.add(tangent("overwrite_call", """
                @Differentiable
                static double sum(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i];
                    }
                    return s;
                }

                @Differentiable
                static double overwrite_call(double[] x) {
                    double s = sum(x);
                    s = s * s;
                    return s;
                }
                """, p(d(1, 2, 3)), p(d(-1.5, 0.25))));
        l.add(tangent("tanh", """
                @Differentiable
                static double tanh(double a) {
                    return Math.tanh(a);
                }
                """, p(0.3), p(-1.2)));
        l.add(tangent("identity_assign", """
                @Differentiable
                static double identity_assign(double a) {
                    double b = a;
                    return b;
                }
                """, p(0.3), p(-1.2)));
        l.add(tangent("increment", """
                @Differentiable
                static double increment(double a) {
                    return a + 1;
                }
                """, p(0.3)));
        l.add(tangent("saxpy", """
                @Differentiable
                static double saxpy(double a, double b, double c) {
                    return a * b + c;
                }
                """, p(1.5, -2.0, 0.5), p(0.1, 0.2, 0.3)));
        l.add(tangent("mul", """
                @Differentiable
                static double mul(double a, double b) {
                    return a * b;
                }
                """, p(1.5, -2.0)));
        l.add(tangent("add", """
                @Differentiable
                static double add(double a, double b) {
                    return a + b;
                }
                """, p(1.5, -2.0)));
        l.add(tangent("saxpy_call", """
                static double mul(double a, double b) {
                    return a * b;
                }

                static double add(double a, double b) {
                    return a + b;
                }

                // the helpers are plain static methods, as a Java programmer would write them first
                @Differentiable
                static double saxpy_call(double a, double b, double c) {
                    return add(mul(a, b), c);
                }
                """, p(1.5, -2.0, 0.5)));
        l.add(tangent("saxpy_anf", """
                @Differentiable
                static double saxpy_anf(double a, double b, double c) {
                    double t1 = a * b;
                    double t2 = t1 + c;
                    return t2;
                }
                """, p(1.5, -2.0, 0.5)));
        l.add(tangent("saxpy_overwrite", """
                @Differentiable
                static double saxpy_overwrite(double a, double b, double c) {
                    double t = a * b;
                    t = t + c;
                    return t;
                }
                """, p(1.5, -2.0, 0.5)));
        l.add(tangent("gradname_aliasing", """
                // a local named like the generator's own adjoint of a (Clad's and our convention _d_a)
                @Differentiable
                static double gradname_aliasing(double a) {
                    double _d_a = a * a;
                    return _d_a;
                }
                """, p(1.5), p(-0.5)));
        l.add(tangent("overwrite_if", """
                @Differentiable
                static double overwrite_if(double a) {
                    if (a > 0) {
                        a = a * 3.0;
                    } else {
                        a = a * 2.0;
                    }
                    return a;
                }
                """, p(1.5), p(-0.5)));
        String[][] binops = {
            {"test_binop_mul1", "a * 3.0"}, {"test_binop_mul2", "3.0 * a"}, {"test_binop_mul3", "a * a"},
            {"test_binop_div1", "a / 3.0"}, {"test_binop_div2", "3.0 / a"}, {"test_binop_div3", "a / a"},
            {"test_binop_sub1", "a - 3.0"}, {"test_binop_sub2", "3.0 - a"}, {"test_binop_sub3", "a - a"},
            {"test_binop_add1", "a + 3.0"}, {"test_binop_add2", "3.0 + a"}, {"test_binop_add3", "a + a"},
        };
        for (String[] b : binops) {
            l.add(tangent(b[0], """
                    @Differentiable
                    static double %s(double a) {
                        return %s;
                    }
                    """.formatted(b[0], b[1]), p(1.5), p(-0.7)));
        }
        l.add(tangent("nested_if", """
                @Differentiable
                static double nested_if(double a) {
                    if (a > 0) {
                        if (a < 10) {
                            a = a * a;
                        }
                    } else {
                        a = 3.0 * a;
                    }
                    return a;
                }
                """, p(1.5), p(12.0), p(-0.7)));
        l.add(tangent("multiarg_if", """
                @Differentiable
                static double multiarg_if(double a) {
                    double b;
                    if (a * a / 3.0 > 0) {
                        b = 3.0;
                    } else {
                        b = 4.0;
                    }
                    a = a * b;
                    if (a < b - a * b) {
                        a = a * a;
                    } else if (a > b + 3.0 * a) {
                        if (a / 2.0 < 0) {
                            a = a / b;
                        } else {
                            a = a * b;
                        }
                    } else {
                        a = -a;
                    }
                    return a;
                }
                """, p(1.5), p(-0.7), p(-2.0)));
        l.add(tangent("fn_multiply", """
                @Differentiable
                static double fn_multiply(double a) {
                    return a * 3.0;
                }
                """, p(1.5)));
        l.add(tangent("fn_multiple_return", """
                // a tuple (2a, a) as an array result
                @Differentiable
                static double[] fn_multiple_return(double a) {
                    return new double[] {2 * a, a};
                }
                """, p(1.5)));
        l.add(tangent("test_anf_list", """
                @Differentiable
                static double test_anf_list(double a) {
                    double[] b = {1, a * a, 2};
                    double s = 0;
                    for (double v : b) {
                        s += v;
                    }
                    return s;
                }
                """, p(1.5)));
        l.add(tangent("test_deep_anf_list", """
                @Differentiable
                static double test_deep_anf_list(double[] x) {
                    double[] b = new double[] {1, x[0] * x[1] * x[2], 3};
                    return b[0] + b[1] + b[2];
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("test_subscript1", """
                @Differentiable
                static double test_subscript1(double[] x) {
                    double a = x[0];
                    double b = x[1];
                    return a * b;
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("test_subscript2", """
                @Differentiable
                static double test_subscript2(double[] x) {
                    double a = x[0];
                    double b = x[1];
                    x[0] = a * b;
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i];
                    }
                    return s;
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("test_subscript3", """
                @Differentiable
                static double test_subscript3(double[] x) {
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        y[i] = Math.pow(x[i], 2.0);
                    }
                    x[0] = y[1] * y[2];
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * y[i];
                    }
                    return s;
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("test_list_and_subscript", """
                @Differentiable
                static double test_list_and_subscript(double a) {
                    double[] x = {1.0, a, 3.0};
                    return x[0] * x[1];
                }
                """, p(1.5)));
        l.add(tangent("test_implicit_indexing", """
                @Differentiable
                static double test_implicit_indexing(double[] x) {
                    double res = 0.0;
                    for (double a : x) {
                        res += a;
                    }
                    return res;
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("serial_if", """
                @Differentiable
                static double serial_if(double a) {
                    if (a > 0) {
                        a = a * a;
                    }
                    a = a + a;
                    if (a < 0) {
                        a = 3.0 * a;
                    }
                    return a;
                }
                """, p(1.5), p(-0.7)));
        l.add(tangent("multivar_if", """
                @Differentiable
                static double multivar_if(double a, double b) {
                    if (a > b) {
                        a = a * a;
                    } else {
                        a = a * b;
                    }
                    return a;
                }
                """, p(1.5, 0.5), p(-0.7, 2.0)));
        l.add(tangent("serial_for", """
                @Differentiable
                static double serial_for(double a, int n) {
                    for (int i = 0; i < n; i++) {
                        a = a * a;
                    }
                    a = 2.0 * a;
                    for (int i = 0; i < n + 1; i++) {
                        a = a * 3.0;
                    }
                    return a;
                }
                """, p(1.1, 3), p(-0.7, 2), p(0.9, 0)));
        l.add(tangent("serial_ifthenfor", """
                @Differentiable
                static double serial_ifthenfor(double a, int n) {
                    if (a > 0) {
                        a = a * a;
                    }
                    a = 2.0 * a;
                    for (int i = 0; i < n; i++) {
                        a = a * a;
                    }
                    return a;
                }
                """, p(1.1, 3), p(-0.7, 2)));
        l.add(tangent("serial_forthenif", """
                @Differentiable
                static double serial_forthenif(double a, int n) {
                    for (int i = 0; i < n; i++) {
                        a = a * a;
                    }
                    a = 2.0 * a;
                    if (a > 0) {
                        a = a * a;
                    }
                    return a;
                }
                """, p(1.1, 3), p(-0.7, 1)));
        l.add(tangent("devilish_nested_if", """
                @Differentiable
                static double devilish_nested_if(double a) {
                    if (a > 0) {
                        a = a * 3.0;
                        if (a < 10) {
                            a = a * a;
                        } else {
                            a = a * 2.0;
                        }
                    }
                    return a;
                }
                """, p(1.5), p(4.0), p(-0.7)));
        l.add(tangent("overwrite_ifelse", """
                @Differentiable
                static double overwrite_ifelse(double a) {
                    if (a > 0) {
                        a = a * 3.0;
                    } else if (0 > a) {
                        a = a * 2.0;
                    } else {
                        a = 1.0 * a;
                    }
                    return a;
                }
                """, p(1.5), p(-0.7)));
        l.add(tangent("overwrite_arg", """
                @Differentiable
                static double overwrite_arg(double a) {
                    a = a * 3.0;
                    return a;
                }
                """, p(1.5)));
        l.add(tangent("overwrite_non_arg", """
                @Differentiable
                static double overwrite_non_arg(double a) {
                    double b = a;
                    b = b * 3.0;
                    return b;
                }
                """, p(1.5)));
        l.add(tangent("third_pow", """
                @Differentiable
                static double third_pow(double a) {
                    return a * a * a;
                }
                """, p(1.5), p(-0.7)));
        l.add(tangent("direct_third_pow", """
                @Differentiable
                static double direct_third_pow(double a) {
                    return Math.pow(a, 3);
                }
                """, p(1.5), p(-0.7)));
        l.add(tangent("iter_third_pow1", """
                @Differentiable
                static double iter_third_pow1(double a) {
                    double out = 1;
                    for (int i = 0; i < 3; i++) {
                        out = out * a;
                    }
                    return out;
                }
                """, p(1.5), p(-0.7)));
        l.add(tangent("iter_third_pow2", """
                @Differentiable
                static double iter_third_pow2(double a) {
                    double out = a;
                    for (int i = 0; i < 3 - 1; i++) {
                        out = out * a;
                    }
                    return out;
                }
                """, p(1.5), p(-0.7)));
        l.add(tangent("iterpower_static", """
                @Differentiable
                static double iterpower_static(double a) {
                    for (int i = 0; i < 3; i++) {
                        a = a * a;
                    }
                    return a;
                }
                """, p(1.1), p(-0.7)));
        l.add(tangent("iterpower", """
                @Differentiable
                static double iterpower(double a, int n) {
                    for (int i = 0; i < n; i++) {
                        a = a * a;
                    }
                    return a;
                }
                """, p(1.1, 3), p(-0.7, 2), p(2.0, 0)));
        l.add(tangent("cond_iterpower1", """
                @Differentiable
                static double cond_iterpower1(double a) {
                    for (int i = 0; i < 3; i++) {
                        if (a < 20) {
                            a = a * a;
                        }
                    }
                    return a;
                }
                """, p(1.1), p(3.0), p(25.0)));
        l.add(tangent("cond_iterpower2", """
                @Differentiable
                static double cond_iterpower2(double a) {
                    if (a < 20) {
                        for (int i = 0; i < 3; i++) {
                            a = a * a;
                        }
                    }
                    return a;
                }
                """, p(1.1), p(25.0)));
        l.add(tangent("superfor_iterpower", """
                @Differentiable
                static double superfor_iterpower(double a) {
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 3; j++) {
                            a = a * a;
                        }
                    }
                    return a;
                }
                """, p(1.01), p(-0.97)));
        l.add(tangent("super_iterpower", """
                @Differentiable
                static double super_iterpower(double a) {
                    for (int i = 0; i < 3; i++) {
                        a = a * a * a;
                    }
                    return a;
                }
                """, p(1.05), p(-0.9)));
        return l;
    }
}
