package dev.adjoint.gradbench.model;

import dev.adjoint.Differentiable;

/**
 * GradBench's {@code kmeans} eval: the sum over the points of the squared distance to the closest
 * centroid, {@code f(C) = Σ_i min_j |C_j − P_i|²}.
 */
public final class KMeans {
    private KMeans() {}

    @Differentiable(wrt = "centroids")
    public static double cost(double[][] points, double[][] centroids) {
        double cost = 0.0;
        for (double[] p : points) {
            double closest = Double.POSITIVE_INFINITY;
            for (double[] c : centroids) {
                double dist = 0.0;
                for (int j = 0; j < p.length; j++) {
                    double diff = p[j] - c[j];
                    dist += diff * diff;
                }
                closest = Math.min(closest, dist);
            }
            cost += closest;
        }
        return cost;
    }
}
