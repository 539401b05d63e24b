package dev.adjoint.samples.ba;

import dev.adjoint.DoubleGrad;
import dev.adjoint.Jacobians;
import dev.adjoint.SparseJacobian;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An ADBench BA problem (n cameras, m points, p observations; observation i sees camera
 * {@code i % n} and point {@code i % m}, as ADBench replicates its one camera, point, weight and
 * feature) and its sparse Jacobian: rows {@code 2i, 2i+1} for observation i's residual, then row
 * {@code 2p + i} for its weight; columns {@code 11·cam}, {@code 11n + 3·point}, {@code 11n + 3m + i}.
 */
public final class BundleAdjustment {
    private final int n;
    private final int m;
    private final double[][] cams;
    private final double[][] points;
    private final double[] weights;
    private final double[][] features;

    private BundleAdjustment(int n, int m, double[][] cams, double[][] points, double[] weights, double[][] features) {
        this.n = n;
        this.m = m;
        this.cams = cams;
        this.points = points;
        this.weights = weights;
        this.features = features;
    }

    /** Reads ADBench's format: {@code n m p}, then one camera (11), point (3), weight and feature (2), replicated. */
    public static BundleAdjustment read(InputStream in) throws IOException {
        List<Double> numbers = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                for (String t : line.trim().split("\\s+")) {
                    if (!t.isEmpty()) {
                        numbers.add(Double.parseDouble(t));
                    }
                }
            }
        }
        int n = numbers.get(0).intValue();
        int m = numbers.get(1).intValue();
        int p = numbers.get(2).intValue();
        double[] cam = new double[11];
        double[] point = new double[3];
        double[] feat = new double[2];
        for (int k = 0; k < 11; k++) {
            cam[k] = numbers.get(3 + k);
        }
        for (int k = 0; k < 3; k++) {
            point[k] = numbers.get(14 + k);
        }
        double w = numbers.get(17);
        feat[0] = numbers.get(18);
        feat[1] = numbers.get(19);
        double[][] cams = new double[n][];
        double[][] points = new double[m][];
        double[] weights = new double[p];
        double[][] features = new double[p][];
        for (int i = 0; i < n; i++) {
            cams[i] = cam.clone();
        }
        for (int i = 0; i < m; i++) {
            points[i] = point.clone();
        }
        for (int i = 0; i < p; i++) {
            weights[i] = w;
            features[i] = feat.clone();
        }
        return new BundleAdjustment(n, m, cams, points, weights, features);
    }

    public int cameras() {
        return n;
    }

    public int points() {
        return m;
    }

    public int observations() {
        return weights.length;
    }

    public double[] camera(int i) {
        return cams[i];
    }

    public double[] point(int j) {
        return points[j];
    }

    public double weight(int i) {
        return weights[i];
    }

    public double[] feature(int i) {
        return features[i];
    }

    /** The columns of observation i's block: its camera's 11, its point's 3, its weight. */
    public int[] columnsOf(int i) {
        int[] cols = new int[15];
        int cam = i % n;
        int pt = i % m;
        for (int k = 0; k < 11; k++) {
            cols[k] = 11 * cam + k;
        }
        for (int k = 0; k < 3; k++) {
            cols[11 + k] = 11 * n + 3 * pt + k;
        }
        cols[14] = 11 * n + 3 * m + i;
        return cols;
    }

    /** The whole Jacobian, block by block: a generated {@code residualJacobian} and {@code weightErrorGrad} per observation. */
    public SparseJacobian.Csr jacobian() {
        int p = observations();
        SparseJacobian jac = Jacobians.ofBlocks(2 * p + p, 11 * n + 3 * m + p);
        double[][] block = new double[2][15];
        DoubleGrad dw = new DoubleGrad();
        for (int i = 0; i < p; i++) {
            ReprojectionAdjoint.residualJacobian(cams[i % n], points[i % m], weights[i], features[i], block);
            jac.addBlock(new int[] {2 * i, 2 * i + 1}, columnsOf(i), block);
            dw.zero();
            ReprojectionAdjoint.weightErrorGrad(weights[i], dw);
            jac.add(2 * p + i, 11 * n + 3 * m + i, dw.get());
        }
        return jac.compress();
    }
}
