package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.SuiteValues.at;
import static dev.adjoint.generator.translated.SuiteValues.buffers;
import static dev.adjoint.generator.translated.SuiteValues.cause;
import static dev.adjoint.generator.translated.SuiteValues.compareValues;
import static dev.adjoint.generator.translated.SuiteValues.describe;
import static dev.adjoint.generator.translated.SuiteValues.enumConstant;
import static dev.adjoint.generator.translated.SuiteValues.normalize;
import static dev.adjoint.generator.translated.SuiteValues.point;
import static dev.adjoint.generator.translated.SuiteValues.round;
import static dev.adjoint.generator.translated.SuiteValues.scalar;
import static dev.adjoint.generator.translated.SuiteValues.seed;
import static org.junit.jupiter.api.Assertions.fail;

import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.parse.SourceParser;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.testing.BatchCompiler;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.generator.types.Ty;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Functions translated into Java from the test suites of Google Tangent and Clad ({@link TangentFunctions},
 * {@link CladFunctions}), run through the generator with the default strategy (AUTO). Each function must be
 * either
 * <ol>
 * <li><b>rejected</b>: errors only, each at a real position (line and column at least 1) with a message, and no
 * exception from the generator; or</li>
 * <li><b>accepted</b>: the adjoint compiles ({@code -Xlint:all -Werror}), returns the method's value (to 1e-12
 * relative), leaves the arrays the method writes as the method leaves them, and its gradient matches central
 * differences (and the gradient Clad's test prints, where it prints one).</li>
 * </ol>
 * Anything else is a generator bug. Bugs known today are listed in {@link #KNOWN_BUGS} and reported as skipped;
 * a listed function that passes fails the suite (remove its entry). The outcome table is written to
 * {@code target/translated-suite.md} (a copy is in README.md next to this class), the source and adjoint of each
 * function showing a bug to {@code target/translated-suite/<id>/}. Arguments and values: {@link SuiteValues}.
 */
class TranslatedSuiteTest {

    /** Function id to what is wrong with it today. Each entry fails without the skip. */
    static final Map<String, String> KNOWN_BUGS =
            Map.of(); // the ten found when the suite was written are fixed (issue 14)

    /** What happened to one function. */
    record Outcome(Kind kind, String detail) {}

    enum Kind {
        ACCEPTED,
        REJECTED,
        BUG,
        SUITE_ERROR
    }

    private static final class Case {
        final Fn fn;
        final String source;
        Translation translation;
        Outcome outcome;
        MethodRequest request;

        Case(Fn fn) {
            this.fn = fn;
            this.source = fn.source();
        }
    }

    static List<Fn> all() {
        List<Fn> fns = new ArrayList<>(TangentFunctions.all());
        fns.addAll(CladFunctions.all());
        return fns;
    }

    @TestFactory
    Stream<DynamicTest> translatedFunctions() throws IOException {
        List<Case> cases = all().stream().map(Case::new).toList();
        Map<String, Long> ids = new HashMap<>();
        cases.forEach(c -> ids.merge(c.fn.id(), 1L, Long::sum));
        ids.forEach((id, n) -> {
            if (n > 1) {
                throw new AssertionError("duplicate function id " + id);
            }
        });
        for (String known : KNOWN_BUGS.keySet()) {
            if (!ids.containsKey(known)) {
                throw new AssertionError("KNOWN_BUGS names no function: " + known);
            }
        }
        // 1. translate each function on its own
        List<Case> toCompile = new ArrayList<>();
        for (Case c : cases) {
            translate(c);
            if (c.outcome == null) {
                toCompile.add(c);
            }
        }
        // 2. compile the accepted ones in one javac call (again without those that fail)
        ClassLoader loader = compile(toCompile);
        // 3. run each accepted function at its points
        for (Case c : toCompile) {
            if (c.outcome == null) {
                c.outcome = run(c, loader);
            }
        }
        writeTable(cases);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.fn.id(), () -> judge(c)));
    }

    private static void judge(Case c) {
        String known = KNOWN_BUGS.get(c.fn.id());
        switch (c.outcome.kind()) {
            case ACCEPTED, REJECTED -> {
                if (known != null) {
                    fail(c.fn.id() + " is listed in KNOWN_BUGS (" + known + ") but is " + c.outcome.kind()
                            + " correctly now: remove its entry");
                }
            }
            case BUG -> {
                if (known != null) {
                    Assumptions.abort("known bug: " + known + " [now: " + c.outcome.detail() + "]");
                }
                fail("BUG in " + c.fn.id() + " (" + c.fn.origin() + "): " + c.outcome.detail() + "\n--- source:\n"
                        + c.source);
            }
            case SUITE_ERROR ->
                fail("the test itself is wrong for " + c.fn.id() + ": " + c.outcome.detail() + "\n--- source:\n"
                        + c.source);
        }
    }

    // ---------------------------------------------------------------- translation

    private static void translate(Case c) {
        Path file = Path.of(c.fn.simpleClassName() + ".java");
        try {
            c.translation = Pipeline.translate(Map.of(file, c.source), Optional.empty(), Options.DEFAULT);
        } catch (Throwable e) {
            c.outcome = new Outcome(Kind.BUG, "generator threw " + e);
            return;
        }
        if (c.translation.hasErrors()) {
            List<Diagnostic> errors = c.translation.diagnostics().stream()
                    .filter(Diagnostic::isError)
                    .toList();
            for (Diagnostic d : errors) {
                if (d.line() < 1
                        || d.column() < 1
                        || d.message() == null
                        || d.message().isBlank()) {
                    c.outcome = new Outcome(Kind.BUG, "error without a position or message: " + d);
                    return;
                }
            }
            Diagnostic first = errors.get(0);
            c.outcome = new Outcome(
                    Kind.REJECTED,
                    "[" + first.line() + "," + first.column() + "] " + first.message()
                            + (errors.size() > 1 ? " (+" + (errors.size() - 1) + " more)" : ""));
            return;
        }
        try {
            List<MethodRequest> requests = MethodSelector.select(
                            file, SourceParser.parse(file, c.source).unit().orElseThrow())
                    .requests();
            c.request = requests.stream()
                    .filter(r -> r.name().equals(c.fn.method()))
                    .findFirst()
                    .orElse(null);
        } catch (RuntimeException e) {
            c.outcome = new Outcome(Kind.SUITE_ERROR, "cannot select the methods: " + e);
            return;
        }
        if (c.request == null) {
            c.outcome = new Outcome(Kind.SUITE_ERROR, "no @Differentiable method " + c.fn.method());
        }
    }

    // ---------------------------------------------------------------- compilation

    private static ClassLoader compile(List<Case> cases) {
        List<Case> remaining = new ArrayList<>(cases);
        for (int attempt = 0; attempt < 10; attempt++) {
            Map<String, String> sources = new TreeMap<>();
            Map<String, Case> owner = new HashMap<>();
            for (Case c : remaining) {
                if (c.outcome != null) {
                    continue;
                }
                sources.put(c.fn.qualifiedClassName(), c.source);
                owner.put(c.fn.qualifiedClassName(), c);
                c.translation.generated().forEach((name, text) -> {
                    sources.put(name, text);
                    owner.put(name, c);
                });
            }
            if (sources.isEmpty()) {
                return BatchCompiler.class.getClassLoader();
            }
            BatchCompiler.Result r = BatchCompiler.compile(sources);
            if (r.ok()) {
                return r.loader();
            }
            if (r.problems().isEmpty()) {
                throw new AssertionError("javac failed without naming a source");
            }
            r.problems().forEach((cls, messages) -> {
                Case c = owner.get(cls);
                if (c == null) {
                    throw new AssertionError("javac problem in unknown class " + cls + ": " + messages);
                }
                if (cls.equals(c.fn.qualifiedClassName())) {
                    c.outcome = new Outcome(Kind.SUITE_ERROR, "the translated source does not compile: " + messages);
                } else if (c.outcome == null) {
                    c.outcome = new Outcome(
                            Kind.BUG,
                            "adjoint does not compile: " + messages.get(0)
                                    + (messages.size() > 1 ? " (+" + (messages.size() - 1) + " more)" : ""));
                }
            });
        }
        throw new AssertionError("compilation did not settle");
    }

    // ---------------------------------------------------------------- running

    private static Outcome run(Case c, ClassLoader loader) {
        MethodRequest r = c.request;
        Method original;
        Method vjp;
        try {
            original = find(
                    loader.loadClass(c.fn.qualifiedClassName()),
                    c.fn.method(),
                    r.params().size());
            vjp = find(
                    loader.loadClass(r.adjointQualifiedName()),
                    r.adjointName() + "Vjp",
                    r.params().size() + 1 + r.wrtParams().size());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new Outcome(Kind.BUG, "generated adjoint lacks its Vjp method: " + e);
        }
        boolean isFloat = r.result().prim() == Ty.Prim.FLOAT
                || r.params().stream().anyMatch(p -> p.wrt() && p.type().prim() == Ty.Prim.FLOAT);
        List<String> problems = new ArrayList<>();
        for (Object[] point : c.fn.points()) {
            String p = check(c, original, vjp, point, null, isFloat);
            if (p != null) {
                problems.add(p);
            }
        }
        for (Fn.Expect e : c.fn.expects()) {
            String p = check(c, original, vjp, e.args(), e.gradient(), isFloat);
            if (p != null) {
                problems.add(p);
            }
        }
        if (problems.stream().anyMatch(s -> s.startsWith("!"))) {
            return new Outcome(Kind.SUITE_ERROR, String.join("; ", problems));
        }
        return problems.isEmpty() ? new Outcome(Kind.ACCEPTED, "") : new Outcome(Kind.BUG, String.join("; ", problems));
    }

    private static Method find(Class<?> cls, String name, int arity) throws NoSuchMethodException {
        for (Method m : cls.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new NoSuchMethodException(cls.getName() + "." + name + "/" + arity);
    }

    /**
     * Checks one point; returns null when fine, else what is wrong (starting with "!" when the test is at
     * fault). With {@code expected}, compares the gradient with it (two decimals) instead of central differences.
     */
    private static String check(
            Case c, Method original, Method vjp, Object[] rawArgs, double[] expected, boolean isFloat) {
        MethodRequest r = c.request;
        List<Param> ps = r.params();
        String at = "at " + describe(rawArgs);
        if (rawArgs.length != ps.size()) {
            return "!" + at + ": " + rawArgs.length + " arguments for " + ps.size() + " parameters";
        }
        Object[] args = normalize(ps, rawArgs);
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Differentiated.EnumConstant e) {
                args[i] = enumConstant(original.getParameterTypes()[i], e.constant()); // the compiled enum's constant
            }
        }
        Object[] originalArgs = Differentiated.copyArguments(args);
        Object value0;
        try {
            value0 = original.invoke(null, originalArgs);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "!" + at + ": the method itself throws " + cause(e);
        }
        Object seed = seed(r.result(), value0);
        Object[] adjointArgs = Differentiated.copyArguments(args);
        Object[] buffers = buffers(ps, args);
        List<Object> call = new ArrayList<>(List.of(adjointArgs));
        call.add(seed);
        call.addAll(List.of(buffers));
        Object value1;
        try {
            value1 = vjp.invoke(null, call.toArray());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return at + ": adjoint threw " + cause(e);
        }
        // the value
        String valueProblem = compareValues(value0, value1);
        if (valueProblem != null) {
            return at + ": " + valueProblem;
        }
        // arrays written in place
        for (int i = 0; i < ps.size(); i++) {
            if (!Arrays.deepEquals(new Object[] {originalArgs[i]}, new Object[] {adjointArgs[i]})) {
                return at + ": the adjoint leaves " + ps.get(i).name() + " = " + describe(adjointArgs[i])
                        + " but the method leaves " + describe(originalArgs[i]);
            }
        }
        double[] gradient = Differentiated.flatten(buffers);
        if (expected != null) {
            for (int k = 0; k < expected.length; k++) {
                if (k >= gradient.length
                        || !(Math.abs(gradient[k] - expected[k]) <= 0.0051 + 1e-6 * Math.abs(expected[k]))) {
                    return at + ": gradient " + Arrays.toString(gradient) + ", Clad's test prints "
                            + Arrays.toString(expected);
                }
            }
            return null;
        }
        double[] x0 = point(ps, args);
        java.util.function.ToDoubleFunction<double[]> f = x -> {
            try {
                return scalar(original.invoke(null, at(ps, args, x)), seed);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        double[] numeric;
        try {
            numeric = isFloat ? GradCheck.centralDifferences(f, x0, 1e-2) : GradCheck.centralDifferences(f, x0);
        } catch (RuntimeException e) {
            return "!" + at + ": the method throws near the point: " + cause(e);
        }
        double rtol = isFloat ? 2e-3 : 1e-5;
        double atol = isFloat ? 2e-3 : 1e-7;
        for (int k = 0; k < x0.length; k++) {
            double tol = atol + rtol * Math.max(Math.abs(gradient[k]), Math.abs(numeric[k]));
            if (!(Math.abs(gradient[k] - numeric[k]) <= tol)) {
                return at + ": gradient " + Arrays.toString(round(gradient)) + ", central differences "
                        + Arrays.toString(round(numeric));
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- table

    private static void writeTable(List<Case> cases) throws IOException {
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        StringBuilder rows = new StringBuilder();
        for (Case c : cases) {
            counts.merge(c.outcome.kind(), 1, Integer::sum);
            String outcome = switch (c.outcome.kind()) {
                case ACCEPTED -> "accepted";
                case REJECTED -> "rejected: " + c.outcome.detail();
                case BUG ->
                    (KNOWN_BUGS.containsKey(c.fn.id()) ? "**BUG** (in KNOWN_BUGS): " : "**BUG**: ")
                            + c.outcome.detail();
                case SUITE_ERROR -> "suite error: " + c.outcome.detail();
            };
            rows.append("| `")
                    .append(c.fn.id())
                    .append("` | ")
                    .append(c.fn.origin())
                    .append(" | ")
                    .append(outcome.replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }
        String table = "# Translated functions: outcomes\n\n" + cases.size() + " functions: " + counts + "\n\n"
                + "| function | origin | outcome (strategy AUTO) |\n|---|---|---|\n" + rows;
        Path out = Path.of("target", "translated-suite.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        // the source and the adjoint of each function showing a bug, for whoever fixes it
        for (Case c : cases) {
            if (c.outcome.kind() == Kind.BUG && c.translation != null) {
                Path dir = Path.of("target", "translated-suite", c.fn.id());
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(c.fn.simpleClassName() + ".java"), c.source);
                for (Map.Entry<String, String> g : c.translation.generated().entrySet()) {
                    Files.writeString(
                            dir.resolve(g.getKey().substring(g.getKey().lastIndexOf('.') + 1) + ".java"), g.getValue());
                }
            }
        }
    }
}
