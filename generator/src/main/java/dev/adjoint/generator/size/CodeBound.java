package dev.adjoint.generator.size;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.LoopHeader;
import dev.adjoint.generator.code.Statement;
import java.util.List;

/**
 * The cost model of {@link MethodSize} over the code model: an upper bound on the bytes of bytecode
 * javac makes of a generated body, node by node, each at its longest encoding; expressions are
 * {@link ExprBound}'s part, slots {@link CodeSlots}'. Text the model does not take apart ({@link
 * Code.Raw}, the opaque nodes) is not parsed: it counts by its tokens ({@link RawText}).
 */
final class CodeBound {
    /** The bound of expressions, which counts the jump instructions (conditional ones and gotos). */
    private final ExprBound expressions;
    /** The longest stretch of code a jump may cross. */
    private long longestSpan;

    private CodeBound(CodeSlots slots, String tape) {
        this.expressions = new ExprBound(slots, tape);
    }

    /** The bound for {@code body} in a method with {@code params}. */
    static long of(List<Code> body, List<String> params) {
        return of(body, params, null);
    }

    /**
     * The bound for {@code body} in a method with {@code params}, one of which, {@code tape}, is a
     * tape recorder's {@code Tape}: a final class, whose calls are one {@code invokevirtual}.
     */
    static long of(List<Code> body, List<String> params, String tape) {
        CodeBound b = new CodeBound(CodeSlots.of(body, params), tape);
        long n = b.codes(body);
        if (b.longestSpan > Short.MAX_VALUE) {
            // a jump farther than 32 KiB: javac compiles the method again with 'fat code', where a goto
            // is a goto_w (5 bytes, not 3) and a conditional jump an inverted one over a goto_w (8, not 3)
            n += 5 * b.expressions.jumps;
        }
        return n;
    }

    /** {@code n}, the bytes of a construct that jumps across itself. */
    private long span(long n) {
        longestSpan = Math.max(longestSpan, n);
        return n;
    }

    private long codes(List<Code> codes) {
        long n = 0;
        for (Code c : codes) {
            n += code(c);
        }
        return n;
    }

    private long code(Code c) {
        if (c instanceof Code.Line l) {
            return statement(l.statement());
        }
        if (c instanceof Code.Branch b) {
            // the test jumps over 'then'; with an else, 'then' ends with a goto over it
            boolean otherwise = !b.otherwise().isEmpty();
            expressions.jumps += otherwise ? 1 : 0;
            return span(expressions.condition(b.cond()) + codes(b.then()) + (otherwise ? 3 + codes(b.otherwise()) : 0));
        }
        if (c instanceof Code.Loop l) {
            // the test (at the top, or at the bottom with a goto to it) and the goto back
            expressions.jumps++;
            long body = codes(l.body()) + 3;
            if (l.header() instanceof LoopHeader.While w) {
                return span(expressions.condition(w.cond()) + body);
            }
            if (l.header() instanceof LoopHeader.For f) {
                long n = (f.init() == null ? 0 : statement(f.init()))
                        + (f.cond() == null ? 0 : expressions.condition(f.cond()))
                        + (f.update() == null ? 0 : expressions.effect(f.update()));
                return span(n + body);
            }
            return span(text(((LoopHeader.Opaque) l.header()).text()) + body);
        }
        if (c instanceof Code.Raw r) {
            return text(r.text());
        }
        return 0; // a comment
    }

    private long statement(Statement s) {
        if (s instanceof Statement.Eval e) {
            return expressions.effect(e.expr());
        }
        if (s instanceof Statement.Declare d) {
            return d.init() == null ? 0 : expressions.declaration(d.name(), d.init());
        }
        if (s instanceof Statement.Return r) {
            return (r.value() == null ? 0 : expressions.value(r.value())) + 1;
        }
        if (s instanceof Statement.Jump) {
            expressions.jumps++;
            return 3;
        }
        if (s instanceof Statement.Throw t) {
            return expressions.value(t.value()) + 1;
        }
        if (s instanceof Statement.Assert a) {
            // getstatic $assertionsDisabled, ifne over it, the test, its jump, new AssertionError, dup,
            // invokespecial, athrow (the -ea stack checks of generated code are such statements)
            expressions.jumps += 2;
            return span(17 + expressions.condition(a.cond()));
        }
        if (s instanceof Statement.Handover) {
            return 0; // (replaced before the bound is taken; printed, a comment)
        }
        return text(((Statement.Opaque) s).text());
    }

    /** Text the model does not take apart, at its most per token (its jumps as fat ones). */
    private long text(String text) {
        return span(RawText.bound(text));
    }
}
