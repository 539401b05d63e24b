package dev.adjoint.generator.tape;

import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.code.Uses;
import java.util.ArrayList;
import java.util.List;

/**
 * The parents of one tape node and their partials, for a whole expression rather than one
 * operation (statement-level preaccumulation). When {@code z = f(y)} and {@code y} is an
 * operation over parents {@code p_k} not pushed on its own, then by the chain rule
 * {@code ∂z/∂p_k = ∂z/∂y · ∂y/∂p_k}: {@code z}'s node takes {@code y}'s parents with the partials
 * multiplied through, and {@code y} needs no node. A parent read twice gets one edge with the sum
 * of its partials. The partials are simplified where a factor is ±1, so the common sums and
 * differences stay as plain as the operation-by-operation partials were. A product
 * ({@code -x * Math.cos(y) * w}) is kept flat, a chain of factors with the sign on the first:
 * multiplying two of them chains their factors, so no parentheses are needed between them.
 */
final class NodeTerms {
    /** The most parents one node takes: the widest {@code Tape.pushN}. */
    static final int MAX_PARENTS = 4;

    /** One parent: its handle (Java text) and the partial of the node with respect to it. */
    record Term(String handle, Expr partial) {}

    /** A product as it reads: {@code -f1 * f2 * ...}, each factor an operand that multiplies without parentheses. */
    private record Product(boolean negative, List<Expr> factors) {
        Expr expr(boolean negated) {
            Expr out = negated ? new Expr.Unary("-", factors.get(0)) : factors.get(0);
            for (int i = 1; i < factors.size(); i++) {
                out = new Expr.Binary("*", out, factors.get(i));
            }
            return out;
        }
    }

    private final List<Term> terms = new ArrayList<>();

    /** Whether a partial may be infinite or NaN at finite arguments ({@code sqrt} at 0 among the operations taken in). */
    private boolean unbounded;

    /** Marks the partials as possibly infinite (see {@link #unlessZero}). */
    void markUnbounded() {
        unbounded = true;
    }

    boolean unbounded() {
        return unbounded;
    }

    /**
     * {@code product}, the partial {@code factor · ∂y/∂p} chained through an operation {@code y} whose
     * partials may be infinite: 0 where {@code factor}, what reaches {@code y}, is 0, as the static
     * strategy's zero adjoint contributes 0 and the tape's sweep skips a node whose adjoint is 0 (the
     * product {@code a * b} of {@code a = sqrt(max(u, 0))} and {@code b = sqrt(max(v, 0))} at
     * {@code u < 0, v = 0}: {@code a · 1/(2b) = 0 · ∞} would be NaN).
     */
    static Expr unlessZero(Expr factor, Expr product) {
        if (factor instanceof Expr.Literal || isZero(product)) {
            return product;
        }
        return new Expr.Paren(new Expr.Conditional(
                new Expr.Binary("==", Operand.of(factor), new Expr.Literal("0")),
                new Expr.Literal("0"),
                Operand.of(product)));
    }

    /** The parents so far, in the order they were first added. */
    List<Term> terms() {
        return terms;
    }

    /**
     * Adds {@code ∂z/∂handle = partial}, merged into the partial already there when the same handle
     * text was added before (the same variable or element read twice in one expression).
     */
    void add(String handle, Expr partial) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).handle().equals(handle)) {
                terms.set(i, new Term(handle, plus(terms.get(i).partial(), partial)));
                return;
            }
        }
        terms.add(new Term(handle, partial));
    }

    /** {@code partial} without a leading factor 1 ({@code 1.0 * x * y} is {@code x * y}, {@code -1.0 * x} is {@code -x}). */
    static Expr simplify(Expr partial) {
        if (partial instanceof Expr.Binary b && b.op().equals("*")) {
            if (isOne(b.left())) {
                return b.right();
            }
            if (b.left() instanceof Expr.Unary u && u.op().equals("-") && isOne(u.operand())) {
                return new Expr.Unary("-", b.right());
            }
        }
        if (partial instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), simplify(b.left()), b.right());
        }
        if (partial instanceof Expr.Conditional c) {
            return new Expr.Conditional(simplify(c.cond()), c.then(), c.otherwise());
        }
        return partial;
    }

    /**
     * {@code outer · inner}, without the factor when it is 1, as a negation when it is -1. A choice
     * ({@code v > 0.0 ? 1.0 : 0}, a clamp's or {@code abs}'s partial) is taken before the product, each
     * branch times the other factor and a branch of 0 staying 0: past a clamp, an infinite partial
     * ({@code sqrt} at 0 in {@code sqrt(max(v, 0))}) contributes 0, as in the static strategy's select,
     * not {@code ∞ · 0}, which is NaN.
     */
    static Expr times(Expr outer, Expr inner) {
        if (isZero(outer) || isZero(inner)) {
            return new Expr.Literal("0");
        }
        if (unparen(inner) instanceof Expr.Conditional c) {
            return new Expr.Paren(new Expr.Conditional(c.cond(), times(outer, c.then()), times(outer, c.otherwise())));
        }
        if (unparen(outer) instanceof Expr.Conditional c) {
            return new Expr.Paren(new Expr.Conditional(c.cond(), times(c.then(), inner), times(c.otherwise(), inner)));
        }
        if (isOne(outer)) {
            return inner;
        }
        if (isOne(inner)) {
            return outer;
        }
        if (isMinusOne(outer)) {
            return negate(inner);
        }
        if (isMinusOne(inner)) {
            return negate(outer);
        }
        Product a = product(outer);
        Product b = product(inner);
        boolean negative = (a != null && a.negative()) != (b != null && b.negative());
        List<Expr> factors = new ArrayList<>();
        factors.addAll(a != null ? a.factors() : List.of(new Expr.Paren(outer)));
        factors.addAll(b != null ? b.factors() : List.of(new Expr.Paren(inner)));
        return new Product(negative, factors).expr(negative);
    }

    /** {@code a + b}, as {@code a - c} when {@code b} is {@code -c}. */
    static Expr plus(Expr a, Expr b) {
        Expr left = product(a) != null ? a : new Expr.Paren(a);
        Product pb = product(b);
        if (pb != null && pb.negative()) {
            return new Expr.Binary("-", left, pb.expr(false));
        }
        return new Expr.Binary("+", left, pb != null ? b : new Expr.Paren(b));
    }

    /** {@code -x}, with {@code --} cancelled. */
    static Expr negate(Expr x) {
        Product p = product(x);
        return p != null ? p.expr(!p.negative()) : new Expr.Unary("-", new Expr.Paren(x));
    }

    /** {@code e} as a product of factors, or null when it is none. */
    private static Product product(Expr e) {
        List<Expr> factors = new ArrayList<>();
        Expr x = e;
        while (x instanceof Expr.Binary b && b.op().equals("*")) {
            if (!isFactor(b.right())) {
                return null;
            }
            factors.add(0, b.right());
            x = b.left();
        }
        boolean negative = x instanceof Expr.Unary u && u.op().equals("-");
        Expr first = negative ? ((Expr.Unary) x).operand() : x;
        if (!isFactor(first)) {
            return null;
        }
        factors.add(0, first);
        return new Product(negative, factors);
    }

    /**
     * An operand that multiplies without parentheses: a name, an element, a literal, or a call
     * whose arguments hold no parentheses ({@code Math.cos(x[i])}, not {@code Math.cos(Math.sin(x))}).
     */
    private static boolean isFactor(Expr e) {
        if (e instanceof Expr.Literal l
                && !l.text().isEmpty()
                && Character.isDigit(l.text().charAt(0))) {
            return l.text().chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.');
        }
        if (e instanceof Expr.Call c) {
            return Operand.isIdentifier(c.name())
                    && (c.target() == null || Operand.isQualified(c.target()))
                    && c.args().stream().allMatch(NodeTerms::withoutParentheses);
        }
        return Operand.isNamed(e);
    }

    /** Whether {@code e} prints without a parenthesis (its nodes print exactly as the parentheses they hold). */
    private static boolean withoutParentheses(Expr e) {
        boolean[] some = {false};
        Uses.each(
                e,
                x -> some[0] |= x instanceof Expr.Call
                        || x instanceof Expr.Cast
                        || x instanceof Expr.Paren
                        || x instanceof Expr.New
                        || x instanceof Expr.Push
                        || (x instanceof Expr.Literal l
                                && (l.text().indexOf('(') >= 0 || l.text().indexOf(')') >= 0))
                        || (x instanceof Expr.Opaque o
                                && (o.text().indexOf('(') >= 0 || o.text().indexOf(')') >= 0)));
        return !some[0];
    }

    private static Expr unparen(Expr x) {
        return x instanceof Expr.Paren p ? unparen(p.inner()) : x;
    }

    private static boolean isZero(Expr x) {
        return unparen(x) instanceof Expr.Literal l
                && (l.text().equals("0") || l.text().equals("0.0") || l.text().equals("0.0f"));
    }

    private static boolean isOne(Expr x) {
        return x instanceof Expr.Literal l
                && (l.text().equals("1.0") || l.text().equals("1") || l.text().equals("1.0f"));
    }

    private static boolean isMinusOne(Expr x) {
        return x instanceof Expr.Unary u && u.op().equals("-") && isOne(u.operand());
    }
}
