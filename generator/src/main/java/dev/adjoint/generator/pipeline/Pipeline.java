package dev.adjoint.generator.pipeline;

import com.github.javaparser.ast.body.MethodDeclaration;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.emit.AdjointClassEmitter;
import dev.adjoint.generator.emit.GradClassEmitter;
import dev.adjoint.generator.forward.HvpMethod;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.parse.SourceParser;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.select.ClasspathCallees;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Runs the passes in order over a set of sources. */
public final class Pipeline {
    private Pipeline() {}

    /** Translates {@code sources} with every optimisation on. */
    public static Translation translate(Map<Path, String> sources, Optional<String> onlyMethod) {
        return translate(sources, onlyMethod, Options.DEFAULT);
    }

    /**
     * Translates {@code sources}; with {@code onlyMethod} ({@code p.Model#loss}), keeps only that
     * method's adjoint.
     */
    public static Translation translate(Map<Path, String> sources, Optional<String> onlyMethod, Options options) {
        return translate(sources, onlyMethod, options, false);
    }

    /**
     * As {@link #translate(Map, Optional, Options)}; with {@code failOnTapeFallback}, a method
     * whose strategy is AUTO and that the static transformation rejects is an error instead of
     * going to the tape.
     */
    public static Translation translate(
            Map<Path, String> sources, Optional<String> onlyMethod, Options options, boolean failOnTapeFallback) {
        return translate(sources, onlyMethod, options, failOnTapeFallback, file -> true);
    }

    /**
     * As {@link #translate(Map, Optional, Options, boolean)}, keeping in the result only the
     * generated classes and method lines of files that {@code output} accepts: the others are read
     * and translated as usual (their methods can be called, their errors are reported) but not
     * emitted. The classes kept are exactly those a translation of all the files gives.
     */
    public static Translation translate(
            Map<Path, String> sources,
            Optional<String> onlyMethod,
            Options options,
            boolean failOnTapeFallback,
            java.util.function.Predicate<Path> output) {
        return translate(sources, onlyMethod, options, failOnTapeFallback, output, List.of());
    }

    /**
     * As {@link #translate(Map, Optional, Options, boolean, java.util.function.Predicate)}, with
     * calls to classes the sources do not declare resolved against the compiled classes of
     * {@code classpath} (their {@code @Differentiable} methods are called through their compiled
     * adjoints).
     */
    public static Translation translate(
            Map<Path, String> sources,
            Optional<String> onlyMethod,
            Options options,
            boolean failOnTapeFallback,
            java.util.function.Predicate<Path> output,
            List<Path> classpath) {
        return onALargeStack(() -> {
            try (ClasspathCallees compiled = ClasspathCallees.of(classpath)) {
                return translateHere(sources, onlyMethod, options, failOnTapeFallback, output, compiled);
            }
        });
    }

    /**
     * The passes (JavaParser's among them) recurse once per level of nesting; a thread's default
     * stack (512 KiB to 8 MiB) overflows at a few hundred levels of an expression that javac
     * compiles. So translation runs on a thread of its own with a large stack (reserved address
     * space, committed only as far as it is used); what still overflows is reported as "nested too
     * deeply" at the file or method (see {@link SourceParser} and {@link #translateHere}).
     */
    private static Translation onALargeStack(java.util.function.Supplier<Translation> work) {
        Translation[] result = new Translation[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        result[0] = work.get();
                    } catch (RuntimeException | Error e) {
                        failure[0] = e;
                    }
                },
                "adjoint-translate",
                STACK_BYTES);
        t.setDaemon(true); // never what keeps a JVM alive
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // finish the translation (it is short), then restore the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        return result[0];
    }

    /** The translation thread's stack: enough for thousands of levels of nesting. */
    private static final long STACK_BYTES = 512L << 20;

    /** {@code (... (x * 1.001 + 0.001) ...)} nested past any stack: an error at the method, not a StackOverflowError. */
    /**
     * The error for a gradient class that two uses of its type would write differently: the
     * object's own with {@code wrt = "this"} (private fields, held arrays of records), an array's
     * elements', an object parameter's (its nested objects).
     */
    private static Diagnostic twoGradClasses(String gradClass, MethodRequest r) {
        return Positions.error(
                r.file(),
                r.declaration().getName(),
                "the build would write two different '" + gradClass + "': its"
                        + " class is differentiated both as an object parameter (or the elements of an array) and with wrt = \"this\" (here"
                        + " or in '" + r.name()
                        + "'), and the two gradients mirror different fields (an object parameter's: the fields the"
                        + " generated class can read and the records and objects it holds; the object's own: also its private fields and"
                        + " the arrays of records it holds); differentiate the class one way, e.g. make the static method an instance"
                        + " method of the class with wrt = \"this\"");
    }

    private static Diagnostic tooDeep(MethodRequest r) {
        return Positions.error(
                r.file(),
                r.declaration().getName(),
                "'" + r.name() + "' is nested too deeply for Adjoint to"
                        + " differentiate (an expression or statements nested thousands of levels deep); compute parts of it into"
                        + " local variables");
    }

    /**
     * Drops the tangent methods that call a {@code Jvp} which is not generated (a callee on the
     * tape, or whose own tangent was dropped), until none does. A callee outside this translation
     * ({@code onlyMethod}) is assumed to have its own; a compiled one of the classpath has one when
     * its adjoint class does.
     */
    private static void keepCallableTangents(
            Map<MethodRequest, JvpMethod> jvps, java.util.Set<MethodRequest> translated, ClasspathCallees compiled) {
        boolean changed = true;
        while (changed) {
            changed = jvps.values()
                    .removeIf(j -> j.callees().stream()
                            .anyMatch(
                                    c -> (translated.contains(c) && !jvps.containsKey(c)) || !compiled.hasTangent(c)));
        }
    }

    private static Translation translateHere(
            Map<Path, String> sources,
            Optional<String> onlyMethod,
            Options options,
            boolean failOnTapeFallback,
            java.util.function.Predicate<Path> output,
            ClasspathCallees compiled) {
        FrontEnd.Prepared front = FrontEnd.prepare(sources, onlyMethod, compiled);
        List<Diagnostic> diagnostics = new ArrayList<>(front.diagnostics());
        List<MethodRequest> requests = front.requests();
        MethodIndex index = front.index();
        Set<MethodDeclaration> implicit = front.implicit();
        Map<MethodRequest, AdjointMethod> done = new LinkedHashMap<>();
        Map<MethodRequest, JvpMethod> jvps = new LinkedHashMap<>();
        Map<MethodRequest, JvpMethod> pairs = new LinkedHashMap<>();
        Map<String, String> whyNoPair = new LinkedHashMap<>();
        List<String> methods = new ArrayList<>();
        List<MethodRequest> taped = new ArrayList<>();
        WrtVariants variants = new WrtVariants(index);
        Map<MethodRequest, List<Diagnostic>> refusedOffers = new LinkedHashMap<>();
        java.util.Deque<MethodRequest> work = new java.util.ArrayDeque<>(requests);
        while (!work.isEmpty() || variants.hasNext()) {
            MethodRequest r = work.isEmpty() ? variants.next() : work.poll(); // (the variants the methods so far call)
            Strategies.Choice c;
            try {
                c = Strategies.choose(r, index, options, failOnTapeFallback, variants);
            } catch (StackOverflowError deep) {
                diagnostics.add(tooDeep(r));
                continue;
            }
            if (variants.onlyOffered(r)
                    && (c.method().isEmpty() || c.diagnostics().stream().anyMatch(Diagnostic::isError))) {
                refusedOffers.put(r, c.diagnostics()); // (reported only if a caller turns out to need it)
                continue;
            }
            diagnostics.addAll(variants.onlyOffered(r) ? List.of() : c.diagnostics());
            if (c.method().isPresent()) {
                done.put(r, c.method().get());
                if (!variants.isVariant(r) && output.test(r.file()) && !implicit.contains(r.declaration())) {
                    variants.offer(r);
                }
                c.jvp().ifPresent(j -> jvps.put(r, j));
                c.pair().pair().ifPresent(j -> pairs.put(r, j));
                if (!variants.isVariant(r)) {
                    whyNoPair.put(r.methodRef(), c.pair().whyNot());
                }
                if (output.test(r.file()) && !variants.isVariant(r)) {
                    methods.add(r.methodRef() + ": " + c.report()
                            + (implicit.contains(r.declaration())
                                    ? " (not annotated: differentiated because a @Differentiable method calls it)"
                                    : ""));
                }
                if (c.method().get().recorder().isPresent()) {
                    taped.add(r);
                }
            }
        }
        refusedOffers.forEach((v, why) -> {
            if (!variants.onlyOffered(v)) {
                diagnostics.addAll(why); // a variant's own callees called it after all
            }
        });
        front.inlined().stream().filter(i -> output.test(i.file())).forEach(i -> methods.add(i.line()));
        try {
            Strategies.addRecordersForCallees(taped, done, index, diagnostics);
        } catch (StackOverflowError deep) {
            taped.forEach(r -> diagnostics.add(tooDeep(r)));
        }
        keepCallableTangents(jvps, done.keySet(), compiled);
        // notes only on the methods the user annotated, in the files written (a plain helper's missing Hvp is no news)
        List<Diagnostic> notes = new ArrayList<>();
        Set<MethodRequest> own =
                new java.util
                        .LinkedHashSet<>(); // (in done's order: which Hvp claims a helper name first must not vary)
        done.keySet().stream()
                .filter(r -> !variants.isVariant(r))
                .forEach(own::add); // (a variant has a Vjp and a Jvp only)
        Map<MethodRequest, HvpMethod> hvps = Hessians.all(
                own,
                pairs,
                whyNoPair,
                index,
                options,
                r -> output.test(r.file()) && !implicit.contains(r.declaration()),
                notes,
                variants);
        if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
            diagnostics.addAll(notes); // (beside an error, what is not generated is noise: nothing is)
        }
        Modes.narrow(jvps, hvps);
        if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
            diagnostics.addAll(Modes.missingJacobians(
                    own, jvps, r -> output.test(r.file()) && !implicit.contains(r.declaration())));
        }
        Set<MethodRequest> jacobiansByRows = Modes.jacobiansByRows(own, jvps);
        Map<String, List<AdjointMethod>> byClass = new LinkedHashMap<>();
        Map<String, Path> fileOf = new LinkedHashMap<>();
        for (Map.Entry<MethodRequest, AdjointMethod> e : done.entrySet()) {
            MethodRequest r = e.getKey();
            if (!output.test(r.file())) {
                continue;
            }
            byClass.computeIfAbsent(r.adjointQualifiedName(), k -> new ArrayList<>())
                    .add(e.getValue());
            fileOf.put(r.adjointQualifiedName(), r.file());
        }
        diagnostics.sort(Diagnostic.BY_POSITION);
        // a helper inlined twice reports its problem once (both copies share the helper's position)
        List<Diagnostic> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(diagnostics));
        diagnostics.clear();
        diagnostics.addAll(distinct);
        TreeMap<String, String> generated = new TreeMap<>();
        if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
            for (Map.Entry<String, List<AdjointMethod>> e : byClass.entrySet()) {
                try {
                    generated.put(
                            e.getKey(),
                            AdjointClassEmitter.emit(
                                    fileOf.get(e.getKey()).getFileName().toString(),
                                    e.getValue(),
                                    jvps,
                                    hvps,
                                    jacobiansByRows,
                                    variants::isVariant));
                    GradClassEmitter.emitAll(
                            fileOf.get(e.getKey()).getFileName().toString(), e.getValue(), (name, text) -> {
                                String before = generated.putIfAbsent(name, text);
                                if (before != null && !before.equals(text)) {
                                    diagnostics.add(twoGradClasses(
                                            name, e.getValue().get(0).request()));
                                }
                            });
                } catch (StackOverflowError deep) {
                    e.getValue().forEach(m -> diagnostics.add(tooDeep(m.request())));
                }
            }
            if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
                diagnostics.sort(Diagnostic.BY_POSITION);
                generated.clear();
            }
        }
        return new Translation(generated, diagnostics, methods);
    }
}
