package dev.adjoint.generator.fence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The harness of the package's tests: a class {@code p.Model} around a method body (the default
 * strategy, or {@code strategy = STATIC} for the static fence's own errors), sources with {@code @@}
 * markers where an error must point, and the check that a source yields exactly one error there,
 * naming its construct, and no output.
 */
final class FenceHarness {
    private FenceHarness() {}

    static final Path FILE = Path.of("src/main/java/p/Model.java");

    private static final String MARK = "@@";

    /**
     * A class {@code p.Model} whose {@code @Differentiable static double f(double x, double[] w, int n)}
     * holds {@code body}; the default strategy (AUTO: static, else the tape).
     */
    static String method(String body) {
        return method("@Differentiable", body);
    }

    static String method(String annotation, String body) {
        return String.join(
                "\n",
                "package p;",
                "",
                "import dev.adjoint.Differentiable;",
                "import dev.adjoint.Strategy;",
                "",
                "class Model {",
                "    " + annotation,
                "    static double f(double x, double[] w, int n) {",
                body.stripIndent()
                        .lines()
                        .map(l -> l.isEmpty() ? "" : "        " + l)
                        .collect(Collectors.joining("\n")),
                "    }",
                "",
                "    private static double helper(double v) {",
                "        return v > 1 ? v : helper(v + 1); // recursive: never inlined",
                "    }",
                "}",
                "");
    }

    /** {@link #method(String)} with {@code strategy = Strategy.STATIC}: the static fence's own errors. */
    static String staticMethod(String body) {
        return method("@Differentiable(strategy = Strategy.STATIC)", body);
    }

    static Arguments body(String name, String fragment, String body) {
        return Arguments.of(name, method(body), fragment);
    }

    static Arguments staticBody(String name, String fragment, String body) {
        return Arguments.of(name, staticMethod(body), fragment);
    }

    static Arguments file(String name, String fragment, String source) {
        return Arguments.of(name, source, fragment);
    }

    static void assertOnePositionedError(String name, String markedSource, String fragment) {
        Marked m = Marked.of(markedSource);
        Translation t = AdjointGenerator.translate(Map.of(FILE, m.source()));
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(
                1, errors.size(), name + ": expected exactly one error, got " + t.diagnostics() + "\n" + m.source());
        Diagnostic d = errors.get(0);
        assertEquals(FILE, d.file(), name);
        assertEquals(
                m.line() + ":" + m.column(),
                d.line() + ":" + d.column(),
                name + ": wrong position for " + d.message() + "\n" + numbered(m.source()));
        assertTrue(
                d.message().contains(fragment),
                name + ": message '" + d.message() + "' does not contain '" + fragment + "'");
        assertTrue(t.generated().isEmpty(), name + ": output generated despite the error");
        assertTrue(d.format().startsWith(FILE + ":[" + m.line() + "," + m.column() + "] "), d.format());
    }

    private static String numbered(String text) {
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format("%3d  %s%n", i + 1, lines[i]));
        }
        return sb.toString();
    }

    /** A source with its {@code @@} markers removed, and where they were. */
    record Marked(String source, List<int[]> positions) {
        static Marked of(String marked) {
            StringBuilder out = new StringBuilder();
            List<int[]> positions = new java.util.ArrayList<>();
            int line = 1;
            int col = 1;
            for (int i = 0; i < marked.length(); i++) {
                if (marked.startsWith(MARK, i)) {
                    positions.add(new int[] {line, col});
                    i += MARK.length() - 1;
                    continue;
                }
                char c = marked.charAt(i);
                out.append(c);
                if (c == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            if (positions.isEmpty()) {
                throw new IllegalArgumentException("no " + MARK + " marker in\n" + marked);
            }
            return new Marked(out.toString(), positions);
        }

        int line() {
            return line(0);
        }

        int column() {
            return column(0);
        }

        int line(int i) {
            return positions.get(i)[0];
        }

        int column(int i) {
            return positions.get(i)[1];
        }
    }
}
