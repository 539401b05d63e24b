package dev.adjoint.generator.objects;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * One local of a record type (or value class) that {@link LocalRecords} replaces: its declaration,
 * the type, and each component's local; and where it is in scope, the statement declaring it in a
 * block or a {@code case}.
 */
record LocalRecord(VariableDeclarator declarator, ValueTypes.ValueType record, List<String> componentLocals) {
    String name() {
        return declarator.getNameAsString();
    }

    int indexOf(String component) {
        return record.indexOf(component);
    }

    Type componentType(int i) {
        return record.types().get(i).clone();
    }

    /** The statement declaring the local (a statement of its own in a block or case: checked before). */
    ExpressionStmt statement() {
        return (ExpressionStmt)
                declarator.getParentNode().orElseThrow().getParentNode().orElseThrow();
    }

    /** The names in scope of the declaration: the rest of its declaration and the statements after it in its block. */
    List<NameExpr> usesInScope() {
        ExpressionStmt s = statement();
        NodeList<Statement> block = s.getParentNode().orElseThrow() instanceof BlockStmt b
                ? b.getStatements()
                : ((SwitchEntry) s.getParentNode().orElseThrow()).getStatements();
        List<NameExpr> uses = new ArrayList<>();
        boolean after = false;
        for (Statement t : block) {
            if (t == s) {
                after = true;
                VariableDeclarationExpr decl = (VariableDeclarationExpr) s.getExpression();
                boolean later = false;
                for (VariableDeclarator v : decl.getVariables()) {
                    if (later) {
                        uses.addAll(v.findAll(
                                NameExpr.class, n -> n.getNameAsString().equals(name())));
                    }
                    later |= v == declarator;
                }
            } else if (after) {
                uses.addAll(t.findAll(NameExpr.class, n -> n.getNameAsString().equals(name())));
            }
        }
        return uses;
    }
}
