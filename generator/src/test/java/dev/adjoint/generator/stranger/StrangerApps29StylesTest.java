package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.StrangerAppsTest.mat;
import static dev.adjoint.generator.stranger.StrangerAppsTest.of;
import static dev.adjoint.generator.stranger.StrangerAppsTest.rnd;
import static dev.adjoint.generator.stranger.StrangerAppsTest.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.Gradients;
import dev.adjoint.autograd.Tensor;
import dev.adjoint.check.AdjointCheck;
import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.stranger.StrangerApps29Harness.Counts;
import dev.adjoint.generator.stranger.StrangerAppsTest.Case;
import dev.adjoint.generator.stranger.StrangerAppsTest.Loaded;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Session 29's programs in the README's styles ({@link StrangerApps29Styles}, {@link StrangerApps29More}): each
 * built as written (AUTO must choose the static strategy) and on the tape, both gradients against central differences
 * and each other, static methods' {@code Jvp}, {@code Hvp} and {@code Jacobian} against their oracles
 * ({@link StrangerApps29Harness}), objects' {@code Jvp} and {@code Hvp} ({@link StrangerApps29Objects}); the
 * {@code modes} asked for; the {@code Tensor} autograd and {@code GradCheck} on a generated gradient.
 */
class StrangerApps29StylesTest {
    @Test
    void styles() throws Exception {
        double[][] x3 = mat(60, 8, 3);
        double[] y = rnd(61, 8, -1, 1);
        y[2] = 4; // an outlier, beyond the Huber threshold
        int[] y01 = {1, 0, 0, 1, 1, 0, 1, 0};
        double[] prices = new double[30];
        for (int t = 0; t < prices.length; t++) {
            prices[t] = 100 + 5 * Math.sin(0.3 * t) + 0.2 * t;
        }
        Function<Loaded, Object> links = x -> x.array(
                "Styles$Link",
                x.make("Styles$Link", 1.0, 0.05),
                x.make("Styles$Link", 0.7, -0.1),
                x.make("Styles$Link", 0.5, 0.02));
        Function<Loaded, Object> obs = x -> List.of(
                x.make("Styles$Obs", 0.5, 1.6, false),
                x.make("Styles$Obs", 1.0, 1.2, false),
                x.make("Styles$Obs", 2.0, 1.5, true),
                x.make("Styles$Obs", 3.0, 0.3, false));
        List<Case> cases = new ArrayList<>(List.of(
                of("Styles", "chainReach", x -> new Object[] {links.apply(x), new double[] {0.3, 0.4, -0.2}, 1.2, 1.1}),
                of("Styles", "activate", x -> new Object[] {rnd(62, 6, -2, 2), "gelu"}),
                of("Styles", "activate", x -> new Object[] {rnd(63, 6, -2, 2), "swish"}),
                of("Styles", "activate", x -> new Object[] {rnd(64, 6, -2, 2), "relu"}),
                of("Styles", "ljFloat", x ->
                        new Object[] {new float[] {0, 0, 1.1f, 0.1f, 0.4f, 0.95f, 1.3f, 1.2f}, 1.0f}),
                of("Styles", "keplerRadius", x -> new Object[] {1.3, 0.4, 2.0}),
                of("Styles", "firstCrossing", x -> new Object[] {rnd(65, 12, -1, 1.5), 3, 0.4}),
                of("Styles", "survivalIntegral", x -> new Object[] {0.3, 0.05, 5.0}),
                of("Styles", "alignment", x ->
                        new Object[] {0.3, new double[] {0.1, -0.2}, mat(66, 5, 2), mat(67, 5, 2)}),
                of("Styles", "decayFit", x -> new Object[] {new double[] {2.0, 0.4}, obs.apply(x)}),
                of("Styles", "hingeOnly", x -> new Object[] {new double[] {0.3, -0.2, 0.5}, x3, y01}),
                of("Styles", "hingeForward", x -> new Object[] {new double[] {0.3, -0.2, 0.5}, x3, y01}),
                of("Styles", "poissonLoss", x -> new Object[] {rnd(68, 5, -1, 1), rnd(69, 5, 0, 2), rnd(70, 5, 0, 3)}),
                of("Styles", "crossover", x -> new Object[] {prices, 3, 7}),
                of("Styles", "polar", x -> new Object[] {new double[] {0.6, -0.8}}),
                of("LqrPolicy", "cost", x ->
                        new Object[] {x.make("LqrPolicy", new double[] {0.8, 1.5}, 0.1), 1.0, -0.3, 40}),
                of("Tank", "track", x -> new Object[] {
                    x.make("Tank$Params", 2.0, 0.3, rnd(71, 10, 0, 0.2), 10), rnd(72, 10, 0, 5), 20.0, 22.0, 0.5
                })));
        for (int k = 0; k < 3; k++) {
            int kk = k;
            cases.add(of("Styles", "robustFit", x ->
                    new Object[] {new double[] {0.2, 0.5, -0.3}, x3, y, x.constant("Styles$Loss", kk), 1.0}));
        }
        Map<String, String> sources = sources(
                "Geo", StrangerApps29Styles.GEO,
                "LqrPolicy", StrangerApps29Styles.LQR_POLICY,
                "Styles", StrangerApps29Styles.STYLES,
                "Tank", StrangerApps29Styles.TANK);
        Counts n = StrangerApps29Harness.run(sources, cases, b -> moreStyles(b));
        assertEquals(new Counts(20, 16, 14, 1), n);
    }

    /** The modes asked for, the object's Jvp and Hvp, the Tensor autograd and GradCheck on one build. */
    private static void moreStyles(Loaded b) throws Exception {
        // Jvp of methods taking an array of records and a plain class (the tangents are LinkGrad[] and Tank_ParamsGrad)
        StrangerApps29Objects.sinkJvp(b, of("Styles", "chainReach", x -> new Object[] {
            x.array("Styles$Link", x.make("Styles$Link", 1.0, 0.05), x.make("Styles$Link", 0.7, -0.1)),
            new double[] {0.3, 0.4},
            1.2,
            1.1
        }));
        StrangerApps29Objects.sinkJvp(b, of("Tank", "track", x -> new Object[] {
            x.make("Tank$Params", 2.0, 0.3, rnd(71, 10, 0, 0.2), 10), rnd(72, 10, 0, 5), 20.0, 22.0, 0.5
        }));
        StrangerApps29Objects.sinkJvp(b, of("LqrPolicy", "cost", x ->
                new Object[] {x.make("LqrPolicy", new double[] {0.8, 1.5}, 0.1), 1.0, -0.3, 40}));
        // modes: REVERSE alone has no Jvp, Hvp; a Jvp another method's Jvp calls is kept; FORWARD adds no Hvp
        Set<String> names = new TreeSet<>();
        for (Method m : b.type("StylesAdjoint").getDeclaredMethods()) {
            names.add(m.getName());
        }
        assertTrue(
                names.containsAll(List.of("hingeOnlyGrad", "hingeOnlyVjp", "hingeForwardJvp", "hingeBaseJvp")),
                names::toString);
        for (String absent : List.of("hingeOnlyJvp", "hingeOnlyHvp", "hingeForwardHvp", "hingeBaseHvp")) {
            assertFalse(names.contains(absent), absent + " in " + names);
        }
        assertTrue(names.containsAll(List.of("poissonLossJvp", "poissonLossHvp", "polarJacobian")), names::toString);

        // the objects' Jvp and Hvp (wrt = "this")
        StrangerApps29Objects.objectModes(b, "LqrPolicy", "LqrPolicy", "cost", () ->
                new Object[] {b.make("LqrPolicy", new double[] {0.8, 1.5}, 0.1), 1.0, -0.3, 40});

        // the Tensor autograd of the same loss as poissonLoss gives its gradient
        double[] w = rnd(68, 5, -1, 1);
        double[] xs = rnd(69, 5, 0, 2);
        double[] ys = rnd(70, 5, 0, 3);
        Tensor wt = Tensor.of(w.clone()).requiresGrad(true);
        Tensor z = wt.mul(Tensor.of(xs));
        Tensor loss =
                z.exp().sub(Tensor.of(ys).mul(z)).mean().add(wt.pow(2).sum().mul(0.5));
        loss.backward();
        double[] dw = new double[5];
        Method grad = Arrays.stream(b.type("StylesAdjoint").getDeclaredMethods())
                .filter(m -> m.getName().equals("poissonLossGrad"))
                .findFirst()
                .orElseThrow();
        double value = (double) grad.invoke(null, w, xs, ys, dw);
        assertEquals(loss.item(), value, 1e-12);
        StrangerHarness.assertAgree(wt.grad().values(), dw, 1e-12, "Tensor against poissonLossGrad");
        // and GradCheck, the lower-level tool, on the generated gradient of the same function
        Method f = Arrays.stream(b.type("Styles").getDeclaredMethods())
                .filter(m -> m.getName().equals("poissonLoss"))
                .findFirst()
                .orElseThrow();
        GradCheck.assertGradient(
                v -> {
                    try {
                        return (double) f.invoke(null, v, xs, ys);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                },
                w,
                dw,
                1e-7,
                1e-9);
    }

    @Test
    void more() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            int kk = k;
            cases.add(of("More$Op", "apply", x -> new Object[] {x.constant("More$Op", kk), 0.7, -1.3}));
        }
        cases.addAll(List.of(
                of("More", "stochasticPeak", x -> new Object[] {0.45, 0.2, 20, 30, 5L}),
                of("More$Filter", "apply", x ->
                        new Object[] {x.make("More$Filter", 0.6, new double[] {0.5, 0.3, 0.2}), rnd(80, 6, -1, 1)}),
                of("More", "kinetic", x ->
                        new Object[] {1.3, List.of(new double[] {0, 0.1, 0.3, 0.6}, new double[] {1, 0.8, 0.7}), 0.1}),
                of("More", "timeVarying", x -> new Object[] {
                    new double[][][] {mat(81, 3, 3), mat(82, 3, 3), mat(83, 3, 3)}, rnd(84, 3, -1, 1), mat(85, 3, 3)
                }),
                of("More$MfModel", "loss", x -> new Object[] {
                    x.make("More$MfModel", mat(86, 3, 2), mat(87, 4, 2), 3.2),
                    new int[] {0, 1, 2, 0, 2},
                    new int[] {0, 3, 1, 2, 2},
                    new double[] {4, 2.5, 3, 5, 1},
                    0.05
                })));
        double[] xs = rnd(88, 6, -1, 1);
        double[] ys = rnd(89, 6, -0.8, 0.8);
        cases.addAll(List.of(
                of("Odd", "poissonCdf", x -> new Object[] {2.3, 4}),
                of("Odd", "lookup", x -> new Object[] {1.3}),
                of("Odd", "palindrome", x -> new Object[] {rnd(90, 7, -1, 1)}),
                of("Odd", "weighted", x -> new Object[] {rnd(91, 5, -1, 1), 3L}),
                of("Odd", "guarded", x -> new Object[] {1.7}),
                of("Odd", "program", x -> new Object[] {rnd(92, 5, -1, 1), new int[] {0, 1, 0, 1, 0}}),
                of("Odd", "program", x -> new Object[] {rnd(93, 5, -1, 1), new int[] {0, 1, 2, 0, 1}}),
                of("Odd", "babylon", x -> new Object[] {2.0}),
                of("Odd", "rosen", x -> new Object[] {new double[] {-1.2, 1.0, 0.8, 0.5}}),
                of("Odd", "narrowing", x -> new Object[] {0.7f, 0.3f}),
                of("Tagged", "loss", x -> new Object[] {x.make("Tagged", 0.8, -0.1, "tag"), xs, ys})));
        Counts n = StrangerApps29Harness.run(
                sources(
                        "More",
                        StrangerApps29More.MORE,
                        "Odd",
                        StrangerApps29More.ODD,
                        "Tagged",
                        StrangerApps29More.TAGGED),
                cases,
                b -> {
                    StrangerApps29Objects.objectModes(b, "More_MfModel", "More$MfModel", "loss", () -> new Object[] {
                        b.make("More$MfModel", mat(86, 3, 2), mat(87, 4, 2), 3.2),
                        new int[] {0, 1, 2, 0, 2},
                        new int[] {0, 3, 1, 2, 2},
                        new double[] {4, 2.5, 3, 5, 1},
                        0.05
                    });
                    StrangerApps29Objects.sinkJvp(
                            b, of("More$Filter", "apply", x -> new Object[] {
                                x.make("More$Filter", 0.6, new double[] {0.5, 0.3, 0.2}), rnd(80, 6, -1, 1)
                            }));
                    StrangerApps29Objects.objectModes(b, "Tagged", "Tagged", "loss", () ->
                            new Object[] {b.make("Tagged", 0.8, -0.1, "tag"), xs, ys});
                });
        assertEquals(new Counts(19, 16, 15, 0), n);
    }

    @Test
    void inPlaceAndCorners() throws Exception {
        double[] meas = new double[12];
        for (int n = 0; n < meas.length; n++) {
            meas[n] = (2 * Math.PI * 1.3 * 0.1 * (n + 1) + 0.4) % (2 * Math.PI);
        }
        List<Case> cases = List.of(
                of("Tricky", "cumsumLoss", x -> new Object[] {rnd(94, 6, -1, 1), rnd(95, 6, -1, 2)}),
                of("Tricky", "fir", x -> new Object[] {rnd(96, 4, -1, 1), rnd(97, 10, -1, 1), rnd(98, 10, -1, 1)}),
                of("Tricky", "rowSoftmax", x -> new Object[] {mat(99, 4, 3), new int[] {0, 2, 1, 2}}),
                of("Tricky", "relax", x -> new Object[] {rnd(100, 6, -1, 1), rnd(101, 6, -1, 1), 4}),
                of("Tricky", "pll", x -> new Object[] {1.25, 0.3, meas, 0.1}),
                of("Tricky", "leaky", x -> new Object[] {0.8f, new float[] {0.5f, -0.3f, 0.9f, 0.2f}}),
                of("Tricky", "thresholds", x -> new Object[] {mat(102, 3, 4), new double[] {0.1, 0.3, 0.6, 2.0}}));
        Counts n = StrangerApps29Harness.run(sources("Tricky", StrangerApps29Tricky.TRICKY), cases);
        assertEquals(new Counts(7, 7, 5, 2), n);
    }

    @Test
    void recursionGoesToTheTapeWithItsJvp() throws Exception {
        double[] p = {0.0, 1.2, -0.4, 0.9, 0.3};
        List<Case> cases = List.of(of("Rec2", "bezier", x -> new Object[] {p, 0, 4, 0.37}), of("Rec2", "fit", x ->
                new Object[] {p, new double[] {0.1, 0.4, 0.7, 0.9}, new double[] {0.2, 0.5, 0.4, 0.3}}));
        Counts n = StrangerApps29Harness.run(
                sources("Rec2", StrangerApps29Tricky.REC2), cases, b -> {}, List.of("Rec2#bezier"));
        assertEquals(
                new Counts(2, 2, 0, 0), n); // (no Hvp on the tape, nor for fit, which calls it: the build notes it)
    }

    /**
     * {@code Adjoint.detach}: the gradient of a loss whose statistics are detached equals the gradient of its twin
     * given those statistics as numbers (checked by central differences); and buffers accumulate: a second
     * {@code nameGrad} call doubles the gradient, {@code Gradients.zero} clears it.
     */
    @Test
    void detachAndAccumulation() throws Exception {
        Loaded b = StrangerAppsTest.build(sources("Detach", StrangerApps29Tricky.DETACH), false);
        double[] x = rnd(103, 6, -1, 2);
        double[] target = rnd(104, 6, -1, 1);
        double mu = 0;
        for (double v : x) {
            mu += v / x.length;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mu) * (v - mu);
        }
        double sd = Math.sqrt(var / x.length + 1e-5);
        AdjointCheck.assertGradient(b.type("Detach"), "givenStats", x, target, mu, sd);
        Class<?> adjoint = b.type("DetachAdjoint");
        Method frozen = StrangerApps29Harness.find(adjoint, "frozenStatsGrad");
        Method given = StrangerApps29Harness.find(adjoint, "givenStatsGrad");
        double[] df = new double[6];
        double[] dg = new double[6];
        double vf = (double) frozen.invoke(null, x, target, df);
        double vg = (double) given.invoke(null, x, target, mu, sd, dg);
        assertEquals(vg, vf, 1e-12);
        StrangerHarness.assertAgree(dg, df, 1e-12, "detached statistics against given ones");
        double[] twice = df.clone();
        frozen.invoke(null, x, target, twice);
        for (int i = 0; i < 6; i++) {
            assertEquals(2 * df[i], twice[i], 1e-12);
        }
        Gradients.zero(twice);
        assertEquals(0, Arrays.stream(twice).map(Math::abs).sum());
    }

    @Test
    void recordsWithMethods() throws Exception {
        Function<Loaded, Object> start = x -> x.make("Shapes$Pose", x.make("Shapes$Vec", 0.2, -0.1), 0.3);
        Function<Loaded, Object> poly = x -> x.make("Shapes$Poly", new double[] {0.5, -0.3, 0.8, 0.1}, 0.2);
        List<Case> cases = List.of(
                of("Shapes", "odometry", x -> new Object[] {
                    start.apply(x), new double[] {1.0, 0.8, 1.2, 0.5}, new double[] {0.1, -0.3, 0.4, 0.2}, 2.5, 1.0
                }),
                of("Shapes", "polyFit", x -> new Object[] {poly.apply(x), rnd(105, 6, -1, 1), rnd(106, 6, -1, 1)}));
        Counts n = StrangerApps29Harness.run(sources("Shapes", StrangerApps29More.SHAPES), cases, b -> {
            for (Case c : cases) {
                StrangerApps29Objects.sinkJvp(b, c);
            }
        });
        assertEquals(new Counts(2, 0, 0, 0), n); // (records: their Jvp by sinkJvp above)
    }
}
