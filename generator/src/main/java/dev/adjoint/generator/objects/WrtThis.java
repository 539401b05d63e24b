package dev.adjoint.generator.objects;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code wrt} of a lifted method, spelled out for the select pass: {@code "this"} becomes the
 * leaves of the object's {@code float}/{@code double} fields, a record parameter's name its
 * floating components' leaves, and no {@code wrt} the method's own floating parameters (fields and
 * records are then constants, as the README promises).
 */
final class WrtThis {
    private WrtThis() {}

    /**
     * What {@code wrt} names besides plain parameters.
     *
     * @param wrtThis whether it names {@code this}
     * @param records the record parameters, each marked whether it names it
     */
    record Wrt(boolean wrtThis, List<Receiver.RecordParam> records) {}

    /**
     * Rewrites the annotation of {@code m} (lifted: {@code own} parameters of its own, records
     * expanded, then the object's {@code leaves}).
     */
    static Wrt rewrite(
            Path file,
            MethodDeclaration m,
            int own,
            List<Receiver.Leaf> leaves,
            List<Receiver.RecordParam> records,
            List<Diagnostic> diagnostics) {
        Optional<AnnotationExpr> found = m.getAnnotations().stream()
                .filter(MethodSelector::isDifferentiable)
                .findFirst();
        if (found.isEmpty()) {
            return new Wrt(
                    false, records); // a callee: every floating parameter, leaves included, as for any plain callee
        }
        AnnotationExpr ann = found.get();
        WrtAttribute attribute = WrtAttribute.of(ann);
        List<String> named = attribute.named();
        List<MemberValuePair> kept = attribute.others();
        List<String> wrt = new ArrayList<>();
        boolean wrtThis = named.contains("this");
        java.util.Set<String> componentLeaves = new java.util.HashSet<>();
        records.forEach(r -> r.components().forEach(c -> componentLeaves.add(c.param())));
        if (named.isEmpty()) {
            for (Parameter p : m.getParameters().subList(0, own)) {
                if (MethodSelector.toTy(p.getType()).filter(t -> t.isFloating()).isPresent()
                        && !p.isVarArgs()
                        && !componentLeaves.contains(p.getNameAsString())) {
                    wrt.add(p.getNameAsString());
                }
            }
        }
        List<String> ownNames = new ArrayList<>(m.getParameters().subList(0, own).stream()
                .map(Parameter::getNameAsString)
                .filter(n -> !componentLeaves.contains(n))
                .toList());
        records.stream()
                .filter(r -> !r.isHeld())
                .forEach(r -> ownNames.add(r.position() <= ownNames.size() ? r.position() : ownNames.size(), r.name()));
        List<Receiver.RecordParam> marked = new ArrayList<>();
        for (Receiver.RecordParam r : records) {
            // a record or array of them the object holds is part of "this"
            marked.add(r.withWrt(r.isHeld() ? wrtThis : named.contains(r.name())));
        }
        for (String n : named) {
            if (!n.equals("this") && !ownNames.contains(n)) {
                diagnostics.add(Positions.error(
                        file,
                        ann,
                        "wrt names '" + n + "', which is not a parameter of '" + m.getNameAsString()
                                + "' (parameters: " + String.join(", ", ownNames)
                                + "); to differentiate with respect to the object's"
                                + " fields, name \"this\""));
                ann.remove(); // reported: the later passes need not see it
                return new Wrt(wrtThis, marked);
            }
            Optional<Receiver.RecordParam> record = records.stream()
                    .filter(r -> !r.isHeld() && r.name().equals(n))
                    .findFirst();
            if (n.equals("this")) {
                leaves.stream().filter(l -> l.type().isFloating()).forEach(l -> wrt.add(l.param()));
                records.stream()
                        .filter(Receiver.RecordParam::isHeld)
                        .forEach(r -> r.components().stream()
                                .filter(l -> l.type().isFloating())
                                .forEach(l -> wrt.add(l.param())));
            } else if (record.isPresent()) {
                record.get().components().stream()
                        .filter(l -> l.type().isFloating())
                        .forEach(l -> wrt.add(l.param()));
            } else {
                wrt.add(n);
            }
        }
        boolean floatingLeaf = leaves.stream().anyMatch(l -> l.type().isFloating())
                || records.stream()
                        .filter(Receiver.RecordParam::isHeld)
                        .anyMatch(r ->
                                r.components().stream().anyMatch(l -> l.type().isFloating()));
        if (wrt.isEmpty()) {
            List<Receiver.RecordParam> given =
                    records.stream().filter(r -> !r.isHeld()).toList();
            String recordHint = given.isEmpty()
                    ? ""
                    : "; add wrt = \"" + given.get(0).name() + "\" to differentiate with"
                            + " respect to the record's components";
            diagnostics.add(Positions.error(
                    file,
                    ann,
                    !named.isEmpty()
                            ? "wrt names " + named
                                    + ", which have no float or double field or component to differentiate with respect to"
                            : "nothing to differentiate: '" + m.getNameAsString() + "' has no float or double parameter"
                                    + (floatingLeaf
                                            ? "; add wrt = \"this\" to differentiate with respect to the object's fields"
                                            : recordHint.isEmpty()
                                                    ? "; add one, or remove @Differentiable"
                                                    : recordHint)));
            ann.remove();
            return new Wrt(wrtThis, marked);
        }
        NodeList<Expression> values = new NodeList<>();
        wrt.forEach(w -> values.add(new StringLiteralExpr(w)));
        kept.add(new MemberValuePair("wrt", new ArrayInitializerExpr(values)));
        NormalAnnotationExpr spelled = new NormalAnnotationExpr(ann.getName().clone(), new NodeList<>(kept));
        ann.getRange().ifPresent(spelled::setRange);
        ann.replace(spelled);
        return new Wrt(wrtThis, marked);
    }
}
