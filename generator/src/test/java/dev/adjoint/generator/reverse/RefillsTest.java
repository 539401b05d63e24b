package dev.adjoint.generator.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which scratch arrays of the corpus class {@code ScratchArrays} the reversed iterations fill again
 * and which they restore from the stack. (The corpus run checks every method's gradient, with and
 * without the optimisations and on the tape.)
 */
class RefillsTest {

    private static String adjointOf(Options options) throws IOException {
        String source;
        try (InputStream in = RefillsTest.class.getResourceAsStream("/corpus/ScratchArrays.java")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Translation t = Pipeline.translate(Map.of(Path.of("ScratchArrays.java"), source), Optional.empty(), options);
        assertFalse(t.hasErrors(), () -> t.diagnostics().toString());
        assertEquals(1, t.generated().size());
        return reverseOnly(t.generated().values().iterator().next());
    }

    /** The class without its forward-mode methods (Jvp, Hvp and its helper), which fill the arrays too. */
    private static String reverseOnly(String adjoint) {
        StringBuilder out = new StringBuilder();
        for (String chunk : adjoint.split("(?=\\n    /\\*\\*\\n)")) {
            if (!Pattern.compile("\\w+(Jvp|Hvp|Jacobian)\\(|_hvp_\\w+\\(")
                    .matcher(chunk)
                    .find()) {
                out.append(chunk);
            }
        }
        return out.toString();
    }

    private static boolean restored(String adjoint, String array) {
        return Pattern.compile("\\b" + array + "\\[[^\\]]+\\] = _doubles\\[--_doublesTop\\]")
                .matcher(adjoint)
                .find();
    }

    @Test
    void aScratchArrayFilledFromTheInputsIsFilledAgainNotRestored() throws IOException {
        String adjoint = adjointOf(Options.DEFAULT);
        assertFalse(restored(adjoint, "xc"), adjoint);
        // the fill, once in the forward sweep and once at the start of each reversed (i, c) iteration
        assertEquals(
                2,
                Pattern.compile("\\bxc\\[j\\] = _t\\d+;")
                        .matcher(adjoint)
                        .results()
                        .count(),
                adjoint);
        assertTrue(adjoint.contains("this iteration's values, computed again rather than saved"), adjoint);
    }

    @Test
    void theNearMissesAreRestoredFromTheStack() throws IOException {
        String adjoint = adjointOf(Options.DEFAULT);
        for (String array : List.of("early", "grown", "shifted", "scaled", "twice", "late")) {
            assertTrue(restored(adjoint, array), array + " should be restored:\n" + adjoint);
        }
    }

    @Test
    void withoutTheOptimisationsEveryScratchArrayIsRestored() throws IOException {
        assertTrue(restored(adjointOf(Options.PLAIN), "xc"));
    }
}
