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
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import java.util.HashSet;
import java.util.List;
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
 * from {@code Math}/{@code StrictMath}, and its own class's methods: those calls take the class as
 * the caller spelled it ({@code CallsLib.scale(w)} inlines {@code norm(w)} as
 * {@code CallsLib.norm(w)}). A body naming anything else (a static field, another class, an
 * import) is left to the existing paths. Another file's lines mean nothing in the caller's: there
 * the copy's nodes take the call's position.
 */
final class ForeignHelpers {
    private static final Set<String> JAVA_LANG = Set.of("Math", "StrictMath", "Double", "Float", "Integer", "Long", "System");

    private final MethodRequest caller;
    private final MethodIndex index;
    private final Overloads overloads;
    private final List<ImportDeclaration> imports;

    ForeignHelpers(MethodRequest caller, MethodIndex index, Overloads overloads) {
        this.caller = caller;
        this.index = index;
        this.overloads = overloads;
        this.imports = caller.declaration().findCompilationUnit().map(CompilationUnit::getImports).map(List::copyOf).orElse(List.of());
    }

    /** The helper of another class of the sources that {@code call} invokes, when its scope names one. */
    Optional<MethodDeclaration> target(MethodCallExpr call) {
        if (index == null || call.getScope().isEmpty()) {
            return Optional.empty();
        }
        String scope = call.getScope().get().toString();
        for (String owner : index.candidateOwners(caller, scope, imports)) {
            List<MethodDeclaration> found = index.lookup(owner, call.getNameAsString()).stream()
                    .filter(e -> e.arity() == call.getArguments().size() && !index.classpath().isCompiled(e.declaration()))
                    .map(MethodIndex.Entry::declaration).toList();
            if (!found.isEmpty()) {
                return overloads.choose(found, call.getArguments()).filter(h -> ownerOf(h) != ownerOf(caller.declaration()));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code h}, of another class, is inlined: as the caller's own would be, and only where a call could not be static. */
    boolean inlinable(MethodDeclaration h) {
        TypeDeclaration<?> owner = ownerOf(h);
        boolean annotated = h.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("Differentiable"));
        // (a plain one reading an array: called, it could not take an array the caller writes, as normalize(w) calling norm(w))
        boolean readsArrays = !annotated && h.getParameters().stream().anyMatch(p -> p.getType() instanceof ArrayType);
        boolean needed = h.getType().isVoidType() || h.getType() instanceof ArrayType || Helpers.writesArrays(h) || readsArrays;
        return owner != null && needed && new Helpers(owner, caller.declaration(), overloads).inlinable(h) && namesOnlyWhatTravels(h);
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
        Expression spelling = call.getScope().orElseThrow();
        for (MethodCallExpr c : copy.getBody().get().findAll(MethodCallExpr.class)) {
            if (c.getScope().isEmpty()) {
                c.setScope(owner.getMethodsByName(c.getNameAsString()).isEmpty() ? new NameExpr(mathImporting(h, c.getNameAsString()))
                        : spelling.clone());
            } else if (c.getScope().get() instanceof NameExpr n && n.getNameAsString().equals(owner.getNameAsString())) {
                c.setScope(spelling.clone());
            }
        }
        for (NameExpr n : copy.getBody().get().findAll(NameExpr.class)) {
            if (n.getNameAsString().equals("Arrays") && !locals(h).contains("Arrays")) {
                n.replace(new FieldAccessExpr(new FieldAccessExpr(new NameExpr("java"), "util"), "Arrays"));
            }
        }
        boolean otherFile = h.findCompilationUnit().orElse(null) != caller.declaration().findCompilationUnit().orElse(null);
        if (otherFile) {
            String file = h.findCompilationUnit().flatMap(CompilationUnit::getStorage).map(CompilationUnit.Storage::getFileName)
                    .orElse("(another file)");
            copy.getBody().get().walk(n -> n.setData(Positions.WRITTEN_AT, new Positions.Line(file, n.getBegin().map(p -> p.line).orElse(0))));
            call.getRange().ifPresent(r -> copy.getBody().get().walk(n -> n.setRange(r)));
        }
    }

    /** Whether every name {@code h}'s body reads can be written in the caller (see the class comment). */
    private boolean namesOnlyWhatTravels(MethodDeclaration h) {
        TypeDeclaration<?> owner = ownerOf(h);
        Set<String> locals = locals(h);
        for (MethodCallExpr c : h.getBody().get().findAll(MethodCallExpr.class)) {
            if (c.getScope().isEmpty() && owner.getMethodsByName(c.getNameAsString()).isEmpty() && mathImporting(h, c.getNameAsString()) == null) {
                return false;
            }
        }
        for (ClassOrInterfaceType t : h.getBody().get().findAll(ClassOrInterfaceType.class)) {
            if (t.getScope().isPresent() || !inJavaLang(t.getNameAsString())) {
                return false; // (an exception of its own package, say)
            }
        }
        for (NameExpr n : h.getBody().get().findAll(NameExpr.class)) {
            String name = n.getNameAsString();
            boolean scope = n.getParentNode().filter(p -> (p instanceof MethodCallExpr c && c.getScope().filter(s -> s == n).isPresent())
                    || (p instanceof FieldAccessExpr f && f.getScope() == n)).isPresent();
            boolean known = locals.contains(name) || (scope && (JAVA_LANG.contains(name) || name.equals(owner.getNameAsString())
                    || (name.equals("Arrays") && importsArrays(h))));
            if (!known) {
                return false;
            }
        }
        return true;
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
        for (ImportDeclaration i : h.findCompilationUnit().map(CompilationUnit::getImports).orElseThrow()) {
            String from = i.isAsterisk() ? i.getNameAsString() : i.getName().getQualifier().map(Node::toString).orElse("");
            boolean names = i.isAsterisk() || i.getName().getIdentifier().equals(name);
            if (i.isStatic() && names && (from.equals("java.lang.Math") || from.equals("java.lang.StrictMath"))) {
                return from.substring("java.lang.".length());
            }
        }
        return null;
    }

    private static boolean importsArrays(MethodDeclaration h) {
        return h.findCompilationUnit().map(CompilationUnit::getImports).orElseThrow().stream()
                .anyMatch(i -> !i.isStatic() && !i.isAsterisk() && i.getNameAsString().equals("java.util.Arrays"));
    }

    private static TypeDeclaration<?> ownerOf(MethodDeclaration m) {
        return m.getParentNode().filter(p -> p instanceof TypeDeclaration<?>).map(p -> (TypeDeclaration<?>) p).orElse(null);
    }
}
