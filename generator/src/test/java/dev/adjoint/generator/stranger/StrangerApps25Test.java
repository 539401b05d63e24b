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
 * Session 25's stranger programs, written from the README alone: control and robotics (a planar arm's
 * forward kinematics as an array result, inverse kinematics with a guard, an LQR cost over a horizon, a
 * planar quadrotor with a record of parameters and a void step helper, an arm held as an object with
 * {@code Link[]}), science (an SEIR model fitted with Heun steps, Arrhenius kinetics over an enum switch
 * expression, softened N-body and Lennard-Jones energies, explicit heat steps with ping-pong buffers, a
 * stirred tank held in a plain class), machine learning (a GRU holding its weights, attention, a
 * factorization machine over {@code int[][]} rows, robust losses by enum, batch normalisation, a Gaussian
 * process with a hand-written Cholesky, soft-DTW, an HMM forward pass, a soft decision tree over an
 * explicit stack, a Poisson GLM over {@code List} data with a {@code @CustomDerivative} and a string
 * switch, Holt–Winters assigning its fields), signals (FIR, 2-D convolution, total variation, a smooth
 * histogram, a float filter), econometrics (mean–variance over a static table, multinomial logit over a
 * ragged 3-D array, Erlang C, ARMA), geometry (mesh area and volume through a record's methods, range
 * residuals) and numerics (Kepler's equation by Newton in a do-while, a record-state integrator, an
 * insertion sort under {@code &&}, a labelled search, a truss over an enum with helpers of an interface
 * and of another class, image registration through bilinear interpolation with casts, float and long
 * mixing, {@code %} on doubles). Each is built as written (every method static) and on the tape, checked by {@code
 * AdjointCheck} against central differences in both builds, and the two gradients are compared. Their
 * {@code Jvp}, {@code Hvp} and {@code Jacobian} were checked by hand against differences when written.
 */
class StrangerApps25Test {
    @Test
    void controlAndScience() throws Exception {
        Function<Loaded, Object> quad = b -> b.make("Robotics$Quad", 1.0, 0.02, 0.15);
        double[][] thrusts = mat(8, 12, 2);
        for (double[] row : thrusts) {
            for (int j = 0; j < 2; j++) {
                row[j] = 5 + 0.5 * row[j];
            }
        }
        Function<Loaded, Object> arm = b -> b.make(
                "Manipulator",
                b.array(
                        "Manipulator$Link",
                        b.make("Manipulator$Link", 1.0, 2.0),
                        b.make("Manipulator$Link", 0.8, 1.5),
                        b.make("Manipulator$Link", 0.5, 1.0)),
                9.81,
                new double[] {2, 1.5, 1});
        Function<Loaded, Object> tank = b -> b.make(
                "Reactor", 330.0, 2.0, new double[] {0.2, 0.1}, b.make("Reactor$Rates", 14.0, 45000.0), 30, "cstr");
        double[] series = new double[14];
        for (int t = 0; t < series.length; t++) {
            series[t] = 10 + 0.5 * t + 2 * Math.sin(Math.PI * t / 2) + 0.3 * Math.cos(3.1 * t);
        }
        Function<Loaded, Object> hw =
                b -> b.make("HoltWinters", 0.4, 0.2, 0.3, 10.0, 0.4, new double[] {0.1, 2, -0.2, -1.8});
        double[] q = {0.3, -0.5, 0.9};
        double[][] a = {{1, 0.1, 0}, {0, 1, 0.1}, {0.05, 0, 0.98}};
        double[][] bm = {{0, 0.1}, {0.1, 0}, {0, 0.2}};
        double[] lj = {0, 0, 0, 1.12, 0, 0, 0.56, 0.97, 0, 0.56, 0.32, 0.91, 2.9, 0.1, 0.2};
        List<Case> cases = new ArrayList<>(List.of(
                of("Robotics", "endEffector", b -> new Object[] {q}),
                of("Robotics", "ikLoss", b -> new Object[] {q, new double[] {1.2, 0.9}, 2.0}),
                of("Robotics", "ikLoss", b -> new Object[] {q, new double[] {1.2, 0.9}, 0.4}), // penalties active
                of("Robotics", "lqrCost", b -> new Object[] {
                    mat(7, 2, 3), a, bm, new double[] {1, 0.5, 2}, 0.1, new double[] {1, -0.5, 0.3}, 20
                }),
                of("Robotics", "quadTrack", b ->
                        new Object[] {thrusts, quad.apply(b), new double[] {0.1, 0.9, 0.05, 0, 0, 0}, 0.05}),
                of("Science", "seirFit", b -> new Object[] {
                    new double[] {Math.log(0.6), Math.log(0.25), Math.log(0.2)},
                    new double[] {9900, 80, 20, 0},
                    new double[] {60, 110, 190, 300, 420, 500, 480},
                    0.25,
                    28
                }),
                of("Science", "nbodyPotential", b -> new Object[] {mat(11, 5, 3), new double[] {1, 2, 0.5, 1.5, 0.8}}),
                of("Science", "lennardJones", b -> new Object[] {lj, 1.0, 1.0, 2.5}),
                of("Science", "heat", b -> new Object[] {rnd(12, 9, 0, 1), 0.7, 0.1, 0.004, 25}),
                of("Science", "heatEnergy", b -> new Object[] {rnd(12, 9, 0, 1), 0.7, rnd(13, 9, 0.5, 1.5)}),
                of("Manipulator", "potential", b -> new Object[] {arm.apply(b), new double[] {0.4, -0.3, 0.7}}),
                of("Manipulator", "reach", b ->
                        new Object[] {arm.apply(b), new double[] {0.4, -0.3, 0.7}, new double[] {1.2, 1.1}, 0.05}),
                of("Manipulator", "tipOf", b -> new Object[] {arm.apply(b), new double[] {0.4, -0.3, 0.7}}),
                of("Reactor", "product", b -> new Object[] {tank.apply(b), 0.6, 0.1}),
                of("Reactor", "profit", b -> new Object[] {tank.apply(b), 0.6, 3.0}),
                of("HoltWinters", "fit", b -> new Object[] {hw.apply(b), series})));
        for (int order = 0; order < 2; order++) { // each Order of the switch expression
            int o = order;
            cases.add(new Case("Science", "kinetics", 1e-5, b -> new Object[] {
                b.make("Science$Arrhenius", 12.0, 40000.0),
                b.make("Science$Arrhenius", 10.5, 35000.0),
                b.constant("Science$Order", o),
                new double[] {300, 310, 320, 330, 340, 350, 360, 370},
                new double[] {0.01, 0.03, 0.06, 0.1, 0.13, 0.15, 0.16, 0.15},
                0.5
            }));
        }
        check(
                sources(
                        "Robotics", StrangerApps25Sources.ROBOTICS,
                        "Science", StrangerApps25Sources.SCIENCE,
                        "Manipulator", StrangerApps25Sources.MANIPULATOR,
                        "Reactor", StrangerApps25Sources.REACTOR,
                        "HoltWinters", StrangerApps25Sources.HOLT_WINTERS),
                cases);
    }

    @Test
    void learning() throws Exception {
        Function<Loaded, Object> data = b -> {
            List<Object> obs = new ArrayList<>();
            var rng = new java.util.Random(61);
            for (int i = 0; i < 25; i++) {
                double dose = rng.nextDouble() * 2;
                double age = rng.nextDouble();
                obs.add(b.make("Counts$Obs", dose, age, (int) (3 * dose + rng.nextInt(3))));
            }
            return obs;
        };
        double[] beta = {0.2, 1.1, -0.3};
        int[][] rows = {{0, 2, 5}, {1, 3}, {0, 1, 4, 5}, {2, 4}};
        double[][] vals = {{1, 0.5, 2}, {1, 1}, {0.3, 0.7, 1, 1}, {2, -1}};
        double[][] x = mat(29, 8, 3);
        double[] y = rnd(30, 8, -3, 3);
        List<Case> cases = new ArrayList<>(List.of(
                of("Gru", "sequenceLoss", b ->
                        new Object[] {b.make("Gru", 2, 3, 5L), mat(21, 6, 2), rnd(22, 6, -0.5, 0.5)}),
                of("Learning", "attention", b ->
                        new Object[] {rnd(23, 4, -1, 1), mat(24, 5, 4), mat(25, 5, 3), rnd(26, 3, -1, 1)}),
                of("Learning", "fmPredict", b ->
                        new Object[] {0.1, rnd(27, 6, -0.3, 0.3), mat(28, 6, 2), rows[2], vals[2]}),
                of("Learning", "fmLoss", b ->
                        new Object[] {0.1, rnd(27, 6, -0.3, 0.3), mat(28, 6, 2), rows, vals, new int[] {1, 0, 1, 0}}),
                of("Learning", "batchNorm", b ->
                        new Object[] {mat(31, 4, 3), new double[] {1.2, 0.8, 1.0}, new double[] {0.1, -0.1, 0}, 1e-5}),
                of("Learning", "gpNll", b -> new Object[] {
                    b.make("Learning$Kernel", Math.log(0.8), Math.log(0.7), Math.log(0.1)),
                    new double[] {0.1, 0.5, 0.9, 1.4, 2.0, 2.2, 3.1},
                    new double[] {0.2, 0.6, 0.7, 0.9, 0.8, 0.7, 0.1}
                }),
                of("Sequences", "softDtw", b -> new Object[] {rnd(91, 7, -1, 1), rnd(92, 6, -1, 1), 0.3}),
                of("Sequences", "hmmLogLik", b -> new Object[] {
                    mat(93, 3, 3),
                    mat(94, 3, 4),
                    new double[] {0.2, -0.1, 0.3},
                    new int[] {0, 1, 3, 3, 2, 0, 1, 2, 2, 3}
                }),
                of("Sequences", "softTree", b -> new Object[] {
                    new double[] {0.1, -0.2, 0.3},
                    new double[] {0.5, -0.5, 1.0, 0.2},
                    0.4,
                    mat(95, 9, 2),
                    rnd(96, 9, -1, 1)
                }),
                of("Counts", "poissonNll", b -> new Object[] {beta, data.apply(b)})));
        for (int k = 0; k < 3; k++) { // each Robust of the switch expression
            int kind = k;
            cases.add(of("Learning", "robustLoss", b ->
                    new Object[] {new double[] {0.3, -0.2, 0.5}, x, y, b.constant("Learning$Robust", kind), 0.3}));
        }
        for (String link : new String[] {"exp", "softplus", "smooth"}) { // each case of the string switch
            cases.add(of("Counts", "namedLink", b -> new Object[] {beta, data.apply(b), link}));
        }
        check(
                sources(
                        "Gru", StrangerApps25Learning.GRU,
                        "Learning", StrangerApps25Learning.LEARNING,
                        "Sequences", StrangerApps25Learning.SEQUENCES,
                        "Counts", StrangerApps25Learning.COUNTS),
                cases);
    }

    @Test
    void signalsEconometricsGeometry() throws Exception {
        double[] v = {1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1};
        double[] noise = rnd(71, 18, -0.1, 0.1);
        for (int i = 0; i < 18; i++) {
            v[i] += noise[i];
        }
        int[][] faces = {{0, 2, 4}, {2, 1, 4}, {1, 3, 4}, {3, 0, 4}, {2, 0, 5}, {1, 2, 5}, {3, 1, 5}, {0, 3, 5}};
        int[][] edges = {{0, 2}, {2, 1}, {1, 3}, {3, 0}, {0, 4}, {1, 4}, {2, 5}, {3, 5}};
        double[][][] alternatives = new double[6][][];
        for (int n = 0; n < 6; n++) {
            alternatives[n] = mat(50 + n, n == 5 ? 2 : 3, 3); // the last person has two alternatives
        }
        double[] arma = new double[40];
        var r = new java.util.Random(51);
        double e = 0;
        for (int t = 1; t < arma.length; t++) {
            double ne = 0.3 * r.nextGaussian();
            arma[t] = 0.1 + 0.6 * arma[t - 1] + 0.3 * e + ne;
            e = ne;
        }
        float[] noisy = new float[30];
        float[] clean = new float[30];
        for (int i = 0; i < 30; i++) {
            clean[i] = (float) Math.sin(0.3 * i);
            noisy[i] = clean[i] + (float) (0.2 * Math.sin(7.1 * i));
        }
        List<Case> cases = new ArrayList<>(List.of(
                of("Signal", "fir", b -> new Object[] {rnd(41, 12, -1, 1), new double[] {0.5, 0.3, -0.2, 0.1}}),
                of("Signal", "firFit", b ->
                        new Object[] {new double[] {0.5, 0.3, -0.2, 0.1}, rnd(41, 12, -1, 1), rnd(43, 9, -1, 1)}),
                of("Signal", "conv2d", b -> new Object[] {mat(44, 5, 6), mat(45, 3, 3)}),
                of("Signal", "tvEnergy", b -> new Object[] {mat(47, 4, 5), mat(46, 4, 5), 0.3, 0.05}),
                of("Signal", "smoothHistogram", b -> new Object[] {
                    rnd(48, 20, -2, 2), 0.6, new double[] {-2, -1, 0, 1, 2}, new double[] {0.1, 0.2, 0.4, 0.2, 0.1}
                }),
                of("Econ", "meanVariance", b -> new Object[] {new double[] {0.2, -0.1, 0.4, 0.0}, 3.0}),
                of("Econ", "logitNll", b ->
                        new Object[] {new double[] {0.5, -0.3, 0.8}, alternatives, new int[] {0, 2, 1, 1, 0, 1}}),
                of("Econ", "erlangCost", b -> new Object[] {0.7, 1.1, 1, 0.2}),
                of("Econ", "erlangCost", b -> new Object[] {2.1, 1.1, 3, 0.2}),
                of("Econ", "armaLogLik", b -> new Object[] {new double[] {0.05, 0.5, 0.2, Math.log(0.35)}, arma}),
                of("Mesh", "area", b -> new Object[] {v, faces}),
                of("Mesh", "volume", b -> new Object[] {v, faces}),
                of("Mesh", "balloon", b -> new Object[] {v, faces, 1.5, 2.0}),
                of("Mesh", "springs", b -> new Object[] {v, edges, rnd(72, 8, 1.2, 1.6), 3.0}),
                of("Queues", "meanWait", b -> new Object[] {1.3, 1.0, 200, 7L}),
                of("Queues", "cost", b -> new Object[] {2.0, 1.0, 4, 11L}),
                of("Localisation", "rangeResidual", b ->
                        new Object[] {new double[] {0.3, 1.2}, new double[] {2.1, 0.4}, 1.9, 1.0}),
                of("Localisation", "cost", b -> new Object[] {
                    rnd(73, 10, 0, 3),
                    new int[] {0, 0, 1, 2, 3, 1, 4},
                    new int[] {1, 2, 2, 3, 4, 4, 0},
                    rnd(74, 7, 0.9, 2.5)
                }),
                of("FloatFilter", "denoise", b -> new Object[] {new float[] {0.4f, 0.3f, 0.2f}, 0.3f, noisy, clean})));
        check(
                sources(
                        "Signal", StrangerApps25Signals.SIGNAL,
                        "Econ", StrangerApps25Signals.ECON,
                        "Mesh", StrangerApps25Signals.MESH,
                        "Queues", StrangerApps25Signals.QUEUES,
                        "Localisation", StrangerApps25Signals.LOCALISATION,
                        "FloatFilter", StrangerApps25Signals.FLOAT_FILTER),
                cases);
    }

    @Test
    void numerics() throws Exception {
        double[][] image = new double[8][9];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 9; j++) {
                image[i][j] = Math.sin(0.7 * i) * Math.cos(0.5 * j) + 0.1 * i;
            }
        }
        double[][] template = new double[4][5];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                template[i][j] = 0.3 * Math.sin(i + j);
            }
        }
        double[] xy = {0, 0, 1, 0, 0, 1, 1, 1};
        double[] u = {0, 0, 0.01, -0.02, 0.005, 0.01, 0.02, 0.015};
        int[][] bars = {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {0, 3}};
        double[] areas = {1, 1.2, 0.8, 1, 0.5};
        double[] x = {0, 1, 2, 3, 4, 5, 6};
        List<Case> cases = new ArrayList<>(List.of(
                of("Orbits", "keplerFit", b -> new Object[] {
                    new double[] {1.2, 0.3, 0.9, 0.2},
                    new double[] {0, 0.5, 1, 1.7, 2.3, 3.1},
                    new double[] {0.9, 0.5, 0, -0.6, -1.2, -1.3},
                    new double[] {0.2, 0.6, 0.9, 1.0, 0.5, -0.2}
                }),
                of("Orbits", "shoot", b -> new Object[] {new double[] {0.1, 1.1}, 1.0, 0.01, 150, -0.5, 0.8}),
                of("Orbits", "trimmedLoss", b ->
                        new Object[] {new double[] {0.05, 0.98}, x, new double[] {0.1, 1.2, 1.9, 3.3, 9, 5.1, -2}, 2}),
                of("Orbits", "bestWindow", b -> new Object[] {new double[] {0.1, 0.5, -0.3, 0.9, 0.7, -0.2, 0.4}, 3}),
                of("Truss", "forces", b -> new Object[] {xy, u, bars, b.make("Truss$Section", 2.0, 3.0)}),
                of("Truss", "relaxed", b -> new Object[] {new double[] {1, -0.5, 0.3}, new double[3], 0.1, 30}),
                of("Warp", "register", b ->
                        new Object[] {new double[] {1.1, 0.1, -0.05, 0.95, 1.37, 1.21}, image, template}),
                of("Warp", "mixed", b ->
                        new Object[] {new float[] {0.3f, -0.7f, 0.5f}, new double[] {0.2, 0.4, -1.1, 0.8, 1.3}, 3L}),
                of("Warp", "wrapped", b -> new Object[] {1.3, 2.7, new double[] {0.1, 0.45, 1.3, 2.2, 3.7}})));
        for (int m = 0; m < 2; m++) { // each Material, compared with == and switched over
            int material = m;
            cases.add(of("Truss", "energy", b -> new Object[] {xy, u, bars, areas, b.constant("Material", material)}));
            cases.add(of(
                    "Truss", "energyConst", b -> new Object[] {xy, u, bars, areas, b.constant("Material", material)}));
        }
        check(
                sources(
                        "Orbits", StrangerApps25Numerics.ORBITS,
                        "Truss", StrangerApps25Numerics.TRUSS,
                        "Material", StrangerApps25Numerics.MATERIAL,
                        "Geo", StrangerApps25Numerics.GEO,
                        "Util", StrangerApps25Numerics.UTIL,
                        "Warp", StrangerApps25Numerics.WARP),
                cases);
    }
}
