package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.List;
import java.util.Optional;

/**
 * A label on a statement that is not a loop, as the loop that runs it once:
 *
 * <pre>
 * L: { ... break L; ... }        L: do { ... break L; ... } while (false);
 * </pre>
 *
 * {@code break L} leaves either at the same point, and a labelled {@code break}/{@code continue} of a
 * loop around still names that loop. Only an unlabelled {@code break} or {@code continue} of a loop
 * (or {@code switch}) around the block, written in the block outside any loop or switch of its own,
 * would now stop at the new loop; such a block is left as written.
 */
final class LabelledBlocks {

    /** The statement {@code s} stands for, or empty when it is not such a label. */
    Optional<List<Statement>> rewrite(Statement s) {
        if (!(s instanceof LabeledStmt l) || isLoop(l.getStatement()) || escapes(l.getStatement())) {
            return Optional.empty();
        }
        DoStmt once = new DoStmt(l.getStatement().clone(), new BooleanLiteralExpr(false));
        l.getStatement().getRange().ifPresent(once::setRange);
        LabeledStmt labelled = new LabeledStmt(l.getLabel().clone(), once);
        l.getRange().ifPresent(labelled::setRange);
        return Optional.of(List.of(labelled));
    }

    private static boolean isLoop(Node n) {
        return n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt;
    }

    /** Whether {@code body} holds an unlabelled jump that would bind to a loop put around it. */
    private static boolean escapes(Statement body) {
        List<Statement> jumps = new java.util.ArrayList<>();
        body.findAll(BreakStmt.class).stream().filter(b -> b.getLabel().isEmpty()).forEach(jumps::add);
        body.findAll(ContinueStmt.class).stream().filter(c -> c.getLabel().isEmpty()).forEach(jumps::add);
        for (Statement j : jumps) {
            boolean inner = false;
            for (Node p = j.getParentNode().orElse(null); p != null && !inner; p = p == body ? null : p.getParentNode().orElse(null)) {
                inner = isLoop(p) || (p instanceof SwitchStmt && j instanceof BreakStmt);
            }
            if (!inner) {
                return true;
            }
        }
        return false;
    }
}
