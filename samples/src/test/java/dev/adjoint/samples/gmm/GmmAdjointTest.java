package dev.adjoint.samples.gmm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * The generated gradient of the plain-Java GMM objective ({@code GmmAdjoint}, written by the build)
 * against three independent oracles: ADBench's reference values, central differences, and the
 * hand-written closed-form gradient.
 */
class GmmAdjointTest {

    /** [d alpha | d means | d icf], ADBench's layout, from the generated adjoint. */
    static double[] generated(GmmInput in, double[] valueOut) {
        double[] da = new double[in.alphas().length];
        double[] dm = new double[in.means().length];
        double[] di = new double[in.icf().length];
        valueOut[0] = GmmAdjoint.objectiveGrad(
                in.alphas().clone(),
                in.means().clone(),
                in.icf().clone(),
                in.x(),
                in.d(),
                in.k(),
                in.n(),
                in.gamma(),
                in.m(),
                da,
                dm,
                di);
        double[] g = new double[da.length + dm.length + di.length];
        System.arraycopy(da, 0, g, 0, da.length);
        System.arraycopy(dm, 0, g, da.length, dm.length);
        System.arraycopy(di, 0, g, da.length + dm.length, di.length);
        return g;
    }

    @Test
    void matchesAdbenchReferenceValues() {
        GmmInput in = GmmInput.fromResource("test.txt");
        double[] f = new double[1];
        double[] g = generated(in, f);
        assertTrue(GmmTest.distance(f[0], GmmTest.REFERENCE_F) <= 1e-12, () -> "f = " + f[0]);
        for (int i = 0; i < g.length; i++) {
            int c = i;
            assertTrue(
                    GmmTest.distance(g[i], GmmGradientTest.REFERENCE_GRADIENT[i]) <= 1e-8,
                    () -> "component " + c + ": " + g[c] + ", ADBench " + GmmGradientTest.REFERENCE_GRADIENT[c]);
        }
    }

    @Test
    void matchesCentralDifferencesAndTheHandWrittenGradient() {
        for (String file : new String[] {"gmm_d2_K5.txt", "gmm_d10_K5.txt"}) {
            GmmInput in = GmmInput.fromResource(file);
            double[] f = new double[1];
            double[] g = generated(in, f);
            double[] p = in.parameters();
            GradCheck.assertGradient(q -> Gmm.objectiveAt(in, q), p, g, 1e-6, 1e-9 * Math.max(1, Math.abs(f[0])));
            double[] hand = new double[g.length];
            GmmGradient.gradient(in, hand);
            for (int i = 0; i < g.length; i++) {
                int c = i;
                assertTrue(
                        GmmTest.distance(g[i], hand[i]) <= 1e-9,
                        () -> file + " component " + c + ": generated " + g[c] + ", hand-written " + hand[c]);
            }
        }
    }
}
