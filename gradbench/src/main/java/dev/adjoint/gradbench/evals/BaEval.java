package dev.adjoint.gradbench.evals;

import dev.adjoint.DoubleGrad;
import dev.adjoint.gradbench.model.Ba;
import dev.adjoint.gradbench.model.BaAdjoint;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ba}: the objective, and its sparse Jacobian in compressed-sparse-row form, assembled from
 * one generated 2 × 15 Jacobian per observation (camera, point, weight) and one generated
 * derivative per weight. The eval sends one camera, point, weight and feature, to be replicated:
 * observation {@code i} sees camera {@code i % n} and point {@code i % m}. The replicas are built
 * in full and every observation is computed; nothing exploits that they are equal.
 */
final class BaEval implements Eval {
    private static final int CAMERA = 11;
    private static final int BLOCK = CAMERA + 3 + 1; // non-zeros in a reprojection row

    @Override
    public Call prepare(String function, Object input) {
        Map<String, Object> in = Inputs.object(input);
        Problem problem = new Problem(in);
        switch (function) {
            case "objective":
                return new Objective(problem);
            case "jacobian":
                return new Jacobian(problem);
            default:
                throw Inputs.unknownFunction("ba", function);
        }
    }

    /** The replicated problem, flat: {@code cams[11n]}, {@code points[3m]}, {@code w[p]}, {@code feats[2p]}. */
    private static final class Problem {
        final int n;
        final int m;
        final int p;
        final double[] cams;
        final double[] points;
        final double[] w;
        final double[] feats;

        Problem(Map<String, Object> in) {
            n = Inputs.intField(in, "n");
            m = Inputs.intField(in, "m");
            p = Inputs.intField(in, "p");
            double[] cam = Inputs.numbers(in, "cam").data();
            double[] x = Inputs.numbers(in, "x").data();
            double weight = Inputs.doubleField(in, "w");
            double[] feat = Inputs.numbers(in, "feat").data();
            if (cam.length != CAMERA || x.length != 3 || feat.length != 2) {
                throw new IllegalArgumentException("ba needs cam[11], x[3] and feat[2]");
            }
            cams = new double[CAMERA * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(cam, 0, cams, CAMERA * i, CAMERA);
            }
            points = new double[3 * m];
            for (int i = 0; i < m; i++) {
                System.arraycopy(x, 0, points, 3 * i, 3);
            }
            w = new double[p];
            Arrays.fill(w, weight);
            feats = new double[2 * p];
            for (int i = 0; i < p; i++) {
                System.arraycopy(feat, 0, feats, 2 * i, 2);
            }
        }
    }

    private static final class Objective implements Call {
        private final Problem pr;
        private final double[] reprojErr;
        private final double[] wErr;

        Objective(Problem pr) {
            this.pr = pr;
            reprojErr = new double[2 * pr.p];
            wErr = new double[pr.p];
        }

        @Override
        public void run() {
            double[] cam = new double[CAMERA];
            double[] x = new double[3];
            double[] feat = new double[2];
            for (int i = 0; i < pr.p; i++) {
                System.arraycopy(pr.cams, CAMERA * (i % pr.n), cam, 0, CAMERA);
                System.arraycopy(pr.points, 3 * (i % pr.m), x, 0, 3);
                System.arraycopy(pr.feats, 2 * i, feat, 0, 2);
                double[] err = Ba.reprojectionError(cam, x, pr.w[i], feat);
                reprojErr[2 * i] = err[0];
                reprojErr[2 * i + 1] = err[1];
            }
            for (int i = 0; i < pr.p; i++) {
                wErr[i] = Ba.weightError(pr.w[i]);
            }
        }

        @Override
        public Object output() {
            Map<String, Object> reproj = new LinkedHashMap<>();
            reproj.put("elements", new double[] {reprojErr[0], reprojErr[1]});
            reproj.put("repeated", (long) pr.p);
            Map<String, Object> weight = new LinkedHashMap<>();
            weight.put("element", wErr[0]);
            weight.put("repeated", (long) pr.p);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("reproj_error", reproj);
            out.put("w_err", weight);
            return out;
        }
    }

    /** The {@code 3p × (11n + 3m + p)} Jacobian: 2 rows of 15 per observation, then one row per weight. */
    private static final class Jacobian implements Call {
        private final Problem pr;
        private final int[] rows;
        private final int[] cols;
        private final double[] vals;

        Jacobian(Problem pr) {
            this.pr = pr;
            rows = new int[3 * pr.p + 1];
            cols = new int[(2 * BLOCK + 1) * pr.p];
            vals = new double[cols.length];
        }

        @Override
        public void run() {
            double[] cam = new double[CAMERA];
            double[] x = new double[3];
            double[] feat = new double[2];
            double[][] block = new double[2][BLOCK];
            int pointColumns = CAMERA * pr.n;
            int weightColumns = pointColumns + 3 * pr.m;
            int k = 0; // next non-zero
            for (int i = 0; i < pr.p; i++) {
                int camIdx = i % pr.n;
                int ptIdx = i % pr.m;
                System.arraycopy(pr.cams, CAMERA * camIdx, cam, 0, CAMERA);
                System.arraycopy(pr.points, 3 * ptIdx, x, 0, 3);
                System.arraycopy(pr.feats, 2 * i, feat, 0, 2);
                BaAdjoint.reprojectionErrorJacobian(cam, x, pr.w[i], feat, block);
                for (int r = 0; r < 2; r++) {
                    rows[2 * i + r + 1] = rows[2 * i + r] + BLOCK;
                    for (int j = 0; j < CAMERA; j++) {
                        cols[k] = CAMERA * camIdx + j;
                        vals[k++] = block[r][j];
                    }
                    for (int j = 0; j < 3; j++) {
                        cols[k] = pointColumns + 3 * ptIdx + j;
                        vals[k++] = block[r][CAMERA + j];
                    }
                    cols[k] = weightColumns + i;
                    vals[k++] = block[r][CAMERA + 3];
                }
            }
            DoubleGrad dw = new DoubleGrad();
            for (int i = 0; i < pr.p; i++) {
                dw.zero();
                BaAdjoint.weightErrorGrad(pr.w[i], dw);
                rows[2 * pr.p + i + 1] = rows[2 * pr.p + i] + 1;
                cols[k] = weightColumns + i;
                vals[k++] = dw.get();
            }
        }

        @Override
        public Object output() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rows", firstAndLast(rows));
            out.put("cols", firstAndLast(cols));
            out.put("vals", firstAndLast(vals));
            return out;
        }

        /** GradBench's abbreviation of a long list: its first 30 entries (fewer for a short list), then its last. */
        private static int[] firstAndLast(int[] a) {
            int[] out = Arrays.copyOf(a, Math.min(30, a.length - 1) + 1);
            out[out.length - 1] = a[a.length - 1];
            return out;
        }

        private static double[] firstAndLast(double[] a) {
            double[] out = Arrays.copyOf(a, Math.min(30, a.length - 1) + 1);
            out[out.length - 1] = a[a.length - 1];
            return out;
        }
    }
}
