package p;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PhysicsAdjointTest {
    @Test
    void gradientIsTheForce() {
        double[] q = {1.5, 0.25};
        double[] k = {4.0};
        double[] dq = new double[2];

        double energy = PhysicsAdjoint.energyGrad(q, k, dq);

        assertEquals(Physics.energy(q, k), energy, 1e-15);
        // dE/dq0 = k (q0 - q1) + 9.81, dE/dq1 = -k (q0 - q1)
        assertEquals(4.0 * 1.25 + 9.81, dq[0], 1e-12);
        assertEquals(-4.0 * 1.25, dq[1], 1e-12);
    }
}
