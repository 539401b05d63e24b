package dev.adjoint.samples.spring;

import dev.adjoint.Differentiable;

/**
 * Fits a damped spring, x'' = -k x - c x', to observed positions. The simulation is semi-implicit
 * Euler: each step makes a new {@link State}, which the generator replaces by its components, and
 * passes the state and the parameters to {@link #accel} as records (the generated code passes
 * their components to accel's adjoint, and rebuilds the records to call accel for its value).
 */
public final class SpringFit {
    /** The spring's stiffness {@code k} and damping {@code c}. */
    public record Params(double k, double c) {}

    /** Position and velocity. */
    public record State(double x, double v) {}

    private SpringFit() {}

    /** The acceleration in state {@code s}. */
    @Differentiable(wrt = {"s", "p"})
    static double accel(State s, Params p) {
        return -p.k() * s.x() - p.c() * s.v();
    }

    /**
     * The mean squared distance between the simulated positions after each step, from {@code x0}
     * at rest, and {@code observed}.
     */
    @Differentiable(wrt = "p")
    public static double loss(Params p, double x0, double[] observed, double dt) {
        State s = new State(x0, 0.0);
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            double v = s.v() + dt * accel(s, p);
            s = new State(s.x() + dt * v, v);
            double r = s.x() - observed[i];
            sum += r * r;
        }
        return sum / observed.length;
    }

    /** The positions {@link #loss} compares with: the same simulation, recorded. */
    public static double[] simulate(Params p, double x0, int steps, double dt) {
        double[] out = new double[steps];
        State s = new State(x0, 0.0);
        for (int i = 0; i < steps; i++) {
            double v = s.v() + dt * accel(s, p);
            s = new State(s.x() + dt * v, v);
            out[i] = s.x();
        }
        return out;
    }

    /** {@code steps} steps of gradient descent from {@code start}, at learning rate {@code rate}. */
    public static Params fit(Params start, double x0, double[] observed, double dt, double rate, int steps) {
        Params p = start;
        SpringFit_ParamsGrad g = SpringFit_ParamsGrad.like(p);
        for (int step = 0; step < steps; step++) {
            g.zero(); // gradients are added into the buffer
            SpringFitAdjoint.lossGrad(p, x0, observed, dt, g);
            p = new Params(p.k() - rate * g.k, p.c() - rate * g.c);
        }
        return p;
    }
}
