package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * The number→number, number→array, vector→number and matrix→number functions of JuliaDiff's DiffTests.jl
 * ({@code src/DiffTests.jl}, read from github.com/JuliaDiff/DiffTests.jl), the functions ForwardDiff and
 * ReverseDiff test with, written in Java from their math: a Julia vector is a {@code double[]}, a matrix a
 * {@code double[][]} (row by row; where Julia reshapes column-major, the Java walks the columns), Julia's
 * {@code sum}, {@code prod}, {@code dot}, {@code map} and slices are the small helpers and loops a Java programmer
 * writes. Julia's indices start at 1, Java's at 0.
 */
final class DiffTestsScalars {
    private DiffTestsScalars() {}

    private static final String FILE = "src/DiffTests.jl";

    private static Ported of(int line, String method, String body, Object[]... points) {
        return Ported.of("difftests", FILE, line, method, body, points);
    }

    static List<Ported> all() {
        return List.of(
                // num2num_1(x) = sin(x)^2 / cos(x)^2
                of(25, "num2num1", """
                        @Differentiable
                        static double num2num1(double x) {
                            return Math.pow(Math.sin(x), 2) / Math.pow(Math.cos(x), 2);
                        }
                        """, p(0.3), p(-1.1)),
                // num2num_2(x) = 2*x + sqrt(x*x*x)
                of(26, "num2num2", """
                        @Differentiable
                        static double num2num2(double x) {
                            return 2 * x + Math.sqrt(x * x * x);
                        }
                        """, p(0.7), p(2.5)),
                // num2num_3(x) = 10.31^(x + x) - x
                of(27, "num2num3", """
                        @Differentiable
                        static double num2num3(double x) {
                            return Math.pow(10.31, x + x) - x;
                        }
                        """, p(0.4), p(-0.8)),
                // num2num_4(x) = 1: a constant, its derivative 0
                of(28, "num2num4", """
                        @Differentiable
                        static double num2num4(double x) {
                            return 1;
                        }
                        """, p(0.4), p(-3.0)).publishes(d(0), 0, 0.4),
                // num2num_5(x) = 1. / (1. + exp(-x))
                of(29, "num2num5", """
                        @Differentiable
                        static double num2num5(double x) {
                            return 1.0 / (1.0 + Math.exp(-x));
                        }
                        """, p(0.0), p(1.7)).publishes(d(0.25), 1e-15, 0.0),
                // num2arr_1(x): the number→number functions and a difference of two, reshaped 2×2×2 (here flat)
                of(38, "num2arr1", """
                        static double num2num1(double x) {
                            return Math.pow(Math.sin(x), 2) / Math.pow(Math.cos(x), 2);
                        }

                        static double num2num2(double x) {
                            return 2 * x + Math.sqrt(x * x * x);
                        }

                        static double num2num3(double x) {
                            return Math.pow(10.31, x + x) - x;
                        }

                        @Differentiable
                        static double[] num2arr1(double x) {
                            return new double[] {num2num1(x), num2num2(x), num2num3(x), num2num1(x) - num2num2(x),
                                    num2num2(x), num2num3(x), num2num2(x), num2num3(x)};
                        }
                        """, p(0.6), p(1.3)),
                // num2arr_1!(y, x): y filled with zeros, then y[i] = (sin(x) + y[i-1])^2; here into a new array
                of(55, "num2arrInPlace", """
                        static void fillSquares(double[] y, double x) {
                            Arrays.fill(y, 0.0);
                            for (int i = 1; i < y.length; i++) {
                                y[i] = Math.pow(Math.sin(x) + y[i - 1], 2);
                            }
                        }

                        @Differentiable
                        static double[] num2arrInPlace(double x, int n) {
                            double[] y = new double[n];
                            fillSquares(y, x);
                            return y;
                        }
                        """, p(0.5, 5), p(-0.3, 4)),
                // vec2num_1(x) = (exp(x[1]) + log(x[3]) * x[4]) / x[5]
                of(69, "vec2num1", """
                        @Differentiable
                        static double vec2num1(double[] x) {
                            return (Math.exp(x[0]) + Math.log(x[2]) * x[3]) / x[4];
                        }
                        """, p(d(0.1, 0.2, 0.3, 0.4, 0.5)), p(d(1.5, -2, 2.5, -0.7, 3))),
                // vec2num_2(x) = x[1]*x[2] + sin(x[1])
                of(70, "vec2num2", """
                        @Differentiable
                        static double vec2num2(double[] x) {
                            return x[0] * x[1] + Math.sin(x[0]);
                        }
                        """, p(d(0.1, 0.2, 0.3, 0.4, 0.5)), p(d(-1.5, 2, 2.5, 0.7, 3))),
                // vec2num_3(x) = norm(x' .* x): the Frobenius norm of the outer product
                of(71, "vec2num3", """
                        @Differentiable
                        static double vec2num3(double[] x) {
                            double sumSquares = 0;
                            for (int i = 0; i < x.length; i++) {
                                for (int j = 0; j < x.length; j++) {
                                    double xij = x[i] * x[j];
                                    sumSquares += xij * xij;
                                }
                            }
                            return Math.sqrt(sumSquares);
                        }
                        """, p(d(0.1, 0.2, 0.3, 0.4, 0.5)), p(d(-1.5, 2, 2.5, 0.7, 3))),
                // vec2num_4(x) = ((sum(x) + prod(x)); 1): computes and discards, returns 1
                of(72, "vec2num4", """
                        static double sum(double[] x) {
                            double s = 0;
                            for (double v : x) {
                                s += v;
                            }
                            return s;
                        }

                        static double prod(double[] x) {
                            double p = 1;
                            for (double v : x) {
                                p *= v;
                            }
                            return p;
                        }

                        @Differentiable
                        static double vec2num4(double[] x) {
                            double ignored = sum(x) + prod(x);
                            return 1;
                        }
                        """, p(d(0.1, 0.2, 0.3, 0.4, 0.5))).publishes(d(0, 0, 0, 0, 0), 0, d(1, 2, 3, 4, 5)),
                // vec2num_5(x) = sum((-x).^3)
                of(73, "vec2num5", """
                        @Differentiable
                        static double vec2num5(double[] x) {
                            double s = 0;
                            for (int i = 0; i < x.length; i++) {
                                double negated = -x[i];
                                s += negated * negated * negated;
                            }
                            return s;
                        }
                        """, p(d(0.1, -0.2, 0.3, 0.4, 0.5)))
                        .publishes(d(-3, -12, -27, -48, -75), 1e-15, d(1, 2, 3, 4, 5)),
                // vec2num_6(x) = sum([ifelse(i > 0, i, 0) for i in x])
                of(74, "vec2num6", """
                        @Differentiable
                        static double vec2num6(double[] x) {
                            double s = 0;
                            for (double v : x) {
                                s += v > 0 ? v : 0;
                            }
                            return s;
                        }
                        """, p(d(0.1, -0.2, 0.3, -0.4, 0.5)))
                        .publishes(d(1, 0, 1, 0, 1), 0, d(1, -2, 3, -4, 5)),
                // vec2num_7(x) = sum(map(y -> x[1] * y, x))
                of(75, "vec2num7", """
                        @Differentiable
                        static double vec2num7(double[] x) {
                            double s = 0;
                            for (double y : x) {
                                s += x[0] * y;
                            }
                            return s;
                        }
                        """, p(d(0.1, -0.2, 0.3, -0.4, 0.5)), p(d(2, 1, 1, 1, 1))),
                // rosenbrock_1(x): the loop with a = 1, b = 100
                of(77, "rosenbrock1", """
                        @Differentiable
                        static double rosenbrock1(double[] x) {
                            double a = 1;
                            double b = 100 * a;
                            double result = 0;
                            for (int i = 0; i < x.length - 1; i++) {
                                result += (a - x[i]) * (a - x[i]) + b * Math.pow(x[i + 1] - x[i] * x[i], 2);
                            }
                            return result;
                        }
                        """, p(d(-1.2, 1, -1.2, 1, 0.5)), p(d(1, 1, 1, 1, 1)))
                        .publishes(d(0, 0, 0, 0, 0), 0, d(1, 1, 1, 1, 1)),
                // rosenbrock_2(x): a = x[1] active, the terms over slices x[2:end], x[1:end-1] into an array, summed
                of(87, "rosenbrock2", """
                        @Differentiable
                        static double rosenbrock2(double[] x) {
                            double a = x[0];
                            double b = 100 * a;
                            double[] tail = Arrays.copyOfRange(x, 1, x.length);
                            double[] head = Arrays.copyOfRange(x, 0, x.length - 1);
                            double[] v = new double[tail.length];
                            for (int k = 0; k < v.length; k++) {
                                double i = tail[k];
                                double j = head[k];
                                v[k] = (a - j) * (a - j) + b * (i - j * j) * (i - j * j);
                            }
                            double sum = 0;
                            for (double t : v) {
                                sum += t;
                            }
                            return sum;
                        }
                        """, p(d(-1.2, 1, -1.2, 1, 0.5)), p(d(0.3, 0.1, 0.2, 0.4, 0.5))),
                // rosenbrock_3(x) = sum(map((i, j) -> (1 - j)^2 + 100*(i - j^2)^2, x[2:end], x[1:end-1]))
                of(94, "rosenbrock3", """
                        static double term(double i, double j) {
                            return (1 - j) * (1 - j) + 100 * (i - j * j) * (i - j * j);
                        }

                        @Differentiable
                        static double rosenbrock3(double[] x) {
                            double sum = 0;
                            for (int k = 1; k < x.length; k++) {
                                sum += term(x[k], x[k - 1]);
                            }
                            return sum;
                        }
                        """, p(d(-1.2, 1, -1.2, 1, 0.5)), p(d(0.3, 0.1, 0.2, 0.4, 0.5))),
                // rosenbrock_4(x) = sum((1 .+ x[1:end-1]).^2 .+ 100 .* (abs.(x[2:end] .+ x[1:end-1].^2)).^2)
                of(96, "rosenbrock4", """
                        @Differentiable
                        static double rosenbrock4(double[] x) {
                            int n = x.length - 1;
                            double[] t1 = new double[n];
                            double[] t2 = new double[n];
                            for (int i = 0; i < n; i++) {
                                t1[i] = (1 + x[i]) * (1 + x[i]);
                                t2[i] = x[i + 1] + x[i] * x[i];
                            }
                            double sum = 0;
                            for (int i = 0; i < n; i++) {
                                sum += t1[i] + 100 * Math.pow(Math.abs(t2[i]), 2);
                            }
                            return sum;
                        }
                        """, p(d(-1.2, 1, -1.2, 1, 0.5)), p(d(0.3, -0.1, 0.2, -0.4, 0.5))),
                // ackley(x): a, b, c = 20, -0.2, 2π; for-each over x
                of(102, "ackley", """
                        @Differentiable
                        static double ackley(double[] x) {
                            double a = 20.0;
                            double b = -0.2;
                            double c = 2.0 * Math.PI;
                            double lenRecip = 1.0 / x.length;
                            double sumSqrs = 0;
                            double sumCos = 0;
                            for (double xi : x) {
                                sumCos += Math.cos(c * xi);
                                sumSqrs += xi * xi;
                            }
                            return -a * Math.exp(b * Math.sqrt(lenRecip * sumSqrs)) - Math.exp(lenRecip * sumCos) + a + Math.E;
                        }
                        """, p(d(0.1, -0.2, 0.3, -0.4, 0.5)), p(d(1.5, 0.25, -2, 0.7, 1.1))),
                // self_weighted_logit(x) = inv(1.0 + exp(-dot(x, x)))
                of(115, "selfWeightedLogit", """
                        static double dot(double[] a, double[] b) {
                            double s = 0;
                            for (int i = 0; i < a.length; i++) {
                                s += a[i] * b[i];
                            }
                            return s;
                        }

                        @Differentiable
                        static double selfWeightedLogit(double[] x) {
                            return 1.0 / (1.0 + Math.exp(-dot(x, x)));
                        }
                        """, p(d(0.1, -0.2, 0.3, -0.4, 0.5)), p(d(0.5, 0.25, -0.6, 0.7, 0.1))),
                // nested_array_mul(x) = sum(sum(x[1] * [[x[2], x[3]]])): a nested array built from the input
                of(117, "nestedArrayMul", """
                        @Differentiable
                        static double nestedArrayMul(double[] x) {
                            double[][] nested = {{x[1], x[2]}};
                            double total = 0;
                            for (double[] inner : nested) {
                                for (double v : inner) {
                                    total += x[0] * v;
                                }
                            }
                            return total;
                        }
                        """, p(d(0.1, -0.2, 0.3, -0.4, 0.5)))
                        .publishes(d(5, 2, 2, 0, 0), 1e-15, d(2, 3, 2, 9, 9)),
                // first (in VECTOR_TO_NUMBER_FUNCS)
                of(122, "first", """
                        @Differentiable
                        static double first(double[] x) {
                            return x[0];
                        }
                        """, p(d(0.1, -0.2, 0.3, -0.4, 0.5))).publishes(d(1, 0, 0, 0, 0), 0, d(7, 6, 5, 4, 3)),
                // det (in MATRIX_TO_NUMBER_FUNCS): Gaussian elimination with partial pivoting on a copy, rows swapped
                of(147, "det", """
                        @Differentiable
                        static double det(double[][] a) {
                            int n = a.length;
                            double[][] lu = new double[n][n];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < n; j++) {
                                    lu[i][j] = a[i][j];
                                }
                            }
                            double det = 1;
                            for (int k = 0; k < n; k++) {
                                int pivot = k;
                                for (int i = k + 1; i < n; i++) {
                                    if (Math.abs(lu[i][k]) > Math.abs(lu[pivot][k])) {
                                        pivot = i;
                                    }
                                }
                                if (pivot != k) {
                                    for (int j = 0; j < n; j++) {
                                        double t = lu[k][j];
                                        lu[k][j] = lu[pivot][j];
                                        lu[pivot][j] = t;
                                    }
                                    det = -det;
                                }
                                det *= lu[k][k];
                                for (int i = k + 1; i < n; i++) {
                                    double factor = lu[i][k] / lu[k][k];
                                    for (int j = k; j < n; j++) {
                                        lu[i][j] -= factor * lu[k][j];
                                    }
                                }
                            }
                            return det;
                        }
                        """, p((Object) m(d(0.5, 2, 1), d(3, -1, 0.25), d(1, 1.5, 2))))
                        .publishes(
                                // d det / d a = cofactor matrix; of [[2,1],[1,3]] it is [[3,-1],[-1,2]]
                                d(3, -1, -1, 2), 1e-14, (Object) m(d(2, 1), d(1, 3))),
                // det again, as it is often written: the rows cloned, and swapped by reference
                of(147, "detRowSwap", """
                        @Differentiable
                        static double detRowSwap(double[][] a) {
                            int n = a.length;
                            double[][] lu = new double[n][];
                            for (int i = 0; i < n; i++) {
                                lu[i] = a[i].clone();
                            }
                            double det = 1;
                            for (int k = 0; k < n; k++) {
                                int pivot = k;
                                for (int i = k + 1; i < n; i++) {
                                    if (Math.abs(lu[i][k]) > Math.abs(lu[pivot][k])) {
                                        pivot = i;
                                    }
                                }
                                if (pivot != k) {
                                    double[] row = lu[k];
                                    lu[k] = lu[pivot];
                                    lu[pivot] = row;
                                    det = -det;
                                }
                                det *= lu[k][k];
                                for (int i = k + 1; i < n; i++) {
                                    double factor = lu[i][k] / lu[k][k];
                                    for (int j = k; j < n; j++) {
                                        lu[i][j] -= factor * lu[k][j];
                                    }
                                }
                            }
                            return det;
                        }
                        """, p((Object) m(d(0.5, 2, 1), d(3, -1, 0.25), d(1, 1.5, 2))))
                        // neither strategy follows a row naming another array; the error at the clone (which a ragged
                        // local takes) names the swap, which says to exchange elements
                        .rejected("'lu[i] = a[i].clone()' copies a row into the ragged array 'lu', which works while"
                                + " no row of it names another array; 'lu[k] = lu[pivot]' at line"),
                // mat2num_2(x): a = vec(x) (column-major), tr(log.((1 .+ a*a') .+ a .- a'))
                of(130, "mat2num2", """
                        @Differentiable
                        static double mat2num2(double[][] x) {
                            int rows = x.length;
                            int cols = x[0].length;
                            double[] a = new double[rows * cols];
                            for (int j = 0; j < cols; j++) {
                                for (int i = 0; i < rows; i++) {
                                    a[j * rows + i] = x[i][j];
                                }
                            }
                            double trace = 0;
                            for (int k = 0; k < a.length; k++) {
                                trace += Math.log((1 + a[k] * a[k]) + a[k] - a[k]);
                            }
                            return trace;
                        }
                        """, p((Object) m(d(0.5, 2), d(-1, 0.25)))),
                // mat2num_3(x) = sum(map(n -> sqrt(abs(n) + n^2) * 0.5, A))
                of(136, "mat2num3", """
                        @Differentiable
                        static double mat2num3(double[][] a) {
                            double sum = 0;
                            for (double[] row : a) {
                                for (double n : row) {
                                    sum += Math.sqrt(Math.abs(n) + n * n) * 0.5;
                                }
                            }
                            return sum;
                        }
                        """, p((Object) m(d(0.5, 2, -0.75), d(-1, 0.25, 3), d(1.5, -2, 0.4)))),
                // mat2num_4(x) = mean(sum(sin.(x) * x, dims=2)): the row sums of sin(X)·X, their mean
                of(143, "mat2num4", """
                        static double[][] multiply(double[][] a, double[][] b) {
                            int n = a.length;
                            int m = b[0].length;
                            double[][] c = new double[n][m];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < m; j++) {
                                    double s = 0;
                                    for (int k = 0; k < b.length; k++) {
                                        s += a[i][k] * b[k][j];
                                    }
                                    c[i][j] = s;
                                }
                            }
                            return c;
                        }

                        @Differentiable
                        static double mat2num4(double[][] x) {
                            int n = x.length;
                            double[][] sines = new double[n][n];
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j < n; j++) {
                                    sines[i][j] = Math.sin(x[i][j]);
                                }
                            }
                            double[][] product = multiply(sines, x);
                            double total = 0;
                            for (double[] row : product) {
                                double rowSum = 0;
                                for (double v : row) {
                                    rowSum += v;
                                }
                                total += rowSum;
                            }
                            return total / n;
                        }
                        """, p((Object) m(d(0.5, 2, -0.75), d(-1, 0.25, 3), d(1.5, -2, 0.4)))),
                // softmax(x) = sum(exp.(x) ./ sum(exp.(x), dims=2)): row-wise softmax, summed (its value is the
                // number of rows, its gradient zero)
                of(145, "softmax", """
                        @Differentiable
                        static double softmax(double[][] x) {
                            double total = 0;
                            for (double[] row : x) {
                                double rowSum = 0;
                                for (double v : row) {
                                    rowSum += Math.exp(v);
                                }
                                for (double v : row) {
                                    total += Math.exp(v) / rowSum;
                                }
                            }
                            return total;
                        }
                        """, p((Object) m(d(0.5, 2, -0.75), d(-1, 0.25, 3))))
                        .publishes(d(0, 0, 0, 0), 1e-15, (Object) m(d(1, 2), d(3, 4))));
    }
}
