package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one method does with its {@code java.util.List} parameters, and whether a differentiated
 * method may: read an element ({@code xs.get(i)}, a boxed one in arithmetic or unboxed by its own
 * {@code doubleValue()}), {@code size()}, {@code isEmpty()}, a for-each, and pass the list to a
 * method of its class that takes the same {@code List} (which is then read the same way). Each
 * other use is an error at its position: a write ({@code add}, {@code set}, ...), another method
 * ({@code stream}, {@code subList}, ...), a boxed element compared by reference or with
 * {@code null}, the list stored, returned, compared or aliased; so is a list the method declares
 * itself.
 */
final class ListUses {
    private ListUses() {}

    /** The methods of {@code List} that change it. */
    private static final Set<String> WRITES = Set.of(
            "add",
            "addAll",
            "addFirst",
            "addLast",
            "set",
            "remove",
            "removeAll",
            "removeIf",
            "removeFirst",
            "removeLast",
            "retainAll",
            "clear",
            "sort",
            "replaceAll");

    /**
     * One method's lists.
     *
     * @param params its {@code List} parameters that a method can read, by name
     * @param errors what it does with them that a differentiated method cannot
     * @param callees the methods of its class it passes them to
     */
    record Found(Map<String, ListTypes.Read> params, List<Diagnostic> errors, List<MethodDeclaration> callees) {}

    /** The lists of {@code m}, a method of {@code owner} in package {@code pkg}. */
    static Found of(
            Path file, String pkg, ClassOrInterfaceDeclaration owner, MethodDeclaration m, RecordTypes records) {
        Map<String, ListTypes.Read> params = new LinkedHashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        List<MethodDeclaration> callees = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            if (ListTypes.isListOnDemand(p.getType())) {
                errors.add(Positions.error(
                        file,
                        p,
                        "parameter '" + p.getNameAsString() + "' has type " + p.getType()
                                + ", List imported on demand (import java.util.*;): import it by name (import"
                                + " java.util.List;), so that no class named List of the package can hide it"));
            } else if (ListTypes.isList(p.getType())) {
                Optional<ListTypes.Read> read = ListTypes.read(p.getType(), pkg, records);
                if (read.isPresent()) {
                    params.put(p.getNameAsString(), read.get());
                } else {
                    errors.add(Positions.error(
                            file,
                            p,
                            "parameter '" + p.getNameAsString() + "' has type " + p.getType() + ": "
                                    + ListTypes.whyNot(p.getType())));
                }
            }
        }
        for (VariableDeclarator v : m.findAll(VariableDeclarator.class)) {
            boolean created = v.getInitializer()
                    .filter(i -> i instanceof ObjectCreationExpr o
                            && (o.getType().getNameAsString().equals("ArrayList")
                                    || o.getType().getNameAsString().equals("LinkedList")))
                    .isPresent();
            boolean alias = v.getInitializer()
                    .filter(i -> i instanceof NameExpr n && params.containsKey(n.getNameAsString()))
                    .isPresent(); // (reported as the list's use)
            if (!alias && (ListTypes.isList(v.getType()) || ListTypes.isListOnDemand(v.getType()) || created)) {
                errors.add(Positions.error(
                        file,
                        v,
                        "local '" + v.getNameAsString() + "' of type " + v.getType()
                                + ": a differentiated method reads List parameters as data but cannot create or"
                                + " hold a list; keep the values in an array (double[] " + v.getNameAsString()
                                + " = new double[n])"));
            }
        }
        for (NameExpr use : m.findAll(NameExpr.class, n -> params.containsKey(n.getNameAsString()))) {
            String name = use.getNameAsString();
            Node parent = use.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr call
                    && call.getScope().filter(s -> s == use).isPresent()) {
                String method = call.getNameAsString();
                int arity = call.getArguments().size();
                if (method.equals("get") && arity == 1) {
                    element(file, call, name, params.get(name)).ifPresent(errors::add);
                } else if (!((method.equals("size") || method.equals("isEmpty")) && arity == 0)) {
                    errors.add(Positions.error(
                            file,
                            call,
                            "'" + Positions.oneLine(call) + "' "
                                    + (WRITES.contains(method)
                                            ? "changes list parameter '" + name + "': a differentiated method reads a"
                                                    + " List parameter as data and cannot change it; compute into a"
                                                    + " local array instead"
                                            : "calls '" + method + "' on list parameter '" + name
                                                    + "': a differentiated method reads a List parameter with get(i),"
                                                    + " size(), isEmpty() and a for-each only; write it as a loop over"
                                                    + " get(i)")));
                }
            } else if (parent instanceof ForEachStmt f && f.getIterable() == use) {
                if (params.get(name).boxed()) {
                    BoxedElements.check(file, f, name, params.get(name), boxedVariables(m, params))
                            .ifPresent(errors::add);
                }
            } else if (parent instanceof MethodCallExpr call && isArgument(call, use)) {
                passedTo(owner, call, use, params.get(name), records, pkg)
                        .ifPresentOrElse(callees::add, () -> errors.add(passError(file, call, name, params.get(name))));
            } else {
                Node shown = parent == null ? use : parent;
                errors.add(Positions.error(
                        file,
                        shown,
                        "'" + Positions.oneLine(shown) + "' uses list parameter '" + name
                                + "' other than reading its elements: a differentiated method reads a List parameter"
                                + " with get(i), size(), isEmpty() and a for-each, and may pass it to a method of its"
                                + " class taking the same List, but cannot store, return, compare or alias it; read it"
                                + " where it is"));
            }
        }
        return new Found(params, errors, callees);
    }

    /** The error for {@code get}, a read of an element of list {@code name}, if its use is one a method cannot make. */
    private static Optional<Diagnostic> element(Path file, MethodCallExpr get, String name, ListTypes.Read read) {
        if (read.values().filter(t -> t.dims() == 1).isEmpty()) {
            return Optional.empty(); // (a record's or a row's uses are judged as those of an array's element)
        }
        Node parent = get.getParentNode().orElse(null);
        String boxed = read.element().toString();
        if (parent instanceof MethodCallExpr call
                && call.getScope().filter(s -> s == get).isPresent()
                && !(call.getArguments().isEmpty()
                        && call.getNameAsString()
                                .equals(ListTypes.unboxing(read.values().get())))) {
            return Optional.of(Positions.error(
                    file,
                    call,
                    "'" + Positions.oneLine(call) + "' calls '" + call.getNameAsString() + "' on an element of list"
                            + " parameter '" + name + "' (a " + boxed + "): a differentiated method reads the"
                            + " elements of a List<" + boxed + "> as numbers; use the value in arithmetic ("
                            + ListTypes.unboxing(read.values().get()) + "() at most)"));
        }
        if (parent instanceof VariableDeclarator v
                && (v.getType() instanceof ClassOrInterfaceType || v.getType().isVarType())) {
            return Optional.of(Positions.error(
                    file,
                    v,
                    "'" + Positions.oneLine(v) + "' holds an element of list parameter '" + name
                            + "' in a local of type " + v.getType()
                            + ": a differentiated method reads the elements of a"
                            + " List<" + boxed + "> as numbers; declare the local "
                            + read.array().asArrayType().getComponentType()));
        }
        if (parent instanceof BinaryExpr b
                && (b.getOperator() == BinaryExpr.Operator.EQUALS
                        || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS)) {
            Expression other = b.getLeft() == get ? b.getRight() : b.getLeft();
            if (other instanceof NullLiteralExpr
                    || (other instanceof MethodCallExpr o
                            && o.getNameAsString().equals("get")
                            && o.getScope().filter(s -> s instanceof NameExpr).isPresent())) {
                return Optional.of(Positions.error(
                        file,
                        b,
                        "'" + Positions.oneLine(b) + "' compares " + boxed + " objects of list parameter '" + name
                                + "' by reference (or with null), as Java does for boxed numbers: a differentiated"
                                + " method reads the elements as numbers; compare the values ("
                                + name + ".get(i)."
                                + ListTypes.unboxing(read.values().get()) + "())"));
            }
        }
        return Optional.empty();
    }

    /** The variables of the for-each loops of {@code m} over its lists of boxed numbers. */
    private static java.util.Set<String> boxedVariables(MethodDeclaration m, Map<String, ListTypes.Read> params) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (ForEachStmt f : m.findAll(ForEachStmt.class)) {
            if (f.getIterable() instanceof NameExpr n
                    && params.containsKey(n.getNameAsString())
                    && params.get(n.getNameAsString()).boxed()) {
                out.add(f.getVariable().getVariables().get(0).getNameAsString());
            }
        }
        return out;
    }

    /** Whether {@code use} is one of {@code call}'s arguments (by identity: nodes are equal by structure). */
    private static boolean isArgument(MethodCallExpr call, Expression use) {
        return call.getArguments().stream().anyMatch(a -> a == use);
    }

    /**
     * The method of {@code owner} that {@code call} passes list {@code use} to, taking it as the same
     * {@code List}; empty when there is none (a list of records or objects: a plain static helper only).
     */
    private static Optional<MethodDeclaration> passedTo(
            ClassOrInterfaceDeclaration owner,
            MethodCallExpr call,
            NameExpr use,
            ListTypes.Read read,
            RecordTypes records,
            String pkg) {
        boolean own = call.getScope().isEmpty()
                || call.getScope()
                        .filter(s -> s instanceof ThisExpr
                                || (s instanceof NameExpr n
                                        && n.getNameAsString().equals(owner.getNameAsString())))
                        .isPresent();
        if (!own) {
            return Optional.empty();
        }
        int at = call.getArguments().indexOf(use);
        List<MethodDeclaration> found = owner.getMethodsByName(call.getNameAsString()).stream()
                .filter(d -> d.getParameters().size() == call.getArguments().size()
                        && d.getBody().isPresent())
                .toList();
        if (found.size() != 1) {
            return Optional.empty();
        }
        // a list of records or objects goes only to a plain static helper, which takes it as an array of
        // them handed on whole (ElementCallees)
        boolean plainStatic = found.get(0).isStatic()
                && found.get(0).getAnnotations().stream()
                        .noneMatch(dev.adjoint.generator.select.MethodSelector::isDifferentiable);
        if (read.values().isEmpty() && !plainStatic) {
            return Optional.empty();
        }
        Parameter taken = found.get(0).getParameter(at);
        boolean same = ListTypes.isList(taken.getType())
                ? ListTypes.read(taken.getType(), pkg, records)
                        .filter(r ->
                                r.values().equals(read.values()) && r.element().equals(read.element()))
                        .isPresent()
                : ListParam.of(found.get(0)).stream() // (a method rewritten already, for a caller before)
                        .anyMatch(l -> l.name().equals(taken.getNameAsString())
                                && l.values().equals(read.values()));
        return same ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static Diagnostic passError(Path file, MethodCallExpr call, String name, ListTypes.Read read) {
        return Positions.error(
                file,
                call,
                "'" + Positions.oneLine(call) + "' passes list parameter '" + name + "' to '" + call.getNameAsString()
                        + "'"
                        + (read.values().isEmpty()
                                ? ": a differentiated method passes a List of records or objects on only to a plain"
                                        + " static helper of its class that takes the same List (the only method of its name);"
                                        + " read the elements here, or pass them one by one (" + name + ".get(i))"
                                : ", which is not a method of this class taking a List<" + read.element()
                                        + ">: a differentiated method passes a List parameter on only to such a"
                                        + " method, which reads it the same way; pass the values to others as an array"));
    }
}
