package dev.adjoint.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.naming.NameClashes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prints a method body, given as the code model or as lines of text, into a JavaPoet block: the
 * model's branches and loops become control flow, and the runtime types named in full become
 * imports, except those a user's variable hides.
 */
final class BodyPrinter {
    private BodyPrinter() {}

    /** Prints {@code codes}; the runtime types in {@code hidden} are written out in full (a user's variable hides them). */
    static void print(List<Code> codes, CodeBlock.Builder out, Set<String> hidden) {
        for (Code c : codes) {
            if (c instanceof Code.Line l) {
                statement(l.text(), out, hidden);
            } else if (c instanceof Code.Comment cm) {
                out.add("// $L\n", cm.text());
            } else if (c instanceof Code.Branch br) {
                out.beginControlFlow("if ($L)", br.cond());
                print(br.then(), out, hidden);
                if (!br.otherwise().isEmpty()) {
                    out.nextControlFlow("else");
                    print(br.otherwise(), out, hidden);
                }
                out.endControlFlow();
            } else if (c instanceof Code.Raw raw) {
                raw(raw.text(), out, hidden);
            } else if (c instanceof Code.Loop lp) {
                out.beginControlFlow("$L", lp.header());
                print(lp.body(), out, hidden);
                out.endControlFlow();
            }
        }
    }

    /** Statements already written as text, one a line; JavaPoet indents each line (and no blank one). */
    static void raw(String text, CodeBlock.Builder out, Set<String> hidden) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--; // (ends its last line: the newline below)
        }
        if (end == 0 && !text.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        out.add(format(text.substring(0, end), args, hidden) + "\n", args.toArray());
    }

    private static void statement(String text, CodeBlock.Builder out, Set<String> hidden) {
        List<Object> args = new ArrayList<>();
        out.addStatement(format(text, args, hidden), args.toArray());
    }

    /**
     * {@code text} as a JavaPoet format whose runtime types are {@code $T} arguments (imported),
     * except those in {@code hidden}, which stay fully qualified.
     */
    private static String format(String text, List<Object> args, Set<String> hidden) {
        StringBuilder format = new StringBuilder();
        int i = 0;
        outer:
        while (i < text.length()) {
            for (ClassName c : NameClashes.TYPES) {
                String q = c.canonicalName();
                if (text.startsWith(q, i)
                        && (i + q.length() == text.length()
                                || !Character.isJavaIdentifierPart(text.charAt(i + q.length())))) {
                    if (hidden.contains(c.simpleName())) {
                        format.append(q);
                    } else {
                        format.append("$T");
                        args.add(c);
                    }
                    i += q.length();
                    continue outer;
                }
            }
            char ch = text.charAt(i++);
            format.append(ch == '$' ? "$$" : String.valueOf(ch));
        }
        return format.toString();
    }
}
