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

/** The geometry, object-style and idiom programs of {@link StrangerAppsTest}, checked the same way. */
class StrangerAppsMoreTest {
    @Test
    void geometry() throws Exception {
        int n = 7;
        double[] xy = new double[2 * n];
        double[] radii = rnd(30, n, 1, 1.2);
        for (int i = 0; i < n; i++) {
            xy[2 * i] = radii[i] * Math.cos(2 * Math.PI * i / n);
            xy[2 * i + 1] = radii[i] * Math.sin(2 * Math.PI * i / n);
        }
        List<Case> cases = new ArrayList<>(List.of(
                of("Shapes", "area", b -> new Object[] {xy}),
                of("Shapes", "repulsion", b -> new Object[] {rnd(31, 12, 0, 2), 1.2}),
                of("Shapes", "centroid", b -> new Object[] {xy}),
                of("Camera", "residual", b -> new Object[] {
                    new double[] {0.1, -0.2, 0.05, 0.3, -0.1, -4},
                    new double[] {0.2, 0.5, 1.0},
                    b.make("Camera$Intrinsics", 500.0, -0.1, 0.01),
                    10.0,
                    -20.0
                }),
                of("Camera", "residual", b -> new Object[] { // the first-order branch at w = 0
                    new double[] {0, 0, 0, 0.3, -0.1, -4},
                    new double[] {0.2, 0.5, 1.0},
                    b.make("Camera$Intrinsics", 500.0, -0.1, 0.01),
                    10.0,
                    -20.0
                }),
                of("Camera", "totalError", b -> new Object[] {
                    new double[][] {{0.1, -0.2, 0.05, 0.3, -0.1, -4}, {-0.05, 0.1, 0.2, -0.2, 0.2, -5}},
                    new double[][] {{0.2, 0.5, 1.0}, {-0.3, 0.1, 0.4}, {0.6, -0.4, 0.2}},
                    new int[] {0, 0, 1, 1, 1},
                    new int[] {0, 1, 0, 1, 2},
                    mat(32, 5, 2),
                    400.0
                })));
        for (int m = 0; m < 3; m++) { // each Metric of the switch expression
            int metric = m;
            cases.add(of("Shapes", "shapeEnergy", b -> new Object[] {xy, 3.0, b.constant("Shapes$Metric", metric)}));
        }
        check(sources("Shapes", StrangerAppsModels.SHAPES, "Camera", StrangerAppsModels.CAMERA), cases);
    }

    @Test
    void objects() throws Exception {
        double[] z = rnd(40, 16, 0.2, 2);
        Function<Loaded, Object> particles = b -> {
            Object[] ps = new Object[4];
            for (int i = 0; i < 4; i++) {
                ps[i] = b.make("Particles$Particle", z[4 * i], z[4 * i + 1], new double[] {z[4 * i + 2], z[4 * i + 3]});
            }
            return b.array("Particles$Particle", ps);
        };
        Function<Loaded, Object> springs = b -> b.array(
                "Particles$Spring",
                b.make("Particles$Spring", 0, 1, 1.0, 2.0),
                b.make("Particles$Spring", 1, 2, 1.0, 3.0),
                b.make("Particles$Spring", 2, 3, 1.0, 1.5),
                b.make("Particles$Spring", 3, 0, 1.0, 2.5),
                b.make("Particles$Spring", 0, 2, 1.4, 0.7));
        double[][] cov = {{0.04, 0.01, 0.0}, {0.01, 0.09, 0.02}, {0.0, 0.02, 0.16}};
        Function<Loaded, Object> portfolio =
                b -> b.make("Portfolio", new double[] {0.5, 0.3, 0.3}, cov, new double[] {0.05, 0.08, 0.12}, 3.0);
        check(
                sources(
                        "Particles", StrangerAppsModels.PARTICLES,
                        "Oscillator", StrangerAppsModels.OSCILLATOR,
                        "Portfolio", StrangerAppsModels.PORTFOLIO,
                        "Curve", StrangerAppsModels.CURVE),
                List.of(
                        of("Particles", "energy", b -> new Object[] {particles.apply(b), 9.8}),
                        of("Particles", "springEnergy", b -> new Object[] {
                            new double[][] {{0, 0}, {1.1, 0.1}, {0.9, 1.2}, {-0.1, 0.8}}, springs.apply(b)
                        }),
                        of("Oscillator", "fit", b -> new Object[] {
                            b.make("Oscillator$Params", 2.0, 0.3, 0.5, 1.3), 0.8, rnd(41, 8, -1, 1), 0.05, 10
                        }),
                        of("Portfolio", "objective", b -> new Object[] {portfolio.apply(b), 2.0}),
                        of("Portfolio", "objective", b -> new Object[] {portfolio.apply(b), 0.0}), // the early return
                        of("Portfolio", "shiftedRisk", b -> new Object[] {portfolio.apply(b), 0.1}),
                        of("Curve", "residual", b -> new Object[] {
                            b.make("Curve", 0.5, -0.2, new double[] {0.3, -0.1, 0.4}, 2),
                            rnd(42, 10, 0, 3),
                            rnd(43, 10, -1, 1)
                        })));
    }

    @Test
    void idioms() throws Exception {
        Function<Loaded, Object> data = b -> {
            List<Object> obs = new ArrayList<>();
            double[] noise = rnd(50, 15, -0.2, 0.2);
            for (int i = 0; i < 15; i++) {
                obs.add(b.make("Piecewise$Obs", 0.3 * i, Math.sin(0.3 * i) + noise[i], 0.5 + i % 3));
            }
            return obs;
        };
        double[][] X = mat(51, 10, 3);
        int[] y = {1, 0, 1, 1, 0, 0, 1, 0, 1, 1};
        double[] x4 = {0.3, -1.2, 0.8, 0.5};
        float[][] xf = {{0.3f, -1.1f}, {0.7f, 0.2f}, {-0.5f, 0.9f}, {1.2f, -0.3f}};
        List<Case> cases = new ArrayList<>(List.of(
                of("Piecewise", "root", b -> new Object[] {0.8}),
                of("Piecewise", "cappedIntegral", b -> new Object[] {rnd(52, 12, 0, 2), 0.1, 100.0}),
                of("Piecewise", "cappedIntegral", b -> new Object[] {rnd(52, 12, 0, 2), 0.1, 3.0}),
                of("Piecewise", "smoothHinge", b -> new Object[] {rnd(53, 3, -1, 1), X, y}),
                of("FloatNet", "loss", b ->
                        new Object[] {new float[] {0.3f, -0.4f}, 0.1f, xf, new float[] {0.2f, -0.1f, 0.4f, 0.0f}}),
                of("Epidemic", "poissonFit", b -> new Object[] {
                    Math.log(0.5), Math.log(0.1), new double[] {990, 10, 0}, new int[] {5, 8, 12, 15, 22, 30}, 0.25, 4
                }),
                of("Epidemic", "heat", b -> new Object[] {rnd(54, 9, 0, 1), 0.7, rnd(55, 9, 0, 0.5), 0.01, 0.125, 20}),
                of("Epidemic", "rnn", b ->
                        new Object[] {mat(56, 3, 3), mat(57, 3, 2), rnd(58, 3, -1, 1), mat(59, 5, 2)}),
                of("Orbit", "miss", b -> new Object[] {
                    b.make("Orbit", 1.0, new double[] {1, 0}, new double[] {0, 1.1}), new double[] {-0.5, 0.8}, 0.05, 60
                }),
                of("Tables", "interp", b -> new Object[] {rnd(60, 6, -1, 1), new double[] {0.1, 0.7, 1.5, 3.3, 6.1}}),
                of("Tables", "path", b -> new Object[] {new double[] {0, 1, 1.5, 3}, new double[] {0, 0.5, 2, 2.2}}),
                of("Tables", "matPower", b -> new Object[] {new double[] {0.9, 0.2, -0.3, 0.8}, 5}),
                of("Tables", "firstCrossing", b ->
                        new Object[] {new double[][] {{0.1, 0.2}, {0.3, 1.4, 0.2}, {2.0}}, 1.0}),
                of(
                        "Misc", "forVarRecords", b -> new Object[] {
                            b.array("Opt", b.make("Opt", 1.0, 0.5, true), b.make("Opt", 1.2, 1.0, false)), 1.1
                        }),
                of("Misc", "labelsLoop", b -> new Object[] {x4, new int[] {1, 0, 0, 1, 1, 0}}),
                of("Misc", "interfaceHelper", b -> new Object[] {x4, 0.7}),
                of("Misc", "whileTrue", b -> new Object[] {x4}),
                of("Misc", "boxed", b -> new Object[] {List.of(0.1, 0.2, 0.3, 0.4), x4}),
                of("Misc", "normalized", b -> new Object[] {x4}),
                of("Misc", "callsArrayResult", b -> new Object[] {x4, new double[] {0.5, 0.1, -0.3, 0.9}}),
                of("Misc", "postIncrementStore", b -> new Object[] {x4}),
                of("Misc", "finalLocals", b -> new Object[] {x4}),
                of("Misc$Inner", "nested", b -> new Object[] {0.7, 1.3})));
        for (int code = 0; code < 4; code++) { // each case of the classic switch, fall-through included
            int k = code;
            cases.add(of("Piecewise", "fit", b -> new Object[] {new double[] {0.1, 0.2, 0.7}, data.apply(b), k}));
        }
        for (double t : new double[] {-0.3, 0.77, 1.33, 9}) { // each branch of the lookup
            cases.add(of("Tables", "lookup", b -> new Object[] {rnd(61, 6, -1, 1), t, 0.5}));
        }
        for (String kind : new String[] {"gauss", "lorentz", "other"}) {
            cases.add(of("Misc", "stringSwitch", b -> new Object[] {x4, kind}));
        }
        for (int s = 0; s < 2; s++) {
            int shape = s;
            cases.add(of("Tables", "shaped", b ->
                    new Object[] {new double[] {0.2, 0.4, -0.1}, b.constant("Tables$Shape", shape), 1.7}));
        }
        check(
                sources(
                        "Piecewise", StrangerAppsIdioms.PIECEWISE,
                        "FloatNet", StrangerAppsIdioms.FLOAT_NET,
                        "Util", StrangerAppsIdioms.UTIL,
                        "Epidemic", StrangerAppsIdioms.EPIDEMIC,
                        "Orbit", StrangerAppsIdioms.ORBIT,
                        "Tables", StrangerAppsIdioms.TABLES,
                        "Vec", StrangerAppsIdioms.VEC,
                        "Misc", StrangerAppsIdioms.MISC,
                        "Opt", StrangerAppsIdioms.OPT),
                cases);
    }
}
