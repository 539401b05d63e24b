package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Optional;

/**
 * The array a method returns at its end through a variable it assigns again, as a copy of it:
 *
 * <pre>
 * double[] y = y0.clone();                      double[] y = y0.clone();
 * for (...) y = step(y, h);                     for (...) y = step(y, h);
 * return y;                                     double[] result0 = y.clone();
 *                                               return result0;
 * </pre>
 *
 * An explicit-Euler or RK loop written with an array-returning helper ends this way. A variable assigned
 * again gets an array of its own that each assignment copies into ({@link ArrayReassignments}), which a
 * {@code return} of the variable itself would hand out (and the pool takes back); the copy returns the same
 * values in an array of the result's own, and leaves the variable used only through its elements. Java returns
 * the reference instead: the caller sees the same values, in an array nothing else holds. Only the method's one
 * {@code return}, its last statement: several returns of arrays are taken only when they return one array.
 */
final class ReturnedReassignments {
    private final Rewriter rw;
    private final MethodDeclaration method;

    ReturnedReassignments(Rewriter rw, MethodDeclaration method) {
        this.rw = rw;
        this.method = method;
    }

    /** {@code s} as the copy and its return, when it is such a return. */
    Optional<List<Statement>> rewrite(Statement s) {
        if (!(s instanceof ReturnStmt r)
                || !(r.getExpression().orElse(null) instanceof NameExpr name)
                || !(r.getParentNode().orElse(null) instanceof BlockStmt block)
                || method.getBody().orElse(null) != block
                || block.getStatements().getLast().orElse(null) != r
                || method.findAll(ReturnStmt.class).size() != 1) {
            return Optional.empty();
        }
        String y = name.getNameAsString();
        Optional<Type> type = Rewriter.inScope(r, y);
        boolean numbers = type.filter(t -> t.getArrayLevel() == 1
                        && t.getElementType() instanceof PrimitiveType p
                        && (p.getType() == PrimitiveType.Primitive.DOUBLE
                                || p.getType() == PrimitiveType.Primitive.FLOAT))
                .isPresent();
        boolean assignedAgain = method
                .findAll(
                        AssignExpr.class,
                        a -> a.getOperator() == AssignExpr.Operator.ASSIGN
                                && a.getTarget() instanceof NameExpr t
                                && t.getNameAsString().equals(y))
                .stream()
                .findAny()
                .isPresent();
        if (!numbers || !assignedAgain) {
            return Optional.empty();
        }
        String copy = rw.fresh("result");
        VariableDeclarationExpr declaration =
                new VariableDeclarationExpr(type.get().clone(), copy);
        declaration.getVariable(0).setInitializer(new MethodCallExpr(name.clone(), "clone"));
        ExpressionStmt declare = new ExpressionStmt(declaration);
        ReturnStmt ret = new ReturnStmt(new NameExpr(copy));
        r.getRange().ifPresent(range -> {
            declare.walk(n -> n.setRange(range));
            ret.walk(n -> n.setRange(range));
        });
        return Optional.of(List.of(declare, ret));
    }
}
