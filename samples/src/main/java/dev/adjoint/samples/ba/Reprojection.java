package dev.adjoint.samples.ba;

import dev.adjoint.Differentiable;

/**
 * ADBench's bundle-adjustment residuals. A camera is 11 numbers: a rotation as an angle-axis
 * vector {@code r} (0–2), the centre {@code c} (3–5), the focal length {@code f} (6), the
 * principal point {@code x0} (7–8) and two radial distortion coefficients {@code k} (9–10).
 */
public final class Reprojection {
    private Reprojection() {}

    /**
     * {@code w · (proj(cam, X) − feat)}: the point in camera coordinates {@code R(r)·(X − c)}
     * (Rodrigues' formula; its first-order form {@code X + r × X} near θ = 0), projected,
     * distorted by {@code 1 + k₁ρ² + k₂ρ⁴}, scaled by {@code f} and shifted by {@code x0}.
     */
    @Differentiable(wrt = {"cam", "x", "w"})
    public static double[] residual(double[] cam, double[] x, double w, double[] feat) {
        double px = x[0] - cam[3];
        double py = x[1] - cam[4];
        double pz = x[2] - cam[5];
        double theta2 = cam[0] * cam[0] + cam[1] * cam[1] + cam[2] * cam[2];
        double rx;
        double ry;
        double rz;
        if (theta2 != 0) {
            double theta = Math.sqrt(theta2);
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            double ax = cam[0] / theta;
            double ay = cam[1] / theta;
            double az = cam[2] / theta;
            double along = (ax * px + ay * py + az * pz) * (1 - cos);
            rx = px * cos + (ay * pz - az * py) * sin + ax * along;
            ry = py * cos + (az * px - ax * pz) * sin + ay * along;
            rz = pz * cos + (ax * py - ay * px) * sin + az * along;
        } else {
            rx = px + cam[1] * pz - cam[2] * py;
            ry = py + cam[2] * px - cam[0] * pz;
            rz = pz + cam[0] * py - cam[1] * px;
        }
        double u = rx / rz;
        double v = ry / rz;
        double rho2 = u * u + v * v;
        double distortion = 1 + cam[9] * rho2 + cam[10] * rho2 * rho2;
        double[] out = new double[2];
        out[0] = w * (cam[6] * u * distortion + cam[7] - feat[0]);
        out[1] = w * (cam[6] * v * distortion + cam[8] - feat[1]);
        return out;
    }

    /** The weight's residual, {@code 1 − w²}. */
    @Differentiable
    public static double weightError(double w) {
        return 1 - w * w;
    }
}
