package dev.adjoint.generator.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A precedence-climbing reader of the statements the generator writes as text, into the model:
 * JavaParser takes about half a millisecond per statement, too slow for the tens of thousands a
 * large method makes. It knows only what the generator writes (names, literals, calls, fields,
 * elements, casts to primitive types, {@code new}, the operators); anything else makes it give up,
 * and {@link JavaText} asks JavaParser. What it returns must print back to the text it read.
 */
final class Reader {
    private static final Map<String, Integer> BINARY = Map.ofEntries(
            Map.entry("||", 2),
            Map.entry("&&", 3),
            Map.entry("|", 4),
            Map.entry("^", 5),
            Map.entry("&", 6),
            Map.entry("==", 7),
            Map.entry("!=", 7),
            Map.entry("<", 8),
            Map.entry(">", 8),
            Map.entry("<=", 8),
            Map.entry(">=", 8),
            Map.entry("<<", 9),
            Map.entry(">>", 9),
            Map.entry(">>>", 9),
            Map.entry("+", 10),
            Map.entry("-", 10),
            Map.entry("*", 11),
            Map.entry("/", 11),
            Map.entry("%", 11));
    private static final Set<String> ASSIGN =
            Set.of("=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>=");
    private static final Set<String> PRIMITIVE =
            Set.of("double", "float", "int", "long", "boolean", "short", "byte", "char");
    private static final String[] OPERATORS = {
        ">>>=", "<<=", ">>=", ">>>", "...", "++", "--", "&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=",
        "%=", "&=", "|=", "^=", "<<", ">>", "->", "::"
    };

    /** Gives up on text it does not know. */
    static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    private final List<String> tokens;
    private int at;

    private Reader(List<String> tokens) {
        this.tokens = tokens;
    }

    /** The statement {@code text} writes; null when the reader does not know it. */
    static Statement statement(String text) {
        try {
            Reader r = new Reader(tokens(text));
            Statement s = r.statement();
            return r.at == r.tokens.size() ? s : null;
        } catch (Unknown | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The expression {@code text} writes; null when the reader does not know it. */
    static Expr expression(String text) {
        try {
            Reader r = new Reader(tokens(text));
            Expr e = r.expression(0);
            return r.at == r.tokens.size() ? e : null;
        } catch (Unknown | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ') {
                i++;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(text.charAt(j))) {
                    j++;
                }
                out.add(text.substring(i, j));
                i = j;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < n
                        && (Character.isLetterOrDigit(text.charAt(j))
                                || text.charAt(j) == '.'
                                || text.charAt(j) == '_'
                                || (text.charAt(j) == '+' || text.charAt(j) == '-')
                                        && (text.charAt(j - 1) == 'e' || text.charAt(j - 1) == 'E')
                                        && !text.startsWith("0x", i))) {
                    j++;
                }
                out.add(text.substring(i, j));
                i = j;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c) {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= n) {
                    throw new Unknown();
                }
                out.add(text.substring(i, j + 1));
                i = j + 1;
            } else {
                String op = String.valueOf(c);
                for (String o : OPERATORS) {
                    if (text.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if ("\t\n\r/\\@#`".indexOf(c) >= 0 && !op.equals("/")
                        || text.startsWith("//", i)
                        || text.startsWith("/*", i)) {
                    throw new Unknown();
                }
                out.add(op);
                i += op.length();
            }
        }
        return out;
    }

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : "";
    }

    private String peek(int ahead) {
        return at + ahead < tokens.size() ? tokens.get(at + ahead) : "";
    }

    private String next() {
        return tokens.get(at++);
    }

    private void expect(String t) {
        if (!next().equals(t)) {
            throw new Unknown();
        }
    }

    private static boolean identifier(String t) {
        return !t.isEmpty() && Character.isJavaIdentifierStart(t.charAt(0));
    }

    private Statement statement() {
        String first = peek();
        switch (first) {
            case "return":
                next();
                return new Statement.Return(at == tokens.size() ? null : expression(0));
            case "break":
            case "continue":
                next();
                return new Statement.Jump(first.equals("break"));
            case "throw":
                next();
                return new Statement.Throw(expression(0));
            default:
                break;
        }
        int start = at;
        String modifiers = "";
        if (first.equals("final")) {
            modifiers = next();
        }
        String type = type();
        if (type != null && identifier(peek()) && (peek(1).equals("=") || peek(1).isEmpty())) {
            String name = next();
            Expr init = null;
            if (!peek().isEmpty()) {
                expect("=");
                init = expression(0);
            }
            return new Statement.Declare(modifiers, type, name, init);
        }
        if (!modifiers.isEmpty()) {
            throw new Unknown();
        }
        at = start;
        return new Statement.Eval(expression(0));
    }

    /** A type ({@code double[]}, {@code dev.adjoint.stack.AdjointStacks}) at the reader's place; null when there is none. */
    private String type() {
        int start = at;
        if (!identifier(peek())
                || Set.of("new", "this", "true", "false", "null").contains(peek())) {
            return null;
        }
        StringBuilder sb = new StringBuilder(next());
        while (peek().equals(".") && identifier(peek(1))) {
            sb.append(next()).append(next());
        }
        while (peek().equals("[") && peek(1).equals("]")) {
            sb.append(next()).append(next());
        }
        if (!identifier(peek())) {
            at = start;
            return null;
        }
        return sb.toString();
    }

    private Expr expression(int min) {
        Expr left = unary();
        while (true) {
            String op = peek();
            if (ASSIGN.contains(op) && min <= Expr.ASSIGNMENT) {
                next();
                left = new Expr.Assign(left, op, expression(Expr.ASSIGNMENT));
            } else if (op.equals("?") && min <= Expr.CONDITIONAL) {
                next();
                Expr then = expression(Expr.CONDITIONAL + 1);
                expect(":");
                left = new Expr.Conditional(left, then, expression(Expr.CONDITIONAL));
            } else if (BINARY.containsKey(op) && BINARY.get(op) >= min) {
                next();
                left = new Expr.Binary(op, left, expression(BINARY.get(op) + 1));
            } else if (op.equals("instanceof")) {
                throw new Unknown();
            } else {
                return left;
            }
        }
    }

    private Expr unary() {
        String t = peek();
        if (t.equals("-") || t.equals("+") || t.equals("!") || t.equals("~") || t.equals("++") || t.equals("--")) {
            next();
            return new Expr.Unary(t, unary());
        }
        if (t.equals("(") && PRIMITIVE.contains(peek(1))) {
            int start = at;
            next();
            StringBuilder type = new StringBuilder(next());
            while (peek().equals("[") && peek(1).equals("]")) {
                type.append(next()).append(next());
            }
            if (peek().equals(")")) {
                next();
                return new Expr.Cast(type.toString(), unary());
            }
            at = start;
        }
        return postfix(primary());
    }

    private Expr postfix(Expr e) {
        while (true) {
            String t = peek();
            if (t.equals(".") && identifier(peek(1))) {
                next();
                String name = next();
                if (peek().equals("(")) {
                    e = call(e, name);
                } else {
                    e = new Expr.Field(e, name);
                }
            } else if (t.equals("[")) {
                next();
                Expr index = expression(0);
                expect("]");
                e = e instanceof Expr.Name v
                                && index instanceof Expr.Unary u
                                && u.op().equals("--")
                                && u.operand() instanceof Expr.Name top
                        ? new Expr.Pop(v.id(), top.id())
                        : new Expr.Element(e, index);
            } else if (t.equals("++") || t.equals("--")) {
                next();
                e = new Expr.Postfix(e, t);
            } else {
                return e;
            }
        }
    }

    private Expr call(Expr target, String name) {
        expect("(");
        List<Expr> args = new ArrayList<>();
        while (!peek().equals(")")) {
            if (!args.isEmpty()) {
                expect(",");
            }
            args.add(expression(0));
        }
        next();
        if (name.equals("push")
                && target != null
                && target.toString().equals(Printer.STACKS)
                && args.size() == 3
                && args.get(0) instanceof Expr.Name values
                && args.get(1) instanceof Expr.Postfix p
                && p.op().equals("++")
                && p.operand() instanceof Expr.Name top) {
            return new Expr.Push(values.id(), top.id(), args.get(2));
        }
        return new Expr.Call(target, name, args);
    }

    private Expr primary() {
        String t = next();
        if (t.equals("(")) {
            Expr inner = expression(0);
            expect(")");
            return new Expr.Paren(inner);
        }
        if (t.equals("new")) {
            return creation();
        }
        char c = t.charAt(0);
        if (Character.isDigit(c)
                || c == '.'
                || c == '"'
                || c == '\''
                || t.equals("true")
                || t.equals("false")
                || t.equals("null")) {
            return new Expr.Literal(t);
        }
        if (!identifier(t) || PRIMITIVE.contains(t) && !peek().equals(".")) {
            throw new Unknown();
        }
        if (peek().equals("(")) {
            return call(null, t);
        }
        return new Expr.Name(t);
    }

    private Expr creation() {
        StringBuilder type = new StringBuilder(next());
        if (!identifier(type.toString())) {
            throw new Unknown();
        }
        while (peek().equals(".") && identifier(peek(1))) {
            type.append(next()).append(next());
        }
        if (peek().equals("(")) {
            Expr.Call c = (Expr.Call) call(null, "");
            return new Expr.New(type.toString(), c.args());
        }
        List<Expr> dims = new ArrayList<>();
        int open = 0;
        while (peek().equals("[")) {
            next();
            if (peek().equals("]")) {
                next();
                open++;
            } else if (open > 0) {
                throw new Unknown();
            } else {
                dims.add(expression(0));
                expect("]");
            }
        }
        if (dims.isEmpty() && open == 0) {
            throw new Unknown();
        }
        List<Expr> init = null;
        if (peek().equals("{")) {
            next();
            init = new ArrayList<>();
            while (!peek().equals("}")) {
                if (!init.isEmpty()) {
                    expect(",");
                }
                init.add(expression(0));
            }
            next();
        }
        return new Expr.NewArray(type.toString(), dims, open, init);
    }
}
