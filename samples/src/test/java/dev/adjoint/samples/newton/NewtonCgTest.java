package dev.adjoint.samples.newton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Newton–CG with generated Grad and Hvp only reaches the Rosenbrock minimum at n = 10⁶ (the target). */
class NewtonCgTest {
    @Test
    void rosenbrockOfAMillionVariables() {
        NewtonCg.Result r = NewtonDemo.run(new PrintStream(java.io.OutputStream.nullOutputStream()), 1_000_000);
        assertTrue(r.gradientNorm() < 1e-8, "|grad| = " + r.gradientNorm());
        assertTrue(r.iterations() < 100, r.iterations() + " iterations");
        for (int i = 0; i < r.x().length; i += 99_991) {
            assertEquals(1.0, r.x()[i], 1e-9);
        }
    }
}
