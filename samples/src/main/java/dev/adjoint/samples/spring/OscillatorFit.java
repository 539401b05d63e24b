package dev.adjoint.samples.spring;

import dev.adjoint.Differentiable;

/**
 * Fits an {@link Oscillator}, a plain class object, to observed positions: the simulation
 * (semi-implicit Euler) reads the object's fields, {@code o.k}, {@code o.drive[i]}, and the
 * generated {@code OscillatorFitAdjoint.lossGrad(o, observed, dt, g)} adds the gradient with respect
 * to all of them into an {@code OscillatorGrad}. The fit steps the object's fields in place.
 */
public final class OscillatorFit {
    private OscillatorFit() {}

    /** The mean squared distance between the simulated positions after each step and {@code observed}. */
    @Differentiable(wrt = "o")
    public static double loss(Oscillator o, double[] observed, double dt) {
        double x = o.x0;
        double v = o.v0;
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            v += dt * (-o.k * x - o.c * v + o.drive[i % o.drive.length]);
            x += dt * v;
            double r = x - observed[i];
            sum += r * r;
        }
        return sum / observed.length;
    }

    /** The positions {@link #loss} compares with: the same simulation, recorded. */
    public static double[] simulate(Oscillator o, int steps, double dt) {
        double[] out = new double[steps];
        double x = o.x0;
        double v = o.v0;
        for (int i = 0; i < steps; i++) {
            v += dt * (-o.k * x - o.c * v + o.drive[i % o.drive.length]);
            x += dt * v;
            out[i] = x;
        }
        return out;
    }

    /** {@code steps} steps of gradient descent on {@code o}'s spring constants and start, in place, at learning rate {@code rate}. */
    public static void fit(Oscillator o, double[] observed, double dt, double rate, int steps) {
        OscillatorGrad g = OscillatorGrad.like(o); // once: a warm lossGrad allocates nothing
        for (int step = 0; step < steps; step++) {
            g.zero(); // gradients are added into the buffer
            OscillatorFitAdjoint.lossGrad(o, observed, dt, g);
            o.k -= rate * g.k;
            o.c -= rate * g.c;
            o.x0 -= rate * g.x0;
            o.v0 -= rate * g.v0;
        }
    }
}
