package dev.adjoint.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import dev.adjoint.samples.spring.SpringFit.Params;
import org.junit.jupiter.api.Test;

class SpringFitTest {
    private static final double DT = 0.05;
    private static final double[] OBSERVED = SpringFit.simulate(new Params(4.0, 0.5), 1.0, 80, DT);

    @Test
    void gradientWithRespectToTheParameterRecordMatchesCentralDifferences() {
        for (Params p : new Params[] {new Params(3.0, 0.2), new Params(5.5, 1.0), new Params(4.0, 0.5)}) {
            SpringFit_ParamsGrad g = SpringFit_ParamsGrad.like(p);
            double value = SpringFitAdjoint.lossGrad(p, 1.0, OBSERVED, DT, g);
            assertEquals(SpringFit.loss(p, 1.0, OBSERVED, DT), value, 0.0);
            GradCheck.assertGradient(
                    q -> SpringFit.loss(new Params(q[0], q[1]), 1.0, OBSERVED, DT),
                    new double[] {p.k(), p.c()},
                    new double[] {g.k, g.c},
                    1e-6,
                    1e-10);
        }
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Params p = new Params(3.0, 0.2);
        SpringFit_ParamsGrad once = SpringFit_ParamsGrad.like(p);
        SpringFit_ParamsGrad twice = SpringFit_ParamsGrad.like(p);
        SpringFitAdjoint.lossGrad(p, 1.0, OBSERVED, DT, once);
        SpringFitAdjoint.lossGrad(p, 1.0, OBSERVED, DT, twice);
        SpringFitAdjoint.lossGrad(p, 1.0, OBSERVED, DT, twice);
        assertEquals(2 * once.k, twice.k, 1e-12 * Math.abs(once.k));
        assertEquals(2 * once.c, twice.c, 1e-12 * Math.abs(once.c));
        twice.zero();
        assertEquals(0.0, twice.k);
        assertEquals(0.0, twice.c);
    }

    @Test
    void gradientDescentRecoversTheSpring() {
        Params start = new Params(3.0, 0.2);
        double before = SpringFit.loss(start, 1.0, OBSERVED, DT);
        Params fitted = SpringFit.fit(start, 1.0, OBSERVED, DT, 0.5, 300);
        double after = SpringFit.loss(fitted, 1.0, OBSERVED, DT);
        assertTrue(after < 1e-3 * before, "loss " + before + " -> " + after + " at " + fitted);
    }
}
