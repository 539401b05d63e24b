package dev.adjoint.generator.objects;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.parse.Positions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    /** On each call of a helper that stands for a call as written: that call's text, {@code kern.at(a, b)}. */
    private static final com.github.javaparser.ast.DataKey<String> WRITTEN_CALL =
            new com.github.javaparser.ast.DataKey<>() {};

    /** Whether this pass takes the calls on elements whose type holds a matrix (the second pass), or the others. */
    private final boolean elements;

    private final String packageName;
    private final RecordTypes records;
    private final Map<String, List<Type>> declarations = new HashMap<>();
    /** The helpers this pass writes into the class. */
    private final RecordHelpers helpers;

    private RecordMethods(
            Path file, String packageName, ClassOrInterfaceDeclaration host, RecordTypes records, boolean elements) {
        this.elements = elements;
        this.packageName = packageName;
        this.records = records;
        this.helpers = new RecordHelpers(
                file, packageName, host, records, t -> valueType(t).isPresent());
    }

    /** The method a helper of the class was written from as the report names methods ({@code p.Model.Rbf#k}). */
    public static Optional<String> reportedAs(MethodDeclaration d) {
        return d.containsData(RecordHelpers.REPORTED_AS)
                ? Optional.of(d.getData(RecordHelpers.REPORTED_AS))
                : Optional.empty();
    }

    /** The call as the user wrote it ({@code kern.at(a, b)}), if {@code call} is one this class rewrote. */
    public static Optional<String> writtenCall(MethodCallExpr call) {
        return call.containsData(WRITTEN_CALL) ? Optional.of(call.getData(WRITTEN_CALL)) : Optional.empty();
    }

    /** The method a helper of the class was written from ({@code Rbf.k}), if {@code d} is one. */
    public static Optional<String> madeFrom(MethodDeclaration d) {
        return d.containsData(RecordHelpers.MADE_FROM)
                ? Optional.of(d.getData(RecordHelpers.MADE_FROM))
                : Optional.empty();
    }

    /**
     * Rewrites, in place, the calls of {@code m} (a method of {@code host}) it can: with
     * {@code elements}, only those on an element of an array of records whose components include a
     * matrix (run after {@link ElementAliases}, which makes every element an indexed one), otherwise
     * the others. Reports nothing: returns {@code false}.
     */
    static boolean delegate(
            Path file,
            String packageName,
            ClassOrInterfaceDeclaration host,
            MethodDeclaration m,
            RecordTypes records,
            boolean elements) {
        RecordMethods r = new RecordMethods(file, packageName, host, records, elements);
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
        List<RecordHelpers.Component> components = RecordHelpers.components(owner.get());
        // an element's matrix is read in place only, its rows gathered with every element's (ElementArrays): for such
        // a type, the helper takes the array and the index, and the array's leaves stand for it (HeldCallees)
        boolean whole = receiver instanceof NameExpr n && isWhole(n);
        boolean matrix = components.stream().anyMatch(c -> c.type() instanceof ArrayType a && a.getArrayLevel() == 2);
        boolean byIndex = !whole && matrix;
        if (byIndex != elements
                || byIndex
                        && !(receiver instanceof ArrayAccessExpr a
                                && a.getName() instanceof NameExpr array
                                && isParameter(array))) {
            return;
        }
        Optional<String> helper =
                helpers.of(owner.get(), named.get(0), components, (ClassOrInterfaceType) declared.get(), call, byIndex);
        if (helper.isEmpty()) {
            return;
        }
        NodeList<Expression> arguments = new NodeList<>();
        if (byIndex) {
            arguments.add(((ArrayAccessExpr) receiver).getName().clone());
            arguments.add(((ArrayAccessExpr) receiver).getIndex().clone());
        } else {
            for (RecordHelpers.Component c : components) {
                arguments.add(RecordHelpers.component(owner.get(), receiver, c.name()));
            }
        }
        call.getArguments().forEach(a -> arguments.add(a.clone()));
        MethodCallExpr by = new MethodCallExpr(null, helper.get(), arguments);
        if (byIndex) {
            by.setData(HeldCallees.PASSES, true);
        }
        by.setData(WRITTEN_CALL, Positions.oneLine(call));
        call.replace(Positions.standAt(by, call));
    }

    /** Whether {@code n} names a parameter of the method (and only that). */
    private boolean isParameter(NameExpr n) {
        List<Type> types = declarations.getOrDefault(n.getNameAsString(), List.of());
        return !types.isEmpty()
                && types.stream().allMatch(t -> t.getParentNode().orElse(null) instanceof Parameter);
    }

    /** The record or class of the sources {@code t} names, if any. */
    private Optional<TypeDeclaration<?>> valueType(Type t) {
        if (!(t instanceof ClassOrInterfaceType c) || c.getTypeArguments().isPresent()) {
            return Optional.empty();
        }
        Optional<TypeDeclaration<?>> r = records.resolve(t, packageName).map(f -> f.declaration());
        if (r.isEmpty() && records.isPlainClass(t, packageName)) {
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
