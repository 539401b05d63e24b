package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
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
 * The basics are in {@link TangentBasics}, NumPy and TensorFlow in {@link TangentArrays}; calls, subscripts, the
 * rest and the float variants here.
 */
final class TangentFunctions {
    private TangentFunctions() {}

    /** A function of Tangent's written for Java's other floating type (or another Java form). */
    static Fn variant(String name, String of, String body, Object[]... points) {
        return new Fn(
                "tangent." + name, "google/tangent tests/functions.py: " + of, name, body, List.of(points), List.of());
    }

    /** Every function, in the file's order. */
    static List<Fn> all() {
        List<Fn> l = new ArrayList<>(TangentBasics.all());
        l.addAll(TangentArrays.all());
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
        l.add(tangent(
                "bilinear",
                """
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
                """,
                p(
                        d(0.5, -1),
                        d(0.25, 0.75, -0.5),
                        m(d(0.1, 0.2), d(-0.3, 0.4), d(0.5, -0.6)),
                        m(d(0.3, -0.1), d(0.2, 0.6)),
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
