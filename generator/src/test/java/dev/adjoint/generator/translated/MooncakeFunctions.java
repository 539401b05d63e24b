package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Mooncake.jl's AD test functions ({@code src/test_resources.jl}, github.com/chalk-lab/Mooncake.jl at 1ca59a9), those
 * that mean something in Java, written from their math: {@code foo}/{@code bar} through a helper, {@code goto_tester}
 * as a labelled block left by {@code break}, the {@code test_isbits_multiple_usage} family, loops of 3 and 500
 * iterations, phi nodes that swap ({@code test_multiple_phinode_block}), a mutated argument read back
 * ({@code test_mutation!}), a mutable struct created and assigned ({@code Foo(x)}), the naive in-place matrix product
 * and the five-argument {@code mul!(C, A, B, α, β)} that reads {@code C} before it overwrites it, recursion
 * ({@code test_self_reference}, {@code test_recursive_sum} on {@code x[2:end]}: the tape), {@code map} over two
 * vectors, the {@code _naive_map} loops writing the caller's {@code y} and returning it, an in-place {@code x .=
 * cos.(x)} through a {@code void} helper, {@code iseven} on a one-based counter, a 1000-term {@code sum(cos, x)},
 * regression 319 (an unused slice) and 450 ({@code vcat} of slices), a two-layer perceptron.
 */
final class MooncakeFunctions {
    private MooncakeFunctions() {}

    private static Ported mc(int line, String method, String body, Object[]... points) {
        return Ported.of("mooncake", "chalk-lab/Mooncake.jl", "src/test_resources.jl", line, method, body, points);
    }

    static double[] thousand() {
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(0.37 * i + 0.1) * 2;
        }
        return x;
    }

    /** The recursive ones, which AUTO puts on the tape: no {@code Hvp} (the tape has none). */
    static List<Ported> recursive() {
        return List.of(
                mc(624, "selfReference", """
                        // test_self_reference(a, b) = a < b ? a * b : test_self_reference(b, a) + a
                        @Differentiable
                        static double selfReference(double a, double b) {
                            return a < b ? a * b : selfReference(b, a) + a;
                        }
                        """, p(0.5, 1.5), p(2.0, -1.0)).tape("recursive"),
                mc(629, "recursiveSum", """
                        // test_recursive_sum(x) = isempty(x) ? 0 : x[1] + test_recursive_sum(x[2:end]), x[1] squared here
                        @Differentiable
                        static double recursiveSum(double[] x) {
                            if (x.length == 0) return 0.0;
                            double[] rest = Arrays.copyOfRange(x, 1, x.length);
                            return x[0] * x[0] + recursiveSum(rest);
                        }
                        """, p(d(0.3, -1.2)), p(d(0.5, 1.5, -0.25, 2)))
                        .tape("recursive"));
    }

    static List<Ported> all() {
        double[][] a = m(d(0.5, -1.2, 0.3), d(1.1, 0.4, -0.7));
        double[][] b = m(d(0.2, 0.9), d(-0.6, 1.3), d(0.8, -0.1));
        return List.of(
                mc(260, "bar", """
                        // foo(x) = cos(sin(x)); bar(x, y) = cos(y) + foo(foo(cos(y))), sin(x) unused
                        static double foo(double x) {
                            double y = Math.sin(x);
                            double z = Math.cos(y);
                            return z;
                        }

                        @Differentiable
                        static double bar(double x, double y) {
                            double x1 = Math.sin(x);
                            double x2 = Math.cos(y);
                            double x3 = foo(x2);
                            double x4 = foo(x3);
                            return x2 + x4;
                        }
                        """, p(0.3, 1.7), p(-2.0, 0.4)),
                mc(295, "gotoTester", """
                        // goto_tester: if x > cos(x) jump past x = sin(x); return cos(x)
                        @Differentiable
                        static double gotoTester(double x) {
                            aha:
                            {
                                if (x > Math.cos(x)) break aha;
                                x = Math.sin(x);
                            }
                            return Math.cos(x);
                        }
                        """, p(2.0), p(-1.0)),
                mc(460, "multipleUsage3", """
                        // test_isbits_multiple_usage_3: cos((sin(x)^2)^2)
                        @Differentiable
                        static double multipleUsage3(double x) {
                            double y = Math.sin(x);
                            double z = y * y;
                            double a = z * z;
                            return Math.cos(a);
                        }
                        """, p(0.8)),
                mc(468, "multipleUsage4", """
                        // test_isbits_multiple_usage_4: y = x > 0 ? cos(x) : sin(x); y * y
                        @Differentiable
                        static double multipleUsage4(double x) {
                            double y = x > 0.0 ? Math.cos(x) : Math.sin(x);
                            return y * y;
                        }
                        """, p(0.8), p(-0.8)),
                mc(473, "multipleUsage5", """
                        // test_isbits_multiple_usage_5: y = x * x; x > 0 ? cos(y) : sin(y)
                        @Differentiable
                        static double multipleUsage5(double x) {
                            double y = x * x;
                            return x > 0.0 ? Math.cos(y) : Math.sin(y);
                        }
                        """, p(0.8), p(-0.8)),
                mc(478, "multipleUsagePhi", """
                        // test_isbits_multiple_usage_phi(x::Bool, y): z = x ? y : 1.0; z * y
                        @Differentiable
                        static double multipleUsagePhi(boolean x, double y) {
                            double z = x ? y : 1.0;
                            return z * y;
                        }
                        """, p(true, 0.7), p(false, 0.7)),
                mc(483, "multipleCallNonPrimitive", """
                        // test_multiple_call_non_primitive: x = test_sin(x) twice
                        static double testSin(double x) {
                            return Math.sin(x);
                        }

                        @Differentiable
                        static double multipleCallNonPrimitive(double x) {
                            for (int k = 0; k < 2; k++) x = testSin(x);
                            return x;
                        }
                        """, p(1.1)),
                mc(492, "mutation", """
                        // test_mutation!(x): x[1] = sin(x[2]); x[1]
                        @Differentiable
                        static double mutation(double[] x) {
                            x[0] = Math.sin(x[1]);
                            return x[0];
                        }
                        """, p(d(1.0, 2.0))),
                mc(497, "whileLoop", """
                        // test_while_loop: three cosines
                        @Differentiable
                        static double whileLoop(double x) {
                            int n = 3;
                            while (n > 0) {
                                x = Math.cos(x);
                                n -= 1;
                            }
                            return x;
                        }
                        """, p(0.5)),
                mc(506, "forLoop", """
                        // test_for_loop: 500 sines
                        @Differentiable
                        static double forLoop(double x) {
                            for (int k = 1; k <= 500; k++) x = Math.sin(x);
                            return x;
                        }
                        """, p(1.2)),
                mc(516, "multiplePhinodeBlock", """
                        // test_multiple_phinode_block(x, N): (a, b) = (b, 2a) N - 1 times, returned as a pair
                        @Differentiable
                        static double[] multiplePhinodeBlock(double x, int n) {
                            double a = 1.0;
                            double b = x;
                            int i = 1;
                            while (i < n) {
                                double temp = a;
                                a = b;
                                b = 2 * temp;
                                i += 1;
                            }
                            return new double[] {a, b};
                        }
                        """, p(3.0, 3), p(3.0, 4)),
                mc(539, "mutableStruct", """
                        // test_mutable_struct: foo = Foo(x); foo.x = sin(foo.x); foo.x
                        static final class Foo {
                            double x;

                            Foo(double x) {
                                this.x = x;
                            }
                        }

                        @Differentiable
                        static double mutableStruct(double x) {
                            Foo foo = new Foo(x);
                            foo.x = Math.sin(foo.x);
                            return foo.x;
                        }
                        """, p(0.6)),
                mc(533, "mutableStructSetfield", """
                        // test_mutable_struct_setfield: foo = Foo(1.0); foo.x = x; foo.x
                        static final class Foo {
                            double x;

                            Foo(double x) {
                                this.x = x;
                            }
                        }

                        @Differentiable
                        static double mutableStructSetfield(double x) {
                            Foo foo = new Foo(1.0);
                            foo.x = x;
                            return foo.x * foo.x;
                        }
                        """, p(0.6)),
                mc(549, "naiveMatMul", """
                        // test_naive_mat_mul!(C, A, B): C[p, q] = 0; C[p, q] += A[p, r] B[r, q]; C, returned row by row
                        @Differentiable
                        static double[] naiveMatMul(double[][] c, double[][] a, double[][] b) {
                            for (int p = 0; p < c.length; p++) {
                                for (int q = 0; q < c[0].length; q++) {
                                    c[p][q] = 0;
                                    for (int r = 0; r < a[0].length; r++) c[p][q] += a[p][r] * b[r][q];
                                }
                            }
                            double[] out = new double[c.length * c[0].length];
                            for (int p = 0; p < c.length; p++)
                                for (int q = 0; q < c[0].length; q++) out[p * c[0].length + q] = c[p][q];
                            return out;
                        }
                        """, p(m(d(9, 9), d(9, 9)), a, b)),
                mc(851, "mul5", """
                        // mul!(C, A, B, alpha, beta): C = alpha A B + beta C, C read before it is overwritten
                        @Differentiable
                        static double[] mul5(double[][] c, double[][] a, double[][] b, double alpha, double beta) {
                            int n = c.length, k = c[0].length;
                            double[] out = new double[n * k];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < k; j++) {
                                    double s = 0;
                                    for (int r = 0; r < b.length; r++) s += a[i][r] * b[r][j];
                                    c[i][j] = alpha * s + beta * c[i][j];
                                    out[i * k + j] = c[i][j];
                                }
                            }
                            return out;
                        }
                        """, p(m(d(0.3, -0.4), d(1.5, 0.2)), a, b, 4.0, 3.0)),
                mc(643, "handwrittenSum", """
                        // test_handwritten_sum on a matrix: a while loop over the linear (column-major) index
                        @Differentiable
                        static double handwrittenSum(double[][] x) {
                            double y = 0.0;
                            int n = 0;
                            int rows = x.length, len = rows * x[0].length;
                            while (n < len) {
                                n += 1;
                                y += x[(n - 1) % rows][(n - 1) / rows] * n;
                            }
                            return y;
                        }
                        """, p((Object) m(d(0.5, -1.2, 0.3), d(1.1, 0.4, -0.7)))),
                mc(653, "testMap", """
                        // test_map(x, y) = map((x, y) -> sin(cos(exp(x)) + exp(y) * sin(y)), x, y)
                        @Differentiable
                        static double[] testMap(double[] x, double[] y) {
                            double[] out = new double[x.length];
                            for (int i = 0; i < x.length; i++) out[i] = Math.sin(Math.cos(Math.exp(x[i])) + Math.exp(y[i]) * Math.sin(y[i]));
                            return out;
                        }
                        """, p(d(0.3, -0.5, 1.2), d(0.7, 0.1, -0.9))),
                mc(958, "naiveMapSinCosExp", """
                        // _naive_map_sin_cos_exp(y, x): y[n] = sin(cos(exp(x[n]))) by a while loop; y
                        @Differentiable
                        static double[] naiveMapSinCosExp(double[] y, double[] x) {
                            int n = 1;
                            while (n <= x.length) {
                                y[n - 1] = Math.sin(Math.cos(Math.exp(x[n - 1])));
                                n += 1;
                            }
                            return y;
                        }
                        """, p(d(5, 5, 5), d(0.3, -0.5, 1.2))),
                mc(967, "naiveMapNegate", """
                        // _naive_map_negate(y, x): y[n] = -x[n]; y
                        @Differentiable
                        static double[] naiveMapNegate(double[] y, double[] x) {
                            int n = 1;
                            while (n <= x.length) {
                                y[n - 1] = -x[n - 1];
                                n += 1;
                            }
                            return y;
                        }
                        """, p(d(5, 5, 5), d(0.3, -0.5, 1.2))),
                mc(976, "fromSlack", """
                        // test_from_slack: sin at even (one-based) n, cos at odd
                        @Differentiable
                        static double fromSlack(double[] x) {
                            double y = 0;
                            int n = 1;
                            while (n <= x.length) {
                                if (n % 2 == 0) {
                                    y += Math.sin(x[n - 1]);
                                } else {
                                    y += Math.cos(x[n - 1]);
                                }
                                n += 1;
                            }
                            return y;
                        }
                        """, p(d(0.3, -0.5, 1.2, 2.0, -1.0))),
                mc(954, "broadcastSinCosExp", """
                        // _broadcast_sin_cos_exp(x) = sum(sin.(cos.(exp.(x)))) on a matrix
                        @Differentiable
                        static double broadcastSinCosExp(double[][] x) {
                            double s = 0;
                            for (double[] row : x)
                                for (double v : row) s += Math.sin(Math.cos(Math.exp(v)));
                            return s;
                        }
                        """, p((Object) m(d(0.5, -1.2, 0.3), d(1.1, 0.4, -0.7)))),
                mc(702, "inplaceInvoke", """
                        // inplace_invoke!(x): __inplace_function!(x) does x .= cos.(x); the written x returned
                        static void inplace(double[] x) {
                            for (int i = 0; i < x.length; i++) x[i] = Math.cos(x[i]);
                        }

                        @Differentiable
                        static double[] inplaceInvoke(double[] x) {
                            inplace(x);
                            return x;
                        }
                        """, p(d(0.3, -0.5, 1.2))),
                mc(716, "regression319", """
                        // regression 319: d = [0.0, 0.0]; x = θ[1:2] unused; d
                        @Differentiable
                        static double[] regression319(double[] theta) {
                            double[] d = {0.0, 0.0};
                            double[] x = Arrays.copyOfRange(theta, 0, 2);
                            return d;
                        }
                        """, p(d(0.3, -0.5, 1.2))),
                mc(710, "sigArgcountMismatch", """
                        // regression 450: vcat(x[1], x[2:2], x[3:3], x[4:4])
                        @Differentiable
                        static double[] sigArgcountMismatch(double[] x) {
                            double[] b = Arrays.copyOfRange(x, 1, 2);
                            double[] c = Arrays.copyOfRange(x, 2, 3);
                            double[] e = Arrays.copyOfRange(x, 3, 4);
                            double[] out = new double[4];
                            out[0] = x[0];
                            System.arraycopy(b, 0, out, 1, 1);
                            System.arraycopy(c, 0, out, 2, 1);
                            System.arraycopy(e, 0, out, 3, 1);
                            return out;
                        }
                        """, p(d(0.3, -0.5, 1.2, 2.0))),
                mc(713, "sumCos", """
                        // large_tuple_inference(x::NTuple{1000}) = sum(cos, x)
                        @Differentiable
                        static double sumCos(double[] x) {
                            double s = 0;
                            for (double v : x) s += Math.cos(v);
                            return s;
                        }
                        """, p(thousand())),
                mc(565, "mlp", """
                        // test_mlp(x, W1, W2) = W2 * tanh.(W1 * x)
                        @Differentiable
                        static double[] mlp(double[] x, double[][] w1, double[][] w2) {
                            double[] h = new double[w1.length];
                            for (int i = 0; i < w1.length; i++) {
                                double s = 0;
                                for (int j = 0; j < x.length; j++) s += w1[i][j] * x[j];
                                h[i] = Math.tanh(s);
                            }
                            double[] y = new double[w2.length];
                            for (int i = 0; i < w2.length; i++)
                                for (int j = 0; j < h.length; j++) y[i] += w2[i][j] * h[j];
                            return y;
                        }
                        """, p(d(0.3, -0.5, 1.2), a, m(d(0.2, -0.6), d(0.9, 1.3)))),
                mc(563, "relu", """
                        // relu(x) = max(x, zero(x))
                        @Differentiable
                        static double relu(double x) {
                            return Math.max(x, 0.0);
                        }
                        """, p(0.7), p(-0.7)));
    }
}
