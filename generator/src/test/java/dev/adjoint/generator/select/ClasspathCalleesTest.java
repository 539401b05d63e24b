package dev.adjoint.generator.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
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
 * Calls from {@code @Differentiable} methods to those of another module: module A (a class and its
 * generated adjoint, and a class built without Adjoint) is compiled into a directory, then module B
 * is generated against that directory as its classpath. Oracle: central differences of B's
 * methods, run with A's compiled classes.
 */
class ClasspathCalleesTest {
    private static final String A = """
            package a;

            import dev.adjoint.Differentiable;

            public class A {
                @Differentiable
                public static double sq(double x) {
                    return x * x;
                }

                @Differentiable
                public static double sumSq(double[] w) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += w[i] * Math.sin(w[i]);
                    }
                    return s;
                }

                @Differentiable(strategy = dev.adjoint.Strategy.TAPE)
                public static double tapedScale(double[] w, double k) {
                    w[0] = w[0] * k;
                    return w[0] + w[1] * w[1];
                }

                @Differentiable
                public static double poly(double x) {
                    return x * x * x;
                }

                @Differentiable
                public static float poly(float x) {
                    return 2 * x * x;
                }

                public static double poly(int n) {
                    return n;
                }

                @Differentiable(wrt = "x")
                public static double mix(double x, double y) {
                    return x * y;
                }

                @Differentiable
                public static double[] twice(double[] v) {
                    double[] r = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        r[i] = 2 * v[i] * v[i];
                    }
                    return r;
                }

                @Differentiable
                public static double scaleFirst(double[] w, double k) {
                    w[0] = w[0] * k;
                    return w[0] + w[1];
                }
            }
            """;

    /** A module built without Adjoint: the annotation is there, the adjoint class is not. */
    private static final String PLAIN = """
            package a;

            import dev.adjoint.Differentiable;

            public class Plain {
                @Differentiable
                public static double cube(double x) {
                    return x * x * x;
                }
            }
            """;

    @TempDir
    static Path moduleA;

    @BeforeAll
    static void buildModuleA() throws IOException {
        Translation t = AdjointGenerator.translate(Map.of(Path.of("A.java"), A));
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        Map<String, String> sources = new HashMap<>(t.generated());
        sources.put("a.A", A);
        sources.put("a.Plain", PLAIN);
        write(moduleA, InMemoryCompiler.compileToBytes(sources));
    }

    private static void write(Path dir, Map<String, byte[]> classes) throws IOException {
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path f = dir.resolve(e.getKey().replace('.', '/') + ".class");
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
    }

    /** Module B's translation against module A and the runtime (as the plugin passes the compile classpath). */
    private static Translation translateB(String source) throws Exception {
        Path runtime = Path.of(DoubleGrad.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return AdjointGenerator.translate(
                Map.of(Path.of("B.java"), source),
                Map.of(),
                Optional.empty(),
                Options.DEFAULT,
                List.of(moduleA, runtime));
    }

    private static ClassLoader compileB(Translation t, String source, Path dir) throws IOException {
        Map<String, String> sources = new HashMap<>(t.generated());
        sources.put("b.B", source);
        write(dir, InMemoryCompiler.compileToBytes(sources, List.of(moduleA)));
        return new URLClassLoader(
                new URL[] {moduleA.toUri().toURL(), dir.toUri().toURL()}, ClasspathCalleesTest.class.getClassLoader());
    }

    @Test
    void callsThroughTheCompiledAdjointsOnBothStrategies(@TempDir Path moduleB) throws Exception {
        String b = """
                package b;

                import a.A;
                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class B {
                    @Differentiable
                    public static double f(double[] v) {
                        double t = A.sq(v[0]) + Math.sin(v[1]);
                        return A.sumSq(v) * t + a.A.sq(t);
                    }

                    @Differentiable(strategy = Strategy.TAPE)
                    public static double g(double x, double y) {
                        return A.sq(x * y) + Math.exp(A.sq(y));
                    }
                }
                """;
        Translation t = translateB(b);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        assertEquals(List.of("b.B#f: static", "b.B#g: tape (requested)"), t.methods());
        ClassLoader loader = compileB(t, b, moduleB);
        Class<?> owner = loader.loadClass("b.B");
        Class<?> adjoint = loader.loadClass("b.BAdjoint");
        Method f = owner.getMethod("f", double[].class);
        Method fGrad = adjoint.getMethod("fGrad", double[].class, double[].class);
        double[] v = {0.3, -0.7, 1.1};
        double[] dv = new double[3];
        double value = (double) fGrad.invoke(null, v.clone(), dv);
        assertEquals((double) f.invoke(null, (Object) v.clone()), value, 1e-12);
        GradCheck.assertGradient(x -> invoke(f, x), v, dv, 1e-6, 1e-8);

        // forward mode: A's adjoint has sqJvp and sumSqJvp, so B's f gets one (a directional derivative)
        Method fJvp = adjoint.getMethod("fJvp", double[].class, double[].class, DoubleGrad.class);
        double[] u = {0.5, 0.25, -1.0};
        DoubleGrad dz = new DoubleGrad();
        fJvp.invoke(null, v.clone(), u, dz);
        double directional = 0;
        for (int i = 0; i < 3; i++) {
            directional += dv[i] * u[i];
        }
        assertEquals(directional, dz.get(), 1e-9 * Math.max(1, Math.abs(directional)));

        Method g = owner.getMethod("g", double.class, double.class);
        Method gGrad = adjoint.getMethod("gGrad", double.class, double.class, DoubleGrad.class, DoubleGrad.class);
        DoubleGrad dx = new DoubleGrad();
        DoubleGrad dy = new DoubleGrad();
        gGrad.invoke(null, 0.4, -0.6, dx, dy);
        GradCheck.assertGradient(
                x -> {
                    try {
                        return (double) g.invoke(null, x[0], x[1]);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                },
                new double[] {0.4, -0.6},
                new double[] {dx.get(), dy.get()},
                1e-6,
                1e-8);
    }

    private static double invoke(Method f, double[] x) {
        try {
            return (double) f.invoke(null, (Object) x.clone());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRebuiltModuleOnTheClasspathMakesTheNextRunTranslateAgain(@TempDir Path project) throws Exception {
        Path src = project.resolve("src/b");
        Files.createDirectories(src);
        Files.writeString(src.resolve("B.java"), """
                package b;

                public class B {
                    @dev.adjoint.Differentiable
                    public static double f(double x) {
                        return a.A.sq(x) * x;
                    }
                }
                """);
        Path runtime = Path.of(DoubleGrad.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        dev.adjoint.generator.GenerationRequest request = new dev.adjoint.generator.GenerationRequest(
                        List.of(project.resolve("src")),
                        List.of(),
                        List.of(),
                        project.resolve("out"),
                        project.resolve("state"))
                .withClasspath(List.of(moduleA, runtime));
        dev.adjoint.generator.GenerationResult first = AdjointGenerator.generate(request);
        assertFalse(first.hasErrors(), first.diagnostics().toString());
        assertTrue(AdjointGenerator.generate(request).upToDate());
        Path aClass = moduleA.resolve("a/A.class");
        Files.setLastModifiedTime(
                aClass,
                java.nio.file.attribute.FileTime.fromMillis(
                        Files.getLastModifiedTime(aClass).toMillis() + 2000));
        assertFalse(AdjointGenerator.generate(request).upToDate());
    }

    @Test
    void aClasspathOfTheModulesClassesAloneStillShowsItsAnnotations(@TempDir Path moduleB) throws Exception {
        // the CLI given --classpath a/classes without adjoint-runtime: reflection would drop @Differentiable, and
        // every call was "not @Differentiable"
        String b = """
                package b;

                import dev.adjoint.Differentiable;

                public class B {
                    @Differentiable
                    public static double f(double x) {
                        return a.A.sq(x) * x;
                    }
                }
                """;
        Translation t = AdjointGenerator.translate(
                Map.of(Path.of("B.java"), b), Map.of(), Optional.empty(), Options.DEFAULT, List.of(moduleA));
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        ClassLoader l = compileB(t, b, moduleB);
        Class<?> adjoint = l.loadClass("b.BAdjoint");
        DoubleGrad dx = new DoubleGrad();
        double v = (double)
                adjoint.getMethod("fGrad", double.class, DoubleGrad.class).invoke(null, 1.3, dx);
        assertEquals(1.3 * 1.3 * 1.3, v, 1e-12);
        assertEquals(3 * 1.3 * 1.3, dx.get(), 1e-12); // d(x^3)/dx
    }

    @Test
    void aMissingAdjointIsAnErrorAtTheCallSayingSo() throws Exception {
        String b = """
                package b;

                import dev.adjoint.Differentiable;

                public class B {
                    @Differentiable
                    public static double f(double x) {
                        return 2 * a.Plain.cube(x);
                    }
                }
                """;
        Translation t = translateB(b);
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(8, errors.get(0).line());
        assertEquals(20, errors.get(0).column());
        assertTrue(
                errors.get(0)
                        .message()
                        .startsWith("call to 'a.Plain.cube' cannot be differentiated: 'a.Plain#cube' is"
                                + " @Differentiable, but its adjoint class a.PlainAdjoint is not on the classpath"),
                errors.get(0).message());
        assertTrue(t.generated().isEmpty());
    }

    @Test
    void aCalleeWhoseAdjointHasARecorderIsRecordedThroughIt(@TempDir Path moduleB) throws Exception {
        String b = """
                package b;

                import dev.adjoint.Differentiable;

                public class B {
                    @Differentiable
                    public static double h(double[] v, double k) {
                        double r = a.A.tapedScale(v, k);
                        return r * v[0];
                    }
                }
                """;
        Translation t = translateB(b);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        assertTrue(
                t.methods().get(0).startsWith("b.B#h: tape, because"),
                t.methods().toString());
        ClassLoader loader = compileB(t, b, moduleB);
        Method h = loader.loadClass("b.B").getMethod("h", double[].class, double.class);
        Method hGrad = loader.loadClass("b.BAdjoint")
                .getMethod("hGrad", double[].class, double.class, double[].class, DoubleGrad.class);
        double[] v = {0.8, -0.3};
        double[] dv = new double[2];
        DoubleGrad dk = new DoubleGrad();
        hGrad.invoke(null, v.clone(), 1.5, dv, dk);
        GradCheck.assertGradient(
                p -> {
                    try {
                        return (double) h.invoke(null, new double[] {p[0], p[1]}, p[2]);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                },
                new double[] {0.8, -0.3, 1.5},
                new double[] {dv[0], dv[1], dk.get()},
                1e-6,
                1e-8);
    }

    @Test
    void overloadsResolveByTheArgumentsTypesAsJavacDoes(@TempDir Path moduleB) throws Exception {
        String b = """
                package b;

                import a.A;
                import dev.adjoint.Differentiable;

                public class B {
                    @Differentiable
                    public static double f(double[] v) {
                        float y = (float) v[1];
                        return A.poly(v[0]) + A.poly(y) * v[0];
                    }
                }
                """;
        Translation t = translateB(b);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        ClassLoader loader = compileB(t, b, moduleB);
        Method f = loader.loadClass("b.B").getMethod("f", double[].class);
        Method fGrad = loader.loadClass("b.BAdjoint").getMethod("fGrad", double[].class, double[].class);
        double[] v = {0.7, -1.2};
        double[] dv = new double[2];
        fGrad.invoke(null, v.clone(), dv);
        // a float in the middle: a step large against float's rounding (the functions are cubic at most: the step's
        // error is tiny)
        double[] differences = GradCheck.centralDifferences(x -> invoke(f, x), v, 1e-3);
        for (int i = 0; i < 2; i++) {
            assertEquals(differences[i], dv[i], 2e-3 * Math.max(1, Math.abs(differences[i])), "d f / d v[" + i + "]");
        }

        String plain = b.replace("A.poly(y) * v[0]", "A.poly(3) * v[0]");
        List<Diagnostic> errors = translateB(plain).diagnostics().stream()
                .filter(Diagnostic::isError)
                .toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(
                errors.get(0)
                        .message()
                        .contains("'a.A#poly' is a method of a compiled class (another module or a jar) that is"
                                + " not @Differentiable"),
                errors.get(0).message());
    }

    @Test
    void aPartialWrtWithoutParameterNamesIsAnErrorSayingHowToKeepThem() throws Exception {
        String b = """
                package b;

                import dev.adjoint.Differentiable;

                public class B {
                    @Differentiable
                    public static double f(double x) {
                        return a.A.mix(x, 2 * x);
                    }
                }
                """;
        Translation t = translateB(b);
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(
                errors.get(0).message().contains("compiled without parameter names")
                        && errors.get(0).message().contains("-parameters"),
                errors.get(0).message());
    }

    @Test
    void aCompiledCalleeThatWritesItsArrayIsNotHandedOne() throws Exception {
        String b = """
                package b;

                import dev.adjoint.Differentiable;

                public class B {
                    @Differentiable
                    public static double f(double[] v) {
                        return a.A.scaleFirst(v, 2.0) * v[0];
                    }
                }
                """;
        Translation t = translateB(b);
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertFalse(errors.isEmpty(), t.diagnostics().toString());
        assertTrue(errors.stream().allMatch(d -> d.line() == 8), errors.toString());
        assertTrue(errors.get(0).message().contains("scaleFirstRecord"), errors.toString());
        assertTrue(errors.get(0).message().contains("strategy = TAPE in its module"), errors.toString());
        assertTrue(t.generated().isEmpty());
    }

    @Test
    void aCompiledCalleeReturningAnArrayIsAnErrorSayingItIsCompiled() throws Exception {
        // its array comes back only where its body replaces the call, and a compiled class has no body to read:
        // the error must say so, not blame recursion or the inliner's limits
        String b = """
                package b;

                import dev.adjoint.Differentiable;

                public class B {
                    @Differentiable
                    public static double f(double[] v) {
                        double[] r = a.A.twice(v);
                        return r[0] * r[1];
                    }

                    @Differentiable
                    public static double[] g(double[] v) {
                        return a.A.twice(v);
                    }
                }
                """;
        Translation t = translateB(b);
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of(8, 14), errors.stream().map(Diagnostic::line).toList(), errors.toString());
        assertEquals(List.of(18, 16), errors.stream().map(Diagnostic::column).toList(), errors.toString());
        for (Diagnostic d : errors) {
            assertTrue(
                    d.message()
                                    .contains(
                                            "'twice' is a @Differentiable method of a compiled class (another module or jar)")
                            && d.message().contains("compute the array in this method")
                            && !d.message().contains("recursive"),
                    d.format());
        }
        assertTrue(t.generated().isEmpty());
    }
}
