package dev.adjoint.generator;

import dev.adjoint.generator.analyze.Options;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything one generator run needs, immutable. The Maven plugin fills it from its parameters.
 *
 * @param sourceRoots directories scanned for {@code @Differentiable} methods
 * @param includes glob patterns (relative to a source root, {@code /}-separated) of files to
 *     read; empty means {@code **}{@code /*.java}
 * @param excludes glob patterns of files to skip, applied after {@code includes}
 * @param outputDirectory where adjoint classes are written, in package folders
 * @param stateFile where the fingerprint of the last successful run is kept (incremental builds);
 *     {@code null} turns incremental checking off
 * @param failOnTapeFallback whether a method with {@code strategy = AUTO} that the static
 *     transformation rejects is an error rather than a tape-strategy method
 * @param reportFile where the build report (one line per method: strategy and why) is written
 *     after a successful run; {@code null} for none
 * @param sourceEncoding the encoding sources are read in (the project's
 *     {@code project.build.sourceEncoding}); {@code null} for UTF-8
 * @param options the optimisations (all on, unless {@code adjoint.disable} switches some off to
 *     bisect a problem)
 * @param classpath the compiled classes (directories and jars) that calls may reach beyond the
 *     source roots: a {@code @Differentiable} method there is called through its generated adjoint
 *     on the same classpath; empty for none
 */
public record GenerationRequest(
        List<Path> sourceRoots,
        List<String> includes,
        List<String> excludes,
        Path outputDirectory,
        Path stateFile,
        boolean failOnTapeFallback,
        Path reportFile,
        Charset sourceEncoding,
        Options options,
        List<Path> classpath) {

    /** A request whose calls reach the source roots only. */
    public GenerationRequest(
            List<Path> sourceRoots,
            List<String> includes,
            List<String> excludes,
            Path outputDirectory,
            Path stateFile,
            boolean failOnTapeFallback,
            Path reportFile,
            Charset sourceEncoding,
            Options options) {
        this(
                sourceRoots,
                includes,
                excludes,
                outputDirectory,
                stateFile,
                failOnTapeFallback,
                reportFile,
                sourceEncoding,
                options,
                List.of());
    }

    /** A request reading sources as UTF-8, with every optimisation on. */
    public GenerationRequest(
            List<Path> sourceRoots,
            List<String> includes,
            List<String> excludes,
            Path outputDirectory,
            Path stateFile,
            boolean failOnTapeFallback,
            Path reportFile) {
        this(
                sourceRoots,
                includes,
                excludes,
                outputDirectory,
                stateFile,
                failOnTapeFallback,
                reportFile,
                StandardCharsets.UTF_8,
                Options.DEFAULT);
    }

    /** A request with every optimisation on. */
    public GenerationRequest(
            List<Path> sourceRoots,
            List<String> includes,
            List<String> excludes,
            Path outputDirectory,
            Path stateFile,
            boolean failOnTapeFallback,
            Path reportFile,
            Charset sourceEncoding) {
        this(
                sourceRoots,
                includes,
                excludes,
                outputDirectory,
                stateFile,
                failOnTapeFallback,
                reportFile,
                sourceEncoding,
                Options.DEFAULT);
    }

    /** A request without tape-fallback failure and without a report file. */
    public GenerationRequest(
            List<Path> sourceRoots,
            List<String> includes,
            List<String> excludes,
            Path outputDirectory,
            Path stateFile) {
        this(sourceRoots, includes, excludes, outputDirectory, stateFile, false, null);
    }

    public GenerationRequest {
        sourceRoots = List.copyOf(sourceRoots);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        sourceEncoding = sourceEncoding == null ? StandardCharsets.UTF_8 : sourceEncoding;
        options = options == null ? Options.DEFAULT : options;
        classpath = classpath == null ? List.of() : List.copyOf(classpath);
    }

    /** This request with calls resolved against {@code classpath} too. */
    public GenerationRequest withClasspath(List<Path> classpath) {
        return new GenerationRequest(
                sourceRoots,
                includes,
                excludes,
                outputDirectory,
                stateFile,
                failOnTapeFallback,
                reportFile,
                sourceEncoding,
                options,
                classpath);
    }

    /** A request over {@code sourceRoots} with default includes and no incremental state. */
    public static GenerationRequest of(List<Path> sourceRoots, Path outputDirectory) {
        return new GenerationRequest(sourceRoots, List.of(), List.of(), outputDirectory, null);
    }
}
