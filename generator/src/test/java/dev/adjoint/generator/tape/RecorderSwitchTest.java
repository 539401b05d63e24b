package dev.adjoint.generator.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A recorder copies a {@code switch} the desugaring leaves (here, one over a {@code String} expression) as
 * written, falling through where the user's does: it says
 * so to javac ({@code -Xlint:fallthrough}), and only then. The recorder reports the copy; the
 * emitter no longer looks for {@code "switch ("} in the recorder's text (issue 19).
 */
class RecorderSwitchTest {
    private static String recorderOf(String body) {
        String source =
                "package p;\n\nimport dev.adjoint.Differentiable;\nimport dev.adjoint.Strategy;\n\npublic class M {\n"
                        + "    @Differentiable(strategy = Strategy.TAPE)\n    static double f(double x, String k) {\n"
                        + body + "    }\n}\n";
        var t = Pipeline.translate(Map.of(Path.of("M.java"), source), Optional.empty(), Options.DEFAULT);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        String adjoint = t.sources().get("p.MAdjoint");
        int declared = adjoint.indexOf("static double fRecord(");
        return adjoint.substring(adjoint.lastIndexOf("@", declared), declared);
    }

    @Test
    void aCopiedSwitchSuppressesTheFallThroughWarning() {
        String withSwitch = recorderOf("""
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
        assertEquals(1, occurrences(withSwitch, "fallthrough"), withSwitch);
        String without = recorderOf("        return k.isEmpty() ? x * x : x;\n");
        assertEquals(0, occurrences(without, "fallthrough"), without);
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            n++;
        }
        return n;
    }
}
