package dev.adjoint.generator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.Differentiated;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** User-supplied pullbacks, used by both strategies, and the signature check. */
class CustomDerivativeTest {
    private static final String SRC = """
            package custom;

            import dev.adjoint.CustomDerivative;
            import dev.adjoint.Differentiable;
            import dev.adjoint.DoubleGrad;
            import dev.adjoint.Strategy;

            public class Stable {
                /** log(1 + e^x), written so that the generator cannot see into it (a library call) */
                public static double softplus(double x) {
                    return x > 30 ? x : Math.log1p(Math.exp(x));
                }

                /** its derivative, the logistic function, in the numerically stable form */
                @CustomDerivative(of = "softplus")
                public static double softplusPullback(double x, double seed, DoubleGrad dx) {
                    double s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
                    dx.add(seed * s);
                    return softplus(x);
                }

                /** a pullback for a two-argument library call */
                public static double blend(double a, double b, int k) {
                    return k * a * a + Math.sin(b);
                }

                @CustomDerivative(of = "blend")
                static double blendPullback(double a, double b, int k, double seed, DoubleGrad da, DoubleGrad db) {
                    da.add(seed * 2 * k * a);
                    db.add(seed * Math.cos(b));
                    return blend(a, b, k);
                }

                @Differentiable
                static double loss(double[] w, double t) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += softplus(w[i] * t) + blend(w[i], t, i);
                    }
                    return s;
                }

                @Differentiable(strategy = Strategy.TAPE)
                static double lossTape(double[] w, double t) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += softplus(w[i] * t) + blend(w[i], t, i);
                    }
                    return s;
                }
            }
            """;

    @Test
    void bothStrategiesUseThePullbackAndMatchCentralDifferences() {
        Differentiated d = Differentiated.of("custom.Stable", SRC, Options.DEFAULT);
        double[] w = {0.5, -2.0, 1.25};
        d.assertGradient("loss", d, "loss", 1e-6, 1e-9, w, 0.8);
        d.assertGradient("lossTape", d, "lossTape", 1e-6, 1e-9, w, 0.8);
        var a = d.vjp("loss", 1.0, w, 0.8);
        var b = d.vjp("lossTape", 1.0, w, 0.8);
        for (int i = 0; i < a.gradient().length; i++) {
            assertEquals(a.gradient()[i], b.gradient()[i], 1e-12 * Math.max(1, Math.abs(a.gradient()[i])));
        }
        String generated = d.translation().generated().get("custom.StableAdjoint");
        assertTrue(generated.contains("Stable.softplusPullback("), generated);
    }

    @Test
    void aWrongSignatureIsReportedWithTheExpectedOne() {
        String bad = SRC.replace("public static double softplusPullback(double x, double seed, DoubleGrad dx)",
                "public static double softplusPullback(double x, DoubleGrad dx)");
        Translation t = Pipeline.translate(Map.of(Path.of("Stable.java"), bad), Optional.empty(), Options.DEFAULT);
        assertTrue(t.hasErrors());
        Diagnostic d = t.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals(16, d.line(), d.toString());
        assertEquals(26, d.column(), d.toString());
        assertTrue(d.message().contains("expected: static double softplusPullback(double, double, DoubleGrad)"), d.message());
        assertTrue(t.generated().isEmpty());
    }
}
