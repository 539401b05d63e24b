package dev.adjoint.generator.size;

import dev.adjoint.generator.code.Expr;
import java.util.List;

/**
 * The part of {@link CodeBound} that bounds expressions of the code model: the bytes javac makes of
 * an expression evaluated for its effect, for its value, or as a condition (a test and a jump),
 * each node at its longest encoding, with the jump instructions counted for javac's 'fat code'.
 * An opaque expression, text the model does not take apart, counts by its tokens ({@link RawText}).
 */
final class ExprBound {
    /** Where javac puts each parameter and local. */
    private final CodeSlots slots;
    /** Jump instructions (conditional ones and gotos) in the code bounded so far. */
    long jumps;

    /** The recorder's {@code Tape} parameter, or null. */
    private final String tape;

    ExprBound(CodeSlots slots, String tape) {
        this.slots = slots;
        this.tape = tape;
    }

    /** A local of a slot the bound does not know. */
    private static final int WIDE = CodeSlots.WIDE;

    /** One load or store of {@code name}. */
    private int local(String name) {
        return slots.accessBytes(name);
    }

    /** An expression evaluated for its effect: its value, if any, is dropped. */
    long effect(Expr e) {
        if (e instanceof Expr.Assign a) {
            return assign(a);
        }
        if (e instanceof Expr.Unary u && isIncrement(u.op())) {
            return increment(u.operand());
        }
        if (e instanceof Expr.Postfix p) {
            return increment(p.operand());
        }
        return value(e) + 1; // (pop or pop2 of an unused result)
    }

    /** {@code name = init}, the store of a declaration. */
    long declaration(String name, Expr init) {
        return value(init) + local(name);
    }

    private long assign(Expr.Assign a) {
        boolean compound = !a.op().equals("=");
        Expr target = unparenthesised(a.target());
        // the operation, and a cast back for narrowing (none into a double: nothing is wider)
        boolean intoDouble = target instanceof Expr.Name n && "double".equals(slots.type(n.id()));
        long v = value(a.value()) + (compound ? (intoDouble ? 1 : 2) : 0);
        if (target instanceof Expr.Element acc) {
            // array, index, [dup2, load,] value, [op,] store
            return value(acc.array()) + value(acc.index()) + v + (compound ? 2 : 0) + 1;
        }
        if (target instanceof Expr.Field f) {
            return scope(f.target()) + v + (compound ? 2 : 0) + 3;
        }
        if (target instanceof Expr.Name n) {
            int store = local(n.id());
            return v + (compound ? store : 0) + store;
        }
        // (a pop as a target, or text: its parts as a value, the copies and the store)
        return value(target) + v + (compound ? 2 : 0) + 3;
    }

    private static boolean isIncrement(String op) {
        return op.equals("++") || op.equals("--");
    }

    /**
     * {@code i++} as a statement: iinc on an int local (6 bytes wide); on another local a load, a
     * constant, the operation, a narrowing cast and the store; else load, add, store.
     */
    private long increment(Expr operand) {
        Expr t = unparenthesised(operand);
        if (t instanceof Expr.Name n) {
            int access = local(n.id());
            if ("int".equals(slots.type(n.id()))) {
                return access == WIDE ? 6 : 3; // (wide iinc)
            }
            return 2L * access + 3;
        }
        if (t instanceof Expr.Element acc) {
            return value(acc.array()) + value(acc.index()) + 1 + 1 + 3 + 1 + 1;
        }
        return value(t) + 3 + 1 + 3 + WIDE;
    }

    /** An expression whose value is left on the operand stack. */
    long value(Expr e) {
        if (e instanceof Expr.Paren p) {
            return value(p.inner());
        }
        if (e instanceof Expr.Name n) {
            return local(n.id()); // (a field named alone: getstatic, 3 bytes, less than a wide load)
        }
        if (e instanceof Expr.Literal l) {
            // 0 and 1 of any type have a one-byte instruction (iconst, lconst, fconst, dconst), and so
            // do false, true and null; any other constant at most ldc_w or ldc2_w, 3 bytes (an int
            // literal may stand for a double: 2 * z loads 2.0)
            return isZeroOrOne(l.text()) ? 1 : 3;
        }
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case "&&", "||", "==", "!=", "<", "<=", ">", ">=" -> booleanValue(b);
                case "instanceof" -> value(b.left()) + 3;
                default -> value(b.left()) + value(b.right()) + 1;
            };
        }
        if (e instanceof Expr.Unary u) {
            if (u.op().equals("!")) {
                return booleanValue(u);
            }
            if (isIncrement(u.op())) {
                return incrementValue(u.operand());
            }
            if (u.op().equals("~")) {
                return value(u.operand()) + 4; // ldc2_w -1L, lxor (iconst_m1, ixor for an int)
            }
            if (unparenthesised(u.operand()) instanceof Expr.Literal) {
                return 3; // a negative constant, folded: -1 is ldc2_w -1.0 in a double context
            }
            return value(u.operand()) + 1;
        }
        if (e instanceof Expr.Postfix p) {
            return incrementValue(p.operand());
        }
        if (e instanceof Expr.Cast c) {
            // d2f, i2d, ... one instruction; d2i then i2b for a byte; checkcast for a reference
            String t = c.type();
            boolean one = t.equals("double") || t.equals("float") || t.equals("int") || t.equals("long");
            boolean primitive = one || t.equals("byte") || t.equals("short") || t.equals("char") || t.equals("boolean");
            return value(c.operand()) + (one ? 1 : primitive ? 2 : 3);
        }
        if (e instanceof Expr.Conditional c) {
            jumps++;
            return condition(c.cond()) + value(c.then()) + 3 + value(c.otherwise());
        }
        if (e instanceof Expr.Element a) {
            return value(a.array()) + value(a.index()) + 1;
        }
        if (e instanceof Expr.Field f) {
            if (f.name().equals("length")) {
                return scope(f.target()) + 1; // arraylength (or getstatic of a field named length)
            }
            if (f.name().equals("CONSTANT") && isTapeClass(f.target())) {
                return 1; // the tape's handle of a constant, -1: inlined, iconst_m1
            }
            return scope(f.target()) + 3;
        }
        if (e instanceof Expr.Call c) {
            // invokestatic (3) on a class; on a value as much as invokeinterface (5), a checkcast (3) and
            // an unboxing call (3): the user's List<Double>.get(i) read as a double; unqualified, aload_0
            // and invokevirtual
            // (the tape's pushN: a final class's method returning an int, invokevirtual alone)
            long call = c.target() == null
                    ? 4
                    : isType(c.target())
                            ? 3
                            : value(c.target()) + (c.target() instanceof Expr.Name n && n.id().equals(tape) ? 3 : 11);
            return call + values(c.args());
        }
        if (e instanceof Expr.Push p) {
            // AdjointStacks.push(values, top++, value): the array, top and its iinc, the value, the call
            return local(p.values()) + incrementValue(new Expr.Name(p.top())) + value(p.value()) + 3;
        }
        if (e instanceof Expr.Pop p) {
            // values[--top]
            return local(p.values()) + incrementValue(new Expr.Name(p.top())) + 1;
        }
        if (e instanceof Expr.NewArray n) {
            // newarray, anewarray (3) or multianewarray (4) after its dimensions; an initialiser's
            // length as a constant, then per element dup, index, value, store
            long bytes = 4 + values(n.dims());
            if (n.init() != null) {
                bytes += 3;
                for (Expr x : n.init()) {
                    bytes += 1 + 3 + value(x) + 1;
                }
            }
            return bytes;
        }
        if (e instanceof Expr.New n) {
            return 3 + 1 + 3 + values(n.args()); // new, dup, invokespecial
        }
        if (e instanceof Expr.Assign a) {
            return assign(a) + 2; // (and a copy of the value)
        }
        return RawText.bound(((Expr.Opaque) e).text());
    }

    /**
     * A literal javac loads with a one-byte constant instruction ({@code iconst_1}, {@code dconst_0},
     * {@code aconst_null}): {@code true}, {@code false}, {@code null}, and a number whose value is 0
     * (not -0.0) or 1. A literal this does not read (hex, binary, a character) counts as any other.
     */
    static boolean isZeroOrOne(String literal) {
        if (literal.equals("true") || literal.equals("false") || literal.equals("null")) {
            return true;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == 'x' || c == 'X' || c == 'b' || c == 'B' || c == 'p' || c == 'P') {
                return false;
            }
            boolean suffix = i == literal.length() - 1 && "dDfFlL".indexOf(c) >= 0;
            if (c != '_' && !suffix) {
                digits.append(c);
            }
        }
        try {
            double v = Double.parseDouble(digits.toString());
            return (v == 0 && Double.doubleToRawLongBits(v) == 0) || v == 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private long values(List<Expr> es) {
        long n = 0;
        for (Expr x : es) {
            n += value(x);
        }
        return n;
    }

    /** {@code i++} or {@code ++i} as a value: on a local a load and the increment, else the increment and a copy. */
    private long incrementValue(Expr operand) {
        if (unparenthesised(operand) instanceof Expr.Name n) {
            return local(n.id()) + increment(n);
        }
        return increment(operand) + 2;
    }

    private static Expr unparenthesised(Expr e) {
        return e instanceof Expr.Paren p ? unparenthesised(p.inner()) : e;
    }

    /** The class {@code Tape} (the runtime's, qualified or not), whose {@code CONSTANT} javac inlines. */
    private boolean isTapeClass(Expr e) {
        String name = e instanceof Expr.Name n ? n.id() : e instanceof Expr.Field f ? f.name() : "";
        return name.equals("Tape") && isType(e);
    }

    /** The scope of a field access or call: nothing for a class, the value of a variable. */
    private long scope(Expr scope) {
        return isType(scope) ? 0 : value(scope);
    }

    /**
     * Whether {@code e} names a class ({@code Math}, {@code dev.adjoint.Gradients}): generated code
     * follows Java's naming conventions, classes capitalised, variables and packages not.
     */
    private boolean isType(Expr e) {
        if (e instanceof Expr.Name n) {
            return !slots.has(n.id()) && Character.isUpperCase(n.id().charAt(0));
        }
        return e instanceof Expr.Field f && Character.isUpperCase(f.name().charAt(0)) && isQualifier(f.target());
    }

    /** A package name or a class: no code. */
    private boolean isQualifier(Expr e) {
        if (e instanceof Expr.Name n) {
            return !slots.has(n.id());
        }
        return e instanceof Expr.Field f && isQualifier(f.target());
    }

    /** A boolean as a value: its test and jump, iconst_1, a goto, iconst_0. */
    private long booleanValue(Expr e) {
        jumps++;
        return condition(e) + 5;
    }

    /** A boolean expression as a test and jump, the way javac compiles conditions. */
    long condition(Expr e) {
        if (e instanceof Expr.Paren p) {
            return condition(p.inner());
        }
        if (e instanceof Expr.Literal l && (l.text().equals("true") || l.text().equals("false"))) {
            jumps++;
            return 3; // (javac drops 'true'; 'false' is a goto)
        }
        if (e instanceof Expr.Unary u && u.op().equals("!")) {
            return condition(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case "&&", "||":
                    return condition(b.left()) + condition(b.right());
                case "==", "!=", "<", "<=", ">", ">=":
                    // dcmpl/fcmpl/lcmp then if<cond>; ints: if_icmp<cond>
                    jumps++;
                    return value(b.left()) + value(b.right()) + 4;
                default:
                    break;
            }
        }
        jumps++;
        return value(e) + 3; // ifeq / ifne
    }
}
