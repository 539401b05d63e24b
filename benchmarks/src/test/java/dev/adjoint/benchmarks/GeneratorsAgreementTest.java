package dev.adjoint.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.benchmarks.before.GmmAdjointBefore;
import dev.adjoint.benchmarks.before.GmmObjectiveTapeAdjointBefore;
import dev.adjoint.benchmarks.gmm.GmmData;
import dev.adjoint.benchmarks.gmm.GmmObjectiveTapeAdjoint;
import dev.adjoint.check.GradCheck;
import dev.adjoint.samples.gmm.Gmm;
import dev.adjoint.samples.gmm.GmmAdjoint;
import dev.adjoint.samples.gmm.GmmGradient;
import dev.adjoint.samples.gmm.GmmInput;
import org.junit.jupiter.api.Test;

/**
 * What {@link GeneratorsBench} times must be right: on a small GMM, the adjoints of this build's
 * generator and of the older one (the fixture {@code dev.adjoint.benchmarks.before}) return the
 * objective's value and agree with the hand-written gradient (rtol 1e-6), and the older ones with
 * central differences as well, so that the fixture is checked by an oracle that owes nothing to
 * either generator. Repeated calls also check that the older code leaves the thread's stacks and
 * pooled arrays of this build's runtime as it found them (a second call gives the same gradient).
 */
class GeneratorsAgreementTest {
    private static final double RTOL = 1e-6;

    /** One gradient: value into {@code value[0]}, the gradient as {@code [alphas | means | icf]}. */
    private interface Adjoint {
        double grad(
                double[] alphas,
                double[] means,
                double[] icf,
                double[] x,
                int d,
                int k,
                int n,
                double gamma,
                int m,
                double[] dAlphas,
                double[] dMeans,
                double[] dIcf);
    }

    private static double[] gradient(Adjoint adjoint, GmmInput in, double[] value) {
        double[] da = new double[in.k()];
        double[] dm = new double[in.means().length];
        double[] di = new double[in.icf().length];
        value[0] = adjoint.grad(
                in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), in.n(), in.gamma(), in.m(), da, dm, di);
        return Agreement.concat(da, dm, di);
    }

    private static void assertClose(String what, double[] actual, double[] expected, double rtol) {
        double w = Agreement.worst(actual, expected);
        assertTrue(w <= rtol, () -> what + ": worst relative disagreement " + w);
    }

    @Test
    void oldAndNewGeneratorsAgreeWithTheHandWrittenGradient() {
        GmmInput in = GmmData.generate(3, 4, 25, 7L);
        double f = Gmm.objective(in);
        double[] hand = new double[in.parameterCount()];
        GmmGradient.gradient(in, hand);
        Adjoint[] adjoints = {
            GmmAdjoint::objectiveGrad,
            GmmAdjointBefore::objectiveGrad,
            GmmObjectiveTapeAdjoint::objectiveGrad,
            GmmObjectiveTapeAdjointBefore::objectiveGrad
        };
        String[] names = {"static, new", "static, old", "tape, new", "tape, old"};
        for (int a = 0; a < adjoints.length; a++) {
            for (int call = 0; call < 2; call++) {
                double[] value = new double[1];
                double[] g = gradient(adjoints[a], in, value);
                String what = names[a] + ", call " + (call + 1);
                assertEquals(f, value[0], 1e-12 * Math.abs(f), what);
                assertClose(what + " vs hand-written", g, hand, RTOL);
            }
        }
    }

    @Test
    void oldGeneratorsAgreeWithCentralDifferences() {
        GmmInput in = GmmData.generate(2, 3, 10, 5L);
        double f = Gmm.objective(in);
        double atol = 1e-9 * Math.max(1, Math.abs(f));
        for (Adjoint adjoint :
                new Adjoint[] {GmmAdjointBefore::objectiveGrad, GmmObjectiveTapeAdjointBefore::objectiveGrad}) {
            GradCheck.assertGradient(
                    p -> Gmm.objectiveAt(in, p), in.parameters(), gradient(adjoint, in, new double[1]), RTOL, atol);
        }
    }
}
