package dev.adjoint.generator;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one generator run.
 *
 * @param upToDate true when nothing changed since the last successful run and nothing was written
 * @param diagnostics every problem found, sorted by file and position; any error means nothing was
 *     written
 * @param written generated files whose content changed (or that did not exist)
 * @param unchanged generated files whose content was already on disk, left untouched
 * @param methods one line per differentiated method: {@code p.Model#loss: static} and the like
 */
public record GenerationResult(
        boolean upToDate,
        List<Diagnostic> diagnostics,
        List<Path> written,
        List<Path> unchanged,
        List<String> methods) {

    public GenerationResult {
        diagnostics = List.copyOf(diagnostics);
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        methods = List.copyOf(methods);
    }

    /** Whether any diagnostic is an error (then no file was written). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The errors only. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
