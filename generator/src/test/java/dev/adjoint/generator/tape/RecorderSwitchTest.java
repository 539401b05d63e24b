package dev.adjoint.generator.tape;

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

/**
 * A {@code switch} the desugaring leaves (here, one over a {@code String} expression) is supported by
 * neither strategy (the README's table): the tape reads the normalized form the static strategy
 * reads, so it reports the switch where it stands, with what to do, instead of copying it as
 * written (the recorder lowered from the tree did, falling through where the user's did; issue 19).
 * A recorder therefore never needs javac's fall-through lint suppressed.
 */
class RecorderSwitchTest {
    private static Translation translate(String body) {
        String source =
                "package p;\n\nimport dev.adjoint.Differentiable;\nimport dev.adjoint.Strategy;\n\npublic class M {\n"
                        + "    @Differentiable(strategy = Strategy.TAPE)\n    static double f(double x, String k) {\n"
                        + body + "    }\n}\n";
        return Pipeline.translate(Map.of(Path.of("M.java"), source), Optional.empty(), Options.DEFAULT);
    }

    @Test
    void aSwitchTheDesugaringLeavesIsOneErrorAtTheSwitch() {
        Translation t = translate("""
                        double r = x;
                        switch (k.trim()) {
                            case "a":
                                r = r * x;
                            case "b":
                                r = r + x;
                                break;
                            default:
                                r = -r;
                        }
                        return r;
                """);
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(10, errors.get(0).line(), errors.toString());
        assertEquals(9, errors.get(0).column(), errors.toString());
        assertTrue(errors.get(0).message().contains("assign the selector"), errors.toString());
    }

    @Test
    void aRecorderSuppressesNoFallThroughWarning() {
        Translation t = translate("        return k.isEmpty() ? x * x : x;\n");
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        String adjoint = t.sources().get("p.MAdjoint");
        assertFalse(adjoint.contains("fallthrough"), adjoint);
    }
}
