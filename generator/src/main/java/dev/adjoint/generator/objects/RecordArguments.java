package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A record passed on to a {@code @Differentiable} static method of the sources becomes its
 * components: the callee's record parameter is expanded into one parameter per component (see
 * {@link RecordParameters}), so {@code g(p, x)} becomes {@code g(p.k(), p.c(), x)} and
 * {@code g(new Params(a, b), x)} becomes {@code g(a, b, x)} (the same values, evaluated in the same
 * order, since a record's components are final and its implicit constructor only stores them).
 * The accessor calls are then read like any other, whether {@code p} is a record parameter or a
 * record the method creates ({@link LocalRecords}). A record of another form (a call's result, a
 * record with its own constructor, or with a component the generator does not carry) is an error
 * at the argument.
 */
final class RecordArguments {
    private RecordArguments() {}

    /** Spreads the record arguments of the calls in {@code m}, declared in {@code owner}; returns whether it reported. */
    static boolean spread(Path file, String pkg, TypeDeclaration<?> owner, MethodDeclaration m, RecordCallees callees,
            List<Diagnostic> diagnostics) {
        int before = diagnostics.size();
        for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
            Optional<RecordCallees.Callee> callee = callees.resolve(call, owner, pkg);
            if (callee.isEmpty()) {
                continue;
            }
            NodeList<Expression> args = call.getArguments();
            List<Expression> spread = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                Expression a = args.get(i);
                Optional<RecordTypes.Found> record = callee.get().records().get(i);
                if (record.isEmpty()) {
                    spread.add(a);
                    continue;
                }
                RecordDeclaration r = record.get().declaration();
                String why = problem(r, a);
                if (why != null) {
                    diagnostics.add(Positions.error(file, a, "'" + Positions.oneLine(a) + "' passes a record " + r.getNameAsString()
                            + " to '" + call.getNameAsString() + "', which takes it as its components: " + why));
                    continue;
                }
                if (a instanceof ObjectCreationExpr n) {
                    spread.addAll(n.getArguments());
                } else {
                    for (Parameter c : r.getParameters()) {
                        MethodCallExpr read = new MethodCallExpr(a.clone(), c.getNameAsString());
                        a.getRange().ifPresent(rg -> read.walk(x -> x.setRange(rg)));
                        spread.add(read);
                    }
                }
            }
            if (diagnostics.size() == before) {
                call.setArguments(new NodeList<>(spread));
            }
        }
        return diagnostics.size() > before;
    }

    /** Why {@code a} cannot be passed as the components of {@code r}, or null. */
    private static String problem(RecordDeclaration r, Expression a) {
        for (Parameter c : r.getParameters()) {
            if (MethodSelector.toTy(c.getType()).isEmpty()) {
                return "its component '" + c.getNameAsString() + "' has type " + c.getType() + ", which a differentiated method"
                        + " cannot carry; pass the numbers the callee needs as parameters of their own";
            }
        }
        if (a instanceof NameExpr) {
            return null;
        }
        if (a instanceof ObjectCreationExpr n && n.getAnonymousClassBody().isEmpty() && n.getArguments().size() == r.getParameters().size()) {
            return r.getConstructors().isEmpty() && r.getCompactConstructors().isEmpty() ? null : "record " + r.getNameAsString()
                    + " declares a constructor, which may check or change its arguments; create the record outside the"
                    + " differentiated method and pass it in";
        }
        Node shown = a;
        return "'" + Positions.oneLine(shown) + "' is neither a variable nor a new " + r.getNameAsString() + "(...); hold it in a"
                + " local variable first";
    }
}
