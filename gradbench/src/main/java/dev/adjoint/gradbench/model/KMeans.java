package dev.adjoint.gradbench.model;

import dev.adjoint.Differentiable;

/**
 * GradBench's {@code kmeans} eval: the sum over the points of the squared distance to the closest
 * centroid, {@code f(C) = Σ_i min_j |C_j − P_i|²}.
 *
 * <p>Written as k-means' two steps: assign each point to its nearest centroid (an index, which has
 * no derivative), then add the squared distance to that centroid, which is the minimum. Writing
 * {@code closest = Math.min(closest, dist)} instead is just as exact, but then every distance is
 * active, and the Hessian-vector product's reverse sweep saves each coordinate difference and its
 * tangent: at k = 1000, n = 10000, d = 16 that is 2 × 1.6·10⁸ doubles, more than the default heap.
 */
public final class KMeans {
    private KMeans() {}

    @Differentiable(wrt = "centroids")
    public static double cost(double[][] points, double[][] centroids) {
        double cost = 0.0;
        for (double[] p : points) {
            int nearest = 0;
            double closest = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centroids.length; c++) {
                double dist = 0.0;
                for (int j = 0; j < p.length; j++) {
                    double diff = p[j] - centroids[c][j];
                    dist += diff * diff;
                }
                if (dist < closest) {
                    closest = dist;
                    nearest = c;
                }
            }
            for (int j = 0; j < p.length; j++) {
                double diff = p[j] - centroids[nearest][j];
                cost += diff * diff;
            }
        }
        return cost;
    }
}
