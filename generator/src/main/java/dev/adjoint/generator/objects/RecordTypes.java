package dev.adjoint.generator.objects;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
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
            String pkg =
                    unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            for (ClassOrInterfaceDeclaration c : unit.findAll(ClassOrInterfaceDeclaration.class)) {
                if (!c.isInterface() && !c.isLocalClassDeclaration()) {
                    t.classNames.add(c.getNameAsString());
                    pathOf(c)
                            .ifPresent(path -> t.classesBySimpleName
                                    .computeIfAbsent(c.getNameAsString(), k -> new ArrayList<>())
                                    .add(new FoundClass(pkg, path, file, c)));
                }
            }
            for (RecordDeclaration r : unit.findAll(RecordDeclaration.class)) {
                pathOf(r)
                        .ifPresent(path -> t.bySimpleName
                                .computeIfAbsent(r.getNameAsString(), k -> new ArrayList<>())
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
        if (!(type instanceof ClassOrInterfaceType c) || c.getTypeArguments().isPresent()) {
            return Optional.empty();
        }
        Optional<Object> imported = imported(c);
        if (imported.isPresent()) {
            return imported.get() instanceof FoundClass f ? Optional.of(f) : Optional.empty();
        }
        if (!classWins(c.getNameAsString(), fromPackage)) {
            return Optional.empty();
        }
        List<FoundClass> found = classesBySimpleName.getOrDefault(c.getNameAsString(), List.of());
        List<FoundClass> here =
                found.stream().filter(f -> f.packageName().equals(fromPackage)).toList();
        if (here.size() == 1) {
            return Optional.of(here.get(0));
        }
        if (here.size() > 1) {
            Optional<FoundClass> member = member(c, here, FoundClass::path);
            if (member.isPresent()) {
                return member;
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * Whether {@code type}, seen from package {@code fromPackage}, names a class of the sources that
     * is not a record (by its simple name: when no record has it, or when a class of that package has
     * it and no record of that package does, as javac prefers the package's own type to another
     * package's).
     */
    boolean isPlainClass(Type type, String fromPackage) {
        return type instanceof ClassOrInterfaceType c
                && classNames.contains(c.getNameAsString())
                && imported(c)
                        .map(i -> i instanceof FoundClass)
                        .orElseGet(() -> classWins(c.getNameAsString(), fromPackage));
    }

    /**
     * What a single-type import of {@code c}'s file ({@code import obj.State;}) says its simple name
     * is: the record ({@link Found}) or class ({@link FoundClass}) of the sources it names, or its
     * qualified name when it names a type of no source; empty without such an import (or for a
     * qualified or detached type).
     */
    private Optional<Object> imported(ClassOrInterfaceType c) {
        String name = c.getNameAsString();
        if (c.getScope().isPresent()) {
            return Optional.empty();
        }
        Optional<CompilationUnit> unit = c.findCompilationUnit();
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        for (ImportDeclaration i : unit.get().getImports()) {
            if (i.isStatic() || i.isAsterisk() || !i.getName().getIdentifier().equals(name)) {
                continue;
            }
            String qualified = i.getNameAsString();
            for (Found f : bySimpleName.getOrDefault(name, List.of())) {
                if (qualified(f.packageName(), f.path()).equals(qualified)) {
                    return Optional.of(f);
                }
            }
            for (FoundClass f : classesBySimpleName.getOrDefault(name, List.of())) {
                if (qualified(f.packageName(), f.path()).equals(qualified)) {
                    return Optional.of(f);
                }
            }
            return Optional.of(qualified);
        }
        return Optional.empty();
    }

    private static String qualified(String packageName, List<String> path) {
        String names = String.join(".", path);
        return packageName.isEmpty() ? names : packageName + "." + names;
    }

    /** Whether simple name {@code name} in package {@code fromPackage} means a class rather than a record. */
    private boolean classWins(String name, String fromPackage) {
        List<Found> records = bySimpleName.getOrDefault(name, List.of());
        if (records.isEmpty()) {
            return true;
        }
        return records.stream().noneMatch(r -> r.packageName().equals(fromPackage))
                && classesBySimpleName.getOrDefault(name, List.of()).stream()
                        .anyMatch(f -> f.packageName().equals(fromPackage));
    }

    /**
     * A record or a class of the sources as a differentiated method reads it: its members are a
     * record's components (read {@code p.k()}) or a class's instance fields ({@code s.x}).
     *
     * @param packageName its package
     * @param path its simple names, outermost first
     * @param file the file declaring it
     * @param declaration its syntax (identity tells two types apart)
     * @param accessors whether its members are read through accessors (a record)
     * @param members its components or instance fields, in declaration order, by name
     * @param ownAccessors the accessors a record declares itself
     * @param hidden the fields the generated class cannot read, each with why
     */
    record Shape(
            String packageName,
            List<String> path,
            Path file,
            Node declaration,
            boolean accessors,
            Map<String, Type> members,
            java.util.Set<String> ownAccessors,
            Map<String, String> hidden) {
        /** Its kind, for messages: {@code record Params}, {@code class State}. */
        String kind() {
            return (accessors ? "record " : "class ") + path.get(path.size() - 1);
        }

        /** How a read of member {@code m} of {@code base} is written. */
        String read(String base, String m) {
            return base + "." + m + (accessors ? "()" : "");
        }
    }

    /**
     * The record or class {@code type} names, seen from package {@code fromPackage}; the fields of
     * a class that generated code in package {@code readerPackage} cannot read are hidden (private,
     * or package-private elsewhere).
     */
    Optional<Shape> shape(Type type, String fromPackage, String readerPackage) {
        Optional<Found> record = resolve(type, fromPackage);
        if (record.isPresent()) {
            Found r = record.get();
            Map<String, Type> members = new LinkedHashMap<>();
            r.declaration().getParameters().forEach(c -> members.put(c.getNameAsString(), c.getType()));
            java.util.Set<String> own = new java.util.TreeSet<>();
            r.declaration().getMethods().stream()
                    .filter(d -> d.getParameters().isEmpty())
                    .forEach(d -> own.add(d.getNameAsString()));
            return Optional.of(
                    new Shape(r.packageName(), r.path(), r.file(), r.declaration(), true, members, own, Map.of()));
        }
        return resolveClass(type, fromPackage)
                .filter(c -> c.declaration().getTypeParameters().isEmpty())
                .map(c -> {
                    Map<String, Type> members = new LinkedHashMap<>();
                    Map<String, String> hidden = new LinkedHashMap<>();
                    for (com.github.javaparser.ast.body.FieldDeclaration f :
                            c.declaration().getFields()) {
                        if (f.isStatic()) {
                            continue;
                        }
                        for (com.github.javaparser.ast.body.VariableDeclarator v : f.getVariables()) {
                            members.put(v.getNameAsString(), v.getType());
                            if (f.isPrivate()) {
                                hidden.put(v.getNameAsString(), "it is private");
                            } else if (!f.isPublic() && !c.packageName().equals(readerPackage)) {
                                hidden.put(
                                        v.getNameAsString(),
                                        "it is not public, and the generated class is in package '" + readerPackage
                                                + "'");
                            }
                        }
                    }
                    return new Shape(
                            c.packageName(),
                            c.path(),
                            c.file(),
                            c.declaration(),
                            false,
                            members,
                            java.util.Set.of(),
                            hidden);
                });
    }

    /**
     * The record {@code type} names, seen from package {@code fromPackage}: one of that simple name
     * a single-type import names, else one of that simple name in the same package, else (when no
     * class of that package has the name) the only one of that name in the sources.
     */
    Optional<Found> resolve(Type type, String fromPackage) {
        if (!(type instanceof ClassOrInterfaceType c) || c.getTypeArguments().isPresent()) {
            return Optional.empty();
        }
        Optional<Object> imported = imported(c);
        if (imported.isPresent()) {
            return imported.get() instanceof Found f ? Optional.of(f) : Optional.empty();
        }
        List<Found> found = bySimpleName.getOrDefault(c.getNameAsString(), List.of());
        List<Found> here =
                found.stream().filter(f -> f.packageName().equals(fromPackage)).toList();
        if (here.size() == 1) {
            return Optional.of(here.get(0));
        }
        if (here.size() > 1) {
            Optional<Found> member = member(c, here, Found::path);
            if (member.isPresent()) {
                return member;
            }
        }
        if (!found.isEmpty() && classWins(c.getNameAsString(), fromPackage)) {
            return Optional.empty(); // a class of the package hides another package's record of that name
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * Among records (or classes) of one simple name in one package ({@code Fits.Obs}, {@code Model.Obs}), the one
     * {@code c} means as javac reads it: a member of the innermost type around {@code c} that has one
     * of that name; empty when {@code c} stands in none of them (or is detached).
     */
    private static <F> Optional<F> member(
            ClassOrInterfaceType c, List<F> candidates, java.util.function.Function<F, List<String>> pathOf) {
        for (Node n = c; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> t) {
                Optional<List<String>> path = pathOf(t);
                if (path.isEmpty()) {
                    return Optional.empty();
                }
                List<String> inner = new ArrayList<>(path.get());
                inner.add(c.getNameAsString());
                for (F f : candidates) {
                    if (pathOf.apply(f).equals(inner) || pathOf.apply(f).equals(path.get())) {
                        return Optional.of(f); // a member of t, or t itself (a record naming its own type)
                    }
                }
            }
        }
        return Optional.empty();
    }
}
