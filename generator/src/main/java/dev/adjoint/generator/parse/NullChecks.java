package dev.adjoint.generator.parse;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.Optional;

/**
 * Comparisons of an array variable with {@code null} ({@code w == null}, {@code null != mask}):
 * whether an optional array was passed, a value without derivative that both strategies copy.
 */
public final class NullChecks {
    private NullChecks() {}

    /** The variable {@code b} compares with {@code null}, if it is such a comparison. */
    public static Optional<NameExpr> of(BinaryExpr b) {
        if (b.getOperator() != BinaryExpr.Operator.EQUALS && b.getOperator() != BinaryExpr.Operator.NOT_EQUALS) {
            return Optional.empty();
        }
        Expression other =
                b.getLeft().isNullLiteralExpr() ? b.getRight() : b.getRight().isNullLiteralExpr() ? b.getLeft() : null;
        return other instanceof NameExpr name ? Optional.of(name) : Optional.empty();
    }

    /** Whether {@code body} compares the variable {@code name} with {@code null} anywhere. */
    public static boolean compares(Node body, String name) {
        return body.findAll(BinaryExpr.class).stream()
                .anyMatch(
                        b -> of(b).filter(n -> n.getNameAsString().equals(name)).isPresent());
    }
}
