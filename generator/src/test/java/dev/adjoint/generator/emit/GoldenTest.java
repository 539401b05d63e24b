package dev.adjoint.generator.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Exact generated classes ("is it not correct-but-weird"): each test translates one small class
 * and compares the printed adjoint with {@code src/test/resources/goldens/GoldenTest/<test>.java}.
 * A missing or different golden fails with the actual text to paste; running with
 * {@code -Dadjoint.updateGoldens=true} writes it instead. Each golden is also compiled and its
 * gradient checked, so a golden never pins a wrong adjoint.
 */
class GoldenTest {
    private static final String UPDATE = "adjoint.updateGoldens";

    @Test
    void straightLineWithOverwrite(TestInfo info) {
        String source = """
                package golden;

                import dev.adjoint.Differentiable;

                public class Straight {
                    @Differentiable
                    public static double scaledSine(double x, double y) {
                        double s = x * y;
                        s = Math.sin(s) * x;
                        return s / y;
                    }
                }
                """;
        assertGolden(info, "golden.Straight", source);
        Differentiated d = Differentiated.of("golden.Straight", source, Options.DEFAULT);
        d.assertGradient("scaledSine", d, "scaledSine", 1e-6, 1e-9, 0.7, 1.3);
        d.assertGradient("scaledSine", d, "scaledSine", 1e-6, 1e-9, -1.1, 0.4);
    }

    @Test
    void ifElseWithConditional(TestInfo info) {
        String source = """
                package golden;

                import dev.adjoint.Differentiable;

                class Branchy {
                    @Differentiable
                    static double leaky(double x, double y) {
                        double r;
                        if (x > 0) {
                            r = x * y;
                        } else {
                            r = y > 1 ? Math.exp(x) : -x;
                        }
                        return r * r;
                    }
                }
                """;
        assertGolden(info, "golden.Branchy", source);
        Differentiated d = Differentiated.of("golden.Branchy", source, Options.DEFAULT);
        for (double[] p : new double[][] {{0.7, 1.3}, {-0.7, 1.3}, {-0.7, 0.4}}) {
            d.assertGradient("leaky", d, "leaky", 1e-6, 1e-9, p[0], p[1]);
        }
    }

    @Test
    void floatWithCasts(TestInfo info) {
        String source = """
                package golden;

                import dev.adjoint.Differentiable;

                class Mixed {
                    @Differentiable(wrt = {"a", "b"})
                    static float blend(float a, double b, int n) {
                        double t = a * b;
                        float u = (float) Math.sqrt(t) + n;
                        return u * a;
                    }

                    @Differentiable
                    static double blendTwin(double a, double b, int n) {
                        double t = a * b;
                        double u = Math.sqrt(t) + n;
                        return u * a;
                    }
                }
                """;
        assertGolden(info, "golden.Mixed", source);
        Differentiated d = Differentiated.of("golden.Mixed", source, Options.DEFAULT);
        d.assertGradient("blend", d, "blendTwin", 1e-3, 1e-5, 0.8f, 1.7, 3);
        d.assertGradient("blend", d, "blendTwin", 1e-3, 1e-5, 1.6f, 0.2, -2);
    }

    /** Compares the adjoint of {@code owner} with the golden file of the calling test. */
    private static void assertGolden(TestInfo info, String owner, String source) {
        String file = owner.substring(owner.lastIndexOf('.') + 1) + ".java";
        Translation t = AdjointGenerator.translate(Map.of(Path.of(file), source));
        assertEquals(List.of(), t.diagnostics());
        String adjoint = owner + "Adjoint";
        String actual = t.generated().get(adjoint);
        if (actual == null) {
            fail("no " + adjoint + " generated; generated: " + t.generated().keySet());
        }
        String name = "goldens/" + GoldenTest.class.getSimpleName() + "/" + info.getTestMethod().orElseThrow().getName() + ".java";
        String expected = read(name);
        if (expected != null && expected.equals(actual)) {
            return;
        }
        if (Boolean.getBoolean(UPDATE)) {
            write(Path.of("src/test/resources").resolve(name), actual);
            return;
        }
        fail((expected == null ? "missing golden file src/test/resources/" + name
                : "generated code differs from src/test/resources/" + name + " (first difference at line "
                        + firstDifferentLine(expected, actual) + ")")
                + "; if the new output is right, paste it there (or run with -D" + UPDATE + "=true):\n"
                + "-------- 8< --------\n" + actual + "-------- >8 --------");
    }

    private static int firstDifferentLine(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) {
                return i + 1;
            }
        }
        return Math.min(e.length, a.length) + 1;
    }

    private static String read(String resource) {
        try (InputStream in = GoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
