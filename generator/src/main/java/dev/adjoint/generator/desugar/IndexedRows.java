package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A row alias whose index is not one {@link RowAliases} writes again, as a bundle adjustment's
 * {@code double[] cam = cams[camIdx[k]];}: Java evaluates the index once, where the alias is
 * declared, so it becomes a fresh {@code int} local holding that value, declared just before
 * ({@code int camRow0 = camIdx[k]; double[] cam = cams[camRow0];}), which nothing assigns again;
 * the alias is then one of a simple index. Only an index without effects (no call, no update, no
 * assignment) moves: an effect would run once either way, but its place among the block's other
 * effects would not be checked here.
 */
final class IndexedRows {
    private IndexedRows() {}

    /**
     * The statements of {@code stmts} with the index of {@code init}, the initializer of the
     * declaration at {@code k}, held by a fresh local declared before it; empty when the index has
     * an effect.
     */
    static Optional<List<Statement>> hoist(NodeList<Statement> stmts, int k, ArrayAccessExpr init, Rewriter rw) {
        Expression index = init.getIndex();
        boolean pure = index.findAll(Node.class).stream()
                .noneMatch(n -> n instanceof MethodCallExpr
                        || n instanceof com.github.javaparser.ast.expr.SwitchExpr
                        || n instanceof com.github.javaparser.ast.expr.LambdaExpr
                        || EvaluationOrder.isEffect(n));
        if (!pure) {
            return Optional.empty();
        }
        Statement declaration = stmts.get(k);
        String row = rw.fresh("row");
        Statement held = rw.statement("int #r# = $i;", Map.of("#r#", row), Map.of("$i", index), declaration);
        NameExpr name = new NameExpr(row);
        index.getRange().ifPresent(name::setRange);
        init.setIndex(name);
        List<Statement> out = new ArrayList<>(stmts.subList(0, k));
        out.add(held);
        out.addAll(stmts.subList(k, stmts.size()));
        return Optional.of(out);
    }
}
