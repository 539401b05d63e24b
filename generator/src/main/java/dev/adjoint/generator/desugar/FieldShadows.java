package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Locals named like a field of the method's class (or of a class around it) get a fresh name,
 * with every use that means them. In Java such a local hides the field only within its scope: a
 * method may read the field {@code SCALE}, then declare {@code double SCALE = ...} in a loop. Later
 * passes move declarations (hoisted to the method's top, inlined into other methods, the tangent
 * read again for the Hessian-vector product), after which the one name would mean the local where
 * the method meant the field. With distinct names, no move can change what a name means.
 * Parameters keep their names: they are in scope in the whole body, so no use there means the field.
 */
final class FieldShadows {
    private FieldShadows() {}

    static void rename(MethodDeclaration m) {
        if (m.getBody().isEmpty()) {
            return;
        }
        Set<String> fields = new HashSet<>();
        for (Node t = m.getParentNode().orElse(null);
                t != null;
                t = t.getParentNode().orElse(null)) {
            if (t instanceof TypeDeclaration<?> type) {
                for (FieldDeclaration f : type.getFields()) {
                    f.getVariables().forEach(v -> fields.add(v.getNameAsString()));
                }
            }
        }
        List<VariableDeclarator> shadows = m.getBody().get().findAll(VariableDeclarator.class).stream()
                .filter(v -> fields.contains(v.getNameAsString()))
                .toList();
        if (shadows.isEmpty()) {
            return;
        }
        Set<String> taken = new HashSet<>();
        m.findCompilationUnit()
                .map(cu -> cu.findAll(SimpleName.class))
                .orElse(List.of())
                .forEach(n -> taken.add(n.getIdentifier()));
        Map<Node, String> fresh = new IdentityHashMap<>();
        for (VariableDeclarator v : shadows) {
            for (int i = 0; ; i++) {
                if (taken.add(v.getNameAsString() + i)) {
                    fresh.put(v, v.getNameAsString() + i);
                    // (messages name it as written)
                    dev.adjoint.generator.parse.Positions.renamed(m, v.getNameAsString() + i, v.getNameAsString());
                    break;
                }
            }
        }
        // resolve every use first: renaming a declaration changes what the next lookups find
        List<Map.Entry<NameExpr, String>> uses = new ArrayList<>();
        for (NameExpr n : m.getBody().get().findAll(NameExpr.class)) {
            Optional<Node> decl = Rewriter.declarationInScope(n, n.getNameAsString());
            decl.map(fresh::get).ifPresent(name -> uses.add(Map.entry(n, name)));
        }
        uses.forEach(u -> u.getKey().setName(u.getValue()));
        shadows.forEach(v -> v.setName(fresh.get(v)));
    }
}
