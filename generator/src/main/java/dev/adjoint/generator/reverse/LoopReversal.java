package dev.adjoint.generator.reverse;

import dev.adjoint.generator.analyze.CountedLoop;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.analyze.Saves;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.code.LoopHeader;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.code.Statement;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The (forward, reverse) pair of a loop: how the reverse sweep finds its iterations again, either
 * by walking a counted loop's counter back from where it ended (values of an iteration computed
 * again or refilled rather than saved) or by replaying a trip count the forward sweep pushed.
 */
final class LoopReversal {
    private final Sweep sw;
    private final BlockReversal blocks;

    LoopReversal(Sweep sw, BlockReversal blocks) {
        this.sw = sw;
        this.blocks = blocks;
    }

    /**
     * {@code repeat { head; if (!cond) exit; body }}: the forward sweep counts the iterations and
     * pushes the count; the reverse sweep pops it and runs the reversed body and head that many
     * times, after reversing the head's last, exiting run.
     */
    void loop(Stmt.Loop l, Optional<CountedLoop> counted, List<Code> forward, List<Code> reverse) {
        sw.depth++;
        sw.loopDepth++;
        BlockReversal.Sweeps head = blocks.block(l.head(), l.origin());
        boolean simpleHead = head.forward().size() == 1
                && l.passiveTest().isPresent()
                && head.reverse().isEmpty();
        // reversed from where its counter ended, which the reversed iterations set back first
        boolean countedPath = simpleHead && counted.isPresent();
        if (countedPath) {
            sw.reversedCounters.addLast(counted.get().counter());
        }
        List<Stmt.Assign> again = countedPath && sw.an.on(Options.Optimisation.RECOMPUTATION)
                ? Recomputation.in(l, counted.get(), sw)
                : List.of();
        sw.recomputed.addAll(again);
        List<Refills.Refill> refills =
                countedPath && sw.an.on(Options.Optimisation.REFILLS) ? Refills.in(l, sw) : List.of();
        refills.forEach(r -> sw.refilled.add(r.store()));
        BlockReversal.Sweeps body = blocks.block(l.body(), l.origin());
        if (countedPath) {
            sw.reversedCounters.removeLast();
        }
        sw.loopDepth--;
        sw.depth--;
        boolean reversed = !head.reverse().isEmpty() || !body.reverse().isEmpty();
        List<Code> loopBody = new ArrayList<>();
        LoopHeader header;
        if (simpleHead) {
            header = new LoopHeader.While(AtomCode.source(l.passiveTest().get().java()));
        } else {
            header = new LoopHeader.While(new Expr.Literal("true"));
            loopBody.addAll(head.forward());
            loopBody.add(exitWhen(new Expr.Unary("!", AtomCode.of(l.cond()))));
        }
        loopBody.addAll(body.forward());
        if (!reversed) {
            forward.add(new Code.Loop(header, loopBody));
            return;
        }
        // (with -ea: each reversed iteration of an outermost loop checks that it starts where the
        // forward iteration ended; inner loops' checks would lengthen the code for little)
        Optional<Sweep.StackCheck> check = sw.loopDepth == 0 ? sw.stackCheck(loopBody) : Optional.empty();
        check.ifPresent(k -> loopBody.add(k.mark()));
        if (countedPath) {
            // backwards from where the counter ended; the reversed body starts by undoing j = j + 1
            CountedLoop c = counted.get();
            String j = c.counter().name();
            List<Code> back = new ArrayList<>();
            List<Code> reversedBody = new ArrayList<>(body.reverse());
            Code.Line undoStep = new Code.Line(new Statement.Eval(new Expr.Assign(
                    new Expr.Name(j), "=", new Expr.Binary("-", new Expr.Name(j), new Expr.Literal("1")))));
            if (sw.an.saves().kind(c.step()) == Saves.Kind.INVERT) {
                // (the body reads j: its reverse starts by undoing the step, which has no other reverse part)
                // (with its 'grad of' comment when it is a statement of its own, as in a while loop)
                int at = reversedBody.get(0) instanceof Code.Comment ? 1 : 0;
                if (!reversedBody.get(at).equals(undoStep)) {
                    throw new IllegalStateException(
                            "the reversed body of a counted loop starts with " + reversedBody.subList(0, at + 1));
                }
                reversedBody.subList(0, at + 1).clear();
            }
            back.add(undoStep);
            if (!again.isEmpty() || !refills.isEmpty()) {
                back.add(new Code.Comment("this iteration's values, computed again rather than saved"));
                refills.forEach(r -> refill(r, back));
                again.forEach(a -> back.add(assign(a, blocks)));
            }
            check.ifPresent(k -> back.add(k.check()));
            back.addAll(reversedBody);
            Expr iterations = c.start().equals(new Expr.Literal("0"))
                    ? c.exit()
                    : new Expr.Binary("-", new Expr.Cast("long", c.exit()), Operand.of(c.start()));
            List<Code> stores = sw.an.on(Options.Optimisation.STACK_ROOM)
                    ? sw.reserveRoom(loopBody, iterations, forward)
                    : loopBody;
            forward.add(new Code.Loop(header, stores));
            reverse.add(new Code.Line(Statement.assign(new Expr.Name(j), c.exit())));
            reverse.add(new Code.Loop(new LoopHeader.While(new Expr.Binary(">", new Expr.Name(j), c.start())), back));
            return;
        }
        String count = sw.claim("_n");
        forward.add(new Code.Line(new Statement.Declare("", "int", count, new Expr.Literal("0"))));
        loopBody.add(new Code.Line(new Statement.Eval(new Expr.Postfix(new Expr.Name(count), "++"))));
        forward.add(new Code.Loop(header, loopBody));
        forward.add(new Code.Line(sw.push(Ty.INT, new Expr.Name(count))));

        String k = sw.claim("_k");
        List<Code> reversedBody = new ArrayList<>();
        check.ifPresent(x -> reversedBody.add(x.check()));
        reversedBody.addAll(body.reverse());
        // for (int k = pop(); k > 0; k--), or with the head's reverse before the test: for (...; ; k--)
        Expr kName = new Expr.Name(k);
        Statement init = new Statement.Declare("", "int", k, sw.pop(Ty.INT));
        Expr down = new Expr.Postfix(kName, "--");
        if (head.reverse().isEmpty()) {
            reverse.add(new Code.Loop(
                    new LoopHeader.For(init, new Expr.Binary(">", kName, new Expr.Literal("0")), down), reversedBody));
        } else {
            List<Code> rb = new ArrayList<>(head.reverse());
            rb.add(exitWhen(new Expr.Binary("==", kName, new Expr.Literal("0"))));
            rb.addAll(reversedBody);
            reverse.add(new Code.Loop(new LoopHeader.For(init, null, down), rb));
        }
    }

    /** {@code if (cond) break}. */
    private static Code exitWhen(Expr cond) {
        return new Code.Branch(cond, List.of(new Code.Line(new Statement.Jump(true))), List.of());
    }

    /** {@code target = primal}, the assignment {@code a} run again. */
    private static Code assign(Stmt.Assign a, BlockReversal blocks) {
        return new Code.Line(Statement.assign(new Expr.Name(a.target().name()), blocks.primal(a.op())));
    }

    /** The forward run of a loop that fills a scratch array, without saves. */
    private void refill(Refills.Refill r, List<Code> into) {
        into.add(assign(r.init(), blocks));
        List<Code> lines = new ArrayList<>();
        for (Stmt s : r.loop().body()) {
            if (s instanceof Stmt.Assign a) {
                lines.add(assign(a, blocks));
            } else {
                Stmt.ArrayStore st = (Stmt.ArrayStore) s;
                lines.add(new Code.Line(Statement.assign(
                        AtomCode.element(new Expr.Name(st.array().name()), st.indices()), AtomCode.of(st.value()))));
            }
        }
        Stmt.Assign test = (Stmt.Assign) r.loop().head().get(0);
        into.add(new Code.Loop(new LoopHeader.While(AtomCode.source(((Op.Passive) test.op()).java())), lines));
    }
}
