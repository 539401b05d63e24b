package dev.adjoint.generator.size;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
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
 * The cost model of {@link MethodSize} on a JavaParser tree, for the tape recorder's text parsed
 * back ({@link RecorderSize}): an upper bound on the bytes of bytecode javac makes of statements,
 * construct by construct, each at its longest encoding (see there), as {@link CodeBound} takes it
 * on nodes; expressions are {@link ExpressionBound}'s part. It goes when the recorder builds nodes.
 */
final class BytecodeBound {
    /** The bound of expressions, which counts the jump instructions (conditional ones and gotos). */
    private final ExpressionBound expressions;
    /** The longest stretch of code a jump may cross. */
    private long longestSpan;

    private BytecodeBound(LocalSlots slots) {
        this.expressions = new ExpressionBound(slots);
    }

    /** The bound for {@code block} in a method with {@code params}, its first local at slot {@code firstSlot} or above. */
    static long of(BlockStmt block, List<String> params, int firstSlot) {
        BytecodeBound m = new BytecodeBound(LocalSlots.of(block, params, firstSlot));
        long n = m.statement(block);
        if (m.longestSpan > Short.MAX_VALUE) {
            // a jump farther than 32 KiB: javac compiles the method again with 'fat code', where a goto
            // is a goto_w (5 bytes, not 3) and a conditional jump an inverted one over a goto_w (8, not 3)
            n += 5 * m.expressions.jumps;
        }
        return n;
    }

    /** {@code n}, the bytes of a construct that jumps across itself. */
    private long span(long n) {
        longestSpan = Math.max(longestSpan, n);
        return n;
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
            return expressions.effect(e.getExpression());
        }
        if (s instanceof IfStmt i) {
            // the test jumps over 'then'; with an else, 'then' ends with a goto over it
            expressions.jumps += i.getElseStmt().isPresent() ? 1 : 0;
            return span(expressions.condition(i.getCondition())
                    + statement(i.getThenStmt())
                    + i.getElseStmt().map(x -> 3 + statement(x)).orElse(0L));
        }
        if (s instanceof WhileStmt w) {
            expressions.jumps++;
            return span(expressions.condition(w.getCondition()) + statement(w.getBody()) + 3);
        }
        if (s instanceof DoStmt d) {
            return span(statement(d.getBody()) + expressions.condition(d.getCondition()));
        }
        if (s instanceof ForStmt f) {
            expressions.jumps++;
            long n = f.getCompare().map(expressions::condition).orElse(0L) + statement(f.getBody()) + 3;
            for (Expression e : f.getInitialization()) {
                n += expressions.effect(e);
            }
            for (Expression e : f.getUpdate()) {
                n += expressions.effect(e);
            }
            return span(n);
        }
        if (s instanceof ForEachStmt f) {
            // a copy of the array, its length, an index: about a dozen loads, stores and jumps
            expressions.jumps += 2;
            return span(expressions.value(f.getIterable()) + 8 * WIDE + 16 + statement(f.getBody()));
        }
        if (s instanceof BreakStmt || s instanceof ContinueStmt) {
            expressions.jumps++;
            return 3;
        }
        if (s instanceof ReturnStmt r) {
            return r.getExpression().map(expressions::value).orElse(0L) + 1;
        }
        if (s instanceof LabeledStmt l) {
            return statement(l.getStatement());
        }
        if (s instanceof com.github.javaparser.ast.stmt.AssertStmt a) {
            // getstatic $assertionsDisabled, ifne over it, the test, its jump, new AssertionError, dup,
            // invokespecial, athrow (the -ea stack checks of generated code are such statements)
            expressions.jumps += 2;
            return span(17
                    + expressions.condition(a.getCheck())
                    + a.getMessage().map(expressions::value).orElse(0L));
        }
        if (s instanceof ThrowStmt t) {
            return expressions.value(t.getExpression()) + 1;
        }
        if (s instanceof SwitchStmt sw) {
            // a lookupswitch: opcode, padding, default, count, then 8 bytes per label
            long n = expressions.value(sw.getSelector()) + 12;
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
            n += c instanceof Statement x ? statement(x) : c instanceof Expression e ? expressions.value(e) : 0;
        }
        return n;
    }
}
