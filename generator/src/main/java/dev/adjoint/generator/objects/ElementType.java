package dev.adjoint.generator.objects;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A record or class of the sources whose arrays a method may take ({@link ElementArrays}): what
 * the generator reads of it, and which of its components' types can be gathered.
 *
 * @param packageName its package
 * @param path its simple names, outermost first
 * @param file the file declaring it
 * @param isRecord whether its components are read through accessors
 * @param components its components or instance fields, in declaration order, by name
 * @param ownAccessors the accessors a record declares itself
 * @param privateFields the fields the generated class cannot read
 * @param mirrored the components its gradient class mirrors
 */
record ElementType(
        String packageName,
        List<String> path,
        Path file,
        boolean isRecord,
        Map<String, Type> components,
        Set<String> ownAccessors,
        Set<String> privateFields,
        List<Receiver.Leaf> mirrored) {
    String name() {
        return path.get(path.size() - 1);
    }

    /** A component as a read of an element writes it, for messages: {@code w()} of a record, {@code w} of a class. */
    String example() {
        return components.keySet().stream()
                .findFirst()
                .map(c -> isRecord ? c + "()" : c)
                .orElse("w");
    }

    /** The element type of {@code type} when it is a 1-D array of a record or class of the sources. */
    static Optional<ElementType> of(Type type, String packageName, RecordTypes records) {
        if (!(type instanceof ArrayType a) || a.getArrayLevel() != 1) {
            return Optional.empty();
        }
        Type e = a.getComponentType();
        Optional<RecordTypes.Found> record = records.resolve(e, packageName);
        if (record.isPresent()) {
            RecordTypes.Found r = record.get();
            Map<String, Type> cs = new LinkedHashMap<>();
            r.declaration().getParameters().forEach(c -> cs.put(c.getNameAsString(), c.getType()));
            Set<String> own = new TreeSet<>();
            r.declaration().getMethods().stream()
                    .filter(d -> d.getParameters().isEmpty())
                    .forEach(d -> own.add(d.getNameAsString()));
            List<Receiver.Leaf> mirrored = new ArrayList<>();
            cs.forEach(
                    (c, t) -> MethodSelector.toTy(t).ifPresent(ty -> mirrored.add(new Receiver.Leaf(c, c, ty, false))));
            return Optional.of(new ElementType(r.packageName(), r.path(), r.file(), true, cs, own, Set.of(), mirrored));
        }
        return records.resolveClass(e, packageName).map(c -> {
            Map<String, Type> cs = new LinkedHashMap<>();
            Set<String> hidden = new TreeSet<>();
            List<Receiver.Leaf> mirrored = new ArrayList<>();
            for (FieldDeclaration f : c.declaration().getFields()) {
                if (f.isStatic()) {
                    continue;
                }
                for (VariableDeclarator v : f.getVariables()) {
                    cs.put(v.getNameAsString(), v.getType());
                    MethodSelector.toTy(v.getType())
                            .ifPresent(ty -> mirrored.add(
                                    new Receiver.Leaf(v.getNameAsString(), v.getNameAsString(), ty, f.isPrivate())));
                    // the generated class, in the method's package, reads the field: private, or package-private
                    // elsewhere, it cannot
                    if (f.isPrivate() || (!f.isPublic() && !c.packageName().equals(packageName))) {
                        hidden.add(v.getNameAsString());
                    }
                }
            }
            return new ElementType(c.packageName(), c.path(), c.file(), false, cs, Set.of(), hidden, mirrored);
        });
    }

    /**
     * Whether a component of type {@code t} can be gathered: a {@code double}/{@code float} 1-D or
     * 2-D array (its rows, by reference), or a scalar number or {@code boolean} (its values, copied
     * into a 1-D leaf: the method cannot assign an element's field, so the copy stays its value).
     */
    static boolean isGatherable(Ty t) {
        if (t.dims() == 0) {
            return t.isFloating() || t.prim() == Ty.Prim.INT || t.prim() == Ty.Prim.LONG || t.prim() == Ty.Prim.BOOLEAN;
        }
        return t.isFloating() && t.dims() <= 2;
    }
}
