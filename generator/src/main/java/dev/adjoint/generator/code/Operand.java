package dev.adjoint.generator.code;

/**
 * An expression placed as an operand into a larger one (a derivative rule's argument, a factor):
 * as it is when it stands alone, else in parentheses. Standing alone is decided on the node, and
 * narrowly, so that code reads as it always has: a name or qualified name ({@code x},
 * {@code Math.PI}), such a name's elements indexed by a name or a number ({@code a[i][0]}), a
 * literal ({@code 2.0}, {@code 1e+5}, {@code true}). Everything else, {@code -1.0} and
 * {@code 1e-5} included, is parenthesised: {@code dz * (-1.0)}, never {@code dz * -1.0}.
 */
public final class Operand {
    private Operand() {}

    /** {@code e}, in parentheses unless it stands alone. */
    public static Expr of(Expr e) {
        return standsAlone(e) ? e : new Expr.Paren(e);
    }

    /** Whether {@code e} needs no parentheses as an operand (see the class comment). */
    public static boolean standsAlone(Expr e) {
        if (e instanceof Expr.Literal l) {
            return isLiteralAlone(l.text());
        }
        return isNamed(e);
    }

    /** A name or a qualified name, or such a name's elements indexed by a name or an unsigned integer literal. */
    public static boolean isNamed(Expr e) {
        Expr named = e;
        while (named instanceof Expr.Element el) {
            if (!isPlainIndex(el.index())) {
                return false;
            }
            named = el.array();
        }
        return isQualified(named);
    }

    /** A name or a qualified name, each part an ASCII identifier. */
    public static boolean isQualified(Expr e) {
        if (e instanceof Expr.Name n) {
            return isIdentifier(n.id());
        }
        if (e instanceof Expr.Literal l) {
            // (true, null, Foo.class: a literal spelled as a name)
            return isWord(l.text(), true);
        }
        return e instanceof Expr.Field f && isIdentifier(f.name()) && isQualified(f.target());
    }

    /** An index that keeps its element standing alone: a name or an unsigned integer literal. */
    public static boolean isPlainIndex(Expr index) {
        if (index instanceof Expr.Name n) {
            return isIdentifier(n.id());
        }
        return index instanceof Expr.Literal l && isWord(l.text(), false);
    }

    /**
     * A literal token that stands alone: one spelled as a name, or one starting with a digit whose
     * characters are letters, digits, {@code _}, {@code .} or {@code +} (an exponent's sign; a
     * negative exponent, {@code 1e-5}, reads as a subtraction and is parenthesised).
     */
    private static boolean isLiteralAlone(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (!isDigit(text.charAt(0))) {
            return isWord(text, true);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isAsciiLetter(c) || isDigit(c) || c == '_' || c == '.' || c == '+')) {
                return false;
            }
        }
        return true;
    }

    /** An ASCII identifier: a letter, {@code _} or {@code $}, then those or digits. */
    public static boolean isIdentifier(String s) {
        return !s.isEmpty() && !isDigit(s.charAt(0)) && isWord(s, false);
    }

    /** ASCII letters, digits, {@code _}, {@code $}, and with {@code dots} {@code .}, not starting with a dot. */
    private static boolean isWord(String s, boolean dots) {
        if (s.isEmpty() || s.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetter(c) || isDigit(c) || c == '_' || c == '$' || (dots && c == '.'))) {
                return false;
            }
        }
        return !dots || !isDigit(s.charAt(0));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
