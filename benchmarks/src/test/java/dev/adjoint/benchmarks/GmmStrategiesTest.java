package dev.adjoint.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.benchmarks.before.GmmAdjointBefore;
import dev.adjoint.benchmarks.before.GmmObjectiveTapeAdjointBefore;
import dev.adjoint.benchmarks.gmm.GmmObjectiveTapeAdjoint;
import dev.adjoint.samples.gmm.GmmAdjoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code GmmBench.staticGradient} and {@code tapeGradient} time the strategies their names say.
 * The samples' {@code Gmm.objective} leaves its strategy to the generator (AUTO), which would fall
 * back to the tape without a build error if the static transformation ever rejected it; the
 * benchmark would then silently time the tape twice. The generated class's constant pool tells:
 * only a tape adjoint refers to {@code dev.adjoint.tape}.
 */
class GmmStrategiesTest {

    private static String constantPool(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            assertNotNull(in, c.getName());
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void staticGradientTimesTheStaticStrategy() throws IOException {
        String pool = constantPool(GmmAdjoint.class);
        assertFalse(
                pool.contains("dev/adjoint/tape/"),
                "GmmAdjoint uses the tape: Gmm.objective fell back from the static strategy");
        assertTrue(pool.contains("dev/adjoint/stack/"), "GmmAdjoint should use the static strategy's stacks");
    }

    @Test
    void tapeGradientTimesTheTapeStrategy() throws IOException {
        assertTrue(constantPool(GmmObjectiveTapeAdjoint.class).contains("dev/adjoint/tape/"));
    }

    /** The same for the older generator's adjoints that {@code GeneratorsBench} times beside them. */
    @Test
    void beforeFixtureHasTheSameStrategies() throws IOException {
        String pool = constantPool(GmmAdjointBefore.class);
        assertFalse(pool.contains("dev/adjoint/tape/"), "GmmAdjointBefore uses the tape");
        assertTrue(pool.contains("dev/adjoint/stack/"), "GmmAdjointBefore should use the static strategy's stacks");
        assertTrue(constantPool(GmmObjectiveTapeAdjointBefore.class).contains("dev/adjoint/tape/"));
    }
}
