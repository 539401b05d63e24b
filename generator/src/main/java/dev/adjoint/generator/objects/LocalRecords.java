package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
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
 * user wrote (its values need not be the arguments).
 */
final class LocalRecords {
    private final Path file;
    private final String packageName;
    private final MethodDeclaration method;
    private final RecordTypes records;
    private final List<Diagnostic> diagnostics;
    private final Set<String> taken = new TreeSet<>();

    /** One local of a record type: its declaration, the record, and each component's local. */
    private record Local(VariableDeclarator declarator, RecordDeclaration record, List<String> componentLocals) {
        String name() {
            return declarator.getNameAsString();
        }

        int indexOf(String component) {
            NodeList<Parameter> ps = record.getParameters();
            for (int i = 0; i < ps.size(); i++) {
                if (ps.get(i).getNameAsString().equals(component)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private LocalRecords(Path file, String packageName, MethodDeclaration method, RecordTypes records, Set<String> reserved,
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
    static boolean expand(Path file, String packageName, MethodDeclaration m, RecordTypes records, Set<String> reserved,
            List<Diagnostic> diagnostics) {
        int before = diagnostics.size();
        new LocalRecords(file, packageName, m, records, reserved, diagnostics).run();
        return diagnostics.size() > before;
    }

    private void run() {
        int before = diagnostics.size();
        List<Local> locals = new ArrayList<>();
        Set<ObjectCreationExpr> held = Collections.newSetFromMap(new IdentityHashMap<>());
        for (VariableDeclarator d : method.findAll(VariableDeclarator.class)) {
            Type declared = d.getType().isVarType() && d.getInitializer().orElse(null) instanceof ObjectCreationExpr n ? n.getType()
                    : d.getType();
            if (records.isPlainClass(declared)) {
                error(d, "local '" + d.getNameAsString() + "' of type " + declared + ": a differentiated method can hold records of"
                        + " the sources (replaced by their components), not objects of other classes, whose fields may change and"
                        + " whose methods may do anything; make " + declared + " a record, or keep its numbers in local variables");
                continue;
            }
            recordOf(d).ifPresent(r -> local(d, r).ifPresentOrElse(locals::add, () -> d.getInitializer()
                    .filter(i -> i instanceof ObjectCreationExpr).ifPresent(i -> held.add((ObjectCreationExpr) i))));
        }
        Map<Node, Local> owner = new IdentityHashMap<>(); // each use, and each read, to the local it names
        List<MethodCallExpr> reads = new ArrayList<>();
        List<ExpressionStmt> assignments = new ArrayList<>();
        for (Local l : locals) {
            l.declarator().getInitializer().ifPresent(init -> checkValue(init, l, held));
            for (NameExpr use : usesOf(l)) {
                owner.put(use, l);
                Node parent = use.getParentNode().orElseThrow();
                if (parent instanceof MethodCallExpr call && call.getScope().filter(s -> s == use).isPresent()
                        && call.getArguments().isEmpty() && l.indexOf(call.getNameAsString()) >= 0) {
                    if (declaresMethod(l.record(), call.getNameAsString())) {
                        error(call, "'" + call + "' calls an accessor that record " + l.record().getNameAsString() + " declares"
                                + " itself: its value need not be the component's, so its derivative is unknown; use the"
                                + " generated accessor, or compute the value from the components");
                    } else {
                        reads.add(call);
                        owner.put(call, l);
                    }
                } else if (parent instanceof AssignExpr a && a.getTarget() == use && a.getOperator() == AssignExpr.Operator.ASSIGN
                        && a.getParentNode().filter(p -> p instanceof ExpressionStmt).isPresent()) {
                    checkValue(a.getValue(), l, held);
                    assignments.add((ExpressionStmt) a.getParentNode().get());
                    arrayComponent(l).ifPresent(c -> error(a, "'" + Positions.oneLine(a) + "' assigns local record '" + l.name()
                            + "' again, and its component '" + c + "' is an array: neither strategy follows an array variable assigned"
                            + " again; declare a new local record for the new value"));
                } else if (parent instanceof AssignExpr a && a.getValue() == use && a.getTarget() instanceof NameExpr t
                        && sameRecord(t.getNameAsString(), l, locals)) {
                    continue; // a copy into another local record: checked there
                } else if (parent instanceof VariableDeclarator v && locals.stream().anyMatch(o -> o.declarator() == v)
                        && sameRecord(v.getNameAsString(), l, locals)) {
                    continue;
                } else {
                    error(parent, "'" + Positions.oneLine(parent) + "' uses local record '" + l.name() + "' other than reading its"
                            + " components: a record created in a differentiated method is replaced by its components (" + l.name()
                            + "." + l.record().getParameters().get(0).getNameAsString() + "()), which is exact only while the"
                            + " record stays in the method or goes to a @Differentiable static method of the sources; pass or"
                            + " store its components instead of the record");
                }
            }
        }
        for (ObjectCreationExpr n : method.findAll(ObjectCreationExpr.class)) {
            if (!held.contains(n) && records.resolve(n.getType(), packageName).isPresent()) {
                error(n, "'" + Positions.oneLine(n) + "' creates a record that leaves the method's local variables (it is "
                        + "returned, stored, passed on or used in an expression): a differentiated method replaces a record it creates"
                        + " by its components, which is exact only for a record held in a local variable (Vec v = new Vec(x, y);"
                        + " v.x()); declare a local for it, and return or pass on its components");
            }
        }
        if (diagnostics.size() > before) {
            return;
        }
        for (MethodCallExpr call : reads) {
            Local l = owner.get(call);
            NameExpr component = new NameExpr(l.componentLocals().get(l.indexOf(call.getNameAsString())));
            call.getRange().ifPresent(component::setRange);
            call.replace(component);
        }
        for (ExpressionStmt s : assignments) {
            AssignExpr a = (AssignExpr) s.getExpression();
            splice(s, assign(owner.get(a.getTarget()), a.getValue(), false, owner));
        }
        for (Local l : locals) {
            ExpressionStmt s = (ExpressionStmt) l.declarator().getParentNode().orElseThrow().getParentNode().orElseThrow();
            VariableDeclarationExpr decl = (VariableDeclarationExpr) s.getExpression();
            List<Statement> replacement = new ArrayList<>();
            for (VariableDeclarator v : decl.getVariables()) {
                if (v != l.declarator()) {
                    replacement.add(at(new ExpressionStmt(new VariableDeclarationExpr(v.clone())), s));
                } else if (v.getInitializer().isPresent()) {
                    replacement.addAll(assign(l, v.getInitializer().get(), true, owner));
                } else {
                    for (int i = 0; i < l.componentLocals().size(); i++) {
                        replacement.add(at(new ExpressionStmt(new VariableDeclarationExpr(componentType(l, i),
                                l.componentLocals().get(i))), s));
                    }
                }
            }
            splice(s, replacement);
        }
    }

    /** The statements giving {@code l}'s components the value {@code value} (a new record or another record by name). */
    private List<Statement> assign(Local l, Expression value, boolean declare, Map<Node, Local> owner) {
        List<Expression> parts = new ArrayList<>();
        if (value instanceof ObjectCreationExpr n) {
            parts.addAll(n.getArguments());
        } else {
            String source = ((NameExpr) value).getNameAsString();
            Local from = owner.get(value);
            for (int i = 0; i < l.componentLocals().size(); i++) {
                parts.add(from != null ? new NameExpr(from.componentLocals().get(i))
                        : new MethodCallExpr(new NameExpr(source), l.record().getParameters().get(i).getNameAsString()));
            }
        }
        // Java evaluates every argument before the record changes: fresh locals when a later one reads it
        boolean staged = !declare && parts.stream().anyMatch(p -> !p.findAll(NameExpr.class,
                e -> e.getNameAsString().equals(l.name()) || l.componentLocals().contains(e.getNameAsString())).isEmpty());
        List<Statement> out = new ArrayList<>();
        List<String> staging = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Expression part = parts.get(i).clone();
            String target = l.componentLocals().get(i);
            if (declare || staged) {
                String name = declare ? target : fresh("next_" + target);
                staging.add(name);
                out.add(at(new ExpressionStmt(new VariableDeclarationExpr(new VariableDeclarator(componentType(l, i), name, part))),
                        value));
            } else {
                out.add(at(new ExpressionStmt(new AssignExpr(new NameExpr(target), part, AssignExpr.Operator.ASSIGN)), value));
            }
        }
        if (staged) {
            for (int i = 0; i < parts.size(); i++) {
                out.add(at(new ExpressionStmt(new AssignExpr(new NameExpr(l.componentLocals().get(i)), new NameExpr(staging.get(i)),
                        AssignExpr.Operator.ASSIGN)), value));
            }
        }
        return out;
    }

    /** The record {@code d} declares a local of, if it is one of the sources. */
    private Optional<RecordDeclaration> recordOf(VariableDeclarator d) {
        Type type = d.getType();
        if (type.isVarType()) {
            return d.getInitializer().filter(i -> i instanceof ObjectCreationExpr)
                    .flatMap(i -> records.resolve(((ObjectCreationExpr) i).getType(), packageName)).map(RecordTypes.Found::declaration);
        }
        return records.resolve(type, packageName).map(RecordTypes.Found::declaration);
    }

    /** {@code d} as a local record, or empty after reporting why it cannot be one. */
    private Optional<Local> local(VariableDeclarator d, RecordDeclaration r) {
        Node decl = d.getParentNode().orElseThrow();
        Node stmt = decl.getParentNode().orElse(null);
        String what = "local record '" + d.getNameAsString() + "' of type " + r.getNameAsString();
        if (!(decl instanceof VariableDeclarationExpr) || !(stmt instanceof ExpressionStmt s)
                || !(s.getParentNode().orElse(null) instanceof BlockStmt || s.getParentNode().orElse(null) instanceof SwitchEntry)) {
            error(d, what + " is declared where its components cannot be (a for header, a resource): declare it as a statement of"
                    + " its own in a block");
            return Optional.empty();
        }
        if (!r.getConstructors().isEmpty() || !r.getCompactConstructors().isEmpty()) {
            error(d, what + ": record " + r.getNameAsString() + " declares a constructor, which may check or change the values it"
                    + " is given, so its components need not be the arguments; a differentiated method can create records with"
                    + " the implicit constructor only: create it outside the method, or keep the values in locals");
            return Optional.empty();
        }
        List<String> componentLocals = new ArrayList<>();
        for (Parameter c : r.getParameters()) {
            if (MethodSelector.toTy(c.getType()).isEmpty()) {
                error(d, what + ": component '" + c.getNameAsString() + "' has type " + c.getType() + ", and a differentiated"
                        + " method can hold only double, float, int, long, boolean and their arrays in locals; keep these values"
                        + " in locals of their own");
                return Optional.empty();
            }
            componentLocals.add(fresh(d.getNameAsString() + "_" + c.getNameAsString()));
        }
        return Optional.of(new Local(d, r, componentLocals));
    }

    /** Checks that {@code value}, given to local {@code l}, is a new record of its type or another of its locals by name. */
    private void checkValue(Expression value, Local l, Set<ObjectCreationExpr> held) {
        if (value instanceof ObjectCreationExpr n && n.getAnonymousClassBody().isEmpty()
                && records.resolve(n.getType(), packageName).map(f -> f.declaration() == l.record()).orElse(false)) {
            if (n.getArguments().size() == l.record().getParameters().size()) {
                held.add(n);
            }
            return;
        }
        if (value instanceof NameExpr) {
            return; // another record by name: a local (checked by its own uses) or a record parameter (read through accessors)
        }
        value.findAll(ObjectCreationExpr.class).forEach(held::add); // reported here, once
        error(value, "'" + Positions.oneLine(value) + "' gives local record '" + l.name() + "' a value other than a new "
                + l.record().getNameAsString() + "(...) or another record variable: the generator replaces a local record by its"
                + " components and cannot see those of this value; create it with new " + l.record().getNameAsString() + "(...)");
    }

    /** The names in scope of {@code l}'s declaration: the rest of its declaration and the statements after it in its block. */
    private List<NameExpr> usesOf(Local l) {
        ExpressionStmt s = (ExpressionStmt) l.declarator().getParentNode().orElseThrow().getParentNode().orElseThrow();
        NodeList<Statement> block = s.getParentNode().orElseThrow() instanceof BlockStmt b ? b.getStatements()
                : ((SwitchEntry) s.getParentNode().orElseThrow()).getStatements();
        List<NameExpr> uses = new ArrayList<>();
        boolean after = false;
        for (Statement t : block) {
            if (t == s) {
                after = true;
                VariableDeclarationExpr decl = (VariableDeclarationExpr) s.getExpression();
                boolean later = false;
                for (VariableDeclarator v : decl.getVariables()) {
                    if (later) {
                        uses.addAll(v.findAll(NameExpr.class, n -> n.getNameAsString().equals(l.name())));
                    }
                    later |= v == l.declarator();
                }
            } else if (after) {
                uses.addAll(t.findAll(NameExpr.class, n -> n.getNameAsString().equals(l.name())));
            }
        }
        return uses;
    }

    /** The first array component of {@code l}'s record, if any. */
    private static Optional<String> arrayComponent(Local l) {
        return l.record().getParameters().stream().filter(c -> c.getType().isArrayType()).map(Parameter::getNameAsString).findFirst();
    }

    private static boolean sameRecord(String other, Local l, List<Local> locals) {
        return locals.stream().anyMatch(o -> o.name().equals(other) && o.record() == l.record());
    }

    private static boolean declaresMethod(RecordDeclaration r, String name) {
        return r.getMethods().stream().anyMatch(m -> m.getNameAsString().equals(name) && m.getParameters().isEmpty());
    }

    private static Type componentType(Local l, int i) {
        return l.record().getParameters().get(i).getType().clone();
    }

    private String fresh(String base) {
        String name = base;
        while (taken.contains(name)) {
            name = "_" + name;
        }
        taken.add(name);
        return name;
    }

    /** {@code s}, each of its new nodes placed at {@code where} (for the later passes' errors). */
    private static Statement at(Statement s, Node where) {
        where.getRange().ifPresent(r -> s.walk(n -> {
            if (n.getRange().isEmpty()) {
                n.setRange(r);
            }
        }));
        return s;
    }

    /** Puts {@code replacement} where {@code s} was: into its block or case, or as a block of its own. */
    private static void splice(Statement s, List<Statement> replacement) {
        Node parent = s.getParentNode().orElseThrow();
        NodeList<Statement> list = parent instanceof BlockStmt b ? b.getStatements()
                : parent instanceof SwitchEntry e ? e.getStatements() : null;
        if (list == null) {
            BlockStmt block = new BlockStmt(new NodeList<>(replacement));
            s.getRange().ifPresent(block::setRange);
            s.replace(block);
            return;
        }
        int at = 0;
        while (list.get(at) != s) {
            at++; // by identity: NodeList.indexOf compares by structure
        }
        list.remove(at);
        list.addAll(at, replacement);
    }

    private void error(Node at, String message) {
        diagnostics.add(Positions.error(file, at, message));
    }
}
