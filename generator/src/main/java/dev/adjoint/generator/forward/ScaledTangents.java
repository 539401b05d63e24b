package dev.adjoint.generator.forward;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.ir.Atom;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.types.Ty;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Tangents kept as {@code raw × k}, {@code k} a signed power of two, so that negations and the
 * doublings of squares are not computed where the next operation absorbs them: for
 * {@code b = 1 − x}, {@code ḃ = −ẋ} is not computed, and {@code t = b·b} stores
 * {@code ṫ/(−2) = ḃ_raw·b}; {@code s = p + t} with {@code p} and {@code t} of one scale adds the
 * raws. Scaling by a signed power of two is exact in IEEE arithmetic (barring overflow), so each
 * tangent is the one the rule table gives, to the bit, one or two operations cheaper: a cheap
 * objective's forward sweep is bound by its floating-point operations (Rosenbrock: 8 instead of 10
 * per term). A variable keeps a scale only when the method assigns it once and reads it nowhere
 * before that assignment (so every read sees a value of that statement, or the initial zero),
 * or when it is an <em>accumulator</em> ({@link ScaleCandidates}: {@code s += 100·a·a + b·b} in a
 * loop, its sum's raw added unscaled, one multiplication per term fewer); any other use gets the
 * materialised {@code k·raw}, a doubling as {@code raw + raw} (the same value: both round
 * {@code 2·raw} exactly), an addition where a core has as many adders as multipliers.
 */
final class ScaledTangents {
    /** A tangent {@code k · raw}. */
    record Scaled(Expr raw, int k) {
        Expr materialised() {
            if (k == 2 && raw instanceof Expr.Name) {
                return new Expr.Binary("+", raw, raw);
            }
            return k == 1
                    ? raw
                    : k == -1 ? new Expr.Unary("-", Operand.of(raw)) : new Expr.Binary("*", factor(k), Operand.of(raw));
        }
    }

    /** {@code k} as a literal, negated when negative ({@code -2 * x} reads as {@code (-2) * x}). */
    private static Expr factor(int k) {
        Expr size = new Expr.Literal(Integer.toString(Math.abs(k)));
        return k < 0 ? new Expr.Unary("-", size) : size;
    }

    private final Set<Atom.Var> eligible;
    /** Each accumulator's sum temporary {@code t} (of {@code t = s + e; s = t}) to the accumulator {@code s}. */
    private final Map<Atom.Var, Atom.Var> sums;

    private final Map<Atom.Var, Integer> scales = new HashMap<>();
    /** The tangent of an atom as stored (a variable's raw), or null where it is 0. */
    private final Function<Atom, Expr> stored;

    ScaledTangents(List<Stmt> body, List<Atom.Var> locals, Function<Atom, Expr> stored) {
        ScaleCandidates candidates = new ScaleCandidates(body, Set.copyOf(locals));
        this.eligible = candidates.assignedOnce;
        this.sums = candidates.sums;
        this.stored = stored;
    }

    /** The factor {@code k} by which the variable holding {@code v}'s tangent is to be multiplied. */
    int scale(Atom.Var v) {
        return scales.getOrDefault(v, 1);
    }

    /** The tangent of {@code a} as a value (its scale applied), or null where it is 0. */
    Expr of(Atom a) {
        Scaled s = scaled(a);
        return s == null ? null : s.materialised();
    }

    private Scaled scaled(Atom a) {
        Expr raw = stored.apply(a);
        if (raw == null) {
            return null;
        }
        return new Scaled(raw, a instanceof Atom.Var v ? scales.getOrDefault(v, 1) : 1);
    }

    /**
     * The tangent of {@code z = ap} as the value to assign to {@code ż}'s variable (raw, with
     * {@code z}'s scale recorded, when {@code z} may keep one), or null when no fold applies.
     *
     * @param previous the statement before, in the same block: for {@code z = u·v} after
     *     {@code u = c·v} ({@code z = c·v²}, see {@link TangentFolds#scaledSquare}) the raw
     *     {@code v̇·u}, scale 2
     */
    Expr fold(Op.Apply ap, Atom.Var z, Stmt previous) {
        Atom.Var accumulator = sums.get(z);
        if (accumulator != null && sameType(ap, z.type())) {
            // the sum t = s ± e decides s's scale: e's (negated for s − e), so that t adds the raws
            Atom e = ap.args().get(0).equals(accumulator)
                    ? ap.args().get(1)
                    : ap.args().get(0);
            Scaled te = scaled(e);
            if (te != null) {
                scales.put(accumulator, ap.rule().equals("-") ? -te.k() : te.k());
            }
        }
        Scaled s = scaledFold(ap, z.type(), previous);
        if (s == null) {
            return null;
        }
        if (eligible.contains(z) && !ap.args().contains(z)) {
            scales.put(z, s.k());
            return s.raw();
        }
        if (sums.containsValue(z)) {
            // s = t: t holds s's scale (its sum was folded with s's raw), unless no fold applied to it (both 1)
            if (s.k() != scale(z)) {
                throw new IllegalStateException("the accumulator " + z + " at scale " + scale(z) + " given " + s);
            }
            return s.raw();
        }
        return s.materialised();
    }

    private static boolean sameType(Op.Apply ap, Ty zt) {
        return ap.args().stream().allMatch(a -> a.type().equals(zt) || a instanceof Atom.Const);
    }

    private Scaled scaledFold(Op.Apply ap, Ty zt, Stmt previous) {
        List<Atom> args = ap.args();
        if (!sameType(ap, zt)) {
            return null; // (mixed float and double: the rule's widening, not a fold)
        }
        switch (ap.rule()) {
            case "neg", "copy" -> {
                Scaled a = scaled(args.get(0));
                return a == null ? null : new Scaled(a.raw(), ap.rule().equals("neg") ? -a.k() : a.k());
            }
            case "+", "-" -> {
                Scaled a = scaled(args.get(0));
                Scaled b = scaled(args.get(1));
                int sign = ap.rule().equals("-") ? -1 : 1;
                if (a == null && b == null) {
                    return null;
                }
                if (a == null) {
                    return new Scaled(b.raw(), sign * b.k());
                }
                if (b == null) {
                    return a;
                }
                if (Math.abs(a.k()) != Math.abs(b.k())) {
                    String op = sign == 1 ? "+" : "-";
                    return new Scaled(
                            new Expr.Binary(op, Operand.of(a.materialised()), Operand.of(b.materialised())), 1);
                }
                boolean same = a.k() * sign == b.k();
                return new Scaled(new Expr.Binary(same ? "+" : "-", Operand.of(a.raw()), Operand.of(b.raw())), a.k());
            }
            case "*" -> {
                if (args.get(0).equals(args.get(1))) {
                    Scaled v = scaled(args.get(0)); // v·v: 2·v·v̇
                    return v == null
                            ? null
                            : new Scaled(
                                    new Expr.Binary("*", Operand.of(v.raw()), AtomCode.of(args.get(0))), 2 * v.k());
                }
                return scaledSquare(ap, previous);
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code z = u·v} right after {@code u = c·v}: {@code ż = 2·(v̇·u)} (see {@link TangentFolds#scaledSquare}). */
    private Scaled scaledSquare(Op.Apply ap, Stmt previous) {
        if (!(previous instanceof Stmt.Assign p)
                || !(p.op() instanceof Op.Apply q)
                || !q.rule().equals("*")
                || q.args().size() != 2) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            Atom u = ap.args().get(i);
            Atom v = ap.args().get(1 - i);
            if (!u.equals(p.target()) || !(v instanceof Atom.Var) || v.equals(u)) {
                continue;
            }
            List<Atom> c = q.args();
            boolean scaled = c.get(0) instanceof Atom.Const && c.get(1).equals(v)
                    || c.get(1) instanceof Atom.Const && c.get(0).equals(v);
            Scaled tv = scaled(v);
            if (scaled && tv != null) {
                return new Scaled(new Expr.Binary("*", Operand.of(tv.raw()), AtomCode.of(u)), 2 * tv.k());
            }
        }
        return null;
    }
}
