package dev.adjoint.generator.parse;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Java scopes a local declared among a {@code case}'s statements to the rest of the switch block:
 * in {@code case 0: double w = 5; case 1: w = 7;} the {@code w} of case 1 is case 0's local, not a
 * field of that name.
 */
public final class SwitchScopes {
    private SwitchScopes() {}

    /** The declaration statements of the cases before {@code entry} in its switch, in order. */
    public static List<ExpressionStmt> earlierDeclarations(SwitchEntry entry) {
        Node parent = entry.getParentNode().orElse(null);
        List<SwitchEntry> entries = parent instanceof SwitchStmt s
                ? s.getEntries()
                : parent instanceof SwitchExpr x ? x.getEntries() : List.of();
        List<ExpressionStmt> out = new ArrayList<>();
        for (SwitchEntry e : entries) {
            if (e == entry) {
                break;
            }
            e.getStatements().stream()
                    .filter(st ->
                            st instanceof ExpressionStmt x && x.getExpression().isVariableDeclarationExpr())
                    .forEach(st -> out.add((ExpressionStmt) st));
        }
        return out;
    }
}
