package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The object's constant fields, {@code private final double eps = 1e-5;}: a {@code final} instance
 * field of a {@code float}/{@code double} type given a constant expression of literals. javac puts
 * its value into the class's code wherever the field is read (JLS 13.1, a constant variable), so
 * nothing can change what the methods see: it is not one of the object's differentiated fields (no
 * member of {@code ModelGrad}, no column of a Jacobian), and its reads in the instance methods
 * become that value, cast to the field's type, as javac reads them.
 */
final class ConstantFields {
    private ConstantFields() {}

    /** Whether the variable {@code v} of the field declaration {@code f} is such a constant. */
    static boolean isConstant(FieldDeclaration f, VariableDeclarator v) {
        return !f.isStatic()
                && f.isFinal()
                && v.getType() instanceof PrimitiveType p
                && (p.getType() == PrimitiveType.Primitive.DOUBLE || p.getType() == PrimitiveType.Primitive.FLOAT)
                && v.getInitializer().filter(ConstantFields::ofLiterals).isPresent();
    }

    /** Whether {@code e} is built of literals alone: operators, parentheses and primitive casts. */
    private static boolean ofLiterals(Expression e) {
        if (e instanceof LiteralExpr) {
            return true;
        }
        if (e instanceof EnclosedExpr en) {
            return ofLiterals(en.getInner());
        }
        if (e instanceof UnaryExpr u) {
            return ofLiterals(u.getExpression());
        }
        if (e instanceof BinaryExpr b) {
            return ofLiterals(b.getLeft()) && ofLiterals(b.getRight());
        }
        return e instanceof CastExpr c && c.getType().isPrimitiveType() && ofLiterals(c.getExpression());
    }

    /** Replaces, in the instance methods of {@code c}, every read of a constant field with its value; returns their names. */
    static Set<String> inline(ClassOrInterfaceDeclaration c) {
        Map<String, Expression> values = new HashMap<>();
        for (FieldDeclaration f : c.getFields()) {
            for (VariableDeclarator v : f.getVariables()) {
                if (isConstant(f, v)) {
                    // ((double) (1)): the field's type, as an int literal given to a double field is read
                    values.put(
                            v.getNameAsString(),
                            new EnclosedExpr(new CastExpr(
                                    v.getType().clone(),
                                    new EnclosedExpr(v.getInitializer().get().clone()))));
                }
            }
        }
        if (values.isEmpty()) {
            return Set.of();
        }
        FieldReads reads = new FieldReads(values.keySet());
        for (MethodDeclaration m : c.getMethods()) {
            if (m.isStatic()) {
                continue;
            }
            for (Node n : m.findAll(Node.class, n -> reads.fieldOf(n).isPresent())) {
                if (m.isAncestorOf(n)) {
                    Expression value = values.get(reads.fieldOf(n).get()).clone();
                    n.getRange().ifPresent(value::setRange);
                    n.replace(value);
                }
            }
        }
        return values.keySet();
    }
}
