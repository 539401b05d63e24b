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
 * Session 27's stranger programs, written from the README alone: science (ideal-gas Gibbs energy through a
 * helper of another class, with an element-balance penalty; a minmod-limited MUSCL advection step returning
 * the next state and a total variation after several steps; a Lotka–Volterra RK4 fit over observation rows
 * with a void right-hand side of another class; a Michaelis–Menten fit through a record and an optional
 * weights array; Beer–Lambert over a {@code static final} band table; a Hohmann transfer with a guard),
 * engineering (a spring chain's stiffness assembled into a local matrix by a void helper, its energy and a
 * Gauss–Seidel compliance; a damped chain held in a plain object), finance (a CRR put, European, American
 * and Bermudan by an enum switch expression; zero rates bootstrapped from swap rates and a bond on them; a
 * CIR bond; a local-volatility Monte Carlo over a fixed normal table), learning (Cox partial likelihood over
 * an {@code int[]} order, a negative-binomial GLM, a GP marginal likelihood through helpers returning new
 * matrices (kernel, Cholesky), a linear-chain CRF, skip-gram negative sampling over index arrays, capsule
 * squash and margin loss, a layer-normalised GELU perceptron holding its weights with {@code wrt = "this"}),
 * and geometry (inverse-distance weighting with an early return, a catenary solved by Newton, Procrustes
 * over a pose record, a soft rasteriser's coverage, barycentric interpolation over a record of arrays).
 * Each is built as written and on the tape, checked by {@code AdjointCheck} against central differences in
 * both builds, and the two gradients are compared. Their {@code Jvp}, {@code Hvp} and {@code Jacobian} were
 * checked by hand against differences when written (Jvp against gradient·v, Hvp against differences of the
 * gradient, Jacobians against differences: 78 checks, none wrong); what that found is in
 * {@link Apps27FindingsTest}.
 */
class StrangerApps27Test {
    @Test
    void scienceEngineeringAndFinance() throws Exception {
        double[] n = {0.3, 0.5, 0.2, 0.7};
        double[] g0 = {-1.2e5, -3.9e5, 0, -2.4e5};
        double[] u = new double[10];
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.exp(-0.5 * (i - 4.3) * (i - 4.3)) + 0.1 * Math.sin(i);
        }
        double[][] obs = {{1, 9.5, 6.5}, {2, 7.5, 8.0}, {3.5, 5.0, 8.0}, {5, 4.0, 6.5}};
        double[] s = {0.1, 0.3, 0.6, 1.2, 2.5, 5};
        double[] v = {0.25, 0.6, 0.95, 1.3, 1.6, 1.85};
        Function<Loaded, Object> kin = b -> b.make("Science$Kinetics", 2.0, 0.7);
        double[] k = {3, 2, 4, 1.5};
        double[] f = {0.2, -0.1, 0.4, 0.3};
        double[] swaps = {0.02, 0.024, 0.027, 0.029, 0.031, 0.032};
        List<Case> cases = new ArrayList<>(List.of(
                of("Science", "gibbs", b -> new Object[] {n, g0, 1200.0, 2.0}),
                of("Science", "penalised", b -> new Object[] {
                    n, g0, new double[][] {{1, 0, 1, 2}, {0, 2, 1, 1}}, new double[] {1.2, 1.5}, 1200.0, 50.0
                }),
                of("Science", "advect", b -> new Object[] {u, 0.8, 0.1, 0.05}),
                of("Science", "variationAfter", b -> new Object[] {u, 0.8, 0.1, 0.05, 6}),
                of("Science", "lotkaFit", b ->
                        new Object[] {new double[] {1.1, 0.4, 0.1, 0.4}, new double[] {10, 5}, obs, 0.05}),
                of("Science", "rate", b -> new Object[] {kin.apply(b), 0.8}),
                of("Science", "mmLoss", b -> new Object[] {kin.apply(b), s, v, null}),
                of("Science", "mmLoss", b -> new Object[] {kin.apply(b), s, v, new double[] {1, 2, 1, 0.5, 1, 3}}),
                of("Science", "transmitted", b ->
                        new Object[] {new double[] {0.5, 1.2, 0.3}, new double[] {0.4, 0.2, 1.1}, 100.0}),
                of("Science", "hohmann", b -> new Object[] {6678.0, 42164.0, 398600.0}),
                of("Fem", "energy", b -> new Object[] {k, new double[] {0.1, 0.3, 0.2, 0.5}, f}),
                of("Fem", "compliance", b -> new Object[] {k, f, 40}),
                of("Fem", "ringDown", b -> new Object[] {
                    b.make("Fem$Oscillator", 1.3, 0.2, new double[] {4, 2.5}, 80), new double[] {0.5, -0.2}, 0.02
                }),
                of("Finance", "bootstrap", b -> new Object[] {swaps}),
                of("Finance", "bondOnCurve", b -> new Object[] {swaps, 0.03}),
                of("Finance", "cirBond", b -> new Object[] {0.03, 0.5, 0.04, 0.1, 5.0}),
                of("Finance", "localVolCall", b ->
                        new Object[] {new double[] {0.2, 0.3, 0.02}, 100.0, 100.0, 0.02, 1.0, 6, 8})));
        for (int style = 0; style < 3; style++) { // each Style of the switch expression
            int st = style;
            cases.add(of("Finance", "binomialPut", b ->
                    new Object[] {100.0, 105.0, 0.03, 0.25, 1.0, 60, b.constant("Finance$Style", st), 10}));
        }
        check(
                sources(
                        "SciLib", StrangerApps27Sources.SCI_LIB,
                        "Science", StrangerApps27Sources.SCIENCE,
                        "Fem", StrangerApps27Sources.FEM,
                        "Finance", StrangerApps27Sources.FINANCE),
                cases);
    }

    @Test
    void learningAndGeometry() throws Exception {
        double[][] x = mat(11, 8, 3);
        double[] beta = {0.3, -0.5, 0.8};
        double[][] xs = mat(62, 5, 3);
        double[][] ys = mat(63, 5, 2);
        double[] w = rnd(61, 33, -0.8, 0.8);
        Function<Loaded, Object> mlp = b -> b.make(
                "Mlp",
                new double[][] {{w[0], w[1], w[2]}, {w[3], w[4], w[5]}, {w[6], w[7], w[8]}, {w[9], w[10], w[11]}},
                new double[] {w[12], w[13], w[14], w[15]},
                new double[] {1 + w[16], 1 + w[17], 1 + w[18], 1 + w[19]},
                new double[] {w[20], w[21], w[22], w[23]},
                new double[][] {{w[24], w[25], w[26], w[27]}, {w[28], w[29], w[30], w[31]}},
                w[32]);
        double[][] sites = mat(71, 6, 2);
        double[] values = rnd(72, 6, 0, 5);
        double[] tri = {0.7, 0.4, 3.6, 1.1, 1.5, 3.3};
        double[] target = new double[16];
        for (int i = 0; i < 16; i++) {
            target[i] = (i % 4 + i / 4) < 4 ? 0.8 : 0.1;
        }
        List<Case> cases = new ArrayList<>(List.of(
                of("Stats", "coxLogLik", b -> new Object[] {
                    beta,
                    x,
                    new int[] {3, 0, 6, 1, 7, 2, 5, 4},
                    new boolean[] {true, false, true, true, true, false, true, true}
                }),
                of("Stats", "negBinLogLik", b -> new Object[] {beta, 0.4, x, new int[] {0, 3, 1, 7, 2, 0, 5, 1}}),
                of("Stats", "gpNlml", b ->
                        new Object[] {new double[] {0.1, -0.3, -1.2}, mat(21, 6, 2), rnd(22, 6, -1, 1)}),
                of("Stats", "crfNll", b -> new Object[] {mat(31, 5, 3), mat(32, 3, 3), new int[] {0, 2, 2, 1, 0}}),
                of("Stats", "sgns", b -> new Object[] {
                    mat(41, 6, 4),
                    mat(42, 6, 4),
                    new int[] {0, 3, 5, 3},
                    new int[] {1, 2, 4, 0},
                    new int[][] {{2, 5}, {1, 4}, {0, 3}, {5, 5}}
                }),
                of("Stats", "squash", b -> new Object[] {new double[] {0.4, -1.3, 0.7}}),
                of("Stats", "marginLoss", b -> new Object[] {mat(51, 4, 3), 2}),
                of("Mlp", "loss", b -> new Object[] {mlp.apply(b), xs, ys}),
                of("Mlp", "forward", b -> new Object[] {mlp.apply(b), new double[] {0.3, -0.7, 1.1}}),
                of("Mlp", "regularised", b ->
                        new Object[] {mlp.apply(b), new double[] {0.3, -0.7, 1.1}, new double[] {0.2, -0.1}, 0.01}),
                of("Geometry", "cableLength", b -> new Object[] {100.0, 12.0}),
                of("Geometry", "procrustes", b ->
                        new Object[] {b.make("Geometry$Pose", 0.4, 1.2, 0.1, -0.3), mat(81, 5, 2), mat(82, 5, 2)}),
                of("Geometry", "coverage", b -> new Object[] {tri, 4, 4, 3.0}),
                of("Geometry", "silhouetteLoss", b -> new Object[] {tri, target, 4, 4}),
                of("Geometry", "barycentric", b -> new Object[] {
                    new double[] {0.8, 0.6},
                    b.make("Geometry$Tri", new double[] {0, 0}, new double[] {2, 0.3}, new double[] {0.5, 1.7}),
                    new double[] {1, 4, -2}
                })));
        for (int falloff = 0; falloff < 3; falloff++) { // each Falloff of the switch expression
            int fo = falloff;
            cases.add(of("Geometry", "idw", b ->
                    new Object[] {new double[] {0.13, -0.27}, sites, values, b.constant("Geometry$Falloff", fo)}));
        }
        check(
                sources(
                        "Stats", StrangerApps27Learning.STATS,
                        "Mlp", StrangerApps27Learning.MLP,
                        "Geometry", StrangerApps27Learning.GEOMETRY),
                cases);
    }
}
