package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.SwitchEntry;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A constant of the enum a method is declared in, named by its simple name as Java lets the enum's
 * own methods name it ({@code op == ADD} in {@code enum Op}), written qualified ({@code Op.ADD}),
 * as the later passes read an enum constant. A name a local or parameter declares, one a type between
 * the method and the enum declares as a field, and a {@code case} label (which names the constant
 * as the selector's type decides) are left as written.
 */
final class OwnEnumConstants {
    private OwnEnumConstants() {}

    static void qualify(MethodDeclaration m) {
        if (m.getBody().isEmpty()) {
            return;
        }
        Set<String> declared = new HashSet<>();
        m.getParameters().stream().map(Parameter::getNameAsString).forEach(declared::add);
        m.findAll(VariableDeclarator.class).forEach(v -> declared.add(v.getNameAsString()));
        for (NameExpr n : m.getBody().get().findAll(NameExpr.class)) {
            String name = n.getNameAsString();
            if (declared.contains(name) || n.getParentNode().orElse(null) instanceof SwitchEntry) {
                continue;
            }
            owner(m, name).ifPresent(e -> n.replace(new FieldAccessExpr(new NameExpr(e), name)));
        }
    }

    /** The simple name of the enum around {@code m} that declares a constant {@code name}, unless a type nearer declares a field of that name. */
    private static Optional<String> owner(MethodDeclaration m, String name) {
        for (Optional<Node> at = m.getParentNode();
                at.isPresent();
                at = at.get().getParentNode()) {
            if (!(at.get() instanceof TypeDeclaration<?> t)) {
                continue;
            }
            if (t instanceof EnumDeclaration e
                    && e.getEntries().stream().anyMatch(c -> c.getNameAsString().equals(name))) {
                return Optional.of(e.getNameAsString());
            }
            if (t.getFieldByName(name).isPresent()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
