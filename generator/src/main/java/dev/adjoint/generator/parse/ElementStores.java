package dev.adjoint.generator.parse;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.HashSet;
import java.util.Set;

/**
 * Which element stores of a method body reach arrays the method did not create: the syntactic
 * half of "may this method write an array it is given" that the shared fence (for callees it
 * leaves as calls) and the inliner (for helpers it inlines) both ask. Calls that hand arrays on
 * are each asker's own business.
 */
public final class ElementStores {
    private ElementStores() {}

    /**
     * The local arrays {@code m} creates itself ({@code new T[n]}, an initializer) and never
     * assigns again: stores into their elements change nothing the caller sees.
     */
    public static Set<String> createdHere(MethodDeclaration m) {
        Set<String> own = new HashSet<>();
        for (VariableDeclarator v : m.findAll(VariableDeclarator.class)) {
            if (v.getInitializer()
                    .filter(i -> i instanceof ArrayCreationExpr || i instanceof ArrayInitializerExpr)
                    .isPresent()) {
                own.add(v.getNameAsString());
            }
        }
        for (AssignExpr a : m.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr n) {
                own.remove(n.getNameAsString()); // reassigned: it may now be an array the method was given
            }
        }
        return own;
    }

    /** Whether {@code m} assigns or updates an element of an array outside {@code own}. */
    public static boolean storesIntoOthers(MethodDeclaration m, Set<String> own) {
        return m.findAll(AssignExpr.class).stream().anyMatch(a -> isForeignElement(a.getTarget(), own))
                || m.findAll(UnaryExpr.class).stream()
                        .anyMatch(u -> Updates.isUpdate(u.getOperator()) && isForeignElement(u.getExpression(), own));
    }

    /** Whether {@code target}, an assignment's or update's, is an element of an array outside {@code own}. */
    public static boolean isForeignElement(Expression target, Set<String> own) {
        if (!(target instanceof ArrayAccessExpr)) {
            return false;
        }
        Expression root = target;
        while (root instanceof ArrayAccessExpr a) {
            root = a.getName();
        }
        return !(root instanceof NameExpr n && own.contains(n.getNameAsString()));
    }
}
