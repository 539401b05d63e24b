package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;

/**
 * Calls that a static helper of the caller's own class makes to another class of the sources,
 * by the class's simple name ({@code Util.sum(y[0], y[1])}) or imported statically
 * ({@code logistic(z)}): the helper is of the caller's file, so such a name means in the caller
 * what it means in the helper, and the inlined copy makes the very call the caller would make
 * written there (differentiated on its own, or inlined in turn). Before, such a call kept the
 * helper from being inlined (a helper filling an array was then an error at its call). The
 * copy's statically imported calls are written with the class's full name, as
 * {@link StaticImports} writes the caller's own.
 */
final class OwnHelperNames {
    private final MethodRequest caller;
    private final MethodIndex index;

    OwnHelperNames(MethodRequest caller, MethodIndex index) {
        this.caller = caller;
        this.index = index;
    }

    /** Whether {@code c}, in the body of a helper of the caller's class, calls another class of the sources. */
    boolean callsSourceClass(MethodCallExpr c) {
        if (index == null) {
            return false;
        }
        ForeignNames names = new ForeignNames(caller.declaration(), index, caller);
        if (c.getScope().isEmpty()) {
            return names.importedMethod(c.getNameAsString()).isPresent();
        }
        TypeDeclaration<?> owner = caller.declaration()
                .findAncestor(TypeDeclaration.class)
                .map(t -> (TypeDeclaration<?>) t)
                .orElse(null);
        return c.getScope().get() instanceof NameExpr n
                && Rewriter.inScope(n, n.getNameAsString()).isEmpty() // not a local or parameter of the helper
                && (owner == null || owner.getFieldByName(n.getNameAsString()).isEmpty()) // nor a field
                && names.sourceClass(n.getNameAsString()).isPresent();
    }

    /** Writes the statically imported calls of {@code copy}, a clone of {@code h} about to be inlined, qualified. */
    void qualifyImports(MethodDeclaration h, MethodDeclaration copy) {
        if (index != null && copy.getBody().isPresent()) {
            StaticImports.qualify(h, copy.getBody().get(), new ForeignNames(h, index, caller));
        }
    }
}
