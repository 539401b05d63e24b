package dev.adjoint.generator.analyze;

import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.ir.Ty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A counted loop, {@code j = s; while (j < e) { ...; j = j + 1; }} (or {@code j <= e}), in which
 * nothing else assigns {@code j}, and nothing in the loop assigns what {@code s} and {@code e}
 * read. Its counter leaves the loop at {@code max(s, e)} ({@code max(s, e + 1)} for {@code <=}),
 * so the reverse sweep can run it backwards from there down to {@code s} without the trip count
 * and without the counter's value saved on each entry.
 *
 * @param counter {@code j}
 * @param start {@code s} as Java text
 * @param exit the counter's value when the loop ends, as Java text
 * @param reads the variables {@code s} and {@code e} read: the reverse sweep reads them where the
 *     loop ends
 * @param step the last statement of the body, {@code j = j + 1}
 */
public record CountedLoop(Atom.Var counter, String start, String exit, Set<Atom.Var> reads, Stmt.Assign step) {
    private static final Pattern CONDITION = Pattern.compile("(\\w+) (<=?) ([\\w\\s.+*/%()-]+)");

    /** The loop at {@code stmts[k]}, with its counter set by {@code stmts[k - 1]}, if it is counted. */
    public static Optional<CountedLoop> at(List<Stmt> stmts, int k) {
        if (k < 1 || !(stmts.get(k) instanceof Stmt.Loop l) || !(stmts.get(k - 1) instanceof Stmt.Assign init)
                || !(init.op() instanceof Op.Passive start) || !init.target().type().equals(Ty.INT)
                || l.head().size() != 1 || !(l.head().get(0) instanceof Stmt.Assign test) || !test.target().equals(l.cond())
                || !(test.op() instanceof Op.Passive cond) || l.body().isEmpty()
                || !(l.body().get(l.body().size() - 1) instanceof Stmt.Assign step)) {
            return Optional.empty();
        }
        Atom.Var j = init.target();
        Matcher m = CONDITION.matcher(cond.java());
        Pattern word = Pattern.compile("\\b" + Pattern.quote(j.name()) + "\\b");
        if (!m.matches() || !m.group(1).equals(j.name()) || word.matcher(m.group(3)).find() || start.reads().contains(j)
                || !step.target().equals(j) || !(step.op() instanceof Op.Passive inc) || !inc.java().equals(j.name() + " + 1")) {
            return Optional.empty();
        }
        if (!intValued(m.group(3), cond.reads(), j)) {
            return Optional.empty();
        }
        Set<Atom.Var> reads = new HashSet<>(start.reads());
        cond.reads().stream().filter(v -> !v.equals(j)).forEach(reads::add);
        List<Stmt> inside = new ArrayList<>();
        ActivityAnalysis.flatten(l.head(), inside);
        ActivityAnalysis.flatten(l.body(), inside);
        for (Stmt s : inside) {
            if (s instanceof Stmt.Assign a && s != step && (a.target().equals(j) || reads.contains(a.target()))) {
                return Optional.empty();
            }
        }
        String bound = exclusive(m.group(3).trim(), m.group(2).equals("<="));
        String exit = "Math.max(" + start.java() + ", " + bound + ")";
        return Optional.of(new CountedLoop(j, start.java(), exit, reads, step));
    }

    private static final Pattern NAME = Pattern.compile("[\\w.]+");
    private static final Pattern MINUS_ONE = Pattern.compile("([\\w.]+) - 1");

    /** The first value past the range, as readable text: {@code n} for {@code j <= n - 1}. */
    private static String exclusive(String bound, boolean inclusive) {
        if (!inclusive) {
            return NAME.matcher(bound).matches() ? bound : "(" + bound + ")";
        }
        Matcher minusOne = MINUS_ONE.matcher(bound);
        if (minusOne.matches()) {
            return minusOne.group(1);
        }
        return (NAME.matcher(bound).matches() ? bound : "(" + bound + ")") + " + 1";
    }

    private static final Pattern LENGTH = Pattern.compile("\\b\\w+\\.length\\b");
    private static final Pattern CALL_OR_FLOATING = Pattern.compile(
            "\\w\\s*\\(|\\.|\\b\\d\\w*[a-zA-Z_]|\\b(long|double|float|short|byte|char)\\b");

    /**
     * Whether {@code bound} is certainly an {@code int}: int variables, {@code a.length}, int
     * literals (any with a letter counts as not int) and operators; no calls ({@code Math.sqrt(n)}
     * is a double), casts or qualified constants. Else {@code Math.max(s, bound)} would not be the counter's exit value (j < 2.5 exits
     * at 3) or not even an int (a long bound).
     */
    private static boolean intValued(String bound, Set<Atom.Var> reads, Atom.Var counter) {
        if (CALL_OR_FLOATING.matcher(LENGTH.matcher(bound).replaceAll("0")).find()) {
            return false;
        }
        for (Atom.Var v : reads) {
            boolean asLength = Pattern.compile("\\b" + Pattern.quote(v.name()) + "\\.length\\b").matcher(bound).find();
            if (!v.equals(counter) && !v.type().equals(Ty.INT) && !(v.type().isArray() && asLength)) {
                return false;
            }
        }
        return true;
    }
}
