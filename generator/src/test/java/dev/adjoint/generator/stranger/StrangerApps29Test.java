package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.StrangerAppsTest.mat;
import static dev.adjoint.generator.stranger.StrangerAppsTest.of;
import static dev.adjoint.generator.stranger.StrangerAppsTest.rnd;
import static dev.adjoint.generator.stranger.StrangerAppsTest.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.stranger.StrangerApps29Harness.Counts;
import dev.adjoint.generator.stranger.StrangerAppsTest.Case;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 29's stranger programs, written from the README alone in domains earlier sessions covered little:
 * control (an LQR rollout over {@code Arrays.copyOf}/{@code fill}/{@code arraycopy}, a scalar Riccati recursion, a
 * clamped MPC horizon, a closed loop's final state, a cart-pole with an early return), robotics (a planar chain's
 * end point, an inverse-kinematics loss calling it, a Denavit–Hartenberg chain through 4×4 helpers, an arm
 * calibrated with {@code wrt = "this"}), chemistry (a truncated and shifted Lennard-Jones cluster, a periodic one
 * with a switching function, reaction kinetics by RK4 and a fit stepping a floating-point clock, Arrhenius),
 * epidemiology (an SEIR peak with records, a Poisson SEIR fit over {@code int[]} cases, the SEIR state's Jacobian),
 * econometrics (GARCH(1,1) with a guard, ARMA, probit through a {@code @CustomDerivative}, tobit), survival (Weibull
 * AFT, piecewise-exponential, Gompertz in float), Bayesian models (a logistic log-posterior with a half-Cauchy prior,
 * a Gaussian mixture through another class's log-sum-exp, eight schools with {@code Math.fma}), recommenders (biased
 * matrix factorisation and BPR over index arrays), graphs (propagation over {@code int[][]} adjacency, a Laplacian,
 * a GCN layer), signals (a biquad and its cascade, a frequency response in dB, an STFT loss by a hand-written DFT, a
 * float one-pole), rendering (a soft rasteriser, an SDF blend, a sphere tracer, Lambert shading), reinforcement
 * learning (REINFORCE, GAE's Jacobian, PPO's clip, a soft value), optics (Fermat, Fresnel with total internal
 * reflection, ABCD lenses, a float Gaussian beam), a truss's energy and strains, and pricing (Heston by full-truncation
 * Euler with a seeded {@code Random}, a smoothed barrier, Hagan's SABR and its calibration). Each method is built as
 * written (AUTO must choose the static strategy) and on the tape; both gradients are checked against central
 * differences and against each other; static methods' {@code Jvp} by the dot-product test against the gradient,
 * {@code Hvp} against central differences of the gradient, {@code Jacobian} against central differences
 * ({@link StrangerApps29Harness}); records' and objects' {@code Jvp}, objects' {@code Hvp} too
 * ({@link StrangerApps29Objects}). The styles are in {@link StrangerApps29StylesTest}; what they found in
 * {@link Apps29FindingsTest}. (The Heston point satisfies Feller's condition: at {@code v0 = 0.04, xi = 0.6} paths
 * graze zero, where {@code sqrt(v)}'s slope makes central differences at h = 6e-6 wrong, -3.8 against -11.157 for
 * d/dtheta; at h = 1e-9 they give -11.1573, the gradient, the tape's and the {@code Jvp}'s.)
 */
class StrangerApps29Test {
    @Test
    void controlRoboticsChemistry() throws Exception {
        double[][] a = {{1.0, 0.1}, {0.0, 1.0}};
        double[][] b = {{0.005}, {0.1}};
        double[] theta = {0.3, -0.5, 0.8, 0.2};
        double[] len = {1.0, 0.8, 0.6, 0.4};
        double[] cluster = {0, 0, 0, 1.12, 0.05, 0, 0.5, 0.97, 0.1, 0.55, 0.3, 0.92, -0.6, 0.55, 0.4, 1.6, 1.1, 0.3};
        double[] c0 = {1.0, 0.1, 0.0, 0.05};
        List<Case> cases = List.of(
                of("Control", "lqrCost", x -> new Object[] {
                    new double[] {0.8, 1.2}, a, b, new double[] {1.0, -0.5}, new double[] {1.0, 0.1}, 0.05, 30
                }),
                of("Control", "riccati", x -> new Object[] {1.1, 0.4, 0.7, 0.3, 12}),
                of("Control", "mpcCost", x -> new Object[] {
                    new double[] {0.5, -1.8, 2.5, 0.3, -0.2, 1.1, -2.2}, new double[] {1.0, 0.4}, 0.2, 1.5, 0.6
                }),
                of("Control", "closedLoop", x ->
                        new Object[] {new double[] {0.9, 1.4}, a, b, new double[] {1, -0.5}, 8}),
                of("Control", "cartPole", x -> new Object[] {new double[] {0.5, 1.0, 30.0, 5.0}, 0.1, 0.02, 40}),
                of("Control", "cartPole", x -> new Object[] {new double[] {0.5, 1.0, 2.0, 0.1}, 0.3, 0.05, 40}),
                of("Robot", "planarEnd", x -> new Object[] {theta, len}),
                of("Robot", "ikLoss", x -> new Object[] {
                    new double[] {0.3, -0.5, 1.9, 0.2},
                    len,
                    new double[] {1.2, 1.5},
                    new double[] {-1.5, -1.5, -1.5, -1.5},
                    new double[] {1.5, 1.5, 1.5, 1.5}
                }),
                of("Robot", "dhReach", x -> new Object[] {
                    new double[] {0.3, -0.4, 0.9},
                    new double[] {0.4, 0, 0},
                    new double[] {0.1, 0.6, 0.5},
                    new double[] {Math.PI / 2, 0, 0},
                    new double[] {0.5, 0.3, 0.6}
                }),
                of("Arm", "calibration", x -> new Object[] {
                    x.make("Arm", new double[] {1.0, 0.7, 0.4}, new double[] {0.01, -0.02, 0.03}, 0.05),
                    mat(11, 5, 3),
                    mat(12, 5, 2)
                }),
                of("Chem", "ljEnergy", x -> new Object[] {cluster, 1.0, 1.2, 1.6}),
                of("Chem", "ljPeriodic", x -> new Object[] {cluster, 2.2, 0.9, 1.1}),
                of("Chem", "kinetics", x -> new Object[] {new double[] {0.7, 0.3, 0.5, 0.2}, c0, 0.1, 15}),
                of("Chem", "kineticsFit", x -> new Object[] {
                    new double[] {-0.3, -1.2, -0.7, -1.6},
                    c0,
                    new double[] {0.5, 1.0, 2.0, 3.0},
                    new double[] {0.35, 0.45, 0.4, 0.3},
                    0.1
                }),
                of("Chem", "arrhenius", x -> new Object[] {
                    12.0,
                    5.0e4,
                    new double[] {300, 320, 350, 400},
                    new double[] {-8.0, -6.8, -5.1, -3.0},
                    new double[] {1, 1, 0.5, 2}
                }),
                of("Epi", "peakInfected", x ->
                        new Object[] {x.make("Epi$Rates", 0.6, 0.25, 0.2), 1000.0, 5.0, 0.5, 120}),
                of("Epi", "seirFit", x -> new Object[] {
                    new double[] {Math.log(0.5), Math.log(0.3), Math.log(0.2)},
                    new int[] {1, 2, 2, 3, 5, 6, 9, 12, 15, 20},
                    1000.0,
                    3.0,
                    4
                }),
                of("Epi", "seirState", x -> new Object[] {new double[] {0.5, 0.3, 0.2}, 1000.0, 3.0, 0.5, 40}));
        Counts n = StrangerApps29Harness.run(
                sources(
                        "Control", StrangerApps29Control.CONTROL,
                        "Robot", StrangerApps29Control.ROBOT,
                        "Arm", StrangerApps29Control.ARM,
                        "Chem", StrangerApps29Chemistry.CHEM,
                        "Epi", StrangerApps29Chemistry.EPI),
                cases,
                auto -> {
                    StrangerApps29Objects.sinkJvp(auto, of("Epi", "peakInfected", x ->
                            new Object[] {x.make("Epi$Rates", 0.6, 0.25, 0.2), 1000.0, 5.0, 0.5, 120}));
                    StrangerApps29Objects.objectModes(auto, "Arm", "Arm", "calibration", () -> new Object[] {
                        auto.make("Arm", new double[] {1.0, 0.7, 0.4}, new double[] {0.01, -0.02, 0.03}, 0.05),
                        mat(11, 5, 3),
                        mat(12, 5, 2)
                    });
                });
        assertEquals(new Counts(18, 16, 12, 4), n);
    }

    @Test
    void statisticsRecommendersGraphs() throws Exception {
        double[][] x3 = mat(21, 12, 3);
        int[] y01 = {1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1};
        double[] ytob = rnd(22, 12, -1, 2);
        for (int i = 0; i < ytob.length; i++) {
            ytob[i] = Math.max(0, ytob[i]);
        }
        double[] returns = rnd(23, 40, -3, 3); // percent
        double[] arma = new double[30];
        double e1 = 0;
        java.util.Random r = new java.util.Random(24);
        for (int t = 1; t < arma.length; t++) {
            double e = 0.3 * r.nextGaussian();
            arma[t] = 0.1 + 0.6 * (arma[t - 1] - 0.1) + e + 0.3 * e1;
            e1 = e;
        }
        double[] times = rnd(25, 12, 0.2, 4);
        boolean[] event = {true, false, true, true, true, false, true, false, true, true, false, true};
        int[][] adj = {{1, 2}, {0, 2, 3}, {0, 1}, {1, 4, 5}, {3, 5}, {3, 4}};
        int[][] edges = {{0, 1}, {0, 2}, {1, 2}, {1, 3}, {3, 4}, {3, 5}, {4, 5}};
        List<Case> cases = List.of(
                of("Econ", "garchNll", x -> new Object[] {0.2, 0.08, 0.85, returns}),
                of("Econ", "armaCss", x -> new Object[] {new double[] {0.5}, new double[] {0.2, -0.1}, 0.05, arma}),
                new Case("Econ", "probitNll", 1e-4, x -> new Object[] {new double[] {0.3, -0.6, 0.9}, x3, y01}),
                new Case("Econ", "tobitNll", 1e-4, x -> new Object[] {new double[] {0.3, -0.6, 0.9}, -0.2, x3, ytob}),
                of("Surv", "weibullAft", x -> new Object[] {new double[] {0.2, -0.3, 0.5}, 0.4, x3, times, event}),
                of("Surv", "piecewiseExp", x -> new Object[] {
                    new double[] {-1.0, -0.5, -0.8},
                    new double[] {0, 1, 2.5},
                    times,
                    new int[] {1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1}
                }),
                of("Surv", "gompertz", x -> new Object[] {
                    -2.0f,
                    -0.7f,
                    new float[] {0.5f, 1.5f, 2.2f, 3.1f, 0.9f},
                    new boolean[] {true, false, true, true, false}
                }),
                of("Bayes", "logPosterior", x -> new Object[] {new double[] {0.3, -0.6, 0.9}, 0.2, x3, y01}),
                of("Bayes", "mixture", x -> new Object[] {
                    new double[] {0.2, -0.3, 0.1},
                    new double[] {-1, 0.5, 2},
                    new double[] {-0.3, -0.1, 0.2},
                    rnd(26, 10, -2, 3)
                }),
                of("Bayes", "eightSchools", x -> new Object[] {
                    rnd(27, 8, -1, 1),
                    4.0,
                    1.2,
                    new double[] {28, 8, -3, 7, -1, 1, 18, 12},
                    new double[] {15, 10, 16, 11, 9, 11, 10, 18}
                }),
                of("Rec", "mfLoss", x -> new Object[] {
                    mat(28, 4, 3),
                    mat(29, 5, 3),
                    rnd(30, 4, -0.2, 0.2),
                    rnd(31, 5, -0.2, 0.2),
                    3.5,
                    new int[] {0, 1, 2, 3, 0, 2, 1},
                    new int[] {0, 1, 4, 2, 3, 3, 0},
                    new double[] {4, 3, 5, 2, 4.5, 3.5, 1},
                    0.01
                }),
                of("Rec", "bpr", x -> new Object[] {
                    mat(32, 3, 4), mat(33, 5, 4), new int[][] {{0, 1, 2}, {1, 3, 0}, {2, 4, 1}, {0, 0, 3}, {2, 1, 4}}
                }),
                of(
                        "Graph", "propagate", x -> new Object[] {
                            rnd(34, 6, 0, 1), adj, 0.85, 6, new int[] {0, 3, 5}, new double[] {0.2, 0.9, 0.4}
                        }),
                of("Graph", "laplacian", x ->
                        new Object[] {rnd(35, 6, 0, 1), rnd(36, 7, 0.5, 1.5), edges, rnd(37, 6, 0, 1)}),
                of("Graph", "gcn", x -> new Object[] {mat(38, 6, 3), mat(39, 3, 2), adj, new double[] {0.7, -1.1}}));
        Counts n = StrangerApps29Harness.run(
                sources(
                        "NumUtil", StrangerApps29Stats.NUM_UTIL,
                        "Econ", StrangerApps29Stats.ECON,
                        "Surv", StrangerApps29Stats.SURV,
                        "Bayes", StrangerApps29Stats.BAYES,
                        "Rec", StrangerApps29Stats.REC,
                        "Graph", StrangerApps29Stats.GRAPH),
                cases);
        assertEquals(new Counts(15, 15, 15, 0), n);
    }

    @Test
    void signalsRenderingLearningPricing() throws Exception {
        double[] sig = new double[24];
        double[] tgt = new double[24];
        for (int n = 0; n < sig.length; n++) {
            sig[n] = Math.sin(0.4 * n) + 0.5 * Math.sin(1.9 * n + 0.3);
            tgt[n] = 0.8 * Math.sin(0.4 * n - 0.2);
        }
        double[][] sections = {{0.2, 0.3, 0.1, -0.4, 0.15}, {0.5, -0.2, 0.05, 0.1, 0.2}};
        double[][] image = new double[6][7];
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 7; c++) {
                image[r][c] = (r + c) % 3 == 0 ? 1 : 0;
            }
        }
        double[][] samples = mat(40, 8, 3);
        double[][] normals = mat(41, 6, 3);
        for (double[] nrm : normals) {
            double l = Math.sqrt(nrm[0] * nrm[0] + nrm[1] * nrm[1] + nrm[2] * nrm[2]);
            for (int d = 0; d < 3; d++) {
                nrm[d] /= l;
            }
        }
        double[][] nodes = {{0, 0}, {1, 0}, {2, 0}, {0.5, 0.8}, {1.5, 0.8}};
        double[] u = rnd(42, 10, -0.05, 0.05);
        List<Case> cases = List.of(
                of("Signal", "biquad", x -> new Object[] {new double[] {0.3, 0.2, 0.1, -0.5, 0.2}, rnd(43, 6, -1, 1)}),
                of("Signal", "cascadeFit", x -> new Object[] {sections, sig, tgt}),
                of("Signal", "responseLoss", x -> new Object[] {
                    sections, new double[] {0.1, 0.5, 1.0, 2.0, 2.8}, new double[] {-3, -6, -10, -15, -20}
                }),
                of("Signal", "stftLoss", x -> new Object[] {sig, tgt, 8, 4}),
                of("Signal", "onePole", x -> new Object[] {
                    0.4f, new float[] {1, 0.5f, -0.3f, 0.8f, 0.2f}, new float[] {0.3f, 0.4f, 0.1f, 0.3f, 0.25f}
                }),
                of("Render", "softRaster", x ->
                        new Object[] {new double[] {0.2, 0.1, 0.9, 0.3, 0.4, 0.85}, image, 0.05}),
                of("Render", "sdfFit", x ->
                        new Object[] {new double[] {0.1, -0.2, 0.05, 0.6, 0.4, 0.3, 0.5}, samples, 0.2}),
                of("Render", "traceDepth", x ->
                        new Object[] {new double[] {0.2, 0.1, 3.0}, 0.8, new double[] {0.0, 0.0, 1.0}, 6}),
                of("Render", "lambert", x -> new Object[] {
                    new double[] {0.3, 0.5, 0.8}, 0.9, normals, new double[] {0.5, 0.1, 0.7, 0.3, 0.2, 0.6}
                }),
                of("Rl", "reinforce", x ->
                        new Object[] {mat(44, 3, 4), mat(45, 6, 4), new int[] {0, 2, 1, 1, 0, 2}, rnd(46, 6, -1, 2)}),
                of("Rl", "gae", x -> new Object[] {
                    rnd(47, 6, -1, 1),
                    rnd(48, 6, 0, 1),
                    new boolean[] {false, false, true, false, false, false},
                    0.99,
                    0.95
                }),
                of("Rl", "ppoClip", x -> new Object[] {
                    new double[] {-0.9, -1.4, -0.3, -2.1},
                    new double[] {-1.0, -1.1, -0.35, -1.5},
                    new double[] {0.5, -0.7, 1.2, -0.4},
                    0.2
                }),
                of("Rl", "softValue", x -> new Object[] {mat(49, 4, 3), 0.5}),
                of("Optics", "fermat", x -> new Object[] {
                    new double[] {0.4, 1.1, 1.5}, new double[] {1.0, 1.33, 1.5, 1.2}, new double[] {1, 0.5, 0.8, 1}, 2.5
                }),
                of("Optics", "fresnel", x -> new Object[] {0.6, 1.0, 1.5}),
                of("Optics", "fresnel", x -> new Object[] {1.2, 1.5, 1.0}), // total internal reflection
                of("Optics", "lensSystem", x ->
                        new Object[] {new double[] {0.5, -0.8, 0.4}, new double[] {0.2, 0.3, 0.6}, 0.01, 0.02}),
                of("Optics", "beamFit", x -> new Object[] {
                    0.5f, 0.2f, 0.6f, new float[] {-1, -0.5f, 0, 0.5f, 1}, new float[] {0.9f, 0.6f, 0.5f, 0.62f, 0.95f}
                }),
                of("Truss", "energy", x ->
                        new Object[] {u, new double[] {100, 120, 90, 80, 110, 100, 95}, nodes, rnd(50, 10, -1, 1)}),
                of("Truss", "strains", x -> new Object[] {u, nodes}),
                of("Price", "heston", x -> new Object[] {100.0, 0.09, 2.0, 0.09, 0.3, -0.7, 100.0, 1.0, 10, 200, 11L}),
                of("Price", "barrier", x -> new Object[] {100.0, 0.25, 0.02, 100.0, 85.0, 1.0, 12, 200, 12L, 2.0}),
                of("Price", "sabr", x -> new Object[] {0.03, 0.035, 1.0, 0.035, 0.5, -0.3, 0.4}),
                of("Price", "sabrFit", x -> new Object[] {
                    new double[] {Math.log(0.035), -0.3, Math.log(0.4)},
                    0.03,
                    1.0,
                    0.5,
                    new double[] {0.02, 0.025, 0.03, 0.035, 0.04},
                    new double[] {0.23, 0.215, 0.205, 0.2, 0.199}
                }));
        Counts n = StrangerApps29Harness.run(
                sources(
                        "Signal", StrangerApps29Signals.SIGNAL,
                        "Render", StrangerApps29Signals.RENDER,
                        "Rl", StrangerApps29Signals.RL,
                        "Optics", StrangerApps29Signals.OPTICS,
                        "Truss", StrangerApps29Pricing.TRUSS,
                        "Price", StrangerApps29Pricing.PRICE),
                cases);
        assertEquals(new Counts(24, 24, 20, 4), n);
    }
}
