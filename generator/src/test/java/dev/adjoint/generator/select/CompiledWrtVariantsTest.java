package dev.adjoint.generator.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call from module B passing a differentiated value to a parameter that the {@code wrt} of a
 * compiled {@code @Differentiable} method of module A leaves out (issue 15): A's build generates
 * {@code name$allVjp} for each such public method, so B's static adjoint calls it, as it calls the
 * variant of a callee of its own sources. A module built before that rule has no such variant, and
 * B's method goes to the tape saying to rebuild A. Oracles: central differences of B's methods run
 * with A's classes; the tape strategy on the same function; the directional derivative of
 * {@code Jvp} against the gradient.
 */
class CompiledWrtVariantsTest {
    private static final String A = """
            package a;

            import dev.adjoint.Differentiable;

            public class A {
                @Differentiable(wrt = "x")
                public static double mix(double x, double y) {
                    return x * Math.sin(y) + y * y * x;
                }

                @Differentiable(wrt = "x")
                public static float mixF(float x, float y) {
                    return x * (float) Math.sin(y) + y * y * x;
                }

                @Differentiable(wrt = "w")
                public static double dotW(double[] w, double[] x) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += w[i] * Math.tanh(x[i]);
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                static double hidden(double x, double y) {
                    return x * y;
                }
            }
            """;

    private static final String B = """
            package b;

            import a.A;
            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;

            public class B {
                @Differentiable
                public static double f(double x, double y) {
                    return A.mix(x * y, y + 1) + A.mix(y, x) * x;
                }

                // the same function on the tape, A's mix copied here (a compiled static method has no recorder to follow)
                @Differentiable(strategy = Strategy.TAPE)
                public static double fTape(double x, double y) {
                    return mixHere(x * y, y + 1) + mixHere(y, x) * x;
                }

                static double mixHere(double x, double y) {
                    return x * Math.sin(y) + y * y * x;
                }

                @Differentiable
                public static float g(float x, float y) {
                    return A.mixF(x * y, y) * x;
                }

                @Differentiable
                public static double h(double[] w, double[] x) {
                    return A.dotW(w, x) * x[0];
                }

                @Differentiable(strategy = Strategy.TAPE)
                public static double hTape(double[] w, double[] x) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += w[i] * Math.tanh(x[i]);
                    }
                    return s * x[0];
                }
            }
            """;

    @TempDir
    static Path moduleA;
    /** Module A as an Adjoint without the variants built it: its adjoint class lacks mix$allVjp. */
    @TempDir
    static Path oldModuleA;

    @BeforeAll
    static void buildModulesA() throws IOException {
        Translation t = AdjointGenerator.translate(Map.of(Path.of("A.java"), A));
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        String adjoint = t.generated().get("a.AAdjoint");
        assertTrue(
                adjoint.contains("public static double mix$allVjp(")
                        && adjoint.contains("public static float mixF$allVjp(")
                        && adjoint.contains("public static double dotW$allVjp("),
                adjoint);
        assertFalse(
                adjoint.contains("hidden$all"), "a package-private method's callers are all in its module: " + adjoint);
        compile(moduleA, adjoint);
        compile(oldModuleA, without(without(adjoint, "mix$allVjp("), "mix$allJvp("));
    }

    private static void compile(Path dir, String adjoint) throws IOException {
        Map<String, String> sources = new HashMap<>();
        sources.put("a.A", A);
        sources.put("a.AAdjoint", adjoint);
        write(dir, InMemoryCompiler.compileToBytes(sources, List.of(), List.of("-parameters")));
    }

    /** {@code text} without the generated method whose signature starts {@code start} (and its comment). */
    private static String without(String text, String start) {
        int at = text.indexOf(start);
        int from = text.lastIndexOf("    /**", at);
        int to = text.indexOf("\n    }\n", at) + "\n    }\n".length();
        assertTrue(at > 0 && from > 0 && to > at, start);
        return text.substring(0, from) + text.substring(to);
    }

    private static void write(Path dir, Map<String, byte[]> classes) throws IOException {
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path f = dir.resolve(e.getKey().replace('.', '/') + ".class");
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
    }

    private static Translation translateB(Path moduleA) throws Exception {
        Path runtime = Path.of(DoubleGrad.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return AdjointGenerator.translate(
                Map.of(Path.of("B.java"), B), Map.of(), Optional.empty(), Options.DEFAULT, List.of(moduleA, runtime));
    }

    private static ClassLoader compileB(Translation t, Path moduleA, Path dir) throws IOException {
        Map<String, String> sources = new HashMap<>(t.generated());
        sources.put("b.B", B);
        write(dir, InMemoryCompiler.compileToBytes(sources, List.of(moduleA)));
        return new URLClassLoader(
                new URL[] {moduleA.toUri().toURL(), dir.toUri().toURL()},
                CompiledWrtVariantsTest.class.getClassLoader());
    }

    @Test
    void aCallerOfAnotherModuleCallsTheCompiledVariantOnTheStaticPath(@TempDir Path moduleB) throws Exception {
        Translation t = translateB(moduleA);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        assertTrue(
                t.methods()
                        .containsAll(List.of(
                                "b.B#f: static",
                                "b.B#fTape: tape (requested)",
                                "b.B#g: static",
                                "b.B#h: static",
                                "b.B#hTape: tape (requested)")),
                t.methods().toString());
        assertTrue(
                t.generated().get("b.BAdjoint").contains("a.AAdjoint.mix$allVjp("),
                t.generated().get("b.BAdjoint"));
        ClassLoader loader = compileB(t, moduleA, moduleB);
        Class<?> owner = loader.loadClass("b.B");
        Class<?> adjoint = loader.loadClass("b.BAdjoint");

        Method f = owner.getMethod("f", double.class, double.class);
        double[] at = {0.4, -0.7};
        double[] grad = scalarGrad(adjoint, "fGrad", at);
        GradCheck.assertGradient(x -> call(f, x[0], x[1]), at, grad, 1e-6, 1e-8);
        double[] taped = scalarGrad(adjoint, "fTapeGrad", at);
        assertEquals(taped[0], grad[0], 1e-12);
        assertEquals(taped[1], grad[1], 1e-12);

        // forward mode: A's adjoint has mix$allJvp, so B's f gets a Jvp
        Method fJvp =
                adjoint.getMethod("fJvp", double.class, double.class, double.class, double.class, DoubleGrad.class);
        DoubleGrad dz = new DoubleGrad();
        fJvp.invoke(null, at[0], at[1], 0.5, -1.5, dz);
        assertEquals(0.5 * grad[0] - 1.5 * grad[1], dz.get(), 1e-12);

        Method g = owner.getMethod("g", float.class, float.class);
        Method gGrad = adjoint.getMethod("gGrad", float.class, float.class, FloatGrad.class, FloatGrad.class);
        FloatGrad gx = new FloatGrad();
        FloatGrad gy = new FloatGrad();
        gGrad.invoke(null, 0.8f, 0.3f, gx, gy);
        GradCheck.assertGradient(
                x -> {
                    try {
                        return (float) g.invoke(null, (float) x[0], (float) x[1]);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                },
                new double[] {0.8, 0.3},
                new double[] {gx.get(), gy.get()},
                1e-2,
                1e-3);

        Method h = owner.getMethod("h", double[].class, double[].class);
        double[] w = {0.5, -1.25, 2.0};
        double[] x = {0.3, 0.9, -0.4};
        double[] dw = new double[3];
        double[] dx = new double[3];
        adjoint.getMethod("hGrad", double[].class, double[].class, double[].class, double[].class)
                .invoke(null, w, x, dw, dx);
        GradCheck.assertGradient(v -> call(h, v, x), w, dw, 1e-6, 1e-8);
        GradCheck.assertGradient(v -> call(h, w, v), x, dx, 1e-6, 1e-8);
        double[] tw = new double[3];
        double[] tx = new double[3];
        adjoint.getMethod("hTapeGrad", double[].class, double[].class, double[].class, double[].class)
                .invoke(null, w, x, tw, tx);
        for (int i = 0; i < 3; i++) {
            assertEquals(tw[i], dw[i], 1e-12);
            assertEquals(tx[i], dx[i], 1e-12);
        }
    }

    @Test
    void aWarmStaticCallThroughTheVariantAllocatesNothing(@TempDir Path moduleB) throws Exception {
        Translation t = translateB(moduleA);
        ClassLoader loader = compileB(t, moduleA, moduleB);
        Method hGrad = loader.loadClass("b.BAdjoint")
                .getMethod("hGrad", double[].class, double[].class, double[].class, double[].class);
        Object[] args = {new double[] {0.5, -1.25, 2.0}, new double[] {0.3, 0.9, -0.4}, new double[3], new double[3]};
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            hGrad.invoke(null, args);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            hGrad.invoke(null, args);
        }
        long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / 1000;
        // reflection boxes the double result (16 B)
        assertTrue(perCall <= 16 + 16, "a warm gradient call allocated " + perCall + " bytes");
    }

    @Test
    void aModuleBuiltWithoutTheVariantIsAnErrorAtTheCallerSayingToRebuildIt() throws Exception {
        // the tape would follow mix only through a mixRecord, which a static method's adjoint has not either
        Translation t = translateB(oldModuleA);
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertFalse(errors.isEmpty(), t.diagnostics().toString());
        Diagnostic first = errors.get(0);
        assertEquals(9, first.line(), errors.toString());
        assertTrue(
                first.message().contains("passes a differentiated value to its parameter 'y'")
                        && first.message().contains("has no mix$allVjp")
                        && first.message().contains("rebuild the module that declares it"),
                first.message());
        assertTrue(
                errors.stream().allMatch(d -> d.line() == 9 || d.line() == 10),
                errors.toString()); // (h is fine: dotW$allVjp is there)
        assertTrue(t.generated().isEmpty());
    }

    private static double[] scalarGrad(Class<?> adjoint, String name, double[] at) throws ReflectiveOperationException {
        DoubleGrad dx = new DoubleGrad();
        DoubleGrad dy = new DoubleGrad();
        adjoint.getMethod(name, double.class, double.class, DoubleGrad.class, DoubleGrad.class)
                .invoke(null, at[0], at[1], dx, dy);
        return new double[] {dx.get(), dy.get()};
    }

    private static double call(Method m, Object... args) {
        try {
            Object[] copies = args.clone();
            for (int i = 0; i < copies.length; i++) {
                if (copies[i] instanceof double[] a) {
                    copies[i] = a.clone();
                }
            }
            return (double) m.invoke(null, copies);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
