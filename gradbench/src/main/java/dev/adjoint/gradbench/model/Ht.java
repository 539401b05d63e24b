package dev.adjoint.gradbench.model;

import dev.adjoint.Differentiable;

/**
 * GradBench's {@code ht} eval (ADBench's hand tracking): a skinned hand model posed by 26
 * parameters {@code θ}, and the residuals between measured points and the model's surface.
 *
 * <p>Pose: a {@code 3 × (B + 3)} matrix, column by column: the global rotation {@code θ0..2}, the
 * global scale {@code (1, 1, 1)}, the translation {@code θ3..5}, then one column of Euler angles
 * {@code (x, z, y)} per bone, filled finger by finger: for each of the 5 fingers, its first joint
 * takes two angles, the next two one each, and one column is left zero (columns 3 and 4, the
 * wrist's, stay zero too). Per bone {@code b}, with {@code R_b = R_z R_y R_x} of its angles:
 *
 * <pre>
 * relative_b = baseRelative_b · [R_b 0; 0 1]
 * absolute_b = absolute_parent(b) · relative_b        (relative_b for a root)
 * transform_b = absolute_b · inverseBaseAbsolute_b
 * p_v = Σ_b weight_vb · (transform_b · basePosition_v)_{0..2}    (x negated for a mirrored hand)
 * world_v = G(θ0..2) · p_v + θ3..5,   G the rotation of angle-axis θ0..2 (identity below 10⁻⁴)
 * </pre>
 *
 * The residual of correspondence {@code i} is {@code point_i − world_{corr_i}}, or, when the
 * {@code us} are given, {@code point_i − (u0 world_a + u1 world_b + (1 − u0 − u1) world_c)} for the
 * corners {@code a, b, c} of triangle {@code corr_i}.
 *
 * <p>Flat, row-major layouts: {@code baseRelatives[b*16 + 4r + c]} and
 * {@code inverseBaseAbsolutes[b*16 + 4r + c]} (the 4 × 4 matrices as the eval sends them),
 * {@code basePositions[v*4 + k]}, {@code weights[v*B + b]}, {@code points[i*3 + j]},
 * {@code triangles[t*3 + k]}, {@code us[2i + k]}.
 */
public final class Ht {
    private Ht() {}

    @Differentiable(wrt = {"theta", "us"})
    public static double[] residuals(
            double[] theta,
            double[] us,
            double[] points,
            int[] correspondences,
            int[] parents,
            double[] baseRelatives,
            double[] inverseBaseAbsolutes,
            double[] basePositions,
            double[] weights,
            int[] triangles,
            boolean isMirrored,
            int bones,
            int vertices) {
        int cols = bones + 3;
        double[] pose = new double[3 * cols]; // column-major: pose[3*col + row]
        double[] rx = new double[9];
        double[] ry = new double[9];
        double[] rz = new double[9];
        double[] rzy = new double[9];
        double[] rot = new double[9];
        double[] relatives = new double[16 * bones];
        double[] absolutes = new double[16 * bones];
        double[] transforms = new double[16 * bones];
        double[] positions = new double[3 * vertices];
        double[] global = new double[9];
        double[] world = new double[3 * vertices];
        int count = correspondences.length;
        double[] err = new double[3 * count];

        for (int r = 0; r < 3; r++) {
            pose[r] = theta[r];
            pose[3 + r] = 1.0;
            pose[6 + r] = theta[3 + r];
        }
        int next = 6; // the next finger parameter in theta
        int col = 5; // the next finger joint's column
        for (int finger = 0; finger < 5; finger++) {
            for (int joint = 2; joint <= 4; joint++) {
                pose[3 * col] = theta[next];
                next++;
                if (joint == 2) {
                    pose[3 * col + 1] = theta[next];
                    next++;
                }
                col++;
            }
            col++;
        }

        for (int b = 0; b < bones; b++) {
            double ax = pose[3 * (b + 3)];
            double az = pose[3 * (b + 3) + 1];
            double ay = pose[3 * (b + 3) + 2];
            for (int k = 0; k < 9; k++) {
                rx[k] = 0.0;
                ry[k] = 0.0;
                rz[k] = 0.0;
            }
            rx[0] = 1.0;
            rx[4] = Math.cos(ax);
            rx[5] = -Math.sin(ax);
            rx[7] = Math.sin(ax);
            rx[8] = Math.cos(ax);
            ry[0] = Math.cos(ay);
            ry[2] = Math.sin(ay);
            ry[4] = 1.0;
            ry[6] = -Math.sin(ay);
            ry[8] = Math.cos(ay);
            rz[0] = Math.cos(az);
            rz[1] = -Math.sin(az);
            rz[3] = Math.sin(az);
            rz[4] = Math.cos(az);
            rz[8] = 1.0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double s = 0.0;
                    for (int k = 0; k < 3; k++) {
                        s += rz[3 * i + k] * ry[3 * k + j];
                    }
                    rzy[3 * i + j] = s;
                }
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double s = 0.0;
                    for (int k = 0; k < 3; k++) {
                        s += rzy[3 * i + k] * rx[3 * k + j];
                    }
                    rot[3 * i + j] = s;
                }
            }
            // relative_b = baseRelative_b · [rot 0; 0 1]
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 3; j++) {
                    double s = 0.0;
                    for (int k = 0; k < 3; k++) {
                        s += baseRelatives[16 * b + 4 * i + k] * rot[3 * k + j];
                    }
                    relatives[16 * b + 4 * i + j] = s;
                }
                relatives[16 * b + 4 * i + 3] = baseRelatives[16 * b + 4 * i + 3];
            }
        }

        // parents come before their children
        for (int b = 0; b < bones; b++) {
            int parent = parents[b];
            if (parent == -1) {
                for (int k = 0; k < 16; k++) {
                    absolutes[16 * b + k] = relatives[16 * b + k];
                }
            } else {
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        double s = 0.0;
                        for (int k = 0; k < 4; k++) {
                            s += absolutes[16 * parent + 4 * i + k] * relatives[16 * b + 4 * k + j];
                        }
                        absolutes[16 * b + 4 * i + j] = s;
                    }
                }
            }
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    double s = 0.0;
                    for (int k = 0; k < 4; k++) {
                        s += absolutes[16 * b + 4 * i + k] * inverseBaseAbsolutes[16 * b + 4 * k + j];
                    }
                    transforms[16 * b + 4 * i + j] = s;
                }
            }
        }

        // linear blend skinning
        for (int b = 0; b < bones; b++) {
            for (int v = 0; v < vertices; v++) {
                for (int i = 0; i < 3; i++) {
                    double s = 0.0;
                    for (int k = 0; k < 4; k++) {
                        s += transforms[16 * b + 4 * i + k] * basePositions[4 * v + k];
                    }
                    positions[3 * v + i] += s * weights[bones * v + b];
                }
            }
        }
        if (isMirrored) {
            for (int v = 0; v < vertices; v++) {
                positions[3 * v] = -positions[3 * v];
            }
        }

        // the global rotation (Rodrigues' formula), its columns scaled by the pose's scale column
        double norm = Math.sqrt(theta[0] * theta[0] + theta[1] * theta[1] + theta[2] * theta[2]);
        if (norm < 0.0001) {
            global[0] = 1.0;
            global[4] = 1.0;
            global[8] = 1.0;
        } else {
            double x = theta[0] / norm;
            double y = theta[1] / norm;
            double z = theta[2] / norm;
            double s = Math.sin(norm);
            double c = Math.cos(norm);
            global[0] = x * x + (1 - x * x) * c;
            global[1] = x * y * (1 - c) - z * s;
            global[2] = x * z * (1 - c) + y * s;
            global[3] = x * y * (1 - c) + z * s;
            global[4] = y * y + (1 - y * y) * c;
            global[5] = y * z * (1 - c) - x * s;
            global[6] = x * z * (1 - c) - y * s;
            global[7] = z * y * (1 - c) + x * s;
            global[8] = z * z + (1 - z * z) * c;
        }
        for (int v = 0; v < vertices; v++) {
            for (int i = 0; i < 3; i++) {
                double s = 0.0;
                for (int k = 0; k < 3; k++) {
                    s += global[3 * i + k] * pose[3 + k] * positions[3 * v + k];
                }
                world[3 * v + i] = s + pose[6 + i];
            }
        }

        for (int i = 0; i < count; i++) {
            int corr = correspondences[i];
            for (int j = 0; j < 3; j++) {
                if (us.length == 0) {
                    err[3 * i + j] = points[3 * i + j] - world[3 * corr + j];
                } else {
                    double u0 = us[2 * i];
                    double u1 = us[2 * i + 1];
                    double hand = u0 * world[3 * triangles[3 * corr] + j]
                            + u1 * world[3 * triangles[3 * corr + 1] + j]
                            + (1.0 - u0 - u1) * world[3 * triangles[3 * corr + 2] + j];
                    err[3 * i + j] = points[3 * i + j] - hand;
                }
            }
        }
        return err;
    }
}
