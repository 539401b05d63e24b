package dev.adjoint.generator.analyze;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Uses;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A counted loop, {@code j = s; while (j < e) { ...; j = j + 1; }} (or {@code j <= e}), in which
 * nothing else assigns {@code j}, and nothing in the loop assigns what {@code s} and {@code e}
 * read. Its counter leaves the loop at {@code max(s, e)} ({@code max(s, e + 1)} for {@code <=}),
 * so the reverse sweep can run it backwards from there down to {@code s} without the trip count
 * and without the counter's value saved on each entry.
 *
 * @param counter {@code j}
 * @param start {@code s}
 * @param exit the counter's value when the loop ends
 * @param reads the variables {@code s} and {@code e} read: the reverse sweep reads them where the
 *     loop ends
 * @param step the last statement of the body, {@code j = j + 1}
 */
public record CountedLoop(Atom.Var counter, Expr start, Expr exit, Set<Atom.Var> reads, Stmt.Assign step) {

    /** The loop at {@code stmts[k]}, with its counter set by {@code stmts[k - 1]}, if it is counted. */
    public static Optional<CountedLoop> at(List<Stmt> stmts, int k) {
        if (k < 1
                || !(stmts.get(k) instanceof Stmt.Loop l)
                || !(stmts.get(k - 1) instanceof Stmt.Assign init)
                || !(init.op() instanceof Op.Passive start)
                || !init.target().type().equals(Ty.INT)
                || l.head().size() != 1
                || !(l.head().get(0) instanceof Stmt.Assign test)
                || !test.target().equals(l.cond())
                || !(test.op() instanceof Op.Passive cond)
                || l.body().isEmpty()
                || !(l.body().get(l.body().size() - 1) instanceof Stmt.Assign step)) {
            return Optional.empty();
        }
        if (start.reads().stream().anyMatch(v -> v.type().prim() == Ty.Prim.RANDOM)) {
            // (the reversed loop computes its exit from the start again: a draw would give another number)
            return Optional.empty();
        }
        Atom.Var j = init.target();
        Expr counter = new Expr.Name(j.name());
        // (the user's expressions, as the normalize pass wrote them out, read into the model)
        Optional<Expr> compare = AtomCode.read(cond.java());
        Optional<Expr> increment = step.op() instanceof Op.Passive inc ? AtomCode.read(inc.java()) : Optional.empty();
        if (compare.isEmpty()
                || !(compare.get() instanceof Expr.Binary c)
                || !(c.op().equals("<") || c.op().equals("<="))
                || !c.left().equals(counter)
                || Uses.mentions(c.right(), j.name())
                || !arithmetic(c.right())
                || start.reads().contains(j)
                || !step.target().equals(j)
                || !increment.equals(Optional.of(new Expr.Binary("+", counter, new Expr.Literal("1"))))) {
            return Optional.empty();
        }
        if (!intValued(c.right(), cond.reads(), j)) {
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
        Expr bound = exclusive(c.right(), c.op().equals("<="));
        Expr first = AtomCode.source(start.java());
        Expr exit = new Expr.Call(new Expr.Name("Math"), "max", List.of(first, bound));
        return Optional.of(new CountedLoop(j, first, exit, reads, step));
    }

    /** Whether {@code bound} is names, numbers, fields and parentheses under {@code + - * / %}. */
    private static boolean arithmetic(Expr bound) {
        boolean[] ok = {true};
        Uses.each(
                bound,
                x -> ok[0] &= x instanceof Expr.Name
                        || x instanceof Expr.Field
                        || x instanceof Expr.Paren
                        || x instanceof Expr.Literal l
                                && l.text()
                                        .chars()
                                        .allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '.')
                        || x instanceof Expr.Binary b
                                && Set.of("+", "-", "*", "/", "%").contains(b.op())
                        || x instanceof Expr.Unary u && u.op().equals("-"));
        return ok[0];
    }

    /** A name, a qualified name or a number: what needs no parentheses before {@code + 1}. */
    private static boolean word(Expr e) {
        return e instanceof Expr.Name || e instanceof Expr.Literal || e instanceof Expr.Field f && word(f.target());
    }

    /** The first value past the range, as readable as the bound: {@code n} for {@code j <= n - 1}. */
    private static Expr exclusive(Expr bound, boolean inclusive) {
        Expr alone = word(bound) ? bound : new Expr.Paren(bound);
        if (!inclusive) {
            return alone;
        }
        if (bound instanceof Expr.Binary b
                && b.op().equals("-")
                && word(b.left())
                && b.right().equals(new Expr.Literal("1"))) {
            return b.left();
        }
        return new Expr.Binary("+", alone, new Expr.Literal("1"));
    }

    /**
     * Whether {@code bound} is certainly an {@code int}: int variables, {@code a.length}, int
     * literals (any with a letter or a point counts as not int) and operators; no calls
     * ({@code Math.sqrt(n)} is a double), casts or qualified constants. Else {@code Math.max(s, bound)}
     * would not be the counter's exit value (j < 2.5 exits at 3) or not even an int (a long bound).
     */
    private static boolean intValued(Expr bound, Set<Atom.Var> reads, Atom.Var counter) {
        boolean[] ok = {true};
        Set<String> lengths = new HashSet<>();
        Uses.each(bound, x -> {
            if (x instanceof Expr.Field f) {
                ok[0] &= f.name().equals("length") && f.target() instanceof Expr.Name;
                if (f.target() instanceof Expr.Name n) {
                    lengths.add(n.id());
                }
            }
            ok[0] &= !(x instanceof Expr.Literal l) || l.text().chars().allMatch(Character::isDigit);
        });
        if (!ok[0]) {
            return false;
        }
        for (Atom.Var v : reads) {
            if (!v.equals(counter) && !v.type().equals(Ty.INT) && !(v.type().isArray() && lengths.contains(v.name()))) {
                return false;
            }
        }
        return true;
    }
}
