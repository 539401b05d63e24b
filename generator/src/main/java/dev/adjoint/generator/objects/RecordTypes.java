package dev.adjoint.generator.objects;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The records declared in the source roots, found by the simple name a parameter's type gives. */
public final class RecordTypes {
    /**
     * One record of the sources.
     *
     * @param packageName its package
     * @param path its simple names, outermost first
     * @param file the file declaring it
     * @param declaration its syntax
     */
    record Found(String packageName, List<String> path, Path file, RecordDeclaration declaration) {}

    /**
     * One class of the sources that is not a record.
     *
     * @param packageName its package
     * @param path its simple names, outermost first
     * @param file the file declaring it
     * @param declaration its syntax
     */
    record FoundClass(String packageName, List<String> path, Path file, ClassOrInterfaceDeclaration declaration) {}

    private final Map<String, List<Found>> bySimpleName = new LinkedHashMap<>();
    private final Map<String, List<FoundClass>> classesBySimpleName = new LinkedHashMap<>();
    /** The simple names of the other classes of the sources (not records), for a clear error at their locals. */
    private final java.util.Set<String> classNames = new java.util.TreeSet<>();

    private RecordTypes() {}

    /** The records of {@code units} (file to unit). */
    public static RecordTypes of(Map<Path, CompilationUnit> units) {
        RecordTypes t = new RecordTypes();
        units.forEach((file, unit) -> {
            String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            for (ClassOrInterfaceDeclaration c : unit.findAll(ClassOrInterfaceDeclaration.class)) {
                if (!c.isInterface() && !c.isLocalClassDeclaration()) {
                    t.classNames.add(c.getNameAsString());
                    pathOf(c).ifPresent(path -> t.classesBySimpleName.computeIfAbsent(c.getNameAsString(), k -> new ArrayList<>())
                            .add(new FoundClass(pkg, path, file, c)));
                }
            }
            for (RecordDeclaration r : unit.findAll(RecordDeclaration.class)) {
                pathOf(r).ifPresent(path -> t.bySimpleName.computeIfAbsent(r.getNameAsString(), k -> new ArrayList<>())
                        .add(new Found(pkg, path, file, r)));
            }
        });
        return t;
    }

    /** The simple names of {@code t} and its enclosing types, outermost first; empty for a local type (no name outside its method). */
    private static Optional<List<String>> pathOf(TypeDeclaration<?> t) {
        List<String> path = new ArrayList<>();
        for (Node n = t; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> td) {
                path.add(0, td.getNameAsString());
            } else if (!(n instanceof CompilationUnit)) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }

    /**
     * The class (not a record) {@code type} names, seen from package {@code fromPackage}, as
     * {@link #resolve} finds records.
     */
    Optional<FoundClass> resolveClass(Type type, String fromPackage) {
        if (!(type instanceof ClassOrInterfaceType c) || c.getTypeArguments().isPresent() || bySimpleName.containsKey(c.getNameAsString())) {
            return Optional.empty();
        }
        List<FoundClass> found = classesBySimpleName.getOrDefault(c.getNameAsString(), List.of());
        List<FoundClass> here = found.stream().filter(f -> f.packageName().equals(fromPackage)).toList();
        if (here.size() == 1) {
            return Optional.of(here.get(0));
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Whether {@code type} names a class of the sources that is not a record (by its simple name, when no record has it). */
    boolean isPlainClass(Type type) {
        return type instanceof ClassOrInterfaceType c && classNames.contains(c.getNameAsString())
                && !bySimpleName.containsKey(c.getNameAsString());
    }

    /**
     * The record {@code type} names, seen from package {@code fromPackage}: one of that simple name
     * in the same package, else the only one of that name in the sources.
     */
    Optional<Found> resolve(Type type, String fromPackage) {
        if (!(type instanceof ClassOrInterfaceType c) || c.getTypeArguments().isPresent()) {
            return Optional.empty();
        }
        List<Found> found = bySimpleName.getOrDefault(c.getNameAsString(), List.of());
        List<Found> here = found.stream().filter(f -> f.packageName().equals(fromPackage)).toList();
        if (here.size() == 1) {
            return Optional.of(here.get(0));
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
