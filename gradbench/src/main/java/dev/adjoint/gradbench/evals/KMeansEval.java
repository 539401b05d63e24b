package dev.adjoint.gradbench.evals;

import dev.adjoint.Gradients;
import dev.adjoint.gradbench.model.KMeans;
import dev.adjoint.gradbench.model.KMeansAdjoint;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code kmeans}: {@code cost}, and {@code dir} = the gradient divided by the Hessian's diagonal.
 * The cost's Hessian with respect to the centroids is diagonal (each centroid coordinate appears
 * only in its own squared differences), so one generated Hessian-vector product with the all-ones
 * direction gives that diagonal, and the gradient with it.
 */
final class KMeansEval implements Eval {
    @Override
    public Call prepare(String function, Object input) {
        Map<String, Object> in = Inputs.object(input);
        double[][] points = Inputs.numbers(in, "points").rows();
        double[][] centroids = Inputs.numbers(in, "centroids").rows();
        switch (function) {
            case "cost":
                return new Scalar(() -> KMeans.cost(points, centroids));
            case "dir":
                return new Dir(points, centroids);
            default:
                throw Inputs.unknownFunction("kmeans", function);
        }
    }

    private static final class Dir implements Call {
        private final double[][] points;
        private final double[][] centroids;
        private final double[][] ones;
        private final double[][] gradient;
        private final double[][] hessianDiagonal;
        private final double[][] dir;

        Dir(double[][] points, double[][] centroids) {
            this.points = points;
            this.centroids = centroids;
            int k = centroids.length;
            int d = k == 0 ? 0 : centroids[0].length;
            ones = new double[k][d];
            for (double[] row : ones) {
                Arrays.fill(row, 1.0);
            }
            gradient = new double[k][d];
            hessianDiagonal = new double[k][d];
            dir = new double[k][d];
        }

        @Override
        public void run() {
            Gradients.zero(gradient, hessianDiagonal);
            KMeansAdjoint.costHvp(points, centroids, ones, gradient, hessianDiagonal);
            for (int c = 0; c < dir.length; c++) {
                for (int j = 0; j < dir[c].length; j++) {
                    dir[c][j] = gradient[c][j] / hessianDiagonal[c][j];
                }
            }
        }

        @Override
        public Object output() {
            return dir;
        }
    }
}
