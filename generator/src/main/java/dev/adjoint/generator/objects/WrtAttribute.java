package dev.adjoint.generator.objects;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code @Differentiable} annotation taken apart for a pass that rewrites its {@code wrt}: the
 * names {@code wrt} gives ({@code @Differentiable("w")} or {@code wrt = {"w", "b"}}), and copies of
 * its other attributes, to keep in the annotation written back. Both lists may be changed.
 */
record WrtAttribute(List<String> named, List<MemberValuePair> others) {
    static WrtAttribute of(AnnotationExpr ann) {
        List<String> named = new ArrayList<>();
        List<MemberValuePair> others = new ArrayList<>();
        if (ann instanceof SingleMemberAnnotationExpr s) {
            named.addAll(dev.adjoint.generator.select.MethodSelector.strings(s.getMemberValue()));
        } else if (ann instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) {
                if (p.getNameAsString().equals("wrt")) {
                    named.addAll(dev.adjoint.generator.select.MethodSelector.strings(p.getValue()));
                } else {
                    others.add(p.clone());
                }
            }
        }
        return new WrtAttribute(named, others);
    }
}
