package dev.adjoint.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.GenerationRequest;
import dev.adjoint.generator.GenerationResult;
import dev.adjoint.generator.Translation;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static final String OTHER = """
            package q;

            import dev.adjoint.Differentiable;

            public class Other {
                @Differentiable
                public static double twice(double x) {
                    return 2 * x;
                }
            }
            """;

    private static final String CALLER = """
            package p;

            import dev.adjoint.Differentiable;
            import q.Other;

            public class Caller {
                @Differentiable
                static double f(double x) {
                    return Other.twice(x) * x;
                }
            }
            """;

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GeneratorCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
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
        assertEquals("p.Model#square: static\np.Model#cube: static\n", r.err().replace(System.lineSeparator(), "\n"));
        assertEquals(
                AdjointGenerator.translate(Map.of(model, MODEL)).generated().get("p.ModelAdjoint"), r.out());
    }

    @Test
    void aDumpOfSourcesWithAnErrorExitsWithOne() throws IOException {
        Path model = write("p/Model.java", MODEL);
        assertEquals(0, run("--dump", "normalize", model.toString()).code());
        Path bad = write(
                "p/Bad.java", MODEL.replace("class Model", "class Bad").replace("return x * x;", "return x.foo();"));
        Run r = run("--dump", "normalize", bad.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Bad.java:[8,16] call to 'x.foo' is not supported"), r.out());
    }

    @Test
    void disableSwitchesOptimisationsOffAndNamesTheValidOnes() throws IOException {
        Path model = write("p/Model.java", MODEL);
        Run r = run("--disable", "freshAdjoints,activity", model.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(
                AdjointGenerator.translate(
                                Map.of(model, MODEL),
                                Map.of(),
                                java.util.Optional.empty(),
                                dev.adjoint.generator.analyze.Options.disabling("freshAdjoints,activity"))
                        .generated()
                        .get("p.ModelAdjoint"),
                r.out());
        Run bad = run("--disable", "fusion", model.toString());
        assertEquals(2, bad.code());
        assertTrue(
                bad.err()
                        .startsWith(
                                "adjoint: --disable: unknown optimisation 'fusion'; the optimisations are activity,"),
                bad.err());
    }

    @Test
    void stderrSaysWhyAMethodGoesToTheTape() throws IOException {
        Path model = write("p/Model.java", MODEL.replace("return x * x * x;", "return cube(x);"));
        Run r = run(model.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals("p.Model#square: static", lines.get(lines.size() - 2), r.err());
        assertTrue(lines.get(lines.size() - 1).startsWith("p.Model#cube: tape, because "), r.err());
    }

    @Test
    void dWritesOneFilePerClassAsThePluginDoes() throws IOException {
        write("src/p/Model.java", MODEL);
        write("src/q/Other.java", OTHER);
        Path out = tmp.resolve("out");
        Run r = run("-d", out.toString(), tmp.resolve("src").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("q.Other#twice: static"), r.err());
        Path plugin = tmp.resolve("plugin");
        GenerationResult g = AdjointGenerator.generate(GenerationRequest.of(List.of(tmp.resolve("src")), plugin));
        assertFalse(g.hasErrors(), g.diagnostics().toString());
        for (String f : List.of("p/ModelAdjoint.java", "q/OtherAdjoint.java")) {
            assertEquals(Files.readString(plugin.resolve(f)), Files.readString(out.resolve(f)), f);
        }
        try (var files = Files.walk(out)) {
            assertEquals(2, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void dIntoAFileIsAnIoErrorAndWritesNothing() throws IOException {
        Path model = write("p/Model.java", MODEL);
        Path notADir = write("out", "a file");
        Run r = run("-d", notADir.toString(), model.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no generated file was written"), r.err());
        assertEquals("a file", Files.readString(notADir));
    }

    @Test
    void sourcepathLetsAFileCallAnotherFilesMethodsAndWritesOnlyTheInputs() throws IOException {
        write("lib/q/Other.java", OTHER);
        Path caller = write("app/p/Caller.java", CALLER);
        Run alone = run(caller.toString());
        assertEquals(1, alone.code(), "without the sourcepath q.Other#twice is unknown: " + alone.err());

        Path out = tmp.resolve("out");
        Run r = run(
                "--sourcepath",
                tmp.resolve("lib") + File.pathSeparator + tmp.resolve("app"),
                "-d",
                out.toString(),
                caller.toString());
        assertEquals(0, r.code(), r.err());
        // (f calls a method of a class in another package: its Hvp is not generated, and the build notes it first)
        assertTrue(
                r.err()
                        .replace(System.lineSeparator(), "\n")
                        .endsWith("gets no fHvp (its other methods are generated): it calls"
                                + " 'twice' of a class in another package\np.Caller#f: static\n"),
                r.err());
        assertTrue(Files.isRegularFile(out.resolve("p/CallerAdjoint.java")));
        assertFalse(Files.exists(out.resolve("q")), "classes of the sourcepath are not written");
        // the same class as when both files are inputs
        Translation both = AdjointGenerator.translate(Map.of(caller, CALLER, tmp.resolve("lib/q/Other.java"), OTHER));
        assertEquals(both.generated().get("p.CallerAdjoint"), Files.readString(out.resolve("p/CallerAdjoint.java")));
        assertTrue(Files.readString(out.resolve("p/CallerAdjoint.java")).contains("OtherAdjoint"));

        Run printed = run("--sourcepath", tmp.resolve("lib").toString(), caller.toString());
        assertEquals(0, printed.code(), printed.err());
        assertEquals(both.generated().get("p.CallerAdjoint"), printed.out());
    }

    @Test
    void aMissingSourcepathEntryExitsTwo() throws IOException {
        Path model = write("p/Model.java", MODEL);
        Run r = run("--sourcepath", tmp.resolve("nope").toString(), model.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cannot read"), r.err());
    }

    @Test
    void classpathIsParsed() throws IOException, GeneratorCli.UsageError {
        Path model = write("p/Model.java", MODEL);
        String cp = "lib/a.jar" + File.pathSeparator + "classes";
        GeneratorCli.Options o = GeneratorCli.parse(new String[] {"--classpath", cp, "-cp", "b.jar", model.toString()});
        assertEquals(List.of(Path.of("lib/a.jar"), Path.of("classes"), Path.of("b.jar")), o.classpath());
        assertEquals(List.of(model), o.inputs());
        Run r = run("--classpath", cp, model.toString());
        assertEquals(0, r.code(), r.err());
        Run without = run(model.toString());
        assertEquals(without.out(), r.out());
        assertTrue(r.err().endsWith(without.err()), r.err()); // after a warning per missing entry
    }

    /** Writes q.Other's class files (with its adjoint's, when {@code withAdjoint}) into a directory, as another module's build does. */
    private Path compiledOther(boolean withAdjoint) throws IOException {
        Map<String, String> sources = new java.util.HashMap<>();
        sources.put("q.Other", OTHER);
        if (withAdjoint) {
            sources.putAll(AdjointGenerator.translate(Map.of(Path.of("Other.java"), OTHER))
                    .generated());
        }
        Path classes = tmp.resolve(withAdjoint ? "classes" : "plain-classes");
        for (Map.Entry<String, byte[]> e : dev.adjoint.generator.testing.InMemoryCompiler.compileToBytes(sources)
                .entrySet()) {
            Path f = classes.resolve(e.getKey().replace('.', '/') + ".class");
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        return classes;
    }

    @Test
    void classpathCallsGoThroughTheCompiledAdjoint() throws Exception {
        Path caller = write("p/Caller.java", CALLER);
        String runtime = Path.of(dev.adjoint.DoubleGrad.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        Run r = run("--classpath", compiledOther(true) + File.pathSeparator + runtime, caller.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("p.Caller#f: static"), r.err());

        Run missing = run("--classpath", compiledOther(false) + File.pathSeparator + runtime, caller.toString());
        assertEquals(1, missing.code(), missing.err());
        assertTrue(
                missing.err()
                        .contains(
                                "Caller.java:[9,16] call to 'Other.twice' cannot be differentiated: 'q.Other#twice' is"
                                        + " @Differentiable, but its adjoint class q.OtherAdjoint is not on the classpath"),
                missing.err());
        assertEquals(1, run(caller.toString()).code()); // without it: an unknown call

        // a mistyped entry is named, not left to show only as an unknown call
        Path typo = tmp.resolve("clases");
        Run mistyped = run("--classpath", typo + File.pathSeparator + runtime, caller.toString());
        assertEquals(1, mistyped.code(), mistyped.err());
        assertTrue(
                mistyped.err()
                        .startsWith("WARNING --classpath entry " + typo
                                + " does not exist; calls to its classes will be unknown" + System.lineSeparator()),
                mistyped.err());
    }

    @Test
    void helpPrintsTheUsageOnStandardOutputAndExitsZero() throws IOException {
        Path model = write("p/Model.java", MODEL);
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {model.toString(), "--help"}}) {
            Run r = run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("usage: "), r.out());
            for (String flag : List.of("-d <dir>", "--method", "--sourcepath", "--classpath", "--disable", "--dump")) {
                assertTrue(r.out().contains(flag), flag + " in " + r.out());
            }
        }
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
        Path model = write(
                "p/Model.java",
                MODEL.replace(
                        "return x * x;",
                        "double s = x;\n        try {\n            s = s * x;\n        } finally {\n            s = s + 1;\n        }\n        return s;"));
        Run r = run(model.toString());
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("ERROR " + model + ":[9,9] 'try' is not supported"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path model = write("p/Model.java", MODEL);
        assertUsageError("no source file or directory given");
        assertUsageError("unknown option '--bogus'", "--bogus", model.toString());
        assertUsageError("'--method' needs a value", "--method");
        assertUsageError("'-d' needs a value", model.toString(), "-d");
        assertUsageError("'--sourcepath' needs a value", "--sourcepath");
        assertUsageError("'--classpath' needs a value", "--classpath");
        assertUsageError("no source file or directory given", "-d", "out");
    }

    /** Exit 2, nothing on standard output, what is wrong first and then the usage on standard error. */
    private void assertUsageError(String why, String... args) {
        Run r = run(args);
        assertEquals(2, r.code(), String.join(" ", args));
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("adjoint: " + why + System.lineSeparator() + "usage: "), r.err());
    }

    /** A file saved in ISO-8859-1: the plugin's positioned error, exit 1, and the other files' errors too. */
    @Test
    void aFileThatIsNotUtf8IsAnErrorAtItsFirstBadByte() throws IOException {
        Path dir = tmp.resolve("src");
        Files.createDirectories(dir.resolve("p"));
        Files.write(
                dir.resolve("p/Latin.java"),
                "package p;\n\n// caf\u00e9\npublic class Latin {}\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("p/Model.java"), MODEL);
        Run r = run("-d", tmp.resolve("out").toString(), dir.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("Latin.java:[3,7] byte 0xE9 is not UTF-8"), r.err());
        assertFalse(r.err().contains("cannot read"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void anUnreadableFileExitsTwo() {
        Path missing = tmp.resolve("Missing.java");
        Run r = run(missing.toString());
        assertEquals(2, r.code());
        assertEquals(
                "adjoint: cannot read " + missing + ": no such file or directory" + System.lineSeparator(), r.err());
    }
}
