package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.List;

/**
 * CasADi's {@code test_MX} table ({@code test/python/ad.py:439}, github.com/casadi/casadi at 7c4670f): expressions of
 * {@code x} ∈ ℝ² and {@code y} ∈ ℝ²ˣ² with the Jacobian with respect to {@code x} the test states in closed form, in
 * Java from their math. CasADi's matrices are column-major, so a matrix result is returned as {@code vec(.)}, column
 * by column, and {@code y.nz[k]} is {@code y}'s k-th element in column order. Indexing by data ({@code xx[y[:,0], :]},
 * {@code y.nz[x]}) is an {@code (int)} conversion of the value; assignments through index lists
 * ({@code w[[1,0]] *= x}, {@code yyy[[1,0],0] = x}) are loops over {@code int[]} tables; {@code kron} and
 * {@code kron_contract} are their loops. Each entry publishes {@code seedᵀ·J} of the stated Jacobian (seed 1 for a
 * scalar, 0.5, 0.75, ... otherwise) at the test's values {@code x = (1.1, 1.3)}, {@code y = [0.7 1.5; 2.1 0.9]}
 * (or the {@code y} the entry gives).
 */
final class CasadiMx {
    private CasadiMx() {}

    static final double[] X = d(1.1, 1.3);
    static final double[][] Y = m(d(0.7, 1.5), d(2.1, 0.9));

    /** {@code seedᵀ·jac} with the suite's seed: 1 for a scalar result, 0.5, 0.75, ... for an array. */
    static double[] seedT(boolean scalar, double[][] jac) {
        double[] g = new double[jac[0].length];
        for (int i = 0; i < jac.length; i++) {
            double s = scalar ? 1 : 0.5 + 0.25 * i;
            for (int j = 0; j < g.length; j++) {
                g[j] += s * jac[i][j];
            }
        }
        return g;
    }

    /** The entries, each publishing {@code seedᵀ·J} of its stated Jacobian at its point. */
    private static final class Table {
        final List<Ported> entries = new ArrayList<>();

        void add(int line, String method, String body, double[][] jac, double[] x, double[][] y) {
            boolean scalar = body.contains("static double " + method + "(");
            double[] g = jac.length == 0 ? new double[x.length] : seedT(scalar, jac);
            entries.add(Ported.of("casadi", "casadi/casadi", "test/python/ad.py", line, method, body, p(x, y))
                    .publishes(g, 1e-12, x, y));
        }

        void add(int line, String method, String body, double[][] jac) {
            add(line, method, body, jac, X, Y);
        }
    }

    static List<Ported> all() {
        Table t = new Table();
        double x0 = X[0], x1 = X[1];
        double c0 = Math.cos(x0), c1 = Math.cos(x1), s0 = Math.sin(x0), s1 = Math.sin(x1);
        double[][] y = Y;
        t.add(
                530,
                "matvecOfSquares",
                """
                // f1_noninline([x**2, y])[1], f1(x, y) = [x + y[0,0], y @ x]: J = y * 2 [x'; x']
                static double[] f1(double[] x, double[][] y) {
                    double[] r = new double[2];
                    for (int i = 0; i < 2; i++) r[i] = y[i][0] * x[0] + y[i][1] * x[1];
                    return r;
                }

                @Differentiable(wrt = "x")
                static double[] matvecOfSquares(double[] x, double[][] y) {
                    double[] sq = {x[0] * x[0], x[1] * x[1]};
                    return f1(sq, y);
                }
                """,
                m(d(2 * y[0][0] * x0, 2 * y[0][1] * x1), d(2 * y[1][0] * x0, 2 * y[1][1] * x1)));
        double[][] y10 = m(d(1, 1.5), d(0, 0.9));
        t.add(531, "rowsByData", """
                // xx[y[:,0], :] with xx = horzcat(sin(x), cos(x)), y[:,0] = (1, 0)
                @Differentiable(wrt = "x")
                static double[] rowsByData(double[] x, double[][] y) {
                    double[][] xx = new double[2][2];
                    for (int i = 0; i < 2; i++) {
                        xx[i][0] = Math.sin(x[i]);
                        xx[i][1] = Math.cos(x[i]);
                    }
                    double[] out = new double[4];
                    for (int j = 0; j < 2; j++)
                        for (int i = 0; i < 2; i++) out[i + 2 * j] = xx[(int) y[i][0]][j];
                    return out;
                }
                """, m(d(0, c1), d(c0, 0), d(0, -s1), d(-s0, 0)), X, y10);
        t.add(532, "columnsByData", """
                // xx[:, y[:,0]]
                @Differentiable(wrt = "x")
                static double[] columnsByData(double[] x, double[][] y) {
                    double[][] xx = new double[2][2];
                    for (int i = 0; i < 2; i++) {
                        xx[i][0] = Math.sin(x[i]);
                        xx[i][1] = Math.cos(x[i]);
                    }
                    double[] out = new double[4];
                    for (int k = 0; k < 2; k++)
                        for (int i = 0; i < 2; i++) out[i + 2 * k] = xx[i][(int) y[k][0]];
                    return out;
                }
                """, m(d(-s0, 0), d(0, -s1), d(c0, 0), d(0, c1)), X, y10);
        t.add(533, "rowsAndColumnsByData", """
                // xx[y[:,0], y[:,0]]
                @Differentiable(wrt = "x")
                static double[] rowsAndColumnsByData(double[] x, double[][] y) {
                    double[][] xx = {{Math.sin(x[0]), Math.cos(x[0])}, {Math.sin(x[1]), Math.cos(x[1])}};
                    int[] idx = {(int) y[0][0], (int) y[1][0]};
                    double[] out = new double[4];
                    for (int k = 0; k < 2; k++)
                        for (int i = 0; i < 2; i++) out[i + 2 * k] = xx[idx[i]][idx[k]];
                    return out;
                }
                """, m(d(0, -s1), d(-s0, 0), d(0, c1), d(c0, 0)), X, y10);
        t.add(534, "nonzerosReplaced", """
                // y_nz = sin(y); y_nz.nz[[2,1]] = vertcat(x[1], x[0])
                @Differentiable(wrt = "x")
                static double[] nonzerosReplaced(double[] x, double[][] y) {
                    double[] out = new double[4];
                    for (int j = 0; j < 2; j++)
                        for (int i = 0; i < 2; i++) out[i + 2 * j] = Math.sin(y[i][j]);
                    int[] at = {2, 1};
                    double[] v = {x[1], x[0]};
                    for (int k = 0; k < 2; k++) out[at[k]] = v[k];
                    return out;
                }
                """, m(d(0, 0), d(1, 0), d(0, 1), d(0, 0)));
        t.add(535, "sinWithSquare", """
                // y_nzx = sin(x); y_nzx.nz[1] = x[0]**2
                @Differentiable(wrt = "x")
                static double[] sinWithSquare(double[] x, double[][] y) {
                    double[] out = {Math.sin(x[0]), Math.sin(x[1])};
                    out[1] = x[0] * x[0];
                    return out;
                }
                """, m(d(c0, 0), d(2 * x0, 0)));
        t.add(536, "nonzerosAtX", """
                // y.nz[x]: x used as indices, so the Jacobian is zero (x = (2, 1) there; (2.3, 1.6) here, off the jumps)
                @Differentiable(wrt = "x")
                static double[] nonzerosAtX(double[] x, double[][] y) {
                    double[] nz = {y[0][0], y[1][0], y[0][1], y[1][1]};
                    return new double[] {nz[(int) x[0]], nz[(int) x[1]]};
                }
                """, m(d(0, 0), d(0, 0)), d(2.3, 1.6), Y);
        t.add(537, "sinAtData", """
                // sin(x).nz[y[:,0]]
                @Differentiable(wrt = "x")
                static double[] sinAtData(double[] x, double[][] y) {
                    double[] s = new double[2];
                    for (int i = 0; i < 2; i++) s[i] = Math.sin(x[i]);
                    double[] out = new double[2];
                    for (int i = 0; i < 2; i++) out[i] = s[(int) y[i][0]];
                    return out;
                }
                """, m(d(0, c1), d(c0, 0)), X, y10);
        t.add(538, "nonzerosAtData", """
                // y_nzs = sin(y); y_nzs.nz[y[:,0]] = vertcat(x[1], x[0]), y[:,0] = (2, 1)
                @Differentiable(wrt = "x")
                static double[] nonzerosAtData(double[] x, double[][] y) {
                    double[] out = new double[4];
                    for (int j = 0; j < 2; j++)
                        for (int i = 0; i < 2; i++) out[i + 2 * j] = Math.sin(y[i][j]);
                    out[(int) y[0][0]] = x[1];
                    out[(int) y[1][0]] = x[0];
                    return out;
                }
                """, m(d(0, 0), d(1, 0), d(0, 1), d(0, 0)), X, m(d(2, 1.5), d(1, 0.9)));
        t.add(539, "squareAtData", """
                // y_nzxs = sin(x); y_nzxs.nz[y[1,0]] = x[0]**2, y[1,0] = 1
                @Differentiable(wrt = "x")
                static double[] squareAtData(double[] x, double[][] y) {
                    double[] out = {Math.sin(x[0]), Math.sin(x[1])};
                    out[(int) y[1][0]] = Math.pow(x[0], 2);
                    return out;
                }
                """, m(d(c0, 0), d(2 * x0, 0)), X, m(d(0, 1.5), d(1, 0.9)));
        t.add(540, "xAtData", """
                // x.nz[y[:,0]], y[:,0] = (1, 1)
                @Differentiable(wrt = "x")
                static double[] xAtData(double[] x, double[][] y) {
                    return new double[] {x[(int) y[0][0]], x[(int) y[1][0]]};
                }
                """, m(d(0, 1), d(0, 1)), X, m(d(1, 1.5), d(1, 0.9)));
        t.add(541, "identity", """
                // x
                @Differentiable(wrt = "x")
                static double[] identity(double[] x, double[][] y) {
                    return x.clone();
                }
                """, m(d(1, 0), d(0, 1)));
        t.add(543, "squares", """
                // x**2
                @Differentiable(wrt = "x")
                static double[] squares(double[] x, double[][] y) {
                    double[] r = new double[x.length];
                    for (int i = 0; i < x.length; i++) r[i] = Math.pow(x[i], 2);
                    return r;
                }
                """, m(d(2 * x0, 0), d(0, 2 * x1)));
        t.add(548, "plusFirstNonzero", """
                // x + y.nz[0]
                @Differentiable(wrt = "x")
                static double[] plusFirstNonzero(double[] x, double[][] y) {
                    double[] r = x.clone();
                    for (int i = 0; i < r.length; i++) r[i] += y[0][0];
                    return r;
                }
                """, m(d(1, 0), d(0, 1)));
        t.add(550, "twice", """
                // x + x
                @Differentiable(wrt = "x")
                static double[] twice(double[] x, double[][] y) {
                    return new double[] {x[0] + x[0], x[1] + x[1]};
                }
                """, m(d(2, 0), d(0, 2)));
        t.add(551, "squarePlusX", """
                // x**2 + x
                @Differentiable(wrt = "x")
                static double[] squarePlusX(double[] x, double[][] y) {
                    double[] r = new double[2];
                    for (int i = 0; i < 2; i++) r[i] = x[i] * x[i] + x[i];
                    return r;
                }
                """, m(d(2 * x0 + 1, 0), d(0, 2 * x1 + 1)));
        t.add(554, "timesCorner", """
                // x * y[0,0]
                @Differentiable(wrt = "x")
                static double[] timesCorner(double[] x, double[][] y) {
                    double[] r = new double[2];
                    for (int i = 0; i < 2; i++) r[i] = x[i] * y[0][0];
                    return r;
                }
                """, m(d(y[0][0], 0), d(0, y[0][0])));
        t.add(555, "first", """
                // x[0]
                @Differentiable(wrt = "x")
                static double first(double[] x, double[][] y) {
                    return x[0];
                }
                """, m(d(1, 0)));
        t.add(556, "firstSquared", """
                // (x**2)[0]
                @Differentiable(wrt = "x")
                static double firstSquared(double[] x, double[][] y) {
                    double[] sq = {x[0] * x[0], x[1] * x[1]};
                    return sq[0];
                }
                """, m(d(2 * x0, 0)));
        t.add(557, "total", """
                // x[0] + x[1]
                @Differentiable(wrt = "x")
                static double total(double[] x, double[][] y) {
                    return x[0] + x[1];
                }
                """, m(d(1, 1)));
        double[][] rep = new double[6][2];
        for (int k = 0; k < 3; k++) {
            rep[2 * k][0] = Math.cos(x0 * x0) * 2 * x0;
            rep[2 * k + 1][1] = Math.cos(x1 * x1) * 2 * x1;
        }
        t.add(558, "sinRepmat", """
                // sin(repmat(x**2, 1, 3)), vec of the 2 x 3 result
                @Differentiable(wrt = "x")
                static double[] sinRepmat(double[] x, double[][] y) {
                    double[] out = new double[6];
                    for (int k = 0; k < 3; k++)
                        for (int i = 0; i < 2; i++) out[i + 2 * k] = Math.sin(x[i] * x[i]);
                    return out;
                }
                """, rep);
        double r2 = x0 * x0 + x1 * x1;
        t.add(559, "sinRepsum", """
                // sin(repsum((x**2)', 1, 2)) = sin(x0^2 + x1^2)
                @Differentiable(wrt = "x")
                static double sinRepsum(double[] x, double[][] y) {
                    double s = 0;
                    for (double v : x) s += v * v;
                    return Math.sin(s);
                }
                """, m(d(Math.cos(r2) * 2 * x0, Math.cos(r2) * 2 * x1)));
        t.add(560, "swapped", """
                // vertcat(x[1], x[0])
                @Differentiable(wrt = "x")
                static double[] swapped(double[] x, double[][] y) {
                    return new double[] {x[1], x[0]};
                }
                """, m(d(0, 1), d(1, 0)));
        t.add(564, "secondSquaredCubed", """
                // vertsplit(x**2, [0,1,2])[1]**3 = x1^6
                @Differentiable(wrt = "x")
                static double secondSquaredCubed(double[] x, double[][] y) {
                    double t = x[1] * x[1];
                    return Math.pow(t, 3);
                }
                """, m(d(0, 6 * Math.pow(x1, 5))));
        double[][] diag = new double[16][2];
        diag[0][1] = 2 * x1;
        diag[15][0] = 2 * x0;
        t.add(567, "diagcat", """
                // diagcat(x[1]**2, y, x[0]**2): a 4 x 4 block diagonal, vec of it
                @Differentiable(wrt = "x")
                static double[] diagcat(double[] x, double[][] y) {
                    double[][] d = new double[4][4];
                    d[0][0] = x[1] * x[1];
                    for (int i = 0; i < 2; i++)
                        for (int j = 0; j < 2; j++) d[1 + i][1 + j] = y[i][j];
                    d[3][3] = x[0] * x[0];
                    double[] out = new double[16];
                    for (int j = 0; j < 4; j++)
                        for (int i = 0; i < 4; i++) out[i + 4 * j] = d[i][j];
                    return out;
                }
                """, diag);
        t.add(574, "squaresRepeated", """
                // (x**2)[[0,0,1,1]]
                @Differentiable(wrt = "x")
                static double[] squaresRepeated(double[] x, double[][] y) {
                    int[] idx = {0, 0, 1, 1};
                    double[] out = new double[idx.length];
                    for (int k = 0; k < idx.length; k++) out[k] = x[idx[k]] * x[idx[k]];
                    return out;
                }
                """, m(d(2 * x0, 0), d(2 * x0, 0), d(0, 2 * x1), d(0, 2 * x1)));
        t.add(575, "doubledThroughRepeats", """
                // wwr = x[:]; wwr[[0,0,1,1]] *= 2: every element becomes twice itself once (the last write wins)
                @Differentiable(wrt = "x")
                static double[] doubledThroughRepeats(double[] x, double[][] y) {
                    double[] w = x.clone();
                    int[] idx = {0, 0, 1, 1};
                    double[] t = new double[idx.length];
                    for (int k = 0; k < idx.length; k++) t[k] = w[idx[k]] * 2;
                    for (int k = 0; k < idx.length; k++) w[idx[k]] = t[k];
                    return w;
                }
                """, m(d(2, 0), d(0, 2)));
        t.add(579, "secondTimesFirst", """
                // w2 = x[:]; w2[1] *= x[0]
                @Differentiable(wrt = "x")
                static double[] secondTimesFirst(double[] x, double[][] y) {
                    double[] w = x.clone();
                    w[1] *= x[0];
                    return w;
                }
                """, m(d(1, 0), d(x1, x0)));
        t.add(581, "timesFlipped", """
                // wwf = x[:]; wwf[[1,0]] *= x
                @Differentiable(wrt = "x")
                static double[] timesFlipped(double[] x, double[][] y) {
                    double[] w = x.clone();
                    int[] idx = {1, 0};
                    for (int k = 0; k < 2; k++) w[idx[k]] *= x[k];
                    return w;
                }
                """, m(d(x1, x0), d(x1, x0)));
        t.add(583, "columnSetToSquares", """
                // yy2 = y[:, :]; yy2[:, 0] = x**2; yy2[:, 0]
                @Differentiable(wrt = "x")
                static double[] columnSetToSquares(double[] x, double[][] y) {
                    double[][] yy = new double[2][];
                    for (int i = 0; i < 2; i++) yy[i] = y[i].clone();
                    for (int i = 0; i < 2; i++) yy[i][0] = x[i] * x[i];
                    return new double[] {yy[0][0], yy[1][0]};
                }
                """, m(d(2 * x0, 0), d(0, 2 * x1)));
        t.add(584, "columnSetFlipped", """
                // yyy = y[:, :]; yyy[[1,0], 0] = x; yyy[:, 0]
                @Differentiable(wrt = "x")
                static double[] columnSetFlipped(double[] x, double[][] y) {
                    double[][] yyy = new double[2][2];
                    for (int i = 0; i < 2; i++)
                        for (int j = 0; j < 2; j++) yyy[i][j] = y[i][j];
                    int[] rows = {1, 0};
                    for (int k = 0; k < 2; k++) yyy[rows[k]][0] = x[k];
                    double[] out = new double[2];
                    for (int i = 0; i < 2; i++) out[i] = yyy[i][0];
                    return out;
                }
                """, m(d(0, 1), d(1, 0)));
        t.add(586, "rowTimesTranspose", """
                // x' @ y' = (y @ x)'
                @Differentiable(wrt = "x")
                static double[] rowTimesTranspose(double[] x, double[][] y) {
                    double[] r = new double[2];
                    for (int j = 0; j < 2; j++)
                        for (int k = 0; k < 2; k++) r[j] += x[k] * y[j][k];
                    return r;
                }
                """, y);
        t.add(589, "lowerTimesX", """
                // y[Sparsity.triplet(2, 2, [0,1,1], [0,0,1])] @ x: the lower triangle of y times x
                @Differentiable(wrt = "x")
                static double[] lowerTimesX(double[] x, double[][] y) {
                    double[] r = new double[2];
                    for (int i = 0; i < 2; i++)
                        for (int j = 0; j <= i; j++) r[i] += y[i][j] * x[j];
                    return r;
                }
                """, m(d(y[0][0], 0), d(y[1][0], y[1][1])));
        t.add(593, "sinOfSquares", """
                // sin(x**2)
                @Differentiable(wrt = "x")
                static double[] sinOfSquares(double[] x, double[][] y) {
                    double[] r = new double[2];
                    for (int i = 0; i < 2; i++) r[i] = Math.sin(x[i] * x[i]);
                    return r;
                }
                """, m(d(Math.cos(x0 * x0) * 2 * x0, 0), d(0, Math.cos(x1 * x1) * 2 * x1)));
        t.add(596, "timesNonzerosFlipped", """
                // x * y.nz[[1,0]]
                @Differentiable(wrt = "x")
                static double[] timesNonzerosFlipped(double[] x, double[][] y) {
                    double[] nz = {y[0][0], y[1][0], y[0][1], y[1][1]};
                    int[] pick = {1, 0};
                    double[] r = new double[2];
                    for (int i = 0; i < 2; i++) r[i] = x[i] * nz[pick[i]];
                    return r;
                }
                """, m(d(y[1][0], 0), d(0, y[0][0])));
        t.add(600, "dotSquaresX", """
                // dot(x**2, x)
                @Differentiable(wrt = "x")
                static double dotSquaresX(double[] x, double[][] y) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) s += (x[i] * x[i]) * x[i];
                    return s;
                }
                """, m(d(3 * x0 * x0, 3 * x1 * x1)));
        t.add(602, "detLinear", """
                // det(horzcat(x, [1; 2])) = 2 x0 - x1
                static double det2(double[][] a) {
                    return a[0][0] * a[1][1] - a[0][1] * a[1][0];
                }

                @Differentiable(wrt = "x")
                static double detLinear(double[] x, double[][] y) {
                    double[][] a = {{x[0], 1}, {x[1], 2}};
                    return det2(a);
                }
                """, m(d(2, -1)));
        t.add(603, "detBilinear", """
                // det([x0 1; 1 x1]) = x0 x1 - 1
                static double det2(double[][] a) {
                    return a[0][0] * a[1][1] - a[0][1] * a[1][0];
                }

                @Differentiable(wrt = "x")
                static double detBilinear(double[] x, double[][] y) {
                    double[][] a = new double[2][2];
                    a[0][0] = x[0];
                    a[0][1] = 1;
                    a[1][0] = 1;
                    a[1][1] = x[1];
                    return det2(a);
                }
                """, m(d(x1, x0)));
        t.add(607, "emptyProduct", """
                // f2(x**2, y) = zeros(0, 2) @ x**2: an empty result
                @Differentiable(wrt = "x")
                static double[] emptyProduct(double[] x, double[][] y) {
                    double[][] z = new double[0][2];
                    double[] r = new double[z.length];
                    for (int i = 0; i < z.length; i++)
                        for (int j = 0; j < 2; j++) r[i] += z[i][j] * x[j] * x[j];
                    return r;
                }
                """, new double[0][2]);
        t.add(615, "projected", """
                // project(x**2, sparsity [0; 1]): the first element a structural zero
                @Differentiable(wrt = "x")
                static double[] projected(double[] x, double[][] y) {
                    boolean[] keep = {false, true};
                    double[] r = new double[2];
                    for (int i = 0; i < 2; i++) r[i] = keep[i] ? x[i] * x[i] : 0;
                    return r;
                }
                """, m(d(0, 0), d(0, 2 * x1)));
        t.add(617, "crossNonzeros", """
                // x.nz[[1,0]]' * y.nz[[0,2]] = (x1 y00, x0 y01)
                @Differentiable(wrt = "x")
                static double[] crossNonzeros(double[] x, double[][] y) {
                    double[] nz = {y[0][0], y[1][0], y[0][1], y[1][1]};
                    int[] a = {1, 0};
                    int[] b = {0, 2};
                    double[] r = new double[2];
                    for (int k = 0; k < 2; k++) r[k] = x[a[k]] * nz[b[k]];
                    return r;
                }
                """, m(d(0, y[0][0]), d(y[0][1], 0)));
        double[][] kxy = new double[8][2];
        double[][] kyx = new double[8][2];
        for (int i = 0; i < 2; i++) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 2; c++) {
                    kxy[(2 * i + r) + 4 * c][i] = y[r][c];
                    kyx[(2 * r + i) + 4 * c][i] = y[r][c];
                }
            }
        }
        t.add(622, "kronXY", """
                // kron(x, y): 4 x 2, vec of it
                @Differentiable(wrt = "x")
                static double[] kronXY(double[] x, double[][] y) {
                    double[] out = new double[8];
                    for (int i = 0; i < 2; i++)
                        for (int r = 0; r < 2; r++)
                            for (int c = 0; c < 2; c++) out[(2 * i + r) + 4 * c] = x[i] * y[r][c];
                    return out;
                }
                """, kxy);
        t.add(627, "kronYX", """
                // kron(y, x): 4 x 2, vec of it
                @Differentiable(wrt = "x")
                static double[] kronYX(double[] x, double[][] y) {
                    double[][] k = new double[4][2];
                    for (int r = 0; r < 2; r++)
                        for (int c = 0; c < 2; c++)
                            for (int i = 0; i < 2; i++) k[2 * r + i][c] = y[r][c] * x[i];
                    double[] out = new double[8];
                    for (int c = 0; c < 2; c++)
                        for (int r = 0; r < 4; r++) out[r + 4 * c] = k[r][c];
                    return out;
                }
                """, kyx);
        double ssy = 0;
        for (double[] row : y) {
            for (double v : row) {
                ssy += v * v;
            }
        }
        t.add(633, "kronContractInner", """
                // kron_contract(kron(x, y), y, True) = sumsqr(y) x
                @Differentiable(wrt = "x")
                static double[] kronContractInner(double[] x, double[][] y) {
                    double[][] k = new double[4][2];
                    for (int i = 0; i < 2; i++)
                        for (int r = 0; r < 2; r++)
                            for (int c = 0; c < 2; c++) k[2 * i + r][c] = x[i] * y[r][c];
                    double[] out = new double[2];
                    for (int i = 0; i < 2; i++)
                        for (int r = 0; r < 2; r++)
                            for (int c = 0; c < 2; c++) out[i] += k[2 * i + r][c] * y[r][c];
                    return out;
                }
                """, m(d(ssy, 0), d(0, ssy)));
        t.add(
                638,
                "kronContractOuter",
                """
                // kron_contract(kron(x, y), x, False) = sumsqr(x) y, vec of it: J = 2 vec(y) x'
                @Differentiable(wrt = "x")
                static double[] kronContractOuter(double[] x, double[][] y) {
                    double[][] k = new double[4][2];
                    for (int i = 0; i < 2; i++)
                        for (int r = 0; r < 2; r++)
                            for (int c = 0; c < 2; c++) k[2 * i + r][c] = x[i] * y[r][c];
                    double[] out = new double[4];
                    for (int c = 0; c < 2; c++)
                        for (int r = 0; r < 2; r++) {
                            double s = 0;
                            for (int i = 0; i < 2; i++) s += k[2 * i + r][c] * x[i];
                            out[r + 2 * c] = s;
                        }
                    return out;
                }
                """,
                m(
                        d(2 * y[0][0] * x0, 2 * y[0][0] * x1),
                        d(2 * y[1][0] * x0, 2 * y[1][0] * x1),
                        d(2 * y[0][1] * x0, 2 * y[0][1] * x1),
                        d(2 * y[1][1] * x0, 2 * y[1][1] * x1)));
        return List.copyOf(t.entries);
    }
}
