package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithExtends;
import com.github.javaparser.ast.nodeTypes.NodeWithImplements;
import dev.adjoint.generator.select.ClassSpelling;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.OwnerConstants;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a name in the body of a helper of another class means in the helper's file, as javac
 * resolves it there (JLS 6.4.1, 6.5, 7.5), so that {@link ForeignHelpers} can write it so that it
 * means the same in the caller: a class of the sources named by a simple name (a class nested in
 * the helper's class or around it, a single-type import, a class of its package), a static field
 * read by its simple name (of the helper's class or a class around it, then a single static
 * import, then on-demand static imports), a method imported statically. Where the file leaves the
 * meaning open to what the generator cannot see (an on-demand import of a class or package outside
 * the sources, a field a superclass may declare), there is no answer and the helper is left to the
 * existing paths.
 */
final class ForeignNames {
    /** A static field of a class of the sources: its name, its type and the Java text reading it from the caller's adjoint. */
    record Field(String name, Ty type, String text) {}

    private final MethodDeclaration helper;
    private final CompilationUnit unit;
    private final String pkg;
    private final MethodIndex index;
    private final ClassSpelling spelling;
    private final String callerPackage;

    ForeignNames(MethodDeclaration helper, MethodIndex index, MethodRequest caller) {
        this.helper = helper;
        this.unit = helper.findCompilationUnit().orElseThrow();
        this.pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        this.index = index;
        this.spelling = ClassSpelling.of(caller);
        this.callerPackage = caller.packageName();
    }

    /**
     * The qualified name of the class of the sources that the simple name {@code name} denotes in
     * the helper's file; empty for a class outside the sources (of the JDK, say) or an open one.
     */
    Optional<String> sourceClass(String name) {
        for (TypeDeclaration<?> t : around()) {
            for (var member : t.getMembers()) {
                if (member instanceof TypeDeclaration<?> nested
                        && nested.getNameAsString().equals(name)) {
                    return qualifiedName(nested).filter(q -> index.type(q).isPresent());
                }
            }
            if (t.getNameAsString().equals(name)) {
                return qualifiedName(t).filter(q -> index.type(q).isPresent());
            }
        }
        for (ImportDeclaration i : unit.getImports()) {
            if (!i.isStatic() && !i.isAsterisk() && i.getName().getIdentifier().equals(name)) {
                return Optional.of(i.getNameAsString())
                        .filter(q -> index.type(q).isPresent());
            }
        }
        // the file's own package comes before the on-demand imports (a class there hides theirs)
        String samePackage = pkg.isEmpty() ? name : pkg + "." + name;
        return index.type(samePackage).isPresent() ? Optional.of(samePackage) : Optional.empty();
    }

    /**
     * The static field {@code name} that the helper reads by its simple name: of its class or a
     * class around it, or imported statically from a class of the sources; empty when it is none
     * of those or when the file leaves it open.
     */
    Optional<Field> simpleField(String name) {
        boolean inherits = false;
        for (TypeDeclaration<?> t : around()) {
            if (t.getFieldByName(name).isPresent()) {
                return qualifiedName(t).flatMap(q -> field(q, name));
            }
            inherits |=
                    (t instanceof NodeWithExtends<?> e && !e.getExtendedTypes().isEmpty())
                            || (t instanceof NodeWithImplements<?> im
                                    && !im.getImplementedTypes().isEmpty());
        }
        if (inherits) {
            return Optional.empty(); // (a supertype may declare it: the generator does not read supertypes)
        }
        return staticImport(name, true).flatMap(q -> field(q, name));
    }

    /** The class of the sources whose static method {@code name} the helper's file imports statically. */
    Optional<String> importedMethod(String name) {
        return staticImport(name, false);
    }

    /** Static field {@code name} of class {@code qualified} of the sources as a constant the caller's adjoint can read. */
    Optional<Field> field(String qualified, String name) {
        Optional<TypeDeclaration<?>> type = index.type(qualified);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String typePkg = type.get()
                .findCompilationUnit()
                .flatMap(CompilationUnit::getPackageDeclaration)
                .map(p -> p.getNameAsString())
                .orElse("");
        String inPackage = typePkg.isEmpty() ? qualified : qualified.substring(typePkg.length() + 1);
        Optional<Path> file = type.get()
                .findCompilationUnit()
                .flatMap(CompilationUnit::getStorage)
                .map(CompilationUnit.Storage::getPath);
        OwnerConstants.Constant c = file.map(
                        f -> OwnerConstants.of(type.get(), inPackage, f).get(name))
                .orElse(null);
        if (c == null || c.text() == null) {
            return Optional.empty(); // (not a number or a table, assigned by its class, or private and not a literal)
        }
        if (!c.text().equals(inPackage + "." + name)) {
            return Optional.of(new Field(name, c.type(), c.text())); // a private constant's literal
        }
        if (!typePkg.equals(callerPackage) && !publicAll(type.get(), name)) {
            return Optional.empty(); // (the caller's adjoint, in another package, could not read it)
        }
        return spelling.write(typePkg, inPackage, false).map(o -> new Field(name, c.type(), o + "." + name));
    }

    /**
     * The class of the sources that a static import of the helper's file gives {@code name} from
     * (a field when {@code field}, else a method): a single static import first, then the
     * on-demand ones, which must not leave it open.
     */
    private Optional<String> staticImport(String name, boolean field) {
        List<String> onDemand = new ArrayList<>();
        for (ImportDeclaration i : unit.getImports()) {
            if (!i.isStatic()) {
                continue;
            }
            if (i.isAsterisk()) {
                onDemand.add(i.getNameAsString());
            } else if (i.getName().getIdentifier().equals(name)) {
                String from = i.getName().getQualifier().map(Node::toString).orElse("");
                return Optional.of(from).filter(q -> declares(q, name, field));
            }
        }
        List<String> found = new ArrayList<>();
        for (String from : onDemand) {
            if (index.type(from).isEmpty() && !from.equals("java.lang.Math") && !from.equals("java.lang.StrictMath")) {
                return Optional.empty(); // a class the generator cannot read may declare it too
            }
            if (declares(from, name, field) || (index.type(from).isEmpty() && jdkDeclares(from, name, field))) {
                found.add(from);
            }
        }
        return found.size() == 1 && index.type(found.get(0)).isPresent() ? Optional.of(found.get(0)) : Optional.empty();
    }

    private boolean declares(String qualified, String name, boolean field) {
        return index.type(qualified)
                .filter(t -> field
                        ? t.getFieldByName(name).filter(f -> f.isStatic()).isPresent()
                        : t.getMethodsByName(name).stream().anyMatch(m -> m.isStatic()))
                .isPresent();
    }

    private static boolean jdkDeclares(String qualified, String name, boolean field) {
        try {
            Class<?> c = Class.forName(qualified, false, ForeignNames.class.getClassLoader());
            return field
                    ? java.util.Arrays.stream(c.getFields())
                            .anyMatch(f -> f.getName().equals(name))
                    : java.util.Arrays.stream(c.getMethods())
                            .anyMatch(m -> m.getName().equals(name));
        } catch (ClassNotFoundException e) {
            return true; // (unknown: it may)
        }
    }

    /** Whether field {@code name} of {@code type} and every class around it are public (readable from another package). */
    private static boolean publicAll(TypeDeclaration<?> type, String name) {
        boolean open = type.getFieldByName(name).filter(f -> f.isPublic()).isPresent();
        for (Optional<Node> n = Optional.of(type);
                open && n.isPresent();
                n = n.get().getParentNode()) {
            open = !(n.get() instanceof TypeDeclaration<?> t)
                    || t.isPublic()
                    || (t.getParentNode()
                            .filter(p -> p instanceof TypeDeclaration<?> o
                                    && o instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c
                                    && c.isInterface())
                            .isPresent());
        }
        return open;
    }

    /** The helper's class, then the classes around it, innermost first. */
    private List<TypeDeclaration<?>> around() {
        List<TypeDeclaration<?>> out = new ArrayList<>();
        for (Optional<Node> n = helper.getParentNode();
                n.isPresent();
                n = n.get().getParentNode()) {
            if (n.get() instanceof TypeDeclaration<?> t) {
                out.add(t);
            }
        }
        return out;
    }

    private Optional<String> qualifiedName(TypeDeclaration<?> t) {
        List<String> path = new ArrayList<>();
        for (Optional<Node> n = Optional.of(t); n.isPresent(); n = n.get().getParentNode()) {
            if (n.get() instanceof TypeDeclaration<?> td) {
                path.add(0, td.getNameAsString());
            } else if (!(n.get() instanceof CompilationUnit)) {
                return Optional.empty(); // a local class
            }
        }
        String joined = String.join(".", path);
        return Optional.of(pkg.isEmpty() ? joined : pkg + "." + joined);
    }
}
