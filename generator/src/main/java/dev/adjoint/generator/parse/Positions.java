package dev.adjoint.generator.parse;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import dev.adjoint.generator.Diagnostic;
import java.nio.file.Path;
import java.util.Optional;

/** Diagnostics positioned at a syntax node's first character, and the lines generated comments name. */
public final class Positions {
    private Positions() {}

    /**
     * An error at {@code node}'s beginning (1-based line and column); for a node a pass made
     * without a position, at the nearest enclosing node that has one.
     */
    public static Diagnostic error(Path file, Node node, String message) {
        Optional<com.github.javaparser.Position> begin = node.getBegin();
        for (Optional<Node> n = node.getParentNode();
                begin.isEmpty() && n.isPresent();
                n = n.get().getParentNode()) {
            begin = n.get().getBegin();
        }
        return Diagnostic.error(
                file, begin.map(p -> p.line).orElse(0), begin.map(p -> p.column).orElse(0), message);
    }

    /**
     * Gives {@code made}, a node a pass writes in place of (or next to) {@code at}, {@code at}'s
     * position, in its every node (see {@link #placeAt}).
     */
    public static <N extends Node> N standAt(N made, Node at) {
        made.walk(n -> placeAt(n, at));
        return made;
    }

    /**
     * Gives {@code node} (not its children) {@code at}'s position so that a copy of it keeps that
     * position: a copy ({@code clone()}) takes its position from its tokens, not from one set by
     * {@code setRange}, so a node parsed from a template, or copied from another file, would
     * otherwise point back into the template's text ({@code [1,145]}) or the other file once copied
     * again (a callee desugared first, then inlined). Where {@code at}'s own tokens are not where
     * it stands, the node keeps no tokens and only the position (a copy then has none, and an error
     * in it points at the nearest enclosing node that has one).
     */
    public static void placeAt(Node node, Node at) {
        Optional<com.github.javaparser.TokenRange> tokens =
                at.getTokenRange().filter(t -> t.toRange().equals(at.getRange()));
        if (tokens.isPresent()) {
            node.setTokenRange(tokens.get());
        } else {
            node.setTokenRange(null);
            at.getRange().ifPresent(node::setRange);
        }
    }

    /**
     * Gives every node of {@code tree}, which a pass built rather than parsed (the tangent the
     * {@code Hvp} differentiates again), a position in program order, with tokens as a parsed node
     * has them (a copy takes its position from its tokens): the passes after it order an element's
     * reads and writes by position ({@code normalize/ArrayWrites}) and find a copy's original by its
     * position, as they do in a parsed method. The positions are a pre-order walk, not a place in
     * any file: a token on a line of its own where the walk enters a node and one where it leaves
     * it, so that a node's range holds exactly its children's, in order, and no two nodes share one.
     * The tokens have no text: the node's text is printed as it stands ({@link #asWritten}).
     */
    public static void inProgramOrder(Node tree) {
        walk(tree, new com.github.javaparser.JavaToken[1]);
    }

    private static void walk(Node n, com.github.javaparser.JavaToken[] last) {
        com.github.javaparser.JavaToken begin = orderToken(last);
        for (Node c : n.getChildNodes()) {
            walk(c, last);
        }
        n.setTokenRange(new com.github.javaparser.TokenRange(begin, orderToken(last)));
    }

    /** The next token of the walk, after {@code last[0]}, on the next line. */
    private static com.github.javaparser.JavaToken orderToken(com.github.javaparser.JavaToken[] last) {
        int line = last[0] == null ? 1 : last[0].getRange().orElseThrow().begin.line + 1;
        com.github.javaparser.Position at = new com.github.javaparser.Position(line, 1);
        com.github.javaparser.JavaToken t = new com.github.javaparser.JavaToken(
                new com.github.javaparser.Range(at, at),
                com.github.javaparser.JavaToken.Kind.SPACE.getKind(),
                "",
                null,
                null);
        if (last[0] != null) {
            last[0].insertAfter(t);
        }
        last[0] = t;
        return t;
    }

    /**
     * A line of a user's file, as generated comments name it: the file name only (never a
     * directory, so that the output is the same on every machine) and the 1-based line, 0 when unknown.
     */
    public record Line(String file, int line) {
        /** Code Adjoint generated and differentiates again (the tangents of a Hessian): no user's line. */
        public static final Line GENERATED = new Line("", 0);

        /** The line as a comment introduces the statement written there, {@code "(Gmm.java:144): "}; empty for generated code. */
        public String lead() {
            return file.isEmpty() ? "" : "(" + (line > 0 ? file + ":" + line : file) + "): ";
        }
    }

    /**
     * Where a node of another file's helper was written, attached to its copy inlined in a caller
     * (whose nodes take the call's position, so that errors point into the caller's file).
     */
    public static final DataKey<Line> WRITTEN_AT = new DataKey<>() {};

    /**
     * The names a method's inlined helpers' variables were written with, by the fresh names the
     * inliner gave them ({@code xf0} to {@code xf}), attached to the method: errors name what the
     * user wrote.
     */
    public static final DataKey<java.util.Map<String, String>> WRITTEN_AS = new DataKey<>() {};

    /** Records in {@code method} that its variable {@code fresh} was written {@code written} (see {@link #WRITTEN_AS}). */
    public static void renamed(Node method, String fresh, String written) {
        if (!method.containsData(WRITTEN_AS)) {
            method.setData(WRITTEN_AS, new java.util.HashMap<>());
        }
        method.getData(WRITTEN_AS).put(fresh, written);
    }

    /** The name variable {@code name} of {@code method} was written with (see {@link #WRITTEN_AS}). */
    public static String writtenName(Node method, String name) {
        return method.containsData(WRITTEN_AS) ? method.getData(WRITTEN_AS).getOrDefault(name, name) : name;
    }

    /**
     * The line {@code node} of {@code file} was written at: its own, the one of the helper of another
     * file it was inlined from, or {@link Line#GENERATED}.
     */
    public static Line line(Path file, Node node) {
        for (Optional<Node> n = Optional.of(node); n.isPresent(); n = n.get().getParentNode()) {
            if (n.get().containsData(WRITTEN_AT)) {
                return n.get().getData(WRITTEN_AT);
            }
        }
        return new Line(
                file.getFileName().toString(), node.getBegin().map(p -> p.line).orElse(0));
    }

    /**
     * The node's text as the user wrote it, on one line, while it still stands where its parsed
     * tokens were: a pass may have rewritten what is inside it ({@code o} of a for-each over records
     * is {@code book[o_i]} by then), and an error names what the user wrote ({@code discount(o)}).
     * A node a pass made, or moved, is printed as it stands ({@link #oneLine}).
     */
    public static String asWritten(Node node) {
        Optional<com.github.javaparser.TokenRange> tokens =
                node.getTokenRange().filter(t -> t.toRange().equals(node.getRange()));
        if (tokens.isEmpty()) {
            return oneLine(node);
        }
        StringBuilder text = new StringBuilder();
        for (com.github.javaparser.JavaToken t : tokens.get()) {
            if (t.getCategory().isComment()) {
                continue;
            }
            boolean space = t.getCategory().isWhitespaceOrComment();
            if (!space) {
                text.append(t.getText());
            } else if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
        }
        String written = text.toString().trim();
        // (tokens without text give a position only: inProgramOrder)
        return written.isEmpty() ? oneLine(node) : written;
    }

    /** The node's source on one line (comments dropped, whitespace collapsed). */
    public static String oneLine(Node node) {
        // a copy only when there are comments to drop: the error paths and every statement's origin
        // come here, and cloning a loop to print its header dominated the front end's time
        Node printed = node;
        if (node.getComment().isPresent() || !node.getAllContainedComments().isEmpty()) {
            Node copy = node.clone();
            copy.getAllContainedComments().forEach(c -> c.remove());
            copy.getComment().ifPresent(c -> copy.removeComment());
            printed = copy;
        }
        return collapsed(printed.toString());
    }

    /** {@code text} with each run of whitespace (space, tab, line and form feeds) one space, trimmed. */
    private static String collapsed(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                space = true;
                continue;
            }
            if (space && sb.length() > 0) {
                sb.append(' ');
            }
            space = false;
            sb.append(c);
        }
        return sb.toString().trim();
    }
}
