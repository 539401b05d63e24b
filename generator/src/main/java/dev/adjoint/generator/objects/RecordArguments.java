package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.select.MethodSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A record passed on to a {@code @Differentiable} method of the sources, or to a plain helper that
 * only reads its components (static, or an instance method of the class: {@link RecordCallees}), becomes its
 * components: the callee's record parameter is expanded into one parameter per component (see
 * {@link RecordParameters}), so {@code g(p, x)} becomes {@code g(p.k(), p.c(), x)} and
 * {@code g(new Params(a, b), x)} becomes {@code g(a, b, x)}, {@code g(book[k], x)} (an element of an
 * array of records, at an index without effects) {@code g(book[k].strike(), ..., x)} (the same values, evaluated in the same
 * order, since a record's components are final and its implicit constructor only stores them).
 * The accessor calls are then read like any other, whether {@code p} is a record parameter or a
 * record the method creates ({@link LocalRecords}). A record of another form (a call's result, a
 * record with its own constructor, or with a component the generator does not carry) is an error
 * at the argument. An object of a class of the sources goes the same way as its fields
 * ({@code g(s)} becomes {@code g(s.x, s.v)}) when the class is a plain value whose constructor takes
 * its fields in declaration order, so that the generated code can make it again from them.
 */
final class RecordArguments {
    private RecordArguments() {}

    /** Spreads the record arguments of the calls in {@code m}, declared in {@code owner}; returns whether it reported. */
    static boolean spread(
            Path file,
            String pkg,
            TypeDeclaration<?> owner,
            MethodDeclaration m,
            RecordCallees callees,
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
                Optional<RecordTypes.Shape> record = callee.get().records().get(i);
                if (record.isEmpty()) {
                    spread.add(a);
                    continue;
                }
                RecordTypes.Shape r = record.get();
                String why = problem(r, a);
                if (why == null
                        && !callees.isPlain(callee.get().declaration())
                        && r.declaration() instanceof RecordDeclaration d) {
                    // called for its value with the record made again: new Params(p_k, p_c)
                    String remade = RecordRemaking.whyNot(d);
                    why = remade == null
                            ? null
                            : remade + ", and the generated code makes the record again from its components to call '"
                                    + call.getNameAsString() + "' for its value; make the constructor only check"
                                    + " its arguments, or pass the numbers the callee needs as parameters of their own";
                }
                if (why != null) {
                    diagnostics.add(Positions.error(
                            file,
                            a,
                            "'" + Positions.oneLine(a) + "' passes " + (r.accessors() ? "a " : "an object of ")
                                    + r.kind() + " to '" + call.getNameAsString() + "', which takes it as its "
                                    + (r.accessors() ? "components" : "fields") + ": " + why));
                    continue;
                }
                if (a instanceof ObjectCreationExpr n) {
                    spread.addAll(n.getArguments());
                } else {
                    for (String c : r.members().keySet()) {
                        Expression read =
                                r.accessors() ? new MethodCallExpr(a.clone(), c) : new FieldAccessExpr(a.clone(), c);
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
    private static String problem(RecordTypes.Shape r, Expression a) {
        for (Map.Entry<String, Type> c : r.members().entrySet()) {
            if (MethodSelector.toTy(c.getValue()).isEmpty()) {
                // (a record held in a record: the inner one may be passed on by itself, g(o.in()))
                String inner = r.accessors() && c.getValue().isClassOrInterfaceType()
                        ? ", or pass '" + Positions.oneLine(a) + "." + c.getKey() + "()' to a parameter of type "
                                + c.getValue() + " where the callee needs only that"
                        : "";
                return "its " + (r.accessors() ? "component" : "field") + " '" + c.getKey() + "' has type "
                        + c.getValue() + ", which a"
                        + " differentiated method cannot carry; pass the numbers the callee needs as parameters of their own"
                        + inner;
            }
        }
        if (!r.hidden().isEmpty()) {
            String f = r.hidden().keySet().iterator().next();
            return "its field '" + f + "' cannot be read by the generated class ("
                    + r.hidden().get(f) + "); pass the numbers the" + " callee needs as parameters of their own";
        }
        if (!r.accessors()) {
            // the generated code calls the user's method with the object made again from its fields: new State(s_x,
            // s_v)
            ValueTypes.Result value = ValueTypes.of((ClassOrInterfaceDeclaration) r.declaration());
            if (value.type() == null
                    || !value.type().components().equals(List.copyOf(r.members().keySet()))) {
                return (value.type() == null
                                ? value.whyNot()
                                : r.kind() + "'s constructor does not take its fields in the order it"
                                        + " declares them")
                        + ", and the generated code makes the object again from its fields to call"
                        + " the callee for its value; pass the numbers the callee needs as parameters of their own";
            }
        }
        if (a instanceof NameExpr || r.accessors() && componentOfVariable(a)) {
            return null; // (o.in(): its components are read as o.in().x(), as a nested record's are)
        }
        if (a instanceof com.github.javaparser.ast.expr.ArrayAccessExpr e
                && e.getName() instanceof NameExpr
                && ElementArrays.isPure(e.getIndex())) {
            return null; // an element of an array of them (book[k]): its components, book[k].strike(), read as
            // ElementArrays reads them
        }
        if (a instanceof ObjectCreationExpr n
                && n.getAnonymousClassBody().isEmpty()
                && n.getArguments().size() == r.members().size()) {
            return !(r.declaration() instanceof RecordDeclaration d)
                            || (d.getConstructors().isEmpty()
                                    && d.getCompactConstructors().isEmpty())
                    ? null
                    : "record " + d.getNameAsString()
                            + " declares a constructor, which may check or change its arguments;"
                            + " create the record outside the differentiated method and pass it in";
        }
        Node shown = a;
        return "'" + Positions.oneLine(shown) + "' is neither a variable, a component of one (o.in()) nor a new "
                + r.path().get(r.path().size() - 1)
                + "(...); pass the numbers the callee needs as parameters of their own";
    }

    /**
     * Whether {@code a} reads a component of a record variable, directly or through nested records
     * ({@code o.in()}, {@code o.in().deeper()}): accessors without arguments, which a record of the
     * sources does not declare itself, so reading them again reads the same value.
     */
    private static boolean componentOfVariable(Expression a) {
        Expression e = a;
        while (e instanceof MethodCallExpr m
                && m.getArguments().isEmpty()
                && m.getScope().isPresent()) {
            e = m.getScope().get();
        }
        return e != a && e instanceof NameExpr;
    }
}
