package dev.adjoint.generator;

import dev.adjoint.generator.driver.BuildReport;
import dev.adjoint.generator.driver.IncrementalState;
import dev.adjoint.generator.driver.OutputWriter;
import dev.adjoint.generator.driver.SourceScanner;
import dev.adjoint.generator.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * returns {@code upToDate = true}.
     */
    public static GenerationResult generate(GenerationRequest request) {
        List<Path> files = SourceScanner.scan(request.sourceRoots(), request.includes(), request.excludes());
        Map<Path, String> sources = read(files);
        IncrementalState state = IncrementalState.of(request, sources);
        if (state.isUpToDate()) {
            return new GenerationResult(true, List.of(), List.of(), List.of(), List.of());
        }
        Translation translation = Pipeline.translate(sources, Optional.empty(), dev.adjoint.generator.analyze.Options.DEFAULT,
                request.failOnTapeFallback());
        if (translation.hasErrors()) {
            return new GenerationResult(false, translation.diagnostics(), List.of(), List.of(), translation.methods());
        }
        OutputWriter.Outcome outcome = OutputWriter.write(request.outputDirectory(), translation.generated(), state.previousOutputs());
        state.save(outcome.all());
        if (request.reportFile() != null) {
            BuildReport.write(request.reportFile(), translation.methods());
        }
        return new GenerationResult(false, translation.diagnostics(), outcome.written(), outcome.unchanged(), translation.methods());
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
     * The adjoint of one method, for inspection without a build.
     *
     * @param sourceRoots where to look for the method's class
     * @param methodRef {@code p.Model#loss} (a nested class as {@code p.Outer.Inner#loss})
     * @return the generated class, reduced to the methods generated for {@code methodRef}, or the
     *     diagnostics that explain why there is none
     */
    public static Translation show(List<Path> sourceRoots, String methodRef) {
        List<Path> files = SourceScanner.scan(sourceRoots, List.of(), List.of());
        return Pipeline.translate(read(files), Optional.of(methodRef));
    }

    /** {@link #translate} restricted to one method, {@code p.Model#loss}. */
    public static Translation translateOnly(Map<Path, String> sources, String methodRef) {
        return Pipeline.translate(sources, Optional.of(methodRef));
    }

    private static Map<Path, String> read(List<Path> files) {
        Map<Path, String> sources = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                sources.put(f, Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return sources;
    }
}
