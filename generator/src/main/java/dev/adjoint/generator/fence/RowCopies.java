package dev.adjoint.generator.fence;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;

/**
 * Row copies into a ragged local ({@code b[i] = a[i].clone()} into {@code double[][] b = new double[n][]}), which
 * {@code desugar/RaggedLocals} takes unless another row of the array names another array: the fence's error then
 * points at that other assignment instead of advising a copy into a row that does not exist.
 */
final class RowCopies {
    private RowCopies() {}

    /** {@code r.clone()}, {@code Arrays.copyOf(r, m)} or {@code Arrays.copyOfRange(r, f, t)}: a copy of a row. */
    static boolean isRowCopy(Expression value) {
        if (!(value instanceof MethodCallExpr c)) {
            return false;
        }
        String name = c.getNameAsString();
        if (name.equals("clone")) {
            return c.getArguments().isEmpty() && c.getScope().isPresent();
        }
        return (name.equals("copyOf") || name.equals("copyOfRange"))
                && c.getScope()
                        .filter(q ->
                                (q instanceof NameExpr n && n.getNameAsString().equals("Arrays"))
                                        || (q instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                                                && f.getNameAsString().equals("Arrays")))
                        .isPresent();
    }

    /** Whether {@code name} is a local of {@code body} declared {@code new double[n][]} (rows made one by one). */
    static boolean isRaggedLocal(com.github.javaparser.ast.stmt.BlockStmt body, String name) {
        return body.findAll(VariableDeclarator.class).stream()
                .filter(v -> v.getNameAsString().equals(name))
                .anyMatch(v -> v.getInitializer()
                        .filter(i -> i instanceof com.github.javaparser.ast.expr.ArrayCreationExpr c
                                && c.getLevels().stream()
                                        .anyMatch(l -> l.getDimension().isEmpty()))
                        .isPresent());
    }
}
