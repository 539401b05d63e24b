package dev.adjoint.generator.select;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every static method of the translated sources, by owner and name, so that a call can be
 * resolved: to another {@code @Differentiable} method (whose adjoint is called), or to a plain
 * method whose integer or boolean result is a constant to the derivative.
 */
public final class MethodIndex {

    /**
     * A static method seen in the sources.
     *
     * @param ownerQualified the declaring class, {@code p.Outer.Inner}
     * @param ownerInPackage the declaring class as written in its package, {@code Outer.Inner}
     * @param name the method's name
     * @param result its result type, if the generator knows it
     * @param isPrivate whether other classes cannot call it
     * @param differentiable the request, when the method is {@code @Differentiable} and well formed
     * @param declaration the method's syntax tree
     */
    public record Entry(
            String ownerQualified,
            String ownerInPackage,
            String packageName,
            String name,
            Optional<Ty> result,
            boolean isPrivate,
            int arity,
            Optional<MethodRequest> differentiable,
            MethodDeclaration declaration) {}

    private final Map<String, List<Entry>> byOwnerAndName = new HashMap<>();
    private final Set<String> roots = new TreeSet<>();
    private final Set<String> sourceClasses = new java.util.HashSet<>();
    private final Map<String, TypeDeclaration<?>> types = new HashMap<>();
    private ClasspathCallees classpath = ClasspathCallees.NONE;

    /** An index of {@code units}' static methods, marking those in {@code requests}. */
    public static MethodIndex of(List<CompilationUnit> units, List<MethodRequest> requests) {
        return of(units, requests, ClasspathCallees.NONE);
    }

    /** As {@link #of(List, List)}, with the compiled classes of {@code classpath} for the classes the sources do not declare. */
    public static MethodIndex of(
            List<CompilationUnit> units, List<MethodRequest> requests, ClasspathCallees classpath) {
        MethodIndex index = new MethodIndex();
        index.classpath = classpath;
        Map<MethodDeclaration, MethodRequest> byDecl = new java.util.IdentityHashMap<>();
        requests.forEach(r -> byDecl.put(r.declaration(), r));
        for (CompilationUnit u : units) {
            String pkg = u.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            for (TypeDeclaration<?> t : u.getTypes()) {
                index.roots.add(pkg.isEmpty() ? t.getNameAsString() : pkg.split("\\.")[0]);
                index.roots.add(t.getNameAsString());
                index.add(pkg, t, t.getNameAsString(), byDecl);
            }
        }
        return index;
    }

    /**
     * This index with the static methods of one more unit, marking those in {@code requests}: a copy
     * of an owner class holding generated methods (the tangent pairs of Hessian-vector products)
     * whose calls resolve to the sources' methods as the originals' do.
     */
    public MethodIndex with(CompilationUnit unit, List<MethodRequest> requests) {
        MethodIndex index = new MethodIndex();
        byOwnerAndName.forEach((k, v) -> index.byOwnerAndName.put(k, new ArrayList<>(v)));
        index.roots.addAll(roots);
        // (the other classes stay the sources' classes: a call to one resolves as from the originals)
        index.sourceClasses.addAll(sourceClasses);
        index.types.putAll(types);
        index.classpath = classpath;
        Map<MethodDeclaration, MethodRequest> byDecl = new java.util.IdentityHashMap<>();
        requests.forEach(r -> byDecl.put(r.declaration(), r));
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (TypeDeclaration<?> t : unit.getTypes()) {
            index.add(pkg, t, t.getNameAsString(), byDecl);
        }
        return index;
    }

    private void add(
            String pkg, TypeDeclaration<?> type, String inPackage, Map<MethodDeclaration, MethodRequest> byDecl) {
        String qualified = pkg.isEmpty() ? inPackage : pkg + "." + inPackage;
        sourceClasses.add(qualified);
        types.putIfAbsent(qualified, type); // (the sources' own class wins over a generated copy of it)
        for (MethodDeclaration m : type.getMethods()) {
            if (!m.isStatic()) {
                continue;
            }
            Entry e = new Entry(
                    qualified,
                    inPackage,
                    pkg,
                    m.getNameAsString(),
                    MethodSelector.toTy(m.getType()),
                    m.isPrivate(),
                    m.getParameters().size(),
                    Optional.ofNullable(byDecl.get(m)),
                    m);
            byOwnerAndName
                    .computeIfAbsent(qualified + "#" + m.getNameAsString(), k -> new ArrayList<>())
                    .add(e);
        }
        for (var member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                add(pkg, nested, inPackage + "." + nested.getNameAsString(), byDecl);
            }
        }
    }

    /**
     * The first segments of the names by which an adjoint may write the sources' classes (the
     * first segment of each package, each top-level class): a generated variable of one of these
     * names would hide them (see {@link ClassSpelling}), so generated names avoid them.
     */
    public Set<String> roots() {
        return Collections.unmodifiableSet(roots);
    }

    /**
     * The one static method of the sources that {@code call}, inside method {@code from}, calls: by
     * simple name in {@code from}'s class and the classes around it, or by a class named in its own
     * package or around {@code from}; empty when there is none, or several of that arity.
     */
    public Optional<Entry> resolveFrom(Entry from, com.github.javaparser.ast.expr.MethodCallExpr call) {
        String scope = call.getScope().map(Object::toString).orElse("");
        String prefix = from.packageName().isEmpty() ? "" : from.packageName() + ".";
        List<String> owners = new ArrayList<>();
        List<String> path = List.of(from.ownerInPackage().split("\\."));
        for (int i = path.size(); i >= 1; i--) {
            String enclosing = prefix + String.join(".", path.subList(0, i));
            owners.add(scope.isEmpty() ? enclosing : enclosing + "." + scope);
        }
        List<ImportDeclaration> imports = from.declaration()
                .findCompilationUnit()
                .map(CompilationUnit::getImports)
                .orElse(new com.github.javaparser.ast.NodeList<>());
        if (!scope.isEmpty()) {
            owners.add(prefix + scope);
            // a single-type import of the class (Lib.f with import q.Lib)
            imports.stream()
                    .filter(i -> !i.isStatic()
                            && !i.isAsterisk()
                            && i.getName().getIdentifier().equals(scope))
                    .forEach(i -> owners.add(i.getNameAsString()));
            owners.add(scope);
        } else {
            // a method imported statically: by its name, else on demand (JLS 6.4.1: after the classes around the call)
            imports.stream()
                    .filter(i -> i.isStatic()
                            && !i.isAsterisk()
                            && i.getName().getIdentifier().equals(call.getNameAsString()))
                    .forEach(i -> i.getName().getQualifier().ifPresent(q -> owners.add(q.asString())));
            imports.stream().filter(i -> i.isStatic() && i.isAsterisk()).forEach(i -> owners.add(i.getNameAsString()));
        }
        for (String owner : owners) {
            List<Entry> found = lookup(owner, call.getNameAsString()).stream()
                    .filter(e -> e.arity() == call.getArguments().size())
                    .toList();
            if (!found.isEmpty()) {
                return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Which of {@code found} (methods of one name and arity) a call with arguments of types
     * {@code args} invokes, as javac decides (JLS 15.12.2.2 and 15.12.2.5, no boxing or varargs):
     * the methods each of whose parameters accepts its argument by identity or primitive widening,
     * then the one more specific than all others. Empty when an argument's type is unknown or no
     * single method is most specific.
     */
    public static Optional<Entry> mostSpecific(List<Entry> found, List<Optional<Ty>> args) {
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        if (args.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        List<Ty> types = args.stream().map(Optional::get).toList();
        List<Entry> applicable = found.stream()
                .filter(e -> e.declaration().getParameters().stream()
                        .allMatch(p -> !p.isVarArgs()
                                && MethodSelector.toTy(p.getType()).isPresent()))
                .filter(e -> accepts(parameters(e), types))
                .toList();
        List<Entry> best = applicable.stream()
                .filter(e -> applicable.stream().allMatch(o -> o == e || accepts(parameters(o), parameters(e))))
                .toList();
        return best.size() == 1 ? Optional.of(best.get(0)) : Optional.empty();
    }

    private static List<Ty> parameters(Entry e) {
        return e.declaration().getParameters().stream()
                .map(p -> MethodSelector.toTy(p.getType()).orElseThrow())
                .toList();
    }

    /** Whether each of {@code to} accepts the same position of {@code from}: identity, or widening of scalars int → long → float → double. */
    private static boolean accepts(List<Ty> to, List<Ty> from) {
        for (int i = 0; i < to.size(); i++) {
            Ty t = to.get(i);
            Ty f = from.get(i);
            boolean widens = !t.isArray()
                    && !f.isArray()
                    && f.prim() != Ty.Prim.BOOLEAN
                    && t.prim() != Ty.Prim.BOOLEAN
                    && WIDENING.indexOf(t.prim()) >= 0
                    && WIDENING.indexOf(f.prim()) <= WIDENING.indexOf(t.prim());
            if (!t.equals(f) && !widens) {
                return false;
            }
        }
        return true;
    }

    private static final List<Ty.Prim> WIDENING = List.of(Ty.Prim.INT, Ty.Prim.LONG, Ty.Prim.FLOAT, Ty.Prim.DOUBLE);

    /** The entry of a method declared in the sources. */
    public Optional<Entry> entryOf(MethodDeclaration m) {
        for (List<Entry> es : byOwnerAndName.values()) {
            for (Entry e : es) {
                if (e.declaration() == m) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** The methods named {@code name} of class {@code ownerQualified}. */
    public List<Entry> lookup(String ownerQualified, String name) {
        if (!sourceClasses.contains(ownerQualified)) {
            return classpath.lookup(ownerQualified, name); // (a class of the sources wins over its compiled copy)
        }
        return byOwnerAndName.getOrDefault(ownerQualified + "#" + name, List.of());
    }

    /** The class of the sources of this qualified name ({@code p.Outer.Inner}), if the sources declare one. */
    public Optional<TypeDeclaration<?>> type(String qualified) {
        return Optional.ofNullable(types.get(qualified));
    }

    /** The compiled classes calls may reach beyond the sources. */
    public ClasspathCallees classpath() {
        return classpath;
    }

    /**
     * Resolves the class a call's scope names, as seen from {@code from}: a simple or dotted name
     * of a class in the same package or nested in the caller's top-level class, or a single-type
     * import.
     */
    public List<String> candidateOwners(MethodRequest from, String scope, List<ImportDeclaration> imports) {
        List<String> out = new ArrayList<>();
        String pkgPrefix = from.packageName().isEmpty() ? "" : from.packageName() + ".";
        if (scope.isEmpty()) {
            // the caller's class, then its enclosing classes
            for (int i = from.ownerPath().size(); i >= 1; i--) {
                out.add(pkgPrefix + String.join(".", from.ownerPath().subList(0, i)));
            }
            return out;
        }
        for (int i = from.ownerPath().size(); i >= 1; i--) {
            out.add(pkgPrefix + String.join(".", from.ownerPath().subList(0, i)) + "." + scope);
        }
        out.add(pkgPrefix + scope);
        String first = scope.contains(".") ? scope.substring(0, scope.indexOf('.')) : scope;
        String rest = scope.contains(".") ? scope.substring(scope.indexOf('.')) : "";
        for (ImportDeclaration i : imports) {
            if (!i.isStatic() && !i.isAsterisk() && i.getName().getIdentifier().equals(first)) {
                out.add(i.getNameAsString() + rest);
            }
        }
        out.add(scope);
        return out;
    }
}
