package dev.adjoint.gradbench.model;

import dev.adjoint.Differentiable;

/**
 * GradBench's {@code ba} eval (ADBench's bundle adjustment): per observation, the weighted
 * reprojection error of a 3-D point seen by a camera, and the weight's error {@code 1 − w²}.
 *
 * <p>A camera is 11 numbers: a Rodrigues rotation vector {@code r} (0–2), the centre {@code C}
 * (3–5), the focal length {@code f} (6), the principal point {@code x0} (7–8) and two radial
 * distortion coefficients {@code κ} (9–10). With {@code θ = |r|}, {@code ω = r/θ}:
 *
 * <pre>
 * X'   = R(r)(X − C),  R(r)v = v cos θ + (ω × v) sin θ + ω (ω·v)(1 − cos θ)    (v + r × v when θ = 0)
 * p    = (X'_0/X'_2, X'_1/X'_2),   p ← p (1 + κ_0|p|² + κ_1|p|⁴)
 * err  = w (f p + x0 − feat)
 * </pre>
 */
public final class Ba {
    private Ba() {}

    /** The reprojection error {@code err} of point {@code x} seen by camera {@code cam}, weighted by {@code w}. */
    @Differentiable(wrt = {"cam", "x", "w"})
    public static double[] reprojectionError(double[] cam, double[] x, double w, double[] feat) {
        double v0 = x[0] - cam[3];
        double v1 = x[1] - cam[4];
        double v2 = x[2] - cam[5];
        double r0 = cam[0];
        double r1 = cam[1];
        double r2 = cam[2];
        double sqTheta = r0 * r0 + r1 * r1 + r2 * r2;
        double p0;
        double p1;
        double p2;
        if (sqTheta != 0.0) {
            double theta = Math.sqrt(sqTheta);
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            double w0 = r0 / theta;
            double w1 = r1 / theta;
            double w2 = r2 / theta;
            double along = (w0 * v0 + w1 * v1 + w2 * v2) * (1.0 - cos);
            p0 = v0 * cos + (w1 * v2 - w2 * v1) * sin + w0 * along;
            p1 = v1 * cos + (w2 * v0 - w0 * v2) * sin + w1 * along;
            p2 = v2 * cos + (w0 * v1 - w1 * v0) * sin + w2 * along;
        } else {
            p0 = v0 + (r1 * v2 - r2 * v1);
            p1 = v1 + (r2 * v0 - r0 * v2);
            p2 = v2 + (r0 * v1 - r1 * v0);
        }
        double u0 = p0 / p2;
        double u1 = p1 / p2;
        double rsq = u0 * u0 + u1 * u1;
        double distortion = 1.0 + cam[9] * rsq + cam[10] * rsq * rsq;
        double[] err = new double[2];
        err[0] = w * (u0 * distortion * cam[6] + cam[7] - feat[0]);
        err[1] = w * (u1 * distortion * cam[6] + cam[8] - feat[1]);
        return err;
    }

    /** The weight's error: Zach's robust weight {@code 1 − w²}. */
    @Differentiable
    public static double weightError(double w) {
        return 1.0 - w * w;
    }
}
