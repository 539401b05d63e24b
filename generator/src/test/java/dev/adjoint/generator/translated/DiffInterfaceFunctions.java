package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.f;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * DifferentiationInterfaceTest.jl's standard scenarios (github.com/gdalle/DifferentiationInterface.jl at 0f3d2c1,
 * {@code DifferentiationInterfaceTest/src/scenarios/}: {@code default.jl}, {@code sparse.jl}, {@code allocfree.jl},
 * {@code modify.jl}), in Java from their math: number → number, number → array, array → number (with and without
 * linear algebra), vector → vector, vector → matrix, matrix → vector, matrix → matrix, the sparse ones (squared and
 * cubed differences, their sums, a banded linear map of the squares and a banded quadratic form of them), the
 * allocation-free ones (identity, sum, {@code copyto!}), and the modifiers (a constant factor, a cache argument).
 * Julia's matrices are column-major: {@code vec(x)} of a 2 × 3 {@code x} is read column by column here too; a matrix
 * result is returned flattened (Adjoint differentiates {@code double[]} results). A two-argument {@code f!(y, x)} is
 * written as Java writes it: a plain {@code void} helper filling an output array, called by the {@code @Differentiable}
 * method that returns that array; a {@code @Differentiable} method that returns {@code void} or {@code double[][]} is
 * rejected with a message that says so ({@code vecToVecVoid}, {@code vecToMatRows}). The closed-form gradients,
 * pullbacks and Hessian products of the scenarios are published by {@link DiffInterfaceCasadiSuiteTest}.
 */
final class DiffInterfaceFunctions {
    private DiffInterfaceFunctions() {}

    static final String REPO = "gdalle/DifferentiationInterface.jl";

    private static Ported di(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("di", REPO, "DifferentiationInterfaceTest/src/scenarios/" + file, line, method, body, points);
    }

    /** Julia's {@code float.(1:6)}. */
    static double[] x6() {
        return d(1, 2, 3, 4, 5, 6);
    }

    /** Julia's {@code float.(reshape(1:6, 2, 3))}: column-major, so row i holds i, i + 2, i + 4. */
    static double[][] x23() {
        return m(d(1, 3, 5), d(2, 4, 6));
    }

    static List<Ported> all() {
        return List.of(
                di("default.jl", 13, "numToNum", """
                        // num_to_num(x) = sin(x)
                        @Differentiable
                        static double numToNum(double x) {
                            return Math.sin(x);
                        }
                        """, p(0.42), p(-2.5)),
                di("default.jl", 20, "numToNumVec", """
                        // num_to_num_vec(x) = sin.(x), on a one-element vector
                        @Differentiable
                        static double[] numToNumVec(double[] x) {
                            double[] y = new double[x.length];
                            for (int i = 0; i < x.length; i++) y[i] = Math.sin(x[i]);
                            return y;
                        }
                        """, p(d(0.42)), p(d(0.42, -1.3, 2.0))),
                di("default.jl", 22, "numToNumVecBang", """
                        // num_to_num_vec!(y, x): map!(sin, y, x) into an output array
                        static void sinInto(double[] y, double[] x) {
                            for (int i = 0; i < x.length; i++) y[i] = Math.sin(x[i]);
                        }

                        @Differentiable
                        static double[] numToNumVecBang(double[] x) {
                            double[] y = new double[x.length];
                            sinInto(y, x);
                            return y;
                        }
                        """, p(d(0.42))),
                di("default.jl", 83, "numToArrVec", """
                        // NumToArr{Vector}: sin.(x .* a), a = 1:6
                        @Differentiable
                        static double[] numToArrVec(double x) {
                            double[] y = new double[6];
                            for (int k = 0; k < 6; k++) y[k] = Math.sin(x * (k + 1));
                            return y;
                        }
                        """, p(0.42), p(1.7)),
                di("default.jl", 83, "numToArrMat", """
                        // NumToArr{Matrix}: sin.(x .* a), a = reshape(1:6, 2, 3), returned as vec(.) (column-major)
                        static final double[][] A = {{1, 3, 5}, {2, 4, 6}};

                        @Differentiable
                        static double[] numToArrMat(double x) {
                            double[] y = new double[6];
                            for (int j = 0; j < 3; j++)
                                for (int i = 0; i < 2; i++) y[i + 2 * j] = Math.sin(x * A[i][j]);
                            return y;
                        }
                        """, p(0.42)),
                di("default.jl", 88, "numToArrBang", """
                        // (f!::NumToArr)(y, x): y .= sin.(x .* a), written into an output array
                        static void fill(double[] y, double x) {
                            for (int k = 0; k < y.length; k++) y[k] = Math.sin(x * (k + 1));
                        }

                        @Differentiable
                        static double[] numToArrBang(double x) {
                            double[] y = new double[6];
                            fill(y, x);
                            return y;
                        }
                        """, p(0.42)),
                di("default.jl", 175, "arrToNumLinalg", """
                        // arr_to_num_linalg(x) = sum(vec(x .^ 4) .* transpose(vec(x .^ 6))) = (sum x^4)(sum x^6)
                        @Differentiable
                        static double arrToNumLinalg(double[] x) {
                            double s4 = 0, s6 = 0;
                            for (double v : x) {
                                s4 += Math.pow(v, 4);
                                s6 += Math.pow(v, 6);
                            }
                            return s4 * s6;
                        }
                        """, p(x6()), p(d(0.3, -0.7, 1.1))),
                di("default.jl", 177, "arrToNumNoLinalg", """
                        // arr_to_num_no_linalg: for i in 1:n, j in 1:n; s += x[i]^4 * x[j]^6
                        static final int ALPHA = 4;
                        static final int BETA = 6;

                        @Differentiable
                        static double arrToNumNoLinalg(double[] x) {
                            int n = x.length;
                            double s = 0;
                            for (int i = 0; i < n; i++)
                                for (int j = 0; j < n; j++) s += Math.pow(x[i], ALPHA) * Math.pow(x[j], BETA);
                            return s;
                        }
                        """, p(x6()), p(d(0.3, -0.7, 1.1))),
                di("default.jl", 177, "arrToNumMatrix", """
                        // arr_to_num_no_linalg on the 2 x 3 matrix: every element against every element
                        @Differentiable
                        static double arrToNumMatrix(double[][] x) {
                            double s = 0;
                            for (double[] r : x)
                                for (double a : r)
                                    for (double[] q : x)
                                        for (double b : q) s += a * a * a * a * (b * b * b * b * b * b);
                            return s;
                        }
                        """, p((Object) x23()), p((Object)
                        m(d(0.3, -0.7, 1.1), d(0.5, 0.9, -0.2)))),
                di("default.jl", 283, "vecToVec", """
                        // vec_to_vec(x) = vcat(sin.(x), cos.(x))
                        @Differentiable
                        static double[] vecToVec(double[] x) {
                            int n = x.length;
                            double[] y = new double[2 * n];
                            for (int i = 0; i < n; i++) {
                                y[i] = Math.sin(x[i]);
                                y[n + i] = Math.cos(x[i]);
                            }
                            return y;
                        }
                        """, p(x6())),
                di("default.jl", 285, "vecToVecBang", """
                        // vec_to_vec!(y, x): the halves of y written by two loops of a void helper
                        static void halves(double[] y, double[] x) {
                            int n = x.length;
                            for (int i = 0; i < n; i++) y[i] = Math.sin(x[i]);
                            for (int i = 0; i < n; i++) y[n + i] = Math.cos(x[i]);
                        }

                        @Differentiable
                        static double[] vecToVecBang(double[] x) {
                            double[] y = new double[2 * x.length];
                            halves(y, x);
                            return y;
                        }
                        """, p(x6())),
                di("default.jl", 285, "vecToVecInto", """
                        // vec_to_vec!(y, x) with the caller's y: written, then returned
                        @Differentiable(wrt = "x")
                        static double[] vecToVecInto(double[] y, double[] x) {
                            int n = x.length;
                            for (int i = 0; i < n; i++) {
                                y[i] = Math.sin(x[i]);
                                y[n + i] = Math.cos(x[i]);
                            }
                            return y;
                        }
                        """, p(new double[12], x6())),
                di("default.jl", 285, "vecToVecVoid", """
                        // vec_to_vec!(y, x) annotated itself: a void method has no result to differentiate
                        @Differentiable(wrt = "x")
                        static void vecToVecVoid(double[] y, double[] x) {
                            int n = x.length;
                            for (int i = 0; i < n; i++) {
                                y[i] = Math.sin(x[i]);
                                y[n + i] = Math.cos(x[i]);
                            }
                        }
                        """).rejected("returns void"),
                di("default.jl", 321, "vecToMat", """
                        // vec_to_mat(x) = hcat(sin.(x), cos.(x)), a 6 x 2 matrix flattened row by row
                        @Differentiable
                        static double[] vecToMat(double[] x) {
                            double[] y = new double[2 * x.length];
                            for (int i = 0; i < x.length; i++) {
                                y[2 * i] = Math.sin(x[i]);
                                y[2 * i + 1] = Math.cos(x[i]);
                            }
                            return y;
                        }
                        """, p(x6())),
                di("default.jl", 321, "vecToMatRows", """
                        // vec_to_mat(x) returned as a double[][]: rejected, with what to return instead
                        @Differentiable
                        static double[][] vecToMatRows(double[] x) {
                            double[][] y = new double[x.length][2];
                            for (int i = 0; i < x.length; i++) {
                                y[i][0] = Math.sin(x[i]);
                                y[i][1] = Math.cos(x[i]);
                            }
                            return y;
                        }
                        """).rejected("returns double[][]"),
                di("default.jl", 323, "vecToMatBang", """
                        // vec_to_mat!(y, x): y[:, 1] .= sin.(x); y[:, 2] .= cos.(x) into a 2-D local, then flattened
                        static void columns(double[][] y, double[] x) {
                            for (int i = 0; i < x.length; i++) y[i][0] = Math.sin(x[i]);
                            for (int i = 0; i < x.length; i++) y[i][1] = Math.cos(x[i]);
                        }

                        @Differentiable
                        static double[] vecToMatBang(double[] x) {
                            int n = x.length;
                            double[][] y = new double[n][2];
                            columns(y, x);
                            double[] out = new double[2 * n];
                            for (int j = 0; j < 2; j++)
                                for (int i = 0; i < n; i++) out[i + n * j] = y[i][j];
                            return out;
                        }
                        """, p(x6())),
                di("default.jl", 359, "matToVec", """
                        // mat_to_vec(x) = vcat(vec(sin.(x)), vec(cos.(x))), vec column-major
                        @Differentiable
                        static double[] matToVec(double[][] x) {
                            int rows = x.length, cols = x[0].length, n = rows * cols;
                            double[] y = new double[2 * n];
                            for (int j = 0; j < cols; j++)
                                for (int i = 0; i < rows; i++) {
                                    y[i + rows * j] = Math.sin(x[i][j]);
                                    y[n + i + rows * j] = Math.cos(x[i][j]);
                                }
                            return y;
                        }
                        """, p((Object) x23())),
                di("default.jl", 361, "matToVecBang", """
                        // mat_to_vec!(y, x): y[1:n] .= sin.(x[k]), y[n+1:2n] .= cos.(x[k]), linear index k
                        static double at(double[][] x, int k) {
                            return x[k % x.length][k / x.length];
                        }

                        static void fillSinCos(double[] y, double[][] x) {
                            int n = x.length * x[0].length;
                            for (int k = 0; k < n; k++) y[k] = Math.sin(at(x, k));
                            for (int k = 0; k < n; k++) y[n + k] = Math.cos(at(x, k));
                        }

                        @Differentiable
                        static double[] matToVecBang(double[][] x) {
                            double[] y = new double[2 * x.length * x[0].length];
                            fillSinCos(y, x);
                            return y;
                        }
                        """, p((Object) x23())),
                di("default.jl", 405, "matToMat", """
                        // mat_to_mat(x) = hcat(vec(sin.(x)), vec(cos.(x))), the 6 x 2 result flattened row by row
                        @Differentiable
                        static double[] matToMat(double[][] x) {
                            int rows = x.length;
                            double[] y = new double[2 * rows * x[0].length];
                            int k = 0;
                            for (int j = 0; j < x[0].length; j++) {
                                for (int i = 0; i < rows; i++) {
                                    y[2 * k] = Math.sin(x[i][j]);
                                    y[2 * k + 1] = Math.cos(x[i][j]);
                                    k++;
                                }
                            }
                            return y;
                        }
                        """, p((Object) x23()), p((Object)
                        m(d(0.1, -0.2), d(0.3, 0.4), d(-0.5, 0.6)))),
                di("default.jl", 283, "vecToVecFloat", """
                        // vec_to_vec in Float32
                        @Differentiable
                        static float[] vecToVecFloat(float[] x) {
                            int n = x.length;
                            float[] y = new float[2 * n];
                            for (int i = 0; i < n; i++) {
                                y[i] = (float) Math.sin(x[i]);
                                y[n + i] = (float) Math.cos(x[i]);
                            }
                            return y;
                        }
                        """, p(f(1, 2, 3, 4, 5, 6))),
                di("default.jl", 177, "arrToNumFloatMatrix", """
                        // arr_to_num_no_linalg in Float32 on a 2 x 3 matrix of smaller values
                        @Differentiable
                        static float arrToNumFloatMatrix(float[][] x) {
                            float s = 0;
                            for (float[] r : x)
                                for (float a : r)
                                    for (float[] q : x)
                                        for (float b : q) s += (float) (Math.pow(a, 4) * Math.pow(b, 6));
                            return s;
                        }
                        """, p((Object)
                        new float[][] {f(0.5f, 0.7f, 0.9f), f(0.6f, 0.8f, 1.1f)})),
                di("default.jl", 407, "matToMatFloatBang", """
                        // mat_to_mat!(y, x) in Float32: y[:, 1] .= sin.(x[k]); y[:, 2] .= cos.(x[k]) into a float[][] local
                        static void fill(float[][] y, float[][] x) {
                            int r = x.length, n = r * x[0].length;
                            for (int k = 0; k < n; k++) y[k][0] = (float) Math.sin(x[k % r][k / r]);
                            for (int k = 0; k < n; k++) y[k][1] = (float) Math.cos(x[k % r][k / r]);
                        }

                        @Differentiable
                        static float[] matToMatFloatBang(float[][] x) {
                            int n = x.length * x[0].length;
                            float[][] y = new float[n][2];
                            fill(y, x);
                            float[] out = new float[2 * n];
                            for (int k = 0; k < n; k++) {
                                out[2 * k] = y[k][0];
                                out[2 * k + 1] = y[k][1];
                            }
                            return out;
                        }
                        """, p((Object) new float[][] {f(1, 3, 5), f(2, 4, 6)})));
    }
}
