package dev.adjoint.generator.normalize;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a method writes the elements of an array, in source order: an element read after every
 * write, and outside every loop that writes, sees the array's final values, so the reverse sweep
 * can read it again instead of saving a copy (the scratch arrays a method fills first and reads
 * afterwards).
 */
final class ArrayWrites {
    private ArrayWrites() {}

    /**
     * Whether every write of an array named {@code name} in {@code method} ends before
     * {@code read} begins, and no loop contains both. Conservative: false when a position is unknown.
     */
    static boolean allBefore(Node method, String name, ArrayAccessExpr read) {
        Optional<Node> attached = attached(method, read);
        if (attached.isEmpty() || attached.get().getRange().isEmpty()) {
            return false;
        }
        Node up = attached.get().getParentNode().orElse(null);
        while (up instanceof EnclosedExpr) {
            up = up.getParentNode().orElse(null);
        }
        if (up instanceof ReturnStmt) {
            return false; // the method's result is a variable, whose adjoint the caller seeds
        }
        Range at = attached.get().getRange().get();
        Set<Node> readLoops = loopsAround(attached.get(), method);
        for (Expression w : writes(method, name)) {
            if (w.getRange().isEmpty() || !w.getRange().get().end.isBefore(at.begin)) {
                return false;
            }
            for (Node loop : loopsAround(w, method)) {
                if (readLoops.contains(loop)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The targets of the writes of {@code name}'s elements. */
    private static List<Expression> writes(Node method, String name) {
        List<Expression> out = new ArrayList<>();
        for (AssignExpr a : method.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof ArrayAccessExpr && root(a.getTarget()).filter(name::equals).isPresent()) {
                out.add(a);
            }
        }
        for (UnaryExpr u : method.findAll(UnaryExpr.class)) {
            if (u.getOperator().name().contains("CREMENT") && u.getExpression() instanceof ArrayAccessExpr
                    && root(u.getExpression()).filter(name::equals).isPresent()) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * {@code read} itself when it is part of {@code method}'s tree, else the node of the method at
     * the same place: lowering rewrites {@code a += e} as {@code a = a + (e)} over clones, which
     * keep their positions but not their parents.
     */
    private static Optional<Node> attached(Node method, ArrayAccessExpr read) {
        for (Node n = read; n != null; n = n.getParentNode().orElse(null)) {
            if (n == method) {
                return Optional.of(read);
            }
        }
        if (read.getRange().isEmpty()) {
            return Optional.empty();
        }
        Range r = read.getRange().get();
        return method.findFirst(ArrayAccessExpr.class, x -> x.getRange().filter(r::equals).isPresent()).map(x -> x);
    }

    private static Set<Node> loopsAround(Node n, Node method) {
        Set<Node> loops = new HashSet<>();
        for (Node p = n.getParentNode().orElse(null); p != null && p != method; p = p.getParentNode().orElse(null)) {
            if (p instanceof ForStmt || p instanceof WhileStmt || p instanceof DoStmt || p instanceof ForEachStmt) {
                loops.add(p);
            }
        }
        return loops;
    }

    private static Optional<String> root(Expression e) {
        while (e instanceof ArrayAccessExpr a) {
            e = a.getName();
        }
        return e instanceof NameExpr n ? Optional.of(n.getNameAsString()) : Optional.empty();
    }
}
