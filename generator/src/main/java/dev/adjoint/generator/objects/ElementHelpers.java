package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodSelector;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A call of a plain static helper of the class given an element of an array whose type holds a
 * matrix, made a call of a helper written from it that takes the array and the index, as a call of
 * the type's own method is ({@link RecordMethods}, {@link RecordHelpers}): an element's matrix is
 * read in place among every element's gathered rows ({@link ElementArrays}), so it cannot be passed
 * whole, but the helper's reads of its components can be reads of the element.
 *
 * <pre>
 * static double[] apply(Layer l, double[] x) { ... l.w()[i][j] ... }
 * a = apply(layers[k], a);          a = apply$l$at(layers, k, a);
 *                                   private static double[] apply$l$at(Layer[] elements$, int at$, double[] x) {
 *                                       ... elements$[at$].w()[i][j] ... }
 * </pre>
 *
 * Exact because the helper is given the same element and reads only its components (final in a
 * record; a class's fields as the call sees them, since a helper that assigns one is left alone).
 * Done only where the helper is the class's only method of its name, the element's array is a
 * parameter of the differentiated method indexed without effects, and the helper uses its parameter
 * only to read components (not passed on, assigned or compared); otherwise the call is left as
 * written, for {@link ElementArrays}' error.
 */
final class ElementHelpers {
    private final Path file;
    private final String packageName;
    private final ClassOrInterfaceDeclaration host;
    private final RecordTypes records;
    /**
     * The class's plain static methods as declared, by name: the lifting expands a helper's record
     * parameters into components before it reaches the methods that call it.
     */
    private final Map<String, MethodDeclaration> declared = new HashMap<>();
    /** The helper written from each (method, parameter index), once per class. */
    private final Map<String, Map<Integer, Optional<String>>> written = new HashMap<>();

    /** For the methods of {@code host}, as they are now (before the lifting of any of them). */
    ElementHelpers(Path file, String packageName, ClassOrInterfaceDeclaration host, RecordTypes records) {
        this.file = file;
        this.packageName = packageName;
        this.host = host;
        this.records = records;
        for (MethodDeclaration m : host.getMethods()) {
            // (only a helper with a parameter of a class type can take an element: the others are not copied)
            if (m.isStatic()
                    && m.getAnnotations().stream().noneMatch(MethodSelector::isDifferentiable)
                    && m.getParameters().stream().anyMatch(p -> p.getType() instanceof ClassOrInterfaceType)) {
                declared.put(m.getNameAsString(), m.clone());
            }
        }
    }

    /** Rewrites, in place, the calls of {@code m} (a method of the class) it can. Reports nothing: returns {@code false}. */
    boolean delegate(MethodDeclaration m) {
        Map<String, Type> parameters = new HashMap<>();
        m.getParameters().forEach(p -> parameters.put(p.getNameAsString(), p.getType()));
        m.findAll(VariableDeclarator.class).forEach(v -> parameters.remove(v.getNameAsString()));
        for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
            if (call.isDescendantOf(m)) {
                rewrite(call, parameters);
            }
        }
        return false;
    }

    private void rewrite(MethodCallExpr call, Map<String, Type> parameters) {
        if (call.getScope().isPresent()
                && !(call.getScope().get() instanceof NameExpr s
                        && s.getNameAsString().equals(host.getNameAsString()))) {
            return;
        }
        MethodDeclaration helper = declared.get(call.getNameAsString());
        if (helper == null
                || host.getMethodsByName(call.getNameAsString()).size() != 1
                || helper.getBody().isEmpty()
                || !helper.getTypeParameters().isEmpty()
                || helper.getParameters().size() != call.getArguments().size()
                || helper.getParameters().stream().anyMatch(Parameter::isVarArgs)) {
            return;
        }
        for (int i = 0; i < call.getArguments().size(); i++) {
            if (!(call.getArgument(i) instanceof ArrayAccessExpr element
                    && element.getName() instanceof NameExpr array
                    && ElementArrays.isPure(element.getIndex())
                    && parameters.get(array.getNameAsString()) instanceof ArrayType at
                    && at.getArrayLevel() == 1
                    && at.getComponentType() instanceof ClassOrInterfaceType type
                    && helper.getParameter(i).getType().equals(type))) {
                continue;
            }
            Optional<TypeDeclaration<?>> owner = valueType(type);
            if (owner.isEmpty()
                    || RecordHelpers.components(owner.get()).stream()
                            .noneMatch(c -> c.type() instanceof ArrayType a && a.getArrayLevel() == 2)) {
                continue;
            }
            int index = i;
            Optional<String> name = written.computeIfAbsent(helper.getNameAsString(), k -> new HashMap<>())
                    .computeIfAbsent(i, k -> write(helper, index, owner.get(), type));
            if (name.isEmpty()) {
                continue;
            }
            NodeList<Expression> arguments = new NodeList<>();
            arguments.add(array.clone());
            arguments.add(element.getIndex().clone());
            for (int j = 0; j < call.getArguments().size(); j++) {
                if (j != i) {
                    arguments.add(call.getArgument(j).clone());
                }
            }
            MethodCallExpr by = new MethodCallExpr(null, name.get(), arguments);
            by.setData(HeldCallees.PASSES, true); // (the array goes on whole: its leaves, HeldCallees)
            call.replace(Positions.standAt(by, call));
            return;
        }
    }

    /** The helper written from {@code helper} taking the array and the index for its parameter {@code index}. */
    private Optional<String> write(
            MethodDeclaration helper, int index, TypeDeclaration<?> owner, ClassOrInterfaceType type) {
        String object = helper.getParameter(index).getNameAsString();
        BlockStmt body = helper.getBody().get().clone();
        Set<String> own = new HashSet<>();
        helper.getParameters().forEach(p -> own.add(p.getNameAsString()));
        body.findAll(VariableDeclarator.class).forEach(v -> own.add(v.getNameAsString()));
        if (body.findAll(VariableDeclarator.class).stream()
                .anyMatch(v -> v.getNameAsString().equals(object))) {
            return Optional.empty(); // (a local of the same name: which one a name means depends on its block)
        }
        String array = fresh("elements$", own);
        String at = fresh("at$", own);
        Set<String> components = new HashSet<>();
        RecordHelpers.components(owner).forEach(c -> components.add(c.name()));
        boolean record = owner instanceof RecordDeclaration;
        for (NameExpr n : body.findAll(NameExpr.class)) {
            if (!n.getNameAsString().equals(object)) {
                continue;
            }
            Node read = n.getParentNode().orElseThrow();
            String component = read instanceof MethodCallExpr c
                            && record
                            && c.getScope().filter(s -> s == n).isPresent()
                            && c.getArguments().isEmpty()
                    ? c.getNameAsString()
                    : read instanceof FieldAccessExpr f && !record && f.getScope() == n ? f.getNameAsString() : null;
            if (component == null || !components.contains(component) || assigned(read)) {
                return Optional.empty(); // the object passed on, assigned, compared, or a part it does not carry
            }
            read.replace(Positions.standAt(
                    RecordHelpers.component(
                            owner, new ArrayAccessExpr(new NameExpr(array), new NameExpr(at)), component),
                    (Expression) read));
        }
        String name = helper.getNameAsString() + "$" + object + "$at";
        while (!host.getMethodsByName(name).isEmpty()) {
            name += "$";
        }
        NodeList<Parameter> parameters = new NodeList<>();
        parameters.add(new Parameter(new ArrayType(type.clone()), array));
        parameters.add(new Parameter(PrimitiveType.intType(), at));
        for (int j = 0; j < helper.getParameters().size(); j++) {
            if (j != index) {
                parameters.add(helper.getParameter(j).clone());
            }
        }
        MethodDeclaration d = new MethodDeclaration(
                new NodeList<>(Modifier.privateModifier(), Modifier.staticModifier()),
                helper.getType().clone(),
                name);
        d.setParameters(parameters);
        d.setBody(body);
        helper.getRange().ifPresent(d::setRange);
        d.setData(RecordHelpers.MADE_FROM, host.getNameAsString() + "." + helper.getNameAsString());
        d.setData(
                RecordHelpers.REPORTED_AS,
                host.getFullyQualifiedName().orElse(host.getNameAsString()) + "#" + helper.getNameAsString());
        if (!RecordHelpers.addTakingElements(file, packageName, host, d, records)) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** Whether {@code read} is assigned or updated (a class's field: the object would change). */
    private static boolean assigned(Node read) {
        Node parent = read.getParentNode().orElseThrow();
        return parent instanceof com.github.javaparser.ast.expr.AssignExpr a && a.getTarget() == read
                || parent instanceof com.github.javaparser.ast.expr.UnaryExpr u
                        && dev.adjoint.generator.parse.Updates.isUpdate(u.getOperator());
    }

    /** The record or plain class of the sources {@code t} names, if any. */
    private Optional<TypeDeclaration<?>> valueType(ClassOrInterfaceType t) {
        if (t.getTypeArguments().isPresent()) {
            return Optional.empty();
        }
        Optional<TypeDeclaration<?>> r = records.resolve(t, packageName).map(f -> f.declaration());
        if (r.isEmpty() && records.isPlainClass(t, packageName)) {
            r = records.resolveClass(t, packageName).map(f -> f.declaration());
        }
        return r.filter(d -> !(d instanceof ClassOrInterfaceDeclaration c && c.isInterface()));
    }

    /** {@code base}, with {@code $} added until no name of the helper takes it. */
    private static String fresh(String base, Set<String> own) {
        String n = base;
        while (own.contains(n)) {
            n += "$";
        }
        return n;
    }
}
