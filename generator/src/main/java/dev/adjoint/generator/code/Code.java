package dev.adjoint.generator.code;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Generated Java code as a tree of blocks that the emitter prints: lines hold statements of the
 * model ({@link Statement}), branches a condition ({@link Expr}), loops a header ({@link LoopHeader}).
 */
public sealed interface Code permits Code.Line, Code.Comment, Code.Branch, Code.Loop, Code.Raw {

    /**
     * Statements already written as Java text (one per line, indented relative to each other);
     * {@code tree}, when not null, is the JavaParser statement that the text prints (the user's own
     * code, carried for a pass that takes the body as a tree again: {@link JavaNodes}).
     */
    record Raw(String text, com.github.javaparser.ast.stmt.Statement tree) implements Code {
        /** Text with no tree. */
        public Raw(String text) {
            this(text, null);
        }
    }

    /** One statement, without the trailing semicolon. */
    record Line(Statement statement) implements Code {
        /** The statement's Java text, without the semicolon. */
        public String text() {
            return Printer.statement(statement);
        }
    }

    /** A {@code //} comment line. */
    record Comment(String text) implements Code {}

    /** {@code if (cond) { then } else { otherwise }}; an empty {@code otherwise} prints no else. */
    record Branch(Expr cond, List<Code> then, List<Code> otherwise) implements Code {
        public Branch {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** A loop: {@code header} is {@code while (...)} or {@code for (...)}. */
    record Loop(LoopHeader header, List<Code> body) implements Code {
        public Loop {
            body = List.copyOf(body);
        }
    }

    /** Every identifier (Unicode letters too) that {@code codes} mention, nested code included. */
    static void names(List<Code> codes, Set<String> into) {
        mentions(codes, into::add);
    }

    /** Each identifier that {@code codes} mention, as often as they do, nested code included; not comments. */
    static void mentions(List<Code> codes, Consumer<String> each) {
        for (Code c : codes) {
            if (c instanceof Code.Line l) {
                Uses.names(l.statement(), each);
            } else if (c instanceof Code.Raw r) {
                Uses.javaNames(r.text(), each);
            } else if (c instanceof Code.Branch b) {
                Uses.names(b.cond(), each);
                mentions(b.then(), each);
                mentions(b.otherwise(), each);
            } else if (c instanceof Code.Loop l) {
                Uses.names(l.header(), each);
                mentions(l.body(), each);
            }
        }
    }

    /**
     * Each statement of {@code codes}, nested code included: lines, a loop header's parts, a
     * branch's condition (as an expression statement); not comments or raw text.
     */
    static void statements(List<Code> codes, Consumer<Statement> each) {
        for (Code c : codes) {
            if (c instanceof Code.Line l) {
                each.accept(l.statement());
            } else if (c instanceof Code.Branch b) {
                each.accept(new Statement.Eval(b.cond()));
                statements(b.then(), each);
                statements(b.otherwise(), each);
            } else if (c instanceof Code.Loop l) {
                if (l.header() instanceof LoopHeader.While w) {
                    each.accept(new Statement.Eval(w.cond()));
                } else if (l.header() instanceof LoopHeader.For f) {
                    if (f.init() != null) {
                        each.accept(f.init());
                    }
                    if (f.cond() != null) {
                        each.accept(new Statement.Eval(f.cond()));
                    }
                    if (f.update() != null) {
                        each.accept(new Statement.Eval(f.update()));
                    }
                } else {
                    each.accept(new Statement.Opaque(l.header().toString()));
                }
                statements(l.body(), each);
            }
        }
    }
}
