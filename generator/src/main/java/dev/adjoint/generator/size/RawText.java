package dev.adjoint.generator.size;

/**
 * The bound of Java text the model does not take apart ({@code Code.Raw}, the opaque nodes: the
 * user's statements and expressions copied as written, the guards the normalizer writes as text),
 * without parsing it: {@link #BYTES_PER_TOKEN} bytes for each token. Every instruction javac makes
 * is some token's: a name's load or store, an operator's instruction, a literal's constant, a
 * keyword's ({@code new}, {@code throw}), and the densest code is well under 16 bytes a token,
 * 'fat code' (every jump 5 bytes longer) included: a boolean as a value, {@code !a}, is 22 bytes
 * for 2 tokens (a wide load, a jump, two constants and a goto, its two jumps fat); {@code assert c}
 * 34 for 2; a {@code case "k":} of a switch on strings about 48 for 3 (its label in both switches
 * javac makes, a call of {@code equals}, the jumps). Code that javac copies ({@code finally}) is
 * outside this rule: no such text is long (the tape strategy's {@code Vjp}, whose few statements
 * make far less than 16 bytes a token, is the one that holds a {@code finally}).
 *
 * <p>The tokens are counted, never read: a run of letters, digits, {@code _}, {@code $} and
 * {@code .} inside a number is one; a string, text block or character literal is one; any other
 * character but white space is one (so {@code +=} counts two, which only adds to the bound).
 */
final class RawText {
    /** The most bytes of bytecode one token of Java makes (see the class comment). */
    static final int BYTES_PER_TOKEN = 16;

    private RawText() {}

    /** An upper bound on the bytecode {@code text} makes (at least one token: a statement's end). */
    static long bound(String text) {
        return BYTES_PER_TOKEN * (tokens(text) + 1L);
    }

    /** The number of tokens of {@code text}, each operator character counted as one. */
    static int tokens(String text) {
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            n++;
            if (Character.isJavaIdentifierPart(c)) {
                boolean number = Character.isDigit(c);
                i++;
                while (i < text.length()
                        && (Character.isJavaIdentifierPart(text.charAt(i)) || (number && text.charAt(i) == '.'))) {
                    i++;
                }
            } else if (c == '"' && text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                i = end < 0 ? text.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                i = literalEnd(text, i);
            } else {
                i++;
            }
        }
        return n;
    }

    /** The index after the string or character literal that starts at {@code start}. */
    private static int literalEnd(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(text.length(), i + 1);
    }
}
