package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.corpus.Corpus.Variant;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.generator.types.Ty;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus method (src/test/resources/corpus) generated, compiled and checked at each of its
 * points, three ways: static with the optimisations on ({@link Options#DEFAULT}) and off
 * ({@link Options#PLAIN}), and forced onto the tape ({@code strategy = TAPE}, on a copy of the
 * source). At each point: the gradient against central differences (float methods against their
 * double twin; an array result's {@code seed·J} against central differences of
 * {@code seed·f(x)}), the value against the original method, arrays written in place left exactly
 * as the method leaves them, {@code nameGrad} against {@code nameVjp}, accumulation, the seed; the
 * tape's gradient against the static one (ρ ≤ 1e-12 in double, 1e-5 in float); {@code //@exact}
 * points (ties) against their stated gradient. Methods the tape does not handle
 * ({@code //@notape}) and open generator bugs ({@code //@bug}) are skipped as JUnit assumptions
 * with the reason, and listed by {@link #tapeSkipsAndOpenBugsAreListed}.
 */
class CorpusTest {
    private static final double DOUBLE_RTOL = 1e-6;
    private static final double DOUBLE_ATOL = 1e-9;
    private static final double FLOAT_RTOL = 1e-3;
    private static final double FLOAT_ATOL = 1e-5;
    /** ρ = |a−b| / max(1, |a|+|b|) between the static and the tape gradient. */
    private static final double DOUBLE_RHO = 1e-12;

    private static final double FLOAT_RHO = 1e-5;
    /** The seeds of array results, cycled (exact in float). */
    private static final double[] SEED_CYCLE = {1.0, -0.5, 0.25, 2.0, -1.5};

    private static final boolean RUN_BUGS = CompiledCorpus.RUN_BUGS;

    /** Why the tape rejects a //@notape method, in the generator's words, by "Class#method". */
    private static final Map<String, String> TAPE_REJECTIONS = new ConcurrentHashMap<>();

    /** {@code -Dadjoint.corpus.only=Loops,Ties} runs only those classes' methods (while working on them). */
    static List<String> selectedClasses() {
        String only = System.getProperty("adjoint.corpus.only", "");
        return only.isBlank() ? Corpus.CLASSES : List.of(only.split(","));
    }

    static Stream<Arguments> methods() {
        List<Arguments> out = new ArrayList<>();
        for (String c : selectedClasses()) {
            for (Corpus.Method m : Corpus.methods(c)) {
                for (Variant v : Variant.values()) {
                    out.add(Arguments.of(m, v));
                }
            }
        }
        return out.stream();
    }

    private static Differentiated compiled(String simpleName, Variant v) {
        return CompiledCorpus.compiled(simpleName, v);
    }

    private static Differentiated twin(String simpleName) {
        return CompiledCorpus.twin(simpleName);
    }

    /** The outcome of one {@code nameVjp} call on copies of the arguments. */
    private record Call(Object value, double[] gradient, Object[] argsAfter) {}

    /** The seed of {@code name}'s result: {@code scale} for a scalar, the seed cycle times {@code scale} for an array of {@code length}. */
    private static Object seed(MethodRequest r, double scale, int length) {
        Ty t = r.result();
        if (t.isArray()) {
            double[] s = new double[length];
            for (int i = 0; i < length; i++) {
                s[i] = scale * SEED_CYCLE[i % SEED_CYCLE.length];
            }
            if (t.prim() == Ty.Prim.FLOAT) {
                float[] f = new float[length];
                for (int i = 0; i < length; i++) {
                    f[i] = (float) s[i];
                }
                return f;
            }
            return s;
        }
        return t.prim() == Ty.Prim.FLOAT ? (Object) (float) scale : (Object) scale;
    }

    private static int length(Object result) {
        return result instanceof double[] d ? d.length : result instanceof float[] f ? f.length : 0;
    }

    private static Call vjp(Differentiated d, String name, Object[] args, Object seed, Object[] buffers) {
        Object[] copy = Differentiated.copyArguments(args);
        Object value = d.invokeVjp(name, copy, seed, buffers);
        return new Call(value, Differentiated.flatten(buffers), copy);
    }

    /** {@code result} as the scalar whose gradient nameVjp computes: itself, or {@code seed·result} for an array. */
    private static double scalar(Object result, Object seed) {
        if (result instanceof Number n) {
            return n.doubleValue();
        }
        double[] s = seed instanceof float[] f ? toDouble(f) : (double[]) seed;
        double[] y = result instanceof float[] f ? toDouble(f) : (double[]) result;
        assertEquals(s.length, y.length, "the result's length changed with the point");
        double dot = 0;
        for (int i = 0; i < s.length; i++) {
            dot += s[i] * y[i];
        }
        return dot;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static boolean sameValue(Object a, Object b) {
        return Arrays.deepEquals(new Object[] {a}, new Object[] {b})
                || (a instanceof Number x
                        && b instanceof Number y
                        && Double.doubleToLongBits(x.doubleValue()) == Double.doubleToLongBits(y.doubleValue()));
    }

    private static String show(Object o) {
        return Arrays.deepToString(new Object[] {o});
    }

    private static void skipIfBroken(Corpus.Method m, Variant v) {
        String bug = m.bug(v);
        Assumptions.assumeTrue(bug == null || RUN_BUGS, () -> "BUG: " + bug);
        if (v == Variant.TAPE && m.noTape() != null) {
            Assumptions.abort("tape strategy not compared: " + m.noTape() + " (generator: " + tapeRejection(m) + ")");
        }
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("methods")
    // a corpus loop that never ends fails, not hangs (the bound also covers generating and compiling the class, on a
    // busy machine)
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void gradientValueAndAccumulation(Corpus.Method m, Variant v) {
        skipIfBroken(m, v);
        Differentiated d = compiled(m.owner(), v);
        MethodRequest r = d.request(m.name());
        assertStrategy(d, r, m, v);
        boolean isFloat = Corpus.isFloatClass(m.owner());
        assertTrue(m.points().size() >= 2, m + " needs at least two //@at points");
        if (r.result().isArray()) {
            assertFalse(
                    d.adjointMethodNames(m.name()).contains(m.name() + "Grad"),
                    m + ": an array result has no implicit seed, so no " + m.name() + "Grad");
        }
        for (List<String> point : m.points()) {
            Object[] args = Corpus.arguments(r, point);
            String at = m + " at " + point + " [" + v + "]";
            try {
                checkPoint(d, m, r, v, args, isFloat, at);
            } catch (AssertionError e) {
                throw new AssertionError(at + ": " + e.getMessage() + "\n" + generated(d), e);
            }
        }
        for (Corpus.Exact e : m.exact()) {
            Object[] args = Corpus.arguments(r, e.point());
            String at = m + " at the tie " + e.point() + " [" + v + "]";
            Object original = d.invokeOriginal(m.name(), Differentiated.copyArguments(args));
            Call call = vjp(d, m.name(), args, seed(r, 1.0, length(original)), d.newBuffers(m.name(), args));
            assertEquals(e.gradient().size(), call.gradient().length, at + ": gradient length");
            double tol = isFloat ? 1e-6 : 1e-12;
            for (int i = 0; i < call.gradient().length; i++) {
                double want = e.gradient().get(i);
                assertEquals(
                        want,
                        call.gradient()[i],
                        tol * Math.max(1, Math.abs(want)),
                        at + ": component " + i + " of " + Arrays.toString(call.gradient()) + ", expected "
                                + e.gradient() + "\n" + generated(d));
            }
        }
    }

    private static void checkPoint(
            Differentiated d, Corpus.Method m, MethodRequest r, Variant v, Object[] args, boolean isFloat, String at) {
        String name = m.name();
        // the original method, on copies of the arguments (it may write arrays in place)
        Object[] originalArgs = Differentiated.copyArguments(args);
        Object original = d.invokeOriginal(name, originalArgs);
        int n = length(original);
        Object seed = seed(r, 1.0, n);

        // the adjoint returns exactly what the original method returns, and leaves the arrays as it does
        Call call = vjp(d, name, args, seed, d.newBuffers(name, args));
        assertTrue(
                sameValue(original, call.value()),
                at + ": the adjoint returned " + show(call.value()) + " but the method returns " + show(original));
        for (int i = 0; i < args.length; i++) {
            if (args[i].getClass().isArray()) {
                assertTrue(
                        sameValue(originalArgs[i], call.argsAfter()[i]),
                        at + ": argument " + i + " is " + show(call.argsAfter()[i]) + " after the adjoint but "
                                + show(originalArgs[i]) + " after the method");
            }
        }

        // the gradient, against central differences
        Differentiated oracle = d;
        String oracleName = name;
        Object[] oracleArgs = args;
        double rtol = DOUBLE_RTOL;
        double atol = DOUBLE_ATOL;
        if (m.frozenOracle() != null) {
            oracleName = m.frozenOracle();
            oracleArgs = new Object[2 * args.length];
            System.arraycopy(args, 0, oracleArgs, 0, args.length);
            System.arraycopy(args, 0, oracleArgs, args.length, args.length);
        } else if (isFloat) {
            oracle = twin(m.owner());
            oracleArgs = Differentiated.twinArgs(args);
            rtol = FLOAT_RTOL;
            atol = FLOAT_ATOL;
        }
        Differentiated o = oracle;
        String on = oracleName;
        Object[] oa = oracleArgs;
        ToDoubleFunction<double[]> f = x -> scalar(o.invokeOriginal(on, o.at(on, oa, x)), seed);
        GradCheck.assertGradient(f, o.point(on, oa), call.gradient(), rtol, atol);

        // nameGrad is nameVjp with seed 1
        if (!r.result().isArray()) {
            Object[] buffers = d.newBuffers(name, args);
            Object value = d.invokeGrad(name, Differentiated.copyArguments(args), buffers);
            assertTrue(sameValue(call.value(), value), at + ": Grad returned " + value + ", Vjp " + call.value());
            assertArrayEquals(
                    call.gradient(), Differentiated.flatten(buffers), 0.0, at + ": Grad and Vjp(seed 1) differ");
        }

        // gradients are added into the buffers: a second call doubles them (array elements
        // receive each contribution separately, so the sum may round differently)
        // (relative to the largest component: a component that cancels to about 0 is all rounding)
        double tol = isFloat ? 1e-6 : 1e-12;
        Object[] buffers = d.newBuffers(name, args);
        double[] once = vjp(d, name, args, seed, buffers).gradient();
        double[] twice = vjp(d, name, args, seed, buffers).gradient();
        double scale = Arrays.stream(twice).map(Math::abs).max().orElse(0);
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], twice[i], tol * scale, at + ": component " + i + " did not accumulate");
        }

        // the seed scales the gradient
        double[] seeded =
                vjp(d, name, args, seed(r, 2.5, n), d.newBuffers(name, args)).gradient();
        for (int i = 0; i < once.length; i++) {
            assertEquals(2.5 * once[i], seeded[i], tol * Math.max(1, scale), at + ": seed 2.5, component " + i);
        }

        // the tape agrees with the static transformation
        if (v == Variant.TAPE && (m.bug(Variant.DEFAULT) == null || RUN_BUGS)) {
            Differentiated s = compiled(m.owner(), Variant.DEFAULT);
            double[] fixed = vjp(s, name, args, seed, s.newBuffers(name, args)).gradient();
            double bound = isFloat ? FLOAT_RHO : DOUBLE_RHO;
            for (int i = 0; i < once.length; i++) {
                double a = call.gradient()[i];
                double b = fixed[i];
                double rho = Math.abs(a - b) / Math.max(1, Math.abs(a) + Math.abs(b));
                assertTrue(
                        rho <= bound,
                        at + ": component " + i + ": tape " + a + ", static " + b + " (ρ = " + rho + " > " + bound
                                + ")\n---- static:\n" + generated(s));
            }
            if (r.result().isArray()) {
                tapeJacobianIsTheStaticOne(d, s, name, args, original, bound, at);
            }
        }
    }

    /**
     * The tape's {@code nameJacobian} (rows from its Vjp) against the static one (checked against
     * central differences by ForwardCorpusTest): the same value, arrays left alike, entries to ρ.
     */
    private static void tapeJacobianIsTheStaticOne(
            Differentiated tape,
            Differentiated fixed,
            String name,
            Object[] args,
            Object original,
            double bound,
            String at) {
        int m = length(original);
        int n = tape.point(name, args).length;
        Object[] tapeArgs = Differentiated.copyArguments(args);
        Object[] staticArgs = Differentiated.copyArguments(args);
        double[][] a = new double[m][n];
        double[][] b = new double[m][n];
        Object va = tape.invokeGenerated(name, name + "Jacobian", append(tapeArgs, a));
        Object vb = fixed.invokeGenerated(name, name + "Jacobian", append(staticArgs, b));
        assertTrue(sameValue(original, va) && sameValue(vb, va), at + ": the tape's Jacobian returned " + show(va));
        assertTrue(
                Arrays.deepEquals(tapeArgs, staticArgs),
                at + ": arrays after the tape's Jacobian differ from after the static one");
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double rho = Math.abs(a[i][j] - b[i][j]) / Math.max(1, Math.abs(a[i][j]) + Math.abs(b[i][j]));
                assertTrue(rho <= bound, at + ": jac[" + i + "][" + j + "]: tape " + a[i][j] + ", static " + b[i][j]);
            }
        }
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] out = Arrays.copyOf(args, args.length + 1);
        out[args.length] = last;
        return out;
    }

    /**
     * The strategy each method got: static under DEFAULT and PLAIN (the tape for //@autotape methods,
     * which must be recursive), the tape when forced.
     */
    private static void assertStrategy(Differentiated d, MethodRequest r, Corpus.Method m, Variant v) {
        String line = d.translation().methods().stream()
                .filter(s -> s.startsWith(r.methodRef() + ": "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no strategy reported for " + r.methodRef() + " in "
                        + d.translation().methods()));
        String strategy = line.substring(r.methodRef().length() + 2);
        if (v == Variant.TAPE) {
            assertEquals("tape (requested)", strategy, m + " [" + v + "]");
        } else if (m.autoTape()) {
            assertTrue(strategy.startsWith("tape, because"), m + " is marked //@autotape but got: " + strategy);
            // issue 15's tally: AUTO sends a corpus method to the tape only for recursion
            assertTrue(strategy.contains("recursive call to"), m + " went to the tape for another reason: " + strategy);
        } else {
            assertEquals("static", strategy, m + " [" + v + "] (mark it //@autotape if it should go to the tape)");
        }
    }

    /** The generator's error when {@code m} alone is forced onto the tape; fails if there is none. */
    private static String tapeRejection(Corpus.Method m) {
        return TAPE_REJECTIONS.computeIfAbsent(m.toString(), k -> {
            Set<String> keep = Corpus.methods(m.owner()).stream()
                    .map(Corpus.Method::name)
                    .filter(n -> !n.equals(m.name()))
                    .collect(Collectors.toSet());
            Map<Path, String> files = new TreeMap<>();
            files.put(Path.of(m.owner() + ".java"), Corpus.tapeCopy(Corpus.source(m.owner()), keep));
            CompiledCorpus.others(m.owner())
                    .forEach((q, s) -> files.put(Path.of(q.substring(q.lastIndexOf('.') + 1) + ".java"), s));
            Translation t = Pipeline.translate(files, Optional.empty(), Options.DEFAULT);
            List<Diagnostic> errors =
                    t.diagnostics().stream().filter(Diagnostic::isError).toList();
            if (errors.isEmpty()) {
                fail(m + " is marked //@notape (" + m.noTape() + ") but the tape strategy now generates it:"
                        + " remove the directive so that the tape is compared");
            }
            Diagnostic e = errors.get(0);
            return e.file().getFileName() + ":[" + e.line() + "," + e.column() + "] " + e.message();
        });
    }

    private static String generated(Differentiated d) {
        return String.join("\n", d.translation().generated().values());
    }

    /**
     * Lists (in the test output) every corpus method left out of the tape comparison and why, and
     * every open bug; checks that the tape really rejects each {@code //@notape} method.
     */
    @Test
    @ResourceLock(
            value = Resources.SYSTEM_OUT,
            mode = ResourceAccessMode.READ) // OrdinaryStatementsTest replaces System.out
    void tapeSkipsAndOpenBugsAreListed() {
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, String> bugs = new LinkedHashMap<>();
        int methods = 0;
        for (String c : Corpus.CLASSES) {
            for (Corpus.Method m : Corpus.methods(c)) {
                methods++;
                if (m.noTape() != null) {
                    skipped.put(m.toString(), m.noTape() + "; generator: " + tapeRejection(m));
                }
                if (!m.bugs().isEmpty()) {
                    bugs.put(
                            m.toString(),
                            new TreeSet<>(m.bugs().keySet()) + " "
                                    + new TreeSet<>(m.bugs().values()));
                }
            }
        }
        StringBuilder sb = new StringBuilder(
                "corpus: " + methods + " methods; " + skipped.size() + " not compared with the tape strategy:\n");
        skipped.forEach(
                (k, why) -> sb.append("  ").append(k).append(": ").append(why).append('\n'));
        sb.append("open generator bugs (skipped; -Dadjoint.corpus.runBugs=true runs them): ")
                .append(bugs.size())
                .append('\n');
        bugs.forEach((k, why) ->
                sb.append("  ").append(k).append(": BUG ").append(why).append('\n'));
        System.out.print(sb);
        assertTrue(skipped.size() * 5 < methods, "more than a fifth of the corpus escapes the tape comparison:\n" + sb);
    }

    @Test
    void corpusIsLargeAndEveryMethodHasPoints() {
        int count = 0;
        for (String c : Corpus.CLASSES) {
            List<Corpus.Method> ms = Corpus.methods(c);
            count += ms.size();
            if (!RUN_BUGS && !ms.isEmpty() && ms.stream().allMatch(m -> m.bug(Variant.DEFAULT) != null)) {
                continue; // a file of reproducers that break generation
            }
            Differentiated d = compiled(c, Variant.DEFAULT);
            List<String> withPoints = ms.stream().map(Corpus.Method::name).toList();
            for (String name : d.methodNames()) {
                boolean oracle = Corpus.frozenOracles(c).contains(name);
                assertTrue(oracle || withPoints.contains(name), c + "#" + name + " has no //@at points");
            }
        }
        assertTrue(count >= 150, "the corpus has only " + count + " methods");
    }

    /** Every file of the corpus directory is run. */
    @Test
    void everyCorpusFileIsListed() throws URISyntaxException {
        URL dir = Corpus.class.getResource("/corpus");
        Assumptions.assumeTrue(
                dir != null && dir.getProtocol().equals("file"), "corpus is not a directory on the class path");
        Set<String> files = new TreeSet<>();
        for (File f : new File(dir.toURI()).listFiles()) {
            if (f.getName().endsWith(".java")) {
                files.add(f.getName().replace(".java", ""));
            }
        }
        assertEquals(files, new TreeSet<>(Corpus.CLASSES));
    }

    @Test
    void corpusUsesEveryMathFunctionOfTheRuleTable() {
        StringBuilder all = new StringBuilder();
        Corpus.CLASSES.forEach(c -> all.append(Corpus.source(c)));
        for (String key : DerivativeRules.all().keySet()) {
            // (the corpus compiles on Java 17: Java 21's clamp is the plugin's java21 IT's)
            if (key.startsWith("Math.") && !DerivativeRules.SINCE_JAVA_21.contains(key.substring("Math.".length()))) {
                assertTrue(all.indexOf(key + "(") >= 0, "no corpus method calls " + key);
            }
        }
        assertTrue(all.indexOf("Math.round(") >= 0);
    }

    /** The constructs of the README's supported-Java table, each used by some corpus method. */
    @Test
    void corpusCoversTheSupportedJavaTable() {
        StringBuilder all = new StringBuilder();
        Corpus.CLASSES.forEach(c -> all.append(Corpus.source(c)));
        String text = all.toString();
        Map<String, String> constructs = new LinkedHashMap<>();
        constructs.put("else if", "\\belse if\\b");
        constructs.put("for", "\\bfor \\(int ");
        constructs.put("while", "(?m)^\\s*while \\(");
        constructs.put("do/while", "\\bdo \\{");
        constructs.put("for-each over an array", "\\bfor \\((?:double|float) \\w+ :");
        constructs.put("break", "\\bbreak;");
        constructs.put("continue", "\\bcontinue;");
        constructs.put("labelled break", "\\bbreak \\w+;");
        constructs.put("labelled continue", "\\bcontinue \\w+;");
        constructs.put("switch", "\\bswitch \\(");
        constructs.put("throw", "\\bthrow new\\b");
        constructs.put("step 2", "\\+= 2\\)");
        constructs.put("downward counter", "\\w--\\)");
        constructs.put("long counter", "\\bfor \\(long ");
        constructs.put("in-place overwrite x[i] = x[i] * x[i - 1]", "x\\[i\\] = x\\[i\\] \\* x\\[i - 1\\];");
        constructs.put("local double[]", "= new double\\[");
        constructs.put("local float[]", "= new float\\[");
        constructs.put("local double[][]", "= new double\\[\\w+\\]\\[");
        constructs.put("double[][] parameter", "\\(double\\[\\]\\[\\] ");
        constructs.put("float[][] parameter", "float\\[\\]\\[\\] \\w+[,)]");
        constructs.put("double[] result", "static double\\[\\] \\w+\\(");
        constructs.put("float[] result", "static float\\[\\] \\w+\\(");
        constructs.put("call into another corpus class", "CallsLib\\.\\w+\\(");
        constructs.put("//@exact ties", "//@exact");
        constructs.put("array variable assigned again", "(?m)^\\s*a = z;");
        constructs.put("conditional alias", "\\[\\] \\w+ = [^;]+ \\? \\w+ : \\w+;");
        for (Map.Entry<String, String> e : constructs.entrySet()) {
            assertTrue(
                    java.util.regex.Pattern.compile(e.getValue()).matcher(text).find(),
                    "no corpus method uses " + e.getKey());
        }
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

    @Test
    void tapeCopyForcesTheTapeOnEveryAnnotatedMethodButTheKeptOnes() {
        String copy = Corpus.tapeCopy("""
                class C {
                    //@at (1)
                    @Differentiable
                    static double f(double x) { return x; }

                    @Differentiable(wrt = {"a", "b"})
                    static double g(double a, double b) { return a; }

                    @Differentiable(wrt = "x")
                    static double[] h(double[] x) { return x; }
                }
                """, Set.of("h"));
        assertEquals("""
                class C {
                    //@at (1)
                    @Differentiable(strategy = dev.adjoint.Strategy.TAPE)
                    static double f(double x) { return x; }

                    @Differentiable(wrt = {"a", "b"}, strategy = dev.adjoint.Strategy.TAPE)
                    static double g(double a, double b) { return a; }

                    @Differentiable(wrt = "x")
                    static double[] h(double[] x) { return x; }
                }
                """, copy);
    }
}
