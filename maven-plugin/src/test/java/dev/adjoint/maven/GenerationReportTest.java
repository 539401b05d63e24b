package dev.adjoint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.GenerationResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class GenerationReportTest {
    private static final Path MODEL = Path.of("/src/p/Model.java");
    private final RecordingLog log = new RecordingLog();

    @Test
    void everyDiagnosticIsLoggedJavacStyleBeforeOneFailure() {
        GenerationResult result = new GenerationResult(
                false,
                List.of(
                        Diagnostic.error(MODEL, 12, 9, "try is not supported"),
                        Diagnostic.warning(MODEL, 15, 5, "x is not used"),
                        Diagnostic.error(MODEL, 21, 9, "synchronized is not supported")),
                List.of(),
                List.of(),
                List.of());

        MojoFailureException failure =
                assertThrows(MojoFailureException.class, () -> GenerationReport.report(result, log));

        assertEquals("adjoint: 2 error(s); see above", failure.getMessage());
        assertNull(failure.getCause());
        assertEquals(
                List.of(
                        "ERROR /src/p/Model.java:[12,9] try is not supported",
                        "WARNING /src/p/Model.java:[15,5] x is not used",
                        "ERROR /src/p/Model.java:[21,9] synchronized is not supported"),
                log.lines);
    }

    @Test
    void upToDateIsOneLine() throws MojoFailureException {
        GenerationReport.report(new GenerationResult(true, List.of(), List.of(), List.of(), List.of()), log);

        assertEquals(List.of("INFO adjoint: nothing changed since the last build, no file written"), log.lines);
    }

    @Test
    void aRunListsItsMethodsThenCountsFiles() throws MojoFailureException {
        GenerationResult result = new GenerationResult(
                false,
                List.of(Diagnostic.warning(MODEL, 3, 1, "note this")),
                List.of(Path.of("/out/p/ModelAdjoint.java")),
                List.of(Path.of("/out/q/OtherAdjoint.java"), Path.of("/out/r/ThirdAdjoint.java")),
                List.of("p.Model#loss: static", "q.Other#f: static"));

        GenerationReport.report(result, log);

        assertEquals(
                List.of(
                        "WARNING /src/p/Model.java:[3,1] note this",
                        "INFO adjoint: p.Model#loss: static",
                        "INFO adjoint: q.Other#f: static",
                        "INFO adjoint: 1 file(s) written, 2 unchanged"),
                log.lines);
    }

    @Test
    void verboseAddsTheFilesTheReportAndTheTime() {
        GenerationResult result = new GenerationResult(
                false,
                List.of(),
                List.of(Path.of("/out/p/ModelAdjoint.java")),
                List.of(Path.of("/out/q/OtherAdjoint.java")),
                List.of("p.Model#loss: static"));

        GenerationReport.details(result, Path.of("/t/adjoint/report.md"), 42, log);

        assertEquals(
                List.of(
                        "INFO adjoint: wrote /out/p/ModelAdjoint.java",
                        "INFO adjoint: report: /t/adjoint/report.md",
                        "INFO adjoint: generation took 42 ms"),
                log.lines);
    }

    @Test
    void theGoalsAreFinalClasses() {
        for (Class<?> c : List.of(GenerateMojo.class, GenerateTestMojo.class, ShowMojo.class)) {
            assertTrue(java.lang.reflect.Modifier.isFinal(c.getModifiers()), c.getName());
        }
    }
}
