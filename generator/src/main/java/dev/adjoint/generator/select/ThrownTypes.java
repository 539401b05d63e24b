package dev.adjoint.generator.select;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.ReferenceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checked exceptions a method declares ({@code throws}), as the generated adjoint class names
 * them ({@link ClassNames}): every generated method of the method declares the same clause.
 */
public final class ThrownTypes {
    private ThrownTypes() {}

    /** The exceptions {@code m} declares, qualified; empty when one of them cannot be named (the shared fence says which). */
    public static Optional<List<String>> declared(MethodDeclaration m) {
        List<String> out = new ArrayList<>();
        for (ReferenceType t : m.getThrownExceptions()) {
            Optional<String> q = t instanceof ClassOrInterfaceType c ? ClassNames.qualified(c) : Optional.empty();
            if (q.isEmpty()) {
                return Optional.empty();
            }
            out.add(q.get());
        }
        return Optional.of(out);
    }

    /** The exception types of {@code m}'s {@code throws} clause that cannot be named in the generated code. */
    public static List<ReferenceType> unnamable(MethodDeclaration m) {
        return m.getThrownExceptions().stream()
                .filter(t -> !(t instanceof ClassOrInterfaceType c)
                        || ClassNames.qualified(c).isEmpty())
                .toList();
    }
}
