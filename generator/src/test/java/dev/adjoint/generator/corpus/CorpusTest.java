package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.testing.Differentiated;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus method (src/test/resources/corpus) generated, compiled and checked at each of its
 * points, with the optimisations on ({@link Options#DEFAULT}) and off ({@link Options#PLAIN}):
 * the gradient against central differences (float methods against their double twin), the value
 * against the original method, {@code nameGrad} against {@code nameVjp}, and accumulation.
 */
class CorpusTest {
    private static final double DOUBLE_RTOL = 1e-6;
    private static final double DOUBLE_ATOL = 1e-9;
    private static final double FLOAT_RTOL = 1e-3;
    private static final double FLOAT_ATOL = 1e-5;

    /** Compiled corpus classes by "Class/OPTIONS"; the twin by "ClassTwin". */
    private static final Map<String, Differentiated> COMPILED = new ConcurrentHashMap<>();

    enum Optimisations {
        DEFAULT(Options.DEFAULT), PLAIN(Options.PLAIN);

        final Options options;

        Optimisations(Options options) {
            this.options = options;
        }
    }

    static Stream<Arguments> methods() {
        List<Arguments> out = new ArrayList<>();
        for (String c : Corpus.CLASSES) {
            for (Corpus.Method m : Corpus.methods(c)) {
                for (Optimisations o : Optimisations.values()) {
                    out.add(Arguments.of(m, o));
                }
            }
        }
        return out.stream();
    }

    private static Differentiated compiled(String simpleName, Options options) {
        return COMPILED.computeIfAbsent(simpleName + "/" + options,
                k -> Differentiated.of("corpus." + simpleName, Corpus.source(simpleName), options));
    }

    private static Differentiated twin(String simpleName) {
        return COMPILED.computeIfAbsent(simpleName + "Twin", k -> Differentiated.of("corpus." + simpleName + "Twin",
                Corpus.doubleTwin(simpleName, Corpus.source(simpleName)), Options.DEFAULT));
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("methods")
    void gradientValueAndAccumulation(Corpus.Method m, Optimisations o) {
        Differentiated d = compiled(m.owner(), o.options);
        boolean isFloat = m.owner().equals(Corpus.FLOAT_CLASS);
        assertTrue(m.points().size() >= 2, m + " needs at least two //@at points");
        for (List<String> point : m.points()) {
            Object[] args = Corpus.arguments(d.request(m.name()), point);
            String at = m + " at " + point + " [" + o + "]";

            // the adjoint returns exactly what the original method returns
            Differentiated.GradCall call = d.vjp(m.name(), 1.0, args);
            double original = d.value(m.name(), args);
            assertEquals(Double.doubleToLongBits(original), Double.doubleToLongBits(call.value()),
                    at + ": the adjoint returned " + call.value() + " but the method returns " + original);

            // the gradient, against central differences
            try {
                if (m.frozenOracle() != null) {
                    Object[] oracleArgs = new Object[2 * args.length];
                    System.arraycopy(args, 0, oracleArgs, 0, args.length);
                    System.arraycopy(args, 0, oracleArgs, args.length, args.length);
                    d.assertGradientAgainst(m.name(), d, m.frozenOracle(), oracleArgs, DOUBLE_RTOL, DOUBLE_ATOL, args);
                } else if (isFloat) {
                    d.assertGradient(m.name(), twin(m.owner()), m.name(), FLOAT_RTOL, FLOAT_ATOL, args);
                } else {
                    d.assertGradient(m.name(), d, m.name(), DOUBLE_RTOL, DOUBLE_ATOL, args);
                }
            } catch (AssertionError e) {
                throw new AssertionError(at + ": " + e.getMessage() + "\n" + generated(d), e);
            }

            // nameGrad is nameVjp with seed 1
            Differentiated.GradCall grad = d.grad(m.name(), args);
            assertEquals(Double.doubleToLongBits(call.value()), Double.doubleToLongBits(grad.value()), at);
            assertArrayEquals(call.gradient(), grad.gradient(), 0.0, at + ": Grad and Vjp(seed 1) differ");

            // gradients are added into the buffers: a second call doubles them (array elements
            // receive each contribution separately, so the sum may round differently)
            double tol = isFloat ? 1e-6 : 1e-12;
            Object[] buffers = d.newBuffers(m.name(), args);
            double[] once = d.vjpInto(m.name(), 1.0, buffers, args).gradient();
            double[] twice = d.vjpInto(m.name(), 1.0, buffers, args).gradient();
            for (int i = 0; i < once.length; i++) {
                assertEquals(2 * once[i], twice[i], tol * Math.abs(twice[i]), at + ": component " + i + " did not accumulate");
            }

            // the seed scales the gradient
            double[] seeded = d.vjp(m.name(), 2.5, args).gradient();
            for (int i = 0; i < once.length; i++) {
                assertEquals(2.5 * once[i], seeded[i], tol * Math.max(1, Math.abs(seeded[i])), at + ": seed 2.5, component " + i);
            }
        }
    }

    private static String generated(Differentiated d) {
        return String.join("\n", d.translation().generated().values());
    }

    @Test
    void corpusIsLargeAndEveryMethodHasPoints() {
        int count = 0;
        for (String c : Corpus.CLASSES) {
            Differentiated d = compiled(c, Options.DEFAULT);
            List<String> withPoints = Corpus.methods(c).stream().map(Corpus.Method::name).toList();
            for (String name : d.methodNames()) {
                boolean oracle = Corpus.frozenOracles(c).contains(name);
                assertTrue(oracle || withPoints.contains(name), c + "#" + name + " has no //@at points");
            }
            count += withPoints.size();
        }
        assertTrue(count >= 40, "the corpus has only " + count + " methods");
    }

    @Test
    void corpusUsesEveryMathFunctionOfTheRuleTable() {
        StringBuilder all = new StringBuilder();
        Corpus.CLASSES.forEach(c -> all.append(Corpus.source(c)));
        for (String key : DerivativeRules.all().keySet()) {
            if (key.startsWith("Math.")) {
                assertTrue(all.indexOf(key + "(") >= 0, "no corpus method calls " + key);
            }
        }
        assertTrue(all.indexOf("Math.round(") >= 0);
    }

    @Test
    void doubleTwinIsTheFloatTextInDouble() {
        String twin = Corpus.doubleTwin("Floats", """
                class Floats { static final float K = 1.5f;
                  static float f(float a, double b) { float c = (float) b * a + 4f - .5f + 1e-3f; return c + (float) (a * 2F) + Floats.K; } }
                """);
        assertEquals("""
                class FloatsTwin { static final double K = 1.5;
                  static double f(double a, double b) { double c = b * a + 4.0 - .5 + 1e-3; return c + (a * 2.0) + FloatsTwin.K; } }
                """, twin);
        assertFalse(twin.contains("float"));
    }
}
