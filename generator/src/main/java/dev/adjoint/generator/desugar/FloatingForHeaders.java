package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.parse.Updates;
import java.util.List;
import java.util.Optional;

/**
 * A {@code for} header that declares or steps a floating-point variable, as the loop it means
 * with the header's parts where both strategies take them:
 *
 * <pre>
 * for (double t = 0; t &lt; T; t += dt) B       { double t = 0; for (; t &lt; T; ) { B; t += dt; } }
 * </pre>
 *
 * Only when no {@code continue} of the loop would skip the moved update, and the loop carries no
 * label (a block cannot take it); anything else is left as written.
 */
final class FloatingForHeaders {
    private final Rewriter rw;

    FloatingForHeaders(Rewriter rw) {
        this.rw = rw;
    }

    /** The statements {@code s} stands for, or empty when it is not such a loop. */
    Optional<List<Statement>> rewrite(Statement s) {
        if (!(s instanceof ForStmt f)
                || f.getParentNode().orElse(null) instanceof LabeledStmt
                || !floating(f)
                || continues(f.getBody())) {
            return Optional.empty();
        }
        BlockStmt block = new BlockStmt();
        s.getRange().ifPresent(block::setRange);
        for (Expression init : f.getInitialization()) {
            ExpressionStmt e = new ExpressionStmt(init.clone());
            init.getRange().ifPresent(e::setRange);
            block.addStatement(e);
        }
        BlockStmt body = f.getBody() instanceof BlockStmt b
                ? b.clone()
                : new BlockStmt(new NodeList<>(f.getBody().clone()));
        for (Expression update : f.getUpdate()) {
            ExpressionStmt e = new ExpressionStmt(update.clone());
            update.getRange().ifPresent(e::setRange);
            body.addStatement(e);
        }
        ForStmt loop = new ForStmt(
                new NodeList<>(), f.getCompare().map(Expression::clone).orElse(null), new NodeList<>(), body);
        s.getRange().ifPresent(loop::setRange);
        block.addStatement(loop);
        return Optional.of(List.of(block));
    }

    /** Whether the header declares a {@code double}/{@code float} variable or its update changes one. */
    private boolean floating(ForStmt f) {
        for (Expression init : f.getInitialization()) {
            if (init instanceof VariableDeclarationExpr v
                    && v.getVariables().stream().anyMatch(d -> isFloating(d.getType()))) {
                return true;
            }
        }
        for (Expression u : f.getUpdate()) {
            Expression target = u instanceof AssignExpr a
                    ? a.getTarget()
                    : u instanceof UnaryExpr un && Updates.isUpdate(un.getOperator()) ? un.getExpression() : null;
            if (target != null
                    && rw.typeOf(target).filter(FloatingForHeaders::isFloating).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFloating(Type t) {
        return t.equals(PrimitiveType.doubleType()) || t.equals(PrimitiveType.floatType());
    }

    /** Whether {@code body} holds a {@code continue} of the loop around it (one not inside a loop of its own). */
    private static boolean continues(Node body) {
        for (ContinueStmt c : body.findAll(ContinueStmt.class)) {
            if (c.getLabel().isPresent()) {
                return true; // (a labelled one may name a loop around: kept as written, to be safe)
            }
            Node p = c.getParentNode().orElse(null);
            boolean nested = false;
            while (p != null && p != body) {
                nested |= p instanceof ForStmt
                        || p instanceof WhileStmt
                        || p instanceof DoStmt
                        || p instanceof ForEachStmt;
                p = p.getParentNode().orElse(null);
            }
            if (!nested) {
                return true;
            }
        }
        return false;
    }
}
