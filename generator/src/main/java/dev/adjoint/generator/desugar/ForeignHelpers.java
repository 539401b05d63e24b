package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Static helpers of <em>other</em> classes of the sources that {@link HelperCalls} inlines like the
 * caller's own, where a call could not be static: a {@code void} helper, one returning an array,
 * one that may write an array it is given, a plain one that reads an array (called, it could not
 * be handed an array the caller writes). A helper returning a number from numbers stays a call:
 * it is differentiated on its own, see {@code select/ImplicitCallees}. The copy must mean in
 * the caller what the body meant in its class, so it may name only its parameters and locals, the
 * library classes of {@code java.lang} ({@code Math}, {@code Double}, {@code System.out}, ...),
 * {@code Arrays} (written out as {@code java.util.Arrays}), functions its file imports statically
 * from {@code Math}/{@code StrictMath}, its own class's methods (those calls take the class as
 * the caller spelled it: {@code CallsLib.scale(w)} inlines {@code norm(w)} as
 * {@code CallsLib.norm(w)}), and what {@link ForeignNames} resolves in its file: other classes of
 * the sources and methods imported statically from them (written by the class's full name), and
 * constants of its class and of those (each read by a fresh name that the caller's request reads
 * as its own class's constants, so that the caller's own {@code K} stays its own). A body naming
 * anything else is left to the existing paths. Another file's lines mean nothing in the caller's:
 * there the copy's nodes take the call's position.
 */
final class ForeignHelpers {
    private static final Set<String> JAVA_LANG =
            Set.of("Math", "StrictMath", "Double", "Float", "Integer", "Long", "System");

    private final MethodRequest caller;
    private final MethodIndex index;
    private final Overloads overloads;
    private final List<ImportDeclaration> imports;
    private final Rewriter rw;
    private final Map<String, ForeignNames.Field> constants = new LinkedHashMap<>();
    private final Map<String, String> byText = new HashMap<>();

    ForeignHelpers(MethodRequest caller, MethodIndex index, Overloads overloads, Rewriter rw) {
        this.caller = caller;
        this.rw = rw;
        this.index = index;
        this.overloads = overloads;
        this.imports = caller.declaration()
                .findCompilationUnit()
                .map(CompilationUnit::getImports)
                .map(List::copyOf)
                .orElse(List.of());
    }

    /** The helper of another class of the sources that {@code call} invokes, when its scope names one. */
    Optional<MethodDeclaration> target(MethodCallExpr call) {
        if (index == null || call.getScope().isEmpty()) {
            return Optional.empty();
        }
        String scope = call.getScope().get().toString();
        for (String owner : index.candidateOwners(caller, scope, imports)) {
            List<MethodDeclaration> found = index.lookup(owner, call.getNameAsString()).stream()
                    .filter(e -> e.arity() == call.getArguments().size()
                            && !index.classpath().isCompiled(e.declaration()))
                    .map(MethodIndex.Entry::declaration)
                    .toList();
            if (!found.isEmpty()) {
                return overloads
                        .choose(found, call.getArguments())
                        .filter(h -> ownerOf(h) != ownerOf(caller.declaration()));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code h}, of another class, is inlined: as the caller's own would be, and only where a call could not be static. */
    boolean inlinable(MethodDeclaration h) {
        TypeDeclaration<?> owner = ownerOf(h);
        boolean annotated =
                h.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("Differentiable"));
        // (a plain one reading an array: called, it could not take an array the caller writes, as normalize(w) calling
        // norm(w))
        boolean readsArrays = !annotated && h.getParameters().stream().anyMatch(p -> p.getType() instanceof ArrayType);
        boolean needed =
                h.getType().isVoidType() || h.getType() instanceof ArrayType || Helpers.writesArrays(h) || readsArrays;
        return owner != null
                && needed
                && new Helpers(owner, caller.declaration(), overloads)
                        .knowing(c -> calledElsewhere(h, c))
                        .inlinable(h)
                && namesOnlyWhatTravels(h);
    }

    /** Whether {@code c}, in {@code h}'s body, calls a method of a third class of the sources: imported statically, or by its class's name. */
    private boolean calledElsewhere(MethodDeclaration h, MethodCallExpr c) {
        ForeignNames names = new ForeignNames(h, index, caller);
        return c.getScope().isEmpty()
                ? names.importedMethod(c.getNameAsString()).isPresent()
                : c.getScope().get() instanceof NameExpr n
                        && !locals(h).contains(n.getNameAsString())
                        && names.sourceClass(n.getNameAsString()).isPresent();
    }

    /** Whether {@code h} is of another class than the caller's. */
    boolean isForeign(MethodDeclaration h) {
        return ownerOf(h) != ownerOf(caller.declaration());
    }

    /**
     * Rewrites {@code copy}, a clone of {@code h}, to mean in the caller what {@code h} means in its
     * class (see the class comment); {@code call} gives the class's spelling and, for a helper of
     * another file, the position of every node.
     */
    void qualify(MethodDeclaration h, MethodDeclaration copy, MethodCallExpr call) {
        TypeDeclaration<?> owner = ownerOf(h);
        ForeignNames names = new ForeignNames(h, index, caller);
        Set<String> locals = locals(h);
        Expression spelling = call.getScope().orElseThrow();
        BlockStmt body = copy.getBody().get();
        // fields first (Lib.K, K): what is left of the names are classes and locals
        for (FieldAccessExpr f : body.findAll(FieldAccessExpr.class)) {
            constantOf(names, locals, f).ifPresent(c -> f.replace(read(c)));
        }
        for (NameExpr n : body.findAll(NameExpr.class)) {
            String name = n.getNameAsString();
            // (a name before a dot is a variable when one is in scope, else a class: JLS 6.5.2)
            Optional<ForeignNames.Field> field =
                    locals.contains(name) || isCallScope(n) ? Optional.empty() : names.simpleField(name);
            if (!locals.contains(name) && (!isScope(n) || field.isPresent())) {
                if (field.isPresent()) {
                    n.replace(read(field.get()));
                } else if ((name.equals("PI") || name.equals("E")) && mathImporting(h, name) != null) {
                    n.replace(new FieldAccessExpr(new NameExpr(mathImporting(h, name)), name)); // PI, E
                }
            }
        }
        for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
            String name = c.getNameAsString();
            if (c.getScope().isEmpty()) {
                Optional<String> imported = names.importedMethod(name);
                c.setScope(
                        !owner.getMethodsByName(name).isEmpty()
                                ? spelling.clone()
                                : imported.isPresent()
                                        ? qualifiedName(imported.get())
                                        : new NameExpr(mathImporting(h, name)));
            } else if (c.getScope().get() instanceof NameExpr n
                    && n.getNameAsString().equals(owner.getNameAsString())) {
                c.setScope(spelling.clone());
            } else if (c.getScope().get() instanceof NameExpr n
                    && !locals.contains(n.getNameAsString())
                    && names.sourceClass(n.getNameAsString()).isPresent()) {
                c.setScope(qualifiedName(names.sourceClass(n.getNameAsString()).get())); // another class of the sources
            }
        }
        for (NameExpr n : body.findAll(NameExpr.class)) {
            if (n.getNameAsString().equals("Arrays") && !locals.contains("Arrays")) {
                n.replace(new FieldAccessExpr(new FieldAccessExpr(new NameExpr("java"), "util"), "Arrays"));
            }
        }
        boolean otherFile = h.findCompilationUnit().orElse(null)
                != caller.declaration().findCompilationUnit().orElse(null);
        if (otherFile) {
            String file = h.findCompilationUnit()
                    .flatMap(CompilationUnit::getStorage)
                    .map(CompilationUnit.Storage::getFileName)
                    .orElse("(another file)");
            body.walk(n -> n.setData(
                    Positions.WRITTEN_AT,
                    new Positions.Line(file, n.getBegin().map(p -> p.line).orElse(0))));
            Positions.standAt(body, call);
        }
    }

    /**
     * The constants the inlined copies read, by the fresh names they read them by: the caller's
     * method reads them as it reads its own class's ({@code MethodRequest#withConstantsAlso}).
     */
    Map<String, ForeignNames.Field> constants() {
        return Collections.unmodifiableMap(constants);
    }

    /**
     * Reads of another class's constants in the caller's own body ({@code x[0] * Lib.DECAY},
     * {@code Lib.WEIGHTS[i]}), by the names its inlined helpers' copies would read them by, so that
     * the caller reads them as its own class's constants.
     */
    void ownReads() {
        MethodDeclaration m = caller.declaration();
        if (index == null || m.getBody().isEmpty()) {
            return;
        }
        ForeignNames names = new ForeignNames(m, index, caller);
        Set<String> locals = locals(m);
        Set<String> around = new HashSet<>(); // (the method's class and those around it read their constants already)
        for (Optional<Node> n = m.getParentNode(); n.isPresent(); n = n.get().getParentNode()) {
            if (n.get() instanceof TypeDeclaration<?> t) {
                around.add(t.getNameAsString());
            }
        }
        for (FieldAccessExpr f : m.getBody().get().findAll(FieldAccessExpr.class)) {
            if (!(f.getScope() instanceof NameExpr s && around.contains(s.getNameAsString()))) {
                constantOf(names, locals, f).ifPresent(c -> f.replace(read(c)));
            }
        }
    }

    /** The constant {@code f} reads when it is {@code C.K}, {@code C} a class of the sources and {@code K} a constant of it. */
    private static Optional<ForeignNames.Field> constantOf(ForeignNames names, Set<String> locals, FieldAccessExpr f) {
        if (!(f.getScope() instanceof NameExpr s) || locals.contains(s.getNameAsString())) {
            return Optional.empty();
        }
        return names.sourceClass(s.getNameAsString()).flatMap(q -> names.field(q, f.getNameAsString()));
    }

    /** Whether {@code f} names a static field of a class of the sources (a constant or not). */
    private static boolean namesSourceField(
            MethodIndex index, ForeignNames names, Set<String> locals, FieldAccessExpr f) {
        return f.getScope() instanceof NameExpr s
                && !locals.contains(s.getNameAsString())
                && names.sourceClass(s.getNameAsString())
                        .flatMap(index::type)
                        .flatMap(t -> t.getFieldByName(f.getNameAsString()))
                        .filter(d -> d.isStatic())
                        .isPresent();
    }

    /** The name of its own by which the caller reads constant {@code c} (one per constant, however often it is read). */
    private NameExpr read(ForeignNames.Field c) {
        String name = byText.computeIfAbsent(c.text(), t -> {
            String fresh = rw.fresh(c.name());
            constants.put(fresh, c);
            return fresh;
        });
        return new NameExpr(name);
    }

    /** {@code p.Lib} as the expression naming that class. */
    static Expression qualifiedName(String qualified) {
        Expression out = null;
        int from = 0;
        for (int dot = qualified.indexOf('.'); ; dot = qualified.indexOf('.', from)) {
            String segment = dot < 0 ? qualified.substring(from) : qualified.substring(from, dot);
            out = out == null ? new NameExpr(segment) : new FieldAccessExpr(out, segment);
            if (dot < 0) {
                return out;
            }
            from = dot + 1;
        }
    }

    private static boolean isCallScope(NameExpr n) {
        return n.getParentNode()
                .filter(p -> p instanceof MethodCallExpr c
                        && c.getScope().filter(s -> s == n).isPresent())
                .isPresent();
    }

    private static boolean isScope(NameExpr n) {
        return n.getParentNode()
                .filter(p -> (p instanceof MethodCallExpr c
                                && c.getScope().filter(s -> s == n).isPresent())
                        || (p instanceof FieldAccessExpr f && f.getScope() == n))
                .isPresent();
    }

    /** Whether every name {@code h}'s body reads can be written in the caller (see the class comment). */
    private boolean namesOnlyWhatTravels(MethodDeclaration h) {
        return untravelled(h, index, caller).isEmpty();
    }

    /**
     * The first thing {@code h}'s body names that cannot be written in {@code caller}'s adjoint (a
     * field of another package that is not public, a class that is neither of the sources nor
     * {@code java.lang}'s, a method of neither), which keeps {@code h}, of another class, from being
     * inlined there; empty when there is none.
     */
    static Optional<Node> untravelled(MethodDeclaration h, MethodIndex index, MethodRequest caller) {
        TypeDeclaration<?> owner = ownerOf(h);
        ForeignNames names = new ForeignNames(h, index, caller);
        Set<String> locals = locals(h);
        for (MethodCallExpr c : h.getBody().get().findAll(MethodCallExpr.class)) {
            String name = c.getNameAsString();
            if (c.getScope().isEmpty()
                    && owner.getMethodsByName(name).isEmpty()
                    && mathImporting(h, name) == null
                    && names.importedMethod(name).isEmpty()) {
                return Optional.of(c);
            }
        }
        for (ClassOrInterfaceType t : h.getBody().get().findAll(ClassOrInterfaceType.class)) {
            if (t.getScope().isPresent() || !inJavaLang(t.getNameAsString())) {
                return Optional.of(t); // (an exception of its own package, say)
            }
        }
        for (FieldAccessExpr f : h.getBody().get().findAll(FieldAccessExpr.class)) {
            if (namesSourceField(index, names, locals, f)
                    && constantOf(names, locals, f).isEmpty()) {
                return Optional.of(f); // (a field its class assigns, say: not a constant)
            }
        }
        for (NameExpr n : h.getBody().get().findAll(NameExpr.class)) {
            String name = n.getNameAsString();
            boolean field = !isCallScope(n) && names.simpleField(name).isPresent();
            boolean known = locals.contains(name)
                    || field
                    || (isScope(n)
                            ? JAVA_LANG.contains(name)
                                    || name.equals(owner.getNameAsString())
                                    || (name.equals("Arrays") && importsArrays(h))
                                    || names.sourceClass(name).isPresent()
                            : (name.equals("PI") || name.equals("E")) && mathImporting(h, name) != null);
            if (!known) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code java.lang} has a class of that simple name (every file sees it without an import). */
    private static boolean inJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, ForeignHelpers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Set<String> locals(MethodDeclaration h) {
        Set<String> own = new HashSet<>();
        h.getParameters().forEach(p -> own.add(p.getNameAsString()));
        h.findAll(VariableDeclarator.class).forEach(v -> own.add(v.getNameAsString()));
        return own;
    }

    /** {@code Math} or {@code StrictMath} when {@code h}'s file imports {@code name} statically from it, else null. */
    private static String mathImporting(MethodDeclaration h, String name) {
        for (ImportDeclaration i :
                h.findCompilationUnit().map(CompilationUnit::getImports).orElseThrow()) {
            String from = i.isAsterisk()
                    ? i.getNameAsString()
                    : i.getName().getQualifier().map(Node::toString).orElse("");
            boolean names = i.isAsterisk() || i.getName().getIdentifier().equals(name);
            if (i.isStatic() && names && (from.equals("java.lang.Math") || from.equals("java.lang.StrictMath"))) {
                return from.substring("java.lang.".length());
            }
        }
        return null;
    }

    private static boolean importsArrays(MethodDeclaration h) {
        return h.findCompilationUnit().map(CompilationUnit::getImports).orElseThrow().stream()
                .anyMatch(i ->
                        !i.isStatic() && !i.isAsterisk() && i.getNameAsString().equals("java.util.Arrays"));
    }

    private static TypeDeclaration<?> ownerOf(MethodDeclaration m) {
        return m.getParentNode()
                .filter(p -> p instanceof TypeDeclaration<?>)
                .map(p -> (TypeDeclaration<?>) p)
                .orElse(null);
    }
}
