package dev.adjoint.generator.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.adjoint.check.GradCheck;
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

    /** The design's example: a dot product in a loop, then tanh; the loop's trip count is pushed and popped. */
    @Test
    void loopDotThenTanh(TestInfo info) {
        String source = """
                package golden;

                import dev.adjoint.Differentiable;

                public class Loop {
                    @Differentiable(wrt = "w")
                    public static double loss(double[] w, double[] x) {
                        double s = 0;
                        for (int i = 0; i < w.length; i++) {
                            s += w[i] * x[i];
                        }
                        return Math.tanh(s);
                    }
                }
                """;
        assertGolden(info, "golden.Loop", source);
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            Differentiated d = Differentiated.of("golden.Loop", source, o);
            d.assertGradient(
                    "loss", d, "loss", 1e-6, 1e-9, new double[] {0.3, -0.7, 1.1}, new double[] {1.5, 0.25, 0.9});
            d.assertGradient("loss", d, "loss", 1e-6, 1e-9, new double[] {}, new double[] {});
        }
    }

    /** A branch inside a loop: its outcome is pushed each iteration and popped in reverse. */
    @Test
    void branchInsideLoop(TestInfo info) {
        String source = """
                package golden;

                import dev.adjoint.Differentiable;

                class BranchLoop {
                    @Differentiable
                    static double leakyProduct(double[] w, double t) {
                        double p = 1;
                        for (int i = 0; i < w.length; i++) {
                            if (w[i] > 0) {
                                p = p * w[i];
                            } else {
                                p = p - t * w[i];
                            }
                        }
                        return p;
                    }
                }
                """;
        assertGolden(info, "golden.BranchLoop", source);
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            Differentiated d = Differentiated.of("golden.BranchLoop", source, o);
            d.assertGradient("leakyProduct", d, "leakyProduct", 1e-6, 1e-9, new double[] {0.3, -0.7, 1.1, -0.2}, 0.8);
            d.assertGradient("leakyProduct", d, "leakyProduct", 1e-6, 1e-9, new double[] {-1.2, 0.4}, -0.5);
        }
    }

    /** An element overwritten in place from its neighbour: the old values are pushed and restored. */
    @Test
    void inPlaceArrayUpdate(TestInfo info) {
        String source = """
                package golden;

                import dev.adjoint.Differentiable;

                class InPlace {
                    @Differentiable
                    static double prefixProduct(double[] x) {
                        for (int i = 1; i < x.length; i++) {
                            x[i] = x[i] * x[i - 1];
                        }
                        return x[x.length - 1];
                    }
                }
                """;
        assertGolden(info, "golden.InPlace", source);
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            Differentiated d = Differentiated.of("golden.InPlace", source, o);
            d.assertGradient(
                    "prefixProduct", d, "prefixProduct", 1e-6, 1e-9, (Object) new double[] {0.9, 1.2, -0.4, 2.5});
            d.assertGradient("prefixProduct", d, "prefixProduct", 1e-6, 1e-9, (Object) new double[] {-0.9, 0.3});
        }
    }

    /**
     * An element written in a loop and read after it: the Hvp's reverse, like the Vjp's, reads it
     * where it is used instead of saving a copy, which takes the tangent's positions in program
     * order ({@code Positions.inProgramOrder}: the tangent is built, not parsed).
     */
    @Test
    void hvpReadsAnElementWrittenInALoopWhereUsed(TestInfo info) {
        String source = """
                package golden;

                import dev.adjoint.Differentiable;

                class Overwritten {
                    @Differentiable
                    static double sameElement(double[] x) {
                        for (int i = 1; i < x.length; i++) {
                            x[0] = x[0] * x[i] + Math.sin(x[0]);
                        }
                        return x[0] * x[0];
                    }
                }
                """;
        assertGolden(info, "golden.Overwritten", source);
        Differentiated d = Differentiated.of("golden.Overwritten", source, Options.DEFAULT);
        double[] x = {0.9, 1.2, -0.4, 2.5};
        double[] v = {0.5, -1.0, 0.25, 0.75};
        double[] g = new double[4];
        double[] hv = new double[4];
        d.invokeGenerated("sameElement", "sameElementHvp", x.clone(), v, g, hv);
        assertArrayEquals(d.grad("sameElement", (Object) x.clone()).gradient(), g, 1e-12);
        GradCheck.Report r = GradCheck.checkHvp(
                y -> d.grad("sameElement", (Object) y.clone()).gradient(), x, v, hv, 1e-6, 1e-8);
        assertTrue(r.passed(), r.describe());
    }

    /** A call to another {@code @Differentiable} method: the caller calls the callee's generated Vjp in its reverse sweep. */
    @Test
    void callToAnotherDifferentiableMethod(TestInfo info) {
        String source = """
                package golden;

                import dev.adjoint.Differentiable;

                class Caller {
                    @Differentiable
                    static double softplus(double x) {
                        return Math.log1p(Math.exp(x));
                    }

                    @Differentiable(wrt = "w")
                    static double loss(double[] w, double[] x) {
                        double s = 0;
                        for (int i = 0; i < w.length; i++) {
                            s += softplus(w[i] * x[i]);
                        }
                        return s + softplus(w[0]);
                    }
                }
                """;
        assertGolden(info, "golden.Caller", source);
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            Differentiated d = Differentiated.of("golden.Caller", source, o);
            d.assertGradient(
                    "loss", d, "loss", 1e-6, 1e-9, new double[] {0.3, -0.7, 1.1}, new double[] {1.5, 0.25, 0.9});
            d.assertGradient("softplus", d, "softplus", 1e-6, 1e-9, -0.4);
        }
    }

    /** The tape strategy: the recording with the local partials, then the sweep. */
    @Test
    void tapeRecording(TestInfo info) {
        String source = """
                package golden;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                class Taped {
                    @Differentiable(strategy = Strategy.TAPE)
                    static double piecewise(double[] w, int mode) {
                        double s = 0;
                        for (int i = 0; i < w.length; i++) {
                            switch (mode) {
                                case 0:
                                    s += w[i] * w[i];
                                    break;
                                default:
                                    s = Math.sin(s) * w[i];
                            }
                        }
                        return s;
                    }
                }
                """;
        assertGolden(info, "golden.Taped", source);
        Differentiated d = Differentiated.of("golden.Taped", source, Options.DEFAULT);
        d.assertGradient("piecewise", d, "piecewise", 1e-6, 1e-9, new double[] {0.3, -0.7, 1.1}, 0);
        d.assertGradient("piecewise", d, "piecewise", 1e-6, 1e-9, new double[] {0.3, -0.7, 1.1}, 1);
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
        String name = "goldens/" + GoldenTest.class.getSimpleName() + "/"
                + info.getTestMethod().orElseThrow().getName() + ".java";
        String expected = read(name);
        if (expected != null && expected.equals(actual)) {
            return;
        }
        if (Boolean.getBoolean(UPDATE)) {
            write(Path.of("src/test/resources").resolve(name), actual);
            return;
        }
        fail((expected == null
                        ? "missing golden file src/test/resources/" + name
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
