package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.parse.Positions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the read-only aliases of the elements of an array of records or objects into indices, so
 * that {@link ElementArrays} sees only {@code layers[index].w()}: {@code for (Layer e : layers)}
 * becomes {@code for (int e_i = 0; e_i < layers.length; e_i++)}, {@code Layer e = layers[l]}
 * becomes {@code int e_i = l} (and {@code e = layers[k]} assigns {@code e_i}), and {@code e.w()}
 * (a field {@code e.w}) becomes {@code layers[e_i].w()}: the same element, read where the alias is
 * read. Any other use of an alias (passing it on, giving it another value) is an error at its
 * position.
 */
final class ElementAliases {
    private ElementAliases() {}

    /** An alias: the array it names an element of, and its index variable. */
    private record Alias(String array, String index) {}

    /** Rewrites the aliases of {@code m}'s array parameters; returns whether it reported (then {@code m} is unchanged). */
    static boolean rewrite(
            Path file, String packageName, MethodDeclaration m, RecordTypes records, List<Diagnostic> diagnostics) {
        Set<String> arrays = new TreeSet<>();
        for (Parameter p : m.getParameters()) {
            if (ElementType.of(p.getType(), packageName, records).isPresent()) {
                arrays.add(p.getNameAsString());
            }
        }
        if (arrays.isEmpty()) {
            return false;
        }
        Set<String> taken = new TreeSet<>();
        m.findAll(SimpleName.class).forEach(n -> taken.add(n.getIdentifier()));
        Map<String, Alias> aliases = new LinkedHashMap<>();
        Set<String> loopVariables = new TreeSet<>(); // a for-each's variable: assigning it must not move the loop
        List<Runnable> rewrites = new ArrayList<>();
        int before = diagnostics.size();
        for (ForEachStmt f : m.findAll(ForEachStmt.class)) {
            if (f.getIterable() instanceof NameExpr n
                    && arrays.contains(n.getNameAsString())
                    && f.getVariable().getVariables().size() == 1) {
                String alias = f.getVariable().getVariables().get(0).getNameAsString();
                loopVariables.add(alias);
                Alias a =
                        aliases.computeIfAbsent(alias, k -> new Alias(n.getNameAsString(), fresh(taken, alias + "_i")));
                rewrites.add(() -> {
                    // for (int e_i = 0; e_i < layers.length; e_i++), over the same body
                    VariableDeclarationExpr init = new VariableDeclarationExpr(
                            new VariableDeclarator(PrimitiveType.intType(), a.index(), new IntegerLiteralExpr("0")));
                    Expression compare = new BinaryExpr(
                            new NameExpr(a.index()),
                            new FieldAccessExpr(new NameExpr(a.array()), "length"),
                            BinaryExpr.Operator.LESS);
                    Expression update = new UnaryExpr(new NameExpr(a.index()), UnaryExpr.Operator.POSTFIX_INCREMENT);
                    ForStmt loop = new ForStmt(
                            new NodeList<>(init), compare, new NodeList<>(update), f.getBody()); // the body moves
                    f.getRange().ifPresent(r -> {
                        loop.setRange(r);
                        init.walk(x -> x.setRange(r));
                        compare.walk(x -> x.setRange(r));
                        update.walk(x -> x.setRange(r));
                    });
                    f.replace(loop);
                });
            }
        }
        for (VariableDeclarator d : m.findAll(VariableDeclarator.class)) {
            if (d.getInitializer().orElse(null) instanceof ArrayAccessExpr a
                    && a.getName() instanceof NameExpr n
                    && arrays.contains(n.getNameAsString())) {
                String alias = d.getNameAsString();
                Alias al =
                        aliases.computeIfAbsent(alias, k -> new Alias(n.getNameAsString(), fresh(taken, alias + "_i")));
                if (!al.array().equals(n.getNameAsString())) {
                    diagnostics.add(Positions.error(
                            file,
                            d,
                            "'" + d + "' names an element of '" + n + "' with the name of an element of '" + al.array()
                                    + "': a differentiated method follows one array per element name; rename one"));
                    continue;
                }
                rewrites.add(() -> {
                    d.setType(PrimitiveType.intType());
                    d.setName(al.index());
                    d.setInitializer(a.getIndex().clone());
                });
            }
        }
        // a name that is an alias somewhere and another variable elsewhere would be followed wrongly
        for (Node n : m.findAll(Node.class)) {
            String declared = n instanceof VariableDeclarator v
                            && !(v.getInitializer().orElse(null) instanceof ArrayAccessExpr a
                                    && a.getName() instanceof NameExpr an
                                    && arrays.contains(an.getNameAsString()))
                            && !isForEachVariable(v, arrays)
                    ? v.getNameAsString()
                    : n instanceof Parameter p ? p.getNameAsString() : null;
            if (declared != null && aliases.containsKey(declared)) {
                diagnostics.add(Positions.error(
                        file,
                        n,
                        "'" + n + "' declares '" + declared + "', which names an element of '"
                                + aliases.get(declared).array() + "' elsewhere in '" + m.getNameAsString()
                                + "': rename one of them"));
            }
        }
        for (NameExpr use : m.findAll(NameExpr.class, n -> aliases.containsKey(n.getNameAsString()))) {
            Alias al = aliases.get(use.getNameAsString());
            Node parent = use.getParentNode().orElseThrow();
            // read, or passed to a method: as the element, whose components RecordArguments passes where the callee
            // takes them
            boolean read = (parent instanceof MethodCallExpr c
                            && (c.getScope().filter(s -> s == use).isPresent()
                                    || c.getArguments().stream().anyMatch(a -> a == use)))
                    || (parent instanceof FieldAccessExpr f && f.getScope() == use);
            if (read) {
                rewrites.add(() -> {
                    ArrayAccessExpr element = new ArrayAccessExpr(new NameExpr(al.array()), new NameExpr(al.index()));
                    use.getRange().ifPresent(r -> element.walk(x -> x.setRange(r)));
                    use.replace(element);
                });
            } else if (parent instanceof AssignExpr as
                    && as.getTarget() == use
                    && loopVariables.contains(use.getNameAsString())) {
                diagnostics.add(
                        Positions.error(
                                file,
                                parent,
                                "'" + Positions.asWritten(parent) + "' assigns '" + use + "', which a for-each"
                                        + " over '" + al.array()
                                        + "' names: its index follows the loop; declare another variable for the other element"));
            } else if (parent instanceof AssignExpr as
                    && as.getTarget() == use
                    && as.getOperator() == AssignExpr.Operator.ASSIGN
                    && as.getValue() instanceof ArrayAccessExpr a
                    && a.getName() instanceof NameExpr n
                    && n.getNameAsString().equals(al.array())
                    && as.getParentNode()
                            .filter(p -> p instanceof ExpressionStmt)
                            .isPresent()) {
                rewrites.add(() -> {
                    NameExpr index = new NameExpr(al.index());
                    use.getRange().ifPresent(index::setRange);
                    as.setTarget(index);
                    as.setValue(a.getIndex().clone());
                });
            } else {
                diagnostics.add(Positions.error(
                        file,
                        parent,
                        "'" + Positions.asWritten(parent) + "' uses '" + use + "', an element of '"
                                + al.array() + "', other than reading its components or naming another element of '"
                                + al.array() + "': a"
                                + " differentiated method cannot pass on, compare or hold elsewhere an element of an array it differentiates"
                                + " (its gradient is gathered by index); read the components where you need them"));
            }
        }
        if (diagnostics.size() > before) {
            return true;
        }
        // the uses first (they lie inside the loops the for-each rewrites copy), then the declarations
        List<Runnable> ordered = new ArrayList<>(rewrites);
        java.util.Collections.reverse(ordered);
        ordered.forEach(Runnable::run);
        return false;
    }

    private static boolean isForEachVariable(VariableDeclarator v, Set<String> arrays) {
        return v.getParentNode()
                .flatMap(Node::getParentNode)
                .filter(p -> p instanceof ForEachStmt f
                        && f.getIterable() instanceof NameExpr n
                        && arrays.contains(n.getNameAsString()))
                .isPresent();
    }

    private static String fresh(Set<String> taken, String base) {
        String n = base;
        while (taken.contains(n)) {
            n = "_" + n;
        }
        taken.add(n);
        return n;
    }
}
