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
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.parse.Positions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Writes the static helpers {@link RecordMethods} calls, once per class and method: the method's
 * body copied and put in the helper's terms ({@link StaticBodies}), its parameters after the
 * object's, which the helper takes as its numeric components ({@code Rbf$k(double ell$, double
 * amp$, double[] a, double[] b)}) or, for an element of a type with a matrix, as the array and the
 * index ({@code Layer$apply$at(Layer[] elements$, int at$, double[] in, double[] out)}, whose array
 * parameter becomes the array's leaves as a held array's does, {@link HeldCallees}). Each helper
 * carries the method it was written from, for errors and the report.
 */
final class RecordHelpers {
    /** On each helper: the method it is written from, {@code Rbf.k}, as errors name it. */
    static final com.github.javaparser.ast.DataKey<String> MADE_FROM = new com.github.javaparser.ast.DataKey<>() {};

    /** On each helper: the method it is written from as the report names methods, {@code p.Model.Rbf#k}. */
    static final com.github.javaparser.ast.DataKey<String> REPORTED_AS = new com.github.javaparser.ast.DataKey<>() {};

    /** On each helper taking an array of the type and an index: the method it is written from. */
    static final com.github.javaparser.ast.DataKey<MethodDeclaration> SOURCE_BY_INDEX =
            new com.github.javaparser.ast.DataKey<>() {};

    /** On each helper: the method it is written from. */
    static final com.github.javaparser.ast.DataKey<MethodDeclaration> SOURCE =
            new com.github.javaparser.ast.DataKey<>() {};

    private final Path file;
    private final String packageName;
    private final ClassOrInterfaceDeclaration host;
    private final RecordTypes records;
    /** Whether a type is a record or class of the sources (a parameter of one: the method is left alone). */
    private final Predicate<Type> isValueType;
    /** The helper written from each method by this pass (null while being written: a method calling itself). */
    private final Map<MethodDeclaration, String> helpers = new IdentityHashMap<>();

    RecordHelpers(
            Path file,
            String packageName,
            ClassOrInterfaceDeclaration host,
            RecordTypes records,
            Predicate<Type> isValueType) {
        this.file = file;
        this.packageName = packageName;
        this.host = host;
        this.records = records;
        this.isValueType = isValueType;
    }

    /** A component or field the helpers take: its name and type. */
    record Component(String name, Type type) {}

    /** The numeric components (records) or instance fields (classes) of {@code owner}, in declaration order. */
    static List<Component> components(TypeDeclaration<?> owner) {
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
    Optional<String> of(
            TypeDeclaration<?> owner,
            MethodDeclaration method,
            List<Component> components,
            ClassOrInterfaceType spelled,
            Node at,
            boolean byIndex) {
        if (helpers.containsKey(method)) {
            return Optional.ofNullable(helpers.get(method)); // (null: being written, a method calling itself)
        }
        com.github.javaparser.ast.DataKey<MethodDeclaration> source = byIndex ? SOURCE_BY_INDEX : SOURCE;
        for (MethodDeclaration d : host.getMethods()) {
            if (d.containsData(source) && d.getData(source) == method) {
                return Optional.of(d.getNameAsString()); // (written for another method of the class)
            }
        }
        helpers.put(method, null);
        if (method.getBody().isEmpty()
                || !method.getTypeParameters().isEmpty()
                || method.getParameters().stream().anyMatch(p -> p.isVarArgs() || isValueType.test(p.getType()))) {
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
            renamed.put(c.name(), fresh(c.name() + "$", own, memberNames));
        }
        String array = fresh("elements$", own, memberNames);
        String index = fresh("at$", own, memberNames);
        String name = spelled.getNameAsString() + "$" + method.getNameAsString() + (byIndex ? "$at" : "");
        while (!host.getMethodsByName(name).isEmpty()) {
            name += "$";
        }
        helpers.put(method, name);
        StaticBodies.Terms terms =
                byIndex ? new ByIndex(owner, array, index, renamed.keySet()) : new ByComponent(renamed);
        if (!StaticBodies.place(
                body, owner, terms, own, spelled, other -> of(owner, other, components, spelled, at, byIndex))) {
            helpers.put(method, null);
            return Optional.empty();
        }
        NodeList<Parameter> parameters = new NodeList<>();
        if (byIndex) {
            parameters.add(new Parameter(new ArrayType(spelled.clone()), array));
            parameters.add(new Parameter(com.github.javaparser.ast.type.PrimitiveType.intType(), index));
        } else {
            components.forEach(c -> parameters.add(new Parameter(c.type().clone(), renamed.get(c.name()))));
        }
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
        d.setData(source, method);
        if (owner.findCompilationUnit().orElse(null)
                != host.findCompilationUnit().orElse(null)) {
            // another file's lines mean nothing in this one: the copy takes the call's position
            Positions.standAt(d, at);
        }
        if (!byIndex) {
            host.addMember(d);
        } else if (!addTakingElements(file, packageName, host, d, records)) {
            helpers.put(method, null);
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /**
     * Adds helper {@code d}, whose first parameter is an array of a type of the sources and second
     * an index, to {@code host}: the array parameter becomes the array's leaves, as a differentiated
     * method's does. False, and nothing added, where a use of it cannot be taken that way.
     */
    static boolean addTakingElements(
            Path file, String packageName, ClassOrInterfaceDeclaration host, MethodDeclaration d, RecordTypes records) {
        d.getParameter(0).setData(HeldCallees.WHOLE, true);
        host.addMember(d);
        List<dev.adjoint.generator.Diagnostic> problems = new ArrayList<>();
        RecordParameters.expand(file, packageName, d, records, false, problems);
        if (!problems.isEmpty()) {
            host.remove(d);
            return false;
        }
        RecordParameters.expand(file, packageName, d, records, true, problems);
        return true;
    }

    /** The components as the helper's leading parameters. */
    private record ByComponent(Map<String, String> renamed) implements StaticBodies.Terms {
        @Override
        public boolean has(String component) {
            return renamed.containsKey(component);
        }

        @Override
        public Expression component(String component) {
            return new NameExpr(renamed.get(component));
        }

        @Override
        public List<Expression> passedOn() {
            return renamed.values().stream().<Expression>map(NameExpr::new).toList();
        }
    }

    /** The components read from element {@code index} of the array the helper is given. */
    private record ByIndex(TypeDeclaration<?> owner, String array, String index, Set<String> components)
            implements StaticBodies.Terms {
        @Override
        public boolean has(String component) {
            return components.contains(component);
        }

        @Override
        public Expression component(String component) {
            return RecordHelpers.component(
                    owner, new ArrayAccessExpr(new NameExpr(array), new NameExpr(index)), component);
        }

        @Override
        public List<Expression> passedOn() {
            return List.of(new NameExpr(array), new NameExpr(index));
        }

        @Override
        public void mark(MethodCallExpr call) {
            call.setData(HeldCallees.PASSES, true); // (the array goes on whole: its leaves, HeldCallees)
        }
    }

    /** {@code c} of {@code object}: its accessor for a record, its field for a class. */
    static Expression component(TypeDeclaration<?> owner, Expression object, String c) {
        return CallerTerms.component(object, c, owner instanceof RecordDeclaration);
    }

    /** {@code base}, with {@code $} added until no name of the method or its type is taken. */
    private static String fresh(String base, Set<String> own, Set<String> members) {
        String n = base;
        while (own.contains(n) || members.contains(n)) {
            n += "$";
        }
        return n;
    }
}
