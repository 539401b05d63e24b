package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.select.ClassNames;
import java.util.Optional;

/**
 * An enum component of the elements of an array of records or objects, read only to be compared
 * with one of the enum's constants ({@code book[i].kind() == Kind.CALL}, {@code o.kind() != Kind.PUT}):
 * {@link ElementArrays} gathers the elements' ordinals into an {@code int} leaf and compares them
 * with the constant's ordinal, which is the same test (an enum's constants are its only values, each
 * with its own ordinal; a null component would throw in the gathering instead of comparing unequal).
 * Any other use of such a component stays an error.
 */
final class EnumComponents {
    private EnumComponents() {}

    /**
     * The constant {@code read} (a component of type {@code type}) is compared with by {@code ==} or
     * {@code !=} in {@code method}, when {@code type} is an enum and the constant one of its own.
     */
    static Optional<Expression> comparedConstant(Node read, Type type, MethodDeclaration method) {
        if (!(type instanceof ClassOrInterfaceType declared)
                || !(read.getParentNode().orElse(null) instanceof BinaryExpr b)
                || (b.getOperator() != BinaryExpr.Operator.EQUALS
                        && b.getOperator() != BinaryExpr.Operator.NOT_EQUALS)) {
            return Optional.empty();
        }
        Expression other = b.getLeft() == read ? b.getRight() : b.getLeft();
        Optional<String> enumType = ClassNames.enumName(declared);
        if (!(other instanceof FieldAccessExpr f)
                || enumType.isEmpty()
                || method.findCompilationUnit().isEmpty()) {
            return Optional.empty();
        }
        return ClassNames.enumConstant(f, method.findCompilationUnit().get())
                .filter(enumType.get()::equals)
                .map(q -> other);
    }
}
