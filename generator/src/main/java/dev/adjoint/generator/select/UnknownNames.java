package dev.adjoint.generator.select;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.Optional;

/**
 * The error for a name a method reads that the generated code cannot: a static field its class
 * assigns ({@link AssignedStaticFields}), or a name that is none of the parameters, locals and
 * fields the generator reads. When the method's class extends another, the name is most likely a
 * field it inherits, which the generated code does not gather (it reads the fields the class itself
 * declares), so the message says that and what to do rather than leave the newcomer to guess.
 */
public final class UnknownNames {
    private UnknownNames() {}

    /** Why {@code r} cannot read {@code name}, written {@code text} in the source. */
    public static String why(MethodRequest r, String name, String text) {
        return AssignedStaticFields.why(r, name, false)
                .orElseGet(() -> "'" + text
                        + "' is not a parameter, a local variable or a static field (that its class never assigns) of "
                        + r.ownerSimpleName() + "; the generated code can read only those"
                        + inherited(r, name).orElse(""));
    }

    /** The clause for a name {@code r}'s class may inherit from the class it extends. */
    private static Optional<String> inherited(MethodRequest r, String name) {
        for (Node at = r.declaration(); at != null; at = at.getParentNode().orElse(null)) {
            if (at instanceof ClassOrInterfaceDeclaration c && !c.isInterface()) {
                return c.getExtendedTypes().stream()
                        .findFirst()
                        .map(ClassOrInterfaceType::getNameAsString)
                        .map(sup -> " and the fields " + c.getNameAsString()
                                + " declares itself, not those it inherits: if '"
                                + name + "' is a field of " + sup + ", declare it in " + c.getNameAsString()
                                + " or pass its value as a parameter");
            }
        }
        return Optional.empty();
    }
}
