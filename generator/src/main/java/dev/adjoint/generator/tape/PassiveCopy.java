package dev.adjoint.generator.tape;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.rules.DerivativeRules;
import dev.adjoint.generator.select.MethodRequest;

/**
 * The text of a value without derivative (a condition, an index, an int expression), as the
 * recorder copies it: the user's variables keep their names, while what the user's class could
 * name unqualified is qualified, since the recorder lives in the adjoint class.
 */
final class PassiveCopy {
    private final RecorderState st;

    PassiveCopy(RecorderState st) {
        this.st = st;
    }

    /** {@code e} as Java text that reads the same in the adjoint class. */
    String text(Expression e) {
        MethodRequest request = st.request;
        Expression c = e.clone();
        for (MethodCallExpr m : c.findAll(MethodCallExpr.class)) {
            if (m.getScope().isEmpty()) {
                if (request.importsMath(m.getNameAsString()) && DerivativeRules.isMathFunction(m.getNameAsString(), m.getArguments().size())) {
                    m.setScope(new NameExpr("Math"));
                } else {
                    st.calls.resolve(m).ifPresent(entry -> m.setScope(new NameExpr(entry.ownerQualified())));
                }
            } else {
                st.calls.resolve(m).ifPresent(entry -> m.setScope(new NameExpr(entry.ownerQualified())));
            }
        }
        for (FieldAccessExpr f : c.findAll(FieldAccessExpr.class)) {
            if (f.getScope() instanceof NameExpr sc && request.ownerPath().contains(sc.getNameAsString())
                    && request.staticFields().containsKey(f.getNameAsString())) {
                f.replace(new NameExpr(request.qualifiedField(f.getNameAsString())));
            }
        }
        for (NameExpr n : c.findAll(NameExpr.class)) {
            String id = n.getNameAsString();
            if (st.scope.lookup(id).isEmpty() && !request.staticFields().containsKey(id) && (id.equals("PI") || id.equals("E"))
                    && request.importsMath(id) && n.getParentNode().filter(p -> p instanceof MethodCallExpr || p instanceof FieldAccessExpr).isEmpty()) {
                n.replace(new NameExpr("Math." + id));
            }
        }
        if (c instanceof NameExpr n0 && st.scope.lookup(n0.getNameAsString()).isEmpty() && (n0.getNameAsString().equals("PI")
                || n0.getNameAsString().equals("E")) && request.importsMath(n0.getNameAsString())
                && !request.staticFields().containsKey(n0.getNameAsString())) {
            return "Math." + n0.getNameAsString();
        }
        if (c instanceof FieldAccessExpr f0 && f0.getScope() instanceof NameExpr sc0 && request.ownerPath().contains(sc0.getNameAsString())
                && request.staticFields().containsKey(f0.getNameAsString())) {
            return request.qualifiedField(f0.getNameAsString());
        }
        for (NameExpr n : c.findAll(NameExpr.class)) {
            if (st.scope.lookup(n.getNameAsString()).isEmpty() && request.staticFields().containsKey(n.getNameAsString())
                    && n.getParentNode().filter(p -> p instanceof MethodCallExpr || p instanceof FieldAccessExpr).isEmpty()) {
                n.replace(new NameExpr(request.qualifiedField(n.getNameAsString())));
            }
        }
        if (c instanceof NameExpr n && st.scope.lookup(n.getNameAsString()).isEmpty() && request.staticFields().containsKey(n.getNameAsString())) {
            return request.qualifiedField(n.getNameAsString());
        }
        return c.toString();
    }
}
