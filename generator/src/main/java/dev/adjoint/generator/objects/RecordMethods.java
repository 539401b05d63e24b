package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.parse.Positions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Calls of a record's (or a value class's) own method on a variable of a differentiated method,
 * when {@link ValueMethods} could not replace the method by one expression (a loop, an assignment),
 * made calls of a static helper of the differentiated method's class written from that method: the
 * object's numeric components come first, as parameters, and the call passes their reads.
 *
 * <pre>
 * record Rbf(double ell, double s2) {
 *     double k(double[] a, double[] b) { double s = 0; for (...) { ... / ell ...} return s2 * Math.exp(-0.5 * s); } }
 * K[i][j] = kern.k(X[i], X[j]);        K[i][j] = Rbf$k(kern.ell(), kern.s2(), X[i], X[j]);
 *                                      private static double Rbf$k(double ell$, double s2$, double[] a, double[] b) {
 *                                          double s = 0; for (...) { ... / ell$ ...} return s2$ * Math.exp(-0.5 * s); }
 * </pre>
 *
 * The passes after it then see what they handle: component reads of a local record, a record
 * parameter or an element of an array of records, and a plain static helper of the class, which
 * {@code desugar/HelperCalls} inlines (with every write it makes to an array it is given). This is
 * exact because a record's method sees only its components, its parameters and its type's static
 * members, and the helper is given exactly those; the object's fields are final in a record and
 * read as the call sees them in a class (a method that assigns one is left alone). The method's own
 * calls of the type's instance methods become calls of their helpers, with the same components. A
 * call this class cannot rewrite (the method names something the class cannot place: a name of its
 * file, {@code this} as a value; a parameter of a record type; a local named like a component) is
 * left as written, for the errors of the passes after it. A helper left as a call by the inliner
 * exists nowhere but here: {@link #madeFrom} lets that call be reported.
 */
public final class RecordMethods {
    /** On each helper: the method it is written from, {@code Rbf.k}, as errors name it. */
    private static final com.github.javaparser.ast.DataKey<String> MADE_FROM =
            new com.github.javaparser.ast.DataKey<>() {};

    /** On each helper: the method it is written from as the report names methods, {@code p.Model.Rbf#k}. */
    private static final com.github.javaparser.ast.DataKey<String> REPORTED_AS =
            new com.github.javaparser.ast.DataKey<>() {};

    /** On each call of a helper that stands for a call as written: that call's text, {@code kern.at(a, b)}. */
    private static final com.github.javaparser.ast.DataKey<String> WRITTEN_CALL =
            new com.github.javaparser.ast.DataKey<>() {};

    /** On each helper: the method it is written from. */
    private static final com.github.javaparser.ast.DataKey<MethodDeclaration> SOURCE =
            new com.github.javaparser.ast.DataKey<>() {};

    private final String packageName;
    private final ClassOrInterfaceDeclaration host;
    private final RecordTypes records;
    private final Map<String, List<Type>> declarations = new HashMap<>();
    /** The helper written from each method, once per class. */
    private final Map<MethodDeclaration, String> helpers = new IdentityHashMap<>();

    private RecordMethods(String packageName, ClassOrInterfaceDeclaration host, RecordTypes records) {
        this.packageName = packageName;
        this.host = host;
        this.records = records;
    }

    /** The method a helper of the class was written from as the report names methods ({@code p.Model.Rbf#k}). */
    public static Optional<String> reportedAs(MethodDeclaration d) {
        return d.containsData(REPORTED_AS) ? Optional.of(d.getData(REPORTED_AS)) : Optional.empty();
    }

    /** The call as the user wrote it ({@code kern.at(a, b)}), if {@code call} is one this class rewrote. */
    public static Optional<String> writtenCall(MethodCallExpr call) {
        return call.containsData(WRITTEN_CALL) ? Optional.of(call.getData(WRITTEN_CALL)) : Optional.empty();
    }

    /** The method a helper of the class was written from ({@code Rbf.k}), if {@code d} is one. */
    public static Optional<String> madeFrom(MethodDeclaration d) {
        return d.containsData(MADE_FROM) ? Optional.of(d.getData(MADE_FROM)) : Optional.empty();
    }

    /** Rewrites, in place, the calls of {@code m} (a method of {@code host}) it can. Reports nothing: returns {@code false}. */
    static boolean delegate(
            String packageName, ClassOrInterfaceDeclaration host, MethodDeclaration m, RecordTypes records) {
        RecordMethods r = new RecordMethods(packageName, host, records);
        m.getParameters().forEach(p -> r.declare(p.getNameAsString(), p.getType()));
        for (VariableDeclarator v : m.findAll(VariableDeclarator.class)) {
            r.declare(
                    v.getNameAsString(),
                    v.getType().isVarType() && v.getInitializer().orElse(null) instanceof ObjectCreationExpr o
                            ? o.getType()
                            : v.getType());
        }
        for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
            if (call.isDescendantOf(m) && call.getScope().isPresent()) {
                r.rewrite(call);
            }
        }
        return false;
    }

    private void declare(String name, Type type) {
        declarations.computeIfAbsent(name, k -> new ArrayList<>()).add(type);
    }

    private void rewrite(MethodCallExpr call) {
        Expression receiver = call.getScope().get();
        Optional<Type> declared = receiver instanceof NameExpr n
                ? declaredType(n.getNameAsString(), false)
                : receiver instanceof ArrayAccessExpr a
                                && a.getName() instanceof NameExpr n
                                && BodyExpressions.updatesNothing(a.getIndex())
                                && a.getIndex().findFirst(MethodCallExpr.class).isEmpty()
                        ? declaredType(n.getNameAsString(), true)
                        : Optional.empty();
        Optional<TypeDeclaration<?>> owner = declared.flatMap(this::valueType);
        if (owner.isEmpty()) {
            return;
        }
        List<MethodDeclaration> named = owner.get().getMethodsByName(call.getNameAsString());
        if (named.size() != 1
                || named.get(0).isStatic()
                || named.get(0).getParameters().size() != call.getArguments().size()
                || (owner.get() instanceof ClassOrInterfaceDeclaration c
                        && !c.isFinal()
                        && !named.get(0).isFinal()
                        && !named.get(0).isPrivate()
                        && !(receiver instanceof NameExpr n && isLocal(n)))) {
            return; // (a parameter of a class that is not final may hold a subclass, whose method Java would call)
        }
        List<Component> components = components(owner.get());
        if (!(receiver instanceof NameExpr n && isWhole(n))
                && components.stream().anyMatch(c -> c.type() instanceof ArrayType a && a.getArrayLevel() == 2)) {
            return; // an element's matrix is read in place only, its rows gathered with every element's (ElementArrays)
        }
        Optional<String> helper =
                helper(owner.get(), named.get(0), components, (ClassOrInterfaceType) declared.get(), call);
        if (helper.isEmpty()) {
            return;
        }
        NodeList<Expression> arguments = new NodeList<>();
        for (Component c : components) {
            arguments.add(
                    owner.get() instanceof RecordDeclaration
                            ? new MethodCallExpr(receiver.clone(), c.name())
                            : new FieldAccessExpr(receiver.clone(), c.name()));
        }
        call.getArguments().forEach(a -> arguments.add(a.clone()));
        MethodCallExpr by = new MethodCallExpr(null, helper.get(), arguments);
        by.setData(WRITTEN_CALL, Positions.oneLine(call));
        call.replace(Positions.standAt(by, call));
    }

    /** A component or field the helpers take: its name and type. */
    private record Component(String name, Type type) {}

    /** The numeric components (records) or instance fields (classes) of {@code owner}, in declaration order. */
    private static List<Component> components(TypeDeclaration<?> owner) {
        List<Component> out = new ArrayList<>();
        if (owner instanceof RecordDeclaration r) {
            r.getParameters().forEach(p -> out.add(new Component(p.getNameAsString(), p.getType())));
        }
        for (FieldDeclaration f : owner.getFields()) {
            if (!f.isStatic()) {
                f.getVariables().forEach(v -> out.add(new Component(v.getNameAsString(), v.getType())));
            }
        }
        return out.stream().filter(c -> isNumeric(c.type())).toList();
    }

    private static boolean isNumeric(Type t) {
        Type e = t instanceof ArrayType a && a.getArrayLevel() <= 2 ? a.getElementType() : t;
        return e.isPrimitiveType();
    }

    /**
     * The name of the helper written from {@code method}, added to the class the first time, or
     * nothing when its body names what the helper could not place.
     */
    private Optional<String> helper(
            TypeDeclaration<?> owner,
            MethodDeclaration method,
            List<Component> components,
            ClassOrInterfaceType spelled,
            Node at) {
        if (helpers.containsKey(method)) {
            return Optional.ofNullable(helpers.get(method)); // (null: being written, a method calling itself)
        }
        for (MethodDeclaration d : host.getMethods()) {
            if (d.containsData(SOURCE) && d.getData(SOURCE) == method) {
                return Optional.of(d.getNameAsString()); // (written for another method of the class)
            }
        }
        helpers.put(method, null);
        if (method.getBody().isEmpty()
                || !method.getTypeParameters().isEmpty()
                || method.getParameters().stream()
                        .anyMatch(p -> p.isVarArgs() || valueType(p.getType()).isPresent())) {
            return Optional.empty();
        }
        BlockStmt body = method.getBody().get().clone();
        Set<String> own = new TreeSet<>();
        method.getParameters().forEach(p -> own.add(p.getNameAsString()));
        body.findAll(VariableDeclarator.class).forEach(v -> own.add(v.getNameAsString()));
        Set<String> memberNames = new TreeSet<>();
        owner.getFields().forEach(f -> f.getVariables().forEach(v -> memberNames.add(v.getNameAsString())));
        if (owner instanceof RecordDeclaration r) {
            r.getParameters().forEach(p -> memberNames.add(p.getNameAsString()));
        }
        if (own.stream().anyMatch(memberNames::contains)
                || body.findFirst(LambdaExpr.class).isPresent()
                || body.findFirst(LocalClassDeclarationStmt.class).isPresent()
                || body.findFirst(LocalRecordDeclarationStmt.class).isPresent()) {
            return Optional.empty(); // (a local shadowing a component: which one a name means depends on its block)
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Component c : components) {
            String n = c.name() + "$";
            while (own.contains(n) || memberNames.contains(n)) {
                n += "$";
            }
            renamed.put(c.name(), n);
        }
        String name = spelled.getNameAsString() + "$" + method.getNameAsString();
        while (!host.getMethodsByName(name).isEmpty()) {
            name += "$";
        }
        helpers.put(method, name);
        if (!StaticBodies.place(
                body,
                owner,
                components.stream().map(Component::name).toList(),
                renamed,
                own,
                spelled,
                other -> helper(owner, other, components, spelled, at))) {
            helpers.put(method, null);
            return Optional.empty();
        }
        NodeList<Parameter> parameters = new NodeList<>();
        components.forEach(c -> parameters.add(new Parameter(c.type().clone(), renamed.get(c.name()))));
        method.getParameters().forEach(p -> parameters.add(p.clone()));
        MethodDeclaration d = new MethodDeclaration(
                new NodeList<>(Modifier.privateModifier(), Modifier.staticModifier()),
                method.getType().clone(),
                name);
        d.setParameters(parameters);
        d.setBody(body);
        method.getRange().ifPresent(d::setRange);
        d.setData(MADE_FROM, owner.getNameAsString() + "." + method.getNameAsString());
        d.setData(
                REPORTED_AS,
                owner.getFullyQualifiedName().orElse(owner.getNameAsString()) + "#" + method.getNameAsString());
        d.setData(SOURCE, method);
        if (owner.findCompilationUnit().orElse(null)
                != host.findCompilationUnit().orElse(null)) {
            // another file's lines mean nothing in this one: the copy takes the call's position
            Positions.standAt(d, at);
        }
        host.addMember(d);
        return Optional.of(name);
    }

    /** The record or class of the sources {@code t} names, if any. */
    private Optional<TypeDeclaration<?>> valueType(Type t) {
        if (!(t instanceof ClassOrInterfaceType c) || c.getTypeArguments().isPresent()) {
            return Optional.empty();
        }
        Optional<TypeDeclaration<?>> r = records.resolve(t, packageName).map(f -> f.declaration());
        if (r.isEmpty() && records.isPlainClass(t)) {
            r = records.resolveClass(t, packageName).map(f -> f.declaration());
        }
        return r.filter(d -> !(d instanceof ClassOrInterfaceDeclaration c2 && c2.isInterface()));
    }

    /**
     * Whether {@code n} names a parameter or a local created with {@code new}, an object of its own,
     * not an element of an array of objects (a for-each variable, {@code Layer l = layers[i]}).
     */
    private boolean isWhole(NameExpr n) {
        return declarations.getOrDefault(n.getNameAsString(), List.of()).stream()
                .allMatch(t -> t.getParentNode()
                        .map(p -> p instanceof Parameter
                                || p instanceof VariableDeclarator v
                                        && v.getInitializer().orElse(null) instanceof ObjectCreationExpr)
                        .orElse(false));
    }

    /** Whether {@code n} names a local of the method (created there with {@code new}), not a parameter. */
    private boolean isLocal(NameExpr n) {
        return declarations.getOrDefault(n.getNameAsString(), List.of()).stream()
                .allMatch(t -> t.getParentNode()
                        .filter(p -> p instanceof VariableDeclarator)
                        .isPresent());
    }

    /** The declared type of {@code name} (of its elements, for an array), when every declaration of it agrees. */
    private Optional<Type> declaredType(String name, boolean element) {
        List<Type> types = new ArrayList<>();
        for (Type t : declarations.getOrDefault(name, List.of())) {
            if (element) {
                if (!(t instanceof ArrayType a) || a.getArrayLevel() != 1) {
                    return Optional.empty();
                }
                types.add(a.getComponentType());
            } else {
                types.add(t);
            }
        }
        if (types.isEmpty() || types.stream().anyMatch(x -> !x.equals(types.get(0)))) {
            return Optional.empty();
        }
        return Optional.of(types.get(0)).filter(x -> x instanceof ClassOrInterfaceType);
    }
}
