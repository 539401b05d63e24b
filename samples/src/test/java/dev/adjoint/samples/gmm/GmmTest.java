package dev.adjoint.samples.gmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GmmTest {
    /** ADBench's unit-test value of f on gmm/test.txt. */
    static final double REFERENCE_F = 8.07380408004975791;

    /** ADBench's agreement metric: |a − b| / max(1, |a| + |b|). */
    static double distance(double a, double b) {
        return Math.abs(a - b) / Math.max(1.0, Math.abs(a) + Math.abs(b));
    }

    @Test
    void objectiveOnTheAdbenchTestInstanceMatchesItsReference() {
        double f = Gmm.objective(GmmInput.fromResource("test.txt"));
        assertTrue(distance(f, REFERENCE_F) <= 1e-12, () -> "f = " + f + ", ADBench " + REFERENCE_F);
    }

    @Test
    void objectiveIsFiniteWhenComponentsAreFarFromThePoints() {
        // every b_ic near −1e6: a logsumexp without its max would give ln(0) = −∞
        GmmInput in = GmmInput.fromResource("test.txt");
        double[] means = in.means().clone();
        for (int i = 0; i < means.length; i++) {
            means[i] += 1000.0;
        }
        GmmInput far = new GmmInput(in.d(), in.k(), in.n(), in.alphas(), means, in.icf(), in.x(), in.gamma(), in.m());
        double f = Gmm.objective(far);
        assertTrue(Double.isFinite(f) && f < -1e5, () -> "f = " + f);
    }

    @Test
    void lnGammaAtHalfIntegersIsExact() {
        assertEquals(0.5 * Math.log(Math.PI), Gmm.lnGammaHalf(1), 1e-15); // Γ(½) = √π
        assertEquals(0.0, Gmm.lnGammaHalf(2), 0.0); // Γ(1) = 1
        assertEquals(Math.log(Math.sqrt(Math.PI) / 2), Gmm.lnGammaHalf(3), 1e-15);
        assertEquals(0.0, Gmm.lnGammaHalf(4), 0.0); // Γ(2) = 1
        assertEquals(Math.log(945 * Math.sqrt(Math.PI) / 32), Gmm.lnGammaHalf(11), 1e-14);
        assertEquals(Math.log(3628800.0), Gmm.lnGammaHalf(22), 1e-14); // Γ(11) = 10!
        for (int t = 1; t <= 200; t++) {
            double expected = lanczosLnGamma(0.5 * t);
            assertTrue(distance(Gmm.lnGammaHalf(t), expected) <= 1e-14, "t = " + t);
        }
    }

    @Test
    void wishartConstantFollowsAdbenchsFormula() {
        for (int d : new int[] {1, 2, 10, 64}) {
            for (int m : new int[] {0, 1, 3}) {
                for (double gamma : new double[] {1.0, 0.3, 2.5}) {
                    int wn = d + m + 1;
                    double lgd = 0.25 * d * (d - 1) * Math.log(3.14159265359);
                    for (int j = 1; j <= d; j++) {
                        lgd += lanczosLnGamma(0.5 * wn + 0.5 * (1 - j));
                    }
                    double expected = wn * d * (Math.log(gamma) - 0.5 * Math.log(2)) - lgd;
                    double actual = Gmm.wishartConstant(d, gamma, m);
                    assertTrue(distance(actual, expected) <= 1e-13, () -> "C = " + actual + ", expected " + expected);
                }
            }
        }
    }

    @Test
    void theObjectivesInlinedConstantAgreesWithTheHelper() {
        // the objective must inline C (the generator's input calls only java.lang.Math); the
        // hand gradient uses Gmm.wishartConstant, so equal f values show the two agree
        GmmInput base = GmmInput.fromResource("gmm_d2_K5.txt");
        for (int m : new int[] {0, 2}) {
            for (double gamma : new double[] {1.0, 0.4}) {
                GmmInput in = new GmmInput(
                        base.d(), base.k(), base.n(), base.alphas(), base.means(), base.icf(), base.x(), gamma, m);
                double f = Gmm.objective(in);
                double hand = GmmGradient.gradient(in, new double[in.parameterCount()]);
                assertTrue(distance(f, hand) <= 1e-13, () -> "objective " + f + ", hand " + hand);
            }
        }
    }

    /** An independent lnΓ for z ≥ ½: Lanczos (g = 7, 9 terms), accurate to about 1e-15. */
    static double lanczosLnGamma(double z) {
        double[] c = {
            0.99999999999980993,
            676.5203681218851,
            -1259.1392167224028,
            771.32342877765313,
            -176.61502916214059,
            12.507343278686905,
            -0.13857109526572012,
            9.9843695780195716e-6,
            1.5056327351493116e-7
        };
        double zm = z - 1;
        double a = c[0];
        double t = zm + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (zm + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (zm + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
