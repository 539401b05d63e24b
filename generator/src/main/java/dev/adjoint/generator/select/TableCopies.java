package dev.adjoint.generator.select;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Private static tables ({@code private static final double[] A = {0.25, -0.28, ...};}) that the
 * adjoint class, which cannot read a private field, holds a copy of. A copy is exact only where the
 * table can never differ from its initializer: final, initialised with literals alone, and every
 * use in its file reading an element ({@code A[i]}, {@code W[i][j]}), a length, or the elements in
 * a for-each whose variable is only read, or handed to static methods of the file that read it so. A table written
 * ({@code A[0] = ...}), handed to another method (which may write it), or held by another name (a row
 * {@code double[] r = W[i]}) is not copied, and a
 * read of it stays the error that says to make it package-private.
 */
final class TableCopies {
    private TableCopies() {}

    /** The Java initializer of the copy of {@code v}, a field of {@code f}, or empty when it cannot be copied. */
    static Optional<String> initializer(FieldDeclaration f, VariableDeclarator v, int dims) {
        if (!f.isStatic()
                || !f.isFinal()
                || dims < 1
                || dims > 2
                || v.getInitializer().isEmpty()) {
            return Optional.empty();
        }
        Expression init = v.getInitializer().get();
        ArrayInitializerExpr values = init instanceof ArrayInitializerExpr a
                ? a
                : init instanceof ArrayCreationExpr c ? c.getInitializer().orElse(null) : null;
        if (values == null || !literalsOnly(values, dims)) {
            return Optional.empty();
        }
        Optional<CompilationUnit> unit = f.findCompilationUnit();
        // (an index table's row held by a local is read as its elements: see OwnerConstants.indexTable)
        boolean rowsByName = OwnerConstants.indexTableType(v.getType()).isPresent();
        if (unit.isEmpty()
                || otherUse(unit.get(), v.getNameAsString(), dims, rowsByName).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(values.toString());
    }

    /** Whether {@code a} holds, {@code dims} levels deep, number literals alone (negated ones too). */
    private static boolean literalsOnly(ArrayInitializerExpr a, int dims) {
        for (Expression e : a.getValues()) {
            boolean ok =
                    dims > 1 ? e instanceof ArrayInitializerExpr inner && literalsOnly(inner, dims - 1) : number(e);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean number(Expression e) {
        if (e instanceof UnaryExpr u
                && (u.getOperator() == UnaryExpr.Operator.MINUS || u.getOperator() == UnaryExpr.Operator.PLUS)) {
            return number(u.getExpression());
        }
        return e.isDoubleLiteralExpr() || e.isIntegerLiteralExpr() || e.isLongLiteralExpr();
    }

    /**
     * Whether every use of {@code name} in {@code unit} (a local of that name too: the check does not
     * tell them apart, and refuses rather than guess) reads an element, a length or, in a for-each
     * whose variable is only indexed, the rows.
     */
    static boolean onlyRead(CompilationUnit unit, String name, int dims) {
        return otherUse(unit, name, dims).isEmpty();
    }

    /** The first use of {@code name} in {@code unit} that {@link #onlyRead} does not take (a write, a row passed on). */
    static Optional<Node> otherUse(CompilationUnit unit, String name, int dims) {
        return otherUse(unit, name, dims, false);
    }

    /**
     * As {@link #otherUse(CompilationUnit, String, int)}; with {@code rowsByName}, a row held by a local that is only
     * indexed to read and asked its length ({@code int[] edge = EDGES[e];}) is a read too, which desugaring turns
     * into element reads (an index table is read, never copied: its rows need no copy of their own).
     */
    static Optional<Node> otherUse(CompilationUnit unit, String name, int dims, boolean rowsByName) {
        return otherUse(unit, unit, name, dims, rowsByName, new HashSet<>());
    }

    /**
     * As above, over the uses of {@code name} in {@code scope} (the file, or the body of a method of
     * {@code unit} that receives the table), the methods in {@code seen} already being looked at.
     */
    private static Optional<Node> otherUse(
            CompilationUnit unit, Node scope, String name, int dims, boolean rowsByName, Set<MethodDeclaration> seen) {
        for (Node n : scope.findAll(
                Node.class,
                x -> (x instanceof NameExpr ne && ne.getNameAsString().equals(name))
                        || (x instanceof FieldAccessExpr fa
                                && fa.getNameAsString().equals(name)))) {
            if (n.getParentNode()
                            .filter(p -> p instanceof FieldAccessExpr fa && fa.getScope() == n)
                            .isPresent()
                    && !((FieldAccessExpr) n.getParentNode().get())
                            .getNameAsString()
                            .equals("length")) {
                continue; // (the scope of Owner.A is the class, not the table: the FieldAccessExpr is the use)
            }
            Node top = n;
            int depth = 0;
            while (top.getParentNode().orElse(null) instanceof ArrayAccessExpr acc && acc.getName() == top) {
                top = acc;
                depth++;
            }
            Node parent = top.getParentNode().orElse(null);
            if (depth == dims) {
                if (written(top, parent)) {
                    return Optional.of(top);
                }
            } else if (parent instanceof FieldAccessExpr fa
                    && fa.getScope() == top
                    && fa.getNameAsString().equals("length")) {
                continue;
            } else if (rowsByName
                    && depth == dims - 1
                    && parent instanceof VariableDeclarator row
                    && row.getInitializer().orElse(null) == top
                    && row.getParentNode()
                            .flatMap(Node::getParentNode)
                            .flatMap(Node::getParentNode)
                            .filter(b -> b instanceof com.github.javaparser.ast.stmt.BlockStmt)
                            .filter(b -> onlyIndexed(row.getNameAsString(), b))
                            .isPresent()) {
                continue;
            } else if (parent instanceof MethodCallExpr call
                    && depth < dims
                    && passedToReaders(unit, call, top, dims - depth, seen)) {
                continue;
            } else if (!(parent instanceof ForEachStmt fe
                    && fe.getIterable() == top
                    && (depth == dims - 1 || (depth == dims - 2 && rowsOnlyIndexed(fe))))) {
                return Optional.of(top);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code arg}, a table or one of its rows ({@code dims} levels deep) that {@code call} passes, goes to
     * methods of the file that only read it: every static method {@code call} may name (by its name and number of
     * arguments, called without a scope or on a class) reads that parameter as the file must read the table, passing
     * it on only to such methods. A table handed to a helper that reads it ({@code lerp(TABLE, x)}) is then copied as
     * one only indexed, since the copy holds the same values as the table wherever it is read.
     */
    private static boolean passedToReaders(
            CompilationUnit unit, MethodCallExpr call, Node arg, int dims, Set<MethodDeclaration> seen) {
        int at = -1;
        for (int i = 0; i < call.getArguments().size(); i++) {
            if (call.getArgument(i) == arg) {
                at = i;
            }
        }
        boolean ownClass = call.getScope()
                .map(sc -> sc instanceof NameExpr c
                        && !unit.findAll(
                                        com.github.javaparser.ast.body.TypeDeclaration.class,
                                        t -> t.getNameAsString().equals(c.getNameAsString()))
                                .isEmpty())
                .orElse(true);
        if (at < 0 || !ownClass) {
            return false;
        }
        int index = at;
        List<MethodDeclaration> callees = unit.findAll(
                MethodDeclaration.class,
                m -> m.isStatic()
                        && m.getNameAsString().equals(call.getNameAsString())
                        && m.getParameters().size() == call.getArguments().size());
        if (callees.isEmpty()) {
            return false;
        }
        for (MethodDeclaration m : callees) {
            Parameter p = m.getParameter(index);
            if (p.isVarArgs()
                    || p.getType().getArrayLevel() != dims
                    || m.getBody().isEmpty()) {
                return false;
            }
            if (seen.add(m)
                    && otherUse(unit, m.getBody().get(), p.getNameAsString(), dims, false, seen)
                            .isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the element {@code e} is assigned or updated where it stands under {@code parent}. */
    private static boolean written(Node e, Node parent) {
        return (parent instanceof com.github.javaparser.ast.expr.AssignExpr a && a.getTarget() == e)
                || (parent instanceof UnaryExpr u && dev.adjoint.generator.parse.Updates.isUpdate(u.getOperator()));
    }

    /** Whether the variable of {@code fe} (a row of a 2-D table) is only indexed to read and asked its length. */
    private static boolean rowsOnlyIndexed(ForEachStmt fe) {
        return onlyIndexed(fe.getVariable().getVariables().get(0).getNameAsString(), fe.getBody());
    }

    /** Whether every use of {@code row} in {@code scope} indexes it to read or asks its length. */
    private static boolean onlyIndexed(String row, Node scope) {
        for (NameExpr n : scope.findAll(NameExpr.class, x -> x.getNameAsString().equals(row))) {
            Node parent = n.getParentNode().orElse(null);
            if (parent instanceof ArrayAccessExpr acc && acc.getName() == n) {
                if (written(acc, acc.getParentNode().orElse(null))) {
                    return false;
                }
            } else if (!(parent instanceof FieldAccessExpr fa
                    && fa.getNameAsString().equals("length"))) {
                return false;
            }
        }
        return true;
    }
}
