package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.List;
import java.util.Optional;

/**
 * A local array declared without a value ({@code double[] r;}), given one later: in the next
 * statement ({@code r = new double[n];}: the two become {@code double[] r = new double[n];}), or in
 * branches ({@code if (c) { r = a; } else { r = h(b); }}, as {@link ShortCircuits} writes
 * {@code double[] r = c ? a : h(b);}): declared with an empty array, {@code double[] r = new
 * double[0];}, which every branch then replaces, as the rules for a local array assigned again
 * follow. Java's definite assignment means nothing reads the variable before a value of the
 * user's, so the empty array is never seen.
 */
final class UnsetArrays {
    private UnsetArrays() {}

    /** {@code s} with its array given a value, when it is such a declaration; empty otherwise. */
    static Optional<List<Statement>> rewrite(Statement s) {
        if (!(s instanceof ExpressionStmt e)
                || !(e.getExpression() instanceof VariableDeclarationExpr d)
                || d.getVariables().size() != 1
                || d.getVariable(0).getInitializer().isPresent()
                || !(d.getVariable(0).getType() instanceof ArrayType t)
                || t.getArrayLevel() != 1
                || !(t.getComponentType() instanceof PrimitiveType element)) {
            return Optional.empty();
        }
        VariableDeclarator v = d.getVariable(0);
        if (s.getParentNode().orElse(null) instanceof BlockStmt block) {
            int at = block.getStatements().indexOf(s);
            if (at + 1 < block.getStatements().size()
                    && block.getStatement(at + 1) instanceof ExpressionStmt next
                    && next.getExpression() instanceof AssignExpr a
                    && a.getOperator() == AssignExpr.Operator.ASSIGN
                    && a.getTarget() instanceof NameExpr n
                    && n.getNameAsString().equals(v.getNameAsString())) {
                VariableDeclarationExpr given = d.clone();
                given.getVariable(0).setInitializer(a.getValue().clone());
                ExpressionStmt merged = new ExpressionStmt(given);
                s.getRange().ifPresent(merged::setRange);
                block.getStatements().remove(next);
                return Optional.of(List.of(merged));
            }
        }
        VariableDeclarationExpr empty = d.clone();
        empty.getVariable(0)
                .setInitializer(new ArrayCreationExpr(
                        element.clone(), new NodeList<>(new ArrayCreationLevel(new IntegerLiteralExpr("0"))), null));
        ExpressionStmt declared = new ExpressionStmt(empty);
        s.getRange().ifPresent(declared::setRange);
        return Optional.of(List.of(declared));
    }
}
