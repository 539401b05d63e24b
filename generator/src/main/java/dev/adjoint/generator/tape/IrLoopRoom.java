package dev.adjoint.generator.tape;

import dev.adjoint.generator.analyze.CountedLoop;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import java.util.List;
import java.util.Optional;

/**
 * A counted loop whose body records straight-line code makes room on the tape once, before it
 * starts, for the nodes and edges of all its iterations, and records with the pushes that skip the
 * capacity test ({@code Tape.reserve}, {@code pushNu}): a capacity test in the loop comes with a
 * call that grows the tape, and around that call the JIT keeps nothing in registers.
 *
 * <p>Only a loop {@link CountedLoop} recognises ({@code j = s; while (j < e) { ...; j = j + 1; }},
 * an int bound of plain arithmetic that nothing in the loop assigns), whose body holds assignments
 * and stores only (no branch, loop, effect or call of another method, each of which may push a
 * number of nodes of its own; no floating-point array created, whose handles come from a pool):
 * every iteration then records exactly the pushes written in its body, and the loop runs
 * {@code max(0, e - j)} times from where {@code j = s} left it. The pushes are counted as the
 * recorder writes them ({@link IrRecorder#push}).
 */
final class IrLoopRoom {
    private final Expr iterations;
    private int nodes;
    private int edges;

    private IrLoopRoom(Expr iterations) {
        this.iterations = iterations;
    }

    /** The room of the loop at {@code stmts[k]}, counted while its body is recorded, when it qualifies. */
    static Optional<IrLoopRoom> of(List<Stmt> stmts, int k) {
        Optional<CountedLoop> counted = CountedLoop.at(stmts, k);
        if (counted.isEmpty()
                || !(counted.get().exit() instanceof Expr.Call max)
                || !((Stmt.Loop) stmts.get(k)).body().stream().allMatch(IrLoopRoom::straight)) {
            return Optional.empty();
        }
        // exit = Math.max(s, e): the room is for e - j iterations, j = s just assigned (s is not read again)
        Expr bound = max.args().get(1);
        Expr start = counted.get().start();
        Expr n = start instanceof Expr.Literal zero && zero.text().equals("0")
                ? bound
                : new Expr.Binary(
                        "-",
                        new Expr.Cast("long", bound),
                        new Expr.Name(counted.get().counter().name()));
        return Optional.of(new IrLoopRoom(n));
    }

    private static boolean straight(Stmt s) {
        return s instanceof Stmt.ArrayStore
                || s instanceof Stmt.Assign a
                        && !(a.op() instanceof Op.Call)
                        && !(a.op() instanceof Op.NewArray na && na.type().isFloating());
    }

    /** One more push per iteration, of a node with {@code parents} parents. */
    void count(int parents) {
        nodes++;
        edges += parents;
    }

    /** {@code tape.reserve(nodes, edges, iterations)}; empty when the body pushes nothing. */
    Optional<Expr> reserve(String tape) {
        if (nodes == 0) {
            return Optional.empty();
        }
        return Optional.of(new Expr.Call(
                new Expr.Name(tape),
                "reserve",
                List.of(
                        new Expr.Literal(Integer.toString(nodes)),
                        new Expr.Literal(Integer.toString(edges)),
                        iterations)));
    }
}
