package dev.adjoint.generator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.Differentiated;
import java.nio.file.Path;
import java.util.List;
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
        String bad = SRC.replace(
                "public static double softplusPullback(double x, double seed, DoubleGrad dx)",
                "public static double softplusPullback(double x, DoubleGrad dx)");
        Translation t = Pipeline.translate(Map.of(Path.of("Stable.java"), bad), Optional.empty(), Options.DEFAULT);
        assertTrue(t.hasErrors());
        Diagnostic d =
                t.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals(16, d.line(), d.toString());
        assertEquals(26, d.column(), d.toString());
        assertTrue(
                d.message().contains("expected: static double softplusPullback(double, double, DoubleGrad)"),
                d.message());
        assertTrue(t.generated().isEmpty());
    }

    /** Class p.Other: {@code sq}, its pullback under the annotation {@code annotation}, imported by {@code imports}. */
    private static String other(String imports, String annotation, boolean calls) {
        return "package p;\n\n" + imports
                + "import dev.adjoint.Differentiable;\nimport dev.adjoint.DoubleGrad;\n\npublic class Other {\n"
                + "    static double sq(double x) {\n        return x * x;\n    }\n\n"
                + "    @" + annotation + "(of = \"sq\")\n"
                + "    static double sqPullback(double x, double seed, DoubleGrad dx) {\n        dx.add(seed * 3 * x);\n        return x * x;\n    }\n\n"
                + "    @" + annotation + "(of = \"sq\")\n"
                + "    static double sqNotes(double x) {\n        return 2 * x;\n    }\n\n"
                + "    @Differentiable\n    static double f(double x) {\n        return " + (calls ? "sq(x) + " : "")
                + "x;\n    }\n}\n";
    }

    private static Translation translate(String source) {
        return Pipeline.translate(Map.of(Path.of("p/Other.java"), source), Optional.empty(), Options.DEFAULT);
    }

    // Regression test. Was: @CustomDerivative was recognised by its simple name alone, as @Differentiable once was:
    // another library's @CustomDerivative (imported by a single-type import) was taken for Adjoint's, so its methods
    // got Adjoint's signature check (a build error at a method that is none of Adjoint's business) and one of the
    // right shape became the pullback a @Differentiable caller used; a bare @CustomDerivative that nothing imported was
    // accepted. Now it is resolved as javac resolves it.
    @Test
    void anotherLibrarysCustomDerivativeIsNotAdjoints() {
        // the other library's annotation, on methods Adjoint has no business checking
        Translation t = translate(other("import org.other.CustomDerivative;\n", "CustomDerivative", false));
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        // and not a pullback Adjoint may call: sq is a plain method, differentiated itself (2x, not the other
        // pullback's 3x)
        Translation calls = translate(other("import org.other.CustomDerivative;\n", "CustomDerivative", true));
        assertFalse(calls.hasErrors(), calls.diagnostics().toString());
        assertTrue(
                calls.methods().stream().anyMatch(m -> m.startsWith("p.Other#sq: static (not annotated")),
                calls.methods().toString());
        assertTrue(
                calls.generated().get("p.OtherAdjoint").contains("Other.sq(x)")
                        && !calls.generated().get("p.OtherAdjoint").contains("sqPullback"),
                calls.generated().get("p.OtherAdjoint"));
    }

    @Test
    void aBareCustomDerivativeNeedsItsImport() {
        Translation t = translate(other("", "CustomDerivative", false));
        assertTrue(t.hasErrors() && t.generated().isEmpty(), t.diagnostics().toString());
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of(11, 17), errors.stream().map(Diagnostic::line).toList(), errors.toString());
        assertTrue(
                errors.stream()
                        .allMatch(d -> d.column() == 5 && d.message().contains("import dev.adjoint.CustomDerivative")),
                errors.toString());
    }

    @Test
    void adjointsCustomDerivativeByImportOrByItsFullName() {
        Object[] args = {0.7};
        for (String[] c : List.of(
                new String[] {"import dev.adjoint.CustomDerivative;\n", "CustomDerivative"},
                new String[] {"import dev.adjoint.*;\n", "CustomDerivative"},
                new String[] {"", "dev.adjoint.CustomDerivative"},
                new String[] {"import org.other.CustomDerivative;\n", "dev.adjoint.CustomDerivative"})) {
            // (sqNotes has the wrong signature: keep only the pullback)
            String src = other(c[0], c[1], true)
                    .replaceAll("    @[\\w.]+\\(of = \"sq\"\\)\n    static double sqNotes[^}]*}\n\n", "");
            Differentiated d = c[0].contains("org.other")
                    ? Differentiated.of(
                            "p.Other",
                            src,
                            Map.of(
                                    "org.other.CustomDerivative",
                                    "package org.other;\n\npublic @interface CustomDerivative {\n    String of();\n}\n"),
                            Options.DEFAULT)
                    : Differentiated.of("p.Other", src, Options.DEFAULT);
            // the pullback says 3x (not sq's 2x): the gradient shows that it was called
            assertEquals(3 * 0.7 + 1, d.vjp("f", 1.0, args).gradient()[0], 1e-12, String.join(" ", c));
        }
    }
}
