package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.f;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;
import static dev.adjoint.generator.translated.Fn.tangent;

import java.util.ArrayList;
import java.util.List;

/**
 * Functions of Google Tangent's {@code tests/functions.py} (github.com/google/tangent), written in Java from their
 * math. NumPy vectors become {@code double[]}, {@code np.sum} a loop, TensorFlow element-wise ops a loop returning
 * an array (checked through a vector-Jacobian product), dicts and tuples become arrays. Skipped: functions that only make
 * sense for Python values or tensor shapes ({@code inlining_contextmanager} (insert_grad_of), {@code redefining_var_as_list},
 * {@code numpy_atleast_1d/3d}, {@code tfe_expand_dims_*}, {@code tfe_squeeze_*}, {@code tfe_reshape_*},
 * {@code tfe_reduce_*_axis}, {@code tfe_matmul_highdim}). {@code saxpy_float} is Tangent's saxpy in {@code float}.
 */
final class TangentFunctions {
    private TangentFunctions() {}

    /** A function of Tangent's written for Java's other floating type (or another Java form). */
    static Fn variant(String name, String of, String body, Object[]... points) {
        return new Fn("tangent." + name, "google/tangent tests/functions.py: " + of, name, body, List.of(points), List.of());
    }

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
        // ---------------------------------------------------------------- numpy
        l.add(tangent("numpy_sum", """
                @Differentiable
                static double numpy_sum(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s = s + x[i];
                    }
                    return s;
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("numpy_mean", """
                @Differentiable
                static double numpy_mean(double[] x) {
                    double s = 0;
                    for (double v : x) {
                        s += v;
                    }
                    return s / x.length;
                }
                """, p(d(1.5, -2, 0.5, 4))));
        l.add(tangent("numpy_exp", """
                @Differentiable
                static double numpy_exp(double a) {
                    return Math.exp(a);
                }
                """, p(0.5), p(-1.5)));
        l.add(tangent("numpy_exp2", """
                @Differentiable
                static double numpy_exp2(double a) {
                    return Math.exp(Math.exp(a));
                }
                """, p(0.5), p(-1.5)));
        l.add(tangent("numpy_sqrt", """
                @Differentiable
                static double numpy_sqrt(double a) {
                    double r;
                    if (a >= 0) {
                        r = Math.sqrt(a);
                    } else {
                        r = Math.sqrt(-a);
                    }
                    return r;
                }
                """, p(0.5), p(-1.5)));
        String[][] unary = {
            {"numpy_cos", "Math.cos(a)"}, {"numpy_sin", "Math.sin(a)"}, {"numpy_tan", "Math.tan(a)"},
            {"numpy_cosh", "Math.cosh(a)"}, {"numpy_sinh", "Math.sinh(a)"}, {"numpy_tanh", "Math.tanh(a)"},
            {"numpy_arccos", "Math.acos(a)"}, {"numpy_arcsin", "Math.asin(a)"}, {"numpy_arctan", "Math.atan(a)"},
        };
        for (String[] u : unary) {
            l.add(tangent(u[0], """
                    @Differentiable
                    static double %s(double a) {
                        return %s;
                    }
                    """.formatted(u[0], u[1]), p(0.3), p(-0.6)));
        }
        l.add(tangent("numpy_atleast_2d", """
                // np.sum(np.atleast_2d(x)) for a matrix x
                @Differentiable
                static double numpy_atleast_2d(double[][] x) {
                    double s = 0;
                    for (double[] row : x) {
                        for (double v : row) {
                            s += v;
                        }
                    }
                    return s;
                }
                """, p((Object) m(d(1, 2), d(3, -4)))));
        l.add(tangent("logistic_regression", """
                // input (n), label (m) in [0, 1], W (n x m), b (m)
                @Differentiable(wrt = {"W", "b"})
                static double logistic_regression(double[] input, double[] label, double[][] W, double[] b) {
                    int m = b.length;
                    double[] h1 = new double[m];
                    for (int j = 0; j < m; j++) {
                        double s = b[j];
                        for (int i = 0; i < input.length; i++) {
                            s += input[i] * W[i][j];
                        }
                        h1[j] = s;
                    }
                    double loss = 0;
                    for (int j = 0; j < m; j++) {
                        double prediction = 0.5 * (Math.tanh(h1[j]) + 1);
                        double p = prediction * label[j] + (1 - prediction) * (1 - label[j]);
                        loss -= Math.log(p);
                    }
                    return loss;
                }
                """, p(d(0.5, -1, 2), d(1, 0), m(d(0.1, 0.2), d(-0.3, 0.4), d(0.5, -0.6)), d(0.05, -0.1))));
        l.add(tangent("det", """
                // np.linalg.det: Gaussian elimination with partial pivoting on a copy
                @Differentiable
                static double det(double[][] sqm) {
                    int n = sqm.length;
                    double[][] a = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            a[i][j] = sqm[i][j];
                        }
                    }
                    double det = 1;
                    for (int k = 0; k < n; k++) {
                        int p = k;
                        for (int i = k + 1; i < n; i++) {
                            if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
                                p = i;
                            }
                        }
                        if (p != k) {
                            for (int j = 0; j < n; j++) {
                                double t = a[k][j];
                                a[k][j] = a[p][j];
                                a[p][j] = t;
                            }
                            det = -det;
                        }
                        det *= a[k][k];
                        for (int i = k + 1; i < n; i++) {
                            double f = a[i][k] / a[k][k];
                            for (int j = k; j < n; j++) {
                                a[i][j] -= f * a[k][j];
                            }
                        }
                    }
                    return det;
                }
                """, p((Object) m(d(2, 1, 0.5), d(1, 3, -1), d(0.5, 2, 4))), p((Object) m(d(0.2, 3), d(1.5, -1)))));
        // ---------------------------------------------------------------- TensorFlow eager ops, on double[]
        String[][] tfeUnary = {
            {"tfe_negative", "-t[i]"}, {"tfe_exp", "Math.exp(t[i])"}, {"tfe_log", "Math.log(t[i])"},
            {"tfe_tanh", "Math.tanh(t[i])"}, {"tfe_cosh", "Math.cosh(t[i])"}, {"tfe_sinh", "Math.sinh(t[i])"},
            {"tfe_rsqrt", "1 / Math.sqrt(t[i])"},
        };
        for (String[] u : tfeUnary) {
            l.add(tangent(u[0], """
                    @Differentiable
                    static double[] %s(double[] t) {
                        double[] out = new double[t.length];
                        for (int i = 0; i < t.length; i++) {
                            out[i] = %s;
                        }
                        return out;
                    }
                    """.formatted(u[0], u[1]), p(d(0.5, 1.5, 2.5))));
        }
        l.add(tangent("tfe_reduce_sum", """
                @Differentiable
                static double tfe_reduce_sum(double[][] timage, boolean keepdims) {
                    double s = 0;
                    for (int i = 0; i < timage.length; i++) {
                        for (int j = 0; j < timage[i].length; j++) {
                            s += timage[i][j];
                        }
                    }
                    return s;
                }
                """, p(m(d(1, 2, 3), d(4, -5, 6)), true)));
        l.add(tangent("tfe_reduce_mean", """
                @Differentiable
                static double tfe_reduce_mean(double[][] timage, boolean keepdims) {
                    double s = 0;
                    int n = 0;
                    for (double[] row : timage) {
                        for (double v : row) {
                            s += v;
                            n++;
                        }
                    }
                    return s / n;
                }
                """, p(m(d(1, 2, 3), d(4, -5, 6)), false)));
        l.add(tangent("tfe_reduce_max", """
                @Differentiable
                static double tfe_reduce_max(double[][] timage, boolean keepdims) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (double[] row : timage) {
                        for (double v : row) {
                            best = Math.max(best, v);
                        }
                    }
                    return best;
                }
                """, p(m(d(1, 2, 3), d(4, -5, 6)), false)));
        String[][] tfeBinary = {
            {"tfe_add", "t1[i] + t2[i]"}, {"tfe_subtract", "t1[i] - t2[i]"}, {"tfe_multiply", "t1[i] * t2[i]"},
            {"tfe_divide", "t1[i] / t2[i]"}, {"tfe_maximum", "Math.max(t1[i], t2[i])"},
            {"tfe_squared_difference", "(t1[i] - t2[i]) * (t1[i] - t2[i])"},
        };
        for (String[] u : tfeBinary) {
            l.add(tangent(u[0], """
                    @Differentiable
                    static double[] %s(double[] t1, double[] t2) {
                        double[] out = new double[t1.length];
                        for (int i = 0; i < t1.length; i++) {
                            out[i] = %s;
                        }
                        return out;
                    }
                    """.formatted(u[0], u[1]), p(d(0.5, 1.5, -2.5), d(1.25, -0.5, 2))));
        }
        l.add(tangent("tfe_add_bcast", """
                // a scalar broadcast over a vector
                @Differentiable
                static double[] tfe_add_bcast(double s, double[] t) {
                    double[] out = new double[t.length];
                    for (int i = 0; i < t.length; i++) {
                        out[i] = s + t[i];
                    }
                    return out;
                }
                """, p(0.5, d(1.25, -0.5, 2))));
        l.add(tangent("tfe_matmul", """
                // the product, flattened row by row; op(a) = a or its transpose, likewise b
                @Differentiable
                static double[] tfe_matmul(double[][] mat1, double[][] mat2, boolean transposeA, boolean transposeB) {
                    int n = transposeA ? mat1[0].length : mat1.length;
                    int k = transposeA ? mat1.length : mat1[0].length;
                    int m = transposeB ? mat2.length : mat2[0].length;
                    double[] out = new double[n * m];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < m; j++) {
                            double s = 0;
                            for (int q = 0; q < k; q++) {
                                double a = transposeA ? mat1[q][i] : mat1[i][q];
                                double b = transposeB ? mat2[j][q] : mat2[q][j];
                                s += a * b;
                            }
                            out[i * m + j] = s;
                        }
                    }
                    return out;
                }
                """, p(m(d(1, 2), d(3, 4)), m(d(0.5, -1), d(2, 0.25)), false, false),
                p(m(d(1, 2), d(3, 4)), m(d(0.5, -1), d(2, 0.25)), true, true)));
        l.add(tangent("tfe_conv2d", """
                // 'SAME' convolution of a row with a kernel of odd width (1-D: one channel)
                @Differentiable
                static double[] tfe_conv2d(double[] timage, double[] tkernel, int stride) {
                    int n = (timage.length + stride - 1) / stride;
                    int half = tkernel.length / 2;
                    double[] out = new double[n];
                    for (int o = 0; o < n; o++) {
                        double s = 0;
                        for (int k = 0; k < tkernel.length; k++) {
                            int i = o * stride + k - half;
                            if (i >= 0 && i < timage.length) {
                                s += timage[i] * tkernel[k];
                            }
                        }
                        out[o] = s;
                    }
                    return out;
                }
                """, p(d(1, -2, 3, 0.5, 2), d(0.25, 0.5, -1), 1), p(d(1, -2, 3, 0.5, 2), d(0.25, 0.5, -1), 2)));
        l.add(tangent("tfe_max_pool", """
                // 'SAME' max pooling of a row
                @Differentiable
                static double[] tfe_max_pool(double[] timage, int size, int stride) {
                    int n = (timage.length + stride - 1) / stride;
                    double[] out = new double[n];
                    for (int o = 0; o < n; o++) {
                        double best = Double.NEGATIVE_INFINITY;
                        for (int k = 0; k < size; k++) {
                            int i = o * stride + k;
                            if (i < timage.length && timage[i] > best) {
                                best = timage[i];
                            }
                        }
                        out[o] = best;
                    }
                    return out;
                }
                """, p(d(1, -2, 3, 0.5, 2), 2, 2), p(d(1, -2, 3, 0.5, 2), 3, 1)));
        l.add(tangent("tfe_avg_pool", """
                // 'SAME' average pooling of a row (padding not counted)
                @Differentiable
                static double[] tfe_avg_pool(double[] timage, int size, int stride) {
                    int n = (timage.length + stride - 1) / stride;
                    double[] out = new double[n];
                    for (int o = 0; o < n; o++) {
                        double s = 0;
                        int count = 0;
                        for (int k = 0; k < size && o * stride + k < timage.length; k++) {
                            s += timage[o * stride + k];
                            count++;
                        }
                        out[o] = s / count;
                    }
                    return out;
                }
                """, p(d(1, -2, 3, 0.5, 2), 2, 2), p(d(1, -2, 3, 0.5, 2), 3, 1)));
        l.add(tangent("tfe_trace_fn", """
                @Differentiable
                static double[] _trace_mul(double[] a, double[] b) {
                    double[] out = new double[a.length];
                    for (int i = 0; i < a.length; i++) {
                        out[i] = a[i] * b[i];
                    }
                    return out;
                }

                @Differentiable
                static double tfe_trace_fn(double[] t) {
                    double[] out = _trace_mul(t, t);
                    double result = 0;
                    for (double v : out) {
                        result += v;
                    }
                    return result;
                }
                """, p(d(0.5, 1.5, -2.5))));
        l.add(tangent("tfe_notrace_fn", """
                static double[] _nontrace_mul(double[] a, double[] b) {
                    double[] out = new double[a.length];
                    for (int i = 0; i < a.length; i++) {
                        out[i] = a[i] * b[i];
                    }
                    return out;
                }

                @Differentiable
                static double tfe_notrace_fn(double[] t) {
                    double[] out = _nontrace_mul(t, t);
                    double result = 0;
                    for (double v : out) {
                        result += v;
                    }
                    return result;
                }
                """, p(d(0.5, 1.5, -2.5))));
        // ---------------------------------------------------------------- function calls
        l.add(tangent("mul_with_call", """
                @Differentiable
                static double _inner_fn(double a, double b) {
                    return a * b;
                }

                @Differentiable
                static double mul_with_call(double a, double b) {
                    return _inner_fn(a, b);
                }
                """, p(1.5, -2.0)));
        l.add(tangent("if_mul_with_call", """
                @Differentiable
                static double _inner_fn(double a, double b) {
                    return a * b;
                }

                @Differentiable
                static double if_mul_with_call(double a, double b) {
                    double o;
                    if (a > b) {
                        o = _inner_fn(a, b);
                    } else {
                        o = _inner_fn(b, a);
                    }
                    return o;
                }
                """, p(1.5, -2.0), p(-1.5, 2.0)));
        l.add(tangent("iterpower_with_call", """
                @Differentiable
                static double _inner_fn(double a, double b) {
                    return a * b;
                }

                @Differentiable
                static double iterpower_with_call(double a, int n) {
                    for (int i = 0; i < n; i++) {
                        a = _inner_fn(a, a);
                    }
                    return a;
                }
                """, p(1.1, 3), p(-0.7, 2)));
        l.add(tangent("nested_call", """
                @Differentiable
                static double _inner_fn(double a, double b) {
                    return a * b;
                }

                @Differentiable
                static double mul_with_call(double a, double b) {
                    return _inner_fn(a, b);
                }

                @Differentiable
                static double nested_call(double a, double b) {
                    return mul_with_call(a, b);
                }
                """, p(1.5, -2.0)));
        l.add(tangent("iterpower_with_nested_def", """
                // the nested def becomes a lambda
                @Differentiable
                static double iterpower_with_nested_def(double a, int n) {
                    DoubleBinaryOperator fn = (x, y) -> x * y;
                    for (int i = 0; i < n; i++) {
                        a = fn.applyAsDouble(a, a);
                    }
                    return a;
                }
                """, p(1.1, 3)));
        // ---------------------------------------------------------------- subscripts
        l.add(tangent("unpacking_args_saxpy", """
                @Differentiable
                static double unpacking_args_saxpy(double[] abc_packed_in_tuple) {
                    double a = abc_packed_in_tuple[0];
                    double b = abc_packed_in_tuple[1];
                    double c = abc_packed_in_tuple[2];
                    return a * b + c;
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("dict_saxpy", """
                @Differentiable
                static double dict_saxpy(Map<String, Double> val) {
                    return val.get("a") * val.get("b") + val.get("c");
                }
                """, p(java.util.Map.of("a", 1.5, "b", -2.0, "c", 0.5))));
        l.add(tangent("dict_wrapper", """
                static double dict_saxpy(Map<String, Double> val) {
                    return val.get("a") * val.get("b") + val.get("c");
                }

                @Differentiable
                static double dict_wrapper(double[] abc_packed_in_tuple) {
                    double a = abc_packed_in_tuple[0];
                    double b = abc_packed_in_tuple[1];
                    double c = abc_packed_in_tuple[2];
                    return dict_saxpy(Map.of("a", a, "b", b, "c", c));
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("passthru_pack", """
                @Differentiable
                static double passthru_pack(double a, double b, double c, int i) {
                    double[] x = {a, b, c};
                    return x[i];
                }
                """, p(1.5, -2, 0.5, 1), p(1.5, -2, 0.5, 2)));
        l.add(tangent("passthru_unpack", """
                @Differentiable
                static double passthru_unpack(double[] abc_packed_in_tuple) {
                    double a = abc_packed_in_tuple[0];
                    return a;
                }
                """, p(d(1.5, -2, 0.5))));
        // ---------------------------------------------------------------- misc
        l.add(tangent("cart2polar", """
                // (r, theta) as an array result; atan2 as the comment there says it should be
                @Differentiable
                static double[] cart2polar(double a, double b) {
                    double r = Math.sqrt(Math.pow(a, 2.0) + Math.pow(b, 2.0));
                    double theta = Math.atan2(b, a);
                    return new double[] {r, theta};
                }
                """, p(1.5, -2.0), p(-0.5, 0.25)));
        l.add(tangent("listcomp", """
                @Differentiable
                static double listcomp(double[] a) {
                    return Arrays.stream(a).map(i -> i * 3).sum();
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("while_big", """
                @Differentiable
                static double while_big(double a) {
                    while (Math.abs(a) > 0.1) {
                        a = a * 0.5;
                    }
                    return a;
                }
                """, p(1.5), p(-3.3), p(0.05)));
        l.add(tangent("active_subscript", """
                @Differentiable
                static double active_subscript(double[] x) {
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        y[i] = x[i];
                    }
                    double s = 0;
                    for (double v : y) {
                        s += v;
                    }
                    return s;
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("init_array_grad_maybe_active", """
                @Differentiable
                static double init_array_grad_maybe_active(double[] x) {
                    double[][] h = new double[x.length][3];
                    for (int t = 0; t < h.length; t++) {
                        Arrays.fill(h[t], x[t]);
                    }
                    double s = 0;
                    for (double[] row : h) {
                        for (double v : row) {
                            s += v;
                        }
                    }
                    return s;
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("slicing", """
                @Differentiable
                static double slicing(double[] x) {
                    double s = 0;
                    for (int i = 1; i < x.length; i++) {
                        s += x[i];
                    }
                    return s;
                }
                """, p(d(1.5, -2, 0.5))));
        l.add(tangent("rnn", """
                // inputs: 3 x k, W: k x 3; h[t + 1] = inputs[t] . W + h[t]; the sum of h[1:]
                @Differentiable
                static double rnn(double[][] inputs, double[][] W) {
                    double[][] h = new double[4][3];
                    for (int t = 0; t < 3; t++) {
                        for (int j = 0; j < 3; j++) {
                            double s = 0;
                            for (int k = 0; k < W.length; k++) {
                                s += inputs[t][k] * W[k][j];
                            }
                            h[t + 1][j] = s + h[t][j];
                        }
                    }
                    double total = 0;
                    for (int t = 1; t < 4; t++) {
                        for (int j = 0; j < 3; j++) {
                            total += h[t][j];
                        }
                    }
                    return total;
                }
                """, p(m(d(1, 2), d(-0.5, 0.25), d(3, 1)), m(d(0.1, -0.2, 0.3), d(0.4, 0.5, -0.6)))));
        l.add(tangent("augassign", """
                @Differentiable
                static double augassign(double a) {
                    double x = a * a;
                    x *= x;
                    return x;
                }
                """, p(1.5), p(-0.7)));
        l.add(tangent("bilinear", """
                // x (n), h (k), U (k x m), W (n x m), b (m): sum(tanh(x W + h U + b))
                @Differentiable
                static double bilinear(double[] x, double[] h, double[][] U, double[][] W, double[] b) {
                    int m = b.length;
                    double[] y = new double[m];
                    for (int j = 0; j < m; j++) {
                        for (int i = 0; i < x.length; i++) {
                            y[j] += x[i] * W[i][j];
                        }
                    }
                    for (int j = 0; j < m; j++) {
                        for (int i = 0; i < h.length; i++) {
                            y[j] = y[j] + h[i] * U[i][j];
                        }
                    }
                    double s = 0;
                    for (int j = 0; j < m; j++) {
                        y[j] = y[j] + b[j];
                        y[j] = Math.tanh(y[j]);
                        s += y[j];
                    }
                    return s;
                }
                """, p(d(0.5, -1), d(0.25, 0.75, -0.5), m(d(0.1, 0.2), d(-0.3, 0.4), d(0.5, -0.6)), m(d(0.3, -0.1), d(0.2, 0.6)),
                d(0.05, -0.1))));
        l.add(tangent("stack_pushing", """
                // tangent.Stack as the Java collection for a stack
                @Differentiable
                static double stack_pushing(double a) {
                    ArrayDeque<Double> stack = new ArrayDeque<>();
                    double y = a * a;
                    stack.push(a);
                    double aa = stack.pop();
                    double z = y * aa;
                    z = z * aa;
                    return z;
                }
                """, p(1.5)));
        l.add(tangent("gradgrad_pow", """
                @Differentiable
                static double gradgrad_pow(double a, double b) {
                    if (a >= 0) {
                        a = Math.pow(a, b);
                    } else {
                        a = Math.pow(-a, b);
                    }
                    return a;
                }
                """, p(1.5, 2.5), p(-0.7, 1.5)));
        l.add(tangent("gradgrad_pow_twice", """
                @Differentiable
                static double gradgrad_pow_twice(double a) {
                    a = a * a;
                    double y = a * a;
                    return y;
                }
                """, p(1.5), p(-0.7)));
        l.add(tangent("gradgrad_chain_of_mults", """
                @Differentiable
                static double gradgrad_chain_of_mults(double a) {
                    double b = a; // this line forces overwrite protection
                    b = a * a;
                    double c = b * b;
                    double d = c * c;
                    return d;
                }
                """, p(1.1), p(-0.7)));
        l.add(tangent("gradgrad_chain_of_multcalls", """
                @Differentiable
                static double mul(double a, double b) {
                    return a * b;
                }

                @Differentiable
                static double gradgrad_chain_of_multcalls(double a) {
                    double b = mul(a, a);
                    double c = mul(b, b);
                    double d = mul(c, c);
                    return d;
                }
                """, p(1.1), p(-0.7)));
        l.add(tangent("useless_stack_ops", """
                // the stack as an array with a top index: push and pop in the index expression
                @Differentiable
                static double useless_stack_ops(double a) {
                    double[] stack = new double[4];
                    int top = 0;
                    double b = a * a;
                    stack[top++] = b;
                    b = stack[--top];
                    return a;
                }
                """, p(1.5)));
        l.add(tangent("nested_dict", """
                // p['i']['j'] * p['i']['k'] with the keys as indices
                @Differentiable
                static double nested_dict(double[][] p) {
                    return p[0][1] * p[0][2];
                }
                """, p((Object) m(d(1, 2, 3), d(4, 5, 6)))));
        l.add(tangent("extended_slice", """
                @Differentiable
                static double extended_slice(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i += 2) {
                        s += x[i];
                    }
                    return s;
                }
                """, p(d(1.5, -2, 0.5, 3, 7))));
        // ---------------------------------------------------------------- float variants (Java's other type)
        l.add(variant("saxpy_float", "saxpy (in float)", """
                // saxpy in float: single precision is what the s in saxpy stands for
                @Differentiable
                static float saxpy_float(float a, float b, float c) {
                    return a * b + c;
                }
                """, p(1.5f, -2.0f, 0.5f)));
        return l;
    }
}
