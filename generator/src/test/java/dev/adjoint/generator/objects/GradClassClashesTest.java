package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A user type named like a gradient class the build writes is an error at that type, not a javac failure. */
class GradClassClashesTest {
    private static List<Diagnostic> errors(String model, String other) {
        Translation t = Pipeline.translate(
                Map.of(Path.of("Model.java"), model, Path.of("Other.java"), other), Optional.empty(), Options.DEFAULT);
        return t.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    @Test
    void aClassNamedLikeTheOwnersGradientClass() {
        List<Diagnostic> ds = errors(ObjectHarness.source("""
                double w = 1;

                @Differentiable(wrt = "this")
                double f(double x) {
                    return w * x;
                }
                """, "AUTO"), "package obj;\n\nclass ModelGrad {\n}\n");
        assertEquals(1, ds.size(), ds.toString());
        Diagnostic d = ds.get(0);
        assertTrue(
                d.file().endsWith("Other.java")
                        && d.line() == 3
                        && d.column() == 7
                        && d.message()
                                .contains(
                                        "type 'ModelGrad' has the name of the class the build writes for the gradient of Model"),
                ds.toString());
    }

    @Test
    void aClassNamedLikeANestedRecordsGradientClass() {
        String model = ObjectHarness.source("""
                record Params(double k) {}

                @Differentiable(wrt = "p")
                static double f(double x, Params p) {
                    return p.k() * x;
                }
                """, "AUTO");
        List<Diagnostic> ds = errors(model, "package obj;\n\nrecord Model_ParamsGrad(double k) {\n}\n");
        assertEquals(1, ds.size(), ds.toString());
        assertTrue(ds.get(0).line() == 3 && ds.get(0).message().contains("record Model.Params"), ds.toString());
        // the same name in another package, or without wrt naming the record, is no clash
        assertFalse(errors(model, "package other;\n\nclass Model_ParamsGrad {\n}\n").stream()
                .anyMatch(Diagnostic::isError));
        assertFalse(
                errors(model.replace("wrt = \"p\"", "wrt = \"x\""), "package obj;\n\nclass Model_ParamsGrad {\n}\n")
                        .stream()
                        .anyMatch(Diagnostic::isError));
    }

    @Test
    void aClassNamedLikeTheGradientClassOfRecordsTheObjectHolds() {
        List<Diagnostic> ds = errors(ObjectHarness.source("""
                record Layer(double[] b) {}

                private final Layer[] layers = {new Layer(new double[] {1})};

                @Differentiable(wrt = "this")
                double f(double x) {
                    return layers[0].b()[0] * x;
                }
                """, "AUTO"), "package obj;\n\nclass Model_LayerGrad {\n}\n");
        assertEquals(1, ds.size(), ds.toString());
        assertTrue(
                ds.get(0).line() == 3
                        && ds.get(0)
                                .message()
                                .contains("record Model.Layer for Model#f (its field 'layers', wrt = \"this\")"),
                ds.toString());
    }
}
