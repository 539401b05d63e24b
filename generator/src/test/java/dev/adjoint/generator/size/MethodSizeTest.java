package dev.adjoint.generator.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.CodeText;
import dev.adjoint.generator.code.Listing;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bound {@link MethodSize} puts on a generated method's bytecode, against what javac makes of
 * it: never below (else an adjoint over the JVM's limit would reach javac), and close for long
 * methods (else methods that fit would be refused).
 */
class MethodSizeTest {
    private static final String IMPORTS = "import dev.adjoint.Differentiable;\nimport dev.adjoint.Strategy;\n\n";

    /** A straight-line method of {@code n} statements, and one of loops, branches and arrays. */
    static String program(String strategy, int n) {
        StringBuilder s = new StringBuilder("package p;\n\n" + IMPORTS + "public class Sized {\n");
        s.append("    @Differentiable(strategy = Strategy.").append(strategy).append(")\n");
        s.append("    static double f(double x, double y) {\n        double s = x;\n        double t = y;\n");
        for (int i = 0; i < n; i++) {
            s.append(i % 2 == 0 ? "        s = s * 0.999 + t * 0.001;\n" : "        t = t + Math.sin(s) * 0.001;\n");
        }
        s.append("        return s + t;\n    }\n\n");
        s.append("    @Differentiable(strategy = Strategy.").append(strategy).append(")\n");
        s.append("""
                    static double g(double[] w, float v, int n, long m) {
                        double s = 0;
                        float q = v;
                        for (int i = 0; i < n; i++) {
                            for (double e : w) {
                                if (e > 0.5 && i % 2 == 0 || e < -2) {
                                    s += Math.max(e, s) * Math.hypot(e, q);
                                    continue;
                                }
                                q = (float) (q * 1.5f + e / (1 + m));
                                if (s > 1e9) {
                                    break;
                                }
                            }
                            w[i % w.length] = s > 0 ? s * 0.5 : -s;
                            if (i == 7) {
                                return s * q;
                            }
                        }
                        return s + q * Math.signum(n);
                    }
                }
                """);
        return s.toString();
    }

    @Test
    void theBoundIsAboveWhatJavacMakesAndCloseForLongMethods() {
        for (String strategy : List.of("STATIC", "TAPE")) {
            for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
                // (a recorder pushes one node per statement, not one per operation: it needs more statements to be
                // long)
                String src = program(strategy, strategy.equals("TAPE") ? 500 : 300);
                Translation t = Pipeline.translate(Map.of(Path.of("p/Sized.java"), src), Optional.empty(), o);
                assertFalse(t.hasErrors(), t.diagnostics().toString());
                Map<String, String> all = new HashMap<>(t.generated());
                all.put("p.Sized", src);
                Map<String, byte[]> classes = InMemoryCompiler.compileToBytes(all);
                Map<String, Integer> actual = ClassFiles.codeLengths(classes.get("p.SizedAdjoint"));
                CompilationUnit cu = new JavaParser(
                                new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
                        .parse(t.generated().get("p.SizedAdjoint"))
                        .getResult()
                        .orElseThrow();
                int checked = 0;
                for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
                    String body = m.getBody().orElseThrow().toString();
                    body = body.substring(body.indexOf('{') + 1, body.lastIndexOf('}'));
                    List<String> params = m.getParameters().stream()
                            .map(Parameter::getNameAsString)
                            .toList();
                    long bound = RecorderSize.estimate(body, params);
                    int real = actual.get(m.getNameAsString());
                    String what =
                            strategy + " " + o + " " + m.getNameAsString() + ": bound " + bound + ", javac " + real;
                    assertTrue(bound >= real, what);
                    if (real > 20_000) {
                        assertTrue(bound <= real * 1.05, what);
                        checked++;
                    }
                }
                assertTrue(checked >= 1, "a long method was checked");
            }
        }
    }

    @Test
    void aMethodOverTheLimitIsAPositionedError() {
        String src = program("STATIC", 1000);
        Translation t = Pipeline.translate(Map.of(Path.of("p/Sized.java"), src), Optional.empty(), Options.DEFAULT);
        assertEquals(1, t.diagnostics().size(), t.diagnostics().toString());
        assertEquals(8, t.diagnostics().get(0).line(), t.diagnostics().toString()); // at f's name
        assertTrue(
                t.diagnostics().get(0).message().contains("too long to differentiate"),
                t.diagnostics().toString());
        assertTrue(t.generated().isEmpty());
    }

    @Test
    void autoTakesTheTapeWhenOnlyTheStaticAdjointIsOverTheLimit() {
        // 850 such statements: the static adjoint is over the limit (from about 800 since copy chains are
        // folded), the tape's recorder is not (it still is not at 1,000)
        String src = program("AUTO", 850);
        Translation t = Pipeline.translate(Map.of(Path.of("p/Sized.java"), src), Optional.empty(), Options.DEFAULT);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        assertTrue(
                t.methods().stream()
                        .anyMatch(m ->
                                m.startsWith("p.Sized#f: tape, because") && m.contains("too long to differentiate")),
                t.methods().toString());
        Map<String, String> all = new HashMap<>(t.generated());
        all.put("p.Sized", src);
        InMemoryCompiler.compileToBytes(all);
    }

    @Test
    void aLowerBoundCountsStatementsWithAnEffectOnly() {
        List<Code> body = List.of(
                CodeText.line("double a"),
                new Code.Comment("a = b;"),
                CodeText.line("a = 1"),
                CodeText.line("f(a)"),
                CodeText.line("i++"),
                CodeText.loop("for (int i = 0; i < 3; i++)", List.of(CodeText.line("break"))));
        assertEquals(2 * 4, RecorderSize.lowerBound(Listing.of(body)));
    }

    @Test
    void aRecordersNodeCountsItsCallAndADoLoopItsTest() {
        List<Listing.Line> recorder = List.of(
                new Listing.Line(0, "double v;", Listing.Role.DECLARATION),
                new Listing.Line(0, "do {", Listing.Role.FRAME),
                new Listing.Line(1, "int h = _tape.push2u(x_h, 2.0, v_h, 1.0);", Listing.Role.NODE),
                new Listing.Line(1, "v = v * 2;", Listing.Role.EFFECT),
                new Listing.Line(0, "} while (v < 10);", Listing.Role.LOOP_TEST));
        assertEquals(5 + 2 + 2, RecorderSize.lowerBound(recorder));
    }
}
