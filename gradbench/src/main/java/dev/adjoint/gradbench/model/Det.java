package dev.adjoint.gradbench.model;

import dev.adjoint.Differentiable;

/**
 * GradBench's {@code det} eval: the determinant of an {@code ℓ × ℓ} matrix given row-major.
 *
 * <p>Computed by Gaussian elimination with partial pivoting (det = ± the product of the pivots),
 * the way a Java programmer computes a determinant, and not by the eval's expansion by minors: the
 * natural Java for that is a recursive method that keeps its row and column bookkeeping in
 * {@code int[]} arrays it writes, which the static strategy sends to the tape (recursion, written
 * {@code int[]}), and the tape would record the ~e·ℓ! calls of ℓ = 11 (about 10⁸). See the
 * module's README.
 */
public final class Det {
    private Det() {}

    @Differentiable(wrt = "a")
    public static double det(double[] a, int ell) {
        double[] u = a.clone(); // eliminated in place
        double det = 1.0;
        for (int col = 0; col < ell; col++) {
            int pivot = col;
            for (int r = col + 1; r < ell; r++) {
                if (Math.abs(u[r * ell + col]) > Math.abs(u[pivot * ell + col])) {
                    pivot = r;
                }
            }
            if (pivot != col) { // a row swap flips the sign
                for (int j = 0; j < ell; j++) {
                    double tmp = u[col * ell + j];
                    u[col * ell + j] = u[pivot * ell + j];
                    u[pivot * ell + j] = tmp;
                }
                det = -det;
            }
            double p = u[col * ell + col];
            det *= p;
            for (int r = col + 1; r < ell; r++) {
                double factor = u[r * ell + col] / p;
                for (int j = col + 1; j < ell; j++) {
                    u[r * ell + j] -= factor * u[col * ell + j];
                }
            }
        }
        return det;
    }
}
