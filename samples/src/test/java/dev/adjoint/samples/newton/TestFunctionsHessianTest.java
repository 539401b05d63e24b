package dev.adjoint.samples.newton;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The generated Hessian-vector products of the Moré–Garbow–Hillstrom functions at their standard
 * starting points, column by column ({@code H·e_j}), against the Hessians written out by hand.
 */
class TestFunctionsHessianTest {
    /** The dense Hessian of rosenbrock or powellSingular at x, one generated Hvp per column. */
    private static double[][] hessian(boolean rosenbrock, double[] x) {
        int n = x.length;
        double[][] h = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            double[] g = new double[n];
            double[] hv = new double[n];
            if (rosenbrock) {
                TestFunctionsAdjoint.rosenbrockHvp(x, e, g, hv);
            } else {
                TestFunctionsAdjoint.powellSingularHvp(x, e, g, hv);
            }
            h[j] = hv; // H is symmetric: column j is row j
        }
        return h;
    }

    private static void assertMatrix(double[][] expected, double[][] actual) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertEquals(
                        expected[i][j],
                        actual[i][j],
                        1e-12 * Math.max(1, Math.abs(expected[i][j])),
                        "H[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void extendedRosenbrockAtItsStandardStart() {
        // per pair (a, b) = (-1.2, 1): f_aa = 1200a² − 400b + 2 = 1330, f_ab = −400a = 480, f_bb = 200
        double[][] pair = {{1330, 480}, {480, 200}};
        double[][] expected = new double[4][4];
        for (int block = 0; block < 4; block += 2) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    expected[block + i][block + j] = pair[i][j];
                }
            }
        }
        assertMatrix(expected, hessian(true, TestFunctions.rosenbrockStart(4)));
    }

    @Test
    void extendedPowellSingularAtItsStandardStart() {
        // (p, q, r, s) = (3, −1, 0, 1): p − s = 2, q − 2r = −1
        // H_pp = 2 + 120(p−s)² = 482, H_pq = 20, H_ps = −120(p−s)² = −480, H_qq = 200 + 12(q−2r)² = 212,
        // H_qr = −24(q−2r)² = −24, H_rr = 10 + 48(q−2r)² = 58, H_rs = −10, H_ss = 10 + 120(p−s)² = 490
        double[][] block = {{482, 20, 0, -480}, {20, 212, -24, 0}, {0, -24, 58, -10}, {-480, 0, -10, 490}};
        double[][] expected = new double[8][8];
        for (int b = 0; b < 8; b += 4) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    expected[b + i][b + j] = block[i][j];
                }
            }
        }
        assertMatrix(expected, hessian(false, TestFunctions.powellStart(8)));
    }

    @Test
    void theGradientThatHvpAddsIsGrads() {
        double[] x = TestFunctions.powellStart(8);
        double[] g1 = new double[8];
        double[] g2 = new double[8];
        TestFunctionsAdjoint.powellSingularGrad(x, g1);
        TestFunctionsAdjoint.powellSingularHvp(x, new double[8], g2, new double[8]);
        for (int i = 0; i < 8; i++) {
            assertEquals(g1[i], g2[i], 1e-12 * Math.max(1, Math.abs(g1[i])));
        }
        // and Grad against the closed form at the start: ∂f/∂p = 2(p+10q) + 40(p−s)³ = 2(−7) + 320 = 306
        assertEquals(306, g1[0], 1e-12);
    }
}
