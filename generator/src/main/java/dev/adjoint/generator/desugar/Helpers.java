package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.PatternExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ArrayType;
import dev.adjoint.generator.parse.ElementStores;
import dev.adjoint.generator.parse.Updates;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The static methods of the caller's own class that {@link HelperCalls} inlines where the caller
 * calls them, and what it must know about them. Inlined are: plain helpers returning
 * {@code double}/{@code float} or their arrays, or {@code void} (private ones too: nothing calls
 * them, so nothing needs their visibility); plain helpers returning an integer or a boolean, and
 * {@code @Differentiable} methods, only when they may write an array they are given or (the
 * latter) return an array: called, neither strategy could follow the write or keep the returned
 * array in the pool. Never inlined: a method on a cycle of calls (recursion stays a call, which
 * AUTO sends to the tape), one with a {@code @CustomDerivative} (its pullback is the derivative the
 * user asked for), one bigger than {@link #MAX_STATEMENTS} that could stay a call (it returns no array and
 * writes none), and one with a construct whose names or
 * meaning would change in another method's body (lambdas, local classes, {@code try}, patterns,
 * {@code this}), or that calls methods of other classes of the sources (they might call back).
 * An instance method lifted with the object's fields ({@code objects/}) is inlined only where
 * {@code InlinedCallees.mustInline} says a call could not stand; its parameters named like fields
 * are those fields' values.
 */
final class Helpers {
    /** Statements of one helper past which it is called instead (its copies would swell the adjoint, see {@code size/}). */
    static final int MAX_STATEMENTS = 120;

    private static final Set<String> LIBRARIES = Set.of(
            "Math",
            "StrictMath",
            "java.lang.Math",
            "java.lang.StrictMath",
            "System",
            "java.lang.System",
            "System.out",
            "System.err",
            "java.lang.System.out",
            "java.lang.System.err",
            "Arrays",
            "java.util.Arrays",
            "Adjoint",
            "dev.adjoint.Adjoint");

    private final TypeDeclaration<?> owner;
    private final MethodDeclaration caller;
    private final Overloads overloads;
    private final Set<String> fields = new HashSet<>();
    private final Set<String> pulledBack = new HashSet<>();
    private java.util.function.Predicate<MethodCallExpr> knownElsewhere = c -> false;

    Helpers(MethodDeclaration caller, Overloads overloads) {
        this(
                caller.getParentNode()
                        .filter(p -> p instanceof TypeDeclaration<?>)
                        .map(p -> (TypeDeclaration<?>) p)
                        .orElse(null),
                caller,
                overloads);
    }

    /** The helpers of {@code owner} as seen from {@code caller} (of that class, or of another: see {@link ForeignHelpers}). */
    Helpers(TypeDeclaration<?> owner, MethodDeclaration caller, Overloads overloads) {
        this.caller = caller;
        this.overloads = overloads;
        this.owner = owner;
        if (owner == null) {
            return;
        }
        for (FieldDeclaration f : owner.getFields()) {
            f.getVariables().forEach(v -> fields.add(v.getNameAsString()));
        }
        for (MethodDeclaration m : owner.getMethods()) {
            for (AnnotationExpr a : m.getAnnotations()) {
                if (a.getNameAsString().endsWith("CustomDerivative")) {
                    a.findAll(StringLiteralExpr.class).forEach(s -> pulledBack.add(s.getValue()));
                }
            }
        }
    }

    /**
     * These helpers, also taking as known the calls {@code known} accepts: a helper of another class
     * may call a third class of the sources, or a method its file imports statically (see
     * {@link ForeignNames}), which the inlined copy names so that the caller calls the same method.
     */
    Helpers knowing(java.util.function.Predicate<MethodCallExpr> known) {
        knownElsewhere = known;
        return this;
    }

    /** The method of the caller's class that {@code call} invokes, when the call names one of them. */
    Optional<MethodDeclaration> target(MethodCallExpr call) {
        if (owner == null || !ownScope(call)) {
            return Optional.empty();
        }
        List<MethodDeclaration> named = owner.getMethodsByName(call.getNameAsString());
        return named.isEmpty() ? Optional.empty() : overloads.choose(named, call.getArguments());
    }

    private boolean ownScope(MethodCallExpr call) {
        return call.getScope()
                .map(s -> s instanceof NameExpr n && n.getNameAsString().equals(owner.getNameAsString()))
                .orElse(true);
    }

    /** Whether a call to {@code h} is replaced by its body (see the class comment). */
    boolean inlinable(MethodDeclaration h) {
        if (!canInline(h)) {
            return false;
        }
        if (dev.adjoint.generator.objects.InlinedCallees.isLiftedCallee(h)) {
            // an instance method lifted with the object's fields: inlined where a call could not stand
            return dev.adjoint.generator.objects.InlinedCallees.mustInline(caller, h) && canInline(h);
        }
        String result = h.getType().asString();
        boolean annotated =
                h.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("Differentiable"));
        if (annotated) {
            // (one that took lists reads arrays now: its public method takes the lists, so only its body can be called)
            return h.getType() instanceof ArrayType
                    || writesArrays(h)
                    || dev.adjoint.generator.objects.ListParam.takesLists(h);
        }
        return Set.of("double", "float", "double[]", "float[]", "double[][]", "float[][]", "void")
                        .contains(result)
                || writesArrays(h);
    }

    /**
     * Whether {@code h}'s body may stand for a call to it at all (see the class comment): also asked
     * of a {@code @Differentiable} method given a row {@code X[i]}, which the static strategy cannot
     * pass whole.
     */
    boolean canInline(MethodDeclaration h) {
        if (h == caller
                || !h.isStatic()
                || h.getBody().isEmpty()
                || !h.getTypeParameters().isEmpty()
                || pulledBack.contains(h.getNameAsString())
                || h.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("CustomDerivative"))
                || (h.getBody().get().findAll(Statement.class).size() > MAX_STATEMENTS && canStandAsACall(h))
                || !selfContained(h)
                || onACycle(h)) {
            return false;
        }
        return true;
    }

    /**
     * Whether a call to {@code h} could stay a call: it returns no array and writes none it is given. Only
     * such helpers stay calls past {@link #MAX_STATEMENTS}; the others, called, would be an error or the
     * tape, so they are inlined whatever their size, within {@link HelperCalls#BUDGET}.
     */
    private static boolean canStandAsACall(MethodDeclaration h) {
        return !(h.getType() instanceof ArrayType) && !writesArrays(h);
    }

    /** Whether {@code h}'s body means the same in another method of the class: see the class comment. */
    private boolean selfContained(MethodDeclaration h) {
        Set<String> locals = new HashSet<>();
        h.getParameters().forEach(p -> locals.add(p.getNameAsString()));
        h.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
        // (a lifted instance method's parameters named like fields are those fields' values: see objects/)
        boolean lifted = dev.adjoint.generator.objects.InlinedCallees.isLiftedCallee(h);
        if (h.getParameters().stream().anyMatch(Parameter::isVarArgs) || (!lifted && namesAShadowedField(h, locals))) {
            return false; // the inlined body renames its locals, and with them every use of their names
        }
        Node body = h.getBody().get();
        boolean foreign = !body.findAll(
                        Node.class,
                        n -> n instanceof LambdaExpr
                                || n instanceof MethodReferenceExpr
                                || n instanceof LocalClassDeclarationStmt
                                || n instanceof LocalRecordDeclarationStmt
                                || n instanceof ThisExpr
                                || n instanceof SuperExpr
                                || n instanceof PatternExpr
                                || n instanceof TryStmt
                                || n instanceof SynchronizedStmt
                                || (n instanceof ObjectCreationExpr o
                                        && o.findAncestor(ThrowStmt.class).isEmpty()))
                .isEmpty();
        // a field it assigns would be assigned by the caller (static fields the class assigns are rejected there)
        boolean assignsField = body.findAll(AssignExpr.class).stream()
                        .anyMatch(a -> !(a.getTarget() instanceof ArrayAccessExpr)
                                && !(a.getTarget() instanceof NameExpr n && locals.contains(n.getNameAsString())))
                || body.findAll(UnaryExpr.class).stream()
                        .anyMatch(u -> Updates.isUpdate(u.getOperator())
                                && !(u.getExpression() instanceof ArrayAccessExpr)
                                && !(u.getExpression() instanceof NameExpr n && locals.contains(n.getNameAsString())));
        return !foreign
                && !assignsField
                && body.findAll(MethodCallExpr.class).stream().allMatch(this::knownCall);
    }

    /**
     * Whether {@code h} reads or writes, by its simple name, a field that one of its locals or
     * parameters is named like, where the local is not in scope (before its declaration, outside
     * its block): there the name means the field, which renaming the local would change.
     */
    private boolean namesAShadowedField(MethodDeclaration h, Set<String> locals) {
        return h.getBody().get().findAll(NameExpr.class).stream()
                .anyMatch(n -> locals.contains(n.getNameAsString())
                        && fields.contains(n.getNameAsString())
                        && Rewriter.inScope(n, n.getNameAsString()).isEmpty());
    }

    /** A call whose target is a library with a model, or a method of this class (looked at by {@link #onACycle}). */
    private boolean knownCall(MethodCallExpr c) {
        if (c.getScope().isEmpty()) {
            return !owner.getMethodsByName(c.getNameAsString()).isEmpty()
                    || owner.getParentNode()
                            .filter(p -> p instanceof TypeDeclaration<?>)
                            .isEmpty()
                    || knownElsewhere.test(c);
        }
        String scope = c.getScope().get().toString();
        if (c.getScope().get() instanceof NameExpr n
                && Rewriter.inScope(n, n.getNameAsString())
                        .filter(t -> t instanceof com.github.javaparser.ast.type.ClassOrInterfaceType ct
                                && dev.adjoint.generator.select.ValueTypes.isRandom(ct))
                        .isPresent()) {
            return true; // a draw of a Random it is given or creates: the call stays as written, in the caller
        }
        return ownScope(c)
                || LIBRARIES.contains(scope)
                || NumberPredicates.rewrites(c) // (Double.isNaN, Double.max, Integer.compare, ...)
                || (c.getNameAsString().equals("clone") && c.getArguments().isEmpty())
                || knownElsewhere.test(c);
    }

    /** Whether {@code h} may call itself or the caller, through methods of this class (any overload of a name counts). */
    private boolean onACycle(MethodDeclaration h) {
        Set<MethodDeclaration> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<MethodDeclaration> work = new ArrayDeque<>(List.of(h));
        while (!work.isEmpty()) {
            MethodDeclaration m = work.pop();
            if (!seen.add(m)) {
                continue;
            }
            for (MethodCallExpr c : m.findAll(MethodCallExpr.class)) {
                if (!ownScope(c)) {
                    continue;
                }
                List<MethodDeclaration> named = owner.getMethodsByName(c.getNameAsString());
                // the overload javac calls; every one of that name when it cannot be told
                List<MethodDeclaration> called =
                        overloads.choose(named, c.getArguments()).map(List::of).orElse(named);
                for (MethodDeclaration next : called) {
                    if (next == h || next == caller) {
                        return true;
                    }
                    work.push(next);
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code h} may write an array it did not create: it stores into or updates an element
     * of one, or hands an array to a method other than {@code Math}'s.
     */
    static boolean writesArrays(MethodDeclaration h) {
        return writesArrays(h, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** {@link #writesArrays(MethodDeclaration)}, {@code seen} the helpers on the path (each answers for itself). */
    private static boolean writesArrays(MethodDeclaration h, Set<MethodDeclaration> seen) {
        if (!seen.add(h)) {
            return false;
        }
        Set<String> own = ElementStores.createdHere(h);
        if (ElementStores.storesIntoOthers(h, own)) {
            return true;
        }
        Set<String> arrays = new HashSet<>();
        h.getParameters().stream()
                .filter(p -> p.getType() instanceof ArrayType)
                .forEach(p -> arrays.add(p.getNameAsString()));
        h.findAll(VariableDeclarator.class).stream()
                .filter(v -> v.getType() instanceof ArrayType)
                .forEach(v -> arrays.add(v.getNameAsString()));
        for (MethodCallExpr c : h.findAll(MethodCallExpr.class)) {
            // an array handed on whole (or a row of it), not one of its elements
            if (!HelperCalls.isMath(c)
                    && c.getArguments().stream()
                            .anyMatch(a -> a.findAll(NameExpr.class).stream()
                                    .anyMatch(n -> arrays.contains(n.getNameAsString())
                                            && !own.contains(n.getNameAsString())
                                            && !element(n)))
                    && sameClassHelper(h, c)
                            .map(callee -> writesArrays(callee, seen))
                            .orElse(true)) {
                return true; // (handed to a helper of the class that leaves its arrays alone: no write)
            }
        }
        return false;
    }

    /** The static helper of {@code h}'s class that {@code c} calls (the class's only method of that name and arity). */
    private static Optional<MethodDeclaration> sameClassHelper(MethodDeclaration h, MethodCallExpr c) {
        if (!(h.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.TypeDeclaration<?> owner)
                || c.getScope()
                        .filter(sc -> !(sc instanceof NameExpr n
                                && n.getNameAsString().equals(owner.getNameAsString())))
                        .isPresent()) {
            return Optional.empty();
        }
        List<MethodDeclaration> named = owner.getMethodsByName(c.getNameAsString()).stream()
                .filter(d -> d.getParameters().size() == c.getArguments().size())
                .toList();
        return named.size() == 1
                        && named.get(0).isStatic()
                        && named.get(0).getBody().isPresent()
                ? Optional.of(named.get(0))
                : Optional.empty();
    }

    /** Whether {@code n} is indexed down to an element ({@code w[i]}, {@code w[i][j]} of a 2-D {@code w}) or asked its length. */
    private static boolean element(NameExpr n) {
        Node at = n;
        int depth = 0;
        while (at.getParentNode().orElse(null) instanceof ArrayAccessExpr a && a.getName() == at) {
            at = a;
            depth++;
        }
        boolean length = at.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                && f.getScope() == at;
        return length || depth >= level(n);
    }

    /** The number of dimensions {@code n}'s declaration in its method gives it (past any index when unknown). */
    private static int level(NameExpr n) {
        String name = n.getNameAsString();
        Optional<MethodDeclaration> m = n.findAncestor(MethodDeclaration.class);
        Optional<Integer> declared = m.flatMap(d -> d.getParameters().stream()
                .filter(p -> p.getNameAsString().equals(name))
                .map(p -> p.getType().getArrayLevel())
                .findFirst()
                .or(() -> d.findAll(VariableDeclarator.class).stream()
                        .filter(v -> v.getNameAsString().equals(name))
                        .map(v -> v.getType().getArrayLevel())
                        .findFirst()));
        return declared.orElse(Integer.MAX_VALUE);
    }
}
