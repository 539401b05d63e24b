package dev.adjoint.generator;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * In-memory outcome of translating a set of sources: what would be written, and why not.
 *
 * @param generated generated source text by fully qualified class name (sorted, deterministic);
 *     empty when {@code diagnostics} holds an error
 * @param diagnostics every problem found, sorted by file and position
 * @param methods one line per differentiated method, {@code p.Model#loss: static}
 */
public record Translation(SortedMap<String, String> generated, List<Diagnostic> diagnostics, List<String> methods) {

    public Translation {
        generated = new TreeMap<>(generated);
        diagnostics = List.copyOf(diagnostics);
        methods = List.copyOf(methods);
    }

    /** Whether any diagnostic is an error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The generated sources as an unmodifiable map. */
    public Map<String, String> sources() {
        return java.util.Collections.unmodifiableSortedMap(generated);
    }
}
