package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.SuiteValues.at;
import static dev.adjoint.generator.translated.SuiteValues.buffers;
import static dev.adjoint.generator.translated.SuiteValues.cause;
import static dev.adjoint.generator.translated.SuiteValues.compareValues;
import static dev.adjoint.generator.translated.SuiteValues.describe;
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
import org.junit.jupiter.api.DynamicTest;

/**
 * The harness shared by the suites of ported functions ({@link PortedSuiteTest}, {@link OtherToolsSuiteTest}):
 * each {@link Ported} function goes through the generator with AUTO and with its methods forced onto the tape, and
 * must do what its entry expects. For an accepted function, at each point: the value and the arrays left as the
 * method leaves them; {@code seedᵀ·J} from {@code Vjp} against central differences, and static against tape; the
 * published gradients; where the method has a {@code Jvp}, the dot-product test {@code ⟨seed, J·u⟩ = ⟨seedᵀ·J, u⟩}
 * (ρ ≤ 1e-12, 1e-4 in float); for an array result, {@code nameJacobian} against central differences column by
 * column. The table of outcomes is written to {@code target/<table>.md}, the sources and adjoints of a function
 * with a problem to {@code target/<table>/<id>/}.
 */
final class PortedHarness {
    private PortedHarness() {}

    /** One function's state through the run. */
    private static final class Case {
        final Ported fn;
        final String auto;
        final String tape;
        Translation autoT;
        Translation tapeT;
        MethodRequest request;
        String outcome; // static, tape: <why>, rejected: <why>
        final List<String> problems = new ArrayList<>();
        final java.util.Set<String> forward = new java.util.TreeSet<>(); // the forward checks that ran

        Case(Ported fn) {
            this.fn = fn;
            this.auto = fn.source(fn.simpleClassName(), null);
            this.tape = fn.source(fn.simpleClassName() + "_Tape", "TAPE");
        }

        String cls() {
            return "ported." + fn.simpleClassName();
        }
    }

    /** Runs {@code fns}, writes the table {@code target/<table>.md}, and returns one test per function. */
    static Stream<DynamicTest> run(List<Ported> fns, String table) throws IOException {
        return run(fns, table, null);
    }

    /** The same, with the second-order checks of {@code hvp} too (none when null). */
    static Stream<DynamicTest> run(List<Ported> fns, String table, HvpChecks hvp) throws IOException {
        List<Case> cases = fns.stream().map(Case::new).toList();
        Map<String, Long> ids = new HashMap<>();
        cases.forEach(c -> ids.merge(c.fn.id(), 1L, Long::sum));
        ids.forEach((id, n) -> {
            if (n > 1) {
                throw new AssertionError("duplicate function id " + id);
            }
        });
        cases.forEach(PortedHarness::translate);
        ClassLoader loader = compile(cases);
        for (Case c : cases) {
            if (c.problems.isEmpty() && !c.outcome.startsWith("rejected")) {
                run(c, loader, hvp);
            }
        }
        writeTable(cases, table);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.fn.id(), () -> judge(c)));
    }

    private static void judge(Case c) {
        List<String> wrong = new ArrayList<>(c.problems);
        String expected = c.fn.expected();
        String kind = expected.contains(":") ? expected.substring(0, expected.indexOf(':')) : expected;
        String why = expected.contains(":") ? expected.substring(expected.indexOf(':') + 2) : "";
        if (c.outcome == null || !c.outcome.startsWith(kind) || !c.outcome.contains(why)) {
            wrong.add(0, "expected " + expected + ", got " + c.outcome);
        }
        if (!wrong.isEmpty()) {
            fail(c.fn.id() + " (" + c.fn.origin() + "):\n  " + String.join("\n  ", wrong) + "\n--- source:\n" + c.auto);
        }
    }

    // ---------------------------------------------------------------- translation

    private static Translation translate(String className, String source) {
        return Pipeline.translate(Map.of(Path.of(className + ".java"), source), Optional.empty(), Options.DEFAULT);
    }

    private static void translate(Case c) {
        try {
            c.autoT = translate(c.fn.simpleClassName(), c.auto);
        } catch (Throwable e) {
            c.outcome = "generator threw";
            c.problems.add("generator threw " + e);
            return;
        }
        if (c.autoT.hasErrors()) {
            List<Diagnostic> errors =
                    c.autoT.diagnostics().stream().filter(Diagnostic::isError).toList();
            for (Diagnostic d : errors) {
                if (d.line() < 1
                        || d.column() < 1
                        || d.message() == null
                        || d.message().isBlank()) {
                    c.problems.add("error without a position or message: " + d);
                }
            }
            Diagnostic first = errors.get(0);
            c.outcome = "rejected: [" + first.line() + "," + first.column() + "] " + first.message();
            return;
        }
        String prefix = c.cls() + "#" + c.fn.method() + ": ";
        c.outcome = c.autoT.methods().stream()
                .filter(m -> m.startsWith(prefix))
                .map(m -> m.substring(prefix.length()))
                .map(s -> s.startsWith("tape, because ") ? "tape: " + s.substring("tape, because ".length()) : s)
                .findFirst()
                .orElse("no report line for " + c.fn.method());
        try {
            c.request = MethodSelector.select(
                            Path.of(c.fn.simpleClassName() + ".java"),
                            SourceParser.parse(Path.of(c.fn.simpleClassName() + ".java"), c.auto)
                                    .unit()
                                    .orElseThrow())
                    .requests()
                    .stream()
                    .filter(r -> r.name().equals(c.fn.method()))
                    .findFirst()
                    .orElseThrow();
            c.tapeT = translate(c.fn.simpleClassName() + "_Tape", c.tape);
        } catch (Throwable e) {
            c.problems.add("selecting or the tape variant threw " + e);
            return;
        }
        if (c.tapeT.hasErrors()) {
            c.problems.add("AUTO accepts it (" + c.outcome + ") but TAPE rejects it: "
                    + c.tapeT.diagnostics().get(0));
        }
    }

    // ---------------------------------------------------------------- compilation

    private static ClassLoader compile(List<Case> cases) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Map<String, String> sources = new TreeMap<>();
            Map<String, Case> owner = new HashMap<>();
            for (Case c : cases) {
                if (!c.problems.isEmpty() || c.outcome.startsWith("rejected")) {
                    continue;
                }
                sources.put(c.cls(), c.auto);
                sources.put(c.cls() + "_Tape", c.tape);
                owner.put(c.cls(), c);
                owner.put(c.cls() + "_Tape", c);
                for (Translation t : List.of(c.autoT, c.tapeT)) {
                    t.generated().forEach((name, text) -> {
                        sources.put(name, text);
                        owner.put(name, c);
                    });
                }
            }
            if (sources.isEmpty()) {
                return BatchCompiler.class.getClassLoader();
            }
            BatchCompiler.Result r = BatchCompiler.compile(sources);
            if (r.ok()) {
                return r.loader();
            }
            r.problems().forEach((cls, messages) -> {
                Case c = owner.get(cls);
                if (c == null) {
                    throw new AssertionError("javac problem in unknown class " + cls + ": " + messages);
                }
                c.problems.add((cls.startsWith(c.cls()) && !cls.endsWith("Adjoint")
                                ? "the ported source does not compile: "
                                : "adjoint " + cls + " does not compile: ")
                        + messages.get(0));
            });
        }
        throw new AssertionError("compilation did not settle");
    }

    // ---------------------------------------------------------------- running

    private static void run(Case c, ClassLoader loader, HvpChecks hvp) {
        MethodRequest r = c.request;
        boolean isFloat = r.result().prim() == Ty.Prim.FLOAT
                || r.params().stream().anyMatch(p -> p.wrt() && p.type().prim() == Ty.Prim.FLOAT);
        try {
            Method original =
                    find(loader.loadClass(c.cls()), c.fn.method(), r.params().size());
            int arity = r.params().size() + 1 + r.wrtParams().size();
            Class<?> autoClass = loader.loadClass(c.cls() + "Adjoint");
            Class<?> tapeClass = loader.loadClass(c.cls() + "_TapeAdjoint");
            Method auto = find(autoClass, r.adjointName() + "Vjp", arity);
            Method tape = find(tapeClass, r.adjointName() + "Vjp", arity);
            for (Object[] p : c.fn.points()) {
                double[] a = check(c, "AUTO", original, auto, p, null, 0, isFloat);
                double[] b = check(c, "TAPE", original, tape, p, null, 0, isFloat);
                if (a != null) {
                    ForwardChecks.check(c.problems, c.forward, c.request, "AUTO", autoClass, original, p, a, isFloat);
                    if (hvp != null) {
                        hvp.check(c.problems, c.forward, c.fn.id(), c.request, autoClass, auto, original, p, a);
                    }
                }
                if (b != null) {
                    ForwardChecks.check(c.problems, c.forward, c.request, "TAPE", tapeClass, original, p, b, isFloat);
                }
                if (a != null && b != null && c.outcome.equals("static")) {
                    agree(c, a, b, p, isFloat ? 1e-5 : 1e-12);
                }
            }
            if (hvp != null) {
                hvp.published(c.problems, c.fn.id(), c.request, autoClass, original);
            }
            for (Ported.Published e : c.fn.published()) {
                check(c, "AUTO", original, auto, e.args(), e.gradient(), e.tolerance(), isFloat);
                check(c, "TAPE", original, tape, e.args(), e.gradient(), e.tolerance(), isFloat);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            c.problems.add("cannot run: " + e);
        }
    }

    private static void agree(Case c, double[] a, double[] b, Object[] p, double rho) {
        for (int i = 0; i < a.length; i++) {
            double r = Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i]) + Math.abs(b[i]));
            if (!(r <= rho)) {
                c.problems.add("static " + Arrays.toString(a) + " and tape " + Arrays.toString(b) + " differ at "
                        + describe(p));
                return;
            }
        }
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
     * Runs {@code vjp} at {@code rawArgs}: its value and side effects against the method's, its gradient against
     * {@code expected} (to {@code tolerance}, relative to max(1, |g|)) or central differences. Adds what is wrong
     * to the case and returns the gradient (null when it could not be computed).
     */
    private static double[] check(
            Case c,
            String strategy,
            Method original,
            Method vjp,
            Object[] rawArgs,
            double[] expected,
            double tolerance,
            boolean isFloat) {
        List<Param> ps = c.request.params();
        String at = strategy + " at " + describe(rawArgs);
        Object[] args = normalize(ps, rawArgs);
        Object[] originalArgs = Differentiated.copyArguments(args);
        Object value0;
        try {
            value0 = original.invoke(null, originalArgs);
        } catch (ReflectiveOperationException | RuntimeException e) {
            c.problems.add("the test is wrong " + at + ": the method itself throws " + cause(e));
            return null;
        }
        Object seed = seed(c.request.result(), value0);
        Object[] adjointArgs = Differentiated.copyArguments(args);
        Object[] sinks = buffers(ps, args);
        List<Object> call = new ArrayList<>(List.of(adjointArgs));
        call.add(seed);
        call.addAll(List.of(sinks));
        Object value1;
        try {
            value1 = vjp.invoke(null, call.toArray());
        } catch (ReflectiveOperationException | RuntimeException e) {
            c.problems.add(at + ": adjoint threw " + cause(e));
            return null;
        }
        String valueProblem = compareValues(value0, value1);
        if (valueProblem != null) {
            c.problems.add(at + ": " + valueProblem);
            return null;
        }
        for (int i = 0; i < ps.size(); i++) {
            if (!Arrays.deepEquals(new Object[] {originalArgs[i]}, new Object[] {adjointArgs[i]})) {
                c.problems.add(at + ": the adjoint leaves " + ps.get(i).name() + " = " + describe(adjointArgs[i])
                        + " but the method leaves " + describe(originalArgs[i]));
                return null;
            }
        }
        double[] gradient = Differentiated.flatten(sinks);
        if (expected != null) {
            for (int k = 0; k < Math.max(expected.length, gradient.length); k++) {
                if (k >= gradient.length
                        || k >= expected.length
                        || !(Math.abs(gradient[k] - expected[k]) <= tolerance * Math.max(1, Math.abs(expected[k])))) {
                    c.problems.add(at + ": gradient " + Arrays.toString(gradient) + ", published "
                            + Arrays.toString(expected));
                    return null;
                }
            }
            return gradient;
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
            c.problems.add("the test is wrong " + at + ": the method throws near the point: " + cause(e));
            return null;
        }
        double rtol = isFloat ? 2e-3 : 1e-5;
        double atol = isFloat ? 2e-3 : 1e-7;
        for (int k = 0; k < x0.length; k++) {
            double tol = atol + rtol * Math.max(Math.abs(gradient[k]), Math.abs(numeric[k]));
            if (!(Math.abs(gradient[k] - numeric[k]) <= tol)) {
                c.problems.add(at + ": gradient " + Arrays.toString(round(gradient)) + ", central differences "
                        + Arrays.toString(round(numeric)));
                return null;
            }
        }
        return gradient;
    }

    // ---------------------------------------------------------------- table

    private static void writeTable(List<Case> cases, String table) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        StringBuilder rows = new StringBuilder();
        for (Case c : cases) {
            String kind = c.outcome == null
                    ? "none"
                    : c.outcome.contains(":") ? c.outcome.substring(0, c.outcome.indexOf(':')) : c.outcome;
            counts.merge(kind, 1, Integer::sum);
            String shown = c.outcome
                    + (c.forward.isEmpty() ? "" : " (" + String.join(", ", c.forward) + ")")
                    + (c.problems.isEmpty() ? "" : " — **PROBLEM**: " + String.join("; ", c.problems));
            rows.append("| `")
                    .append(c.fn.id())
                    .append("` | ")
                    .append(c.fn.origin())
                    .append(" | ")
                    .append(shown.replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }
        String text = "# Ported functions: outcomes\n\n" + cases.size() + " functions: " + counts + "\n\n"
                + "| function | origin | outcome (strategy AUTO) |\n|---|---|---|\n" + rows;
        Path out = Path.of("target", table + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        for (Case c : cases) {
            if (!c.problems.isEmpty() && c.autoT != null) {
                Path dir = Path.of("target", table, c.fn.id());
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(c.fn.simpleClassName() + ".java"), c.auto);
                for (Translation t : c.tapeT == null ? List.of(c.autoT) : List.of(c.autoT, c.tapeT)) {
                    for (Map.Entry<String, String> g : t.generated().entrySet()) {
                        Files.writeString(
                                dir.resolve(g.getKey().substring(g.getKey().lastIndexOf('.') + 1) + ".java"),
                                g.getValue());
                    }
                }
            }
        }
    }
}
