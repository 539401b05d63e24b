package dev.adjoint.generator.normalize;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.adjoint.generator.parse.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a method writes and reads the elements of an array, which decides how the reverse sweep
 * gets back the values it reads: an element read after every write, and outside every loop that
 * writes, sees the array's final values, so the reverse sweep can read it again instead of saving
 * a copy (the scratch arrays a method fills first and reads afterwards); a local array read more
 * often than written is cheaper to restore element by element as the reverse sweep undoes its
 * writes, after which every read sees the value it saw forward.
 */
final class ArrayWrites {
    private final Node method;
    /** The writes (assignments, increments) of each array's elements, by array name. */
    private final Map<String, List<Expression>> writes = new HashMap<>();
    /** The outermost element reads of each array, by array name. */
    private final Map<String, List<ArrayAccessExpr>> reads = new HashMap<>();
    /** Every element access by position, to find the original of a clone (none where two share one: an inlined helper's copies). */
    private final Map<Range, ArrayAccessExpr> byRange = new HashMap<>();

    private final Set<Range> shared = new HashSet<>();
    /**
     * Each node's index in a pre-order walk of the method, and the last index inside it: program
     * order. Positions are not, once a helper's body (its own lines) is inlined into the method.
     */
    private final Map<Node, int[]> order = new java.util.IdentityHashMap<>();

    private final Map<String, Boolean> restore = new HashMap<>();

    /** Indexes {@code method}'s element accesses once. */
    ArrayWrites(Node method) {
        this.method = method;
        number(method, 0);
        for (AssignExpr a : method.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof ArrayAccessExpr) {
                root(a.getTarget())
                        .ifPresent(n -> writes.computeIfAbsent(n, x -> new ArrayList<>())
                                .add(a));
            }
        }
        for (UnaryExpr u : method.findAll(UnaryExpr.class)) {
            if (Updates.isUpdate(u.getOperator()) && u.getExpression() instanceof ArrayAccessExpr) {
                root(u.getExpression())
                        .ifPresent(n -> writes.computeIfAbsent(n, x -> new ArrayList<>())
                                .add(u));
            }
        }
        for (ArrayAccessExpr a : method.findAll(ArrayAccessExpr.class)) {
            a.getRange().ifPresent(r -> {
                if (byRange.putIfAbsent(r, a) != null) {
                    shared.add(r);
                }
            });
            boolean inner = a.getParentNode()
                    .filter(p -> p instanceof ArrayAccessExpr pa && pa.getName() == a)
                    .isPresent();
            if (!inner) {
                root(a).ifPresent(n ->
                        reads.computeIfAbsent(n, x -> new ArrayList<>()).add(a));
            }
        }
    }

    /** Whether the method writes an element of an array named {@code name}. */
    boolean written(String name) {
        return writes.containsKey(name);
    }

    /** Whether {@code read} is a return statement's value: the method's result must be a variable. */
    static boolean returned(Expression read) {
        Node up = read.getParentNode().orElse(null);
        while (up instanceof EnclosedExpr) {
            up = up.getParentNode().orElse(null);
        }
        return up instanceof ReturnStmt;
    }

    /**
     * Whether every write of an array named {@code name} ends before {@code read} begins, and no
     * loop contains both. Conservative: false when a position is unknown.
     */
    boolean allBefore(String name, ArrayAccessExpr read) {
        Optional<Node> attached = attached(read);
        if (attached.isEmpty() || attached.get().getRange().isEmpty() || !order.containsKey(attached.get())) {
            return false;
        }
        Range at = attached.get().getRange().get();
        int atIndex = order.get(attached.get())[0];
        Set<Node> readLoops = loopsAround(attached.get());
        for (Expression w : writes.getOrDefault(name, List.of())) {
            // before by position and in the tree: an inlined helper keeps its own lines, which are not program order
            if (w.getRange().isEmpty() || !w.getRange().get().end.isBefore(at.begin) || order.get(w)[1] >= atIndex) {
                return false;
            }
            for (Node loop : loopsAround(w)) {
                if (readLoops.contains(loop)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether saving {@code name}'s elements before each write (and restoring them in reverse) is
     * cheaper than saving the values read from it: the reads whose values a derivative needs (an
     * operand of {@code *}, {@code /} or a function), against the writes, each weighted by 10 to
     * the power of its loop depth. For local arrays that are not the method's result.
     */
    boolean restoreOnWrite(String name) {
        return restore.computeIfAbsent(name, n -> {
            for (ReturnStmt r : method.findAll(ReturnStmt.class)) {
                if (r.getExpression()
                        .filter(e ->
                                e instanceof NameExpr ne && ne.getNameAsString().equals(n))
                        .isPresent()) {
                    return false;
                }
            }
            double w = 0;
            for (Expression e : writes.getOrDefault(n, List.of())) {
                w += Math.pow(10, loopsAround(e).size());
            }
            double r = 0;
            for (ArrayAccessExpr a : reads.getOrDefault(n, List.of())) {
                if (derivativeReads(a)) {
                    r += Math.pow(10, loopsAround(a).size());
                }
            }
            return r > w;
        });
    }

    /** Whether a derivative reads the value of {@code a}: an operand of {@code *}, {@code /}, a call. */
    private static boolean derivativeReads(Expression a) {
        Node p = a.getParentNode().orElse(null);
        while (p instanceof EnclosedExpr) {
            p = p.getParentNode().orElse(null);
        }
        if (p instanceof BinaryExpr b) {
            return b.getOperator() == BinaryExpr.Operator.MULTIPLY || b.getOperator() == BinaryExpr.Operator.DIVIDE;
        }
        if (p instanceof AssignExpr as && as.getTarget() == a) {
            return as.getOperator() == AssignExpr.Operator.MULTIPLY || as.getOperator() == AssignExpr.Operator.DIVIDE;
        }
        return p instanceof MethodCallExpr;
    }

    /**
     * {@code read} itself when it is part of the method's tree, else the access of the method at
     * the same place: lowering rewrites {@code a += e} as {@code a = a + (e)} over clones, which
     * keep their positions but not their parents.
     */
    private Optional<Node> attached(ArrayAccessExpr read) {
        for (Node n = read; n != null; n = n.getParentNode().orElse(null)) {
            if (n == method) {
                return Optional.of(read);
            }
        }
        return read.getRange().filter(r -> !shared.contains(r)).map(byRange::get);
    }

    /** Numbers {@code n}'s subtree in pre-order from {@code next}; gives the next free number. */
    private int number(Node n, int next) {
        int[] span = {next, next};
        order.put(n, span);
        int last = next + 1;
        for (Node c : n.getChildNodes()) {
            last = number(c, last);
        }
        span[1] = last - 1;
        return last;
    }

    private Set<Node> loopsAround(Node n) {
        Set<Node> loops = new HashSet<>();
        for (Node p = n.getParentNode().orElse(null);
                p != null && p != method;
                p = p.getParentNode().orElse(null)) {
            if (p instanceof ForStmt || p instanceof WhileStmt || p instanceof DoStmt || p instanceof ForEachStmt) {
                loops.add(p);
            }
        }
        return loops;
    }

    /** The name of the array variable {@code e} indexes, if it is one. */
    static Optional<String> root(Expression e) {
        while (e instanceof ArrayAccessExpr a) {
            e = a.getName();
        }
        return e instanceof NameExpr n ? Optional.of(n.getNameAsString()) : Optional.empty();
    }
}
