package dev.adjoint.generator.tape;

import dev.adjoint.generator.rules.Rule;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A counted {@code for} loop whose body records straight-line code makes room on the tape once,
 * before it starts, for the nodes and edges of all its iterations, and records with the pushes
 * that skip the capacity test ({@code Tape.reserve}, {@code pushNu}): a capacity test in the loop
 * comes with a call that grows the tape, and around that call the JIT keeps nothing in registers.
 *
 * <p>Only a loop {@code for (int j = s; j < e; j++)} with {@code s} and {@code e} plain integer
 * expressions (names, literals, operators, {@code .length}: no calls, evaluated twice), whose body
 * has no nested block (no branch, loop or jump), calls nothing but {@code Math} and the tape's
 * pushes, and assigns neither {@code j} nor what {@code e} reads: every iteration then records
 * exactly its pushes, at most that many nodes, and the loop runs {@code e - s} times.
 */
final class LoopRoom {
    private static final Pattern INIT = Pattern.compile("int ((?U)[\\w$]+) = ([\\w$\\s.+*/%()-]+)");
    private static final Pattern COMPARE = Pattern.compile("((?U)[\\w$]+) < ([\\w$\\s.+*/%()-]+)");
    private static final Pattern CALL = Pattern.compile("([\\w$.]+)\\s*\\(");
    private static final Pattern NAME = Pattern.compile("(?U)[\\w$]+");

    private LoopRoom() {}

    /**
     * Rewrites the loop printed in {@code out} from {@code at} (its header line, then its body,
     * then its closing brace) when it qualifies.
     *
     * @param indent the indentation of the header line
     */
    static void reserve(StringBuilder out, int at, List<String> init, String compare, List<String> update, String tape, String indent) {
        Matcher i = init.size() == 1 ? INIT.matcher(init.get(0)) : null;
        Matcher c = COMPARE.matcher(compare);
        if (i == null || !i.matches() || !c.matches() || !c.group(1).equals(i.group(1)) || update.size() != 1
                || !update.get(0).equals(i.group(1) + "++") || calls(i.group(2)) || calls(c.group(2))) {
            return;
        }
        String j = i.group(1);
        String text = out.substring(at);
        int open = text.indexOf('\n');
        int close = text.lastIndexOf(indent + "}");
        if (open < 0 || close <= open) {
            return;
        }
        String body = text.substring(open + 1, close);
        if (body.contains("{") || body.contains("}")) {
            return;
        }
        Pattern push = Pattern.compile(Pattern.quote(tape) + "\\.push([1-4])\\(");
        Matcher call = CALL.matcher(body);
        while (call.find()) {
            String callee = call.group(1);
            if (!callee.matches("(Strict)?Math\\.\\w+") && !callee.matches(Pattern.quote(tape) + "\\.push[1-4]")
                    && !callee.matches("int|long|double|float")) {
                return;
            }
        }
        // nothing in the body may change the counter or the bound
        Matcher names = NAME.matcher(c.group(2));
        StringBuilder fixed = new StringBuilder(Pattern.quote(j));
        while (names.find()) {
            fixed.append('|').append(Pattern.quote(names.group()));
        }
        Pattern assigned = Pattern.compile("(?<![\\w$.])(" + fixed + ")\\s*(=(?!=)|\\+=|-=|\\*=|/=|%=|\\+\\+|--)|(\\+\\+|--)\\s*(" + fixed + ")\\b");
        if (assigned.matcher(body).find()) {
            return;
        }
        int nodes = 0;
        int edges = 0;
        Matcher p = push.matcher(body);
        while (p.find()) {
            nodes++;
            edges += Integer.parseInt(p.group(1));
        }
        if (nodes == 0) {
            return;
        }
        String unchecked = push.matcher(body).replaceAll(r -> Matcher.quoteReplacement(tape + ".push" + r.group(1) + "u("));
        String start = i.group(2).trim();
        String bound = c.group(2).trim();
        String iterations = start.equals("0") ? bound : "(long) " + Rule.parenthesize(bound) + " - " + Rule.parenthesize(start);
        out.setLength(at);
        out.append(indent).append("// room on the tape for every iteration of the loop\n");
        out.append(indent).append(tape).append(".reserve(").append(nodes).append(", ").append(edges).append(", ").append(iterations).append(");\n");
        out.append(text, 0, open + 1).append(unchecked).append(text.substring(close));
    }

    private static boolean calls(String expression) {
        return CALL.matcher(expression).find();
    }
}
