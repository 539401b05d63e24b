package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * DifferentiationInterfaceTest.jl's sparse, allocation-free and modified scenarios ({@code sparse.jl},
 * {@code allocfree.jl}, {@code modify.jl}; see {@link DiffInterfaceFunctions}): squared and cubed differences
 * ({@code diff(x) .^ 2}, the in-place {@code y .= x2 .- x1; y .^= 3} that overwrites its output), their stacking for
 * matrix inputs through views ({@code diffsquare!(view(y, 1:(mn - 1)), vec(x))}, written as an offset), the sum of
 * cubed differences (tridiagonal Hessian), the banded linear map {@code A * abs2.(x)} and quadratic form
 * {@code dot(abs2.(x), A, abs2.(x))} on 50 points with band 5, {@code identity}, {@code sum}, {@code copyto!}, and
 * the modifiers {@code MultiplyByConstant} (a constant non-{@code wrt} factor) and {@code StoreInCache} (the result
 * written into a cache argument outside {@code wrt}, then copied out of it: the gradient flows through the cache).
 */
final class DiffInterfaceSparse {
    private DiffInterfaceSparse() {}

    private static Ported di(String file, int line, String method, String body, Object[]... points) {
        return Ported.of(
                "di",
                DiffInterfaceFunctions.REPO,
                "DifferentiationInterfaceTest/src/scenarios/" + file,
                line,
                method,
                body,
                points);
    }

    /** Julia's {@code float.(range(1, 2, 50))}. */
    static double[] x50() {
        double[] x = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = 1 + i / 49.0;
        }
        return x;
    }

    /**
     * A fixed 50 × 50 upper-banded matrix with band {@code b} ({@code spdiagm(n, n, k => v_k for k in 0:b)}; the
     * scenario draws the band with {@code rand}, this one takes deterministic values in (0, 1)).
     */
    static double[][] banded(int b) {
        double[][] a = new double[50][50];
        for (int i = 0; i < 50; i++) {
            for (int k = 0; k <= b && i + k < 50; k++) {
                a[i][i + k] = 0.5 + 0.45 * Math.sin(1.7 * i + 0.9 * k + 0.3);
            }
        }
        return a;
    }

    static List<Ported> all() {
        double[][] a5 = banded(5);
        return List.of(
                di("sparse.jl", 3, "diffsquare", """
                        // diffsquare(x) = diff(x) .^ 2
                        @Differentiable
                        static double[] diffsquare(double[] x) {
                            double[] y = new double[x.length - 1];
                            for (int i = 0; i < y.length; i++) {
                                double t = x[i + 1] - x[i];
                                y[i] = t * t;
                            }
                            return y;
                        }
                        """, p(DiffInterfaceFunctions.x6()), p(d(0.3, -0.2, 0.9, 0.1))),
                di("sparse.jl", 14, "diffcubeBang", """
                        // diffcube!(y, x): y .= x2 .- x1; y .^= 3, the output overwritten in place
                        static void diffcubeInto(double[] y, double[] x) {
                            for (int i = 0; i < y.length; i++) y[i] = x[i + 1] - x[i];
                            for (int i = 0; i < y.length; i++) y[i] = Math.pow(y[i], 3);
                        }

                        @Differentiable
                        static double[] diffcubeBang(double[] x) {
                            double[] y = new double[x.length - 1];
                            diffcubeInto(y, x);
                            return y;
                        }
                        """, p(DiffInterfaceFunctions.x6()), p(d(0.3, -0.2, 0.9, 0.1))),
                di("sparse.jl", 53, "diffsquarecubeMatvec", """
                        // diffsquarecube_matvec(x) = vcat(diffsquare(vec(x)), diffcube(vec(x)))
                        static double[] vec(double[][] x) {
                            int r = x.length, c = x[0].length;
                            double[] v = new double[r * c];
                            for (int j = 0; j < c; j++)
                                for (int i = 0; i < r; i++) v[i + r * j] = x[i][j];
                            return v;
                        }

                        static double[] diffPow(double[] v, int p) {
                            double[] y = new double[v.length - 1];
                            for (int i = 0; i < y.length; i++) y[i] = Math.pow(v[i + 1] - v[i], p);
                            return y;
                        }

                        @Differentiable
                        static double[] diffsquarecubeMatvec(double[][] x) {
                            double[] v = vec(x);
                            double[] sq = diffPow(v, 2);
                            double[] cu = diffPow(v, 3);
                            double[] y = new double[sq.length + cu.length];
                            System.arraycopy(sq, 0, y, 0, sq.length);
                            System.arraycopy(cu, 0, y, sq.length, cu.length);
                            return y;
                        }
                        """, p((Object) DiffInterfaceFunctions.x23())),
                di("sparse.jl", 57, "diffsquarecubeMatvecBang", """
                        // diffsquarecube_matvec!(y, x): diffsquare!(view(y, 1:(mn-1)), vec(x)), then diffcube! after it
                        static void diffPowInto(double[] y, int off, double[][] x, int p) {
                            int r = x.length, n = r * x[0].length;
                            for (int k = 0; k + 1 < n; k++) {
                                y[off + k] = x[(k + 1) % r][(k + 1) / r] - x[k % r][k / r];
                            }
                            for (int k = 0; k + 1 < n; k++) {
                                y[off + k] = p == 2 ? y[off + k] * y[off + k] : y[off + k] * y[off + k] * y[off + k];
                            }
                        }

                        @Differentiable
                        static double[] diffsquarecubeMatvecBang(double[][] x) {
                            int n = x.length * x[0].length;
                            double[] y = new double[2 * (n - 1)];
                            diffPowInto(y, 0, x, 2);
                            diffPowInto(y, n - 1, x, 3);
                            return y;
                        }
                        """, p((Object) DiffInterfaceFunctions.x23())),
                di("sparse.jl", 153, "sumdiffcube", """
                        // sumdiffcube(x) = sum(diffcube(x))
                        @Differentiable
                        static double sumdiffcube(double[] x) {
                            double s = 0;
                            for (int i = 0; i + 1 < x.length; i++) s += Math.pow(x[i + 1] - x[i], 3);
                            return s;
                        }
                        """, p(DiffInterfaceFunctions.x6()), p(d(0.3, -0.2, 0.9, 0.1))),
                di("sparse.jl", 193, "sumdiffcubeMat", """
                        // sumdiffcube_mat(x) = sum(diffcube(vec(x))), consecutive elements in column order
                        @Differentiable
                        static double sumdiffcubeMat(double[][] x) {
                            int r = x.length, n = r * x[0].length;
                            double s = 0;
                            for (int k = 0; k + 1 < n; k++) {
                                double t = x[(k + 1) % r][(k + 1) / r] - x[k % r][k / r];
                                s += t * t * t;
                            }
                            return s;
                        }
                        """, p((Object) DiffInterfaceFunctions.x23())),
                di("sparse.jl", 233, "squareLinearMap", """
                        // (s::SquareLinearMap)(x) = s.A * abs2.(vec(x)), A banded
                        @Differentiable(wrt = "x")
                        static double[] squareLinearMap(double[] x, double[][] a) {
                            double[] y = new double[a.length];
                            for (int i = 0; i < a.length; i++) {
                                double s = 0;
                                for (int j = 0; j < x.length; j++) s += a[i][j] * (x[j] * x[j]);
                                y[i] = s;
                            }
                            return y;
                        }
                        """, p(x50(), a5)),
                di("sparse.jl", 237, "squareLinearMapBang", """
                        // (s::SquareLinearMap)(y, x): vec(y) .= s.A * abs2.(vec(x)), the band only
                        static void band(double[] y, double[] x, double[][] a, int b) {
                            Arrays.fill(y, 0.0);
                            for (int i = 0; i < y.length; i++)
                                for (int j = i; j <= i + b && j < x.length; j++) y[i] += a[i][j] * Math.abs(x[j]) * Math.abs(x[j]);
                        }

                        @Differentiable(wrt = "x")
                        static double[] squareLinearMapBang(double[] x, double[][] a, int b) {
                            double[] y = new double[x.length];
                            band(y, x, a, b);
                            return y;
                        }
                        """, p(x50(), a5, 5)),
                di("sparse.jl", 277, "squareQuadraticForm", """
                        // (s::SquareQuadraticForm)(x): v = abs2.(vec(x)); dot(v, s.A, v)
                        @Differentiable(wrt = "x")
                        static double squareQuadraticForm(double[] x, double[][] a) {
                            int n = x.length;
                            double[] v = new double[n];
                            for (int i = 0; i < n; i++) v[i] = x[i] * x[i];
                            double s = 0;
                            for (int i = 0; i < n; i++) {
                                double row = 0;
                                for (int j = 0; j < n; j++) row += a[i][j] * v[j];
                                s += v[i] * row;
                            }
                            return s;
                        }
                        """, p(x50(), a5)),
                di("allocfree.jl", 2, "identity", """
                        // identity
                        @Differentiable
                        static double identity(double x) {
                            return x;
                        }
                        """, p(0.42)),
                di("allocfree.jl", 15, "sum", """
                        // sum
                        @Differentiable
                        static double sum(double[] x) {
                            double s = 0;
                            for (double v : x) s += v;
                            return s;
                        }
                        """, p(DiffInterfaceFunctions.x6())),
                di("allocfree.jl", 29, "copyTo", """
                        // copyto!(y, x)
                        @Differentiable
                        static double[] copyTo(double[] x) {
                            double[] y = new double[x.length];
                            System.arraycopy(x, 0, y, 0, x.length);
                            return y;
                        }
                        """, p(DiffInterfaceFunctions.x6())),
                di("modify.jl", 110, "multiplyByConstant", """
                        // MultiplyByConstant{:out}(x, a) = a * f(x), f = vec_to_vec, a = 3 a constant
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

                        @Differentiable(wrt = "x")
                        static double[] multiplyByConstant(double[] x, double a) {
                            double[] y = vecToVec(x);
                            for (int i = 0; i < y.length; i++) y[i] *= a;
                            return y;
                        }
                        """, p(DiffInterfaceFunctions.x6(), 3.0)),
                di("modify.jl", 110, "scaledArrToNum", """
                        // MultiplyByConstant{:out}(x, a) on arr_to_num: a * (sum x^4)(sum x^6)
                        @Differentiable(wrt = "x")
                        static double scaledArrToNum(double[] x, double a) {
                            double s4 = 0, s6 = 0;
                            for (double v : x) {
                                double v2 = v * v;
                                s4 += v2 * v2;
                                s6 += v2 * v2 * v2;
                            }
                            return a * (s4 * s6);
                        }
                        """, p(d(0.3, -0.7, 1.1), 3.0)),
                di("modify.jl", 164, "storeInCache", """
                        // StoreInCache{:in}(y, x, y_cache): f!(y_cache, x); copyto!(y, y_cache), f! = vec_to_vec!
                        @Differentiable(wrt = "x")
                        static double[] storeInCache(double[] x, double[] cache) {
                            int n = x.length;
                            for (int i = 0; i < n; i++) {
                                cache[i] = Math.sin(x[i]);
                                cache[n + i] = Math.cos(x[i]);
                            }
                            double[] y = cache.clone();
                            return y;
                        }
                        """, p(DiffInterfaceFunctions.x6(), new double[12])),
                di("modify.jl", 153, "storeScalarInCache", """
                        // StoreInCache{:out}(x, y_cache) for a number: y_cache[1] = f(x); return y_cache[1]
                        @Differentiable(wrt = "x")
                        static double storeScalarInCache(double[] x, double[] cache) {
                            double s4 = 0, s6 = 0;
                            for (double v : x) {
                                s4 += Math.pow(v, 4);
                                s6 += Math.pow(v, 6);
                            }
                            cache[0] = s4 * s6;
                            return cache[0];
                        }
                        """, p(d(0.3, -0.7, 1.1), new double[1])));
    }
}
