package dev.adjoint.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.benchmarks.gmm.GmmData;
import dev.adjoint.benchmarks.gmm.GmmFiniteDifferences;
import dev.adjoint.benchmarks.gmm.GmmForwardMode;
import dev.adjoint.benchmarks.gmm.GmmHandTangent;
import dev.adjoint.benchmarks.gmm.GmmObjectiveTape;
import dev.adjoint.benchmarks.gmm.GmmObjectiveTapeAdjoint;
import dev.adjoint.benchmarks.mlp.Mlp;
import dev.adjoint.benchmarks.mlp.MlpAdjoint;
import dev.adjoint.benchmarks.rosenbrock.Rosenbrock;
import dev.adjoint.benchmarks.rosenbrock.RosenbrockAdjoint;
import dev.adjoint.check.GradCheck;
import dev.adjoint.samples.gmm.Gmm;
import dev.adjoint.samples.gmm.GmmAdjoint;
import dev.adjoint.samples.gmm.GmmGradient;
import dev.adjoint.samples.gmm.GmmInput;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the benchmarks time must be right: on small instances, the static adjoint, the tape adjoint,
 * the hand-written gradient and central differences agree (rtol 1e-6), for the GMM, Rosenbrock and
 * the MLP; the GMM also against ADBench's own reference values. The GMM's objective, static adjoint
 * and hand-written gradient are the samples' ({@link Gmm}, {@link GmmAdjoint}, {@link GmmGradient});
 * they are checked here too because these are the exact calls the benchmarks time. Fast (well under
 * a second).
 */
class AgreementTest {
    /** ADBench's reference values on its {@code gmm/test.txt}. */
    static final double REFERENCE_F = 8.07380408004975791;

    static final double[] REFERENCE_GRADIENT = {
        0.108662855508652456, -0.741270039523898472, 0.632607184015246071,
        1.11692576532787013, 0.163333013551455269, -0.0219989824071193142,
        0.227778292254236098, 1.20963025612832187, -0.0606375920733956339,
        2.58529994051162237, 0.112632694524213789, 0.385744309849611777,
        0.0735180573182305508, 5.41836362715595232, -0.321494409677446469,
        1.71892309775004937, 0.860091090790866875, -0.994640930466322848
    };

    static final double RTOL = 1e-6;

    /** ADBench's agreement metric |a − b| / max(1, |a| + |b|). */
    static double distance(double a, double b) {
        return Math.abs(a - b) / Math.max(1.0, Math.abs(a) + Math.abs(b));
    }

    static double[] staticGmm(GmmInput in, double[] value) {
        double[] da = new double[in.k()];
        double[] dm = new double[in.means().length];
        double[] di = new double[in.icf().length];
        value[0] = GmmAdjoint.objectiveGrad(
                in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), in.n(), in.gamma(), in.m(), da, dm, di);
        return Agreement.concat(da, dm, di);
    }

    static double[] tapeGmm(GmmInput in, double[] value) {
        double[] da = new double[in.k()];
        double[] dm = new double[in.means().length];
        double[] di = new double[in.icf().length];
        value[0] = GmmObjectiveTapeAdjoint.objectiveGrad(
                in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), in.n(), in.gamma(), in.m(), da, dm, di);
        return Agreement.concat(da, dm, di);
    }

    static void assertClose(String what, double[] actual, double[] expected, double rtol) {
        double w = Agreement.worst(actual, expected);
        assertTrue(w <= rtol, () -> what + ": worst relative disagreement " + w);
    }

    @Test
    void gmmMatchesAdbenchReferenceValues() {
        GmmInput in = GmmInput.fromResource("/dev/adjoint/benchmarks/gmm/adbench_test.txt");
        assertEquals(2, in.d());
        assertEquals(3, in.k());
        assertEquals(1, in.n());
        double[] f = new double[1];
        double[] hand = new double[in.parameterCount()];
        double fHand = GmmGradient.gradient(in, hand);
        double[][] all = {
            staticGmm(in, f),
            tapeGmm(in, new double[1]),
            hand,
            GmmForwardMode.objective(in).getGradient()
        };
        assertTrue(distance(f[0], REFERENCE_F) <= 1e-12, () -> "f = " + f[0]);
        assertTrue(distance(fHand, REFERENCE_F) <= 1e-12, () -> "hand-written f = " + fHand);
        assertTrue(distance(
                        GmmObjectiveTape.objective(in.alphas(), in.means(), in.icf(), in.x(), 2, 3, 1, 1.0, 0),
                        REFERENCE_F)
                <= 1e-12);
        String[] names = {"static", "tape", "hand-written", "Hipparchus forward"};
        for (int a = 0; a < all.length; a++) {
            for (int i = 0; i < REFERENCE_GRADIENT.length; i++) {
                int c = i;
                int m = a;
                assertTrue(
                        distance(all[a][i], REFERENCE_GRADIENT[i]) <= 1e-8,
                        () -> names[m] + " component " + c + ": " + all[m][c] + ", ADBench " + REFERENCE_GRADIENT[c]);
            }
        }
    }

    @Test
    void gmmStaticTapeHandAndFiniteDifferencesAgree() {
        GmmInput in = GmmData.generate(3, 4, 25, 7L);
        double[] f = new double[1];
        double[] st = staticGmm(in, f);
        double[] tp = tapeGmm(in, new double[1]);
        double[] hand = new double[in.parameterCount()];
        double fHand = GmmGradient.gradient(in, hand);
        double[] fd = new double[in.parameterCount()];
        GmmFiniteDifferences.gradient(in.withParameters(in.parameters()), fd); // it perturbs its own copy

        assertEquals(Gmm.objective(in), f[0], 1e-12 * Math.abs(f[0]));
        assertEquals(Gmm.objective(in), fHand, 1e-10 * Math.abs(f[0]));
        assertClose("static vs hand-written", st, hand, RTOL);
        assertClose("tape vs hand-written", tp, hand, RTOL);
        assertClose(
                "Hipparchus forward vs hand-written",
                GmmForwardMode.objective(in).getGradient(),
                hand,
                RTOL);
        double atol = 1e-9 * Math.max(1, Math.abs(f[0]));
        GradCheck.assertGradient(p -> Gmm.objectiveAt(in, p), in.parameters(), st, RTOL, atol);
        GradCheck.assertGradient(p -> Gmm.objectiveAt(in, p), in.parameters(), hand, RTOL, atol);
        GradCheck.assertGradient(p -> Gmm.objectiveAt(in, p), in.parameters(), fd, RTOL, atol);
    }

    @Test
    void gmmAdjointsAccumulateIntoTheirBuffers() {
        GmmInput in = GmmData.generate(2, 3, 10, 3L);
        double[] da = new double[in.k()];
        double[] dm = new double[in.means().length];
        double[] di = new double[in.icf().length];
        for (int call = 0; call < 2; call++) {
            GmmAdjoint.objectiveGrad(
                    in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), in.n(), in.gamma(), in.m(), da, dm, di);
        }
        double[] once = staticGmm(in, new double[1]);
        double[] twice = Agreement.concat(da, dm, di);
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-12 * Math.abs(once[i]));
        }
    }

    @Test
    void rosenbrockStaticTapeHandAndFiniteDifferencesAgree() {
        Random r = new Random(11);
        double[] x = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = 4 * r.nextDouble() - 2;
        }
        double[] st = new double[x.length];
        double[] tp = new double[x.length];
        double[] hand = new double[x.length];
        double f = RosenbrockAdjoint.valueGrad(x, st);
        assertEquals(Rosenbrock.value(x), f, 0.0);
        assertEquals(f, RosenbrockAdjoint.valueTapeGrad(x, tp), 1e-12 * f);
        assertEquals(f, Rosenbrock.gradient(x, hand), 1e-12 * f);
        assertClose("static vs hand-written", st, hand, 1e-12);
        assertClose("tape vs hand-written", tp, hand, 1e-12);
        GradCheck.assertGradient(Rosenbrock::value, x, st, RTOL, 1e-9 * f);
    }

    @Test
    void rosenbrockHandWrittenTangentMatchesTheGradientAndCentralDifferences() {
        Random r = new Random(12);
        double[] x = new double[50];
        double[] u = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = 4 * r.nextDouble() - 2;
            u[i] = 2 * r.nextDouble() - 1;
        }
        dev.adjoint.DoubleGrad hand = new dev.adjoint.DoubleGrad();
        dev.adjoint.DoubleGrad generated = new dev.adjoint.DoubleGrad();
        double f = Rosenbrock.tangent(x, u, hand);
        assertEquals(Rosenbrock.value(x), f, 0.0);
        assertEquals(f, RosenbrockAdjoint.valueJvp(x, u, generated), 0.0);
        double[] g = new double[x.length];
        Rosenbrock.gradient(x, g);
        double gu = 0;
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
            gu += g[i] * u[i];
            scale += Math.abs(g[i] * u[i]);
        }
        assertEquals(gu, hand.get(), 1e-13 * scale, "hand-written tangent against ∇f·u");
        assertEquals(gu, generated.get(), 1e-13 * scale, "generated Jvp against ∇f·u");
        // central differences along u, Richardson-extrapolated
        double h = 1e-3;
        double cd = (8 * (along(x, u, h) - along(x, u, -h)) - (along(x, u, 2 * h) - along(x, u, -2 * h))) / (12 * h);
        assertEquals(cd, hand.get(), 1e-7 * scale, "hand-written tangent against central differences");
    }

    @Test
    void gmmHandWrittenTangentMatchesTheHandWrittenGradient() {
        GmmInput in = GmmData.generate(3, 4, 25, 9L);
        Random r = new Random(13);
        double[][] u = {new double[in.k()], new double[in.means().length], new double[in.icf().length]};
        for (double[] part : u) {
            for (int i = 0; i < part.length; i++) {
                part[i] = 2 * r.nextDouble() - 1;
            }
        }
        dev.adjoint.DoubleGrad hand = new dev.adjoint.DoubleGrad();
        dev.adjoint.DoubleGrad generated = new dev.adjoint.DoubleGrad();
        double f = GmmHandTangent.jvp(in, u[0], u[1], u[2], hand);
        assertEquals(Gmm.objective(in), f, 1e-12 * Math.abs(f));
        GmmAdjoint.objectiveJvp(
                in.alphas(),
                in.means(),
                in.icf(),
                in.x(),
                in.d(),
                in.k(),
                in.n(),
                in.gamma(),
                in.m(),
                u[0],
                u[1],
                u[2],
                generated);
        // ⟨∇f, u⟩ with the hand-written reverse-mode gradient, laid out [alphas | means | icf]
        double[] g = new double[in.parameterCount()];
        GmmGradient.gradient(in, g);
        double[] flat = Agreement.concat(u[0], u[1], u[2]);
        double gu = 0;
        double scale = 0;
        for (int i = 0; i < g.length; i++) {
            gu += g[i] * flat[i];
            scale += Math.abs(g[i] * flat[i]);
        }
        assertEquals(gu, hand.get(), 1e-12 * scale, "hand-written tangent against ∇f·u");
        assertEquals(gu, generated.get(), 1e-12 * scale, "generated Jvp against ∇f·u");
    }

    private static double along(double[] x, double[] u, double t) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += t * u[i];
        }
        return Rosenbrock.value(y);
    }

    @Test
    void mlpStaticTapeHandAndFiniteDifferencesAgree() {
        double[][] p = Mlp.problem(5);
        double[] w = p[0];
        double[] st = new double[w.length];
        double[] tp = new double[w.length];
        double[] hand = new double[w.length];
        double f = MlpAdjoint.lossGrad(w, p[1], p[2], Mlp.BATCH, Mlp.IN, Mlp.HIDDEN, Mlp.OUT, st);
        assertEquals(Mlp.loss(w, p[1], p[2], Mlp.BATCH, Mlp.IN, Mlp.HIDDEN, Mlp.OUT), f, 0.0);
        assertEquals(f, MlpAdjoint.lossTapeGrad(w, p[1], p[2], Mlp.BATCH, Mlp.IN, Mlp.HIDDEN, Mlp.OUT, tp), 1e-12 * f);
        assertEquals(
                f,
                Mlp.gradient(
                        w,
                        p[1],
                        p[2],
                        Mlp.BATCH,
                        Mlp.IN,
                        Mlp.HIDDEN,
                        Mlp.OUT,
                        hand,
                        new double[Mlp.HIDDEN],
                        new double[Mlp.HIDDEN]),
                1e-12 * f);
        assertClose("static vs hand-written", st, hand, 1e-10);
        assertClose("tape vs hand-written", tp, hand, 1e-10);
        GradCheck.assertGradient(
                q -> Mlp.loss(q, p[1], p[2], Mlp.BATCH, Mlp.IN, Mlp.HIDDEN, Mlp.OUT),
                w,
                st,
                RTOL,
                1e-9 * Math.max(1, f));
    }

    /** The tape strategy's copy of the objective must stay the samples' body (see {@link GmmObjectiveTape}). */
    @Test
    void objectiveCopiesAreIdentical() {
        GmmInput in = GmmData.generate(4, 3, 30, 9L);
        double a = Gmm.objective(in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), in.n(), in.gamma(), in.m());
        double b = GmmObjectiveTape.objective(
                in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), in.n(), in.gamma(), in.m());
        assertEquals(a, b, 0.0);
    }
}
