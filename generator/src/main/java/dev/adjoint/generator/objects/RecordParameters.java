package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replaces each record parameter of a {@code @Differentiable} method by one parameter per
 * component, in its place ({@code Params p} becomes {@code double p_k, double p_c}), and each
 * accessor call {@code p.k()} by that parameter: a record's components are final, so the values
 * the generated code reads once on entry are the values the method reads. Any other use of the
 * record (passing it on, {@code p.toString()}, {@code p == q}) is an error at its position.
 */
final class RecordParameters {
    private RecordParameters() {}

    /**
     * The record parameters of {@code m}, expanded in place; empty when it has none. Problems go to
     * {@code diagnostics}; with {@code apply} false, {@code m} is only checked.
     */
    static List<Receiver.RecordParam> expand(
            Path file,
            String packageName,
            MethodDeclaration m,
            RecordTypes records,
            boolean apply,
            List<Diagnostic> diagnostics) {
        List<Receiver.RecordParam> out = new ArrayList<>();
        Set<String> taken = new TreeSet<>();
        m.findAll(Parameter.class).forEach(p -> taken.add(p.getNameAsString()));
        m.findAll(VariableDeclarator.class).forEach(v -> taken.add(v.getNameAsString()));
        List<Parameter> params = new ArrayList<>(m.getParameters());
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            Optional<ElementType> element = ElementType.of(p.getType(), packageName, records);
            if (element.isPresent()) {
                out.add(new ElementArrays(file, packageName, m, p, element.get(), taken, diagnostics).expand(i, apply));
                continue;
            }
            Optional<RecordTypes.Shape> found = records.shape(p.getType(), packageName, packageName);
            if (found.isEmpty()) {
                continue;
            }
            out.add(expandOne(file, packageName, m, p, i, found.get(), records, taken, apply, diagnostics));
        }
        return out;
    }

    /**
     * The leaves of a record or object, depth first in declaration order: a component or field
     * the generator carries is a leaf named after its path ({@code p_in_x} for {@code p.in().x()}),
     * one that is a record or class of the sources is its members' leaves, any other is left out
     * (reading it is an error), as is a field the generated class cannot read.
     */
    private static final class Tree {
        final Map<String, Receiver.Leaf> leaves = new TreeMap<>(); // by path, "in.x"
        final List<Receiver.Leaf> ordered = new ArrayList<>();
        final Map<String, String> unsupported = new TreeMap<>(); // path to its type, as written
        final Map<String, String> hidden = new TreeMap<>(); // path to why the generated class cannot read it
        final Map<String, RecordTypes.Shape> nested = new LinkedHashMap<>(); // path to the record or class there
        final Map<String, com.github.javaparser.ast.type.Type> declared = new TreeMap<>(); // leaf parameter to its type

        void add(
                RecordTypes.Shape r,
                String path,
                String base,
                String reader,
                RecordTypes records,
                Set<String> taken,
                Set<Node> open) {
            open.add(r.declaration());
            r.members().forEach((name, type) -> {
                String full = path.isEmpty() ? name : path + "." + name;
                Optional<Ty> ty = MethodSelector.toTy(type);
                Optional<RecordTypes.Shape> inner = records.shape(type, r.packageName(), reader);
                if (r.hidden().containsKey(name)) {
                    hidden.put(full, r.hidden().get(name));
                } else if (ty.isPresent()) {
                    String leaf = base + "_" + name;
                    while (taken.contains(leaf)) {
                        leaf = "_" + leaf;
                    }
                    taken.add(leaf);
                    Receiver.Leaf l = new Receiver.Leaf(full, leaf, ty.get(), false);
                    leaves.put(full, l);
                    ordered.add(l);
                    declared.put(leaf, type);
                } else if (inner.isPresent() && !open.contains(inner.get().declaration())) {
                    nested.put(full, inner.get());
                    add(inner.get(), full, base + "_" + name, reader, records, taken, open);
                } else {
                    unsupported.put(full, type.toString());
                }
            });
            open.remove(r.declaration());
        }
    }

    /** The error for {@code parent}, a use of the record or object at {@code at} ({@code path} from parameter {@code name}) other than a read. */
    private static Diagnostic otherUse(
            Path file, NameExpr use, Node parent, Node at, String path, String name, Tree tree, RecordTypes.Shape top) {
        String what = top.accessors() ? "record" : "object";
        String example = tree.ordered.isEmpty()
                ? top.read(name, "k")
                : Receiver.readPath(
                        top.accessors(),
                        nestedOf(tree),
                        name,
                        tree.ordered.get(0).field());
        return Positions.error(
                file,
                parent == null ? use : parent,
                "'" + (parent == null ? use : parent) + "' uses " + what + " "
                        + (path.isEmpty() ? "parameter '" + name + "'" : "'" + at + "'") + " other than reading its "
                        + (top.accessors() ? "components" : "fields") + " ('" + example
                        + "'): a differentiated method reads "
                        + (top.accessors() ? "a record's " : "an object's ")
                        + (top.accessors()
                                ? "components and may pass the record to a @Differentiable method of the sources"
                                        + " or to a plain helper (static, or an instance method of the class) that only reads its"
                                        + " components, and call its methods (which read its"
                                        + " components, constants and parameters), but cannot pass it"
                                        + " elsewhere or call its other methods; pass the components instead, or mark the callee @Differentiable"
                                : "fields (writes into their arrays), may pass the object to a @Differentiable method of the"
                                        + " sources and call the methods of a final class that assign none of its fields (or final methods: an"
                                        + " object of a subclass may override another), but cannot assign its fields, pass it elsewhere or call its"
                                        + " other methods; pass the numbers instead, or mark the callee @Differentiable"));
    }

    /** Expands record or object parameter {@code p} (the {@code position}-th of the user's) of {@code m}, in package {@code pkg}. */
    private static Receiver.RecordParam expandOne(
            Path file,
            String pkg,
            MethodDeclaration m,
            Parameter p,
            int position,
            RecordTypes.Shape found,
            RecordTypes records,
            Set<String> taken,
            boolean apply,
            List<Diagnostic> diagnostics) {
        String name = p.getNameAsString();
        Tree tree = new Tree();
        tree.add(found, "", name, pkg, records, taken, new java.util.HashSet<>());
        int before = diagnostics.size();
        Map<Expression, Receiver.Leaf> reads = new java.util.IdentityHashMap<>(); // (nodes are equal by structure)
        List<NameExpr> passed = new ArrayList<>(); // a held record passed to a callee that takes it (HeldCallees)
        for (NameExpr use : m.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            if (HeldCallees.passesOn(use.getParentNode().orElse(null), use)) {
                passed.add(use);
                continue;
            }
            // follow the chain p.in().x() (s.p.k for objects) down to a leaf
            Node at = use;
            String path = "";
            RecordTypes.Shape record = found;
            while (true) {
                Node parent = at.getParentNode().orElse(null);
                final Node scope = at;
                String component;
                Expression step;
                if (record.accessors()
                        && parent instanceof MethodCallExpr call
                        && call.getScope().filter(s -> s == scope).isPresent()
                        && call.getArguments().isEmpty()) {
                    component = call.getNameAsString();
                    step = call;
                } else if (!record.accessors()
                        && parent instanceof FieldAccessExpr field
                        && field.getScope() == scope) {
                    component = field.getNameAsString();
                    step = field;
                } else {
                    diagnostics.add(otherUse(file, use, parent, at, path, name, tree, found));
                    break;
                }
                String full = path.isEmpty() ? component : path + "." + component;
                boolean known = tree.leaves.containsKey(full)
                        || tree.nested.containsKey(full)
                        || tree.unsupported.containsKey(full);
                if (record.ownAccessors().contains(component) && known) {
                    diagnostics.add(
                            Positions.error(
                                    file,
                                    step,
                                    "'" + step + "' calls an accessor that record "
                                            + record.path().get(record.path().size() - 1)
                                            + " declares itself: its value need not be the"
                                            + " component's, so its derivative is unknown; use the generated accessor, or pass the value"));
                    break;
                }
                if (!record.accessors()
                        && (tree.leaves.containsKey(full) || tree.nested.containsKey(full))
                        && FieldReads.isAssigned(step)) {
                    Node shown = step.getParentNode().orElse(step);
                    diagnostics.add(Positions.error(
                            file,
                            shown,
                            "'" + Positions.oneLine(shown) + "' assigns field '" + component
                                    + "' of parameter '" + name
                                    + "': a differentiated method reads an object parameter's fields once, on"
                                    + " entry (and may write into their arrays), so it cannot assign them; assign a local variable"
                                    + " instead, or make the method an instance method of "
                                    + record.path().get(record.path().size() - 1)
                                    + " with wrt = \"this\""));
                    break;
                }
                if (tree.leaves.containsKey(full)) {
                    reads.put(step, tree.leaves.get(full));
                    break;
                }
                if (tree.nested.containsKey(full)) {
                    at = step;
                    path = full;
                    record = tree.nested.get(full);
                    continue;
                }
                if (tree.hidden.containsKey(full)) {
                    diagnostics.add(
                            Positions.error(
                                    file,
                                    step,
                                    "'" + step + "' reads field '" + component + "' of "
                                            + record.kind() + ", which the generated class cannot read: "
                                            + tree.hidden.get(full) + "; make it"
                                            + " public (or package-private, in the package of the method's class), or pass its value as a parameter"));
                    break;
                }
                if (tree.unsupported.containsKey(full)) {
                    diagnostics.add(Positions.error(
                            file,
                            step,
                            "'" + step + "' reads " + (record.accessors() ? "component" : "field")
                                    + " '" + component + "' of type " + tree.unsupported.get(full)
                                    + ": a differentiated method can read "
                                    + (record.accessors() ? "record components" : "the fields of an object")
                                    + " of type double, float, int,"
                                    + " long, boolean and their arrays, and records and classes of the sources; pass this value as a"
                                    + " parameter"));
                    break;
                }
                if (!record.accessors()) {
                    diagnostics.add(Positions.error(
                            file,
                            step,
                            "'" + step + "' reads '" + component + "', which is not an instance"
                                    + " field that " + record.kind()
                                    + " declares: a differentiated method reads the fields a class declares"
                                    + " itself; pass this value as a parameter"));
                    break;
                }
                diagnostics.add(
                        otherUse(file, use, step, at, path, name, tree, found)); // p.hashCode(), p.in().toString()
                break;
            }
        }
        if (diagnostics.size() == before && apply) {
            for (NameExpr use : passed) {
                // every leaf, in declaration order, as the callee's parameters come
                MethodCallExpr call = (MethodCallExpr) use.getParentNode().orElseThrow();
                int at = call.getArguments().indexOf(use);
                call.getArguments().remove(at);
                for (int k = tree.ordered.size() - 1; k >= 0; k--) {
                    call.getArguments()
                            .add(
                                    at,
                                    Positions.standAt(
                                            new NameExpr(tree.ordered.get(k).param()), use));
                }
            }
            reads.forEach((call, l) -> {
                NameExpr leaf = new NameExpr(l.param());
                call.getRange().ifPresent(leaf::setRange);
                call.replace(leaf);
            });
            int at = m.getParameters().indexOf(p);
            m.getParameters().remove(p);
            for (int k = tree.ordered.size() - 1; k >= 0; k--) {
                Receiver.Leaf l = tree.ordered.get(k);
                m.getParameters()
                        .add(at, new Parameter(tree.declared.get(l.param()).clone(), l.param()));
            }
        }
        return new Receiver.RecordParam(
                position,
                name,
                found.packageName(),
                found.path(),
                found.file().getFileName().toString(),
                tree.ordered,
                false,
                Optional.empty(),
                nestedOf(tree),
                Optional.empty(),
                found.accessors());
    }

    /** The nested records and objects of {@code tree}, outermost first. */
    private static List<Receiver.Nested> nestedOf(Tree tree) {
        List<Receiver.Nested> nested = new ArrayList<>();
        tree.nested.forEach((path, r) -> nested.add(new Receiver.Nested(
                path, r.packageName(), r.path(), r.file().getFileName().toString(), r.accessors())));
        return nested;
    }
}
