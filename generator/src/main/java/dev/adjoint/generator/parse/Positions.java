package dev.adjoint.generator.parse;

import com.github.javaparser.ast.Node;
import dev.adjoint.generator.Diagnostic;
import java.nio.file.Path;

/** Diagnostics positioned at a syntax node's first character. */
public final class Positions {
    private Positions() {}

    /** An error at {@code node}'s beginning (1-based line and column). */
    public static Diagnostic error(Path file, Node node, String message) {
        var begin = node.getBegin();
        return Diagnostic.error(file, begin.map(p -> p.line).orElse(0), begin.map(p -> p.column).orElse(0), message);
    }

    /** The node's source on one line (comments dropped, whitespace collapsed). */
    public static String oneLine(Node node) {
        Node copy = node.clone();
        copy.getAllContainedComments().forEach(c -> c.remove());
        copy.getComment().ifPresent(c -> copy.removeComment());
        return copy.toString().replaceAll("\\s+", " ").trim();
    }
}
