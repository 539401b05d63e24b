package dev.adjoint.generator.ir;

import java.util.Optional;

/**
 * The user statement an IR statement was lowered from, for {@code // grad of (Gmm.java:144):} comments.
 *
 * @param id distinct per user statement, in source order
 * @param text the statement's source, on one line
 * @param line 1-based source line
 * @param file the name (no directory) of the file the statement is written in: the method's, or
 *     that of a helper of another file inlined into it; empty for code Adjoint generated
 */
public record Origin(int id, String text, int line, String file) {
    /** Where the statement is written, as comments name it ({@code Gmm.java:144}); empty for generated code. */
    public Optional<String> position() {
        return file.isEmpty() ? Optional.empty() : Optional.of(line > 0 ? file + ":" + line : file);
    }
}
