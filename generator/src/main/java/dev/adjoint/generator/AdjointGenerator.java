package dev.adjoint.generator;

import dev.adjoint.generator.driver.BuildReport;
import dev.adjoint.generator.driver.IncrementalState;
import dev.adjoint.generator.driver.OutputWriter;
import dev.adjoint.generator.driver.SourceScanner;
import dev.adjoint.generator.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generator's one entry point: sources in, adjoint sources (or positioned diagnostics) out.
 *
 * <p>Either every generated file is written or, when any error is found, none is: a build never
 * sees a partial output.
 */
public final class AdjointGenerator {
    private AdjointGenerator() {}

    /**
     * Scans the request's source roots, translates every {@code @Differentiable} method and writes
     * the adjoint classes whose content changed. When the inputs and the generator are the same as
     * at the last successful run (see {@link GenerationRequest#stateFile()}), writes nothing and
     * returns {@code upToDate = true}. Problems of the user's files or of the file system (a source
     * that is not UTF-8, an output folder that cannot be written) come back as diagnostics, never as
     * exceptions; a run with any error leaves every file as it found it.
     */
    public static GenerationResult generate(GenerationRequest request) {
        List<Path> files;
        try {
            files = SourceScanner.scan(request.sourceRoots(), request.includes(), request.excludes());
        } catch (UncheckedIOException e) {
            return failed(
                    List.of(Diagnostic.error(
                            request.sourceRoots().isEmpty()
                                    ? request.outputDirectory()
                                    : request.sourceRoots().get(0),
                            0,
                            0,
                            "cannot list the source files: " + e.getMessage() + " (" + e.getCause()
                                    + "); check that the source roots" + " are readable directories")),
                    List.of());
        }
        List<Diagnostic> unreadable = new ArrayList<>();
        Map<Path, String> sources = read(files, unreadable, request.sourceEncoding());
        IncrementalState state = IncrementalState.of(request, sources);
        if (unreadable.isEmpty() && state.isUpToDate()) {
            return new GenerationResult(true, List.of(), List.of(), List.of(), List.of());
        }
        // the readable files are translated even so: a build reports all its errors at once
        Translation translation = Pipeline.translate(
                sources,
                Optional.empty(),
                request.options(),
                request.failOnTapeFallback(),
                file -> true,
                request.classpath());
        if (translation.hasErrors() || !unreadable.isEmpty()) {
            List<Diagnostic> all = new ArrayList<>(unreadable);
            all.addAll(translation.diagnostics());
            all.sort(Diagnostic.BY_POSITION);
            return failed(all, translation.methods());
        }
        Map<Path, String> others = new LinkedHashMap<>();
        if (request.reportFile() != null) {
            others.put(request.reportFile(), BuildReport.content(translation.methods()));
        }
        if (state.stateFile() != null) {
            others.put(
                    state.stateFile(),
                    state.content(OutputWriter.byTarget(request.outputDirectory(), translation.generated())));
        }
        OutputWriter.Outcome outcome =
                OutputWriter.write(request.outputDirectory(), translation.generated(), others, state.previousOutputs());
        if (!outcome.diagnostics().isEmpty()) {
            List<Diagnostic> all = new ArrayList<>(translation.diagnostics());
            all.addAll(outcome.diagnostics());
            return failed(all, translation.methods());
        }
        return new GenerationResult(
                false, translation.diagnostics(), outcome.written(), outcome.unchanged(), translation.methods());
    }

    private static GenerationResult failed(List<Diagnostic> diagnostics, List<String> methods) {
        return new GenerationResult(false, diagnostics, List.of(), List.of(), methods);
    }

    /**
     * Translates sources held in memory (tests, the CLI): nothing is read from or written to disk.
     *
     * @param sources source text by file path (the path is used in diagnostics only)
     */
    public static Translation translate(Map<Path, String> sources) {
        return Pipeline.translate(sources, Optional.empty());
    }

    /**
     * As {@link #translate(Map)}, with the plugin's {@code failOnTapeFallback}: a method that would
     * fall back to the tape strategy is an error (the annotation processor's option).
     */
    public static Translation translate(Map<Path, String> sources, boolean failOnTapeFallback) {
        return Pipeline.translate(
                sources, Optional.empty(), dev.adjoint.generator.analyze.Options.DEFAULT, failOnTapeFallback);
    }

    /**
     * The generated gradient tests of {@code sources} (held in memory): one JUnit 5 class per
     * owner ({@code p.ModelGradientTest}) that checks each {@code @Differentiable} method's
     * adjoint against central differences at its {@code @GradientCheck} points.
     */
    public static Translation gradientChecks(Map<Path, String> sources) {
        return dev.adjoint.generator.pipeline.Checks.translate(sources);
    }

    /**
     * Writes the generated gradient tests of the request's sources into {@code checksDirectory}
     * (only files whose content changed; test classes of owners that are gone are deleted). The
     * adjoints themselves are {@link #generate}'s; run it first.
     */
    public static GenerationResult generateChecks(GenerationRequest request, Path checksDirectory) {
        List<Diagnostic> problems = new ArrayList<>();
        Map<Path, String> sources;
        try {
            sources = read(
                    SourceScanner.scan(request.sourceRoots(), request.includes(), request.excludes()),
                    problems,
                    request.sourceEncoding());
        } catch (UncheckedIOException e) {
            return failed(
                    List.of(Diagnostic.error(checksDirectory, 0, 0, "cannot list the source files: " + e.getCause())),
                    List.of());
        }
        Translation t = dev.adjoint.generator.pipeline.Checks.translate(sources, request.classpath());
        if (t.hasErrors()) {
            return failed(t.diagnostics(), List.of());
        }
        java.util.Set<Path> previous = new java.util.TreeSet<>();
        if (Files.isDirectory(checksDirectory)) {
            try (var files = Files.walk(checksDirectory)) {
                files.filter(f -> f.getFileName().toString().endsWith("GradientTest.java"))
                        .forEach(previous::add);
            } catch (IOException | UncheckedIOException e) {
                return failed(
                        List.of(Diagnostic.error(checksDirectory, 0, 0, "cannot list the generated tests: " + e)),
                        List.of());
            }
        }
        OutputWriter.Outcome outcome = OutputWriter.write(checksDirectory, t.generated(), Map.of(), previous);
        if (!outcome.diagnostics().isEmpty()) {
            return failed(outcome.diagnostics(), List.of());
        }
        return new GenerationResult(false, t.diagnostics(), outcome.written(), outcome.unchanged(), List.of());
    }

    /**
     * The intermediate form of {@code sources} after {@code stage} ({@code normalize},
     * {@code analyze}, {@code reverse}, {@code optimize}), as stable text, for debugging the generator.
     *
     * @throws IllegalArgumentException for an unknown stage, naming the valid ones
     */
    public static String dump(
            Map<Path, String> sources,
            String stage,
            Optional<String> onlyMethod,
            dev.adjoint.generator.analyze.Options options) {
        dev.adjoint.generator.pipeline.Dumps.Stage s = dev.adjoint.generator.pipeline.Dumps.Stage.of(stage)
                .orElseThrow(() -> new IllegalArgumentException("unknown stage '" + stage
                        + "' to dump; the stages are normalize, analyze, reverse," + " optimize"));
        return dev.adjoint.generator.pipeline.Dumps.dump(sources, s, onlyMethod, options);
    }

    /** {@link #dump(Map, String, Optional, dev.adjoint.generator.analyze.Options)} of the request's source roots. */
    public static String dump(GenerationRequest request, String stage, Optional<String> onlyMethod) {
        List<Diagnostic> unreadable = new ArrayList<>();
        Map<Path, String> sources = read(
                SourceScanner.scan(request.sourceRoots(), request.includes(), request.excludes()),
                unreadable,
                request.sourceEncoding());
        String problems =
                unreadable.stream().map(d -> "// " + d.format() + "\n").collect(java.util.stream.Collectors.joining());
        return problems + dump(sources, stage, onlyMethod, request.options());
    }

    /**
     * The adjoint of one method, for inspection without a build.
     *
     * @param sourceRoots where to look for the method's class
     * @param methodRef {@code p.Model#loss} (a nested class as {@code p.Outer.Inner#loss})
     * @return the generated class, reduced to the methods generated for {@code methodRef}, or the
     *     diagnostics that explain why there is none
     */
    public static Translation show(List<Path> sourceRoots, String methodRef) {
        return show(sourceRoots, methodRef, StandardCharsets.UTF_8);
    }

    /** As {@link #show(List, String)}, with sources read in {@code encoding}. */
    public static Translation show(List<Path> sourceRoots, String methodRef, java.nio.charset.Charset encoding) {
        return show(sourceRoots, methodRef, encoding, List.of());
    }

    /**
     * As {@link #show(List, String, java.nio.charset.Charset)}, with calls to classes of no source
     * root resolved against the compiled classes of {@code classpath}, as {@link #generate} does
     * with {@link GenerationRequest#classpath()}: the method shown is the one the build writes.
     */
    public static Translation show(
            List<Path> sourceRoots, String methodRef, java.nio.charset.Charset encoding, List<Path> classpath) {
        List<Path> files = SourceScanner.scan(sourceRoots, List.of(), List.of());
        List<Diagnostic> unreadable = new ArrayList<>();
        Translation t = Pipeline.translate(
                read(files, unreadable, encoding),
                Optional.of(methodRef),
                dev.adjoint.generator.analyze.Options.DEFAULT,
                false,
                file -> true,
                classpath);
        if (unreadable.isEmpty()) {
            return t;
        }
        List<Diagnostic> all = new ArrayList<>(unreadable);
        all.addAll(t.diagnostics());
        all.sort(Diagnostic.BY_POSITION);
        return new Translation(new java.util.TreeMap<>(), all, t.methods());
    }

    /**
     * Translates {@code sources} as {@link #translate} does, with {@code context} read for the
     * methods they may call: the classes generated from {@code context} files, and their method
     * lines, are left out of the result, but their errors are reported. What is kept is exactly
     * what translating all the files together gives for {@code sources} (the CLI's
     * {@code --sourcepath}).
     *
     * @param sources source text by file path: the files whose adjoint classes are wanted
     * @param context further files (a path also in {@code sources} counts as a source)
     * @param onlyMethod {@code p.Model#loss} to keep one method only
     */
    public static Translation translate(
            Map<Path, String> sources, Map<Path, String> context, Optional<String> onlyMethod) {
        return translate(sources, context, onlyMethod, dev.adjoint.generator.analyze.Options.DEFAULT);
    }

    /** As {@link #translate(Map, Map, Optional)}, with {@code options} ({@code --disable}). */
    public static Translation translate(
            Map<Path, String> sources,
            Map<Path, String> context,
            Optional<String> onlyMethod,
            dev.adjoint.generator.analyze.Options options) {
        return translate(sources, context, onlyMethod, options, List.of());
    }

    /**
     * As {@link #translate(Map, Map, Optional, dev.adjoint.generator.analyze.Options)}, with calls to
     * classes that no file declares resolved against the compiled classes of {@code classpath}
     * (the CLI's {@code --classpath}).
     */
    public static Translation translate(
            Map<Path, String> sources,
            Map<Path, String> context,
            Optional<String> onlyMethod,
            dev.adjoint.generator.analyze.Options options,
            List<Path> classpath) {
        Map<Path, String> all = new LinkedHashMap<>(context);
        all.putAll(sources);
        return Pipeline.translate(all, onlyMethod, options, false, sources::containsKey, classpath);
    }

    /** {@link #translate} restricted to one method, {@code p.Model#loss}. */
    public static Translation translateOnly(Map<Path, String> sources, String methodRef) {
        return Pipeline.translate(sources, Optional.of(methodRef));
    }

    /** Reads {@code files} in {@code encoding}; a file that cannot be read is a diagnostic in {@code problems}, not an exception. */
    private static Map<Path, String> read(
            List<Path> files, List<Diagnostic> problems, java.nio.charset.Charset encoding) {
        Map<Path, String> sources = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                decode(f, Files.readAllBytes(f), problems, encoding).ifPresent(text -> sources.put(f, text));
            } catch (IOException | RuntimeException e) {
                problems.add(Diagnostic.error(
                        f, 0, 0, "cannot read this source file (" + e + "); check that it is a readable file"));
            }
        }
        return sources;
    }

    /**
     * The text of {@code bytes} in {@code encoding}, or a diagnostic at the first byte that is not
     * (javac's "unmappable character for encoding UTF-8"): Adjoint, like the build's javac, reads
     * sources in the project's {@code project.build.sourceEncoding}. The CLI decodes its inputs with
     * it too, so that a file saved in another encoding is the same positioned error there.
     */
    public static Optional<String> decode(
            Path file, byte[] bytes, List<Diagnostic> problems, java.nio.charset.Charset encoding) {
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (!r.isError()) {
            return Optional.of(out.flip().toString());
        }
        String before = out.flip().toString();
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        if (encoding.equals(StandardCharsets.UTF_8)) {
            problems.add(Diagnostic.error(
                    file,
                    line,
                    column,
                    String.format(
                            "byte 0x%02X is not UTF-8: Adjoint reads sources as UTF-8,"
                                    + " as javac does with <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>; it was saved in another"
                                    + " encoding (ISO-8859-1 or windows-1252, for instance): save it as UTF-8 and build again",
                            bytes[in.position()] & 0xFF)));
        } else {
            problems.add(Diagnostic.error(
                    file,
                    line,
                    column,
                    String.format(
                            "byte 0x%02X is not %s, the project's"
                                    + " project.build.sourceEncoding: save the file in that encoding, or set the encoding it was saved in",
                            bytes[in.position()] & 0xFF, encoding.name())));
        }
        return Optional.empty();
    }
}
