package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import dev.adjoint.generator.parse.Updates;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which names of a method read the object's fields: {@code this.f}, and a bare {@code f} that no
 * parameter or local variable in scope declares (Java's own rule: a local hides a field).
 */
final class FieldReads {
    private final Set<String> fields;

    FieldReads(Set<String> fields) {
        this.fields = fields;
    }

    /** The field {@code n} reads, if it is a read of an instance field of the object. */
    Optional<String> fieldOf(Node n) {
        if (n instanceof FieldAccessExpr f
                && f.getScope() instanceof ThisExpr t
                && t.getTypeName().isEmpty()
                && fields.contains(f.getNameAsString())) {
            return Optional.of(f.getNameAsString());
        }
        if (n instanceof NameExpr name && fields.contains(name.getNameAsString()) && !declared(name)) {
            return Optional.of(name.getNameAsString());
        }
        return Optional.empty();
    }

    /** Whether {@code n} is the target of an assignment or of {@code ++}/{@code --}. */
    static boolean isAssigned(Node n) {
        Node parent = n.getParentNode().orElse(null);
        return (parent instanceof AssignExpr a && a.getTarget() == n)
                || (parent instanceof UnaryExpr u && Updates.isUpdate(u.getOperator()));
    }

    /** Whether {@code n} still hangs under {@code m} (not under a node replaced meanwhile). */
    static boolean within(Node n, MethodDeclaration m) {
        for (Node cur = n; cur != null; cur = cur.getParentNode().orElse(null)) {
            if (cur == m) {
                return true;
            }
        }
        return false;
    }

    /** Whether a variable named as {@code name} is in scope where it stands. */
    private static boolean declared(NameExpr name) {
        String id = name.getNameAsString();
        Node child = name;
        for (Node cur = name.getParentNode().orElse(null);
                cur != null;
                child = cur, cur = cur.getParentNode().orElse(null)) {
            if (cur instanceof MethodDeclaration m) {
                return m.getParameters().stream()
                        .anyMatch(p -> p.getNameAsString().equals(id));
            }
            if (cur instanceof BlockStmt b && declaresBefore(b.getStatements(), child, id)) {
                return true;
            }
            if (cur instanceof SwitchEntry e
                    && (declaresBefore(e.getStatements(), child, id)
                            || dev.adjoint.generator.parse.SwitchScopes.earlierDeclarations(e).stream()
                                    .anyMatch(x -> declares(x.getExpression(), id)))) {
                return true;
            }
            if (cur instanceof ForStmt f && f.getInitialization().stream().anyMatch(i -> declares(i, id))) {
                return true;
            }
            if (cur instanceof ForEachStmt f
                    && f.getVariable().getVariables().stream()
                            .anyMatch(v -> v.getNameAsString().equals(id))) {
                return true;
            }
            if (cur instanceof LambdaExpr l
                    && l.getParameters().stream()
                            .anyMatch(p -> p.getNameAsString().equals(id))) {
                return true;
            }
            if (cur instanceof CatchClause c
                    && c.getParameter().getNameAsString().equals(id)) {
                return true;
            }
            if (cur instanceof VariableDeclarator v && v.getNameAsString().equals(id)) {
                return true; // double w = w + 1: the new local, already in scope in its initializer
            }
        }
        return false;
    }

    private static boolean declaresBefore(List<Statement> statements, Node child, String id) {
        for (Statement s : statements) {
            if (s == child) {
                return false;
            }
            if (s instanceof ExpressionStmt e && declares(e.getExpression(), id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declares(Node e, String id) {
        return e instanceof VariableDeclarationExpr v
                && v.getVariables().stream().anyMatch(d -> d.getNameAsString().equals(id));
    }
}
