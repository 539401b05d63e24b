package dev.adjoint.generator.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.GenerationRequest;
import dev.adjoint.generator.GenerationResult;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources are read in the request's encoding (the plugin passes {@code project.build.sourceEncoding}). */
class SourceEncodingTest {
    private static final String SOURCE =
            "package p;\n\nimport dev.adjoint.Differentiable;\n\npublic class M {\n    // größe\n"
                    + "    @Differentiable\n    static double f(double x) {\n        return x * x;\n    }\n}\n";

    private static GenerationResult generate(Path dir, Charset saved, Charset read) throws IOException {
        Path root = dir.resolve("src");
        Files.createDirectories(root.resolve("p"));
        Files.write(root.resolve("p/M.java"), SOURCE.getBytes(saved));
        return AdjointGenerator.generate(new GenerationRequest(
                List.of(root), List.of(), List.of(), dir.resolve("out"), null, false, null, read));
    }

    @Test
    void aFileSavedInTheProjectsEncodingIsRead(@TempDir Path dir) throws IOException {
        GenerationResult r = generate(dir, StandardCharsets.ISO_8859_1, StandardCharsets.ISO_8859_1);
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        assertTrue(Files.isRegularFile(dir.resolve("out/p/MAdjoint.java")));
    }

    @Test
    void aByteOutsideTheProjectsEncodingIsAnErrorThatNamesIt(@TempDir Path dir) throws IOException {
        GenerationResult r = generate(dir, StandardCharsets.UTF_8, StandardCharsets.US_ASCII);
        assertTrue(r.hasErrors(), r.diagnostics().toString());
        Diagnostic d = r.errors().get(0);
        assertEquals(6, d.line(), d.toString());
        assertTrue(d.message().contains("is not US-ASCII, the project's project.build.sourceEncoding"), d.toString());
        assertFalse(Files.exists(dir.resolve("out/p/MAdjoint.java")));
    }
}
