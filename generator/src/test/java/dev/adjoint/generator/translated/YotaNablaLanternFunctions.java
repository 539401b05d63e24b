package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * Yota.jl's gradient tests (github.com/dfdx/Yota.jl {@code test/test_grad.jl}): the dense losses
 * {@code sum(W * x .+ b)}, with {@code tanh} and a squared error, {@code multipath} (a simplified LSTM step), the
 * broadcasting losses, {@code mean(...; dims=1)}, indexing, {@code vcat}/{@code hcat}, the broadcast shapes of
 * {@code sum_bcast} and {@code sum_prod_bcast}, {@code literal_pow} and {@code transpose}; the structs, tuples and
 * regressions, and Nabla.jl's tests, are in {@link YotaNablaLanternStructs}. Published: each gradient the tests assert.
 */
final class YotaNablaLanternFunctions {
    private YotaNablaLanternFunctions() {}

    static Ported yota(String file, String method, String body, Object[]... points) {
        return new Ported(
                "yota." + file + "." + method,
                "dfdx/Yota.jl test/" + file + ".jl",
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static final double[][] W43 = {{0.3, -0.8, 0.5}, {1.1, 0.2, -0.4}, {-0.6, 0.9, 0.7}, {0.25, 0.45, -1.2}};
    private static final double[] B4 = {0.1, -0.2, 0.35, 0.05};
    private static final double[] X3 = {0.9, -0.4, 0.6};
    private static final double[][] M34 = {{0.2, 0.9, -0.3, 0.5}, {1.4, -0.7, 0.1, 0.8}, {-0.2, 0.6, 1.3, -1.1}};

    static List<Ported> all() {
        List<Ported> l = new ArrayList<>();
        String dense = """
                static double[] affine(double[][] w, double[] b, double[] x) {
                    double[] y = new double[w.length];
                    for (int i = 0; i < w.length; i++) {
                        double s = b[i];
                        for (int j = 0; j < x.length; j++) {
                            s += w[i][j] * x[j];
                        }
                        y[i] = s;
                    }
                    return y;
                }
                """;
        l.add(yota("test_grad", "lossSimple", dense + """

                // loss_simple: sum(W * x .+ b); the gradient of b is ones, of W the outer product 1 xᵀ
                @Differentiable
                static double lossSimple(double[][] w, double[] b, double[] x) {
                    double[] y = affine(w, b, x);
                    double s = 0;
                    for (double v : y) {
                        s += v;
                    }
                    return s;
                }
                """, p(W43, B4, X3))
                .publishes(
                        d(
                                0.9,
                                -0.4,
                                0.6,
                                0.9,
                                -0.4,
                                0.6,
                                0.9,
                                -0.4,
                                0.6,
                                0.9,
                                -0.4,
                                0.6,
                                1,
                                1,
                                1,
                                1,
                                0.3 + 1.1 - 0.6 + 0.25,
                                -0.8 + 0.2 + 0.9 + 0.45,
                                0.5 - 0.4 + 0.7 - 1.2),
                        1e-15,
                        W43,
                        B4,
                        X3));
        l.add(yota("test_grad", "tanhLinear", dense + """

                // grad: simple, sum(tanh.(W * x .+ b))
                @Differentiable
                static double tanhLinear(double[][] w, double[] b, double[] x) {
                    double[] y = affine(w, b, x);
                    double s = 0;
                    for (int i = 0; i < y.length; i++) {
                        s += Math.tanh(y[i]);
                    }
                    return s;
                }
                """, p(W43, B4, X3)));
        l.add(yota("test_grad", "squaredError", dense + """

                // grad: simple, sum(abs2.(tanh.(W * x .+ b) .- y))
                @Differentiable
                static double squaredError(double[][] w, double[] b, double[] x, double[] y) {
                    double[] h = affine(w, b, x);
                    double s = 0;
                    for (int i = 0; i < h.length; i++) {
                        double r = Math.tanh(h[i]) - y[i];
                        s += r * r;
                    }
                    return s;
                }
                """, p(W43, B4, X3, d(0.2, -0.1, 0.7, 0.4))));
        l.add(yota(
                "test_grad",
                "multipath",
                """
                // multipath: f = tanh.(y[1:5, :]); c_ = f .* c; h_ = tanh.(c_); the loss is sum(h_)
                @Differentiable
                static double multipath(double[][] y, double[][] c) {
                    double s = 0;
                    for (int i = 0; i < 5; i++) {
                        for (int j = 0; j < c[i].length; j++) {
                            double f = Math.tanh(y[i][j]);
                            double cNew = f * c[i][j];
                            s += Math.tanh(cNew);
                        }
                    }
                    return s;
                }
                """,
                p(
                        m(
                                d(0.3, 0.8, -0.2),
                                d(0.5, -0.6, 0.9),
                                d(1.2, 0.1, 0.4),
                                d(-0.7, 0.65, 0.2),
                                d(0.05, 0.3, -1.1),
                                d(0.4, 0.4, 0.4),
                                d(2.0, -2.0, 0.1)),
                        m(
                                d(0.6, 0.2, 0.9),
                                d(0.1, 0.8, 0.5),
                                d(0.7, 0.3, 0.35),
                                d(0.45, 0.9, 0.15),
                                d(0.2, 0.55, 0.75)))));
        l.add(yota("test_grad", "doubleBroadcast", """
                // loss_double_broadcast: sum(sin.(W * x) .+ b)
                @Differentiable
                static double doubleBroadcast(double[][] w, double[] b, double[] x) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        double wx = 0;
                        for (int j = 0; j < x.length; j++) {
                            wx += w[i][j] * x[j];
                        }
                        s += Math.sin(wx) + b[i];
                    }
                    return s;
                }
                """, p(W43, B4, X3)));
        l.add(yota("test_grad", "doubleBroadcast2", """
                // loss_double_broadcast2: sum(x .* x .+ b); gradient (ones, 2x)
                @Differentiable
                static double doubleBroadcast2(double[] b, double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * x[i] + b[i];
                    }
                    return s;
                }
                """, p(d(0.1, 0.2, 0.3), d(0.5, -1.5, 2.0)))
                .publishes(d(1, 1, 1, 1, -3, 4), 1e-15, d(0.1, 0.2, 0.3), d(0.5, -1.5, 2.0)));
        l.add(yota("test_grad", "kwMean", dense + """

                // loss_kw_mean: mean(W * x .+ b; dims=1)[1]
                @Differentiable
                static double kwMean(double[][] w, double[] b, double[] x) {
                    double[] y = affine(w, b, x);
                    double s = 0;
                    for (double v : y) {
                        s += v;
                    }
                    return s / y.length;
                }
                """, p(W43, B4, X3)));
        l.add(yota("test_grad", "sumOfSums", """
                // sum(sum(x, dims=1)): the column sums first, then their sum
                @Differentiable
                static double sumOfSums(double[][] x) {
                    double[] cols = new double[x[0].length];
                    for (double[] row : x) {
                        for (int j = 0; j < row.length; j++) {
                            cols[j] += row[j];
                        }
                    }
                    double s = 0;
                    for (double c : cols) {
                        s += c;
                    }
                    return s;
                }
                """, p((Object) m(d(1, 2, 3), d(4, 5, 6))))
                .publishes(d(1, 1, 1, 1, 1, 1), 0, (Object) m(d(1, 2, 3), d(4, 5, 6))));
        l.add(yota("test_grad", "getindex", """
                // grad: getindex, x[1] + x[1, 2] + sum(x[:, 1]) (Yota indexes a 3 x 4 x 5 array; the harness passes
                // arrays of at most two dimensions, so the third is dropped); the three tests' gradients added
                @Differentiable
                static double getindex(double[][] x) {
                    double s = x[0][0] + x[0][1];
                    for (int i = 0; i < x.length; i++) {
                        s += x[i][0];
                    }
                    return s;
                }
                """, p((Object) M34))
                .publishes(d(2, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0), 0, (Object) M34));
        l.add(yota(
                        "test_grad",
                        "catSums",
                        """
                static double[][] vcat(double[][] a, double[][] b) {
                    double[][] c = new double[a.length + b.length][];
                    for (int i = 0; i < a.length; i++) {
                        c[i] = a[i].clone();
                    }
                    for (int i = 0; i < b.length; i++) {
                        c[a.length + i] = b[i].clone();
                    }
                    return c;
                }

                static double total(double[][] x) {
                    double s = 0;
                    for (double[] row : x) {
                        for (double v : row) {
                            s += v;
                        }
                    }
                    return s;
                }

                // grad: cat, sum(vcat(a, b)) and sum(hcat(a, c)); weighted by their square so the gradient shows each
                // element
                @Differentiable
                static double catSums(double[][] a, double[][] b, double[][] c) {
                    double[][] v = vcat(a, b);
                    double[][] h = new double[a.length][];
                    for (int i = 0; i < a.length; i++) {
                        h[i] = new double[a[i].length + c[i].length];
                        for (int j = 0; j < a[i].length; j++) {
                            h[i][j] = a[i][j];
                        }
                        for (int j = 0; j < c[i].length; j++) {
                            h[i][a[i].length + j] = c[i][j] * c[i][j];
                        }
                    }
                    return total(v) + total(h);
                }
                """,
                        p(
                                m(d(1, 1, 1), d(1, 1, 1)),
                                m(d(1, 1, 1), d(1, 1, 1), d(1, 1, 1)),
                                m(d(0.5, -1, 2, 1), d(1, 1, 3, -0.25))))
                .publishes(
                        d(2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -2, 4, 2, 2, 2, 6, -0.5),
                        0,
                        m(d(1, 1, 1), d(1, 1, 1)),
                        m(d(1, 1, 1), d(1, 1, 1), d(1, 1, 1)),
                        m(d(0.5, -1, 2, 1), d(1, 1, 3, -0.25))));
        // special bcast / special bcast 2: x .+ y and x .* y with a column (3,), (3, 1) or a row (1, 4)
        for (String op : List.of("+", "*")) {
            String name = op.equals("+") ? "sumBcast" : "sumProdBcast";
            l.add(yota("test_grad", name + "Column", """
                    // %s(x, y) = sum(x .%s y), y a column broadcast along the rows' length
                    @Differentiable
                    static double %sColumn(double[][] x, double[] y) {
                        double s = 0;
                        for (int i = 0; i < x.length; i++) {
                            for (int j = 0; j < x[i].length; j++) {
                                s += x[i][j] %s y[i];
                            }
                        }
                        return s;
                    }
                    """.formatted(name, op, name, op), p(M34, d(0.5, -1.0, 2.0))));
            l.add(yota(
                    "test_grad", name + "Row", """
                    // %s(x, y) = sum(x .%s y), y a (1, 4) row broadcast down the columns
                    @Differentiable
                    static double %sRow(double[][] x, double[][] y) {
                        double s = 0;
                        for (int i = 0; i < x.length; i++) {
                            for (int j = 0; j < x[i].length; j++) {
                                s += x[i][j] %s y[0][j];
                            }
                        }
                        return s;
                    }
                    """.formatted(name, op, name, op), p(M34, m(d(0.5, -1.0, 2.0, 0.25)))));
        }
        l.add(yota("test_grad", "literalPow", """
                // grad: literal_pow, sum(x .^ 2)
                @Differentiable
                static double literalPow(double[][] x) {
                    double s = 0;
                    for (double[] row : x) {
                        for (double v : row) {
                            s += Math.pow(v, 2);
                        }
                    }
                    return s;
                }
                """, p((Object) M34)));
        l.add(yota("test_grad", "transposeSum", """
                static double[][] transpose(double[][] a) {
                    double[][] t = new double[a[0].length][a.length];
                    for (int i = 0; i < a.length; i++) {
                        for (int j = 0; j < a[0].length; j++) {
                            t[j][i] = a[i][j];
                        }
                    }
                    return t;
                }

                // grad: transpose, sum(transpose(x)) == ones(size(x)) (and of a vector, as a 1-row matrix)
                @Differentiable
                static double transposeSum(double[][] b, double[] a) {
                    double[][] t = transpose(b);
                    double s = 0;
                    for (double[] row : t) {
                        for (double v : row) {
                            s += v;
                        }
                    }
                    double[][] asRow = new double[1][a.length];
                    for (int j = 0; j < a.length; j++) {
                        asRow[0][j] = a[j];
                    }
                    double[][] at = transpose(asRow);
                    for (double[] row : at) {
                        s += row[0];
                    }
                    return s;
                }
                """, p(m(d(1, 2, 3), d(4, 5, 6)), d(7, 8, 9, 10, 11)))
                .publishes(d(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 0, m(d(1, 2, 3), d(4, 5, 6)), d(7, 8, 9, 10, 11)));
        l.add(yota(
                "test_grad",
                "linearStruct",
                """
                record Linear(double[][] w, double[] b) {
                    double[] forward(double[] x) {
                        double[] y = new double[w.length];
                        for (int i = 0; i < w.length; i++) {
                            double s = b[i];
                            for (int j = 0; j < x.length; j++) {
                                s += w[i][j] * x[j];
                            }
                            y[i] = s;
                        }
                        return y;
                    }
                }

                // grad: structs, loss(m::Linear, X) = sum(m.W * X .+ m.b), X a batch of columns (here rows)
                @Differentiable
                static double linearStruct(double[][] w, double[] b, double[][] xs) {
                    Linear m = new Linear(w, b);
                    double s = 0;
                    for (double[] x : xs) {
                        double[] y = m.forward(x);
                        for (double v : y) {
                            s += v;
                        }
                    }
                    return s;
                }
                """,
                p(
                        new double[][] {{0.3, -0.8, 0.5, 0.1}, {1.1, 0.2, -0.4, 0.6}, {-0.6, 0.9, 0.7, 0.3}},
                        d(0.1, 0.2, 0.3),
                        m(d(1, 2, 3, 4), d(0.5, -0.5, 0.25, 1)))));
        YotaNablaLanternStructs.add(l);
        return l;
    }
}
