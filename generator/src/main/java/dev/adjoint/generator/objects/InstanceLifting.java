package dev.adjoint.generator.objects;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rewrites, in a parsed file, each {@code @Differentiable} instance method of a class, and the
 * instance methods of that class it calls, into a static method whose appended parameters carry
 * the object's fields (the leaves): {@code this.w} and a bare field name {@code w} read the leaf,
 * {@code this.predict(x)} and {@code predict(x)} call the lifted {@code predict(x, w, b)}. The
 * generated code loads the leaves once from the object and calls the user's own instance methods
 * for their values, so what the object ends up holding is what the method leaves in it. A scalar
 * field the methods assign travels in a one-element array ({@link FieldWrites}). An array field
 * replaced whole, {@code this} used as a value, a field the generator cannot carry (a
 * {@code String}, an object) and a private instance callee are errors at their position. This
 * class decides which methods are lifted and what their leaves are; {@link StaticForm} rewrites
 * each one.
 */
public final class InstanceLifting {
    private final Path file;
    private final ClassOrInterfaceDeclaration owner;
    private final String ownerSimpleName;
    private final List<Diagnostic> diagnostics;
    /** The instance fields by name: their type where the generator can carry them, else empty. */
    private final Map<String, Optional<Ty>> fields = new LinkedHashMap<>();

    private final Map<String, Boolean> privateFields = new LinkedHashMap<>();
    private final Map<String, com.github.javaparser.ast.type.Type> fieldTypes = new LinkedHashMap<>();
    /** The calls to instance methods of the owner, found before any of them is lifted (which changes their arity). */
    private final Set<MethodCallExpr> instanceCalls = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The fields holding records or arrays of them ({@link HeldObjects}): read only by the differentiated methods themselves. */
    private final Set<String> heldFields = new TreeSet<>();
    /** The instance methods each lifted method calls on the object. */
    private final Map<MethodDeclaration, List<MethodDeclaration>> callees = new IdentityHashMap<>();

    private InstanceLifting(
            Path file, ClassOrInterfaceDeclaration owner, String ownerSimpleName, List<Diagnostic> diagnostics) {
        this.file = file;
        this.owner = owner;
        this.ownerSimpleName = ownerSimpleName;
        this.diagnostics = diagnostics;
        for (FieldDeclaration f : owner.getFields()) {
            if (f.isStatic()) {
                continue;
            }
            for (VariableDeclarator v : f.getVariables()) {
                if (ConstantFields.isConstant(f, v)) {
                    continue; // (read as its value: see ConstantFields)
                }
                fields.put(v.getNameAsString(), MethodSelector.toTy(v.getType()));
                privateFields.put(v.getNameAsString(), f.isPrivate());
                fieldTypes.put(v.getNameAsString(), v.getType());
            }
        }
    }

    /**
     * Lifts the methods of {@code unit} to differentiate that take or create records of
     * {@code records} or are instance methods; the problems found, as errors.
     */
    public static List<Diagnostic> lift(
            Path file, CompilationUnit unit, RecordTypes records, RecordCallees recordCallees) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (ClassOrInterfaceDeclaration c : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            if (c.isInterface()
                    || c.isLocalClassDeclaration()
                    || !c.getParentNode()
                            .map(p -> p instanceof CompilationUnit
                                    || p instanceof com.github.javaparser.ast.body.TypeDeclaration<?>)
                            .orElse(false)) {
                continue;
            }
            ConstantFields.inline(c); // (before anything reads the fields: what javac does with them)
            Set<String> fieldNames = new TreeSet<>();
            c.getFields().forEach(f -> f.getVariables().forEach(v -> fieldNames.add(v.getNameAsString())));
            ListParameters.rewrite(
                    file, pkg, c, records, diagnostics); // (List<Obs> data as Obs[] data, before the rest)
            for (MethodDeclaration h : ElementCallees.thread(c, pkg, records)) {
                // (a helper handed an array of records: its parameter becomes the leaves its callers pass)
                if (!ElementAliases.rewrite(file, pkg, h, records, diagnostics)) {
                    RecordParameters.expand(file, pkg, h, records, true, diagnostics);
                }
            }
            Map<String, com.github.javaparser.ast.type.Type> held = HeldObjects.fields(c, pkg, records);
            for (MethodDeclaration d : HeldCallees.thread(file, c, held, diagnostics)) {
                if (!HeldObjects.params(d).isEmpty() && !ElementAliases.rewrite(file, pkg, d, records, diagnostics)) {
                    liftRecords(file, pkg, simpleName(c), d, records, diagnostics);
                }
            }
            ElementHelpers elementHelpers = new ElementHelpers(file, pkg, c, records);
            for (MethodDeclaration m : c.getMethods()) {
                if (isDifferentiable(m) && m.getBody().isPresent()) {
                    ComponentCopies.rewrite(m, records, pkg); // (Vec p = start.t(); as the new Vec it equals)
                }
                if (isDifferentiable(m)
                        && m.getBody().isPresent()
                        && (!HeldObjects.lift(file, c, m, held, diagnostics)
                                || ValueMethods.inline(pkg, m, records)
                                || RecordMethods.delegate(file, pkg, c, m, records, false)
                                || ElementAliases.rewrite(file, pkg, m, records, diagnostics)
                                || RecordMethods.delegate(file, pkg, c, m, records, true)
                                || elementHelpers.delegate(m)
                                || RecordArguments.spread(file, pkg, c, m, recordCallees, diagnostics)
                                || LocalRecords.expand(file, pkg, m, records, fieldNames, diagnostics))) {
                    // the cause is reported: the method stays as it is, and out of the later passes' sight
                    m.getAnnotations().removeIf(MethodSelector::isDifferentiable);
                }
                if (isDifferentiable(m) && m.getBody().isPresent()) {
                    liftRecords(file, pkg, simpleName(c), m, records, diagnostics);
                } else if (recordCallees.isPlain(m)) {
                    // a plain helper taking records: its calls pass components, it takes them (checked clean before)
                    RecordArguments.spread(file, pkg, c, m, recordCallees, new ArrayList<>());
                    List<Receiver.RecordParam> expanded =
                            RecordParameters.expand(file, pkg, m, records, true, new ArrayList<>());
                    if (!m.isStatic()) {
                        // an instance helper (lifted with its class): a call for its value makes its records again
                        m.setData(
                                Receiver.KEY,
                                new Receiver(
                                        simpleName(c),
                                        true,
                                        List.of(),
                                        m.getParameters().size(),
                                        false,
                                        false,
                                        expanded,
                                        false,
                                        ListParam.of(m)));
                    }
                }
            }
            InstanceLifting lifting = new InstanceLifting(file, c, simpleName(c), diagnostics);
            lifting.heldFields.addAll(held.keySet());
            lifting.liftClass();
            ListParameters.receivers(c, simpleName(c));
        }
        return diagnostics;
    }

    /** Expands the record parameters of {@code m}; a static method is then lifted, an instance one waits for its class. */
    private static void liftRecords(
            Path file,
            String pkg,
            String owner,
            MethodDeclaration m,
            RecordTypes records,
            List<Diagnostic> diagnostics) {
        int before = diagnostics.size();
        if (RecordParameters.expand(file, pkg, m, records, false, diagnostics).isEmpty()) {
            return;
        }
        if (diagnostics.size() > before) {
            m.getAnnotations().removeIf(MethodSelector::isDifferentiable);
            return;
        }
        List<Receiver.RecordParam> expanded = RecordParameters.expand(file, pkg, m, records, true, diagnostics);
        int own = m.getParameters().size();
        if (m.isStatic()) {
            WrtThis.Wrt wrt = WrtThis.rewrite(file, m, own, List.of(), expanded, diagnostics);
            m.setData(
                    Receiver.KEY,
                    new Receiver(owner, false, List.of(), own, false, true, wrt.records(), false, ListParam.of(m)));
        } else {
            m.setData(
                    Receiver.KEY,
                    new Receiver(
                            owner,
                            true,
                            List.of(),
                            own,
                            false,
                            true,
                            HeldObjects.mark(m, expanded),
                            false,
                            ListParam.of(m)));
        }
    }

    private static String simpleName(ClassOrInterfaceDeclaration c) {
        List<String> path = new ArrayList<>();
        for (Node n = c;
                n instanceof com.github.javaparser.ast.body.TypeDeclaration<?> t;
                n = n.getParentNode().orElse(null)) {
            path.add(0, t.getNameAsString());
        }
        return String.join(".", path);
    }

    static boolean isDifferentiable(MethodDeclaration m) {
        return m.getAnnotations().stream().anyMatch(MethodSelector::isDifferentiable);
    }

    private void liftClass() {
        List<MethodDeclaration> roots = owner.getMethods().stream()
                .filter(m -> !m.isStatic() && m.getBody().isPresent() && isDifferentiable(m))
                .toList();
        if (roots.isEmpty()) {
            return;
        }
        // the instance methods the roots reach through calls on this; those with an error of their own in failed
        Set<MethodDeclaration> closure = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<MethodDeclaration> failed = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<MethodDeclaration> work = new ArrayDeque<>(roots);
        while (!work.isEmpty()) {
            MethodDeclaration m = work.pop();
            if (!closure.add(m)) {
                continue;
            }
            for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
                Optional<MethodDeclaration> callee = instanceCallee(call);
                if (callee.isEmpty()) {
                    continue;
                }
                MethodDeclaration c = callee.get();
                Optional<Ty> result = MethodSelector.toTy(c.getType());
                Optional<String> held = HeldObjects.firstRead(c);
                if (held.isPresent() && isDifferentiable(c)) { // (a plain one takes them: HeldCallees)
                    failed.add(m);
                    error(
                            call,
                            "call to instance method '" + c.getNameAsString() + "', which reads field '" + held.get()
                                    + "' of type "
                                    + fieldTypes.get(held.get())
                                    + ": the records and objects the object holds are read by the differentiated"
                                    + " method itself, not by the methods it calls; read them in '"
                                    + m.getNameAsString() + "', or call a"
                                    + " method that reads only numeric fields");
                } else if (c.getBody().isEmpty()) {
                    failed.add(m);
                    error(
                            call,
                            "call to instance method '" + c.getNameAsString()
                                    + "', which has no body (abstract or native):"
                                    + " its derivative is unknown; call a method with a body");
                } else if (!c.getType().isVoidType()
                        && result.filter(t -> t.dims() == 0 || (t.isFloating() && t.dims() == 1))
                                .isEmpty()) {
                    failed.add(m);
                    error(
                            call,
                            "call to instance method '" + c.getNameAsString() + "', which returns " + c.getType()
                                    + ": a differentiated method can call instance methods that return a number, a boolean, a double[] or"
                                    + " float[], or nothing; make '" + c.getNameAsString()
                                    + "' static and pass it the fields it reads");
                } else {
                    // called on the object for its value otherwise: a private one, or one without a derivative, is
                    // inlined
                    if (c.containsData(InlinedCallees.INLINE_ONLY)) {
                        // (HeldCallees said why)
                    } else if (c.isPrivate()) {
                        c.setData(InlinedCallees.INLINE_ONLY, "is private");
                    } else if (c.getType().isVoidType()
                            || !result.get().isFloating()
                            || result.get().isArray()) {
                        // (an array comes back only as the caller's own local, which only the inlined body makes)
                        c.setData(InlinedCallees.INLINE_ONLY, "returns " + c.getType());
                    }
                    instanceCalls.add(call);
                    callees.computeIfAbsent(m, k -> new ArrayList<>()).add(c);
                    work.push(c);
                }
            }
        }
        List<Receiver.Leaf> leafFields = leafFields(closure);
        StaticForm form = new StaticForm(
                file,
                ownerSimpleName,
                fields,
                fieldTypes,
                heldFields,
                instanceCalls,
                this::callsOverridable,
                diagnostics);
        for (MethodDeclaration m : owner.getMethods()) {
            int before = diagnostics.size();
            if (closure.contains(m) && !failed.contains(m)) {
                form.lift(m, leafFields, false);
            }
            if (diagnostics.size() > before) {
                failed.add(m);
            }
        }
        // a root that reaches an error stays as it is, out of the later passes' sight (the cause is reported); the
        // others go on alone, so that the errors the later passes find in them are reported too
        List<MethodDeclaration> healthy = new ArrayList<>();
        for (MethodDeclaration r : roots) {
            if (Collections.disjoint(reach(r), failed)) {
                healthy.add(r);
            } else {
                r.getAnnotations().removeIf(MethodSelector::isDifferentiable);
            }
        }
        Set<MethodDeclaration> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        healthy.forEach(r -> kept.addAll(reach(r)));
        if (kept.size() < closure.size()) {
            leafFields = leafFields(kept); // (a field only a dropped root assigns needs no box)
        }
        List<MethodDeclaration> lifted =
                owner.getMethods().stream().filter(kept::contains).toList();
        int before = diagnostics.size();
        for (MethodDeclaration m : lifted) {
            form.lift(m, leafFields, true);
        }
        if (diagnostics.size() > before) {
            healthy.forEach(m -> m.getAnnotations().removeIf(MethodSelector::isDifferentiable));
        }
    }

    /**
     * The fields as the leaves of {@code methods}, a scalar one boxed when they assign it; and, on
     * each method, what a call of it would get stale and what its own calls must not use.
     */
    private List<Receiver.Leaf> leafFields(Set<MethodDeclaration> methods) {
        FieldWrites writes = FieldWrites.of(methods, new FieldReads(fields.keySet()), fields);
        for (MethodDeclaration m : methods) {
            // what a call of m would get stale, what m's own calls must not use (checked after inlining)
            Set<MethodDeclaration> runs = reach(m);
            m.setData(
                    InlinedCallees.ASSIGNS,
                    FieldWrites.of(runs, new FieldReads(fields.keySet()), fields)
                            .assigned());
            m.setData(InlinedCallees.USES, writes.usedBy(runs));
        }
        List<Receiver.Leaf> leafFields = new ArrayList<>();
        fields.forEach((name, ty) -> ty.ifPresent(
                t -> leafFields.add(new Receiver.Leaf(name, name, t, privateFields.get(name), writes.isBoxed(name)))));
        return leafFields;
    }

    /** {@code m} and the instance methods it calls on the object, directly or not. */
    private Set<MethodDeclaration> reach(MethodDeclaration m) {
        return Reach.from(m, next -> callees.getOrDefault(next, List.of()));
    }

    /** Whether {@code m} calls on the object, directly or not, a method that a subclass could override. */
    private boolean callsOverridable(MethodDeclaration m) {
        if (owner.isFinal()) {
            return false;
        }
        Set<MethodDeclaration> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<MethodDeclaration> work = new ArrayDeque<>(List.of(m));
        while (!work.isEmpty()) {
            for (MethodDeclaration c : callees.getOrDefault(work.pop(), List.of())) {
                if (!c.isFinal() && !c.isPrivate()) { // (a private method cannot be overridden)
                    return true;
                }
                if (seen.add(c)) {
                    work.push(c);
                }
            }
        }
        return false;
    }

    /** The instance method of the owner that {@code call} (unqualified or on {@code this}) calls, if it is one. */
    private Optional<MethodDeclaration> instanceCallee(MethodCallExpr call) {
        if (call.getScope().isPresent()
                && !(call.getScope().get() instanceof ThisExpr t
                        && t.getTypeName().isEmpty())) {
            return Optional.empty();
        }
        List<MethodDeclaration> found = owner.getMethodsByName(call.getNameAsString()).stream()
                .filter(d -> HeldObjects.arity(d) == call.getArguments().size())
                .toList();
        return found.size() == 1 && !found.get(0).isStatic() ? Optional.of(found.get(0)) : Optional.empty();
    }

    private void error(Node at, String message) {
        diagnostics.add(Positions.error(file, at, message));
    }
}
