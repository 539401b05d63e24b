package dev.adjoint.samples.gmm;

import static dev.adjoint.samples.gmm.GmmTest.distance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GmmGradientTest {
    /** ADBench's unit-test gradient on gmm/test.txt, layout [alphas | means | icf]. */
    static final double[] REFERENCE_GRADIENT = {
        0.108662855508652456, -0.741270039523898472, 0.632607184015246071,
        1.11692576532787013, 0.163333013551455269, -0.0219989824071193142,
        0.227778292254236098, 1.20963025612832187, -0.0606375920733956339,
        2.58529994051162237, 0.112632694524213789, 0.385744309849611777,
        0.0735180573182305508, 5.41836362715595232, -0.321494409677446469,
        1.71892309775004937, 0.860091090790866875, -0.994640930466322848
    };

    @Test
    void matchesAdbenchsReferenceGradientAndValue() {
        GmmInput in = GmmInput.fromResource("test.txt");
        double[] g = new double[in.parameterCount()];
        double f = GmmGradient.gradient(in, g);
        assertTrue(distance(f, GmmTest.REFERENCE_F) <= 1e-12, () -> "f = " + f);
        for (int i = 0; i < g.length; i++) {
            int c = i;
            assertTrue(
                    distance(g[i], REFERENCE_GRADIENT[i]) <= 1e-8,
                    () -> "component " + c + ": " + g[c] + ", ADBench " + REFERENCE_GRADIENT[c]);
        }
    }

    @Test
    void overwritesItsOutputRatherThanAccumulating() {
        GmmInput in = GmmInput.fromResource("test.txt");
        double[] once = new double[in.parameterCount()];
        GmmGradient.gradient(in, once);
        double[] twice = new double[in.parameterCount()];
        Arrays.fill(twice, 123.0);
        GmmGradient.gradient(in, twice);
        GmmGradient.gradient(in, twice);
        assertArrayEquals(once, twice, 0.0);
        assertThrows(IllegalArgumentException.class, () -> GmmGradient.gradient(in, new double[17]));
    }

    @Test
    void agreesWithCentralDifferencesOnTheTestInstance() {
        checkAgainstCentralDifferences(GmmInput.fromResource("test.txt"));
    }

    @Test
    void agreesWithCentralDifferencesOnD2K5InEveryComponent() {
        checkAgainstCentralDifferences(GmmInput.fromResource("gmm_d2_K5.txt"));
    }

    @Test
    void agreesWithCentralDifferencesOnD10K5InEveryComponent() {
        checkAgainstCentralDifferences(GmmInput.fromResource("gmm_d10_K5.txt"));
    }

    @Test
    void agreesWithCentralDifferencesWithAnActivePrior() {
        // ADBench's files all say gamma = 1, m = 0; other values exercise the γ² and m terms
        GmmInput base = GmmInput.fromResource("gmm_d10_K5.txt");
        GmmInput in = new GmmInput(
                base.d(),
                base.k(),
                200,
                base.alphas(),
                base.means(),
                base.icf(),
                Arrays.copyOf(base.x(), 200 * base.d()),
                0.6,
                3);
        checkAgainstCentralDifferences(in);
    }

    @Test
    void theCheckCatchesAnErrorOfOnePartInTenThousand() {
        // guards the tolerances below: loose enough for rounding, tight enough to matter
        GmmInput in = GmmInput.fromResource("gmm_d2_K5.txt");
        double[] p = in.parameters();
        double[] g = new double[p.length];
        double f = GmmGradient.gradient(in, g);
        for (int i : new int[] {0, 5, 15, 16, p.length - 1}) { // an alpha, a mean, icf diagonal and below
            double[] wrong = g.clone();
            wrong[i] += 1e-4 * Math.max(1.0, Math.abs(g[i]));
            GradCheck.Report r = GradCheck.check(q -> Gmm.objectiveAt(in, q), p, wrong, RTOL, atol(f));
            assertTrue(!r.passed() && r.worstComponent() == i, "component " + i + ": " + r.describe());
        }
    }

    private static final double RTOL = 1e-6;

    /**
     * The absolute tolerance at objective value {@code f}. Central differences lose about
     * {@code eps·|f|/h ≈ 3.7e-11·|f|} to rounding (the observed worst is about 1.6e-10·|f| on
     * gmm_d10_K5, where |f| ≈ 3e4), so the error floor scales with {@code |f|}, not with the gradient.
     */
    private static double atol(double f) {
        return 1e-9 * Math.max(1.0, Math.abs(f));
    }

    /** GradCheck of the hand gradient against central differences, every component. */
    private static void checkAgainstCentralDifferences(GmmInput in) {
        double[] p = in.parameters();
        double[] g = new double[p.length];
        double f = GmmGradient.gradient(in, g);
        GradCheck.assertGradient(q -> Gmm.objectiveAt(in, q), p, g, RTOL, atol(f));
    }
}
