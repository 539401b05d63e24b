package dev.adjoint.generator.reverse;

import java.util.List;

/** Generated Java statements, as a tree that the emitter prints. */
public sealed interface Code permits Code.Line, Code.Comment, Code.Branch, Code.Loop, Code.Raw {

    /** Statements already written as Java text (one per line, indented relative to each other). */
    record Raw(String text) implements Code {}

    /** One statement, without the trailing semicolon. */
    record Line(String text) implements Code {}

    /** A {@code //} comment line. */
    record Comment(String text) implements Code {}

    /** {@code if (cond) { then } else { otherwise }}; an empty {@code otherwise} prints no else. */
    record Branch(String cond, List<Code> then, List<Code> otherwise) implements Code {
        public Branch {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** A loop: {@code header} is {@code while (...)} or {@code for (...)}. */
    record Loop(String header, List<Code> body) implements Code {
        public Loop {
            body = List.copyOf(body);
        }
    }
}
