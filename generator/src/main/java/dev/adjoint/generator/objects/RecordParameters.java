package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.ir.Ty;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodSelector;
import java.nio.file.Path;
import java.util.ArrayList;
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
            String name = p.getNameAsString();
            Map<String, Receiver.Leaf> components = new TreeMap<>();
            List<Receiver.Leaf> ordered = new ArrayList<>();
            Map<String, String> unsupported = new TreeMap<>();
            Set<String> ownAccessors = new TreeSet<>();
            found.get().declaration().getMethods().stream().filter(d -> d.getParameters().isEmpty())
                    .forEach(d -> ownAccessors.add(d.getNameAsString()));
            for (Parameter c : found.get().declaration().getParameters()) {
                Optional<Ty> ty = MethodSelector.toTy(c.getType());
                if (ty.isEmpty()) {
                    unsupported.put(c.getNameAsString(), c.getType().toString());
                    continue;
                }
                String leaf = name + "_" + c.getNameAsString();
                while (taken.contains(leaf)) {
                    leaf = "_" + leaf;
                }
                taken.add(leaf);
                Receiver.Leaf l = new Receiver.Leaf(c.getNameAsString(), leaf, ty.get(), false);
                components.put(c.getNameAsString(), l);
                ordered.add(l);
            }
            int before = diagnostics.size();
            List<MethodCallExpr> reads = new ArrayList<>();
            for (NameExpr use : m.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
                Node parent = use.getParentNode().orElse(null);
                if (parent instanceof MethodCallExpr call && call.getScope().filter(s -> s == use).isPresent()
                        && call.getArguments().isEmpty()) {
                    String component = call.getNameAsString();
                    if (ownAccessors.contains(component) && (components.containsKey(component) || unsupported.containsKey(component))) {
                        diagnostics.add(Positions.error(file, call, "'" + call + "' calls an accessor that record "
                                + found.get().declaration().getNameAsString() + " declares itself: its value need not be the"
                                + " component's, so its derivative is unknown; use the generated accessor, or pass the value"));
                        continue;
                    }
                    if (components.containsKey(component)) {
                        reads.add(call);
                        continue;
                    }
                    if (unsupported.containsKey(component)) {
                        diagnostics.add(Positions.error(file, call, "'" + call + "' reads component '" + component + "' of type "
                                + unsupported.get(component) + ": a differentiated method can read record components of type"
                                + " double, float, int, long, boolean and their arrays; pass this value as a parameter"));
                        continue;
                    }
                }
                diagnostics.add(Positions.error(file, parent == null ? use : parent, "'" + (parent == null ? use : parent)
                        + "' uses record parameter '" + name + "' other than reading its components ('" + name + "."
                        + (ordered.isEmpty() ? "k" : ordered.get(0).field()) + "()'): a differentiated method reads a record's"
                        + " components and may pass the record to a @Differentiable static method of the sources, but cannot pass it"
                        + " elsewhere or call its other methods; pass the components instead, or mark the callee @Differentiable"));
            }
            if (diagnostics.size() == before && apply) {
                for (MethodCallExpr call : reads) {
                    NameExpr leaf = new NameExpr(components.get(call.getNameAsString()).param());
                    call.getRange().ifPresent(leaf::setRange);
                    call.replace(leaf);
                }
                int at = m.getParameters().indexOf(p);
                m.getParameters().remove(p);
                for (int k = ordered.size() - 1; k >= 0; k--) {
                    Receiver.Leaf l = ordered.get(k);
                    Parameter leafParam = new Parameter(found.get().declaration().getParameters().stream()
                            .filter(c -> c.getNameAsString().equals(l.field())).findFirst().orElseThrow().getType().clone(), l.param());
                    m.getParameters().add(at, leafParam);
                }
            }
            out.add(new Receiver.RecordParam(i, name, found.get().packageName(), found.get().path(),
                    found.get().file().getFileName().toString(), ordered, false, Optional.empty()));
        }
        return out;
    }
}
