package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scalar replacement of the records a differentiated method creates: a local {@code Vec v = new
 * Vec(x, y)} becomes one local per component ({@code double v_x = x; double v_y = y;}), the
 * accessor calls {@code v.x()} become reads of those locals, {@code v = new Vec(a, b)} assigns
 * them (through fresh locals when an argument reads {@code v}, since Java evaluates every argument
 * before the record exists), and {@code Vec w = v} copies them (a record is a value: its
 * components are final). Both strategies then see plain numbers. This is exact as long as the
 * record does not escape: a new record stored, returned, passed on, compared or asked for anything
 * but a component is an error at its position, as is a record whose constructor or accessor the
 * user wrote (its values need not be the arguments). An object of a class that is a plain value
 * ({@link ValueTypes}) is replaced the same way, its fields read and assigned as {@code v.x}.
 * This class decides which locals are replaced and reports why one cannot be; {@link
 * ComponentLocals} writes their component locals.
 */
final class LocalRecords {
    private final Path file;
    private final String packageName;
    private final MethodDeclaration method;
    private final RecordTypes records;
    private final List<Diagnostic> diagnostics;
    private final Set<String> taken = new TreeSet<>();

    private LocalRecords(
            Path file,
            String packageName,
            MethodDeclaration method,
            RecordTypes records,
            Set<String> reserved,
            List<Diagnostic> diagnostics) {
        this.file = file;
        this.packageName = packageName;
        this.method = method;
        this.records = records;
        this.diagnostics = diagnostics;
        method.findAll(SimpleName.class).forEach(n -> taken.add(n.getIdentifier()));
        taken.addAll(reserved);
    }

    /**
     * Replaces the local records of {@code m} by their components, in place; when one cannot be
     * replaced exactly, reports why and leaves {@code m} unchanged. Returns whether it reported.
     *
     * @param reserved names the new locals must not take (the class's fields)
     */
    static boolean expand(
            Path file,
            String packageName,
            MethodDeclaration m,
            RecordTypes records,
            Set<String> reserved,
            List<Diagnostic> diagnostics) {
        int before = diagnostics.size();
        new LocalRecords(file, packageName, m, records, reserved, diagnostics).run();
        return diagnostics.size() > before;
    }

    private void run() {
        int before = diagnostics.size();
        List<LocalRecord> locals = new ArrayList<>();
        Set<ObjectCreationExpr> held = Collections.newSetFromMap(new IdentityHashMap<>());
        for (VariableDeclarator d : method.findAll(VariableDeclarator.class)) {
            Type declared = d.getType().isVarType() && d.getInitializer().orElse(null) instanceof ObjectCreationExpr n
                    ? n.getType()
                    : d.getType();
            if (records.isPlainClass(declared, packageName)) {
                ValueTypes.Result value = records.resolveClass(declared, packageName)
                        .map(c -> ValueTypes.of(c.declaration()))
                        .orElse(ValueTypes.Result.no("the name " + declared + " is not one class of the sources"));
                if (value.type() == null) {
                    error(
                            d.getInitializer()
                                    .filter(i -> i instanceof ObjectCreationExpr)
                                    .map(i -> (Node) i)
                                    .orElse(d),
                            "local '"
                                    + d.getNameAsString() + "' of type " + declared
                                    + ": a differentiated method can hold objects of a class"
                                    + " of the sources whose only constructor assigns each of its parameters to a field, every field once"
                                    + " (they are replaced by their fields), and " + value.whyNot() + "; make "
                                    + declared + " a record or"
                                    + " such a class, or keep its numbers in local variables");
                    continue;
                }
                local(d, value.type())
                        .ifPresentOrElse(
                                locals::add,
                                () -> d.getInitializer()
                                        .filter(i -> i instanceof ObjectCreationExpr)
                                        .ifPresent(i -> held.add((ObjectCreationExpr) i)));
                continue;
            }
            recordOf(d)
                    .ifPresent(r -> local(d, r)
                            .ifPresentOrElse(
                                    locals::add,
                                    () -> d.getInitializer()
                                            .filter(i -> i instanceof ObjectCreationExpr)
                                            .ifPresent(i -> held.add((ObjectCreationExpr) i))));
        }
        Map<Node, LocalRecord> owner = new IdentityHashMap<>(); // each use, and each read, to the local it names
        List<Expression> reads = new ArrayList<>();
        List<ExpressionStmt> assignments = new ArrayList<>();
        for (LocalRecord l : locals) {
            l.declarator().getInitializer().ifPresent(init -> checkValue(init, l, held));
            for (NameExpr use : l.usesInScope()) {
                owner.put(use, l);
                Node parent = use.getParentNode().orElseThrow();
                if (l.record().fields()
                        && parent instanceof FieldAccessExpr field
                        && field.getScope() == use
                        && l.indexOf(field.getNameAsString()) >= 0) {
                    reads.add(field); // read or assigned: the component's local either way
                    owner.put(field, l);
                } else if (!l.record().fields()
                        && parent instanceof MethodCallExpr call
                        && call.getScope().filter(s -> s == use).isPresent()
                        && call.getArguments().isEmpty()
                        && l.indexOf(call.getNameAsString()) >= 0) {
                    if (l.record().declaration() instanceof RecordDeclaration r
                            && declaresMethod(r, call.getNameAsString())) {
                        error(
                                call,
                                "'" + call + "' calls an accessor that record "
                                        + l.record().name() + " declares"
                                        + " itself: its value need not be the component's, so its derivative is unknown; use the"
                                        + " generated accessor, or compute the value from the components");
                    } else {
                        reads.add(call);
                        owner.put(call, l);
                    }
                } else if (parent instanceof AssignExpr a
                        && a.getTarget() == use
                        && a.getOperator() == AssignExpr.Operator.ASSIGN
                        && a.getParentNode()
                                .filter(p -> p instanceof ExpressionStmt)
                                .isPresent()) {
                    checkValue(a.getValue(), l, held);
                    assignments.add((ExpressionStmt) a.getParentNode().get());
                    l.record()
                            .firstArray()
                            .ifPresent(c -> error(
                                    a,
                                    "'" + Positions.oneLine(a) + "' assigns local record '" + l.name()
                                            + "' again, and its component '" + c
                                            + "' is an array: neither strategy follows an array variable assigned"
                                            + " again; declare a new local record for the new value"));
                } else if (!l.record().fields()
                        && parent instanceof AssignExpr a
                        && a.getValue() == use
                        && a.getTarget() instanceof NameExpr t
                        && sameRecord(t.getNameAsString(), l, locals)) {
                    continue; // a copy into another local record: checked there
                } else if (!l.record().fields()
                        && parent instanceof VariableDeclarator v
                        && locals.stream().anyMatch(o -> o.declarator() == v)
                        && sameRecord(v.getNameAsString(), l, locals)) {
                    continue;
                } else if (l.record().fields()
                        && (parent instanceof VariableDeclarator
                                || (parent instanceof AssignExpr a
                                        && a.getValue() == use
                                        && a.getTarget() instanceof NameExpr))) {
                    continue; // a second variable for the object: the value given to it is reported there
                } else if (l.record().fields()) {
                    error(
                            parent,
                            "'" + Positions.oneLine(parent) + "' uses local object '" + l.name()
                                    + "' other than reading or"
                                    + " assigning its fields: an object of "
                                    + l.record().name() + " created in a differentiated method is"
                                    + " replaced by its fields (" + l.name() + "."
                                    + l.record().components().get(0) + "), which is exact only"
                                    + " while no other variable names it and it stays in the method; pass or store its fields instead");
                } else {
                    error(
                            parent,
                            "'" + Positions.oneLine(parent) + "' uses local record '" + l.name()
                                    + "' other than reading its"
                                    + " components: a record created in a differentiated method is replaced by its components ("
                                    + l.name()
                                    + "." + l.record().components().get(0) + "()), which is exact only while the"
                                    + " record stays in the method or goes to a @Differentiable method of the sources or a plain helper that"
                                    + " only reads its components; pass or"
                                    + " store its components instead of the record");
                }
            }
        }
        for (ObjectCreationExpr n : method.findAll(ObjectCreationExpr.class)) {
            if (!held.contains(n)
                    && records.resolve(n.getType(), packageName).isEmpty()
                    && typeOf(n).isPresent()) {
                error(
                        n,
                        "'" + Positions.oneLine(n)
                                + "' creates an object that leaves the method's local variables (it is returned,"
                                + " stored, passed on or used in an expression): a differentiated method replaces an object it creates by"
                                + " its fields, which is exact only for one held in a local variable (Vec v = new Vec(x, y); v.x); declare"
                                + " a local for it, and return or pass on its fields");
            } else if (!held.contains(n)
                    && records.resolve(n.getType(), packageName).isPresent()) {
                error(
                        n,
                        "'" + Positions.oneLine(n)
                                + "' creates a record that leaves the method's local variables (it is "
                                + "returned, stored, passed on or used in an expression): a differentiated method replaces a record it creates"
                                + " by its components, which is exact only for a record held in a local variable (Vec v = new Vec(x, y);"
                                + " v.x()); declare a local for it, and return or pass on its components");
            }
        }
        if (diagnostics.size() > before) {
            return;
        }
        ComponentLocals.replace(reads, assignments, locals, owner, this::fresh);
    }

    /** The record {@code d} declares a local of, if it is one of the sources. */
    private Optional<ValueTypes.ValueType> recordOf(VariableDeclarator d) {
        Type type = d.getType();
        if (type.isVarType()) {
            return d.getInitializer()
                    .filter(i -> i instanceof ObjectCreationExpr)
                    .flatMap(i -> records.resolve(((ObjectCreationExpr) i).getType(), packageName))
                    .map(f -> ValueTypes.of(f.declaration()));
        }
        return records.resolve(type, packageName).map(f -> ValueTypes.of(f.declaration()));
    }

    /** The record or value class {@code n} creates an object of, if it is one of the sources. */
    private Optional<ValueTypes.ValueType> typeOf(ObjectCreationExpr n) {
        return records.resolve(n.getType(), packageName)
                .map(f -> ValueTypes.of(f.declaration()))
                .or(() -> records.resolveClass(n.getType(), packageName)
                        .map(c -> ValueTypes.of(c.declaration()).type()));
    }

    /** {@code d} as a local record, or empty after reporting why it cannot be one. */
    private Optional<LocalRecord> local(VariableDeclarator d, ValueTypes.ValueType type) {
        Node decl = d.getParentNode().orElseThrow();
        Node stmt = decl.getParentNode().orElse(null);
        String what =
                "local " + (type.fields() ? "object '" : "record '") + d.getNameAsString() + "' of type " + type.name();
        if (stmt instanceof com.github.javaparser.ast.stmt.ForEachStmt f) {
            // (a for-each over an array parameter or field of records is an index by now: ElementAliases)
            error(
                    d,
                    "'for (" + decl + " : " + f.getIterable() + ")' takes the elements of '" + f.getIterable()
                            + "' one by one: a differentiated method reads records of type " + type.name()
                            + " from an array that is a parameter or a field (" + type.name()
                            + "[]) or a java.util.List parameter (List<" + type.name() + ">), by index or by a"
                            + " for-each; another collection of them is not supported: pass an array or a List");
            return Optional.empty();
        }
        if (!(decl instanceof VariableDeclarationExpr)
                || !(stmt instanceof ExpressionStmt s)
                || !(s.getParentNode().orElse(null) instanceof BlockStmt
                        || s.getParentNode().orElse(null) instanceof SwitchEntry)) {
            error(
                    d,
                    what
                            + " is declared where its components cannot be (a for header, a resource): declare it as a statement of"
                            + " its own in a block");
            return Optional.empty();
        }
        if (type.declaration() instanceof RecordDeclaration r
                && (!r.getConstructors().isEmpty()
                        || !r.getCompactConstructors().isEmpty())) {
            error(
                    d,
                    what + ": record " + r.getNameAsString()
                            + " declares a constructor, which may check or change the values it"
                            + " is given, so its components need not be the arguments; a differentiated method can create records with"
                            + " the implicit constructor only: create it outside the method, or keep the values in locals");
            return Optional.empty();
        }
        List<String> componentLocals = new ArrayList<>();
        for (int i = 0; i < type.components().size(); i++) {
            String c = type.components().get(i);
            if (MethodSelector.toTy(type.types().get(i)).isEmpty()) {
                error(
                        d,
                        what + ": component '" + c + "' has type "
                                + type.types().get(i) + ", and a differentiated"
                                + " method can hold only double, float, int, long, boolean and their arrays in locals; keep these values"
                                + " in locals of their own");
                return Optional.empty();
            }
            componentLocals.add(fresh(d.getNameAsString() + "_" + c));
        }
        return Optional.of(new LocalRecord(d, type, componentLocals));
    }

    /** Checks that {@code value}, given to local {@code l}, is a new record of its type or another of its locals by name. */
    private void checkValue(Expression value, LocalRecord l, Set<ObjectCreationExpr> held) {
        if (value instanceof ObjectCreationExpr n
                && n.getAnonymousClassBody().isEmpty()
                && typeOf(n)
                        .map(t -> t.declaration() == l.record().declaration())
                        .orElse(false)) {
            if (n.getArguments().size() == l.record().components().size()) {
                held.add(n);
            }
            return;
        }
        if (value instanceof NameExpr && !l.record().fields()) {
            return; // another record by name: a local (checked by its own uses) or a record parameter (read through
            // accessors)
        }
        value.findAll(ObjectCreationExpr.class).forEach(held::add); // reported here, once
        error(
                value,
                "'" + Positions.oneLine(value) + "' gives local '" + l.name() + "' a value other than a new "
                        + l.record().name() + "(...)" + (l.record().fields() ? "" : " or another record variable")
                        + ": the generator replaces"
                        + " it by its components and cannot see those of this value; create it with new "
                        + l.record().name() + "(...)");
    }

    private static boolean sameRecord(String other, LocalRecord l, List<LocalRecord> locals) {
        return locals.stream()
                .anyMatch(o -> o.name().equals(other)
                        && o.record().declaration() == l.record().declaration());
    }

    private static boolean declaresMethod(RecordDeclaration r, String name) {
        return r.getMethods().stream()
                .anyMatch(m ->
                        m.getNameAsString().equals(name) && m.getParameters().isEmpty());
    }

    private String fresh(String base) {
        String name = base;
        while (taken.contains(name)) {
            name = "_" + name;
        }
        taken.add(name);
        return name;
    }

    private void error(Node at, String message) {
        diagnostics.add(Positions.error(file, at, message));
    }
}
