package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.PrimitiveType;

/**
 * The reads of a matrix component of an element of an array of records or objects
 * ({@code layers[l].w()} of {@code record Layer(double[][] w, double[] b)}) in terms of its
 * gathered leaves (see {@link ElementArrays}): every element's rows one after the other in
 * {@code rows}, element {@code l}'s first at {@code at[l]}, so its rows are
 * {@code rows[at[l]] .. rows[at[l + 1] - 1]}.
 */
final class ElementRows {
    private ElementRows() {}

    /** {@code layers[l].w()[i]}: row {@code at[l] + i} of the gathered rows. */
    static Expression row(String rows, String at, Expression index, Expression row) {
        return new ArrayAccessExpr(
                new NameExpr(rows),
                new BinaryExpr(
                        new ArrayAccessExpr(new NameExpr(at), index.clone()), enclosed(row), BinaryExpr.Operator.PLUS));
    }

    /** {@code layers[l].w().length}: from where this element's rows start to where the next one's do. */
    static Expression length(String at, Expression index) {
        return new EnclosedExpr(new BinaryExpr(
                new ArrayAccessExpr(new NameExpr(at), next(index)),
                new ArrayAccessExpr(new NameExpr(at), index.clone()),
                BinaryExpr.Operator.MINUS));
    }

    /**
     * {@code for (double[] row : layers[l].w()) body}: a counted loop over the element's rows,
     * {@code for (int k = at[l], end = at[l + 1]; k < end; k++) { double[] row = rows[k]; body }}.
     * Both bounds are read once, before the first iteration, as Java evaluates the for-each's
     * array once (the index has no side effect: {@link ElementArrays#isPure}); the body moves.
     */
    static ForStmt forEach(ForEachStmt loop, String rows, String at, Expression index, String k, String end) {
        VariableDeclarationExpr bounds = new VariableDeclarationExpr(
                new NodeList<>(),
                new NodeList<>(
                        new VariableDeclarator(
                                PrimitiveType.intType(), k, new ArrayAccessExpr(new NameExpr(at), index.clone())),
                        new VariableDeclarator(
                                PrimitiveType.intType(), end, new ArrayAccessExpr(new NameExpr(at), next(index)))));
        Expression compare = new BinaryExpr(new NameExpr(k), new NameExpr(end), BinaryExpr.Operator.LESS);
        Expression update = new UnaryExpr(new NameExpr(k), UnaryExpr.Operator.POSTFIX_INCREMENT);
        VariableDeclarationExpr variable = loop.getVariable().clone();
        variable.getVariables().get(0).setInitializer(new ArrayAccessExpr(new NameExpr(rows), new NameExpr(k)));
        Node[] made = {bounds, compare, update, variable};
        loop.getRange().ifPresent(r -> {
            for (Node n : made) {
                n.walk(x -> x.setRange(r));
            }
        });
        Statement body = loop.getBody();
        BlockStmt block = body instanceof BlockStmt b ? b : new BlockStmt(new NodeList<>(body));
        block.getStatements().addFirst(new com.github.javaparser.ast.stmt.ExpressionStmt(variable));
        ForStmt out = new ForStmt(new NodeList<>(bounds), compare, new NodeList<>(update), block); // (the body moves)
        loop.getRange().ifPresent(out::setRange);
        return out;
    }

    /** {@code index + 1}. */
    private static Expression next(Expression index) {
        return new BinaryExpr(enclosed(index), new IntegerLiteralExpr("1"), BinaryExpr.Operator.PLUS);
    }

    /** {@code e}, in parentheses unless it is a name, a literal or an element. */
    static Expression enclosed(Expression e) {
        return e instanceof NameExpr || e instanceof LiteralExpr || e instanceof ArrayAccessExpr
                ? e.clone()
                : new EnclosedExpr(e.clone());
    }
}
