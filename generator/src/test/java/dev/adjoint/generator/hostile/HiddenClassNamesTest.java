package dev.adjoint.generator.hostile;

import static dev.adjoint.generator.hostile.HostileHarness.translate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Variables named like a package or a class that the adjoint names: the owner's package
 * ({@code p}, {@code com} of {@code com.acme}), the owner ({@code Clash}), an enclosing class, the
 * adjoint class, another package. Java reads such a name as the variable, so the adjoint must
 * write the class another way (its full name, or its name in the package), or report an error at
 * the use when every way is hidden; never javac's 'int cannot be dereferenced'. Every method
 * calls helpers and reads constants where the adjoint copies text (conditions, loop conditions,
 * indices, nested calls), calls another {@code @Differentiable} method and one with a
 * {@code @CustomDerivative}; gradients are checked against central differences and across the
 * strategies.
 */
class HiddenClassNamesTest {
    private static final List<String> STRATEGIES = List.of("STATIC", "TAPE", "AUTO");
    private static final Object[] ARGS = {0.7, new double[] {0.5, -0.25, 1.5}, 2};

    /**
     * Class {@code owner} (package {@code pkg}, "" for none) with one method per strategy,
     * {@code f<STRATEGY>(double x, double[] w, int <names[0]>)}, declaring locals named
     * {@code names[1..]}.
     */
    private static String owner(String pkg, String owner, List<String> names) {
        StringBuilder s = new StringBuilder(pkg.isEmpty() ? "" : "package " + pkg + ";\n\n");
        s.append(
                        "import dev.adjoint.CustomDerivative;\nimport dev.adjoint.Differentiable;\nimport dev.adjoint.DoubleGrad;\n"
                                + "import dev.adjoint.Strategy;\n\npublic class ")
                .append(owner)
                .append(" {\n");
        s.append("""
                    static final int K = 2;
                    static final double C = 0.5;

                    static int h(int n) {
                        return n + 1;
                    }

                    static double sq(double x) {
                        return x * x;
                    }

                    @CustomDerivative(of = "sq")
                    static double sqPullback(double x, double seed, DoubleGrad dx) {
                        dx.add(seed * 2 * x);
                        return x * x;
                    }

                    @Differentiable
                    static double g(double x, int n) {
                        return x * (n + K);
                    }
                """);
        String v = names.get(0);
        for (String strategy : STRATEGIES) {
            s.append("\n    @Differentiable(strategy = Strategy.")
                    .append(strategy)
                    .append(")\n");
            s.append("    static double f")
                    .append(strategy)
                    .append("(double x, double[] w, int ")
                    .append(v)
                    .append(") {\n");
            for (String local : names.subList(1, names.size())) {
                s.append("        int ").append(local).append(" = ").append(v).append(" + 1;\n");
            }
            s.append("        double r = x;\n");
            s.append("        if (h(").append(v).append(") > K) {\n            r = r * x;\n        }\n");
            s.append("        if (h(h(").append(v).append(") + K) > 2 * K) {\n            r = r + x * C;\n        }\n");
            s.append("        r = r + w[K - 1] * x + w[h(").append(v).append(") % w.length] * K;\n");
            s.append("        for (int i = 0; i < h(").append(v).append(") + K && i < w.length; i++) {\n");
            s.append("            r = r * C + w[i] * ")
                    .append(names.contains(owner) ? "K" : owner + ".K")
                    .append(";\n        }\n");
            s.append(
                    "        int j = 0;\n        while (j < K) {\n            r = r + sq(x) * C;\n            j++;\n        }\n");
            s.append("        return r + g(x, ")
                    .append(v)
                    .append(") + sq(r) + (h(")
                    .append(v)
                    .append(") > K ? x : -x);\n    }\n");
        }
        return s.append("}\n").toString();
    }

    /**
     * Compiles {@code source} (class {@code qualified}, with {@code others}) and its adjoint, checks
     * each strategy's gradient against central differences (optimisations on and off) and the
     * strategies against each other.
     */
    private static void assertDifferentiates(String qualified, String source, Map<String, String> others) {
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            Differentiated d = Differentiated.of(qualified, source, others, o);
            double[] reference = null;
            for (String strategy : STRATEGIES) {
                String name = "f" + strategy;
                Differentiated.GradCall call = d.vjp(name, 1.0, ARGS);
                assertEquals(d.value(name, ARGS), call.value(), 0.0, name + ": value of the adjoint [" + o + "]");
                d.assertGradient(name, d, name, 1e-6, 1e-8, ARGS);
                if (reference == null) {
                    reference = call.gradient();
                } else {
                    for (int i = 0; i < reference.length; i++) {
                        assertEquals(
                                reference[i],
                                call.gradient()[i],
                                1e-9 * Math.max(1, Math.abs(reference[i])),
                                name + " against fSTATIC, component " + i + " [" + o + "]");
                    }
                }
            }
        }
    }

    private static void assertDifferentiates(String qualified, String source) {
        assertDifferentiates(qualified, source, Map.of());
    }

    /**
     * Errors only, nothing generated, each at a line of {@code file} that names {@code use} (and
     * none elsewhere), each naming every variable of {@code hiders}; at least one per strategy.
     */
    private static void assertHiddenAtUses(Map<Path, String> sources, Path file, String use, List<String> hiders) {
        Translation t = translate(sources);
        assertTrue(t.hasErrors(), "expected errors, got " + t.generated().keySet());
        assertTrue(
                t.generated().isEmpty(),
                "an erroneous translation generated " + t.generated().keySet());
        List<String> lines = sources.get(file).lines().toList();
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        for (Diagnostic d : errors) {
            assertEquals(file, d.file(), d.toString());
            assertTrue(d.line() > 0 && d.column() > 0 && d.line() <= lines.size(), "error without a position: " + d);
            String at = lines.get(d.line() - 1).substring(d.column() - 1);
            assertTrue(
                    at.startsWith(use)
                            || List.of("h(", "K", "C", "g(", "sq(").stream().anyMatch(at::startsWith),
                    "error not at a use of the hidden class: " + d + " at '" + at + "'");
            assertTrue(d.message().contains("cannot be"), d.toString());
            for (String h : hiders) {
                assertTrue(d.message().contains("'" + h + "'"), "the message does not name '" + h + "': " + d);
            }
        }
        for (String strategy : List.of("STATIC", "TAPE")) {
            int from = indexOf(lines, "f" + strategy + "(");
            int to = indexOf(lines.subList(from + 1, lines.size()), "@Differentiable") + from + 1;
            assertTrue(
                    errors.stream().anyMatch(d -> d.line() > from && d.line() <= to),
                    strategy + " reported nothing: " + errors);
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return lines.size();
    }

    // ------------------------------------------------------------------------------------------ tests

    @Test
    void aVariableNamedLikeThePackageOrTheOwnerAlone() {
        for (String name : List.of("p", "Clash", "ClashAdjoint")) {
            assertDifferentiates("p.Clash", owner("p", "Clash", List.of(name)));
        }
        // a local rather than the parameter, and next to an unrelated one
        assertDifferentiates("p.Clash", owner("p", "Clash", List.of("n", "p", "q")));
        assertDifferentiates("p.Clash", owner("p", "Clash", List.of("n", "Clash")));
    }

    @Test
    void theOtherNameIsWrittenWhereTheUsualOneIsHidden() {
        // (the f methods come after g, which has no such variable and keeps the usual names)
        String adjoint = fMethods(owner("p", "Clash", List.of("Clash")));
        assertTrue(adjoint.contains("p.Clash.K") && !adjoint.matches("(?s).*[^.]Clash\\.K.*"), adjoint);
        assertTrue(adjoint.contains("p.Clash.h(Clash)") && adjoint.contains("p.Clash.sqPullback("), adjoint);
        String other = fMethods(owner("p", "Clash", List.of("p")));
        assertTrue(other.contains("Clash.h(p)") && other.contains("Clash.K") && !other.contains("p.Clash"), other);
    }

    private static String fMethods(String source) {
        Translation t = translate(Map.of(Path.of("p/Clash.java"), source));
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        String adjoint = t.generated().get("p.ClashAdjoint");
        return adjoint.substring(adjoint.indexOf("static double fSTATICGrad"));
    }

    @Test
    void bothHiddenIsAnErrorAtEachUse() {
        String src = owner("p", "Clash", List.of("p", "Clash"));
        Path file = Path.of("p/Clash.java");
        assertHiddenAtUses(Map.of(file, src), file, "Clash.K", List.of("p", "Clash"));
    }

    @Test
    void aPackageOfSeveralSegments() {
        for (String name : List.of("com", "acme", "Clash")) {
            assertDifferentiates("com.acme.Clash", owner("com.acme", "Clash", List.of(name)));
        }
        assertDifferentiates(
                "com.acme.Clash", owner("com.acme", "Clash", List.of("acme", "Clash"))); // acme hides nothing
        String src = owner("com.acme", "Clash", List.of("com", "Clash"));
        Path file = Path.of("com/acme/Clash.java");
        assertHiddenAtUses(Map.of(file, src), file, "Clash.K", List.of("com", "Clash"));
    }

    // The adjoint's own variables must not hide the classes either: the gradient buffer of x is dx, the seed is seed.
    @Test
    void aGeneratedNameLikeThePackageOrAClass() {
        assertDifferentiates("dx.Clash", owner("dx", "Clash", List.of("n")));
        assertDifferentiates("seed.Clash", owner("seed", "Clash", List.of("n")));
        assertDifferentiates("p.dx", owner("p", "dx", List.of("p")));
    }

    @Test
    void theDefaultPackage() {
        assertDifferentiates("Clash", owner("", "Clash", List.of("p")));
        // there a class's name is its only name: hiding the owner's, or the adjoint's, is an error
        for (String name : List.of("Clash", "ClashAdjoint")) {
            String src = owner("", "Clash", List.of(name));
            assertHiddenAtUses(Map.of(Path.of("Clash.java"), src), Path.of("Clash.java"), "Clash.K", List.of(name));
        }
    }

    // A class named like a runtime class the adjoint imports (Tape): its constants were read as Tape.K, which is the
    // imported dev.adjoint.tape.Tape's (javac 'cannot find symbol'). Now written p.Tape.K; with a variable named p
    // too, an error.
    @Test
    void anOwnerNamedLikeARuntimeClass() {
        for (String owner : List.of("Tape", "Gradients", "AdjointStacks")) { // (the source imports DoubleGrad)
            assertDifferentiates("p." + owner, owner("p", owner, List.of("n")));
        }
        String src = owner("p", "Tape", List.of("p"));
        Translation t = translate(Map.of(Path.of("p/Tape.java"), src));
        assertTrue(t.hasErrors() && t.generated().isEmpty(), t.diagnostics().toString());
        assertTrue(
                t.diagnostics().stream()
                        .allMatch(
                                d -> d.message().contains("'p'") && d.message().contains("runtime class")),
                t.diagnostics().toString());
    }

    @Test
    void anEnclosingClassHidden() {
        String src = """
                package p;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Outer {
                    static final int K = 2;

                    static int h(int n) {
                        return n + 1;
                    }

                    public static class Inner {
                        static final int L = 3;

                        static int k(int n) {
                            return n * 2;
                        }

                        @Differentiable(strategy = Strategy.STATIC)
                        static double fSTATIC(double x, double[] w, int Outer) {
                            double r = x;
                            for (int i = 0; i < h(k(Outer)) && i < L + K; i++) {
                                r = r * x + w[(i + K) % w.length] * L;
                            }
                            return r;
                        }

                        @Differentiable(strategy = Strategy.TAPE)
                        static double fTAPE(double x, double[] w, int Outer) {
                            double r = x;
                            for (int i = 0; i < h(k(Outer)) && i < L + K; i++) {
                                r = r * x + w[(i + K) % w.length] * L;
                            }
                            return r;
                        }

                        @Differentiable
                        static double fAUTO(double x, double[] w, int Outer) {
                            double r = x;
                            for (int i = 0; i < h(k(Outer)) && i < L + K; i++) {
                                r = r * x + w[(i + K) % w.length] * L;
                            }
                            return r;
                        }
                    }
                }
                """;
        assertDifferentiates("p.Outer", src);
    }

    private static final String UTIL = """
            package q;

            import dev.adjoint.Differentiable;

            public class Util {
                public static int k(int n) {
                    return n % 3;
                }

                @Differentiable
                public static double u(double x, int n) {
                    return x * x * n;
                }
            }
            """;

    /** Class p.User calling q.Util (imported), with a variable named {@code name}. */
    private static String user(String name) {
        String util = name.equals("Util") ? "q.Util" : "Util"; // as the user must write it
        StringBuilder s =
                new StringBuilder("package p;\n\nimport dev.adjoint.Differentiable;\nimport dev.adjoint.Strategy;\n"
                        + "import q.Util;\n\npublic class User {\n");
        for (String strategy : STRATEGIES) {
            s.append("    @Differentiable(strategy = Strategy.")
                    .append(strategy)
                    .append(")\n");
            s.append("    static double f")
                    .append(strategy)
                    .append("(double x, double[] w, int ")
                    .append(name)
                    .append(") {\n");
            s.append("        double r = x;\n");
            s.append("        if (")
                    .append(util)
                    .append(".k(")
                    .append(name)
                    .append(") <= 2) {\n            r = r * x + w[")
                    .append(util)
                    .append(".k(")
                    .append(name)
                    .append(")];\n        }\n");
            s.append("        return r + ")
                    .append(util)
                    .append(".u(x, ")
                    .append(name)
                    .append(");\n    }\n\n");
        }
        return s.append("}\n").toString();
    }

    // A class of another package has only its full name in the adjoint (which imports no source class): a variable
    // named like that package's first segment is an error at each use; any other name is fine.
    @Test
    void aClassOfAnotherPackage() {
        Map<String, String> others = new TreeMap<>(Map.of("q.Util", UTIL));
        assertDifferentiates("p.User", user("Util"), others);
        assertDifferentiates("p.User", user("p"), others);
        String src = user("q");
        Map<Path, String> sources = Map.of(Path.of("p/User.java"), src, Path.of("q/Util.java"), UTIL);
        assertHiddenAtUses(sources, Path.of("p/User.java"), "Util.", List.of("q"));
        Translation t = translate(sources);
        List<String> messages = new ArrayList<>(
                t.diagnostics().stream().map(Diagnostic::message).toList());
        assertFalse(messages.isEmpty());
        assertTrue(messages.stream().allMatch(m -> m.contains("q.Util")), messages.toString());
    }
}
