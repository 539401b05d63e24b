package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.adjoint.generator.parse.Updates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code int} locals that a local array's length inside a loop or block is computed into, right
 * before the array, from what the top-level statement around them does not change, so that
 * {@link NestedArrays} can move them before that statement together with the array:
 *
 * <pre>
 * int copyFrom0 = 2; int copyLength0 = 6 - copyFrom0; double[] cp = new double[copyLength0];   (Arrays.copyOfRange)
 * int cap0 = 0; for (int r0 = 0; r0 &lt; t.length; r0++) { if (t[r0].length &gt; cap0) { cap0 = t[r0].length; } }
 * double[] row = new double[cap0];                                                             (a row's length, RaggedArrays)
 * </pre>
 *
 * This is what the rewrites of a callee leave at its top level, which inlining puts inside the
 * caller's blocks. Moving such statements is exact: they read only names the top-level statement
 * never assigns, literals, arithmetic without a division that may fail, and lengths of arrays and
 * of rows of tables whose rows nothing replaces (at an index a counted loop keeps below the table's
 * length); they write only their own locals, which nothing else assigns; their loops count up to a
 * bound by one and cannot run forever; they call nothing. So they compute the same values at every
 * iteration, and before the statement as inside it, and cannot throw.
 */
final class LengthChains {
    private LengthChains() {}

    /**
     * The statements right before {@code at} in {@code block} that compute the names of {@code dims}
     * which {@code changed} holds (the names the top-level statement declares or assigns): empty
     * when they are not such statements, an empty list when the lengths need none.
     */
    static Optional<List<Statement>> before(
            ExpressionStmt at, BlockStmt block, List<Expression> dims, Set<String> changed, MethodDeclaration method) {
        return before(at, block, dims, changed, method, false);
    }

    /** The same, the statements also reading rows' lengths that {@link #guardRows} guards when {@code rowsGuarded}. */
    static Optional<List<Statement>> before(
            ExpressionStmt at,
            BlockStmt block,
            List<Expression> dims,
            Set<String> changed,
            MethodDeclaration method,
            boolean rowsGuarded) {
        Set<String> needed = new HashSet<>();
        dims.forEach(d -> d.findAll(NameExpr.class).stream()
                .map(NameExpr::getNameAsString)
                .filter(changed::contains)
                .forEach(needed::add));
        if (needed.isEmpty()) {
            return Optional.of(List.of());
        }
        NodeList<Statement> stmts = block.getStatements();
        int end = stmts.indexOf(at);
        int from = end;
        List<Statement> chain = List.of();
        Set<String> own = new HashSet<>();
        // back from the array, statement by statement, until every changed name read is the chain's own
        while (!missing(needed, chain, own, changed).isEmpty()) {
            from--;
            if (from < 0 || !valid(stmts.get(from), method, rowsGuarded)) {
                return Optional.empty();
            }
            chain = new ArrayList<>(stmts.subList(from, end));
            stmts.get(from).findAll(VariableDeclarator.class).forEach(d -> own.add(d.getNameAsString()));
        }
        for (Statement s : chain) {
            for (Node write : writes(s)) {
                if (!own.contains(target(write))) {
                    return Optional.empty();
                }
            }
        }
        List<Statement> finalChain = chain;
        // nothing but the chain may assign its locals: hoisted, they are computed once
        for (Node write : writes(method)) {
            if (own.contains(target(write)) && finalChain.stream().noneMatch(s -> s.isAncestorOf(write))) {
                return Optional.empty();
            }
        }
        return Optional.of(chain);
    }

    /** The names of {@code needed}, and the changed names {@code chain} reads, that it does not declare. */
    private static Set<String> missing(
            Set<String> needed, List<Statement> chain, Set<String> own, Set<String> changed) {
        Set<String> out = new HashSet<>(needed);
        chain.forEach(s -> s.findAll(NameExpr.class).stream()
                .map(NameExpr::getNameAsString)
                .filter(changed::contains)
                .forEach(out::add));
        out.removeAll(own);
        return out;
    }

    /** Whether {@code s} is made only of what the class comment allows. */
    private static boolean valid(Statement s, MethodDeclaration method, boolean g) {
        if (s instanceof BlockStmt b) {
            return b.getStatements().stream().allMatch(x -> valid(x, method, g));
        }
        if (s instanceof IfStmt i) {
            return pure(i.getCondition(), method, g)
                    && valid(i.getThenStmt(), method, g)
                    && i.getElseStmt().map(e -> valid(e, method, g)).orElse(true);
        }
        if (s instanceof ForStmt f) {
            return counted(f)
                    && f.getInitialization().stream().allMatch(e -> pure(e, method, g))
                    && pure(f.getCompare().get(), method)
                    && valid(f.getBody(), method, g);
        }
        if (!(s instanceof ExpressionStmt es)) {
            return false;
        }
        Expression e = es.getExpression();
        if (e instanceof VariableDeclarationExpr v) {
            return v.getVariables().stream()
                    .allMatch(d -> d.getType().equals(PrimitiveType.intType())
                            && d.getInitializer().map(x -> pure(x, method, g)).orElse(false));
        }
        if (e instanceof AssignExpr a) {
            return a.getTarget() instanceof NameExpr
                    && a.getOperator() != AssignExpr.Operator.DIVIDE
                    && a.getOperator() != AssignExpr.Operator.REMAINDER
                    && pure(a.getValue(), method, g);
        }
        return e instanceof UnaryExpr u && Updates.isUpdate(u.getOperator()) && u.getExpression() instanceof NameExpr;
    }

    /** {@code for (int k = ...; k < bound; k++)} whose body assigns neither {@code k} nor the bound's names: it ends. */
    static boolean counted(ForStmt f) {
        if (f.getInitialization().size() != 1
                || !(f.getInitialization().get(0) instanceof VariableDeclarationExpr init)
                || init.getVariables().size() != 1
                || !(f.getCompare().orElse(null) instanceof BinaryExpr cmp)
                || cmp.getOperator() != BinaryExpr.Operator.LESS
                || f.getUpdate().size() != 1
                || !(f.getUpdate().get(0) instanceof UnaryExpr u)
                || !Updates.isUpdate(u.getOperator())
                || u.getOperator() == UnaryExpr.Operator.POSTFIX_DECREMENT
                || u.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT) {
            return false;
        }
        String k = init.getVariable(0).getNameAsString();
        Set<String> bound = new HashSet<>();
        cmp.getRight().findAll(NameExpr.class).forEach(n -> bound.add(n.getNameAsString()));
        return cmp.getLeft() instanceof NameExpr left
                && left.getNameAsString().equals(k)
                && u.getExpression() instanceof NameExpr stepped
                && stepped.getNameAsString().equals(k)
                && !RowAliases.assigned(f.getBody(), Set.of(k))
                && !RowAliases.assigned(f.getBody(), bound);
    }

    /** An expression that reads, and cannot fail: see the class comment. */
    static boolean pure(Expression e, MethodDeclaration method) {
        return pure(e, method, false);
    }

    /**
     * The same, and with {@code rowsGuarded} also the length of any row {@code X[k]} of a table whose rows nothing
     * replaces: such a read may fail (an index past the table), so it stands only where
     * {@link #guardRows} makes it read 0 instead (a scan of lengths, which runs ahead of the method's own reads).
     */
    static boolean pure(Expression e, MethodDeclaration method, boolean rowsGuarded) {
        return e.findAll(Node.class).stream()
                .allMatch(n -> n instanceof NameExpr
                        || n instanceof SimpleName
                        || n instanceof IntegerLiteralExpr
                        || n instanceof EnclosedExpr
                        || n instanceof ConditionalExpr
                        || n instanceof PrimitiveType
                        || n instanceof VariableDeclarationExpr
                        || n instanceof VariableDeclarator
                        || n instanceof UnaryExpr u && !Updates.isUpdate(u.getOperator())
                        || n instanceof BinaryExpr b
                                && (b.getOperator() != BinaryExpr.Operator.DIVIDE
                                                && b.getOperator() != BinaryExpr.Operator.REMAINDER
                                        || b.getRight() instanceof IntegerLiteralExpr lit
                                                && lit.asNumber().intValue() != 0)
                        || n instanceof FieldAccessExpr f
                                && f.getNameAsString().equals("length")
                                && (f.getScope() instanceof NameExpr
                                        || f.getScope() instanceof ArrayAccessExpr row
                                                && (countedRow(row, method)
                                                        || rowsGuarded && guardableRow(row, method)))
                        || n instanceof ArrayAccessExpr row
                                && row.getParentNode().orElse(null) instanceof FieldAccessExpr len
                                && len.getScope() == row);
    }

    /** {@code X[k]} of a table whose rows nothing replaces, at an index that is a variable. */
    private static boolean guardableRow(ArrayAccessExpr row, MethodDeclaration method) {
        return row.getName() instanceof NameExpr table
                && row.getIndex() instanceof NameExpr
                && !RowAliases.rowsReplaced(method, table.getNameAsString());
    }

    /**
     * {@code e} with each row length {@code X[k].length} read as {@code (k >= 0 && k < X.length ? X[k].length : 0)}:
     * a scan of lengths never fails at an index the method fails at later (the method reads the row itself where it
     * creates its array, and fails there as Java does). A null row fails in the scan, with Java's exception, as the
     * longest-row scans of {@code RaggedArrays} do.
     */
    static Expression guardRows(Expression e) {
        EnclosedExpr box = new EnclosedExpr(e.clone());
        guardIn(box);
        return box.getInner();
    }

    /** A copy of {@code s} with its rows' lengths read as {@link #guardRows(Expression)} reads them. */
    static Statement guardRows(Statement s) {
        Statement out = s.clone();
        guardIn(out);
        return out;
    }

    private static void guardIn(Node out) {
        for (FieldAccessExpr f : out.findAll(FieldAccessExpr.class)) {
            if (f.getNameAsString().equals("length")
                    && f.getScope() instanceof ArrayAccessExpr row
                    && row.getName() instanceof NameExpr table
                    && row.getIndex() instanceof NameExpr k) {
                Expression inside = new BinaryExpr(
                        new BinaryExpr(k.clone(), new IntegerLiteralExpr("0"), BinaryExpr.Operator.GREATER_EQUALS),
                        new BinaryExpr(
                                k.clone(), new FieldAccessExpr(table.clone(), "length"), BinaryExpr.Operator.LESS),
                        BinaryExpr.Operator.AND);
                f.replace(new EnclosedExpr(new ConditionalExpr(inside, f.clone(), new IntegerLiteralExpr("0"))));
            }
        }
    }

    /** {@code X[k]} inside {@code for (... k < X.length; k++)}, of a table whose rows nothing replaces. */
    private static boolean countedRow(ArrayAccessExpr row, MethodDeclaration method) {
        if (!(row.getName() instanceof NameExpr table)
                || !(row.getIndex() instanceof NameExpr k)
                || RowAliases.rowsReplaced(method, table.getNameAsString())) {
            return false;
        }
        for (Node p = row.getParentNode().orElse(null);
                p != null;
                p = p.getParentNode().orElse(null)) {
            if (p instanceof ForStmt f
                    && counted(f)
                    && f.getInitialization().get(0) instanceof VariableDeclarationExpr init
                    && init.getVariable(0).getNameAsString().equals(k.getNameAsString())
                    && init.getVariable(0).getInitializer().orElse(null) instanceof IntegerLiteralExpr start
                    && start.asNumber().intValue() >= 0
                    && f.getCompare().get() instanceof BinaryExpr cmp
                    && isLengthOf(cmp.getRight(), table.getNameAsString(), method)) {
                return true;
            }
        }
        return false;
    }

    /** {@code X.length}, or a local holding it ({@code int n = X.length;}) that the method declares once and never changes. */
    private static boolean isLengthOf(Expression bound, String table, MethodDeclaration method) {
        if (bound instanceof FieldAccessExpr len) {
            return len.getNameAsString().equals("length")
                    && len.getScope() instanceof NameExpr b
                    && b.getNameAsString().equals(table);
        }
        if (!(bound instanceof NameExpr local)) {
            return false;
        }
        String name = local.getNameAsString();
        List<com.github.javaparser.ast.body.VariableDeclarator> declared = method.findAll(
                com.github.javaparser.ast.body.VariableDeclarator.class,
                v -> v.getNameAsString().equals(name));
        return declared.size() == 1
                && declared.get(0)
                        .getInitializer()
                        .filter(i -> isLengthOf(i, table, method) && !(i instanceof NameExpr))
                        .isPresent()
                && method.getParameters().stream()
                        .noneMatch(p -> p.getNameAsString().equals(name))
                && writes(method).stream().noneMatch(w -> target(w).equals(name));
    }

    /** The assignments and updates in {@code scope}. */
    private static List<Node> writes(Node scope) {
        List<Node> out = new ArrayList<>(scope.findAll(AssignExpr.class));
        scope.findAll(UnaryExpr.class).stream()
                .filter(u -> Updates.isUpdate(u.getOperator()))
                .forEach(out::add);
        return out;
    }

    /** The variable an assignment or update writes, or {@code ""} for an element or a field. */
    private static String target(Node write) {
        Expression t = write instanceof AssignExpr a ? a.getTarget() : ((UnaryExpr) write).getExpression();
        return t instanceof NameExpr n ? n.getNameAsString() : "";
    }
}
