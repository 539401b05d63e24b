package dev.adjoint.generator.pipeline;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.adjoint.generator.select.MethodRequest;
import java.util.Optional;

/**
 * Why a method's tangent, printed as Java for its {@code Hvp}, is refused, said in the user's terms
 * where the fence's words would name only what the tangent printed.
 */
final class TangentNotes {
    private TangentNotes() {}

    /**
     * The reason for the note at {@code m}, whose tangent the fence refused with {@code fenced}: a
     * {@code java.util.Random} created in a loop is declared by the tangent before the loop (as
     * {@code null}), which the reverse pipeline does not take.
     */
    static String fenced(MethodRequest m, String fenced) {
        return randomInLoop(m.declaration())
                .map(d -> "it creates a java.util.Random inside a loop ('" + d + "', line "
                        + d.getRange().map(r -> r.begin.line).orElse(0)
                        + "): its tangent declares the variable before the loop, which the reverse pipeline does not"
                        + " take; create one Random before the loop, or draw the numbers outside and pass them in")
                .orElse("in its tangent, " + fenced);
    }

    /** A local of type {@code Random} (or {@code var} made by {@code new Random(...)}) declared inside a loop of {@code m}. */
    private static Optional<VariableDeclarator> randomInLoop(MethodDeclaration m) {
        return m.findAll(VariableDeclarator.class).stream()
                .filter(d -> isRandom(d) && inLoop(d, m))
                .findFirst();
    }

    private static boolean isRandom(VariableDeclarator d) {
        String type = d.getTypeAsString();
        boolean made = d.getInitializer()
                .filter(i -> i instanceof ObjectCreationExpr c
                        && (c.getTypeAsString().equals("Random")
                                || c.getTypeAsString().equals("java.util.Random")))
                .isPresent();
        return type.equals("Random") || type.equals("java.util.Random") || (type.equals("var") && made);
    }

    private static boolean inLoop(Node n, MethodDeclaration m) {
        for (Node p = n.getParentNode().orElse(null);
                p != null && p != m;
                p = p.getParentNode().orElse(null)) {
            if (p instanceof ForStmt || p instanceof ForEachStmt || p instanceof WhileStmt || p instanceof DoStmt) {
                return true;
            }
        }
        return false;
    }
}
