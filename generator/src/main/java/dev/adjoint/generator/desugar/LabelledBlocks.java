package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
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
 * loop around still names that loop. An unlabelled {@code break} or {@code continue} of a loop around
 * the block, written in the block outside any loop or switch of its own, would stop at the new loop:
 * it first names the loop it means, which gets a fresh label when it has none.
 *
 * <pre>
 * for (...) {                            loop0: for (...) {
 *     L: { if (c) continue; break L; }       L: do { if (c) continue loop0; break L; } while (false);
 * </pre>
 *
 * A plain {@code break} of a {@code switch} around the block is left as written (for the fences).
 */
final class LabelledBlocks {
    private final Rewriter rw;

    LabelledBlocks(Rewriter rw) {
        this.rw = rw;
    }

    /** The statement {@code s} stands for, or empty when it is not such a label (or such a loop without a label). */
    Optional<List<Statement>> rewrite(Statement s) {
        if (isLoop(s) && !(s.getParentNode().orElse(null) instanceof LabeledStmt) && isTargetOfABlock(s)) {
            LabeledStmt named = new LabeledStmt(rw.fresh("loop"), s.clone());
            s.getRange().ifPresent(named::setRange);
            return Optional.of(List.of(named));
        }
        if (!(s instanceof LabeledStmt l) || isLoop(l.getStatement())) {
            return Optional.empty();
        }
        List<Statement> jumps = escaping(l.getStatement());
        List<LabeledStmt> targets = new ArrayList<>();
        for (Statement j : jumps) {
            Optional<Statement> target = target(l, j instanceof ContinueStmt);
            if (target.isEmpty()
                    || !isLoop(target.get())
                    || !(target.get().getParentNode().orElse(null) instanceof LabeledStmt named)) {
                return Optional.empty(); // (a loop without its label yet gets it first: it comes first in the walk)
            }
            targets.add(named);
        }
        for (int k = 0; k < jumps.size(); k++) {
            SimpleName label = targets.get(k).getLabel().clone();
            if (jumps.get(k) instanceof BreakStmt b) {
                b.setLabel(label);
            } else {
                ((ContinueStmt) jumps.get(k)).setLabel(label);
            }
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

    /** Whether a labelled block inside {@code loop} holds an unlabelled jump that means {@code loop}. */
    private static boolean isTargetOfABlock(Statement loop) {
        for (LabeledStmt l : loop.findAll(LabeledStmt.class)) {
            if (!isLoop(l.getStatement())) {
                for (Statement j : escaping(l.getStatement())) {
                    if (target(l, j instanceof ContinueStmt).orElse(null) == loop) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The statement an unlabelled jump at {@code at} means: the nearest loop around it, or for a {@code break} the nearest switch too. */
    private static Optional<Statement> target(Node at, boolean isContinue) {
        for (Node p = at.getParentNode().orElse(null);
                p != null;
                p = p.getParentNode().orElse(null)) {
            if (isLoop(p) || (!isContinue && p instanceof SwitchStmt)) {
                return Optional.of((Statement) p);
            }
            if (p instanceof LambdaExpr || p instanceof CallableDeclaration<?>) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The unlabelled jumps in {@code body} that would bind to a loop put around it. */
    private static List<Statement> escaping(Statement body) {
        List<Statement> jumps = new ArrayList<>();
        body.findAll(BreakStmt.class).stream()
                .filter(b -> b.getLabel().isEmpty())
                .forEach(jumps::add);
        body.findAll(ContinueStmt.class).stream()
                .filter(c -> c.getLabel().isEmpty())
                .forEach(jumps::add);
        List<Statement> out = new ArrayList<>();
        for (Statement j : jumps) {
            boolean inner = false;
            for (Node p = j.getParentNode().orElse(null);
                    p != null && !inner;
                    p = p == body ? null : p.getParentNode().orElse(null)) {
                inner = isLoop(p) || (p instanceof SwitchStmt && j instanceof BreakStmt);
            }
            if (!inner) {
                out.add(j);
            }
        }
        return out;
    }
}
