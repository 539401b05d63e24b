package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.f;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * Reference BLAS as a Java programmer ports it (github.com/Reference-LAPACK/lapack {@code BLAS/SRC/d*.f}: column-major
 * storage with a leading dimension, strides that may be negative, {@code char} options in a classic {@code switch}, an
 * in-place triangular solve), what PyTorch's gradcheck list runs on ({@code prod} and {@code cumprod} through exact
 * zeros, {@code pow} at negative bases with integral exponents, {@code frac}; {@code method_tests} in
 * {@code test/common_methods_invocations.py}, cited as the file), Sacado's compound-assignment tests
 * ({@code Fad_CommTests.hpp}: {@code +=}, {@code -=}, {@code *=}, {@code /=}, here reading their own target and an
 * element aliased through an index table, and a {@code float} sum of {@code double} products), and FADBAD++'s
 * introductory example. Lines are 1 where the origin is a list or a page rather than one function.
 */
final class BlasTorchSacadoFunctions {
    private BlasTorchSacadoFunctions() {}

    /** A 3 × 4 matrix stored column-major with lda = 4 (one padding row of -9s, which gemv must not read). */
    private static final double[] A34 = {0.5, -1.2, 2.0, -9, 1.1, 0.4, -0.6, -9, 0.3, 0.8, 1.5, -9, -0.7, 2.2, 0.1, -9};

    /** A lower triangle stored column-major with lda = 3 (the upper part 7s, never read). */
    private static final double[] L33 = {2.0, 0.5, -1.0, 7, 1.5, 0.25, 7, 7, -0.8};

    private static final String BLAS = """
                        static int start(int n, int inc) {
                            return inc < 0 ? (1 - n) * inc : 0;
                        }

                        static void scal(int n, double alpha, double[] x, int incx) {
                            int ix = start(n, incx);
                            for (int i = 0; i < n; i++) {
                                x[ix] *= alpha;
                                ix += incx;
                            }
                        }

                        static void axpy(int n, double alpha, double[] x, int incx, double[] y, int incy) {
                            int ix = start(n, incx), iy = start(n, incy);
                            for (int i = 0; i < n; i++) {
                                y[iy] += alpha * x[ix];
                                ix += incx;
                                iy += incy;
                            }
                        }

                        static double dot(int n, double[] x, int incx, double[] y, int incy) {
                            double s = 0;
                            int ix = start(n, incx), iy = start(n, incy);
                            for (int i = 0; i < n; i++) {
                                s += x[ix] * y[iy];
                                ix += incx;
                                iy += incy;
                            }
                            return s;
                        }

                        static double nrm2(int n, double[] x, int incx) {
                            double scale = 0, ssq = 1;
                            for (int i = 0, ix = 0; i < n; i++, ix += incx) {
                                if (x[ix] != 0) {
                                    double absxi = Math.abs(x[ix]);
                                    if (scale < absxi) {
                                        ssq = 1 + ssq * (scale / absxi) * (scale / absxi);
                                        scale = absxi;
                                    } else {
                                        ssq += (absxi / scale) * (absxi / scale);
                                    }
                                }
                            }
                            return scale * Math.sqrt(ssq);
                        }

                        static void gemv(char trans, int m, int n, double alpha, double[] a, int lda, double[] x, int incx,
                                double beta, double[] y, int incy) {
                            boolean noTrans;
                            switch (trans) {
                                case 'N':
                                case 'n':
                                    noTrans = true;
                                    break;
                                case 'T':
                                case 't':
                                case 'C':
                                    noTrans = false;
                                    break;
                                default:
                                    throw new IllegalArgumentException("gemv: trans = " + trans);
                            }
                            int lenx = noTrans ? n : m, leny = noTrans ? m : n;
                            int iy = start(leny, incy);
                            for (int i = 0; i < leny; i++) {
                                y[iy] *= beta;
                                iy += incy;
                            }
                            if (noTrans) {
                                int jx = start(lenx, incx);
                                for (int j = 0; j < n; j++) {
                                    double temp = alpha * x[jx];
                                    iy = start(leny, incy);
                                    for (int i = 0; i < m; i++) {
                                        y[iy] += temp * a[i + j * lda];
                                        iy += incy;
                                    }
                                    jx += incx;
                                }
                            } else {
                                int jy = start(leny, incy);
                                for (int j = 0; j < n; j++) {
                                    double temp = 0;
                                    int ix = start(lenx, incx);
                                    for (int i = 0; i < m; i++) {
                                        temp += a[i + j * lda] * x[ix];
                                        ix += incx;
                                    }
                                    y[jy] += alpha * temp;
                                    jy += incy;
                                }
                            }
                        }

                        static void trsvLower(boolean unitDiag, int n, double[] a, int lda, double[] x) {
                            for (int j = 0; j < n; j++) {
                                if (x[j] != 0) {
                                    if (!unitDiag) {
                                        x[j] /= a[j + j * lda];
                                    }
                                    double temp = x[j];
                                    for (int i = j + 1; i < n; i++) {
                                        x[i] -= temp * a[i + j * lda];
                                    }
                                }
                            }
                        }

                        """;

    private static Ported blas(int line, String method, String body, Object[]... points) {
        return Ported.of("blas", "Reference-LAPACK/lapack", "BLAS/SRC/dgemv.f", line, method, body, points);
    }

    private static Ported torch(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("torch", "pytorch/pytorch", file, line, method, body, points);
    }

    private static Ported sacado(String file, int line, String method, String body, Object[]... points) {
        return Ported.of("sacado", "trilinos/Trilinos", file, line, method, body, points);
    }

    static List<Ported> all() {
        return List.of(
                // dgemv with a char trans (a classic switch with fall-through), lda, a negative stride; ddot, dnrm2
                blas(
                        1,
                        "gemvLoss",
                        BLAS + """
                        @Differentiable
                        static double gemvLoss(char trans, double[] a, double[] x, double[] y, double alpha, double beta) {
                            // a is 3 x 4 stored with lda = 4 (one padding row)
                            double[] out = y.clone();
                            gemv(trans, 3, 4, alpha, a, 4, x, trans == 'N' ? 2 : -2, beta, out, 1);
                            return dot(out.length, out, 1, out, -1) + nrm2(out.length, out, 1);
                        }
                        """,
                        p('N', A34, d(0.5, -1.0, 2.0, 0.25, 1.5, -0.75, 0.3, 1.1), d(0.2, -0.4, 0.9), 0.8, -1.3),
                        p('T', A34, d(0.5, -1.0, 2.0, 0.25, 1.5, -0.75), d(0.2, -0.4, 0.9, 1.2), 1.7, 0.6)),
                // dtrsv (lower, non-unit) on a copy, then dscal and daxpy with a negative stride: an array result
                blas(1, "solveLower", BLAS + """
                        @Differentiable
                        static double[] solveLower(double[] a, double[] b) {
                            double[] x = b.clone();
                            trsvLower(false, 3, a, 3, x);
                            scal(3, 2.0, x, 1);
                            axpy(3, -0.5, b, -1, x, 1);
                            return x;
                        }
                        """, p(L33, d(1.5, -0.5, 2.0))),
                // dtrsv (unit diagonal) writing into the parameter b, skipping zero entries as BLAS does
                blas(1, "solveInPlace", BLAS + """
                        @Differentiable
                        static double solveInPlace(double[] a, double[] b) {
                            trsvLower(true, 3, a, 3, b);
                            return dot(3, b, 1, b, 1);
                        }
                        """, p(L33, d(1.5, -0.5, 2.0)), p(L33, d(0.5, 1.0, -2.0))),
                // prod_single_zero: the product with one exact zero (the gradient is the product of the others)
                torch(
                                "test/common_methods_invocations.py",
                                1,
                                "prod",
                                """
                        @Differentiable
                        static double prod(double[] x) {
                            double p = 1;
                            for (double v : x) p *= v;
                            return p;
                        }
                        """,
                                p(d(0.5, 0.0, 2.0, 3.0)),
                                p(d(0.5, 1.5, 2.0, 3.0)))
                        .publishes(d(0, 3, 0, 0), 0, d(0.5, 0.0, 2.0, 3.0)),
                // cumprod over prod_zeros: running products through zeros
                torch(
                        "test/common_methods_invocations.py",
                        1,
                        "cumprod",
                        """
                        @Differentiable
                        static double[] cumprod(double[] x) {
                            double[] out = new double[x.length];
                            double p = 1;
                            for (int i = 0; i < x.length; i++) {
                                p *= x[i];
                                out[i] = p;
                            }
                            return out;
                        }
                        """,
                        p(d(0.5, 0.0, 2.0, 3.0)),
                        p(d(0.0, 0.0, 2.0))),
                // the product of all but one (an int index), through a zero
                torch(
                        "test/common_methods_invocations.py",
                        1,
                        "prodLeaveOneOut",
                        """
                        @Differentiable
                        static double prodLeaveOneOut(double[] x, int skip) {
                            double p = 1;
                            for (int i = 0; i < x.length; i++) {
                                if (i != skip) p = p * x[i];
                            }
                            return p;
                        }
                        """,
                        p(d(0.5, 0.0, 2.0, 3.0), 1),
                        p(d(0.5, 0.0, 2.0, 3.0), 2)),
                // pow with integer exponents at negative bases (literal and int parameter)
                torch("test/common_methods_invocations.py", 1, "powInt", """
                        @Differentiable
                        static double powInt(double x, int n) {
                            return Math.pow(x, 3) + Math.pow(x, n) + Math.pow(x, 2.0);
                        }
                        """, p(-2.0, 3), p(-1.5, 4), p(0.7, -2)),
                // pow(x, y) in x only: negative bases with integral y
                torch(
                        "test/common_methods_invocations.py",
                        1,
                        "powConstExponent",
                        """
                        @Differentiable(wrt = "x")
                        static double powConstExponent(double x, double y) {
                            return Math.pow(x, y);
                        }
                        """,
                        p(-1.5, 2.0),
                        p(-0.5, 3.0),
                        p(2.5, 0.5)),
                // the fractional part by an int cast, % 1.0 and a long floor
                torch("test/common_methods_invocations.py", 1, "frac", """
                        @Differentiable
                        static double frac(double x) {
                            double f = x - (int) x;
                            double g = x % 1.0;
                            long k = (long) Math.floor(x);
                            return f * g + (x - k) * 3;
                        }
                        """, p(2.3), p(-1.7)),
                // compound assignments reading their own target; elements through an index table aliasing one element
                sacado(
                        "packages/sacado/test/UnitTests/Fad_CommTests.hpp",
                        1,
                        "selfCompound",
                        """
                        @Differentiable
                        static double selfCompound(double a, double b) {
                            double c = a;
                            c += a * b;
                            c -= b / a;
                            c *= c;
                            c /= c + a;
                            double[] y = {a, b, c};
                            int[] ix = {2, 2, 0};
                            y[ix[0]] = y[ix[1]] * y[ix[0]];
                            y[ix[2]] += y[ix[2]];
                            return y[0] + y[1] + y[2];
                        }
                        """,
                        p(1.3, 0.4),
                        p(-0.8, 2.1)),
                // float += double products (the narrowing compound assignment)
                sacado(
                        "packages/sacado/test/UnitTests/Fad_CommTests.hpp",
                        1,
                        "floatAccum",
                        """
                        @Differentiable
                        static float floatAccum(float[] x) {
                            float s = 0;
                            for (int i = 0; i < x.length; i++) {
                                s += x[i] * 0.5 * Math.exp(x[i]);
                            }
                            s *= 1.5;
                            return s;
                        }
                        """,
                        p(f(0.3f, -1.2f, 0.9f))),
                // FADBAD++'s introductory example: z = sqrt(x); y z + sin(z)
                Ported.of("fadbad", "FADBAD++ (www.fadbad.com)", "tutorial", 1, "fadbad", """
                        @Differentiable
                        static double fadbad(double x, double y) {
                            double z = Math.sqrt(x);
                            return y * z + Math.sin(z);
                        }
                        """, p(2.0, 0.5)));
    }
}
