package dev.adjoint.generator.reverse;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
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
        texts(codes, t -> Names.collect(t, into));
    }

    /** Each piece of Java text in {@code codes}: lines, conditions, loop headers, nested code included; not comments. */
    static void texts(List<Code> codes, Consumer<String> each) {
        for (Code c : codes) {
            if (c instanceof Code.Line l) {
                each.accept(l.text());
            } else if (c instanceof Code.Raw r) {
                each.accept(r.text());
            } else if (c instanceof Code.Branch b) {
                each.accept(b.cond());
                texts(b.then(), each);
                texts(b.otherwise(), each);
            } else if (c instanceof Code.Loop l) {
                each.accept(l.header());
                texts(l.body(), each);
            }
        }
    }

    /** Identifiers in Java text. */
    final class Names {
        private static final Pattern NAME = Pattern.compile("(?U)[\\w$]+");

        private Names() {}

        static void collect(String text, Set<String> into) {
            each(text, into::add);
        }

        /** An element access {@code a[i]} whose index holds no brackets: the array (group 1) and the index (group 2). */
        static final Pattern ELEMENT = Pattern.compile("(?<![\\w$\\]])((?U)[\\w$]+)\\[([^\\[\\]]+)\\](?!\\[)");
        /** A call: the called name, qualified or not (group 1); also matches a keyword before a parenthesis. */
        static final Pattern CALL = Pattern.compile("([\\w$.]+)\\s*\\(");

        private static final Pattern ASSIGNED = Pattern.compile("((?U)[\\w$]+) ?(=|\\+=|-=|\\*=|/=|%=)[^=]");
        private static final Pattern STEPPED = Pattern.compile("((?U)[\\w$]+)(\\+\\+|--)|(\\+\\+|--)((?U)[\\w$]+)");

        /** The variables a statement's text assigns: {@code v = }, {@code v += }, {@code v++} (not elements: {@code a[i] = }). */
        static void assigned(String text, Set<String> into) {
            Matcher m = ASSIGNED.matcher(text);
            while (m.find()) {
                into.add(m.group(1));
            }
            Matcher s = STEPPED.matcher(text);
            while (s.find()) {
                into.add(s.group(1) != null ? s.group(1) : s.group(4));
            }
        }

        /** Each identifier of {@code text}, as often as it occurs. */
        static void each(String text, Consumer<String> name) {
            Matcher m = NAME.matcher(text);
            while (m.find()) {
                name.accept(m.group());
            }
        }
    }
}
