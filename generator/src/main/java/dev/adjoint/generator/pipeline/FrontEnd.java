package dev.adjoint.generator.pipeline;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.desugar.Desugaring;
import dev.adjoint.generator.objects.GradClassClashes;
import dev.adjoint.generator.objects.InstanceLifting;
import dev.adjoint.generator.objects.Receiver;
import dev.adjoint.generator.objects.RecordCallees;
import dev.adjoint.generator.objects.RecordTypes;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.parse.SourceParser;
import dev.adjoint.generator.select.ClasspathCallees;
import dev.adjoint.generator.select.ImplicitCallees;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.MethodSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The passes before a strategy is chosen, shared by the translation and the pass dumps: parse every
 * file, select the {@code @Differentiable} methods and the plain helpers they call, desugar each once,
 * and index what can be called.
 */
final class FrontEnd {
    private FrontEnd() {}

    /**
     * What the front end hands on.
     *
     * @param diagnostics every problem so far
     * @param requests the methods to differentiate (only {@code onlyMethod}'s when it is given)
     * @param implicit the plain methods selected because annotated ones call them
     * @param index every method differentiated code can call
     * @param inlined the build log's lines for plain helpers whose every call was replaced by their body
     */
    record Prepared(
            List<Diagnostic> diagnostics,
            List<MethodRequest> requests,
            Set<MethodDeclaration> implicit,
            MethodIndex index,
            List<Inlined> inlined) {}

    /** A plain helper inlined into the methods that call it (and not differentiated on its own), with its file. */
    record Inlined(Path file, String line) {}

    static Prepared prepare(Map<Path, String> sources, Optional<String> onlyMethod) {
        return prepare(sources, onlyMethod, ClasspathCallees.NONE);
    }

    /** As {@link #prepare(Map, Optional)}, with calls to classes the sources do not declare looked up in {@code classpath}. */
    static Prepared prepare(Map<Path, String> sources, Optional<String> onlyMethod, ClasspathCallees classpath) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Unit> parsedUnits = new ArrayList<>();
        for (Map.Entry<Path, String> e : new TreeMap<>(sources).entrySet()) {
            SourceParser.Parsed parsed = SourceParser.parse(e.getKey(), e.getValue());
            if (parsed.unit().isEmpty() && !mentionsAdjoint(e.getValue())) {
                // a file with nothing to differentiate (newer syntax, say) is not ours to fail the build over
                diagnostics.add(Diagnostic.note(
                        e.getKey(),
                        "not read by adjoint: it does not parse as Java "
                                + SourceParser.LEVEL.name().substring("JAVA_".length()) + " ("
                                + parsed.diagnostics().get(0).message()
                                + ") and declares no @Differentiable or @CustomDerivative"
                                + " method; its methods cannot be called from differentiated code"));
                continue;
            }
            diagnostics.addAll(parsed.diagnostics());
            parsed.unit().ifPresent(u -> parsedUnits.add(new Unit(e.getKey(), e.getValue(), u)));
        }
        // instance methods and record parameters become static methods of primitive parameters, before anything reads
        // them
        Map<Path, CompilationUnit> byFile = new LinkedHashMap<>();
        parsedUnits.forEach(u -> byFile.put(u.file(), u.unit()));
        dev.adjoint.generator.desugar.VarargsCalls.rewrite(
                List.copyOf(byFile.values())); // (sum(double... xs) takes a double[])
        dev.adjoint.generator.select.ClassNames.shareEnums(
                byFile.values()); // (an enum parameter may be of another file)
        RecordTypes recordTypes = RecordTypes.of(byFile);
        RecordCallees recordCallees = RecordCallees.of(byFile, recordTypes); // as declared, before lifting expands them
        parsedUnits.forEach(
                u -> diagnostics.addAll(InstanceLifting.lift(u.file(), u.unit(), recordTypes, recordCallees)));
        diagnostics.addAll(GradClassClashes.of(byFile));
        List<CompilationUnit> units = parsedUnits.stream().map(Unit::unit).toList();
        Selected selected = selectAll(parsedUnits, Set.of());
        // plain methods that the annotated ones call are differentiated too: select again with them
        Set<MethodDeclaration> implicit = ImplicitCallees.of(
                selected.requests(), MethodIndex.of(units, concat(selected.requests(), selected.customs()), classpath));
        if (!implicit.isEmpty()) {
            selected = selectAll(parsedUnits, implicit);
        }
        diagnostics.addAll(selected.diagnostics());
        List<MethodRequest> requests = new ArrayList<>(
                selected.requests().stream().map(Receiver::internal).toList());
        List<MethodRequest> customs = selected.customs();
        Map<MethodDeclaration, Set<MethodDeclaration>> inlinedBy = new java.util.IdentityHashMap<>();
        MethodIndex classes =
                MethodIndex.of(units, concat(requests, customs), classpath); // (for helpers of other classes)
        // Each body is desugared once, before either strategy or a caller reads it, and callers inline
        // helpers as written, not as desugared: a helper's loop-local array hoisted to its own top level
        // would stand inside the caller's loop once inlined there (and the result would depend on the order).
        Map<MethodDeclaration, BlockStmt> desugaredBodies = new java.util.IdentityHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            MethodDeclaration m = requests.get(i).declaration();
            Optional<BlockStmt> written = m.getBody().map(BlockStmt::clone);
            Desugaring.Desugared d = Desugaring.apply(requests.get(i), classes);
            inlinedBy.put(d.request().declaration(), d.inlined());
            requests.set(i, d.request()); // (reading the constants of the other classes' helpers it inlined)
            if (written.isPresent()) {
                desugaredBodies.put(m, m.getBody().orElseThrow());
                m.setBody(written.get());
            }
        }
        desugaredBodies.forEach(MethodDeclaration::setBody);
        for (MethodRequest r : requests) {
            diagnostics.addAll(dev.adjoint.generator.objects.InlinedCallees.remaining(
                    r, Desugaring.INLINED_STATEMENTS)); // calls that had to be inlined
        }
        Map<MethodDeclaration, List<MethodRequest>> inlinedInto = new java.util.IdentityHashMap<>();
        for (MethodRequest r : requests) {
            for (MethodDeclaration helper : transitively(r.declaration(), inlinedBy)) {
                inlinedInto.computeIfAbsent(helper, h -> new ArrayList<>()).add(r);
            }
        }
        requests = dropInlined(requests, implicit, units, customs);
        List<MethodRequest> callable = new ArrayList<>(requests);
        callable.addAll(customs); // a custom pullback wins over a generated adjoint for callers
        MethodIndex index = MethodIndex.of(units, callable, classpath);
        if (onlyMethod.isPresent()) {
            requests = requests.stream()
                    .filter(r -> r.methodRef().equals(onlyMethod.get())
                            || (r.packageName().isEmpty() ? "" : r.packageName() + ".")
                                    .concat(String.join("$", r.ownerPath()))
                                    .concat("#" + r.name())
                                    .equals(onlyMethod.get()))
                    .toList();
            if (requests.isEmpty() && diagnostics.stream().noneMatch(Diagnostic::isError)) {
                diagnostics.add(Diagnostic.error(
                        Path.of(onlyMethod.get()),
                        0,
                        0,
                        "no @Differentiable method " + onlyMethod.get()
                                + " was found in the source roots (write it as package.Class#method)"));
            }
        }
        return new Prepared(diagnostics, requests, implicit, index, inlinedLines(inlinedInto, requests, classes));
    }

    /**
     * The requests without the plain helpers that no differentiated method calls any more (their
     * every call was inlined, see {@code desugar/HelperCalls}): they need no adjoint of their own.
     */
    private static List<MethodRequest> dropInlined(
            List<MethodRequest> requests,
            Set<MethodDeclaration> implicit,
            List<CompilationUnit> units,
            List<MethodRequest> customs) {
        if (implicit.isEmpty()) {
            return requests;
        }
        List<MethodRequest> annotated = requests.stream()
                .filter(r -> !implicit.contains(r.declaration()))
                .toList();
        Set<MethodDeclaration> stillCalled =
                ImplicitCallees.of(annotated, MethodIndex.of(units, concat(annotated, customs)));
        return new ArrayList<>(requests.stream()
                .filter(r -> !implicit.contains(r.declaration()) || stillCalled.contains(r.declaration()))
                .toList());
    }

    /**
     * The helpers inlined into {@code m}, and those inlined into them before (a helper that was
     * itself desugared first brings its own inlined helpers along).
     */
    private static Set<MethodDeclaration> transitively(
            MethodDeclaration m, Map<MethodDeclaration, Set<MethodDeclaration>> inlinedBy) {
        Set<MethodDeclaration> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Deque<MethodDeclaration> work = new java.util.ArrayDeque<>(inlinedBy.getOrDefault(m, Set.of()));
        while (!work.isEmpty()) {
            MethodDeclaration h = work.pop();
            if (all.add(h)) {
                work.addAll(inlinedBy.getOrDefault(h, Set.of()));
            }
        }
        return all;
    }

    /** One line per plain helper that is not differentiated itself but inlined into the methods of {@code requests} that call it. */
    private static List<Inlined> inlinedLines(
            Map<MethodDeclaration, List<MethodRequest>> inlinedInto,
            List<MethodRequest> requests,
            MethodIndex sources) {
        Set<MethodDeclaration> differentiated = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        requests.forEach(r -> differentiated.add(r.declaration()));
        TreeMap<String, Inlined> lines = new TreeMap<>();
        for (Map.Entry<MethodDeclaration, List<MethodRequest>> e : inlinedInto.entrySet()) {
            List<MethodRequest> callers = e.getValue().stream()
                    .filter(r -> differentiated.contains(r.declaration()))
                    .toList();
            boolean plain = e.getKey().getAnnotations().stream()
                    .noneMatch(a -> a.getNameAsString().endsWith("Differentiable"));
            if (differentiated.contains(e.getKey()) || callers.isEmpty() || !plain) {
                continue;
            }
            // (a helper of another class is named after its own)
            // (a helper written from a record's method is named after that method)
            String ref = dev.adjoint.generator.objects.RecordMethods.reportedAs(e.getKey())
                    .orElse(sources.entryOf(e.getKey())
                                    .map(MethodIndex.Entry::ownerQualified)
                                    .orElse(callers.get(0).ownerQualifiedName())
                            + "#" + e.getKey().getNameAsString());
            String into = String.join(
                    ", ",
                    callers.stream()
                            .map(MethodRequest::methodRef)
                            .distinct()
                            .sorted()
                            .toList());
            lines.merge(
                    ref,
                    new Inlined(
                            callers.get(0).file(),
                            ref + ": inlined into " + into
                                    + " (not annotated: differentiated because a @Differentiable method calls it)"),
                    (a, b) -> a.line().compareTo(b.line()) <= 0 ? a : b);
        }
        return List.copyOf(lines.values());
    }

    /** Whether a file's text names Adjoint's annotations at all (a cheap test before trusting its syntax errors). */
    static boolean mentionsAdjoint(String text) {
        return text.contains("Differentiable") || text.contains("CustomDerivative");
    }

    private static List<MethodRequest> concat(List<MethodRequest> a, List<MethodRequest> b) {
        List<MethodRequest> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A parsed source file. */
    private record Unit(Path file, String text, CompilationUnit unit) {}

    /** What selection found in every file: the methods to differentiate, the custom pullbacks, the problems. */
    private record Selected(List<MethodRequest> requests, List<MethodRequest> customs, List<Diagnostic> diagnostics) {}

    /** Selects the annotated methods of {@code units}, and those of {@code implicit} as if they were annotated. */
    private static Selected selectAll(List<Unit> units, Set<MethodDeclaration> implicit) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<MethodRequest> requests = new ArrayList<>();
        List<MethodRequest> customs = new ArrayList<>();
        Map<String, Path> owners = new TreeMap<>();
        for (Unit u : units) {
            MethodSelector.Selection sel;
            try {
                sel = MethodSelector.select(u.file(), u.unit(), implicit);
            } catch (StackOverflowError deep) {
                diagnostics.add(SourceParser.tooDeep(u.file(), u.text()));
                continue;
            }
            diagnostics.addAll(sel.diagnostics());
            customs.addAll(sel.customs());
            for (MethodRequest r : sel.requests()) {
                Path other = owners.putIfAbsent(r.ownerQualifiedName(), r.file());
                if (other != null && !other.equals(r.file())) {
                    diagnostics.add(Positions.error(
                            r.file(),
                            r.declaration(),
                            "class " + r.ownerQualifiedName()
                                    + " is also defined in " + other + ": two source files define the same class;"
                                    + " remove one of them from the source roots"));
                    continue;
                }
                requests.add(r);
            }
        }
        return new Selected(requests, customs, diagnostics);
    }
}
