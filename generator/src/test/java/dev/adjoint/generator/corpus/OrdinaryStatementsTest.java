package dev.adjoint.generator.corpus;

import static dev.adjoint.generator.corpus.ReproHarness.differentiates;
import static dev.adjoint.generator.corpus.ReproHarness.exact;
import static dev.adjoint.generator.corpus.ReproHarness.rejected;
import static dev.adjoint.generator.corpus.ReproHarness.source;
import static dev.adjoint.generator.corpus.ReproHarness.thrown;
import static dev.adjoint.generator.corpus.ReproHarness.throwsAlike;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.Differentiated;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Ordinary numeric Java on the static path (issue 15) or at least building (issue 16's rule for
 * files without annotations): statements, exceptions and strings. {@code var} and angle conversions,
 * input guards and {@code assert}, checked exceptions, {@code throw}, string and enum variables,
 * {@code fma}/{@code StrictMath}, output, labelled jumps, newer syntax
 * (a switch expression inside a larger one: {@link SwitchExpressionsTest}). Each against the method's value, side effects and central differences with every
 * strategy that accepts it ({@link ReproHarness}); guards throw what the method throws.
 */
class OrdinaryStatementsTest {

    @Test
    void varLocalsAndAngleConversions() {
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w, double deg) {
                    var s = 0.0;
                    var n = w.length;
                    var t = new double[n];
                    for (var i = 0; i < n; i++) {
                        t[i] = w[i] * Math.toRadians(deg);
                    }
                    for (var v : t) {
                        s += Math.sin(v);
                    }
                    return Math.toDegrees(s) / n;
                }
                """, "f", new Object[] {new double[] {0.5, -1.0, 2.0}, 30.0});
    }

    @Test
    void inputGuardsThrowWhereTheMethodThrows() {
        String body = """
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double f(double[] w, double[] x) {
                    if (w.length != x.length) throw new IllegalArgumentException("lengths differ: " + w.length + " != " + x.length);
                    assert x.length > 0 : "no data";
                    double[] t = new double[w.length];
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        t[i] = w[i] * x[i];
                        if (t[i] > 100) {
                            throw new ArithmeticException("term " + i + " is " + t[i]);
                        }
                        s += t[i] * Math.sin(t[i]);
                    }
                    assert s < 10 : "s = " + s;
                    return s;
                }
                """;
        exact(body, "f", new Object[] {new double[] {0.5, -0.25, 1.5}, new double[] {1, 2, -0.5}});
        throwsAlike(body, "f", true, new Object[] {new double[] {0.5, -0.25}, new double[] {1, 2, -0.5}});
        throwsAlike(body, "f", true, new Object[] {new double[] {0.5, 200, 1}, new double[] {1, 2, -0.5}});
        throwsAlike(body, "f", true, new Object[] {new double[] {}, new double[] {}});
        throwsAlike(body, "f", true, new Object[] {new double[] {3, 3, 3}, new double[] {7, 7, 7}});
        // under -da the assertions do not run: the method returns, and so does its adjoint
        Differentiated d = Differentiated.of("trust.Repro", source(body, "STATIC"), Options.DEFAULT);
        d.loader().setPackageAssertionStatus("trust", false);
        Object[] p = {new double[] {3, 3, 3}, new double[] {7, 7, 7}};
        assertEquals(
                ((Number) d.invokeOriginal("f", Differentiated.copyArguments(p))).doubleValue(),
                ((Number) d.invokeVjp("f", Differentiated.copyArguments(p), 1.0, d.newBuffers("f", p))).doubleValue(),
                0.0);
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(
                auto.translation().methods().contains("trust.Repro#f: static"),
                auto.translation().methods().toString());
    }

    @Test
    void checkedExceptionsAreDeclaredByTheAdjointsAndThrownWhereTheMethodThrows() {
        // g throws a checked exception of the class and one written qualified; f declares a supertype and calls g
        String body = """
                @SuppressWarnings("serial")
                static class TooLarge extends Exception {
                    TooLarge(String message) {
                        super(message);
                    }
                }

                @Differentiable(strategy = Strategy.$S)
                static double g(double x) throws TooLarge, java.io.IOException {
                    if (x > 10) throw new TooLarge("x = " + x);
                    if (x < -10) {
                        throw new java.io.IOException("x is " + x);
                    }
                    return x * x * Math.abs(x - 3);
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, double y) throws Exception {
                    if (y > 5) throw new Exception("y too large: " + y);
                    double s = 0;
                    for (int i = 0; i < 3; i++) {
                        s += g(x + i) * y;
                    }
                    return s + x;
                }
                """;
        exact(body, "f", new Object[] {0.7, 1.3}, new Object[] {-1.2, 0.4});
        exact(body, "g", new Object[] {0.7}, new Object[] {-1.2});
        throwsAlike(body, "f", true, new Object[] {20.0, 1.0});
        throwsAlike(body, "f", true, new Object[] {-30.0, 1.0});
        throwsAlike(body, "f", true, new Object[] {0.5, 7.0});
        throwsAlike(body, "g", true, new Object[] {-20.0});
        // every generated method declares the clause, its classes written out
        Translation t = Pipeline.translate(
                Map.of(Path.of("Repro.java"), source(body, "STATIC")), Optional.empty(), Options.DEFAULT);
        String generated = String.join("\n", t.generated().values());
        assertTrue(
                generated.contains(
                        "static double gVjp(double x, double seed, DoubleGrad dx) throws Repro.TooLarge, IOException {"),
                generated);
        assertTrue(
                generated.contains(
                        "static double fJvp(double x, double y, double tx, double ty, DoubleGrad tout) throws Exception {"),
                generated);
    }

    @Test
    void exceptionClassesAreNamedAsTheMethodsFileNamesThem() {
        // imported by name and on demand: the adjoint class imports neither, so it writes them out
        String source = """
                package trust;

                import dev.adjoint.Differentiable;
                import java.io.*;
                import java.util.concurrent.TimeoutException;

                public class Repro {
                    @Differentiable
                    static double f(double x) throws IOException, TimeoutException {
                        if (x > 1) throw new FileNotFoundException("x = " + x);
                        if (x < -1) throw new TimeoutException("x = " + x);
                        if (x == 0) throw new UncheckedIOException(new IOException("zero"));
                        return x * x;
                    }
                }
                """;
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            Differentiated d = Differentiated.of("trust.Repro", source, o);
            d.assertGradient("f", d, "f", 1e-6, 1e-9, new Object[] {0.5});
            Throwable e =
                    thrown(() -> d.invokeVjp("f", new Object[] {2.0}, 1.0, d.newBuffers("f", new Object[] {2.0})));
            assertEquals(java.io.FileNotFoundException.class, e.getClass());
        }
        // a class an on-demand import outside the JDK may hold: the generator cannot tell which it is
        Translation t = Pipeline.translate(
                Map.of(
                        Path.of("Repro.java"),
                        source.replace("import java.io.*;", "import java.io.*;\nimport some.lib.*;")
                                .replace("TimeoutException {", "TimeoutException, Weird {")),
                Optional.empty(),
                Options.DEFAULT);
        assertTrue(
                t.diagnostics().stream()
                        .anyMatch(d -> d.message().contains("exception type 'Weird'") && d.line() == 10),
                t.diagnostics().toString());
    }

    @Test
    void stringAndEnumVariablesAreReadOnlyByCallsWithoutDerivative() {
        // a double argument (boxed): the call would read an active value
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                @SuppressWarnings("unlikely-arg-type")
                static double f(double x, String s) {
                    return s.equals(x) ? x : 2 * x;
                }
                """, "call to 's.equals' is not supported");
        // an enum may override toString: not a call the generator knows to touch nothing
        rejected("""
                enum Mode { A, B }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, Mode m) {
                    return x * m.toString().length();
                }
                """, "call to 'm.toString' is not supported");
    }

    /**
     * A {@code String} or enum variable assigned again, in a branch and in a loop: the static strategy saves
     * each overwritten value on the reference stack, where the reverse sweep, which passes it on and branches
     * on it, finds it again. (Before, "cannot assign the String, enum or Random variable".)
     */
    @Test
    void stringAndEnumVariablesMayBeAssignedAgain() {
        exact("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, String s) {
                    s = s.trim();
                    String t = s;
                    if (x > 0) {
                        t = "positive";
                    }
                    return x * t.length() + x * x * s.length();
                }
                """, "f", new Object[] {0.5, " ab "}, new Object[] {-0.75, "abc"});
        exact(
                """
                enum Mode { SQ, SIN, EXP }

                static double apply(double v, Mode m) {
                    return switch (m) {
                        case SQ -> v * v;
                        case SIN -> v / (1 + v * v);
                        case EXP -> v * v * v / 4;
                    };
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] x, String start) {
                    String key = start;
                    Mode m = Mode.SQ;
                    double r = 0;
                    for (int i = 0; i < x.length; i++) {
                        String next;
                        switch (key) {
                            case "a" -> { next = "b"; m = Mode.SIN; }
                            case "b" -> { next = "c"; m = x[i] > 0 ? Mode.EXP : Mode.SQ; }
                            default -> { next = "a"; }
                        }
                        r += apply(x[i] * r + x[i], m) * key.length();
                        key = next + (i % 2 == 0 ? "" : "");
                    }
                    return r;
                }
                """,
                "f",
                new Object[] {new double[] {0.3, -0.5, 0.8, 0.1, 0.6}, "a"},
                new Object[] {new double[] {0.4, 0.2, -0.3, 0.9}, "zz"});
    }

    @Test
    void aThrowWithAFormattedMessageIsCopied() {
        // (once rejected by the static strategy; String.format of values is passive text since the newcomer programs)
        exact("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    if (x > 1) throw new IllegalStateException(String.format("%f", x));
                    return x * x;
                }
                """, "f", new Object[] {0.5}, new Object[] {-0.75});
    }

    @Test
    void fmaCopySignAndStrictMathTwins() {
        String body = """
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, double y, double z) {
                    double s = Math.fma(x, y, z) + StrictMath.fma(y, z, x) * Math.copySign(x, y - 1);
                    s += StrictMath.sin(x) * StrictMath.cos(y) + StrictMath.exp(z / 4) + StrictMath.log(1 + y * y)
                            + StrictMath.log10(2 + x * x) + StrictMath.log1p(z * z) + StrictMath.expm1(x / 3);
                    s += StrictMath.tanh(x * y) + StrictMath.sqrt(1 + z * z) + StrictMath.cbrt(2 + x) + StrictMath.atan2(x, y)
                            + StrictMath.hypot(x, z) + StrictMath.pow(1.5, y) + StrictMath.max(x, y) * StrictMath.abs(z)
                            + StrictMath.sinh(y / 2) + StrictMath.cosh(z / 2) + StrictMath.tan(x / 3) + StrictMath.asin(y / 4)
                            + StrictMath.acos(z / 4) + StrictMath.atan(x) + StrictMath.toRadians(y) + StrictMath.toDegrees(z)
                            + java.lang.StrictMath.min(x, z);
                    return s;
                }
                """;
        exact(body, "f", new Object[] {0.75, -1.5, 0.5}, new Object[] {-1.25, 2.0, -0.75});
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(
                auto.translation().methods().contains("trust.Repro#f: static"),
                auto.translation().methods().toString());
    }

    @Test
    @ResourceLock(Resources.SYSTEM_OUT) // what the method prints, nothing another test class prints meanwhile
    void outputStatementsRunInTheForwardSweep() {
        String body = """
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double f(double[] w, int steps) {
                    double s = 0;
                    for (int i = 0; i < steps; i++) {
                        s += Math.sin(w[i % w.length] * s + 1);
                        System.out.println("step " + i + ": s = " + s);
                    }
                    System.out.printf("done after %d steps%n", steps);
                    return s * s;
                }
                """;
        exact(body, "f", new Object[] {new double[] {0.5, -0.25, 1.5}, 4});
        for (String strategy : List.of("STATIC", "TAPE")) {
            Differentiated d = Differentiated.of("trust.Repro", source(body, strategy), Options.DEFAULT);
            Object[] p = {new double[] {0.5, -0.25, 1.5}, 4};
            String printed = printed(() -> d.invokeOriginal("f", Differentiated.copyArguments(p)));
            assertTrue(
                    printed.contains("step 3: s = ") && printed.endsWith("done after 4 steps" + System.lineSeparator()),
                    printed);
            assertEquals(
                    printed,
                    printed(() -> d.invokeVjp("f", Differentiated.copyArguments(p), 1.0, d.newBuffers("f", p))),
                    strategy);
        }
    }

    /** What {@code call} prints on System.out. */
    private static String printed(Runnable call) {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            call.run();
        } finally {
            System.setOut(out);
        }
        return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void labelledJumpsAndAFloatingPointLoopVariable() {
        exact(
                """
                @Differentiable(wrt = "w", strategy = Strategy.$S)
                static double f(double[] w, int n) {
                    double s = 0;
                    outer:
                    for (int i = 0; i < n; i++) {
                        rows:
                        while (true) {
                            for (int j = 0; j < w.length; j++) {
                                if (w[j] * i > 3) {
                                    continue outer;
                                }
                                if (s > 10) {
                                    break outer;
                                }
                                if (j == w.length - 1) {
                                    break rows;
                                }
                                s += w[j] * w[(i + j) % w.length];
                            }
                            s = s * 0.5f;
                        }
                        s = s * 0.9f + w[0];
                    }
                    return s;
                }
                """,
                "f",
                new Object[] {new double[] {0.5, -0.25, 1.4}, 4},
                new Object[] {new double[] {2.5, 1.25, 0.5}, 6},
                new Object[] {new double[] {0.25, 0.5}, 3});
        // a time step in the for header: the loop variable is a double (and with dt, active), the trip count its own
        String body = """
                @Differentiable(strategy = Strategy.$S)
                static double f(double k, double T, double dt) {
                    double x = 1, v = 0;
                    for (double t = 0; t < T; t += dt) {
                        double a = -k * x;
                        v += a * dt;
                        x += v * dt + 0.01f * t;
                    }
                    return x;
                }
                """;
        exact(body, "f", new Object[] {2.0, 1.03, 0.0625}, new Object[] {0.5, 0.3, 0.125});
        Differentiated auto = Differentiated.of("trust.Repro", source(body, "AUTO"), Options.DEFAULT);
        assertTrue(
                auto.translation().methods().contains("trust.Repro#f: static"),
                auto.translation().methods().toString());
    }

    @Test
    void aFileWithNewerSyntaxAndNothingToDifferentiateDoesNotFailTheBuild() {
        String modern =
                "package trust;\n\nsealed interface Shape permits Circle {}\nrecord Circle(double r) implements Shape {}\n"
                        + "class Areas {\n    static double area(Object o) {\n        return switch (o) {\n"
                        + "            case Circle(double r) -> Math.PI * r * r;\n            default -> 0;\n        };\n    }\n}\n";
        Translation t = Pipeline.translate(
                Map.of(Path.of("Repro.java"), source("""
                @Differentiable
                static double f(double x) {
                    return x * x;
                }
                """, "AUTO"), Path.of("Areas.java"), modern),
                Optional.empty(),
                Options.DEFAULT);
        assertTrue(
                !t.hasErrors() && t.generated().containsKey("trust.ReproAdjoint"),
                t.diagnostics().toString());
        // (read at Java 25 since issue 16, the file parses: not even a note)
        assertTrue(
                t.diagnostics().stream().noneMatch(d -> d.file().toString().equals("Areas.java") && d.isError()),
                t.diagnostics().toString());
        // a file that declares @Differentiable methods still reports its syntax errors
        Translation broken = Pipeline.translate(
                Map.of(Path.of("Repro.java"), source("""
                @Differentiable
                static double f(double x) {
                    return x * ;
                }
                """, "AUTO")), Optional.empty(), Options.DEFAULT);
        assertTrue(broken.hasErrors(), broken.diagnostics().toString());
    }
}
