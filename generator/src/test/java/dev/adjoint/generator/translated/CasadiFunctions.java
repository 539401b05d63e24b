package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.List;

/**
 * CasADi's own AD test functions besides {@link CasadiMx} ({@code test/python/ad.py}, github.com/casadi/casadi at
 * 7c4670f): the map of {@code setUp} ({@code (x, y, z, w) -> (x, x + 2y², x + 2y³ + 3z⁴, w)}) with its input and output
 * as a dense column, with structural zeros ("sparse": nonzeros at 0, 2, 4, 5), and reshaped into a 2 × 2 or 3 × 2
 * matrix (column-major), each publishing {@code seedᵀ·J} of the test's closed-form Jacobians at {@code n = (1.2, 2.3,
 * 7, 1.4)}; {@code test_hessian}'s {@code x + 2y³ + 3z⁴} (its Hessian published by
 * {@link DiffInterfaceCasadiSuiteTest}); {@code test_bugshape}'s {@code (x + y, x, y)} of a 5-vector with nonzeros
 * at 0 and 3.
 */
final class CasadiFunctions {
    private CasadiFunctions() {}

    static final double[] N = d(1.2, 2.3, 7, 1.4);

    /** The test's {@code jacobians["dense"]["dense"]} at {@code v}: rows are outputs, columns x, y, z, w. */
    static double[][] jacobian(double[] v) {
        double y = v[1], z = v[2];
        return m(d(1, 0, 0, 0), d(1, 4 * y, 0, 0), d(1, 6 * y * y, 12 * z * z * z, 0), d(0, 0, 0, 1));
    }

    /** {@code jac} with its rows placed at {@code rows} of {@code m} rows and columns at {@code cols} of {@code n}. */
    static double[][] placed(double[][] jac, int m, int[] rows, int n, int[] cols) {
        double[][] out = new double[m][n];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                out[rows[i]][cols[j]] = jac[i][j];
            }
        }
        return out;
    }

    private static Ported cas(int line, String method, String body, double[][] jac, Object... args) {
        boolean scalar = body.contains("static double " + method + "(");
        return Ported.of("casadi", "casadi/casadi", "test/python/ad.py", line, method, body, args)
                .publishes(CasadiMx.seedT(scalar, jac), 1e-12, args);
    }

    static List<Ported> all() {
        int[] dense = {0, 1, 2, 3};
        int[] sparse = {0, 2, 4, 5};
        double[][] j = jacobian(N);
        double[] n6 = {1.2, 0, 2.3, 0, 7, 1.4};
        double[][] n22 = m(d(1.2, 7), d(2.3, 1.4)); // reshape((x, y, z, w), 2, 2), column-major
        double[][] n32 = m(d(1.2, 0), d(0, 7), d(2.3, 1.4)); // reshape(inp, 3, 2): x (0,0), y (2,0), z (1,1), w (2,1)
        return List.of(
                cas(40, "columnDense", """
                        // setUp: out = (x, x + 2y^2, x + 2y^3 + 3z^4, w) of the column (x, y, z, w)
                        @Differentiable
                        static double[] columnDense(double[] v) {
                            double x = v[0], y = v[1], z = v[2], w = v[3];
                            return new double[] {x, x + 2 * y * y, x + 2 * Math.pow(y, 3) + 3 * Math.pow(z, 4), w};
                        }
                        """, j, (Object) N),
                cas(40, "sparseInput", """
                        // setUp: the input with structural zeros, inp[0] = x, inp[2] = y, inp[4] = z, inp[5] = w
                        @Differentiable
                        static double[] sparseInput(double[] inp) {
                            double[] out = new double[4];
                            out[0] = inp[0];
                            out[1] = inp[0] + 2 * inp[2] * inp[2];
                            out[2] = inp[0] + 2 * inp[2] * inp[2] * inp[2] + 3 * Math.pow(inp[4], 4);
                            out[3] = inp[5];
                            return out;
                        }
                        """, placed(j, 4, dense, 6, sparse), (Object) n6),
                cas(40, "sparseBoth", """
                        // setUp: sparse input and output, out[0], out[2], out[4], out[5] the nonzeros
                        static final int[] NZ = {0, 2, 4, 5};

                        @Differentiable
                        static double[] sparseBoth(double[] inp) {
                            double x = inp[NZ[0]], y = inp[NZ[1]], z = inp[NZ[2]], w = inp[NZ[3]];
                            double[] out = new double[6];
                            out[NZ[0]] = x;
                            out[NZ[1]] = x + 2 * Math.pow(y, 2);
                            out[NZ[2]] = x + 2 * Math.pow(y, 3) + 3 * Math.pow(z, 4);
                            out[NZ[3]] = w;
                            return out;
                        }
                        """, placed(j, 6, sparse, 6, sparse), (Object) n6),
                cas(40, "matrixDense", """
                        // setUp: the 2 x 2 matrix reshape((x, y, z, w), 2, 2) in, the same reshape of out, vec'd out
                        @Differentiable
                        static double[] matrixDense(double[][] m) {
                            double[] v = new double[4];
                            for (int c = 0; c < 2; c++)
                                for (int r = 0; r < 2; r++) v[r + 2 * c] = m[r][c];
                            double[] out = {v[0], v[0] + 2 * v[1] * v[1], v[0] + 2 * v[1] * v[1] * v[1], v[3]};
                            out[2] += 3 * v[2] * v[2] * v[2] * v[2];
                            return out;
                        }
                        """, placed(j, 4, dense, 4, new int[] {0, 2, 1, 3}), (Object) n22),
                cas(40, "matrixSparse", """
                        // setUp: reshape(inp, 3, 2) in (x at (0,0), y at (2,0), z at (1,1), w at (2,1)), reshape(out, 3, 2) out
                        @Differentiable
                        static double[] matrixSparse(double[][] m) {
                            double x = m[0][0], y = m[2][0], z = m[1][1], w = m[2][1];
                            double[][] out = new double[3][2];
                            out[0][0] = x;
                            out[2][0] = x + 2 * y * y;
                            out[1][1] = x + 2 * y * y * y + 3 * z * z * z * z;
                            out[2][1] = w;
                            double[] v = new double[6];
                            for (int k = 0; k < 6; k++) v[k] = out[k % 3][k / 3];
                            return v;
                        }
                        """, placed(j, 6, sparse, 6, new int[] {0, 4, 3, 5}), (Object) n32),
                cas(385, "hessianSum", """
                        // test_hessian: f = x + 2y^3 + 3z^4
                        @Differentiable
                        static double hessianSum(double[] v) {
                            return v[0] + 2 * Math.pow(v[1], 3) + 3 * Math.pow(v[2], 4);
                        }
                        """, m(d(1, 6 * 2.3 * 2.3, 12 * 7 * 7 * 7)), (Object) d(1.2, 2.3, 7)),
                cas(401, "bugshape", """
                        // test_bugshape: (x + y, x, y) of a 5-vector with x at 0 and y at 3
                        @Differentiable
                        static double[] bugshape(double[] inp) {
                            double x = inp[0], y = inp[3];
                            return new double[] {x + y, x, y};
                        }
                        """, m(d(1, 0, 0, 1, 0), d(1, 0, 0, 0, 0), d(0, 0, 0, 1, 0)), (Object)
                        d(2, 0, 0, 7, 0)));
    }

    /** test_hessian's Hessian, diag(0, 12y, 36z²) at (1.2, 2.3, 7), by columns. */
    static List<HvpChecks.Published> hessianSumColumns() {
        double[] at = {1.2, 2.3, 7};
        return List.of(
                new HvpChecks.Published(d(1, 0, 0), d(0, 0, 0), 1e-12, p((Object) at)),
                new HvpChecks.Published(d(0, 1, 0), d(0, 12 * 2.3, 0), 1e-12, p((Object) at)),
                new HvpChecks.Published(d(0, 0, 1), d(0, 0, 36 * 49), 1e-12, p((Object) at)));
    }
}
