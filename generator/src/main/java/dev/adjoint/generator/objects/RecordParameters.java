package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.types.Ty;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodSelector;
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
    static List<Receiver.RecordParam> expand(Path file, String packageName, MethodDeclaration m, RecordTypes records, boolean apply,
            List<Diagnostic> diagnostics) {
        List<Receiver.RecordParam> out = new ArrayList<>();
        Set<String> taken = new TreeSet<>();
        m.findAll(Parameter.class).forEach(p -> taken.add(p.getNameAsString()));
        m.findAll(VariableDeclarator.class).forEach(v -> taken.add(v.getNameAsString()));
        List<Parameter> params = new ArrayList<>(m.getParameters());
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            Optional<ElementArrays.Element> element = ElementArrays.elementOf(p.getType(), packageName, records);
            if (element.isPresent()) {
                out.add(new ElementArrays(file, packageName, m, p, element.get(), taken, diagnostics).expand(i, apply));
                continue;
            }
            Optional<RecordTypes.Found> found = records.resolve(p.getType(), packageName);
            if (found.isEmpty()) {
                continue;
            }
            out.add(expandOne(file, m, p, i, found.get(), records, taken, apply, diagnostics));
        }
        return out;
    }

    /**
     * The leaves of a record, depth first in declaration order: a component the generator carries
     * is a leaf named after its path ({@code p_in_x} for {@code p.in().x()}), a component that is a
     * record of the sources is its components' leaves, any other component is left out (reading it
     * is an error).
     */
    private static final class Tree {
        final Map<String, Receiver.Leaf> leaves = new TreeMap<>(); // by path, "in.x"
        final List<Receiver.Leaf> ordered = new ArrayList<>();
        final Map<String, String> unsupported = new TreeMap<>(); // path to its type, as written
        final Map<String, RecordTypes.Found> nested = new LinkedHashMap<>(); // path to the record there
        final Map<String, com.github.javaparser.ast.type.Type> declared = new TreeMap<>(); // leaf parameter to its type

        void add(RecordTypes.Found r, String path, String base, RecordTypes records, Set<String> taken, Set<RecordDeclaration> open) {
            open.add(r.declaration());
            for (Parameter c : r.declaration().getParameters()) {
                String full = path.isEmpty() ? c.getNameAsString() : path + "." + c.getNameAsString();
                Optional<Ty> ty = MethodSelector.toTy(c.getType());
                Optional<RecordTypes.Found> inner = records.resolve(c.getType(), r.packageName());
                if (ty.isPresent()) {
                    String leaf = base + "_" + c.getNameAsString();
                    while (taken.contains(leaf)) {
                        leaf = "_" + leaf;
                    }
                    taken.add(leaf);
                    Receiver.Leaf l = new Receiver.Leaf(full, leaf, ty.get(), false);
                    leaves.put(full, l);
                    ordered.add(l);
                    declared.put(leaf, c.getType());
                } else if (inner.isPresent() && !open.contains(inner.get().declaration())) {
                    nested.put(full, inner.get());
                    add(inner.get(), full, base + "_" + c.getNameAsString(), records, taken, open);
                } else {
                    unsupported.put(full, c.getType().toString());
                }
            }
            open.remove(r.declaration());
        }
    }

    /** The error for {@code parent}, a use of the record at {@code at} ({@code path} from parameter {@code name}) other than a read. */
    private static Diagnostic otherUse(Path file, NameExpr use, Node parent, Node at, String path, String name, Tree tree) {
        return Positions.error(file, parent == null ? use : parent, "'" + (parent == null ? use : parent) + "' uses record "
                + (path.isEmpty() ? "parameter '" + name + "'" : "'" + at + "'") + " other than reading its components ('" + name + "."
                + (tree.ordered.isEmpty() ? "k" : tree.ordered.get(0).field().replace(".", "().")) + "()'): a differentiated method"
                + " reads a record's components and may pass the record to a @Differentiable static method of the sources, but cannot"
                + " pass it elsewhere or call its other methods; pass the components instead, or mark the callee @Differentiable");
    }

    /** Expands record parameter {@code p} (the {@code position}-th of the user's) of {@code m}. */
    private static Receiver.RecordParam expandOne(Path file, MethodDeclaration m, Parameter p, int position, RecordTypes.Found found,
            RecordTypes records, Set<String> taken, boolean apply, List<Diagnostic> diagnostics) {
        String name = p.getNameAsString();
        Tree tree = new Tree();
        tree.add(found, "", name, records, taken, new java.util.HashSet<>());
        int before = diagnostics.size();
        Map<MethodCallExpr, Receiver.Leaf> reads = new java.util.IdentityHashMap<>(); // (nodes are equal by structure)
        for (NameExpr use : m.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            // follow the accessor chain p.in().x() down to a leaf
            Node at = use;
            String path = "";
            RecordTypes.Found record = found;
            while (true) {
                Node parent = at.getParentNode().orElse(null);
                final Node scope = at;
                if (!(parent instanceof MethodCallExpr call && call.getScope().filter(s -> s == scope).isPresent()
                        && call.getArguments().isEmpty())) {
                    diagnostics.add(otherUse(file, use, parent, at, path, name, tree));
                    break;
                }
                String component = call.getNameAsString();
                String full = path.isEmpty() ? component : path + "." + component;
                boolean own = record.declaration().getMethods().stream()
                        .anyMatch(d -> d.getParameters().isEmpty() && d.getNameAsString().equals(component));
                boolean known = tree.leaves.containsKey(full) || tree.nested.containsKey(full) || tree.unsupported.containsKey(full);
                if (own && known) {
                    diagnostics.add(Positions.error(file, call, "'" + call + "' calls an accessor that record "
                            + record.declaration().getNameAsString() + " declares itself: its value need not be the"
                            + " component's, so its derivative is unknown; use the generated accessor, or pass the value"));
                    break;
                }
                if (tree.leaves.containsKey(full)) {
                    reads.put(call, tree.leaves.get(full));
                    break;
                }
                if (tree.nested.containsKey(full)) {
                    at = call;
                    path = full;
                    record = tree.nested.get(full);
                    continue;
                }
                if (tree.unsupported.containsKey(full)) {
                    diagnostics.add(Positions.error(file, call, "'" + call + "' reads component '" + component + "' of type "
                            + tree.unsupported.get(full) + ": a differentiated method can read record components of type"
                            + " double, float, int, long, boolean and their arrays, and records of the sources; pass this value as a"
                            + " parameter"));
                    break;
                }
                diagnostics.add(otherUse(file, use, call, at, path, name, tree)); // p.hashCode(), p.in().toString()
                break;
            }
        }
        if (diagnostics.size() == before && apply) {
            reads.forEach((call, l) -> {
                NameExpr leaf = new NameExpr(l.param());
                call.getRange().ifPresent(leaf::setRange);
                call.replace(leaf);
            });
            int at = m.getParameters().indexOf(p);
            m.getParameters().remove(p);
            for (int k = tree.ordered.size() - 1; k >= 0; k--) {
                Receiver.Leaf l = tree.ordered.get(k);
                m.getParameters().add(at, new Parameter(tree.declared.get(l.param()).clone(), l.param()));
            }
        }
        List<Receiver.Nested> nested = new ArrayList<>();
        tree.nested.forEach((path, r) -> nested.add(new Receiver.Nested(path, r.packageName(), r.path(),
                r.file().getFileName().toString())));
        return new Receiver.RecordParam(position, name, found.packageName(), found.path(), found.file().getFileName().toString(),
                tree.ordered, false, Optional.empty(), nested, Optional.empty());
    }
}
