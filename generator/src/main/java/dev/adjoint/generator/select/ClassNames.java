package dev.adjoint.generator.select;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Classes as the generated adjoint class names them. The adjoint class copies none of the user's
 * imports, so a class it names (an exception a method declares or creates) is written by its
 * qualified name, resolved as javac resolves a simple name in the method's file (JLS 6.4.1, 7.5):
 * a type of the file (nested ones by their path), a single-type import, {@code java.lang}, an
 * on-demand import of the JDK, else the method's own package. A name the generator cannot tell
 * apart from another (a type parameter; a class an on-demand import outside the JDK may hold) is
 * left unresolved, for the fences to report.
 */
public final class ClassNames {
    private ClassNames() {}

    /** The enums every file of the sources declares, by qualified name: their constants (set on each unit by {@link #shareEnums}). */
    private static final com.github.javaparser.ast.DataKey<java.util.Map<String, List<String>>> SOURCE_ENUMS =
            new com.github.javaparser.ast.DataKey<>() {};

    /**
     * Tells each of {@code units} the enums all of them declare, so that a parameter, local or
     * constant of an enum of another file resolves (by the file's imports and package, as any class).
     */
    public static void shareEnums(java.util.Collection<CompilationUnit> units) {
        java.util.Map<String, List<String>> all = new java.util.TreeMap<>();
        for (CompilationUnit u : units) {
            String pkg = u.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            for (com.github.javaparser.ast.body.EnumDeclaration e :
                    u.findAll(com.github.javaparser.ast.body.EnumDeclaration.class)) {
                all.put(
                        pathOf(e, pkg),
                        e.getEntries().stream().map(c -> c.getNameAsString()).toList());
            }
        }
        java.util.Map<String, List<String>> shared = java.util.Collections.unmodifiableMap(all);
        units.forEach(u -> u.setData(SOURCE_ENUMS, shared));
    }

    /** Gives {@code copy} (a clone of {@code original}) the enums of the sources {@code original} knows. */
    public static void shareEnums(CompilationUnit original, CompilationUnit copy) {
        if (original.containsData(SOURCE_ENUMS)) {
            copy.setData(SOURCE_ENUMS, original.getData(SOURCE_ENUMS));
        }
    }

    private static java.util.Map<String, List<String>> sourceEnums(CompilationUnit unit) {
        return unit.containsData(SOURCE_ENUMS) ? unit.getData(SOURCE_ENUMS) : java.util.Map.of();
    }

    /**
     * {@code thrown} with the class it creates written by its qualified name ({@code new IOException(m)}
     * becomes {@code new java.io.IOException(m)}); {@code thrown} itself when it creates nothing or the
     * class cannot be resolved (a class of {@code java.lang} still reads the same).
     */
    public static Expression qualifiedCreation(Expression thrown) {
        if (!(thrown instanceof ObjectCreationExpr o) || o.getScope().isPresent()) {
            return thrown;
        }
        // the causes it creates (new UncheckedIOException(new IOException("zero"))) first: found on the original,
        // which knows its file's imports, written into a copy
        List<ObjectCreationExpr> inner = o.getArguments().stream()
                .flatMap(a -> a.findAll(ObjectCreationExpr.class).stream())
                .toList();
        if (!inner.isEmpty()) {
            ObjectCreationExpr copy = o.clone();
            List<ObjectCreationExpr> copies = copy.getArguments().stream()
                    .flatMap(a -> a.findAll(ObjectCreationExpr.class).stream())
                    .toList();
            for (int i = 0; i < inner.size(); i++) {
                if (inner.get(i).getScope().isEmpty()) {
                    ObjectCreationExpr c = copies.get(i);
                    qualified(inner.get(i).getType())
                            .ifPresent(q -> c.setType(new com.github.javaparser.JavaParser()
                                    .parseClassOrInterfaceType(q)
                                    .getResult()
                                    .orElseThrow()));
                }
            }
            return outerQualified(o, copy);
        }
        return outerQualified(o, o);
    }

    /** {@code copy} of {@code o} with the class {@code o} creates written by its qualified name. */
    private static Expression outerQualified(ObjectCreationExpr o, ObjectCreationExpr copy) {
        Optional<String> q = qualified(o.getType());
        if (q.isEmpty()) {
            return copy;
        }
        copy = copy == o ? o.clone() : copy;
        copy.setType(new com.github.javaparser.JavaParser()
                .parseClassOrInterfaceType(q.get())
                .getResult()
                .orElseThrow());
        return copy;
    }

    /** The qualified name of the class {@code t} names in its file, if the generator can tell which it is. */
    public static Optional<String> qualified(ClassOrInterfaceType t) {
        Optional<CompilationUnit> unit = t.findCompilationUnit();
        if (unit.isEmpty() || t.getTypeArguments().isPresent()) {
            return Optional.empty();
        }
        String pkg =
                unit.get().getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        if (t.getScope().isPresent()) {
            // Outer.Inner from the file's types, else a qualified name as written
            ClassOrInterfaceType first = t;
            while (first.getScope().isPresent()) {
                first = first.getScope().get();
            }
            String rest = t.getNameWithScope().substring(first.getNameAsString().length());
            Optional<String> head = inFile(unit.get(), first.getNameAsString(), pkg);
            return Optional.of(head.map(h -> h + rest).orElse(t.getNameWithScope()));
        }
        return simple(unit.get(), t, t.getNameAsString(), pkg);
    }

    private static Optional<String> simple(CompilationUnit unit, Node at, String name, String pkg) {
        // a type parameter of the method or a class around it (throws E): no class to name
        for (Optional<Node> n = Optional.of(at); n.isPresent(); n = n.get().getParentNode()) {
            if (n.get() instanceof com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters<?> g
                    && g.getTypeParameters().stream()
                            .anyMatch(p -> p.getNameAsString().equals(name))) {
                return Optional.empty();
            }
        }
        Optional<String> own = inFile(unit, name, pkg);
        if (own.isPresent()) {
            return own;
        }
        List<String> onDemand = new ArrayList<>();
        for (ImportDeclaration i : unit.getImports()) {
            if (i.isStatic()) {
                continue;
            }
            if (i.isAsterisk()) {
                onDemand.add(i.getNameAsString());
            } else if (i.getName().getIdentifier().equals(name)) {
                return Optional.of(i.getNameAsString());
            }
        }
        String samePackage = pkg.isEmpty() ? name : pkg + "." + name;
        if (sourceEnums(unit).containsKey(samePackage)) {
            return Optional.of(samePackage); // (a class of the package hides java.lang's and on-demand imports')
        }
        if (jdkClass("java.lang." + name)) {
            return Optional.of("java.lang." + name);
        }
        for (String p : onDemand) {
            if (jdkClass(p + "." + name) || sourceEnums(unit).containsKey(p + "." + name)) {
                return Optional.of(p + "." + name);
            }
        }
        // a class of another file: of the same package, unless an on-demand import may hold it too
        return onDemand.isEmpty() ? Optional.of(pkg.isEmpty() ? name : pkg + "." + name) : Optional.empty();
    }

    /** A class of the file named {@code name}: top-level, or nested (the first one found, outermost first). */
    private static Optional<String> inFile(CompilationUnit unit, String name, String pkg) {
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            if (type.getNameAsString().equals(name)) {
                return Optional.of(pathOf(type, pkg));
            }
        }
        return Optional.empty();
    }

    /** {@code type}'s qualified name: the package, then the types around it, outermost first. */
    private static String pathOf(TypeDeclaration<?> type, String pkg) {
        List<String> path = new ArrayList<>();
        Optional<Node> n = Optional.of(type);
        while (n.isPresent()) {
            if (n.get() instanceof TypeDeclaration<?> td) {
                path.add(0, td.getNameAsString());
            }
            n = n.get().getParentNode();
        }
        String joined = String.join(".", path);
        return pkg.isEmpty() ? joined : pkg + "." + joined;
    }

    /**
     * The qualified name of the enum {@code t} names: one declared in {@code t}'s file, in another
     * file of the sources ({@code Mode}, {@code Other.Mode}, {@code p.q.Mode}, resolved as javac
     * resolves the class name), or one of the JDK ({@code java.time.DayOfWeek}); empty for any other type.
     */
    public static Optional<String> enumName(ClassOrInterfaceType t) {
        Optional<String> q = qualified(t);
        Optional<CompilationUnit> unit = t.findCompilationUnit();
        if (q.isEmpty() || unit.isEmpty()) {
            return Optional.empty();
        }
        if (enumConstants(q.get(), unit.get()).isPresent()) {
            return q;
        }
        if (t.getScope().isPresent() && t.getTypeArguments().isEmpty()) {
            // Other.Mode: the class Other as a simple name of the file, Mode nested in it
            ClassOrInterfaceType first = t;
            while (first.getScope().isPresent()) {
                first = first.getScope().get();
            }
            String rest = t.getNameWithScope().substring(first.getNameAsString().length());
            String pkg = unit.get()
                    .getPackageDeclaration()
                    .map(p -> p.getNameAsString())
                    .orElse("");
            return simple(unit.get(), t, first.getNameAsString(), pkg)
                    .map(head -> head + rest)
                    .filter(name -> sourceEnums(unit.get()).containsKey(name));
        }
        return Optional.empty();
    }

    /**
     * The enum whose constant {@code f} reads ({@code Mode.FAST}, {@code DayOfWeek.MONDAY}, written
     * in {@code unit}, the method's file), by its qualified name; empty when {@code f} is anything else.
     */
    public static Optional<String> enumConstant(
            com.github.javaparser.ast.expr.FieldAccessExpr f, CompilationUnit unit) {
        Optional<ClassOrInterfaceType> scope = new com.github.javaparser.JavaParser()
                .parseClassOrInterfaceType(f.getScope().toString())
                .getResult();
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        // resolved in the method's file: a copy of the scope placed there, since f itself may be a rewritten copy
        ClassOrInterfaceType placed = scope.get();
        placed.setParentNode(unit);
        Optional<String> q = enumName(placed);
        placed.setParentNode(null);
        return q.flatMap(name -> enumConstants(name, unit)
                .filter(cs -> cs.contains(f.getNameAsString()))
                .map(cs -> name));
    }

    /** The constants of the enum of this qualified name, declared in {@code unit}, another file of the sources or the JDK. */
    private static Optional<List<String>> enumConstants(String qualified, CompilationUnit unit) {
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (com.github.javaparser.ast.body.EnumDeclaration e :
                unit.findAll(com.github.javaparser.ast.body.EnumDeclaration.class)) {
            if (inFile(unit, e.getNameAsString(), pkg).filter(qualified::equals).isPresent()) {
                return Optional.of(
                        e.getEntries().stream().map(c -> c.getNameAsString()).toList());
            }
        }
        if (sourceEnums(unit).containsKey(qualified)) {
            return Optional.of(sourceEnums(unit).get(qualified));
        }
        try {
            Class<?> c = Class.forName(qualified, false, ClassLoader.getPlatformClassLoader());
            if (c.isEnum()) {
                return Optional.of(java.util.Arrays.stream(c.getEnumConstants())
                        .map(x -> ((Enum<?>) x).name())
                        .toList());
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // not a class of the JDK
        }
        return Optional.empty();
    }

    /** Whether the JDK (the generator's own class loader) has a class of this name. */
    private static boolean jdkClass(String qualified) {
        try {
            Class.forName(qualified, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
