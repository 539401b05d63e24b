package dev.adjoint.generator.reverse;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.code.Uses;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            Add m = Add.of(line);
            if (m == null || !types.containsKey(m.target()) || nested.contains(m.target())) {
                Set<String> read = new HashSet<>();
                names(c, read);
                mentioned.addAll(read);
                out.add(c);
                continue;
            }
            String target = m.target();
            String op = m.op();
            Expr value = m.value();
            Set<String> read = new HashSet<>();
            Uses.names(value, read::add);
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
                Expr assigned =
                        op.equals("+=") ? value : new Expr.Unary("-", simple(value) ? value : new Expr.Paren(value));
                out.add(new Code.Line(new Statement.Eval(new Expr.Assign(new Expr.Name(target), "=", assigned))));
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
                Add m = Add.of(line);
                if (m == null
                        || !m.op().equals("=")
                        || !types.containsKey(m.target())
                        || isZero(m.value()) != clearings) {
                    continue;
                }
                if (clearings ? overwrittenNext(out, i, m.target()) : copiedBack(out, i, m.target(), m.value())) {
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
                Add m = Add.of((Code.Line) c);
                return m != null && m.target().equals(name) && m.op().equals("=") && !Uses.mentions(m.value(), name);
            }
        }
        return false;
    }

    /** Whether {@code target = source} at {@code at} only copies back what an earlier {@code source = target} copied. */
    private static boolean copiedBack(List<Code> out, int at, String target, Expr sourceValue) {
        if (!(sourceValue instanceof Expr.Name sourceName)) {
            return false;
        }
        String source = sourceName.id();
        for (int i = at - 1; i >= 0; i--) {
            Code c = out.get(i);
            if (!(c instanceof Code.Line l)) {
                if (c instanceof Code.Comment) {
                    continue;
                }
                return false;
            }
            Add m = Add.of(l);
            if (m != null
                    && m.target().equals(source)
                    && m.op().equals("=")
                    && m.value().equals(new Expr.Name(target))) {
                return true;
            }
            if (m != null && (m.target().equals(source) || m.target().equals(target))) {
                return false; // one of them changed in between
            }
        }
        return false;
    }

    /** Whether {@code dz = value} means the same as {@code dz += value} for a {@code dz} of type {@code t}. */
    private static boolean assignable(Ty t, Expr value) {
        // (a float adjoint's += narrows implicitly; a plain assignment only when the value is a float already)
        return t.prim() == Ty.Prim.DOUBLE
                || value instanceof Expr.Cast c && c.type().equals("float");
    }

    private static boolean isZero(Expr value) {
        return value.equals(new Expr.Literal("0.0")) || value.equals(new Expr.Literal("0.0f"));
    }

    /**
     * Whether {@code value} is negated without parentheses: a name, a qualified name, an element
     * at a name or a number, a literal ({@code -(Math.sin(x))} keeps them, as the rules write it).
     */
    private static boolean simple(Expr value) {
        if (value instanceof Expr.Name) {
            return true;
        }
        if (value instanceof Expr.Literal l) {
            return Character.isDigit(l.text().charAt(0));
        }
        if (value instanceof Expr.Field f) {
            return !(f.target() instanceof Expr.Literal) && simple(f.target()) && !(f.target() instanceof Expr.Element);
        }
        if (value instanceof Expr.Element e) {
            return (e.array() instanceof Expr.Name
                            || e.array() instanceof Expr.Field
                            || e.array() instanceof Expr.Element)
                    && simple(e.array())
                    && (e.index() instanceof Expr.Name
                            || e.index() instanceof Expr.Literal l
                                    && Character.isLetterOrDigit(l.text().charAt(0))
                                    && l.text()
                                            .chars()
                                            .allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '$'));
        }
        return false;
    }

    /** {@code v = e}, {@code v += e} or {@code v -= e} on a variable. */
    private record Add(String target, String op, Expr value) {
        static Add of(Code.Line line) {
            Expr.Assign a = Uses.assignment(line.statement());
            if (a == null
                    || !(a.target() instanceof Expr.Name n)
                    || !(a.op().equals("=") || a.op().equals("+=") || a.op().equals("-="))) {
                return null;
            }
            return new Add(n.id(), a.op(), a.value());
        }
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
            if (s instanceof Stmt.Assign a
                    && sw.adjoint(a.target()) != null
                    && !a.target().type().isArray()) {
                Atom.Var t = a.target();
                if (assigned.get(t) == 1
                        && sw.assignments().get(t) == 1
                        && reads.getOrDefault(t, 0) > 0
                        && reads.get(t).equals(sw.uses().get(t))
                        && !sw.ir.params().contains(t)
                        && !t.equals(sw.ir.result())) {
                    own.add(sw.adjoint(t));
                }
            }
        }
        return own;
    }
}
