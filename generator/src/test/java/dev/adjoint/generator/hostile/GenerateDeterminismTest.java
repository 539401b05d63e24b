package dev.adjoint.generator.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.GenerationRequest;
import dev.adjoint.generator.GenerationResult;
import dev.adjoint.generator.fuzz.ProgramGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AdjointGenerator#generate} on disk: two runs into two clean directories give
 * byte-identical trees (adjoints, report, state), and a rerun without changes touches no file
 * (with the incremental state: nothing is even translated; without it: the content is compared).
 * The in-memory and cross-JVM cases are in {@code DeterminismTest}.
 */
class GenerateDeterminismTest {
    /** An old time stamp given to every output file, so that a rewrite shows. */
    private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);

    /** Sources of several shapes: random programs (both strategies, nested classes, custom derivatives), unicode, packages. */
    private static Map<String, String> sources() {
        Map<String, String> s = new LinkedHashMap<>();
        ProgramGenerator gen = new ProgramGenerator(ProgramGenerator.buildingFeatures());
        for (int i = 0; i < 16; i++) {
            ProgramGenerator.Program p = gen.program(20240611L, i);
            s.put(ProgramGenerator.PACKAGE + "/" + p.className() + ".java", p.source());
        }
        s.put("q/deep/Unicode.java", """
                package q.deep;

                import dev.adjoint.Differentiable;

                public class Unicode {
                    @Differentiable(wrt = "θ")
                    static double énergie(double θ, double größe) {
                        return Math.sin(θ) * größe;
                    }

                    static class Inner {
                        @Differentiable
                        static float f(float x, float[] w) {
                            return x * w[0];
                        }
                    }
                }
                """);
        return s;
    }

    private static void write(Path root, Map<String, String> sources) throws IOException {
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = root.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** A request with state and report files next to the output directory ({@code withState}: else none). */
    private static GenerationRequest request(Path root, Path base, boolean withState) {
        return new GenerationRequest(
                List.of(root),
                List.of(),
                List.of(),
                base.resolve("generated"),
                withState ? base.resolve("state.txt") : null,
                false,
                base.resolve("report.md"));
    }

    private static GenerationResult run(GenerationRequest r) {
        GenerationResult result = AdjointGenerator.generate(r);
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        return result;
    }

    /** Every file under {@code dir}, relative, with its bytes. */
    private static Map<Path, byte[]> bytes(Path dir) throws IOException {
        Map<Path, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static Map<Path, FileTime> times(Path dir) throws IOException {
        Map<Path, FileTime> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p), Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    private static void age(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                try {
                    Files.setLastModifiedTime(p, OLD);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void twoRunsIntoTwoCleanDirectoriesGiveByteIdenticalTrees(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("src");
        write(root, sources());
        GenerationResult first = run(request(root, dir.resolve("one"), true));
        GenerationResult second = run(request(root, dir.resolve("two"), true));
        assertTrue(first.written().size() >= 17, first.written().toString());
        Map<Path, byte[]> one = bytes(dir.resolve("one"));
        Map<Path, byte[]> two = bytes(dir.resolve("two"));
        assertEquals(one.keySet(), two.keySet());
        for (Path p : one.keySet()) {
            if (p.toString().equals("state.txt")) {
                // the state fingerprints the request, output directory included, and names the output files: it
                // differs with the directory; the list of files must match
                assertEquals(
                        new String(one.get(p), StandardCharsets.UTF_8)
                                .lines()
                                .skip(2)
                                .map(l -> l.replace(dir.resolve("one").toString(), ""))
                                .toList(),
                        new String(two.get(p), StandardCharsets.UTF_8)
                                .lines()
                                .skip(2)
                                .map(l -> l.replace(dir.resolve("two").toString(), ""))
                                .toList(),
                        p.toString());
            } else {
                assertArrayEquals(one.get(p), two.get(p), p + " differs");
            }
        }
        assertEquals(first.methods(), second.methods());
        // and a third copy of the sources, written in the reverse order, gives the same adjoints
        Path reversed = dir.resolve("src2");
        Map<String, String> rev = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(sources().keySet());
        Collections.reverse(keys);
        keys.forEach(k -> rev.put(k, sources().get(k)));
        write(reversed, rev);
        run(request(reversed, dir.resolve("three"), false));
        Map<Path, byte[]> three = bytes(dir.resolve("three").resolve("generated"));
        Map<Path, byte[]> oneGenerated = bytes(dir.resolve("one").resolve("generated"));
        assertEquals(oneGenerated.keySet(), three.keySet());
        oneGenerated.forEach((p, b) -> assertArrayEquals(b, three.get(p), p + " differs"));
    }

    @Test
    void aRerunWithTheStateTouchesNoFile(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("src");
        write(root, sources());
        Path base = dir.resolve("build");
        run(request(root, base, true));
        age(base);
        Map<Path, FileTime> before = times(base);
        Map<Path, byte[]> content = bytes(base);
        GenerationResult again = run(request(root, base, true));
        assertTrue(again.upToDate(), "nothing changed: up to date");
        assertEquals(List.of(), again.written());
        assertEquals(before, times(base), "a file was touched");
        assertEquals(content.keySet(), bytes(base).keySet());
        // sources touched but not changed: still nothing written
        age(root);
        GenerationResult touched = run(request(root, base, true));
        assertEquals(List.of(), touched.written());
        assertEquals(before, times(base), "a file was touched after the sources were (only) touched");
    }

    @Test
    void aRerunWithoutStateRewritesNoGeneratedFile(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("src");
        write(root, sources());
        Path base = dir.resolve("build");
        GenerationResult first = run(request(root, base, false));
        age(base);
        Map<Path, FileTime> before = times(base.resolve("generated"));
        GenerationResult again = run(request(root, base, false));
        assertFalse(again.upToDate(), "without state every run translates");
        assertEquals(List.of(), again.written());
        assertEquals(first.written(), again.unchanged());
        assertEquals(before, times(base.resolve("generated")), "a generated file was touched");
    }

    // Regression test (was a bug): without a state file, every run rewrote report.md (BuildReport.write wrote
    // unconditionally), though its content was the same. Now the report, like the adjoints, is rewritten only when
    // its content changes (a rerun without changes touches no file).
    @Test
    void aRerunWithoutStateLeavesTheReportAlone(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("src");
        write(root, sources());
        Path base = dir.resolve("build");
        run(request(root, base, false));
        age(base);
        Map<Path, FileTime> before = times(base);
        run(request(root, base, false));
        assertEquals(before, times(base), "a file was touched");
    }
}
