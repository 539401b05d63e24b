package dev.adjoint.generator.translated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * XAD's math-function tests ({@link XadMath}), its whole-function tests and samples ({@link XadPrograms}), Kotlin∇'s
 * tests and samples ({@link KotlingradFunctions}), Haskell {@code ad}'s regression tests and Black–Scholes benchmark
 * ({@link HaskellAdFunctions}), Owl's algodiff tests ({@link OwlFunctions}), Chainer's math-function tests
 * ({@link ChainerFunctions}) and variants of them as other Java programmers write them ({@link SuiteVariants}), through
 * {@link PortedHarness} with AUTO and {@link HvpChecks}: each accepted function's {@code Vjp} (and the tape's) against
 * central differences and each other, its {@code Jvp} by the dot-product test, an array result's
 * {@code nameJacobian} against central differences, a scalar {@code double} one's {@code Hvp} against central
 * differences of the gradient; and what the origins assert: XAD's first and second derivatives of each math function
 * ({@code mathTest_all}), its Hessians and Jacobians, the derivatives its loop tests compute by hand and the swap
 * pricer's sensitivities; Kotlin∇'s symbolic derivatives (the ones it disables included); {@code ad}'s gradients,
 * Jacobians and Hessians, and its infinities and NaNs ({@link #haskellAdInfinitiesAndNaNs}); Owl's closed-form
 * gradients on its whole grid; Chainer's closed forms where the value is known exactly.
 * <p>
 * Outcomes today: 255 functions, 253 static, 2 rejected on purpose ({@code Math.scalb}, which has no derivative rule:
 * its {@code int} exponent does not fit the table's arguments, all {@code double}). The table is written to
 * {@code target/xad-kotlingrad-ad-suite.md} (a copy is in README.md next to this class).
 */
class XadKotlingradAdSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(XadMath.all());
        fns.addAll(XadPrograms.all());
        fns.addAll(KotlingradFunctions.all());
        fns.addAll(HaskellAdFunctions.all());
        fns.addAll(OwlFunctions.all());
        fns.addAll(SuiteVariants.all());
        fns.addAll(ChainerFunctions.all());
        return fns;
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        Map<String, List<HvpChecks.Published>> m = new HashMap<>(XadMath.hessians());
        m.putAll(XadPrograms.hessians());
        m.putAll(KotlingradFunctions.hessians());
        m.putAll(HaskellAdFunctions.hessians());
        return m;
    }

    @TestFactory
    Stream<DynamicTest> xadKotlingradAdFunctions() throws IOException {
        return PortedHarness.run(all(), "xad-kotlingrad-ad-suite", new HvpChecks(hessians()));
    }

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * Haskell {@code ad}'s checks that expect infinities and NaNs ({@code tests/Regression.hs} basic and issue-104 and
     * issue-108, {@code AdditionalTests.hs} nan-inf), which the published gradients of {@link PortedHarness} cannot
     * state: the gradient of {@code Vjp} under each strategy equals {@code ad}'s exactly, NaN for NaN, an infinity of
     * the same sign for an infinity (the chain rule in IEEE arithmetic, {@code 0 * ∞ = NaN}, as {@code ad}'s), except
     * where a zero adjoint contributes 0, the static strategy's and the tape's alike (see below).
     */
    @Test
    void haskellAdInfinitiesAndNaNs() {
        String members = """
                @Differentiable(strategy = Strategy.$S)
                static double sqrt(double x) {
                    return Math.sqrt(x);
                }

                @Differentiable(strategy = Strategy.$S)
                static double log(double x) {
                    return Math.log(x);
                }

                @Differentiable(strategy = Strategy.$S)
                static double log1p(double x) {
                    return Math.log1p(x);
                }

                @Differentiable(strategy = Strategy.$S)
                static double inside(double x, double y) {
                    return Math.sqrt(x * y);
                }

                @Differentiable(strategy = Strategy.$S)
                static double outside(double x, double y) {
                    return Math.sqrt(x) * Math.sqrt(y);
                }

                @Differentiable(strategy = Strategy.$S)
                static double log1mexpDiff(double x) {
                    return log1mexp(x);
                }
                """ + HaskellAdFunctions.LOG1MEXP;
        String source = "package ported;\n\nimport dev.adjoint.Differentiable;\nimport dev.adjoint.Strategy;\n\n"
                + "public class AdNanInf {\n" + members.indent(4) + "}\n";
        Object[][] cases = {
            {"sqrt", new double[] {NAN}, -1.0},
            {"sqrt", new double[] {INF}, 0.0},
            {"log", new double[] {INF}, 0.0},
            {"log1p", new double[] {INF}, -1.0},
            {"inside", new double[] {NAN, NAN}, 0.0, 0.0},
            {"inside", new double[] {NAN, INF}, 1.0, 0.0},
            {"inside", new double[] {INF, NAN}, 0.0, 1.0},
            {"outside", new double[] {NAN, NAN}, 0.0, 0.0},
            {"outside", new double[] {0.0, INF}, 1.0, 0.0},
            {"outside", new double[] {INF, 0.0}, 0.0, 1.0},
            {"log1mexpDiff", new double[] {-INF}, -0.0},
        };
        for (String strategy : List.of("AUTO", "TAPE")) {
            Differentiated d = Differentiated.of("ported.AdNanInf", source.replace("$S", strategy), Options.DEFAULT);
            assertFalse(
                    d.translation().hasErrors(), d.translation().diagnostics().toString());
            for (Object[] c : cases) {
                Object[] args = Arrays.copyOfRange(c, 2, c.length);
                double[] want = (double[]) c[1];
                if (c[0].equals("outside") && Arrays.equals(args, new Object[] {0.0, 0.0})) {
                    // sqrt(x) * sqrt(y) at the origin: each sqrt's adjoint is the other factor, 0, and a zero adjoint
                    // contributes 0 in the static reverse sweep (reverse.ZeroAdjoints) and in the tape's fused node
                    // (tape.NodeTerms.unlessZero, break28): the one-sided partials, 0, where ad multiplies 0 by the
                    // infinite partial
                    want = new double[] {0.0, 0.0};
                }
                double[] got = d.vjp((String) c[0], 1.0, args).gradient();
                for (int i = 0; i < want.length; i++) {
                    assertEquals(
                            want[i],
                            got[i],
                            strategy + " " + c[0] + Arrays.toString(args) + ": " + Arrays.toString(got)
                                    + ", ad expects " + Arrays.toString(want));
                }
            }
        }
    }
}
