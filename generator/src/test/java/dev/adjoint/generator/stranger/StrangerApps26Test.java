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
 * Session 26's stranger programs, written from the README alone: finance (Hagan's SABR volatility and a
 * smile fit, Nelson–Siegel–Svensson, Vasicek bonds and a zero curve from a record, Heston by Euler with
 * full truncation, a CVA exposure loop with a {@code Random} per path and helpers of another class, an
 * annuity over a {@code static final} mortality table), engineering (a truss over an {@code int[][]} edge
 * list and over a static table, a cable's deflection through a Thomas solve of another class, RC
 * transients over an enum switch expression with a record's method, a PID controller holding its gains,
 * Kepler orbits by Newton), geometry (quaternion records composed by their methods, Bezier arc length by
 * Gauss–Legendre over a static table, a mesh Laplacian, a signed distance with smooth blends under
 * {@code import static Math.*} and an enum helper called in a loop, a ray–sphere hit with parameters
 * {@code o} and {@code d}), objects (a two-zone building model held as fields, traffic on a ring road
 * with Godunov fluxes, Bradley–Terry over a {@code List} of records, a two-compartment PK model over an
 * array of dose records), and learning (Dirichlet-multinomial through a hand-written Lanczos
 * {@code lgamma}, Poisson regression with an offset, t-SNE's KL, matrix factorisation through index
 * arrays, a mixture-density head, an LSTM cell holding its weights, a per-bar residual for sparse
 * Jacobians). Each is built as written and on the tape, checked by {@code AdjointCheck} against central
 * differences in both builds, and the two gradients are compared. Their {@code Jvp}, {@code Hvp} and
 * {@code Jacobian} were checked by hand against differences when written (what that found is in
 * {@link AppsFindingsTest}).
 */
class StrangerApps26Test {
    @Test
    void financeAndEngineering() throws Exception {
        Function<Loaded, Object> vasicek = b -> b.make("Curves$Vasicek", 0.3, 0.04, 0.012);
        Function<Loaded, Object> rc = b -> b.make("Circuits$Rc", 1.0, 1.0, 5.0);
        double[] nss = {0.04, -0.01, 0.02, -0.015, 1.8, 6.0};
        double[] ts = {0.5, 1, 2, 3, 5, 7, 10, 20};
        double[] ys = {0.031, 0.032, 0.034, 0.035, 0.037, 0.038, 0.039, 0.040};
        double[] setpoint = new double[30];
        for (int t = 0; t < setpoint.length; t++) {
            setpoint[t] = t < 5 ? 0 : 1 + 0.2 * Math.sin(0.3 * t);
        }
        double[] times = {0, 1, 2, 3, 4};
        double[][] observed = {{1.08, 0.45}, {-0.55, 1.33}, {-1.7, 0.55}, {-1.62, -0.62}, {-0.41, -1.41}};
        List<Case> cases = new ArrayList<>(List.of(
                of("Vols", "sabrVol", b -> new Object[] {0.03, 0.035, 2.0, 0.2, 0.5, -0.3, 0.6}),
                of("Vols", "sabrVol", b -> new Object[] {0.03, 0.03, 2.0, 0.2, 0.5, -0.3, 0.6}), // at the money
                of("Vols", "smileFit", b -> new Object[] {
                    new double[] {Math.log(0.05), -0.2, Math.log(0.5)},
                    0.5,
                    0.03,
                    1.5,
                    new double[] {0.02, 0.025, 0.03, 0.035, 0.04},
                    new double[] {0.45, 0.40, 0.37, 0.36, 0.365}
                }),
                of("Curves", "nss", b -> new Object[] {nss, 3.0}),
                of("Curves", "nssFit", b -> new Object[] {nss, ts, ys, null}),
                of("Curves", "nssFit", b -> new Object[] {nss, ts, ys, new double[] {1, 1, 2, 2, 2, 1, 1, 0.5}}),
                of("Curves", "vasicekBond", b -> new Object[] {0.02, vasicek.apply(b), 5.0}),
                of("Curves", "couponBond", b ->
                        new Object[] {0.02, vasicek.apply(b), 0.03, new double[] {1, 2, 3, 4, 5}}),
                of("Curves", "zeroCurve", b -> new Object[] {0.02, vasicek.apply(b), new double[] {0.5, 1, 2, 5, 10}}),
                new Case("Credit", "hestonCall", 1e-5, b ->
                        new Object[] {100.0, 100.0, 0.01, 1.5, 0.04, 0.3, -0.6, 0.05, 1.0, 12, 60, 7L}),
                new Case(
                        "Credit", "cva", 1e-5, b -> new Object[] {100.0, 95.0, 0.02, 0.25, 0.03, 0.4, 2.0, 6, 40, 11L}),
                of("Credit", "annuity", b -> new Object[] {0.03, 0.1, 62, 10}),
                of("Structures", "trussEnergy", b -> new Object[] {
                    new double[] {0, 0, 1.1, 0.05, 0.45, 0.9, 1.6, 0.8},
                    new int[][] {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {1, 3}},
                    new double[] {1, 1, 1, 1, 1},
                    new double[] {3, 2, 2.5, 1, 4},
                    new double[] {0, 0, 0, -0.3, 0.1, 0}
                }),
                of("Structures", "bridgeEnergy", b -> new Object[] {
                    new double[] {0.02, 0.04, 1.05, -0.03, 2, 0.01, 3.02, 0, 0.5, 0.62, 1.47, 0.6, 2.51, 0.57},
                    new double[] {0, 0, 1, 0, 2, 0, 3, 0, 0.5, 0.6, 1.5, 0.6, 2.5, 0.6},
                    10.0,
                    0.2
                }),
                of("Structures", "deflection", b ->
                        new Object[] {new double[] {2, 3, 1.5, 2.5, 4, 3}, new double[] {0.1, -0.2, 0.3, 0.05, 0.2}}),
                of("Structures", "compliance", b ->
                        new Object[] {new double[] {2, 3, 1.5, 2.5, 4, 3}, new double[] {0.1, -0.2, 0.3, 0.05, 0.2}}),
                of("Circuits", "fit", b ->
                        new Object[] {rc.apply(b), new double[] {0.2, 0.5, 0.9, 1.2, 1.6, 2.0}, 0.1}),
                of("Circuits", "response", b -> new Object[] {rc.apply(b), new double[] {0.1, 0.5, 1, 2}}),
                of("Pid", "trackingCost", b -> new Object[] {b.make("Pid", 2.0, 0.5, 0.1, 3.0), setpoint, 0.05, 0.4}),
                of("Pid", "trackingCost", b -> new Object[] {b.make("Pid", 20.0, 5.0, 0.5, 3.0), setpoint, 0.05, 0.4}),
                of("Pid", "trajectory", b -> new Object[] {b.make("Pid", 2.0, 0.5, 0.1, 3.0), setpoint, 0.05, 0.4}),
                of("Kepler", "position", b -> new Object[] {new double[] {1.5, 0.3, 0.2, 0.7}, 2.0}),
                of("Kepler", "position", b -> new Object[] {new double[] {1.5, 0.85, 0.2, 0.7}, 2.0}),
                of("Kepler", "orbitFit", b -> new Object[] {new double[] {1.5, 0.3, 0.2, 0.7}, times, observed})));
        for (int k = 0; k < 3; k++) { // each Scheme of the switch expression
            int scheme = k;
            cases.add(of("Circuits", "charge", b ->
                    new Object[] {rc.apply(b), b.constant("Circuits$Scheme", scheme), 0.05, 40}));
        }
        check(
                sources(
                        "Rates", StrangerApps26Finance.RATES,
                        "Vols", StrangerApps26Finance.VOLS,
                        "Curves", StrangerApps26Finance.CURVES,
                        "Credit", StrangerApps26Finance.CREDIT,
                        "Tridiag", StrangerApps26Finance.TRIDIAG,
                        "Structures", StrangerApps26Finance.STRUCTURES,
                        "Circuits", StrangerApps26Finance.CIRCUITS,
                        "Pid", StrangerApps26Finance.PID,
                        "Kepler", StrangerApps26Finance.KEPLER),
                cases);
    }

    @Test
    void geometryAndObjects() throws Exception {
        Function<Loaded, Object> a = b -> b.make("Quat", 0.9, 0.1, -0.3, 0.2);
        double[][] src = {{1, 0, 0}, {0, 1, 0}, {0.5, 0.5, 1}, {-1, 0.2, 0.3}};
        double[][] dst = {{0.9, 0.3, 0.2}, {-0.1, 0.95, 0.3}, {0.9, 0.3, 0.8}, {-0.8, 0.1, 0.6}};
        double[][] ctrl = {{0, 0}, {0.3, 0.8}, {0.9, 1.1}, {1.4, 0.6}, {1.9, 0.1}, {2.4, 0.2}, {3, 1}};
        int[][] nbrs = {{1, 2, 3}, {0, 2}, {0, 1, 3}, {0, 2}};
        double[] xyz = rnd(5, 12, -1, 1);
        double[] shape = {0.2, 0.1, -0.1, 0.8, 0.6, 0.4, 0.5, 0.3};
        double[][] pts = {{1, 0.2, 0}, {0.1, 0.9, 0.1}, {-0.7, 0.1, 0.4}, {0.3, -0.5, 0.6}, {0.7, 0.45, 0.3}};
        double[] dir = {0.05, 0.02, 1};
        double[] outdoor = new double[24];
        for (int k = 0; k < 24; k++) {
            outdoor[k] = 5 + 4 * Math.sin(2 * Math.PI * k / 24);
        }
        double[] rho0 = new double[12];
        for (int i = 0; i < 12; i++) {
            rho0[i] = 0.3 + 0.25 * Math.exp(-0.5 * (i - 5) * (i - 5));
        }
        Function<Loaded, Object> matches = b -> {
            List<Object> ms = new ArrayList<>();
            var r = new java.util.Random(3);
            for (int g = 0; g < 30; g++) {
                int h = r.nextInt(5);
                int w = (h + 1 + r.nextInt(4)) % 5;
                ms.add(b.make("Ratings$Match", h, w, r.nextDouble() < 0.5 + 0.1 * (h - w), 0.5 + r.nextDouble()));
            }
            return ms;
        };
        Function<Loaded, Object> pk = b -> b.make("Pharma$Pk", 1.2, 5.0, 30.0, 3.0, 60.0);
        Function<Loaded, Object> doses =
                b -> b.array("Pharma$Dose", b.make("Pharma$Dose", 0.0, 100.0), b.make("Pharma$Dose", 12.0, 100.0));
        double[] sampled = {1, 2, 4, 8, 13, 16, 24};
        double[] conc = {2.2, 2.4, 2.1, 1.5, 3.2, 2.5, 1.4};
        List<Case> cases = new ArrayList<>(List.of(
                of("Rotations", "rotate", b ->
                        new Object[] {a.apply(b), b.make("Quat", 0.8, -0.2, 0.1, 0.5), new double[] {0.3, -1.2, 0.7}}),
                of("Rotations", "alignLoss", b -> new Object[] {b.make("Quat", 0.9, 0.05, 0.25, -0.2), src, dst}),
                of("Curves2", "pathLength", b -> new Object[] {ctrl}),
                of("Curves2", "fairing", b -> new Object[] {ctrl, 3.0, 0.1}),
                of("Meshes", "laplacianEnergy", b -> new Object[] {xyz, nbrs, null}),
                of("Meshes", "laplacianEnergy", b ->
                        new Object[] {xyz, nbrs, new boolean[] {false, true, false, false}}),
                of("Meshes", "smoothed", b -> new Object[] {xyz, nbrs, 0.4}),
                of("Sdf", "surfaceFit", b -> new Object[] {shape, pts}),
                of("Sdf", "rayHit", b -> new Object[] {new double[] {0, 0, -5}, dir, new double[] {0.1, -0.1, 0}, 1.0}),
                of("Sdf", "rayHit", b ->
                        new Object[] {new double[] {0, 0, 0.2}, dir, new double[] {0.1, -0.1, 0}, 1.0}),
                of("Sdf", "nearest", b -> new Object[] {
                    new double[] {0, 0, -5}, dir, new double[][] {{0.1, -0.1, 0, 1}, {0.3, 0.1, -2, 0.5}, {3, 3, 0, 1}}
                }),
                of("Traffic", "evolve", b -> new Object[] {rho0, 1.0, 1.0, 0.05, 0.1, 20}),
                of("Traffic", "congestion", b -> new Object[] {rho0, 1.0, 1.0, 0.05, 0.1, 20}),
                of("Ratings", "negLogLik", b -> new Object[] {rnd(31, 5, -1, 1), 0.2, matches.apply(b), 0.1}),
                of("Pharma", "concentrations", b -> new Object[] {pk.apply(b), doses.apply(b), sampled, 0.05}),
                of("Pharma", "fit", b -> new Object[] {pk.apply(b), doses.apply(b), sampled, conc, 0.05})));
        for (int k = 0; k < 3; k++) { // each Blend and each Mode of the switch expressions
            int o = k;
            cases.add(of("Sdf", "distance", b ->
                    new Object[] {new double[] {0.9, 0.35, 0.2}, shape, b.constant("Sdf$Blend", o)}));
            Function<Loaded, Object[]> building = b -> new Object[] {
                b.make("Building", 2.0, 0.5, new double[] {3, 5}, 0.9),
                b.constant("Building$Mode", o),
                outdoor,
                new double[] {18, 17},
                20.0,
                4.0,
                0.5
            };
            cases.add(of("Building", "simulate", building));
            cases.add(of("Building", "discomfort", building));
        }
        check(
                sources(
                        "Quat", StrangerApps26Geometry.QUAT,
                        "Rotations", StrangerApps26Geometry.ROTATIONS,
                        "Curves2", StrangerApps26Geometry.CURVES2,
                        "Meshes", StrangerApps26Geometry.MESHES,
                        "Sdf", StrangerApps26Geometry.SDF,
                        "Building", StrangerApps26Geometry.BUILDING,
                        "Traffic", StrangerApps26Geometry.TRAFFIC,
                        "Ratings", StrangerApps26Geometry.RATINGS,
                        "Pharma", StrangerApps26Geometry.PHARMA),
                cases);
    }

    @Test
    void learning() throws Exception {
        int[][] counts = {{3, 0, 5, 2}, {1, 1, 1, 7}, {0, 4, 2, 2}, {6, 2, 0, 0}};
        double[][] p = new double[5][5];
        double[] raw = rnd(7, 25, 0, 1);
        double total = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                if (i != j && !(i == 0 && j == 3)) { // one zero affinity
                    p[i][j] = raw[5 * i + j];
                    total += p[i][j];
                }
            }
        }
        for (double[] row : p) {
            for (int j = 0; j < 5; j++) {
                row[j] /= total;
            }
        }
        double[][] w = mat(12, 9, 4);
        double[] bias = rnd(13, 9, -0.3, 0.3);
        Function<Loaded, Object> cell =
                b -> b.make("Lstm", mat(16, 12, 2), mat(17, 12, 3), rnd(18, 12, -0.2, 0.2), 0.8);
        List<Case> cases = new ArrayList<>(List.of(
                of("Counts", "dirichletMultinomial", b -> new Object[] {new double[] {0.2, -0.5, 0.7, -1.6}, counts}),
                of("Counts", "poissonNll", b -> new Object[] {
                    new double[] {0.3, -0.2, 0.5},
                    mat(3, 12, 3),
                    rnd(4, 12, -0.5, 0.5),
                    new int[] {0, 2, 1, 4, 0, 3, 1, 1, 5, 2, 0, 1},
                    0.1
                }),
                of("Embeddings", "tsneKl", b -> new Object[] {rnd(8, 10, -2, 2), p}),
                of("Embeddings", "factorization", b -> new Object[] {
                    mat(9, 3, 2),
                    mat(10, 4, 2),
                    rnd(11, 7, -0.5, 0.5),
                    new int[] {0, 1, 2, 0, 1, 2, 2},
                    new int[] {0, 1, 3, 2, 2, 0, 1},
                    new double[] {4, 3, 5, 1, 2, 4, 3},
                    0.05
                }),
                of("Mdn", "nll", b -> new Object[] {w, bias, rnd(14, 4, -1, 1), 0.4, 3}),
                of("Mdn", "means", b -> new Object[] {w, bias, mat(15, 3, 4), 3}),
                of("Lstm", "step", b ->
                        new Object[] {cell.apply(b), rnd(19, 2, -1, 1), rnd(20, 3, -0.5, 0.5), rnd(21, 3, -0.5, 0.5)}),
                of("Lstm", "sequenceLoss", b -> new Object[] {cell.apply(b), mat(22, 5, 2), 0.7}),
                of("Springs", "barResidual", b -> new Object[] {new double[] {0, 0, 1.1, 0.05}, 1.0, 3.0}),
                of("Springs", "tanhLoss", b ->
                        new Object[] {new double[] {0.3, -0.7, 1.2}, new double[] {1.5, 0.4, -0.8}})));
        check(
                sources(
                        "SpecialFns", StrangerApps26Learning.SPECIAL_FNS,
                        "Counts", StrangerApps26Learning.COUNTS,
                        "Embeddings", StrangerApps26Learning.EMBEDDINGS,
                        "Mdn", StrangerApps26Learning.MDN,
                        "Lstm", StrangerApps26Learning.LSTM,
                        "Springs", StrangerApps26Learning.SPRINGS),
                cases);
    }
}
