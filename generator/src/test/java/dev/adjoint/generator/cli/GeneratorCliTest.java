package dev.adjoint.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar adjoint-generator.jar ...}: the class on stdout, errors on stderr, exit codes 0, 1, 2. */
class GeneratorCliTest {
    private static final String MODEL = """
            package p;

            import dev.adjoint.Differentiable;

            public class Model {
                @Differentiable
                static double square(double x) {
                    return x * x;
                }

                @Differentiable
                static double cube(double x) {
                    return x * x * x;
                }
            }
            """;

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GeneratorCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String relative, String text) throws IOException {
        Path f = tmp.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void printsTheGeneratedClass() throws IOException {
        Path model = write("p/Model.java", MODEL);
        Run r = run(model.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(AdjointGenerator.translate(Map.of(model, MODEL)).generated().get("p.ModelAdjoint"), r.out());
    }

    @Test
    void readsADirectory() throws IOException {
        write("src/p/Model.java", MODEL);
        write("src/p/README.txt", "not java");
        Run r = run(tmp.resolve("src").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("final class ModelAdjoint"));
    }

    @Test
    void methodOptionKeepsOneMethod() throws IOException {
        Path model = write("p/Model.java", MODEL);
        Run r = run("--method", "p.Model#cube", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("cubeGrad"));
        assertFalse(r.out().contains("squareGrad"));
    }

    @Test
    void unknownMethodIsAnError() throws IOException {
        Path model = write("p/Model.java", MODEL);
        Run r = run("--method", "p.Model#nope", model.toString());
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no @Differentiable method p.Model#nope"), r.err());
    }

    @Test
    void anErrorExitsOneWithAPositionedMessageAndNoOutput() throws IOException {
        Path model = write("p/Model.java", MODEL.replace("return x * x;", "double s = x;\n        try {\n            s = s * x;\n        } finally {\n            s = s + 1;\n        }\n        return s;"));
        Run r = run(model.toString());
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("ERROR " + model + ":[9,9] 'try' is not supported"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path model = write("p/Model.java", MODEL);
        for (String[] args : new String[][] {{}, {"-h"}, {"--help"}, {"--bogus", model.toString()}, {"--method"}}) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("usage: "), r.err());
        }
    }

    @Test
    void anUnreadableFileExitsTwo() {
        Run r = run(tmp.resolve("Missing.java").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cannot read"), r.err());
    }
}
