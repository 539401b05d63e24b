package dev.adjoint.generator.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.CodeText;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.pipeline.ChosenMethods;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bound {@link MethodSize} takes on the nodes of a generated body ({@link CodeBound}), against
 * what javac makes of the printed method (the class file's {@code Code} length): never below, and
 * close on long methods, for every Vjp, Jvp and tape recorder of the corpus. (The text bound it
 * replaced, the body printed and parsed back, was within 1.5x of it on methods over 1,000 bytes.)
 */
class CodeBoundTest {
    /** The node bound and javac's bytes of one generated method. */
    record Sizes(String method, long nodes, long javac) {}

    @Test
    void theNodeBoundIsAboveJavacOnTheCorpus() {
        Map<Path, String> sources = corpus();
        int methods = 0;
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            List<Sizes> sizes = sizes(sources, o);
            double worstOverJavac = 0;
            double sumOverJavac = 0;
            long recorders =
                    sizes.stream().filter(s -> s.method().endsWith(" Record")).count();
            for (Sizes s : sizes) {
                assertTrue(s.nodes() >= s.javac(), o + " " + s);
                sumOverJavac += (double) s.nodes() / s.javac();
                // a short method's bound is the emitter's margin mostly; a longer one's, the code's
                if (s.javac() > 1000) {
                    assertTrue(s.nodes() <= s.javac() * 2.5, o + " " + s);
                    worstOverJavac = Math.max(worstOverJavac, (double) s.nodes() / s.javac());
                }
            }
            assertTrue(recorders > 0, "tape recorders compared");
            System.out.printf(
                    "CodeBoundTest %s: %d generated methods (%d recorders), node bound / javac %.2f on average, at"
                            + " most %.2f over 1,000 bytes%n",
                    o, sizes.size(), recorders, sumOverJavac / sizes.size(), worstOverJavac);
            methods += sizes.size();
        }
        assertTrue(methods > 500, methods + " methods compared");
    }

    @Test
    void theNodeBoundIsCloseForLongMethods() {
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            String src = MethodSizeTest.program("STATIC", 300);
            int checked = 0;
            for (Sizes s : sizes(Map.of(Path.of("p/Sized.java"), src), o)) {
                assertTrue(s.nodes() >= s.javac(), o + " " + s);
                if (s.javac() > 20_000) {
                    assertTrue(s.nodes() <= s.javac() * 1.05, o + " " + s);
                    checked++;
                }
            }
            assertTrue(checked >= 1, "a long method was checked");
        }
    }

    @Test
    void aCallOnAValueIsBoundAsAnInterfaceCallOfAGenericResult() {
        // double s = 0; s += xs.get(0); with xs a List<Double> in slot 0 and s in 2: dconst_0, dstore_2; dload_2,
        // aload_0, iconst_0, invokeinterface (5), checkcast Double (3), invokevirtual doubleValue (3), dadd, dstore_2
        List<Code> body = List.of(CodeText.line("double s = 0"), CodeText.line("s += xs.get(0)"));
        assertEquals(2 + (1 + 1 + 1 + 5 + 3 + 3 + 1 + 1), CodeBound.of(body, List.of("xs")));
        // a static call: invokestatic alone (dload_0, invokestatic, pop2)
        assertEquals(1 + 3 + 1, CodeBound.of(List.of(CodeText.line("Math.sin(x)")), List.of("x")));
    }

    @Test
    void textTheModelDoesNotTakeApartCountsSixteenBytesAToken() {
        List<Code> raw = List.of(new Code.Raw("throw e;"));
        assertEquals(16 * (3 + 1), CodeBound.of(raw, List.of()));
        List<Code> opaque = List.of(new Code.Line(new Statement.Eval(new Expr.Opaque("f(x)"))));
        assertEquals(16 * (4 + 1) + 1, CodeBound.of(opaque, List.of("x")));
        assertEquals(12, RawText.tokens("throw new java.lang.NegativeArraySizeException(\"\" + n)"));
        assertEquals(6, RawText.tokens("f(\"a \\\" b\", '\\'')"));
        assertEquals(4, RawText.tokens("s = \"\"\"\n  a \" b\n  \"\"\";"));
        assertEquals(3, RawText.tokens("1.5e+3"));
    }

    @Test
    void aWideLocalCostsFourBytesAndAnIntLocalsIncrementIsAnIinc() {
        List<Code> few = List.of(CodeText.line("double a = b"), CodeText.line("int i = 0"), CodeText.line("i++"));
        // b (parameter 0), a (2) and i (4): one-byte loads and stores but for i's store (istore 4) and iinc (3)
        assertEquals(1 + 1 + 1 + 2 + 3, CodeBound.of(few, List.of("b")));
        List<String> params = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            params.add("p" + i);
        }
        params.add("b");
        // b at slot 400, a at 402, i at 404: wide loads and stores, a wide iinc
        assertEquals(4 + 4 + 1 + 4 + 6, CodeBound.of(few, params));
    }

    @Test
    void aLiteralZeroOrOneIsOneByte() {
        for (String one : List.of("0", "1", "0.0", "1.0", "1e0", "0L", "1f", "1_0e-1", "true", "false", "null")) {
            assertTrue(ExprBound.isZeroOrOne(one), one);
        }
        for (String other : List.of("2", "-0.0", "0.5", "0x1", "0b1", "'a'", "\"1\"", "Foo.class", "1e-5", "10")) {
            assertFalse(ExprBound.isZeroOrOne(other), other);
        }
    }

    /** Every corpus source, by path. */
    private static Map<Path, String> corpus() {
        try {
            Path dir = Path.of(CodeBoundTest.class.getResource("/corpus").toURI());
            Map<Path, String> out = new TreeMap<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    out.put(Path.of("corpus", f.getFileName().toString()), Files.readString(f));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bound and javac's bytes of each Vjp, Jvp and Record generated from {@code sources} with {@code o}. */
    static List<Sizes> sizes(Map<Path, String> sources, Options o) {
        Translation t = Pipeline.translate(sources, Optional.empty(), o);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        Map<String, String> all = new TreeMap<>(t.generated());
        sources.forEach((path, text) -> all.put(qualified(path), text));
        Map<String, byte[]> classes = InMemoryCompiler.compileToBytes(all);
        List<Sizes> out = new ArrayList<>();
        for (ChosenMethods.Chosen c : ChosenMethods.of(sources, o)) {
            MethodRequest r = c.request();
            Map<String, Integer> lengths = ClassFiles.codeLengths(classes.get(r.adjointQualifiedName()));
            Integer vjp = lengths.get(r.adjointName() + "Vjp");
            if (vjp != null) {
                out.add(new Sizes(r.methodRef() + " Vjp", MethodSize.bound(c.adjoint()), vjp));
            }
            Integer record = lengths.get(r.adjointName() + "Record");
            if (c.adjoint().recorder().isPresent() && record != null) {
                out.add(new Sizes(
                        r.methodRef() + " Record",
                        MethodSize.bound(r, c.adjoint().recorder().get()),
                        record));
            }
            Integer jvp = lengths.get(r.tangentName() + "Jvp");
            if (c.jvp().isPresent() && jvp != null) {
                out.add(new Sizes(
                        r.methodRef() + " Jvp", MethodSize.bound(c.jvp().get()), jvp));
            }
        }
        return out;
    }

    private static String qualified(Path path) {
        String p = path.toString().replace('/', '.');
        return p.substring(0, p.length() - ".java".length());
    }
}
