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
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.List;

/**
 * The cost model of {@link MethodSize}: an upper bound on the bytes of bytecode javac makes of
 * statements, construct by construct, each at its longest encoding (see there).
 */
final class BytecodeBound {
    /** Where javac puts each parameter and local. */
    private final LocalSlots slots;
    /** Jump instructions (conditional ones and gotos), and the longest stretch of code a jump may cross. */
    private long jumps;

    private long longestSpan;

    private BytecodeBound(LocalSlots slots) {
        this.slots = slots;
    }

    /** The bound for {@code block} in a method with {@code params}, its first local at slot {@code firstSlot} or above. */
    static long of(BlockStmt block, List<String> params, int firstSlot) {
        BytecodeBound m = new BytecodeBound(LocalSlots.of(block, params, firstSlot));
        long n = m.statement(block);
        if (m.longestSpan > Short.MAX_VALUE) {
            // a jump farther than 32 KiB: javac compiles the method again with 'fat code', where a goto
            // is a goto_w (5 bytes, not 3) and a conditional jump an inverted one over a goto_w (8, not 3)
            n += 5 * m.jumps;
        }
        return n;
    }

    /** {@code n}, the bytes of a construct that jumps across itself. */
    private long span(long n) {
        longestSpan = Math.max(longestSpan, n);
        return n;
    }

    /** One load or store of {@code name}. */
    private int local(String name) {
        return slots.accessBytes(name);
    }

    /** A local of a slot the bound does not know (javac's own, of a for-each or a finally). */
    private static final int WIDE = LocalSlots.WIDE;

    // ---- statements ---------------------------------------------------------------------------

    private long statement(Statement s) {
        if (s instanceof BlockStmt b) {
            long n = 0;
            for (Statement x : b.getStatements()) {
                n += statement(x);
            }
            return n;
        }
        if (s instanceof ExpressionStmt e) {
            return effect(e.getExpression());
        }
        if (s instanceof IfStmt i) {
            // the test jumps over 'then'; with an else, 'then' ends with a goto over it
            jumps += i.getElseStmt().isPresent() ? 1 : 0;
            return span(condition(i.getCondition())
                    + statement(i.getThenStmt())
                    + i.getElseStmt().map(x -> 3 + statement(x)).orElse(0L));
        }
        if (s instanceof WhileStmt w) {
            jumps++;
            return span(condition(w.getCondition()) + statement(w.getBody()) + 3);
        }
        if (s instanceof DoStmt d) {
            return span(statement(d.getBody()) + condition(d.getCondition()));
        }
        if (s instanceof ForStmt f) {
            jumps++;
            long n = f.getCompare().map(this::condition).orElse(0L) + statement(f.getBody()) + 3;
            for (Expression e : f.getInitialization()) {
                n += effect(e);
            }
            for (Expression e : f.getUpdate()) {
                n += effect(e);
            }
            return span(n);
        }
        if (s instanceof ForEachStmt f) {
            // a copy of the array, its length, an index: about a dozen loads, stores and jumps
            jumps += 2;
            return span(value(f.getIterable()) + 8 * WIDE + 16 + statement(f.getBody()));
        }
        if (s instanceof BreakStmt || s instanceof ContinueStmt) {
            jumps++;
            return 3;
        }
        if (s instanceof ReturnStmt r) {
            return r.getExpression().map(this::value).orElse(0L) + 1;
        }
        if (s instanceof LabeledStmt l) {
            return statement(l.getStatement());
        }
        if (s instanceof com.github.javaparser.ast.stmt.AssertStmt a) {
            // getstatic $assertionsDisabled, ifne over it, the test, its jump, new AssertionError, dup,
            // invokespecial, athrow (the -ea stack checks of generated code are such statements)
            jumps += 2;
            return span(17
                    + condition(a.getCheck())
                    + a.getMessage().map(this::value).orElse(0L));
        }
        if (s instanceof ThrowStmt t) {
            return value(t.getExpression()) + 1;
        }
        if (s instanceof SwitchStmt sw) {
            // a lookupswitch: opcode, padding, default, count, then 8 bytes per label
            long n = value(sw.getSelector()) + 12;
            for (SwitchEntry e : sw.getEntries()) {
                n += 8L * Math.max(1, e.getLabels().size());
                for (Statement x : e.getStatements()) {
                    n += statement(x);
                }
            }
            return n;
        }
        if (s instanceof TryStmt t) {
            // javac copies the finally block once for each way out of the try: falling off its end,
            // each return and jump in it, and the exception path
            long exits = 2
                    + t.getTryBlock().findAll(ReturnStmt.class).size()
                    + t.getTryBlock().findAll(BreakStmt.class).size()
                    + t.getTryBlock().findAll(ContinueStmt.class).size();
            long n = statement(t.getTryBlock())
                    + 3
                    + t.getFinallyBlock()
                            .map(f -> exits * (statement(f) + 2 * WIDE + 1))
                            .orElse(0L);
            for (var c : t.getCatchClauses()) {
                n += WIDE + 3 + statement(c.getBody());
            }
            return n;
        }
        // anything else: each child at its own bound, plus room for a jump
        long n = 3;
        for (Node c : s.getChildNodes()) {
            n += c instanceof Statement x ? statement(x) : c instanceof Expression e ? value(e) : 0;
        }
        return n;
    }

    // ---- expressions --------------------------------------------------------------------------

    /** An expression evaluated for its effect: its value, if any, is dropped. */
    private long effect(Expression e) {
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
    private long value(Expression e) {
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
    private long condition(Expression e) {
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
