package dev.adjoint.generator.code;

import java.util.List;

/**
 * Test fixtures written as Java text and read into the model ({@link JavaText}): the nodes a
 * producer builds, spelled the way a reader of the generated code sees them.
 */
public final class CodeText {
    private CodeText() {}

    /** The line holding the statement {@code text} (without its semicolon). */
    public static Code.Line line(String text) {
        return new Code.Line(JavaText.statement(text));
    }

    /** The branch on the condition {@code cond}. */
    public static Code.Branch branch(String cond, List<Code> then, List<Code> otherwise) {
        return new Code.Branch(JavaText.condition(cond), then, otherwise);
    }

    /** The loop under {@code header} ({@code while (...)} or {@code for (...)}). */
    public static Code.Loop loop(String header, List<Code> body) {
        return new Code.Loop(JavaText.loopHeader(header), body);
    }
}
