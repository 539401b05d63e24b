package dev.adjoint.gradbench.evals;

import dev.adjoint.gradbench.json.Numbers;
import dev.adjoint.gradbench.model.Ht;
import dev.adjoint.gradbench.model.HtAdjoint;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ht}: the residuals, and their dense Jacobian {@code [3c][28]} (du0, du1, then the 26
 * θ columns; {@code [3c][26]} for the simple variant, which sends no {@code us}), from generated
 * forward-mode products: one {@code residualsJvp} per θ column (tangent {@code e_j}), and for the
 * {@code us} one per coordinate with every correspondence's {@code u0} (then {@code u1}) at 1 at
 * once: residual {@code i} depends on {@code us[2i], us[2i+1]} alone, so the columns for
 * different {@code i} never overlap (the usual colouring of a sparse Jacobian).
 */
final class HtEval implements Eval {
    private static final int THETA = 26;

    @Override
    public Call prepare(String function, Object input) {
        Hand h = new Hand(Inputs.object(input));
        switch (function) {
            case "objective":
                return new Call() {
                    double[] err;

                    @Override
                    public void run() {
                        err = h.residuals();
                    }

                    @Override
                    public Object output() {
                        return err;
                    }
                };
            case "jacobian":
                return new Jacobian(h);
            default:
                throw Inputs.unknownFunction("ht", function);
        }
    }

    /** The eval's input, flat. */
    private static final class Hand {
        final double[] theta;
        final double[] us;
        final double[] points;
        final int[] correspondences;
        final int[] parents;
        final double[] baseRelatives;
        final double[] inverseBaseAbsolutes;
        final double[] basePositions;
        final double[] weights;
        final int[] triangles;
        final boolean mirrored;
        final int bones;
        final int vertices;

        Hand(Map<String, Object> in) {
            theta = Inputs.numbers(in, "theta").data();
            us = Inputs.numbers(in, "us").data();
            Map<String, Object> data = Inputs.object(Inputs.field(in, "data"));
            correspondences = Inputs.numbers(data, "correspondences").ints();
            points = Inputs.numbers(data, "points").data();
            Map<String, Object> model = Inputs.object(Inputs.field(data, "model"));
            bones = ((List<?>) Inputs.field(model, "bone_names")).size();
            parents = Inputs.numbers(model, "parents").ints();
            baseRelatives = Inputs.numbers(model, "base_relatives").data();
            inverseBaseAbsolutes =
                    Inputs.numbers(model, "inverse_base_absolutes").data();
            Numbers positions = Inputs.numbers(model, "base_positions");
            vertices = positions.length();
            basePositions = positions.data();
            weights = Inputs.numbers(model, "weights").data();
            triangles = Inputs.numbers(model, "triangles").ints();
            mirrored = Boolean.TRUE.equals(Inputs.field(model, "is_mirrored"));
            int c = correspondences.length;
            if (theta.length != THETA
                    || points.length != 3 * c
                    || parents.length != bones
                    || baseRelatives.length != 16 * bones
                    || inverseBaseAbsolutes.length != 16 * bones
                    || positions.columns() != 4
                    || weights.length != bones * vertices
                    || us.length != 0 && us.length != 2 * c) {
                throw new IllegalArgumentException("ht input shapes disagree");
            }
        }

        double[] residuals() {
            return Ht.residuals(
                    theta,
                    us,
                    points,
                    correspondences,
                    parents,
                    baseRelatives,
                    inverseBaseAbsolutes,
                    basePositions,
                    weights,
                    triangles,
                    mirrored,
                    bones,
                    vertices);
        }

        void jvp(double[] tTheta, double[] tUs, double[] out) {
            HtAdjoint.residualsJvp(
                    theta,
                    us,
                    points,
                    correspondences,
                    parents,
                    baseRelatives,
                    inverseBaseAbsolutes,
                    basePositions,
                    weights,
                    triangles,
                    mirrored,
                    bones,
                    vertices,
                    tTheta,
                    tUs,
                    out);
        }
    }

    private static final class Jacobian implements Call {
        private final Hand h;
        private final int uColumns;
        private final double[][] jac;
        private final double[] tTheta = new double[THETA];
        private final double[] tUs;
        private final double[] column;

        Jacobian(Hand h) {
            this.h = h;
            uColumns = h.us.length == 0 ? 0 : 2;
            jac = new double[3 * h.correspondences.length][uColumns + THETA];
            tUs = new double[h.us.length];
            column = new double[jac.length];
        }

        @Override
        public void run() {
            for (int u = 0; u < uColumns; u++) {
                Arrays.fill(tTheta, 0.0);
                Arrays.fill(tUs, 0.0);
                for (int i = u; i < tUs.length; i += 2) {
                    tUs[i] = 1.0;
                }
                h.jvp(tTheta, tUs, column);
                store(u);
            }
            Arrays.fill(tUs, 0.0);
            for (int j = 0; j < THETA; j++) {
                Arrays.fill(tTheta, 0.0);
                tTheta[j] = 1.0;
                h.jvp(tTheta, tUs, column);
                store(uColumns + j);
            }
        }

        private void store(int col) {
            for (int r = 0; r < jac.length; r++) {
                jac[r][col] = column[r];
            }
        }

        @Override
        public Object output() {
            return jac;
        }
    }
}
