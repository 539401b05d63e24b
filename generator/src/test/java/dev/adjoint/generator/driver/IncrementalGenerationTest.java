package dev.adjoint.generator.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.GenerationRequest;
import dev.adjoint.generator.GenerationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AdjointGenerator#generate}: writing, incremental no-ops, no partial output, stale files. */
class IncrementalGenerationTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    private static final String MODEL = """
            package p;

            import dev.adjoint.Differentiable;

            public class Model {
                @Differentiable
                public static double square(double x) {
                    return x * x;
                }

                @Differentiable
                static double cube(double x) {
                    return x * x * x;
                }
            }
            """;

    private static final String OTHER = """
            package p.q;

            import dev.adjoint.Differentiable;

            class Other {
                @Differentiable
                static double f(double x, double y) {
                    return Math.sin(x) * y;
                }
            }
            """;

    @TempDir
    Path tmp;

    Path src;
    Path out;
    Path state;
    Path model;
    Path modelAdjoint;

    @BeforeEach
    void layout() throws IOException {
        src = tmp.resolve("src/main/java");
        out = tmp.resolve("target/generated-sources/adjoint");
        state = tmp.resolve("target/adjoint/state.txt");
        model = src.resolve("p/Model.java");
        modelAdjoint = out.resolve("p/ModelAdjoint.java");
        write(model, MODEL);
    }

    private GenerationRequest request() {
        return new GenerationRequest(List.of(src), List.of(), List.of(), out, state);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Marks a generated file as old, so that any rewrite shows in its timestamp. */
    private static void age(Path file) throws IOException {
        Files.setLastModifiedTime(file, LONG_AGO);
    }

    @Test
    void firstRunWritesOneClassPerOwnerWithTheTranslatedText() throws IOException {
        write(src.resolve("p/q/Other.java"), OTHER);
        GenerationResult r = AdjointGenerator.generate(request());
        assertFalse(r.upToDate());
        assertEquals(List.of(), r.diagnostics());
        assertEquals(List.of(modelAdjoint, out.resolve("p/q/OtherAdjoint.java")), r.written());
        assertEquals(List.of(), r.unchanged());
        assertEquals(
                AdjointGenerator.translate(Map.of(model, MODEL)).generated().get("p.ModelAdjoint"),
                Files.readString(modelAdjoint));
        assertTrue(Files.isRegularFile(state));
        assertEquals(3, r.methods().size(), r.methods().toString());
        try (var files = Files.walk(out)) {
            assertEquals(2, files.filter(Files::isRegularFile).count(), "no temporary files left behind");
        }
    }

    @Test
    void secondRunWithStateIsUpToDateAndWritesNothing() throws IOException {
        AdjointGenerator.generate(request());
        age(modelAdjoint);
        String before = Files.readString(modelAdjoint);

        GenerationResult r = AdjointGenerator.generate(request());
        assertTrue(r.upToDate());
        assertEquals(List.of(), r.written());
        assertEquals(LONG_AGO, Files.getLastModifiedTime(modelAdjoint));
        assertEquals(before, Files.readString(modelAdjoint));
    }

    @Test
    void withoutStateEveryRunTranslatesButUnchangedFilesAreNotRewritten() throws IOException {
        GenerationRequest stateless = GenerationRequest.of(List.of(src), out);
        AdjointGenerator.generate(stateless);
        age(modelAdjoint);
        GenerationResult r = AdjointGenerator.generate(stateless);
        assertFalse(r.upToDate());
        assertEquals(List.of(), r.written());
        assertEquals(List.of(modelAdjoint), r.unchanged());
        assertEquals(LONG_AGO, Files.getLastModifiedTime(modelAdjoint));
    }

    @Test
    void aSourceChangeThatKeepsTheOutputLeavesTheFileAlone() throws IOException {
        AdjointGenerator.generate(request());
        age(modelAdjoint);
        write(
                model,
                MODEL.replace(
                        "public class Model {", "public class Model { // a comment changes the input, not the output"));
        GenerationResult r = AdjointGenerator.generate(request());
        assertFalse(r.upToDate());
        assertEquals(List.of(), r.written());
        assertEquals(List.of(modelAdjoint), r.unchanged());
        assertEquals(LONG_AGO, Files.getLastModifiedTime(modelAdjoint));
    }

    @Test
    void aSourceChangeRegenerates() throws IOException {
        AdjointGenerator.generate(request());
        age(modelAdjoint);
        write(model, MODEL.replace("return x * x;", "return x * Math.exp(x);"));
        GenerationResult r = AdjointGenerator.generate(request());
        assertFalse(r.upToDate());
        assertEquals(List.of(modelAdjoint), r.written());
        assertTrue(Files.readString(modelAdjoint).contains("Math.exp(x)"));
        assertFalse(LONG_AGO.equals(Files.getLastModifiedTime(modelAdjoint)));
        // and the new state makes the next run a no-op
        assertTrue(AdjointGenerator.generate(request()).upToDate());
    }

    @Test
    void anErrorWritesNothingAndKeepsThePreviousOutput() throws IOException {
        AdjointGenerator.generate(request());
        age(modelAdjoint);
        String before = Files.readString(modelAdjoint);
        Path stateBefore = Files.copy(state, tmp.resolve("state-before"));

        write(
                model,
                MODEL.replace(
                        "return x * x;",
                        "double s = x;\n        try {\n            s = s * x;\n        } finally {\n            s = s + 1;\n        }\n        return s;"));
        write(src.resolve("p/q/Other.java"), OTHER); // a new, correct class is not written either
        GenerationResult r = AdjointGenerator.generate(request());
        assertTrue(r.hasErrors());
        assertEquals(1, r.errors().size(), r.diagnostics().toString());
        assertEquals(model, r.errors().get(0).file());
        assertEquals(9, r.errors().get(0).line());
        assertEquals(List.of(), r.written());
        assertEquals(before, Files.readString(modelAdjoint));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(modelAdjoint));
        assertFalse(Files.exists(out.resolve("p/q/OtherAdjoint.java")));
        assertEquals(Files.readString(stateBefore), Files.readString(state), "a failed run must not save its state");

        // the same error again: still an error (a failed run is never up to date)
        assertTrue(AdjointGenerator.generate(request()).hasErrors());
    }

    @Test
    void fixingAnErrorBackToTheLastGoodSourceIsUpToDate() throws IOException {
        AdjointGenerator.generate(request());
        write(model, MODEL.replace("return x * x;", "return Math.ulp(x);"));
        assertTrue(AdjointGenerator.generate(request()).hasErrors());
        write(model, MODEL);
        GenerationResult r = AdjointGenerator.generate(request());
        assertTrue(r.upToDate(), "the output on disk is still the last good one");
    }

    @Test
    void aDeletedGeneratedFileIsWrittenAgain() throws IOException {
        AdjointGenerator.generate(request());
        Files.delete(modelAdjoint);
        GenerationResult r = AdjointGenerator.generate(request());
        assertFalse(r.upToDate());
        assertEquals(List.of(modelAdjoint), r.written());
        assertTrue(Files.isRegularFile(modelAdjoint));
    }

    /** A generated file edited by hand (it says "Do not edit") is put back by the next build, not kept as up to date. */
    @Test
    void anEditedGeneratedFileIsWrittenAgain() throws IOException {
        AdjointGenerator.generate(request());
        String generated = Files.readString(modelAdjoint);
        Files.writeString(modelAdjoint, generated + "x\n");
        GenerationResult r = AdjointGenerator.generate(request());
        assertFalse(r.upToDate());
        assertEquals(List.of(modelAdjoint), r.written());
        assertEquals(generated, Files.readString(modelAdjoint));
        age(modelAdjoint);
        GenerationResult again = AdjointGenerator.generate(request());
        assertTrue(again.upToDate(), "restored: up to date again");
        assertEquals(LONG_AGO, Files.getLastModifiedTime(modelAdjoint));
    }

    @Test
    void theAdjointOfARemovedClassIsDeleted() throws IOException {
        Path other = src.resolve("p/q/Other.java");
        write(other, OTHER);
        AdjointGenerator.generate(request());
        Path otherAdjoint = out.resolve("p/q/OtherAdjoint.java");
        assertTrue(Files.isRegularFile(otherAdjoint));
        age(modelAdjoint);

        Files.delete(other);
        GenerationResult r = AdjointGenerator.generate(request());
        assertFalse(r.hasErrors());
        assertFalse(Files.exists(otherAdjoint), "stale adjoint of a removed class");
        assertEquals(List.of(modelAdjoint), r.unchanged());
        assertEquals(LONG_AGO, Files.getLastModifiedTime(modelAdjoint));
    }

    @Test
    void aRemovedMethodDisappearsFromItsClassAndAClassWithoutMethodsIsDeleted() throws IOException {
        AdjointGenerator.generate(request());
        write(model, MODEL.replace("    @Differentiable\n    static double cube", "    static double cube"));
        GenerationResult r = AdjointGenerator.generate(request());
        assertEquals(List.of(modelAdjoint), r.written());
        String text = Files.readString(modelAdjoint);
        assertTrue(text.contains("squareGrad"));
        assertFalse(text.contains("cubeGrad"), "stale method of an un-annotated method");

        write(model, MODEL.replace("@Differentiable\n", ""));
        r = AdjointGenerator.generate(request());
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        assertEquals(List.of(), r.written());
        assertFalse(Files.exists(modelAdjoint), "stale adjoint of a class without @Differentiable methods");
    }

    @Test
    void includesAndExcludesSelectTheSources() throws IOException {
        write(src.resolve("p/q/Other.java"), OTHER);
        GenerationRequest onlyQ = new GenerationRequest(List.of(src), List.of("p/q/**"), List.of(), out, null);
        assertEquals(
                List.of(out.resolve("p/q/OtherAdjoint.java")),
                AdjointGenerator.generate(onlyQ).written());

        Path out2 = tmp.resolve("out2");
        GenerationRequest notOther =
                new GenerationRequest(List.of(src), List.of(), List.of("**/Other.java"), out2, null);
        assertEquals(
                List.of(out2.resolve("p/ModelAdjoint.java")),
                AdjointGenerator.generate(notOther).written());
    }

    @Test
    void aMissingSourceRootGeneratesNothing() {
        GenerationResult r = AdjointGenerator.generate(GenerationRequest.of(List.of(tmp.resolve("nowhere")), out));
        assertFalse(r.hasErrors());
        assertEquals(List.of(), r.written());
    }
}
