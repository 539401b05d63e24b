package dev.adjoint.generator.optimize;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.code.Uses;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copy chains through an adjoint that nothing else reads, written as one assignment:
 * {@code _d_t2 = _d_s; _d_t1 = _d_t2;} becomes {@code _d_t1 = _d_s;}. A sum's reversal hands its
 * adjoint to each operand by assignment once {@code FreshAdjoints} has turned the adds into
 * assignments, and a temporary that only forwards a value leaves such a link at every level.
 *
 * <p>The rules, for {@code a = e} directly followed, in the same block, by a statement that reads
 * {@code a}, where {@code a} is a scalar adjoint and these two lines are its only mentions in the
 * whole method: with {@code b = a} next, {@code b} an adjoint of {@code a}'s type, the two are
 * {@code b = e}: {@code e} is evaluated at the same point, converted to the same type, and stored
 * where it is read. With {@code e} a copy of an adjoint {@code y} of {@code a}'s type, the next
 * statement (an assignment, say {@code dx += a * c}) reads {@code y} in place of {@code a}, when
 * nothing in it assigns before it stores (no nested assignment, increment, push or pop): {@code y}
 * then still holds the value copied. Either way the value {@code a} held is read nowhere else, so
 * dropping the store into it changes no other read.
 */
public final class CopyChains {
    private CopyChains() {}

    /**
     * {@code codes} with every such pair joined, in nested blocks too.
     *
     * @param mentions how often each name occurs in the whole method
     * @param types the type of each scalar adjoint, by name
     */
    public static List<Code> join(List<Code> codes, Map<String, Integer> mentions, Map<String, Ty> types) {
        List<Code> out = new ArrayList<>(codes.size());
        for (Code c : codes) {
            if (c instanceof Code.Branch b) {
                out.add(new Code.Branch(
                        b.cond(), join(b.then(), mentions, types), join(b.otherwise(), mentions, types)));
            } else if (c instanceof Code.Loop l) {
                out.add(new Code.Loop(l.header(), join(l.body(), mentions, types)));
            } else {
                Statement joined = out.isEmpty() ? null : joined(out.get(out.size() - 1), c, mentions, types);
                if (joined != null) {
                    out.set(out.size() - 1, new Code.Line(joined));
                } else {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /**
     * The one statement that {@code first} and {@code second} are under the rules: {@code b = e}
     * for {@code a = e; b = a}, or {@code second} reading {@code y} for {@code a = y; second};
     * else null.
     */
    private static Statement joined(Code first, Code second, Map<String, Integer> mentions, Map<String, Ty> types) {
        Expr.Assign store = plainAssignment(first);
        if (store == null
                || !(store.target() instanceof Expr.Name a)
                || mentions.getOrDefault(a.id(), 0) != 2
                || !types.containsKey(a.id())
                || !(second instanceof Code.Line line)) {
            return null;
        }
        Ty type = types.get(a.id());
        Expr.Assign copy = plainAssignment(second);
        if (copy != null
                && copy.target() instanceof Expr.Name b
                && copy.value().equals(a)
                && !a.equals(b)
                && type.equals(types.get(b.id()))) {
            return new Statement.Eval(new Expr.Assign(b, "=", store.value()));
        }
        Expr.Assign use = Uses.assignment(line.statement());
        if (store.value() instanceof Expr.Name y
                && type.equals(types.get(y.id()))
                && use != null
                && !a.equals(use.target())
                && Uses.mentions(use, a.id())
                && Uses.children(use).stream().allMatch(CopyChains::withoutEffects)) {
            return Uses.rewrite(line.statement(), x -> x.equals(a) ? y : x);
        }
        return null;
    }

    /**
     * Whether evaluating {@code e} assigns nothing (no assignment, increment, push or pop inside):
     * a name read in it then reads the same value wherever in {@code e} it is read.
     */
    private static boolean withoutEffects(Expr e) {
        boolean[] effect = {false};
        Uses.each(
                e,
                x -> effect[0] |= x instanceof Expr.Assign
                        || x instanceof Expr.Postfix
                        || x instanceof Expr.Push
                        || x instanceof Expr.Pop
                        || x instanceof Expr.Opaque
                        || (x instanceof Expr.Unary u && (u.op().equals("++") || u.op().equals("--"))));
        return !effect[0];
    }

    /** The plain assignment {@code x = e} that {@code c} is, or null. */
    private static Expr.Assign plainAssignment(Code c) {
        Expr.Assign a = c instanceof Code.Line l ? Uses.assignment(l.statement()) : null;
        return a != null && a.op().equals("=") ? a : null;
    }
}
