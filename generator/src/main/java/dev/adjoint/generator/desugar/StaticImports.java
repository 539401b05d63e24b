package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import java.util.Optional;

/**
 * Calls in a {@code @Differentiable} method to a static method of another class of the sources
 * that its file imports statically ({@code import static p.MathUtil.dot;} then {@code dot(a, b)}),
 * written with the class's full name ({@code p.MathUtil.dot(a, b)}), so that the later passes see
 * the call they see when it is written qualified. Java's rules decide (JLS 6.4.1, 15.12.1): a method
 * of that name in the class or a class around it hides every static import; a single static import
 * hides the on-demand ones ({@code import static java.lang.Math.*} included); on-demand imports that
 * leave the name open to a class the generator cannot read resolve nothing (the call stays as
 * written, and its error says what the generator could not find).
 */
final class StaticImports {
    private StaticImports() {}

    static void qualify(MethodRequest r, MethodIndex sources) {
        MethodDeclaration m = r.declaration();
        if (sources == null || m.getBody().isEmpty()) {
            return;
        }
        qualify(m, m.getBody().get(), new ForeignNames(m, sources, r));
    }

    /**
     * The same in {@code body}: {@code m}'s own, or a copy of it inlined into a method of its file
     * ({@link OwnHelperNames}); {@code names} reads {@code m}'s file.
     */
    static void qualify(MethodDeclaration m, Node body, ForeignNames names) {
        for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
            String name = c.getNameAsString();
            if (c.getScope().isPresent() || declaredAround(m, name)) {
                continue;
            }
            Optional<String> from = names.importedMethod(name);
            from.ifPresent(q -> c.setScope(ForeignHelpers.qualifiedName(q)));
        }
    }

    /** Whether the method's class or a class around it declares a method {@code name} (which hides static imports). */
    private static boolean declaredAround(MethodDeclaration m, String name) {
        for (Optional<Node> n = m.getParentNode(); n.isPresent(); n = n.get().getParentNode()) {
            if (n.get() instanceof TypeDeclaration<?> t
                    && !t.getMethodsByName(name).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
