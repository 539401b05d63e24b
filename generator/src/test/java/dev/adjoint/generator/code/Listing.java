package dev.adjoint.generator.code;

import java.util.ArrayList;
import java.util.List;

/**
 * A printed {@link Code} tree a line at a time, each line with its depth of nesting and its {@link
 * Role}, for tests that read a generated body as text (moved here from the generator, whose tape
 * recorder now builds nodes like every other body).
 */
public final class Listing {
    /** What a line is. */
    public enum Role {
        /** No statement of its own: a block's brace, a header ({@code if (c) {}, {@code case 1:}), a label, a comment. */
        FRAME,
        /** A local declared without a value: it makes no code. */
        DECLARATION,
        /** A statement with an effect: it stores, calls, jumps or returns. */
        EFFECT,
        /** {@code int h = tape.pushN(...)}: records a tape node, a call besides the store. */
        NODE,
        /** A whole statement the model does not take apart (its effect unknown). */
        OPAQUE,
        /** The end of a {@code do} loop, {@code } while (c);}: a test and a jump, not a statement of its own. */
        LOOP_TEST;

        /** Whether the line is a whole statement, which a sample of the top level may hold. */
        public boolean isStatement() {
            return this == DECLARATION || this == EFFECT || this == NODE || this == OPAQUE;
        }
    }

    /** One line: its text without indentation, at {@code depth} blocks deep. */
    public record Line(int depth, String text, Role role) {}

    private final List<Line> lines = new ArrayList<>();

    /** Appends a line. */
    public void add(int depth, String text, Role role) {
        lines.add(new Line(depth, text, role));
    }

    /** Inserts lines before the line at {@code index} (where {@link #size()} was when the loop's header came). */
    public void insert(int index, List<Line> before) {
        lines.addAll(index, before);
    }

    /** The number of lines so far. */
    public int size() {
        return lines.size();
    }

    /** The last line, empty when there is none. */
    public java.util.Optional<Line> last() {
        return lines.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(lines.get(lines.size() - 1));
    }

    /** Replaces the last line (a closing brace followed by {@code else}, or by a do loop's test). */
    public void replaceLast(Line line) {
        lines.set(lines.size() - 1, line);
    }

    /** The lines, in order. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** {@code lines} as Java text, each line indented by four spaces a level and ended by a newline. */
    public static String text(List<Line> lines) {
        StringBuilder out = new StringBuilder();
        for (Line l : lines) {
            out.append("    ".repeat(l.depth())).append(l.text()).append('\n');
        }
        return out.toString();
    }

    /**
     * The lines of {@code codes}: a statement's role from its node, a branch's or loop's header and
     * closing brace as frames, raw text as one frame (its statements are not counted: the size
     * model's lower bound stays a lower bound); comments left out (they make no code).
     */
    public static List<Line> of(List<Code> codes) {
        List<Line> out = new ArrayList<>();
        lines(codes, 0, out);
        return out;
    }

    private static void lines(List<Code> codes, int depth, List<Line> out) {
        for (Code c : codes) {
            if (c instanceof Code.Line l) {
                out.add(new Line(depth, l.text() + ";", role(l.statement())));
            } else if (c instanceof Code.Raw r) {
                out.add(new Line(depth, r.text(), Role.FRAME));
            } else if (c instanceof Code.Branch b) {
                out.add(new Line(depth, "if (" + Printer.expression(b.cond()) + ") {", Role.FRAME));
                lines(b.then(), depth + 1, out);
                if (!b.otherwise().isEmpty()) {
                    out.add(new Line(depth, "} else {", Role.FRAME));
                    lines(b.otherwise(), depth + 1, out);
                }
                out.add(new Line(depth, "}", Role.FRAME));
            } else if (c instanceof Code.Loop l) {
                out.add(new Line(depth, l.header() + " {", Role.FRAME));
                lines(l.body(), depth + 1, out);
                out.add(new Line(depth, "}", Role.FRAME));
            }
        }
    }

    /** What statement {@code s} is. */
    private static Role role(Statement s) {
        if (s instanceof Statement.Declare d) {
            return d.init() == null ? Role.DECLARATION : Role.EFFECT;
        } else if (s instanceof Statement.Handover) {
            return Role.FRAME; // a marker comment, replaced before printing
        } else if (s instanceof Statement.Opaque) {
            return Role.OPAQUE;
        }
        return Role.EFFECT; // an expression run for its effect, a return, a jump, a throw
    }
}
