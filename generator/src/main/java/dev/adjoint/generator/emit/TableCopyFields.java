package dev.adjoint.generator.emit;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.OwnerConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * The copies of the owner's private static tables that the methods read
 * ({@code static final double[] A = {0.25, -0.28};}, package-private so that the tangent helpers
 * of callers in the package read them too), which the select pass found exact to copy
 * ({@code select/TableCopies}) and reads as {@code OwnerAdjoint.A}.
 */
final class TableCopyFields {
    private TableCopyFields() {}

    static void add(TypeSpec.Builder type, List<AdjointMethod> methods) {
        Map<String, OwnerConstants.Constant> copies = new TreeMap<>();
        for (AdjointMethod m : methods) {
            MethodRequest r = m.request();
            copiesVisibleTo(r).forEach((name, c) -> {
                if (c.text().equals(r.staticFieldOwners().get(name))) {
                    copies.putIfAbsent(name, c);
                }
            });
        }
        copies.forEach((name, c) -> type.addField(
                FieldSpec.builder(AdjointClassEmitter.typeName(c.type()), name, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$L", c.copy())
                        .build()));
    }

    /** The copied tables by simple name, as the method's class and the classes around it give them (the innermost wins). */
    private static Map<String, OwnerConstants.Constant> copiesVisibleTo(MethodRequest r) {
        List<TypeDeclaration<?>> enclosing = new ArrayList<>();
        for (Optional<Node> n = r.declaration().getParentNode();
                n.isPresent();
                n = n.get().getParentNode()) {
            if (n.get() instanceof TypeDeclaration<?> t) {
                enclosing.add(0, t);
            }
        }
        Map<String, OwnerConstants.Constant> out = new TreeMap<>();
        List<String> path = new ArrayList<>();
        for (TypeDeclaration<?> t : enclosing) {
            path.add(t.getNameAsString());
            OwnerConstants.of(t, String.join(".", path), r.file(), r.adjointSimpleName())
                    .forEach((name, c) -> {
                        if (c.copy() != null) {
                            out.put(name, c);
                        } else {
                            out.remove(name);
                        }
                    });
        }
        return out;
    }
}
