package dev.adjoint.samples.spring;

/**
 * A driven, damped mass on a spring as a plain mutable class (not a record): stiffness {@code k},
 * damping {@code c}, the start {@code x0}, {@code v0}, and the force that drives it at each step.
 * {@link OscillatorFit#loss} takes it as a parameter with {@code wrt = "oscillator"}; its gradient
 * is the generated {@code OscillatorGrad}, one field per {@code double} field (the array of the
 * same length), and {@code name} and {@code steps} are constants.
 */
public final class Oscillator {
    public double k;
    public double c;
    public double x0;
    public double v0;
    public final double[] drive;
    public final String name;

    public Oscillator(String name, double k, double c, double x0, double v0, double[] drive) {
        this.name = name;
        this.k = k;
        this.c = c;
        this.x0 = x0;
        this.v0 = v0;
        this.drive = drive;
    }

    @Override
    public String toString() {
        return name + "{k=" + k + ", c=" + c + ", x0=" + x0 + ", v0=" + v0 + "}";
    }
}
