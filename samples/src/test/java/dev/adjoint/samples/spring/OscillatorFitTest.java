package dev.adjoint.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.AdjointCheck;
import dev.adjoint.check.GradCheck;
import org.junit.jupiter.api.Test;

/** A plain class object as a differentiated parameter: {@link OscillatorFit#loss} against central differences, accumulation, the fit. */
class OscillatorFitTest {
    private static final double DT = 0.05;
    private static final double[] DRIVE = {0.3, -0.1, 0.0, 0.2};
    private static final double[] OBSERVED =
            OscillatorFit.simulate(new Oscillator("truth", 4.0, 0.5, 1.0, 0.0, DRIVE), 80, DT);

    private static Oscillator at(double[] q) {
        return new Oscillator("probe", q[0], q[1], q[2], q[3], new double[] {q[4], q[5], q[6], q[7]});
    }

    @Test
    void gradientWithRespectToTheObjectMatchesCentralDifferences() {
        for (double[] q :
                new double[][] {{3.0, 0.2, 0.8, 0.1, 0.3, -0.1, 0.0, 0.2}, {5.5, 1.0, 1.2, -0.3, 0.0, 0.1, 0.4, -0.2}
                }) {
            Oscillator o = at(q);
            OscillatorGrad g = OscillatorGrad.like(o);
            double value = OscillatorFitAdjoint.lossGrad(o, OBSERVED, DT, g);
            assertEquals(OscillatorFit.loss(o, OBSERVED, DT), value, 0.0);
            GradCheck.assertGradient(
                    p -> OscillatorFit.loss(at(p), OBSERVED, DT),
                    q,
                    new double[] {g.k, g.c, g.x0, g.v0, g.drive[0], g.drive[1], g.drive[2], g.drive[3]},
                    1e-6,
                    1e-10);
        }
    }

    @Test
    void adjointCheckTakesTheObjectByItsGradientClass() {
        AdjointCheck.Result r = AdjointCheck.of(OscillatorFit.class, "loss")
                .named("o", "observed", "dt")
                .assertAt(at(new double[] {3.0, 0.2, 0.8, 0.1, 0.3, -0.1, 0.0, 0.2}), OBSERVED, DT);
        assertEquals(8, r.report().dimension(), r.describe()); // k, c, x0, v0, drive[0..3]
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Oscillator o = at(new double[] {3.0, 0.2, 0.8, 0.1, 0.3, -0.1, 0.0, 0.2});
        OscillatorGrad once = OscillatorGrad.like(o);
        OscillatorGrad twice = OscillatorGrad.like(o);
        OscillatorFitAdjoint.lossGrad(o, OBSERVED, DT, once);
        OscillatorFitAdjoint.lossGrad(o, OBSERVED, DT, twice);
        OscillatorFitAdjoint.lossGrad(o, OBSERVED, DT, twice);
        assertEquals(2 * once.k, twice.k, 1e-12 * Math.abs(once.k));
        assertEquals(2 * once.drive[1], twice.drive[1], 1e-12 * Math.abs(once.drive[1]));
        twice.zero();
        assertEquals("OscillatorGrad{k=0.0, c=0.0, x0=0.0, v0=0.0, drive=[0.0, 0.0, 0.0, 0.0]}", twice.toString());
    }

    @Test
    void gradientDescentRecoversTheOscillator() {
        Oscillator o = new Oscillator("fit", 3.0, 0.2, 0.8, 0.1, DRIVE.clone());
        double before = OscillatorFit.loss(o, OBSERVED, DT);
        OscillatorFit.fit(o, OBSERVED, DT, 0.5, 400);
        double after = OscillatorFit.loss(o, OBSERVED, DT);
        assertTrue(after < 1e-3 * before, "loss " + before + " -> " + after + " at " + o);
    }
}
