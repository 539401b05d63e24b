package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Apple MLX's gradient tests (github.com/ml-explore/mlx {@code python/tests/test_autograd.py}): {@code test_jvp} and
 * {@code test_vjp}'s products, {@code test_grad}'s {@code x * x} with its second derivative, {@code test_power_grad}
 * ({@code x ** 1.5} and {@code x ** 2} at 0, {@code (x - y) ** x} at (1, 1), whose one-sided derivative MLX gives as
 * 1), the scatter and slice updates ({@code src.at[idx].add/maximum/minimum/multiply(updates)}, written into a copy
 * through an index table, contracted with the test's cotangent {@code (4, 5, 6, 7)}), {@code cumprod} inclusive,
 * exclusive, reversed, through zeros, {@code cummax}/{@code cummin} with ties routed to the latest occurrence (as a
 * {@code >=} comparison does), {@code topk} and {@code sort} (a selection and an insertion sort of a copy); and the
 * activations of {@code python/mlx/nn/layers/activations.py} PyTorch's and tinygrad's lists lack ({@code relu2},
 * {@code softshrink}, {@code hard_shrink}, {@code glu}, {@code prelu} with its slope differentiated, {@code celu} and
 * {@code leaky_relu} in MLX's forms), with {@code RMSNorm} and {@code LayerNorm} ({@code python/mlx/nn/layers/
 * normalization.py}, {@code test_nn.py}). Published: each value the tests assert.
 */
final class MlxFunctions {
    private MlxFunctions() {}

    private static final Map<String, List<HvpChecks.Published>> HESSIANS = new HashMap<>();

    static Map<String, List<HvpChecks.Published>> hessians() {
        all();
        return Map.copyOf(HESSIANS);
    }

    static Ported of(String file, String method, String body, Object[]... points) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".py", "");
        return new Ported(
                "mlx." + stem + "." + method,
                "ml-explore/mlx " + file,
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static final String AUTOGRAD = "python/tests/test_autograd.py";
    private static final double[] SRC = {1, 2, 3, 4};
    private static final double[] COT = {4, 5, 6, 7};

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        l.add(of(AUTOGRAD, "products", """
                // test_jvp / test_vjp: (x y, y z)
                @Differentiable
                static double[] products(double x, double y, double z) {
                    return new double[] {x * y, y * z};
                }
                """, p(2.0, 4.0, 6.0))
                .publishes(d(0.5 * 4, 0.5 * 2 + 0.75 * 6, 0.75 * 4), 0, 2.0, 4.0, 6.0));
        l.add(of(AUTOGRAD, "square", """
                // test_grad: x * x, grad 1 and second derivative 2 at 0.5
                @Differentiable
                static double square(double x) {
                    return x * x;
                }
                """, p(0.5)).publishes(d(1), 0, 0.5));
        l.add(of(AUTOGRAD, "powerAtZero", """
                // test_power_grad: x ** 1.5 and x ** 2 at 0 have the gradient 0, x ** 2 at 2 has 4
                @Differentiable
                static double powerAtZero(double x, double y) {
                    return Math.pow(x, 1.5) + Math.pow(y, 2);
                }
                """, p(0.7, 2.0))
                .publishes(d(0, 0), 0, 0.0, 0.0)
                .publishes(d(1.5 * Math.sqrt(0.7), 4), 1e-15, 0.7, 2.0));
        l.add(of(AUTOGRAD, "powerSelf", """
                // test_power_grad: (x - y) ** x; MLX's gradient in x at (1, 1) is 1 (the one-sided derivative)
                @Differentiable(wrt = "x")
                static double powerSelf(double x, double y) {
                    double res = x - y;
                    return Math.pow(res, x);
                }
                """, p(1.5, 0.5), p(2.2, 1.1)).publishes(d(1), 0, 1.0, 1.0));
        l.add(of(
                        AUTOGRAD,
                        "scatterUpdate",
                        """
                static final int ADD = 0;
                static final int MAXIMUM = 1;
                static final int MINIMUM = 2;
                static final int MULTIPLY = 3;

                // test_scatter_*_vjp, test_slice_update_*_vjp: x = src.at[idx].op(updates), contracted with cot
                @Differentiable(wrt = {"src", "updates"})
                static double scatterUpdate(double[] src, double[] updates, int[] idx, int op, double[] cot) {
                    double[] x = src.clone();
                    for (int k = 0; k < idx.length; k++) {
                        int i = idx[k];
                        switch (op) {
                            case ADD -> x[i] += updates[k];
                            case MAXIMUM -> x[i] = Math.max(x[i], updates[k]);
                            case MINIMUM -> x[i] = Math.min(x[i], updates[k]);
                            default -> x[i] *= updates[k];
                        }
                    }
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += cot[i] * x[i];
                    }
                    return s;
                }
                """,
                        p(SRC, d(1, 2), new int[] {1, 3}, 0, COT),
                        p(SRC, d(1.5, 2.5), new int[] {1, 3}, 1, COT),
                        p(SRC, d(5, 6), new int[] {1, 2}, 1, COT),
                        p(SRC, d(1, 1), new int[] {1, 3}, 2, COT),
                        p(SRC, d(2, 3), new int[] {1, 2}, 3, COT))
                .publishes(d(4, 5, 6, 7, 5, 7), 0, SRC, d(1, 2), new int[] {1, 3}, 0, COT)
                .publishes(d(4, 5, 6, 7, 0, 0), 0, SRC, d(1, 2), new int[] {1, 3}, 1, COT)
                .publishes(d(4, 0, 6, 0, 5, 7), 0, SRC, d(5, 6), new int[] {1, 3}, 1, COT)
                .publishes(d(4, 5, 6, 7, 0, 0), 0, SRC, d(5, 6), new int[] {1, 3}, 2, COT)
                .publishes(d(4, 0, 6, 0, 5, 7), 0, SRC, d(1, 1), new int[] {1, 3}, 2, COT)
                .publishes(d(4, 0, 0, 7, 5, 6), 0, SRC, d(5, 6), new int[] {1, 2}, 1, COT)
                .publishes(d(4, 5, 6, 7, 5, 6), 0, SRC, d(1, 2), new int[] {1, 2}, 0, COT)
                .publishes(d(4, 10, 18, 7, 10, 18), 0, SRC, d(2, 3), new int[] {1, 2}, 3, COT));
        double[] y1 = {2, 1, 2, 2, 3};
        double[] y0 = {2, 0, 2, 2, 3};
        double[] y00 = {2, 0, 2, 0, 3};
        l.add(of(
                        AUTOGRAD,
                        "cumprodSum",
                        """
                // mx.cumprod(y, inclusive, reverse).sum()
                @Differentiable(wrt = "y")
                static double cumprodSum(double[] y, boolean inclusive, boolean reverse) {
                    int n = y.length;
                    double p = 1;
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        int i = reverse ? n - 1 - k : k;
                        if (inclusive) {
                            p *= y[i];
                            s += p;
                        } else {
                            s += p;
                            p *= y[i];
                        }
                    }
                    return s;
                }
                """,
                        p(y1, true, false),
                        p(y1, false, false),
                        p(y1, false, true),
                        p(y1, true, true))
                .publishes(d(20, 38, 18, 16, 8), 0, y1, true, false)
                .publishes(d(1, 38, 0, 0, 0), 0, y0, true, false)
                .publishes(d(1, 6, 0, 0, 0), 0, y00, true, false)
                .publishes(d(8, 14, 6, 4, 0), 0, y1, false, false)
                .publishes(d(1, 14, 0, 0, 0), 0, y0, false, false)
                .publishes(d(1, 6, 0, 0, 0), 0, y00, false, false)
                .publishes(d(0, 12, 12, 15, 11), 0, y1, false, true)
                .publishes(d(0, 12, 6, 9, 7), 0, y0, false, true)
                .publishes(d(0, 0, 0, 9, 1), 0, y00, false, true)
                .publishes(d(12, 36, 24, 27, 19), 0, y1, true, true)
                .publishes(d(0, 36, 6, 9, 7), 0, y0, true, true)
                .publishes(d(0, 0, 0, 9, 1), 0, y00, true, true));
        double[] tie = {3, 3, 1, 5, 5};
        l.add(of(
                        AUTOGRAD,
                        "cumExtremum",
                        """
                // mx.cummax / mx.cummin (y, inclusive).sum() weighted by cot: a tie goes to the latest occurrence
                @Differentiable(wrt = "y")
                static double cumExtremum(double[] y, boolean max, boolean inclusive, double[] cot) {
                    double m = y[0];
                    double s = inclusive ? cot[0] * m : 0;
                    for (int i = 1; i < y.length; i++) {
                        if (!inclusive) {
                            s += cot[i] * m;
                        }
                        if (max ? y[i] >= m : y[i] <= m) {
                            m = y[i];
                        }
                        if (inclusive) {
                            s += cot[i] * m;
                        }
                    }
                    return s;
                }
                """,
                        p(d(3.5, 2.0, 4.25, 1.0, 6.0), true, true, d(1, 1, 1, 1, 1)),
                        p(d(3.5, 2.0, 4.25, 1.0, 6.0), false, false, d(10, 1, 1, 100, 1000)))
                .publishes(d(1, 2, 0, 1, 1), 0, tie, true, true, d(1, 1, 1, 1, 1))
                .publishes(d(1, 2, 0, 1, 0), 0, tie, true, false, d(1, 1, 1, 1, 1))
                .publishes(d(10, 2, 0, 100, 1000), 0, tie, true, true, d(10, 1, 1, 100, 1000))
                .publishes(d(1, 1, 3, 0, 0), 0, tie, false, true, d(1, 1, 1, 1, 1))
                .publishes(d(1, 1, 2, 0, 0), 0, tie, false, false, d(1, 1, 1, 1, 1))
                .publishes(d(10, 1, 1101, 0, 0), 0, tie, false, true, d(10, 1, 1, 100, 1000)));
        double[][] tk = m(d(1, 2, 6, 4, 5), d(9, 5, 6, 7, 8));
        l.add(of(AUTOGRAD, "topk", """
                // mx.topk(x, 2) per row (order unsorted in MLX; the sum does not see it), vjp with ones
                @Differentiable
                static double topk(double[][] x) {
                    double s = 0;
                    for (double[] row : x) {
                        double[] a = row.clone();
                        for (int i = 0; i < 2; i++) {
                            int best = i;
                            for (int j = i + 1; j < a.length; j++) {
                                if (a[j] > a[best]) {
                                    best = j;
                                }
                            }
                            double t = a[i];
                            a[i] = a[best];
                            a[best] = t;
                            s += a[i];
                        }
                    }
                    return s;
                }
                """, p((Object) tk)).publishes(d(0, 0, 1, 0, 1, 1, 0, 0, 0, 1), 0, (Object) tk));
        double[] sx = {3, 1, 2, 5, 4};
        l.add(of(AUTOGRAD, "sortVjp", """
                // mx.sort(a) by insertion sort of a copy, contracted with the cotangent (10, 20, 30, 40, 50)
                @Differentiable(wrt = "a")
                static double sortVjp(double[] a, double[] cot) {
                    double[] s = a.clone();
                    for (int i = 1; i < s.length; i++) {
                        double key = s[i];
                        int j = i - 1;
                        while (j >= 0 && s[j] > key) {
                            s[j + 1] = s[j];
                            j--;
                        }
                        s[j + 1] = key;
                    }
                    double r = 0;
                    for (int i = 0; i < s.length; i++) {
                        r += cot[i] * s[i];
                    }
                    return r;
                }
                """, p(sx, d(10, 20, 30, 40, 50)), p(d(0.3, -1.2, 2.5, 0.8), d(1, -2, 3, 0.5)))
                .publishes(d(30, 10, 20, 50, 40), 0, sx, d(10, 20, 30, 40, 50)));
        l.add(of(AUTOGRAD, "powerJvp", """
                // test_jvp_with_partly_traced_inputs: a ** b, d/da = b a^(b-1) = 12, d/db = ln(a) a^b at (2, 3)
                @Differentiable
                static double powerJvp(double a, double b) {
                    return Math.pow(a, b);
                }
                """, p(2.0, 3.0), p(0.7, -1.3))
                .publishes(d(12, Math.log(2) * 8), 1e-15, 2.0, 3.0));
        l.add(of(AUTOGRAD, "divmod", """
                // test_jvp_with_partly_traced_inputs: (q, -r) = divmod(x, 3) as Python floors it; MLX gives the
                // remainder the tangent 0, its true derivative is 1 (the quotient's is 0)
                @Differentiable
                static double[] divmod(double x) {
                    double q = Math.floor(x / 3.0);
                    double r = x - 3.0 * q;
                    return new double[] {q, -r};
                }
                """, p(7.0), p(-4.4)).publishes(d(-0.75), 0, 7.0));
        double[] px = {3, 1, 2, 5};
        double[] pv = {1, -2, 0.5, 1.5};
        l.add(of(AUTOGRAD, "permutationSquares", """
                static final int SORT = 0;
                static final int TOPK = 1;
                static final int CUMMAX = 2;
                static final int CUMMIN_REVERSE_EXCLUSIVE = 3;

                // test_second_order_permutation_ops: sum(fn(a) ** 2) for sort, topk(2), cummax, cummin reversed and
                // exclusive; the permutation is locally constant, so the Hessian is 2 on the elements it keeps
                @Differentiable(wrt = "a")
                static double permutationSquares(double[] a, int fn) {
                    int n = a.length;
                    double[] y = a.clone();
                    int len = n;
                    if (fn == SORT || fn == TOPK) {
                        for (int i = 0; i < n; i++) {
                            int best = i;
                            for (int j = i + 1; j < n; j++) {
                                if (fn == SORT ? y[j] < y[best] : y[j] > y[best]) {
                                    best = j;
                                }
                            }
                            double t = y[i];
                            y[i] = y[best];
                            y[best] = t;
                        }
                        len = fn == TOPK ? 2 : n;
                    } else if (fn == CUMMAX) {
                        for (int i = 1; i < n; i++) {
                            y[i] = Math.max(y[i - 1], a[i]);
                        }
                    } else {
                        double m = Double.POSITIVE_INFINITY;
                        for (int i = n - 1; i >= 0; i--) {
                            y[i] = i == n - 1 ? 0 : m;
                            m = Math.min(m, a[i]);
                        }
                    }
                    double s = 0;
                    for (int i = 0; i < len; i++) {
                        s += y[i] * y[i];
                    }
                    return s;
                }
                """, p(px, 0), p(px, 1), p(px, 2), p(px, 3)));
        HESSIANS.put(
                "mlx.test_autograd.permutationSquares",
                List.of(
                        new HvpChecks.Published(pv, d(2, -4, 1, 3), 1e-12, new Object[] {px, 0}),
                        new HvpChecks.Published(pv, d(2, 0, 0, 3), 1e-12, new Object[] {px, 1}),
                        new HvpChecks.Published(pv, d(6, 0, 0, 3), 1e-12, new Object[] {px, 2}),
                        new HvpChecks.Published(pv, d(0, -4, 1, 3), 1e-12, new Object[] {px, 3})));
        l.add(of(AUTOGRAD, "inplaceUpdate", """
                // test_grad_with_inplace_update: model[1] = 2; return model[0] (the caller sees model[1] == 2), and
                // test_grad_ids_pre_post: arrs[1] = sum(arrs); return arrs[1]; gradients with respect to the values
                // on entry: (1, 0) and (1, 1, 1)
                @Differentiable
                static double inplaceUpdate(double[] model, boolean sum) {
                    if (sum) {
                        double s = 0;
                        for (double v : model) {
                            s += v;
                        }
                        model[1] = s;
                        return model[1];
                    }
                    model[1] = 2.0;
                    return model[0];
                }
                """, p(d(0.0, 1.0), false), p(d(1.0, 1.0, 1.0), true))
                .publishes(d(1, 0), 0, d(0.0, 1.0), false)
                .publishes(d(1, 1, 1), 0, d(1.0, 1.0, 1.0), true));
        l.addAll(MlxLayers.all());
        return l;
    }
}
