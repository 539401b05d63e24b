package dev.adjoint.generator.reverse;

import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.ir.Ty;
import dev.adjoint.generator.rules.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peephole over one user statement's reverse lines: an adjoint known to be zero takes its first
 * contribution by assignment, {@code dz = c} instead of {@code dz += c}. The JIT cannot fold
 * {@code 0.0 + c} into {@code c} ({@code 0.0 + -0.0} is {@code +0.0}), so each such add is a real
 * one, and on the adjoints that a loop carries ({@code s += e} reversed) it lengthens the
 * loop's critical path.
 *
 * <p>An adjoint is known to be zero after {@code dz = 0.0}, and at the start of the lines when it
 * belongs to a temporary of this statement alone: such an adjoint is only ever touched by these
 * lines, which end by clearing it. When the first thing these lines do to it is now an assignment,
 * that clearing is dropped too. Only top-level lines are rewritten; an adjoint also named inside a
 * branch or a loop of the lines is left as it is.
 */
final class FreshAdjoints {
    private static final Pattern ASSIGNMENT = Pattern.compile("((?U)[\\w$]+) (\\+=|-=|=) (.+)");

    private FreshAdjoints() {}

    /**
     * @param lines one statement's reverse lines, in reverse order
     * @param ownTemporaries the adjoints of temporaries that only this statement defines and reads
     * @param types the type of each scalar adjoint variable
     */
    static List<Code> simplify(List<Code> lines, Set<String> ownTemporaries, Map<String, Ty> types) {
        Set<String> nested = new HashSet<>();
        for (Code c : lines) {
            if (!(c instanceof Code.Line) && !(c instanceof Code.Comment)) {
                names(c, nested);
            }
        }
        Set<String> zero = new HashSet<>(ownTemporaries);
        zero.removeAll(nested);
        // an own temporary whose first mention became an assignment: its clearing at the end can go
        Set<String> assignedFirst = new HashSet<>();
        Set<String> mentioned = new HashSet<>();
        List<Code> out = new ArrayList<>(lines.size());
        Map<String, Integer> lastClear = new HashMap<>();
        for (Code c : lines) {
            if (!(c instanceof Code.Line line)) {
                if (!(c instanceof Code.Comment)) {
                    zero.clear(); // (nested code: what it leaves is not followed)
                }
                out.add(c);
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line.text());
            if (!m.matches() || !types.containsKey(m.group(1)) || nested.contains(m.group(1))) {
                Set<String> read = new HashSet<>();
                names(c, read);
                mentioned.addAll(read);
                out.add(c);
                continue;
            }
            String target = m.group(1);
            String op = m.group(2);
            String value = m.group(3);
            Set<String> read = new HashSet<>();
            collect(value, read);
            mentioned.addAll(read);
            boolean first = !mentioned.contains(target);
            mentioned.add(target);
            if (op.equals("=")) {
                if (isZero(value)) {
                    zero.add(target);
                    lastClear.put(target, out.size());
                } else {
                    zero.remove(target);
                }
                out.add(c);
                continue;
            }
            if (zero.remove(target) && assignable(types.get(target), value)) {
                out.add(new Code.Line(target + " = " + (op.equals("+=") ? value : "-" + Rule.parenthesize(value))));
                if (first && ownTemporaries.contains(target)) {
                    assignedFirst.add(target);
                }
            } else {
                out.add(c);
            }
        }
        // drop the closing clear of an own temporary that every run of these lines now assigns first
        List<Integer> drop = new ArrayList<>();
        for (String t : assignedFirst) {
            Integer at = lastClear.get(t);
            if (at != null && isLastMention(out, at, t)) {
                drop.add(at);
            }
        }
        drop.sort(null);
        for (int i = drop.size() - 1; i >= 0; i--) {
            out.remove((int) drop.get(i));
        }
        return withoutDeadMoves(out, types);
    }

    /**
     * Drops, among top-level lines, a clearing {@code dz = 0.0} that the next mention of
     * {@code dz} overwrites ({@code dz = c}), and {@code dz = t} right after {@code t = dz} with
     * neither changed in between: what {@code s += e} reversed leaves once its adds are assignments.
     */
    private static List<Code> withoutDeadMoves(List<Code> lines, Map<String, Ty> types) {
        List<Code> out = new ArrayList<>(lines);
        // the clearings first: a copy back is seen as one once the clearing between is gone
        for (boolean clearings : new boolean[] {true, false}) {
            for (int i = out.size() - 1; i >= 0; i--) {
                if (!(out.get(i) instanceof Code.Line line)) {
                    continue;
                }
                Matcher m = ASSIGNMENT.matcher(line.text());
                if (!m.matches() || !m.group(2).equals("=") || !types.containsKey(m.group(1)) || isZero(m.group(3)) != clearings) {
                    continue;
                }
                if (clearings ? overwrittenNext(out, i, m.group(1)) : copiedBack(out, i, m.group(1), m.group(3))) {
                    out.remove(i);
                }
            }
        }
        return out;
    }

    /** Whether the first later line that names {@code name} assigns it a value that does not read it. */
    private static boolean overwrittenNext(List<Code> out, int at, String name) {
        for (int i = at + 1; i < out.size(); i++) {
            Code c = out.get(i);
            if (!(c instanceof Code.Line) && !(c instanceof Code.Comment)) {
                return false;
            }
            Set<String> names = new HashSet<>();
            names(c, names);
            if (names.contains(name)) {
                Matcher m = ASSIGNMENT.matcher(((Code.Line) c).text());
                Set<String> read = new HashSet<>();
                if (m.matches()) {
                    collect(m.group(3), read);
                }
                return m.matches() && m.group(1).equals(name) && m.group(2).equals("=") && !read.contains(name);
            }
        }
        return false;
    }

    /** Whether {@code target = source} at {@code at} only copies back what an earlier {@code source = target} copied. */
    private static boolean copiedBack(List<Code> out, int at, String target, String source) {
        for (int i = at - 1; i >= 0; i--) {
            Code c = out.get(i);
            if (!(c instanceof Code.Line l)) {
                if (c instanceof Code.Comment) {
                    continue;
                }
                return false;
            }
            Matcher m = ASSIGNMENT.matcher(l.text());
            if (m.matches() && m.group(1).equals(source) && m.group(2).equals("=") && m.group(3).equals(target)) {
                return true;
            }
            if (m.matches() && (m.group(1).equals(source) || m.group(1).equals(target))) {
                return false; // one of them changed in between
            }
        }
        return false;
    }

    /** Whether {@code dz = value} means the same as {@code dz += value} for a {@code dz} of type {@code t}. */
    private static boolean assignable(Ty t, String value) {
        // (a float adjoint's += narrows implicitly; a plain assignment only when the value is a float already)
        return t.prim() == Ty.Prim.DOUBLE || value.startsWith("(float) ");
    }

    private static boolean isZero(String value) {
        return value.equals("0.0") || value.equals("0.0f");
    }

    private static boolean isLastMention(List<Code> out, int at, String name) {
        for (int i = at + 1; i < out.size(); i++) {
            Set<String> names = new HashSet<>();
            names(out.get(i), names);
            if (names.contains(name)) {
                return false;
            }
        }
        return true;
    }

    private static void names(Code c, Set<String> into) {
        Code.names(List.of(c), into);
    }

    private static void collect(String text, Set<String> into) {
        Code.Names.collect(text, into);
    }

    /**
     * The adjoints of the temporaries among {@code stmts} (one user statement's top-level
     * statements) that nothing else in the method assigns or reads.
     */
    static Set<String> ownTemporaries(List<Stmt> stmts, Sweep sw) {
        Map<Atom.Var, Integer> reads = Increments.uses(stmts);
        Map<Atom.Var, Integer> assigned = new HashMap<>();
        Increments.assignments(stmts, assigned);
        Set<String> own = new HashSet<>();
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Assign a && sw.adjoint(a.target()) != null && !a.target().type().isArray()) {
                Atom.Var t = a.target();
                if (assigned.get(t) == 1 && sw.assignments().get(t) == 1 && reads.getOrDefault(t, 0) > 0
                        && reads.get(t).equals(sw.uses().get(t)) && !sw.ir.params().contains(t) && !t.equals(sw.ir.result())) {
                    own.add(sw.adjoint(t));
                }
            }
        }
        return own;
    }
}
