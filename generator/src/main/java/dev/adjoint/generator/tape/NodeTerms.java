package dev.adjoint.generator.tape;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parents of one tape node and their partials, as Java text, for a whole expression rather
 * than one operation (statement-level preaccumulation). When {@code z = f(y)} and {@code y} is an
 * operation over parents {@code p_k} not pushed on its own, then by the chain rule
 * {@code ∂z/∂p_k = ∂z/∂y · ∂y/∂p_k}: {@code z}'s node takes {@code y}'s parents with the partials
 * multiplied through, and {@code y} needs no node. A parent read twice gets one edge with the sum
 * of its partials. The texts are simplified where a factor is ±1, so the common sums and
 * differences stay as plain as the operation-by-operation partials were.
 */
final class NodeTerms {
    /** The most parents one node takes: the widest {@code Tape.pushN}. */
    static final int MAX_PARENTS = 4;

    /** One parent: its handle and the partial of the node with respect to it, both Java text. */
    record Term(String handle, String partial) {}

    // an operand that multiplies without parentheses: a name, an element, a literal or a call with simple arguments
    private static final String ATOM = "(?:[A-Za-z_$][A-Za-z_$0-9.]*(?:\\[[A-Za-z_$0-9]+\\])*(?:\\([^()]*\\))?|[0-9][0-9A-Za-z_.]*)";
    // a product of such operands, optionally negated: texts that need no parentheses as a factor
    private static final Pattern PRODUCT = Pattern.compile("-?" + ATOM + "(?: \\* " + ATOM + ")*");

    private final List<Term> terms = new ArrayList<>();

    /** The parents so far, in the order they were first added. */
    List<Term> terms() {
        return terms;
    }

    /**
     * Adds {@code ∂z/∂handle = partial}, merged into the partial already there when the same handle
     * text was added before (the same variable or element read twice in one expression).
     */
    void add(String handle, String partial) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).handle().equals(handle)) {
                terms.set(i, new Term(handle, plus(terms.get(i).partial(), partial)));
                return;
            }
        }
        terms.add(new Term(handle, partial));
    }

    /** {@code outer · inner}, without the factor when it is 1, as a negation when it is -1. */
    static String times(String outer, String inner) {
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
        boolean negative = false;
        if (outer.startsWith("-") && isProduct(outer)) {
            negative = true;
            outer = outer.substring(1);
        }
        if (inner.startsWith("-") && isProduct(inner)) {
            negative = !negative;
            inner = inner.substring(1);
        }
        String product = factor(outer) + " * " + factor(inner);
        return negative ? "-" + product : product;
    }

    /** {@code a + b}, as {@code a - c} when {@code b} is {@code -c}. */
    static String plus(String a, String b) {
        String left = isProduct(a) ? a : "(" + a + ")";
        if (b.startsWith("-") && isProduct(b)) {
            return left + " - " + b.substring(1);
        }
        return left + " + " + (isProduct(b) ? b : "(" + b + ")");
    }

    /** {@code -x}, with {@code --} cancelled. */
    static String negate(String x) {
        if (x.startsWith("-") && isProduct(x)) {
            return x.substring(1);
        }
        return isProduct(x) ? "-" + x : "-(" + x + ")";
    }

    private static String factor(String x) {
        return isProduct(x) && !x.startsWith("-") ? x : "(" + x + ")";
    }

    private static boolean isProduct(String x) {
        return PRODUCT.matcher(x).matches();
    }

    private static boolean isOne(String x) {
        return x.equals("1.0") || x.equals("1") || x.equals("1.0f");
    }

    private static boolean isMinusOne(String x) {
        return x.equals("-1.0") || x.equals("-1") || x.equals("-1.0f");
    }
}
