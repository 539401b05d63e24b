package corpus;

import dev.adjoint.Differentiable;

/** double[][] parameters and locals: reads, writes in place, jagged rows, calls; both strategies. */
public class Matrices {

    // a quadratic form x' A x
    //@at ({{1.0, 0.5}, {-0.3, 2.0}}, {0.7, -1.2})
    //@at ({{0.2, -0.4, 1.1}, {0.9, 0.3, -0.6}, {0.5, 0.8, 1.4}}, {0.3, 0.1, -0.5})
    @Differentiable
    static double quadraticForm(double[][] a, double[] x) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += x[i] * a[i][j] * x[j];
            }
        }
        return s;
    }

    // the Frobenius norm and the trace, a matrix not differentiated
    //@at ({{1.0, 0.5}, {-0.3, 2.0}}, {{0.7, -1.2}, {0.1, 0.4}})
    //@at ({{0.2, -0.4, 1.1}, {0.9, 0.3, -0.6}, {0.5, 0.8, 1.4}}, {{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}})
    @Differentiable(wrt = "a")
    static double normAndTrace(double[][] a, double[][] b) {
        double f = 0;
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i][i] * b[i][i];
            for (int j = 0; j < a[i].length; j++) {
                f += a[i][j] * a[i][j];
            }
        }
        return Math.sqrt(f) + t;
    }

    // a 2-D wrt parameter written in place, row by row, each element from its left neighbour
    //@at ({{1.0, 0.5, 0.2}, {-0.3, 2.0, 0.9}})
    //@at ({{0.2, -0.4}, {0.9, 0.3}, {0.5, 0.8}})
    @Differentiable
    static double rowPrefixProducts(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 1; j < m[i].length; j++) {
                m[i][j] = m[i][j] * m[i][j - 1];
            }
        }
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            s += m[i][m[i].length - 1];
        }
        return s;
    }

    // jagged rows (a triangle)
    //@at ({{1.0}, {-0.3, 2.0}, {0.5, 0.8, 1.4}})
    //@at ({{0.2, 0.7}, {0.9}})
    @Differentiable
    static double jagged(double[][] t) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            double row = 0;
            for (int j = 0; j < t[i].length; j++) {
                row = row + t[i][j] * (j + 1);
            }
            s = s + Math.tanh(row);
        }
        return s;
    }

    // a product of two matrices into a local 2-D array, then its trace
    //@at ({{1.0, 0.5}, {-0.3, 2.0}}, {{0.7, -1.2}, {0.1, 0.4}})
    //@at ({{0.2, -0.4, 1.1}, {0.9, 0.3, -0.6}}, {{0.5, 0.8}, {1.4, -0.2}, {0.3, 0.6}})
    @Differentiable
    static double productTrace(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += c[i][i] * c[i][i];
        }
        return t;
    }

    // a 2-D argument passed to another @Differentiable method (read-only)
    //@at ({{1.0, 0.5}, {-0.3, 2.0}}, 0.7)
    //@at ({{0.2, -0.4, 1.1}, {0.9, 0.3, -0.6}}, -0.5)
    @Differentiable
    static double callsWithMatrix(double[][] m, double c) {
        double s = 0;
        for (int r = 0; r < m.length; r++) {
            s += rowNorm2(m, r) * c + m[r][0];
        }
        return s;
    }

    //@at ({{1.0, 0.5}, {-0.3, 2.0}}, 1)
    //@at ({{0.2, -0.4, 1.1}, {0.9, 0.3, -0.6}}, 0)
    @Differentiable
    static double rowNorm2(double[][] m, int r) {
        double s = 0;
        for (int j = 0; j < m[r].length; j++) {
            s += m[r][j] * m[r][j];
        }
        return s;
    }

    // a 2-D local filled from a 1-D parameter, with branches on its elements
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double outerProductBranches(double[] v) {
        double[][] o = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                o[i][j] = v[i] * v[j];
                if (o[i][j] < 0) {
                    o[i][j] = -o[i][j] * 0.5;
                }
            }
        }
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += o[i][(i + 1) % v.length] + o[i][i];
        }
        return s;
    }

    // a scratch array per row, of that row's length: one array of the longest row's length, from the pool
    //@at ({{1.0, 0.5}, {-0.3, 2.0, 0.9}})
    //@at ({{0.2}, {0.9, 0.3}, {0.5, 0.8, -1.4}})
    @Differentiable
    static double rowScratch(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            double[] sq = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                sq[j] = Math.sin(m[i][j]) * m[i][j];
            }
            for (int j = 0; j < sq.length; j++) {
                s += sq[j] * sq[(j + 1) % sq.length];
            }
        }
        return s;
    }

    // a row passed to other @Differentiable methods, one reading it, one writing it: their bodies stand
    // for the calls (the static strategy passes arrays by name only), so both follow the row exactly
    //@at ({{1.0, 0.5}, {-0.3, 2.0, 0.9}}, 0.7)
    //@at ({{0.2}, {0.9, 0.3}, {0.5, 0.8, -1.4}}, -1.1)
    @Differentiable
    static double rowsThroughCalls(double[][] m, double c) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            s += Math.sin(sumOfSquares(m[i])) * m[i][0];
            scaleInPlace(m[i], c);
        }
        for (int i = 0; i < m.length; i++) {
            s += m[i][m[i].length - 1] * c;
        }
        return s;
    }

    //@at ({1.0, -0.5, 2.0})
    //@at ({0.3})
    @Differentiable
    static double sumOfSquares(double[] v) {
        double s = 0;
        for (int j = 0; j < v.length; j++) {
            s += v[j] * v[j];
        }
        return s;
    }

    //@at ({1.0, -0.5, 2.0}, 0.7)
    //@at ({0.3}, -1.2)
    @Differentiable
    static double scaleInPlace(double[] v, double c) {
        for (int j = 0; j < v.length; j++) {
            v[j] = v[j] * c + Math.tanh(v[j]);
        }
        return v[0];
    }

    // a row's alias in a while loop's body, read before the update of its index that ends the body
    // (the alias means X[i] up to there)
    //@at ({{0.3, -0.7, 1.1}, {-1.2, 0.4, 2.0}}, 0.5)
    //@at ({{0.6, 0.2}, {-0.4, 1.3}, {0.9, -0.8}}, -0.8)
    @Differentiable
    static double rowAliasBeforeIndexUpdate(double[][] X, double a) {
        double s = 0;
        int i = 0;
        while (i < X.length) {
            double[] row = X[i];
            s += row[0] * Math.sin(a * row[row.length - 1]);
            i++;
            s += X[i % X.length][0] * a;
        }
        return s;
    }
}
