package dev.adjoint.generator.objects;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.Optional;

/**
 * A local record given a record component of a record parameter, {@code Vec p = start.t();} (or {@code
 * o.in().pos()} down a chain), as the new record it equals, {@code Vec p = new Vec(start.t().x(), start.t().y());}:
 * a record parameter cannot change during the call and a record's implicit accessors return its components, so the
 * two hold the same values, and {@link LocalRecords} replaces the new one by its components, read through the chain
 * as a record parameter's nested components are. Left as written (for {@link LocalRecords} to report) where any step
 * is not so: a parameter assigned in the method, an accessor a record declares itself, a record with a constructor of
 * its own, a component of another type than the local's.
 */
final class ComponentCopies {
    private final MethodDeclaration method;
    private final RecordTypes records;
    private final String packageName;

    private ComponentCopies(MethodDeclaration method, RecordTypes records, String packageName) {
        this.method = method;
        this.records = records;
        this.packageName = packageName;
    }

    /** Rewrites such values of {@code m}'s record locals, declared or assigned, in place. */
    static void rewrite(MethodDeclaration m, RecordTypes records, String packageName) {
        ComponentCopies c = new ComponentCopies(m, records, packageName);
        for (VariableDeclarator d : m.findAll(VariableDeclarator.class)) {
            d.getInitializer().flatMap(v -> c.copy(v, d.getType())).ifPresent(d::setInitializer);
        }
        for (AssignExpr a : m.findAll(AssignExpr.class)) {
            if (a.getOperator() == AssignExpr.Operator.ASSIGN
                    && a.getTarget() instanceof NameExpr t
                    && (a.getValue() instanceof MethodCallExpr || a.getValue() instanceof NameExpr)) {
                c.declaredType(t.getNameAsString())
                        .flatMap(ty -> c.copy(a.getValue(), ty))
                        .ifPresent(a::setValue);
            }
        }
    }

    /** The type of the one local of {@code name} the method declares, if one. */
    private Optional<Type> declaredType(String name) {
        if (declared == null) {
            // (once per method, and only when an assignment's value is a call: a walk per assignment was
            // quadratic in a method of thousands of statements)
            declared = new java.util.HashMap<>();
            for (VariableDeclarator d : method.findAll(VariableDeclarator.class)) {
                declared.computeIfAbsent(d.getNameAsString(), k -> new java.util.ArrayList<>())
                        .add(d.getType());
            }
        }
        java.util.List<Type> ds = declared.getOrDefault(name, java.util.List.of());
        return ds.size() == 1 ? Optional.of(ds.get(0)) : Optional.empty();
    }

    /** The types of the locals the method declares, by name; built on first use. */
    private java.util.Map<String, java.util.List<Type>> declared;

    /** {@code new T(value.c1(), ...)} when {@code value} is a component of a record parameter of type {@code declared}. */
    private Optional<Expression> copy(Expression value, Type declared) {
        if (!(declared instanceof ClassOrInterfaceType t)) {
            return Optional.empty();
        }
        Optional<RecordDeclaration> target = record(declared);
        Optional<RecordDeclaration> found = chain(value);
        if (target.isEmpty()
                || found.isEmpty()
                || found.get() != target.get()
                || !target.get().getConstructors().isEmpty()
                || !target.get().getCompactConstructors().isEmpty()) {
            return Optional.empty();
        }
        ObjectCreationExpr made = new ObjectCreationExpr(null, t.clone(), new com.github.javaparser.ast.NodeList<>());
        for (Parameter component : target.get().getParameters()) {
            made.addArgument(new MethodCallExpr(value.clone(), component.getNameAsString()));
        }
        value.getRange().ifPresent(r -> made.walk(n -> n.setRange(r)));
        return Optional.of(made);
    }

    /** The record {@code e} is, when it is a record parameter nothing assigns or a component of one, down a chain. */
    private Optional<RecordDeclaration> chain(Expression e) {
        if (e instanceof NameExpr n) {
            return method.getParameters().stream()
                    .filter(p -> p.getNameAsString().equals(n.getNameAsString()))
                    .findFirst()
                    .filter(p -> !assigned(p.getNameAsString()))
                    .flatMap(p -> record(p.getType()));
        }
        if (e instanceof MethodCallExpr m
                && m.getArguments().isEmpty()
                && m.getScope().isPresent()) {
            return chain(m.getScope().get())
                    .filter(owner -> owner.getMethods().stream()
                            .noneMatch(d -> d.getNameAsString().equals(m.getNameAsString())
                                    && d.getParameters().isEmpty()))
                    .flatMap(owner -> owner.getParameters().stream()
                            .filter(c -> c.getNameAsString().equals(m.getNameAsString()))
                            .findFirst())
                    .flatMap(c -> record(c.getType()));
        }
        return Optional.empty();
    }

    private Optional<RecordDeclaration> record(Type type) {
        return records.resolve(type, packageName).map(RecordTypes.Found::declaration);
    }

    private boolean assigned(String name) {
        return method.findAll(AssignExpr.class).stream()
                .anyMatch(a -> a.getTarget() instanceof NameExpr n
                        && n.getNameAsString().equals(name));
    }
}
