package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.StrangerAppsTest.check;
import static dev.adjoint.generator.stranger.StrangerAppsTest.mat;
import static dev.adjoint.generator.stranger.StrangerAppsTest.of;
import static dev.adjoint.generator.stranger.StrangerAppsTest.rnd;
import static dev.adjoint.generator.stranger.StrangerAppsTest.sources;

import dev.adjoint.generator.stranger.StrangerAppsTest.Case;
import dev.adjoint.generator.stranger.StrangerAppsTest.Loaded;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Session 28's stranger programs, written from the README alone: science (a Runge–Kutta–Fehlberg step of a
 * Duffing oscillator through a void right-hand side, its embedded error and a fit over several steps; Jacobi
 * sweeps of a 2-D Poisson problem on {@code double[][]} grids then its energy; an XY model over periodic
 * {@code int[]} neighbour tables and a mean-field Ising free energy over {@code int[][]} neighbours; a
 * Peng–Robinson fugacity with a Newton solve that breaks on convergence and an input guard; Darcy flow through
 * layers by a harmonic mean, and the heads at the interfaces; a Morse cluster; a Fourier series fit; a
 * Savitzky–Golay smoother over a {@code static final} table; a kinematic bicycle rolled out with a new record per
 * step), finance (a Merton jump-diffusion call over a factorial table; an arithmetic Asian call by a seeded Monte
 * Carlo with a running mean; a Nelson–Siegel–Svensson curve and fit; a cap of Black-76 caplets; a CDS par spread
 * over a piecewise-constant hazard with {@code int[]} buckets and a {@code break}; a smoothed mean-CVaR),
 * learning (Student-t regression, Bradley–Terry over {@code int[][]} matches, a censored Weibull over a
 * {@code boolean[]}, a VAE's negative ELBO with a fixed noise table, InfoNCE, a focal loss, distillation at a
 * temperature, a mixture of experts; a 1-D CNN with max pooling as an object with {@code wrt = "this"} and a
 * counter), geometry (a Catmull–Rom length, a mesh's signed volume over {@code int[][]} faces, ray–plane hits
 * with a guard, Rodrigues then point-to-plane ICP residuals over a {@code Pose} record, a Chamfer distance) and
 * other styles (an enum switch expression for a lattice boundary, an enum-chosen Asian average with one
 * {@code Random} per path, an {@code Asset[]} book read with an enum compared, a {@code List} of layer records,
 * a probit likelihood through a {@code @CustomDerivative}, a varargs helper, an alpha-beta tracker advancing its
 * state and counter, a gating network holding an {@code Expert[]}, a plate object with a 2-D field and a
 * {@code static final int[][]} stencil, de Casteljau on a ragged table, a histogram with an {@code int[]} of
 * counts, an RK4 pendulum reassigning its state, a labelled {@code continue} with a {@code yield} block).
 * Each is built as written and on the tape, checked by {@code AdjointCheck} against central differences in both
 * builds, and the two gradients are compared. Their {@code Jvp}, {@code Hvp} and {@code Jacobian} were checked by
 * hand against an oracle written for the purpose (Jvp against gradient·v, Hvp against central differences of the
 * generated gradient, Jacobians and {@code Vjp} against central differences: 253 checks, none wrong).
 */
class StrangerApps28Test {
    @Test
    void scienceAndFinance() throws Exception {
        double[] y = {0.8, -0.3};
        double[] p = {0.3, 1.2, 0.5};
        int[] right = new int[16];
        int[] down = new int[16];
        int[][] nbrs = new int[16][];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                right[4 * i + j] = 4 * i + (j + 1) % 4;
                down[4 * i + j] = 4 * ((i + 1) % 4) + j;
            }
        }
        for (int i = 0; i < 16; i++) {
            nbrs[i] = new int[] {right[i], down[i], (i + 15) % 16};
        }
        double[] logK = {-2.0, 0.5, -1.0, 1.2};
        double[] dz = {1.0, 2.5, 0.7, 1.3};
        double[] t = rnd(4, 20, 0, 4);
        double[] wave = new double[20];
        for (int i = 0; i < 20; i++) {
            wave[i] = Math.sin(t[i]) + 0.3 * Math.cos(3 * t[i]);
        }
        double[] nss = {0.04, -0.02, 0.01, 0.015, 1.5, 6.0};
        double[] mats = {0.25, 0.5, 1, 2, 3, 5, 7, 10, 20, 30};
        double[] yields = {0.021, 0.022, 0.024, 0.027, 0.029, 0.032, 0.034, 0.035, 0.037, 0.036};
        double[][] scenarios = mat(90, 30, 4);
        List<Case> cases = List.of(
                of("Science", "rkfStep", b -> new Object[] {y, p, 0.1}),
                of("Science", "rkfError", b -> new Object[] {y, p, 1.5}),
                of("Science", "rkfFit", b -> new Object[] {p, y, new double[] {0.7, 0.5, 0.2, -0.1, -0.3}, 0.2}),
                of("Science", "poissonEnergy", b -> new Object[] {rnd(1, 16, -1, 2), 4, 6}),
                of("Science", "xyEnergy", b -> new Object[] {rnd(2, 16, -3, 3), right, down, 1.1, 0.3}),
                of("Science", "isingMeanField", b -> new Object[] {rnd(3, 16, -1, 1), nbrs, 0.7}),
                of("Science", "pengRobinsonLnPhi", b -> new Object[] {300.0, 2.0e6, 190.6, 4.599e6, 0.012}),
                of("Science", "darcyFlux", b -> new Object[] {logK, dz, 3.0}),
                of("Science", "heads", b -> new Object[] {logK, dz, 3.0}),
                of("Science", "morse", b -> new Object[] {
                    new double[] {0, 0, 0, 1.1, 0, 0, 0.5, 0.9, 0.1, 0.4, 0.3, 0.95, -0.6, 0.5, 0.4}, 1.5, 1.3, 1.0
                }),
                of("Science", "fourierLoss", b -> new Object[] {rnd(5, 7, -1, 1), t, wave, 4.0}),
                of("Science", "savgol", b -> new Object[] {rnd(6, 9, -1, 1)}),
                of("Science", "smoothRoughness", b -> new Object[] {rnd(7, 9, -1, 1)}),
                of("Science", "bicycleCost", b -> new Object[] {rnd(8, 12, -0.4, 0.4), 2.5, 0.2, 1.5, 0.4}),
                of("Finance", "mertonCall", b -> new Object[] {100.0, 95.0, 0.03, 0.2, 0.75, 0.8, -0.1, 0.25}),
                of("Finance", "asianCall", b -> new Object[] {100.0, 100.0, 0.02, 0.25, 1.0, 12, 400, 77L}),
                of("Finance", "nssCurve", b -> new Object[] {nss, mats}),
                of("Finance", "nssFit", b -> new Object[] {nss, mats, yields}),
                of("Finance", "capPrice", b -> new Object[] {
                    new double[] {0.02, 0.025, 0.03, 0.032},
                    new double[] {0.3, 0.28, 0.25, 0.24},
                    0.027,
                    new double[] {0.5, 0.5, 0.5, 0.5},
                    new double[] {0.99, 0.98, 0.96, 0.95},
                    new double[] {0.5, 1, 1.5, 2}
                }),
                of("Finance", "cdsParSpread", b -> new Object[] {
                    new double[] {0.01, 0.02, 0.035}, new double[] {1, 3, 5, 10}, new int[] {0, 1, 2, 2}, 5.0, 0.03, 0.4
                }),
                of("Finance", "meanCvar", b ->
                        new Object[] {new double[] {0.3, 0.2, 0.4, 0.1}, 0.05, scenarios, 0.9, 2.0, 0.01}));
        check(
                sources(
                        "Science", StrangerApps28Science.SCIENCE,
                        "Finance", StrangerApps28Science.FINANCE),
                cases);
    }

    @Test
    void learningAndGeometry() throws Exception {
        double[] theta = rnd(200, 17, -0.8, 0.8);
        Function<Loaded, Object> cnn = b -> b.make(
                "Cnn1d",
                new double[][] {{theta[0], theta[1], theta[2]}, {theta[3], theta[4], theta[5]}},
                new double[] {theta[6], theta[7]},
                new double[] {theta[8], theta[9], theta[10], theta[11], theta[12], theta[13], theta[14], theta[15]},
                theta[16]);
        double[][] xs = mat(201, 5, 10);
        double[] plane = {0.2, 0.3, 0.93, 1.5};
        double[][] origins = mat(300, 4, 3);
        double[][] dirs = mat(301, 4, 3);
        for (double[] d : dirs) {
            d[2] = 1 + Math.abs(d[2]);
        }
        double[][] mesh = {{0, 0, 0}, {1.1, 0.1, 0}, {0.2, 1.3, 0.1}, {0.3, 0.2, 0.9}};
        int[][] faces = {{0, 2, 1}, {0, 1, 3}, {1, 2, 3}, {0, 3, 2}};
        Function<Loaded, Object> pose = b -> b.make("Geometry$Pose", 0.3, -0.2, 0.5, 0.1, 0.4, -0.3);
        double[][] src = mat(304, 5, 3);
        double[][] dst = mat(305, 5, 3);
        double[][] normals = mat(306, 5, 3);
        double[] ys = rnd(101, 12, -2, 2);
        ys[3] = 8; // an outlier
        List<Case> cases = List.of(
                of("Learning", "studentNll", b ->
                        new Object[] {new double[] {0.5, -0.3, 0.8}, -0.2, mat(100, 12, 3), ys}),
                of("Learning", "bradleyTerry", b -> new Object[] {
                    rnd(102, 4, -1, 1), new int[][] {{0, 1}, {1, 2}, {2, 0}, {3, 1}, {0, 3}, {2, 3}, {1, 0}}, 0.05
                }),
                of("Learning", "weibullNll", b -> new Object[] {
                    0.3,
                    0.7,
                    new double[] {0.5, 1.2, 2.5, 3.1, 0.8, 4.0},
                    new boolean[] {false, false, true, false, true, false}
                }),
                of("Learning", "negElbo", b ->
                        new Object[] {mat(103, 4, 5), mat(104, 5, 3), new double[] {1, 0, 1, 1, 0}}),
                of("Learning", "infoNce", b -> new Object[] {mat(105, 4, 3), mat(106, 4, 3), 0.5}),
                of("Learning", "focal", b ->
                        new Object[] {rnd(107, 6, -3, 3), new int[] {1, 0, 0, 1, 1, 0}, 2.0, 0.25}),
                of("Learning", "distill", b -> new Object[] {rnd(108, 5, -2, 2), rnd(109, 5, -2, 2), 2, 3.0, 0.7}),
                of("Learning", "mixtureOfExperts", b ->
                        new Object[] {mat(110, 3, 3), mat(111, 3, 3), mat(112, 8, 3), rnd(113, 8, -1, 1)}),
                of("Cnn1d", "loss", b -> new Object[] {cnn.apply(b), xs, new int[] {1, 0, 1, 1, 0}}),
                of("Cnn1d", "features", b -> new Object[] {cnn.apply(b), xs[0]}),
                of("Cnn1d", "single", b -> new Object[] {cnn.apply(b), xs[1], 1}),
                of("Geometry", "catmullRomLength", b -> new Object[] {
                    new double[] {0, 1, 2.2, 3.1, 4.5, 5}, new double[] {0, 0.8, 0.3, 1.4, 0.9, 0.2}, 8
                }),
                of("Geometry", "signedVolume", b -> new Object[] {mesh, faces}),
                of("Geometry", "volumeFit", b -> new Object[] {mesh, faces, 0.5}),
                of("Geometry", "rayPlane", b -> new Object[] {plane, origins, dirs}),
                of("Geometry", "hitSpread", b -> new Object[] {plane, origins, dirs}),
                of("Geometry", "icpResiduals", b -> new Object[] {pose.apply(b), src, dst, normals}),
                of("Geometry", "icpCost", b -> new Object[] {pose.apply(b), src, dst, normals}),
                of("Geometry", "chamfer", b -> new Object[] {mat(302, 5, 3), mat(303, 4, 3)}));
        check(
                sources(
                        "Learning", StrangerApps28Learning.LEARNING,
                        "Cnn1d", StrangerApps28Learning.CNN1D,
                        "Geometry", StrangerApps28Learning.GEOMETRY),
                cases);
    }

    @Test
    void otherStyles() throws Exception {
        double[] wv = {0.3, 0.25, 0.2, 0.15, 0.1, 0.2, 0.15, 0.1};
        Function<Loaded, Object> book = b -> b.array(
                "Styles$Asset",
                b.make("Styles$Asset", wv[0], wv[4], 0, b.constant("Styles$Kind", 0)),
                b.make("Styles$Asset", wv[1], wv[5], 0, b.constant("Styles$Kind", 1)),
                b.make("Styles$Asset", wv[2], wv[6], 1, b.constant("Styles$Kind", 0)),
                b.make("Styles$Asset", wv[3], wv[7], 1, b.constant("Styles$Kind", 1)));
        Function<Loaded, Object> layers = b -> List.of(
                b.make("Styles$Layer", 1.0, -1.0), b.make("Styles$Layer", 2.0, 0.5), b.make("Styles$Layer", 0.5, -2.0));
        double[] g = rnd(600, 22, -1, 1);
        Function<Loaded, Object> gating = b -> {
            Object[] experts = new Object[3];
            for (int e = 0; e < 3; e++) {
                experts[e] = b.make(
                        "Gating$Expert",
                        new double[] {g[7 * e], g[7 * e + 1], g[7 * e + 2]},
                        new double[] {g[7 * e + 3], g[7 * e + 4], g[7 * e + 5]},
                        g[7 * e + 6]);
            }
            return b.make("Gating", b.array("Gating$Expert", experts), 1.3);
        };
        double[][] conductivity = {{1.2, 0.7, 1.9}, {0.6, 1.4, 1.1}, {1.7, 0.9, 0.8}};
        List<Case> cases = new ArrayList<>(List.of(
                of("Styles", "portfolioVol", b -> new Object[] {book.apply(b), 0.6, 0.2}),
                of("Styles", "layeredFlux", b -> new Object[] {0.3, 2.0, layers.apply(b)}),
                of("Styles", "probitNll", b -> new Object[] {
                    new double[] {0.4, -0.7}, mat(402, 6, 2), new boolean[] {true, false, true, true, false, false}
                }),
                of("Styles", "springPotential", b -> new Object[] {0.3, -0.4, 0.5, 1.2}),
                of("Tracker", "track", b -> new Object[] {
                    b.make("Tracker", 0.6, 0.3, new double[] {0.1, 1.0}), new double[] {1.2, 1.9, 3.2, 3.9, 5.1}, 1.0
                }),
                of("Tracker", "innovations", b -> new Object[] {
                    b.make("Tracker", 0.6, 0.3, new double[] {0.1, 1.0}), new double[] {1.2, 1.9, 3.2, 3.9, 5.1}, 1.0
                }),
                of("Gating", "loss", b -> new Object[] {gating.apply(b), mat(601, 6, 3), rnd(602, 6, -1, 1)}),
                of("Fields", "heatEnergy", b ->
                        new Object[] {b.make("Fields$Plate", 1.3, conductivity, 3), rnd(504, 9, 0, 100)}),
                of("Fields", "bezierPoint", b -> new Object[] {rnd(500, 10, -1, 1), 0.37}),
                of("Fields", "histogramLoss", b ->
                        new Object[] {rnd(501, 12, -1, 1), new double[] {0.1, 0.3, 0.4, 0.2}, -1.0, 0.5}),
                of("Fields", "pendulum", b -> new Object[] {new double[] {1.0, 0.2}, 9.81, 0.05, 20})));
        for (int k = 0; k < 3; k++) { // each Boundary of the switch expression, each piecewise mode
            int kk = k;
            cases.add(of("Styles", "chainFreeEnergy", b ->
                    new Object[] {rnd(400, 6, -1, 1), 0.8, b.constant("Styles$Boundary", kk)}));
            cases.add(of("Fields", "piecewise", b ->
                    new Object[] {rnd(502, 6, -1, 2), new double[] {-0.5, 0.3, 1.1}, kk}));
        }
        for (int k = 0; k < 2; k++) { // each Averaging
            int kk = k;
            cases.add(of("Styles", "asian", b ->
                    new Object[] {100.0, 0.3, 100.0, 1.0, 8, 50, 401L, b.constant("Styles$Averaging", kk)}));
        }
        check(
                sources(
                        "Styles", StrangerApps28Styles.STYLES,
                        "NumLib", StrangerApps28Styles.NUM_LIB,
                        "Tracker", StrangerApps28Styles.TRACKER,
                        "Gating", StrangerApps28Styles.GATING,
                        "Fields", StrangerApps28Styles.FIELDS),
                cases);
    }

    @Test
    void moreStyles() throws Exception {
        double[][] src = mat(304, 5, 3);
        double[][] dst = mat(305, 5, 3);
        double[][] normals = mat(306, 5, 3);
        Function<Loaded, Object> poseA = b -> b.make("Geometry$Pose", 0.3, -0.2, 0.5, 0.1, 0.4, -0.3);
        Function<Loaded, Object> poseB = b -> b.make("Geometry$Pose", -0.1, 0.6, 0.2, 0.3, -0.2, 0.1);
        List<Case> cases = new ArrayList<>(List.of(
                of("Rigid", "composed", b ->
                        new Object[] {new double[] {0.3, -0.2, 0.5, 0.1, 0.7, -0.4}, mat(1, 3, 3)}),
                of("Rigid", "relativeAngle", b ->
                        new Object[] {new double[] {0.3, -0.2, 0.5}, new double[] {0.1, 0.7, -0.4}}),
                of("Small", "floatLogistic", b -> new Object[] {
                    new float[] {0.3f, -0.5f, 0.8f},
                    new float[][] {{0.1f, 0.4f, -0.3f}, {0.9f, -0.2f, 0.5f}, {-0.6f, 0.3f, 0.2f}},
                    new int[] {1, 0, 1}
                }),
                of("Small", "keplerRadius", b -> new Object[] {0.3, 1.1, 2.0}),
                of("Small", "nested", b ->
                        new Object[] {b.make("Small$Outer", b.make("Small$Inner", 0.7, -0.2), 1.3), 0.9}),
                of("Views", "reprojection", b -> new Object[] {
                    new double[] {0.1, -0.2, 0.15, 0.3, -0.1, 5},
                    new double[] {0.4, -0.3, 0.8},
                    new double[] {20, -15},
                    500.0
                }),
                of("Calls", "twoPoses", b -> new Object[] {poseA.apply(b), poseB.apply(b), src, dst, normals}),
                of("Calls", "doubling", b -> new Object[] {rnd(1, 4, -1, 1), 0.7}),
                of("Calls", "fluxes", b -> new Object[] {
                    new double[] {0.1, -0.3, 0.5}, List.of(new double[] {3, 2, 1.5, 0}, new double[] {4, 3.5, 1, 0.5})
                }),
                of("Kalman1", "nll", b ->
                        new Object[] {b.make("Kalman1", 0.2, 0.5, 0.1), new double[] {0.3, 0.5, 0.2, 0.9, 1.1}}),
                of("Tricky", "enthalpy", b -> new Object[] {new double[] {250, 330, 415, 560, 790, 1130, 1260}}),
                of("Tricky", "bucketed", b ->
                        new Object[] {rnd(1, 9, -1, 1), new int[] {2, 0, 1, 2, 2, 0, 1, 1, 2}, 3}),
                of("Tricky", "impliedVolFit", b -> new Object[] {
                    new double[] {12.0, 8.5, 5.9, 4.0}, new double[] {95, 100, 105, 110}, 100.0, 1.0, 0.2
                }),
                of("Tricky", "diffuse", b -> new Object[] {rnd(2, 7, 0, 1), 0.2, 5}),
                of("Tricky", "splat", b -> new Object[] {
                    mat(3, 3, 4), new int[][] {{0, 1}, {2, 3}, {0, 1}, {1, 2}, {2, 3}, {0, 1}}, rnd(4, 6, -2, 2)
                }),
                of("Narrow", "book", b ->
                        new Object[] {new double[] {0.2, -0.1, 0.3}, 100.0, new double[] {90, 100, 110, 120}, 0.5}),
                of("Narrow$Lens", "distort", b -> new Object[] {
                    b.make("Narrow$Lens", 0.1, -0.05, new double[] {0.3, -0.2}), new double[] {0.9, 0.4}
                })));
        for (String kind : List.of("rbf", "matern32", "softplus")) {
            cases.add(of("Kernels", "kernelSum", b -> new Object[] {0.8, 1.3, mat(9, 4, 2), kind}));
        }
        for (int k = 0; k < 3; k++) {
            int kk = k;
            cases.add(of("Kernels", "ridge", b ->
                    new Object[] {rnd(5, 3, -1, 1), mat(6, 6, 3), rnd(7, 6, -1, 1), b.constant("Kernels$Reg", kk)}));
            cases.add(of("Small", "mlpAct", b ->
                    new Object[] {rnd(3, 6, -1, 1), new double[] {0.4, -0.8}, b.constant("Small$Act", kk)}));
        }
        check(
                sources(
                        "Rigid", StrangerApps28More.RIGID,
                        "Small", StrangerApps28More.SMALL,
                        "Views", StrangerApps28More.VIEWS,
                        "Calls", StrangerApps28More.CALLS,
                        "Kalman1", StrangerApps28More.KALMAN1,
                        "Tricky", StrangerApps28More.TRICKY,
                        "Narrow", StrangerApps28More.NARROW,
                        "Kernels", StrangerApps28More.KERNELS,
                        "NumLib", StrangerApps28Styles.NUM_LIB,
                        "Geometry", StrangerApps28Learning.GEOMETRY),
                cases);
    }
}
