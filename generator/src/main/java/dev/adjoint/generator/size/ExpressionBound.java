package dev.adjoint.generator.size;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;

/**
 * The part of {@link BytecodeBound} that bounds expressions: the bytes javac makes of an
 * expression evaluated for its effect, for its value, or as a condition (a test and a jump), each
 * construct at its longest encoding, with the jump instructions counted for javac's 'fat code'
 * ({@link ExprBound} on nodes).
 */
final class ExpressionBound {
    /** Where javac puts each parameter and local. */
    private final LocalSlots slots;
    /** Jump instructions (conditional ones and gotos) in the code bounded so far. */
    long jumps;

    ExpressionBound(LocalSlots slots) {
        this.slots = slots;
    }

    /** A local of a slot the bound does not know (javac's own, of a for-each or a finally). */
    private static final int WIDE = LocalSlots.WIDE;

    /** One load or store of {@code name}. */
    private int local(String name) {
        return slots.accessBytes(name);
    }

    /** An expression evaluated for its effect: its value, if any, is dropped. */
    long effect(Expression e) {
        if (e instanceof VariableDeclarationExpr v) {
            long n = 0;
            for (VariableDeclarator d : v.getVariables()) {
                n += d.getInitializer()
                        .map(i -> value(i) + local(d.getNameAsString()))
                        .orElse(0L);
            }
            return n;
        }
        if (e instanceof AssignExpr a) {
            return assign(a);
        }
        if (e instanceof UnaryExpr u && isIncrement(u)) {
            return increment(u);
        }
        return value(e) + 1; // (pop or pop2 of an unused result)
    }

    private long assign(AssignExpr a) {
        boolean compound = a.getOperator() != AssignExpr.Operator.ASSIGN;
        Expression target = a.getTarget();
        // the operation, and a cast back for narrowing (none into a double: nothing is wider)
        boolean intoDouble = target instanceof NameExpr n && "double".equals(slots.type(n.getNameAsString()));
        long v = value(a.getValue()) + (compound ? (intoDouble ? 1 : 2) : 0);
        if (target instanceof ArrayAccessExpr acc) {
            // array, index, [dup2, load,] value, [op,] store
            return value(acc.getName()) + value(acc.getIndex()) + v + (compound ? 2 : 0) + 1;
        }
        if (target instanceof FieldAccessExpr f) {
            return scope(f.getScope()) + v + (compound ? 2 : 0) + 3;
        }
        int store = target instanceof NameExpr n ? local(n.getNameAsString()) : WIDE;
        return v + (compound ? store : 0) + store;
    }

    private static boolean isIncrement(UnaryExpr u) {
        return u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT
                || u.getOperator() == UnaryExpr.Operator.POSTFIX_DECREMENT
                || u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                || u.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT;
    }

    /** {@code i++} as a statement: iinc (6 bytes wide) on a local, else load, add, store. */
    private long increment(UnaryExpr u) {
        Expression t = u.getExpression();
        if (t instanceof NameExpr n) {
            return local(n.getNameAsString()) == 4 ? 6 : 3; // (wide iinc)
        }
        if (t instanceof ArrayAccessExpr acc) {
            return value(acc.getName()) + value(acc.getIndex()) + 1 + 1 + 3 + 1 + 1;
        }
        return value(t) + 3 + 1 + 3 + WIDE;
    }

    /** An expression whose value is left on the operand stack. */
    long value(Expression e) {
        if (e instanceof EnclosedExpr en) {
            return value(en.getInner());
        }
        if (e instanceof NameExpr n) {
            return local(n.getNameAsString()); // (a field named alone: getstatic, 3 bytes, less than a wide load)
        }
        if (e instanceof LiteralExpr l) {
            // 0 and 1 of any type have a one-byte instruction (iconst, lconst, fconst, dconst), and so
            // do false, true and null; any other constant at most ldc_w or ldc2_w, 3 bytes (an int
            // literal may stand for a double: 2 * z loads 2.0)
            return isZeroOrOne(l) ? 1 : 3;
        }
        if (e instanceof BinaryExpr b) {
            return switch (b.getOperator()) {
                case AND, OR, EQUALS, NOT_EQUALS, LESS, LESS_EQUALS, GREATER, GREATER_EQUALS -> booleanValue(b);
                default -> value(b.getLeft()) + value(b.getRight()) + 1;
            };
        }
        if (e instanceof UnaryExpr u) {
            if (u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
                return booleanValue(u);
            }
            if (isIncrement(u)) {
                if (u.getExpression() instanceof NameExpr n) {
                    return local(n.getNameAsString()) + increment(u); // a load of the local, and iinc
                }
                return increment(u) + 2; // (and a copy of the value)
            }
            if (u.getExpression() instanceof LiteralExpr) {
                return 3; // a negative constant, folded: -1 is ldc2_w -1.0 in a double context
            }
            return value(u.getExpression()) + 1;
        }
        if (e instanceof CastExpr c) {
            // d2f, i2d, ... one instruction; d2i then i2b for a byte; checkcast for a reference
            String t = c.getType().asString();
            boolean one = t.equals("double") || t.equals("float") || t.equals("int") || t.equals("long");
            return value(c.getExpression()) + (one ? 1 : c.getType().isPrimitiveType() ? 2 : 3);
        }
        if (e instanceof ConditionalExpr c) {
            jumps++;
            return condition(c.getCondition()) + value(c.getThenExpr()) + 3 + value(c.getElseExpr());
        }
        if (e instanceof ArrayAccessExpr a) {
            return value(a.getName()) + value(a.getIndex()) + 1;
        }
        if (e instanceof FieldAccessExpr f) {
            if (f.getNameAsString().equals("length")) {
                return scope(f.getScope()) + 1; // arraylength (or getstatic of a field named length)
            }
            if (f.getNameAsString().equals("CONSTANT")
                    && f.getScope().toString().endsWith("Tape")) {
                return 1; // the tape's handle of a constant, -1: inlined, iconst_m1
            }
            return scope(f.getScope()) + 3;
        }
        if (e instanceof MethodCallExpr m) {
            // invokestatic or invokevirtual: generated code calls no interface methods (invokeinterface, 5)
            long n = m.getScope().map(this::scope).orElse(0L) + 3;
            for (Expression a : m.getArguments()) {
                n += value(a);
            }
            return n;
        }
        if (e instanceof ArrayCreationExpr c) {
            long n = 4;
            for (var level : c.getLevels()) {
                n += level.getDimension().map(this::value).orElse(0L);
            }
            return n + c.getInitializer().map(this::value).orElse(0L);
        }
        if (e instanceof ObjectCreationExpr o) {
            long n = 3 + 1 + 3;
            for (Expression a : o.getArguments()) {
                n += value(a);
            }
            return n;
        }
        if (e instanceof AssignExpr a) {
            return assign(a) + 2; // (and a copy of the value)
        }
        // anything else: each part at its own bound, plus an operation
        long n = 3;
        for (Node c : e.getChildNodes()) {
            n += c instanceof Expression x ? value(x) : 0;
        }
        return n;
    }

    /** A literal javac loads with a one-byte constant instruction ({@code iconst_1}, {@code dconst_0}, {@code aconst_null}). */
    private static boolean isZeroOrOne(LiteralExpr l) {
        if (l instanceof BooleanLiteralExpr || l instanceof com.github.javaparser.ast.expr.NullLiteralExpr) {
            return true;
        }
        if (l instanceof com.github.javaparser.ast.expr.DoubleLiteralExpr d) {
            double v = d.asDouble();
            return (v == 0 && Double.doubleToRawLongBits(v) == 0) || v == 1;
        }
        if (l instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr i) {
            long v = i.asNumber().longValue();
            return v == 0 || v == 1;
        }
        if (l instanceof com.github.javaparser.ast.expr.LongLiteralExpr n) {
            long v = n.asNumber().longValue();
            return v == 0 || v == 1;
        }
        return false;
    }

    /** The scope of a field access or call: nothing for a class, the value of a variable. */
    private long scope(Expression scope) {
        return isType(scope) ? 0 : value(scope);
    }

    /**
     * Whether {@code e} names a class ({@code Math}, {@code dev.adjoint.Gradients}): generated code
     * follows Java's naming conventions, classes capitalised, variables and packages not.
     */
    private boolean isType(Expression e) {
        if (e instanceof NameExpr n) {
            return !slots.has(n.getNameAsString())
                    && Character.isUpperCase(n.getNameAsString().charAt(0));
        }
        return e instanceof FieldAccessExpr f
                && Character.isUpperCase(f.getNameAsString().charAt(0))
                && isQualifier(f.getScope());
    }

    /** A package name or a class: no code. */
    private boolean isQualifier(Expression e) {
        if (e instanceof NameExpr n) {
            return !slots.has(n.getNameAsString());
        }
        return e instanceof FieldAccessExpr f && isQualifier(f.getScope());
    }

    /** A boolean as a value: its test and jump, iconst_1, a goto, iconst_0. */
    private long booleanValue(Expression e) {
        jumps++;
        return condition(e) + 5;
    }

    /** A boolean expression as a test and jump, the way javac compiles conditions. */
    long condition(Expression e) {
        if (e instanceof EnclosedExpr en) {
            return condition(en.getInner());
        }
        if (e instanceof BooleanLiteralExpr) {
            jumps++;
            return 3; // (javac drops 'true'; 'false' is a goto)
        }
        if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            return condition(u.getExpression());
        }
        if (e instanceof BinaryExpr b) {
            switch (b.getOperator()) {
                case AND, OR:
                    return condition(b.getLeft()) + condition(b.getRight());
                case EQUALS, NOT_EQUALS, LESS, LESS_EQUALS, GREATER, GREATER_EQUALS:
                    // dcmpl/fcmpl/lcmp then if<cond>; ints: if_icmp<cond>
                    jumps++;
                    return value(b.getLeft()) + value(b.getRight()) + 4;
                default:
                    break;
            }
        }
        jumps++;
        return value(e) + 3; // ifeq / ifne
    }
}
