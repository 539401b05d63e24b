package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.corpus.Corpus.Variant;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.testing.Differentiated;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tape ({@code tape/IrRecorder}, recorded from the normalized form; issue 19's one front end) on
 * every corpus method: each class's tape copy generated; a method the tape rejects must be rejected
 * with a positioned error in that method (it is then kept as written, and listed by {@link
 * #coverageIsListed}); every other method is forced onto the tape and checked at each of its
 * points: the value and the arrays as the method leaves them, the gradient against central
 * differences (a float method against its double twin), and against the static strategy's gradient
 * (ρ ≤ 1e-12 in double, 1e-5 in float; except for a method AUTO itself puts on the tape, {@code
 * //@autotape}, which the static strategy does not take: central differences are its oracle).
 */
class TapeCorpusTest {
    private static final Options TAPE = Options.DEFAULT;
    private static final double[] SEED_CYCLE = {1.0, -0.5, 0.25, 2.0, -1.5};

    /** A class's tape copy built, and the methods it rejected (by name: the error). */
    private record Built(Differentiated compiled, Map<String, String> rejected) {}

    private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();

    static Stream<Corpus.Method> methods() {
        return CorpusTest.selectedClasses().stream().flatMap(c -> Corpus.methods(c).stream());
    }

    /** Kept as written whatever the recorder does: {@code //@notape} methods and open tape bugs. */
    private static boolean keptAnyway(Corpus.Method m) {
        return m.noTape() != null || (!CompiledCorpus.RUN_BUGS && m.bug(Variant.TAPE) != null);
    }

    /**
     * {@code simpleName}'s tape copy: generated, and the methods with errors kept
     * as written until none is left; each error must stand in a method of the class.
     */
    private static Built built(String simpleName) {
        return BUILT.computeIfAbsent(simpleName, k -> {
            Set<String> keep = new HashSet<>();
            Corpus.methods(simpleName).stream()
                    .filter(TapeCorpusTest::keptAnyway)
                    .forEach(m -> keep.add(m.name()));
            Map<String, String> rejected = new TreeMap<>();
            Map<String, String> others = CompiledCorpus.others(simpleName);
            while (true) {
                String source = Corpus.tapeCopy(Corpus.source(simpleName), keep);
                Translation t = Differentiated.translate("corpus." + simpleName, source, others, TAPE);
                List<Diagnostic> errors =
                        t.diagnostics().stream().filter(Diagnostic::isError).toList();
                if (errors.isEmpty()) {
                    if (simpleName.equals(System.getProperty("adjoint.tape.print"))) {
                        t.generated().values().forEach(System.out::println); // (-Dadjoint.tape.print=Class)
                    }
                    return new Built(Differentiated.of("corpus." + simpleName, source, others, t), rejected);
                }
                for (Diagnostic e : errors) {
                    String in = methodAt(source, e.line());
                    assertTrue(
                            e.file().getFileName().toString().equals(simpleName + ".java")
                                    && e.line() > 0
                                    && e.column() > 0
                                    && in != null
                                    && keep.add(in),
                            "an error of the tape that is not positioned in a method it records: " + e);
                    rejected.put(in, e.file().getFileName() + ":[" + e.line() + "," + e.column() + "] " + e.message());
                }
            }
        });
    }

    private static String methodAt(String source, int line) {
        return new JavaParser()
                .parse(source).getResult().orElseThrow().findAll(MethodDeclaration.class).stream()
                        .filter(d -> d.getRange()
                                .filter(r -> r.begin.line <= line && line <= r.end.line)
                                .isPresent())
                        .map(d -> d.getNameAsString())
                        .findFirst()
                        .orElse(null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void gradientAgainstDifferencesAndTheStaticStrategy(Corpus.Method m) {
        Assumptions.assumeFalse(keptAnyway(m), "kept off the tape in the corpus itself");
        Built b = built(m.owner());
        Assumptions.assumeFalse(
                b.rejected().containsKey(m.name()),
                () -> "the tape rejects it: " + b.rejected().get(m.name()));
        Differentiated d = b.compiled();
        MethodRequest r = d.request(m.name());
        String reported = d.translation().methods().stream()
                .filter(s -> s.startsWith(r.methodRef() + ": "))
                .findFirst()
                .orElseThrow();
        assertEquals(r.methodRef() + ": tape (requested)", reported);
        for (List<String> point : m.points()) {
            String at = m + " at " + point;
            try {
                checkPoint(d, m, r, Corpus.arguments(r, point), at);
            } catch (AssertionError e) {
                throw new AssertionError(
                        at + ": " + e.getMessage() + "\n"
                                + String.join("\n", d.translation().generated().values()),
                        e);
            }
        }
    }

    private static void checkPoint(Differentiated d, Corpus.Method m, MethodRequest r, Object[] args, String at) {
        String name = m.name();
        boolean isFloat = Corpus.isFloatClass(m.owner());
        Object[] originalArgs = Differentiated.copyArguments(args);
        Object original = d.invokeOriginal(name, originalArgs);
        Object seed = seed(r, original);
        Object[] after = Differentiated.copyArguments(args);
        Object[] buffers = d.newBuffers(name, args);
        Object value = d.invokeVjp(name, after, seed, buffers);
        double[] gradient = Differentiated.flatten(buffers);
        assertTrue(Arrays.deepEquals(new Object[] {original}, new Object[] {value}), at + ": value " + value);
        assertTrue(Arrays.deepEquals(originalArgs, after), at + ": arrays after the adjoint differ from the method's");

        // central differences, of the double twin for a float method
        Differentiated oracle = isFloat ? CompiledCorpus.twin(m.owner()) : d;
        String on = m.frozenOracle() != null ? m.frozenOracle() : name;
        Object[] oa = isFloat ? Differentiated.twinArgs(args) : args;
        if (m.frozenOracle() != null) {
            oa = new Object[2 * args.length];
            System.arraycopy(args, 0, oa, 0, args.length);
            System.arraycopy(args, 0, oa, args.length, args.length);
        }
        Object[] oracleArgs = oa;
        ToDoubleFunction<double[]> f = x -> scalar(oracle.invokeOriginal(on, oracle.at(on, oracleArgs, x)), seed);
        GradCheck.assertGradient(
                f, oracle.point(on, oracleArgs), gradient, isFloat ? 1e-3 : 1e-6, isFloat ? 1e-5 : 1e-9);

        // the static strategy (the build's own choice, which is the tape itself for an //@autotape method)
        if (m.autoTape()) {
            return;
        }
        Differentiated s = CompiledCorpus.compiled(m.owner(), Variant.DEFAULT);
        Object[] staticBuffers = s.newBuffers(name, args);
        s.invokeVjp(name, Differentiated.copyArguments(args), seed, staticBuffers);
        double[] fixed = Differentiated.flatten(staticBuffers);
        double bound = isFloat ? 1e-5 : 1e-12;
        for (int i = 0; i < gradient.length; i++) {
            double rho = Math.abs(gradient[i] - fixed[i]) / Math.max(1, Math.abs(gradient[i]) + Math.abs(fixed[i]));
            assertTrue(
                    rho <= bound,
                    at + ": component " + i + ": tape " + gradient[i] + ", static " + fixed[i] + " (ρ = " + rho + ")");
        }
    }

    /** 1 for a scalar result (in its type), the seed cycle for an array result. */
    private static Object seed(MethodRequest r, Object original) {
        boolean isFloat = r.result().prim() == dev.adjoint.generator.types.Ty.Prim.FLOAT;
        if (!r.result().isArray()) {
            return isFloat ? (Object) 1.0f : (Object) 1.0;
        }
        int n = original instanceof double[] dd ? dd.length : ((float[]) original).length;
        double[] s = new double[n];
        float[] sf = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = SEED_CYCLE[i % SEED_CYCLE.length];
            sf[i] = (float) s[i];
        }
        return isFloat ? sf : s;
    }

    private static double scalar(Object result, Object seed) {
        if (result instanceof Number n) {
            return n.doubleValue();
        }
        double dot = 0;
        int n = java.lang.reflect.Array.getLength(result);
        for (int i = 0; i < n; i++) {
            dot += ((Number) java.lang.reflect.Array.get(seed, i)).doubleValue()
                    * ((Number) java.lang.reflect.Array.get(result, i)).doubleValue();
        }
        return dot;
    }

    /** How many corpus methods the tape records, and each it rejects with its error (printed). */
    @Test
    @ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
    void coverageIsListed() {
        int methods = 0;
        int kept = 0;
        List<String> rejected = new ArrayList<>();
        for (String c : CorpusTest.selectedClasses()) {
            Built b = built(c);
            for (Corpus.Method m : Corpus.methods(c)) {
                methods++;
                if (keptAnyway(m)) {
                    kept++;
                } else if (b.rejected().containsKey(m.name())) {
                    rejected.add(m + ": " + b.rejected().get(m.name()));
                }
            }
        }
        System.out.println("tape: records " + (methods - kept - rejected.size()) + " of " + (methods - kept)
                + " corpus methods the tape takes (" + kept + " more kept off the tape by the corpus)");
        rejected.forEach(x -> System.out.println("  tape rejects " + x));
    }
}
