package dev.adjoint.generator;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One problem found in a user's source, positioned at a 1-based line and column.
 *
 * @param severity whether the build must fail
 * @param file the source file (as given to the generator)
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param message the construct, why it is a problem, and what to do
 */
public record Diagnostic(Severity severity, Path file, int line, int column, String message) {

    /** Order of reporting: file, then position. */
    public static final Comparator<Diagnostic> BY_POSITION = Comparator.comparing(
                    (Diagnostic d) -> d.file().toString())
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::message);

    /** Whether the build must fail. */
    public enum Severity {
        ERROR,
        WARNING,
        NOTE
    }

    /** An error at a position. */
    public static Diagnostic error(Path file, int line, int column, String message) {
        return new Diagnostic(Severity.ERROR, file, line, column, message);
    }

    /** A warning at a position. */
    public static Diagnostic warning(Path file, int line, int column, String message) {
        return new Diagnostic(Severity.WARNING, file, line, column, message);
    }

    /** A note about a whole file (logged, never fails the build). */
    public static Diagnostic note(Path file, String message) {
        return new Diagnostic(Severity.NOTE, file, 0, 0, message);
    }

    /** Whether this diagnostic fails the build. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The javac-style form Maven users know: {@code /path/Model.java:[12,9] message} (without the
     * bracket when there is no position).
     */
    public String format() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":[" + line + "," + column + "] " + message;
    }

    @Override
    public String toString() {
        return severity + " " + format();
    }
}
