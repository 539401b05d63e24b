package dev.adjoint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.GenerationResult;
import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.plexus.build.BuildContext;
import org.junit.jupiter.api.Test;

/** What an IDE's build context (m2e) is told: files to refresh, stale markers removed, one marker per diagnostic. */
class IdeFeedbackTest {
    private static final Path MODEL = Path.of("/src/p/Model.java");

    @Test
    void anIdeGetsRefreshesAndMarkersAtTheirPositions() {
        List<String> calls = new ArrayList<>();
        BuildContext ide = (BuildContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {BuildContext.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + (args == null ? "" : " " + java.util.Arrays.toString(args)));
                    return method.getReturnType() == boolean.class ? false : null;
                });
        GenerationResult result = new GenerationResult(
                false,
                List.of(
                        Diagnostic.error(MODEL, 12, 9, "try is not supported"),
                        Diagnostic.warning(MODEL, 15, 5, "slow")),
                List.of(Path.of("/out/p/ModelAdjoint.java")),
                List.of(),
                List.of());

        IdeFeedback.report(ide, result, List.of(Path.of("/src")));

        assertEquals(
                List.of(
                        "refresh [" + new File("/out/p/ModelAdjoint.java") + "]",
                        "removeMessages [" + new File("/src") + "]",
                        "addMessage [" + MODEL.toFile() + ", 12, 9, adjoint: try is not supported, "
                                + BuildContext.SEVERITY_ERROR + ", null]",
                        "addMessage [" + MODEL.toFile() + ", 15, 5, adjoint: slow, " + BuildContext.SEVERITY_WARNING
                                + ", null]"),
                calls);
    }

    @Test
    void theCommandLineGetsNoSecondCopyOfTheLog() {
        // what plain Maven injects: the 1.x default over the legacy default, which would log each marker again
        BuildContext cli = new org.codehaus.plexus.build.DefaultBuildContext(
                new org.sonatype.plexus.build.incremental.DefaultBuildContext());
        assertFalse(IdeFeedback.isIde(cli));
        // m2e's legacy context behind the same 1.x class is an IDE's
        BuildContext legacyIde = new org.codehaus.plexus.build.DefaultBuildContext(
                new org.sonatype.plexus.build.incremental.DefaultBuildContext() {});
        assertTrue(IdeFeedback.isIde(legacyIde));
        assertTrue(IdeFeedback.isIde((BuildContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {BuildContext.class}, (proxy, method, args) -> null)));
    }
}
