package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code switch} whose cases share a variable (declared at the top of one case and used in a
 * later one: Java scopes it to the whole switch block) as the same switch with the variable
 * declared before it, under a fresh name, and its declaration in the case an assignment, so that
 * {@link SwitchStatements} can make each case a block of its own:
 *
 * <pre>
 * switch (k) { case 0: double t = x; r = t; break; default: t = y; r = t * t; }
 * double t0 = 0; switch (k) { case 0: t0 = x; r = t0; break; default: t0 = y; r = t0 * t0; }
 * </pre>
 *
 * The zero is never read: Java lets a case read the variable only where it is definitely assigned
 * on the way there. Only variables of a primitive type written out (not {@code var}, not arrays).
 */
final class SharedCaseVariables {
    private final Rewriter rw;

    SharedCaseVariables(Rewriter rw) {
        this.rw = rw;
    }

    /** The declarations and the switch {@code s} stands for, or empty when it is not a switch whose cases share a primitive. */
    Optional<List<Statement>> rewrite(Statement s) {
        if (!(s instanceof SwitchStmt original) || !SwitchStatements.sharesVariables(original.getEntries())) {
            return Optional.empty();
        }
        SwitchStmt sw = original.clone();
        List<ExpressionStmt> declarations = new ArrayList<>();
        for (SwitchEntry e : sw.getEntries()) {
            for (Statement st : e.getStatements()) {
                if (st instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr d) {
                    if (d.getVariables().stream().anyMatch(v -> !(v.getType() instanceof PrimitiveType))) {
                        return Optional.empty();
                    }
                    declarations.add(es);
                }
            }
        }
        List<Statement> out = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (ExpressionStmt es : declarations) {
            List<Statement> assignments = new ArrayList<>();
            for (VariableDeclarator v :
                    es.getExpression().asVariableDeclarationExpr().getVariables()) {
                String fresh = rw.fresh(v.getNameAsString());
                names.put(v.getNameAsString(), fresh);
                String zero = v.getType().asString().equals("boolean") ? "false" : "0";
                out.add(rw.statement(v.getType().asString() + " " + fresh + " = " + zero + ";", Map.of(), Map.of(), v));
                v.getInitializer().ifPresent(init -> {
                    AssignExpr set =
                            new AssignExpr(new NameExpr(v.getNameAsString()), init, AssignExpr.Operator.ASSIGN);
                    ExpressionStmt assignment = new ExpressionStmt(set);
                    v.getRange().ifPresent(r -> {
                        set.setRange(r);
                        set.getTarget().setRange(r);
                        assignment.setRange(r);
                    });
                    assignments.add(assignment);
                });
            }
            SwitchEntry entry = (SwitchEntry) es.getParentNode().orElseThrow();
            int at = entry.getStatements().indexOf(es);
            entry.getStatements().remove(at);
            entry.getStatements().addAll(at, assignments);
        }
        // (no case may declare the name again, nor a block inside it: Java forbids a local hiding a local)
        sw.getEntries()
                .forEach(e -> e.findAll(NameExpr.class).forEach(n -> {
                    String to = names.get(n.getNameAsString());
                    if (to != null) {
                        n.setName(new SimpleName(to));
                    }
                }));
        out.add(sw);
        return Optional.of(out);
    }
}
