package dev.adjoint.generator.reverse;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Every identifier (Unicode letters too) that {@code codes} mention, nested code included. */
    static void names(List<Code> codes, Set<String> into) {
        for (Code c : codes) {
            if (c instanceof Code.Line l) {
                Names.collect(l.text(), into);
            } else if (c instanceof Code.Raw r) {
                Names.collect(r.text(), into);
            } else if (c instanceof Code.Branch b) {
                Names.collect(b.cond(), into);
                names(b.then(), into);
                names(b.otherwise(), into);
            } else if (c instanceof Code.Loop l) {
                Names.collect(l.header(), into);
                names(l.body(), into);
            }
        }
    }

    /** Identifiers in Java text. */
    final class Names {
        private static final Pattern NAME = Pattern.compile("(?U)[\\w$]+");

        private Names() {}

        static void collect(String text, Set<String> into) {
            Matcher m = NAME.matcher(text);
            while (m.find()) {
                into.add(m.group());
            }
        }
    }
}
