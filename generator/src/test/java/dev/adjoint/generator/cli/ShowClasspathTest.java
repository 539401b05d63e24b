package dev.adjoint.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Translation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adjoint:show} in a module whose method calls another module's {@code @Differentiable}
 * method: with that module's classes on the classpath, the adjoint shown is the one
 * {@code adjoint:generate} writes (before, {@code show} read no classpath and called the call
 * unsupported).
 */
class ShowClasspathTest {
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

    /** q.Other and its adjoint compiled into a folder, as the other module's build leaves them. */
    private Path otherModuleClasses() throws IOException {
        Map<String, String> sources = new HashMap<>();
        sources.put("q.Other", OTHER);
        sources.putAll(
                AdjointGenerator.translate(Map.of(Path.of("Other.java"), OTHER)).generated());
        Path classes = tmp.resolve("other-classes");
        for (Map.Entry<String, byte[]> e : dev.adjoint.generator.testing.InMemoryCompiler.compileToBytes(sources)
                .entrySet()) {
            Path f = classes.resolve(e.getKey().replace('.', '/') + ".class");
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        return classes;
    }

    @Test
    void showResolvesCallsToAnotherModuleOnTheClasspathAsTheBuildDoes() throws Exception {
        Path root = tmp.resolve("src");
        Path caller = root.resolve("p/Caller.java");
        Files.createDirectories(caller.getParent());
        Files.writeString(caller, CALLER);
        Path runtime = Path.of(dev.adjoint.DoubleGrad.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Path> classpath = List.of(otherModuleClasses(), runtime);

        Translation shown = AdjointGenerator.show(List.of(root), "p.Caller#f", StandardCharsets.UTF_8, classpath);
        assertFalse(shown.hasErrors(), shown.diagnostics().toString());
        Translation built = AdjointGenerator.translate(
                Map.of(caller, CALLER),
                Map.of(),
                java.util.Optional.of("p.Caller#f"),
                dev.adjoint.generator.analyze.Options.DEFAULT,
                classpath);
        assertEquals(built.generated(), shown.generated());
        assertTrue(shown.generated().get("p.CallerAdjoint").contains("q.OtherAdjoint.twiceVjp("));

        // without the classpath the call is unknown: an error at the call, as before
        Translation blind = AdjointGenerator.show(List.of(root), "p.Caller#f", StandardCharsets.UTF_8);
        assertTrue(blind.hasErrors());
        assertEquals(9, blind.diagnostics().get(0).line());
    }
}
