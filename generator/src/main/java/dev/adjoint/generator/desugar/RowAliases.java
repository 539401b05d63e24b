package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.parse.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A row of a 2-D array named by a variable of its own, as the element accesses it stands for:
 *
 * <pre>
 * for (double[] row : X) { ... row[j] ... }     for (int r = 0; r &lt; X.length; r++) { ... X[r][j] ... }
 * double[] row = X[i]; ... row[j] ... row.length     ... X[i][j] ... X[i].length
 * </pre>
 *
 * ({@code X} a parameter, a local, or a static table of the class: {@code for (double[] node : GAUSS)}),
 * and likewise one rank up: a layer {@code W[l]} of a 3-D array ({@code for (double[][] layer : W)},
 * {@code double[][] L = W[l];}) and a row {@code W[l][i]} of one ({@code for (double[] row : W[l])},
 * {@code double[] r = W[l][i];}), the alias's rank one less than what it names.
 *
 * Rewritten only where the alias keeps meaning the same row: it is read only before the first
 * statement after it that assigns it or a variable of its index, or replaces a row of {@code X}
 * ({@code X[k] = ...}); the statements from that one on stay as written.
 * The static strategy follows elements of 2-D arrays, not arrays assigned from other arrays.
 * Likewise a whole array named twice ({@code double[] p = w;}) reads as the one name from there on.
 */
final class RowAliases {
    private final Rewriter rw;

    RowAliases(Rewriter rw) {
        this.rw = rw;
    }

    /** The statements {@code s} stands for, or empty when it does not name a row. */
    Optional<List<Statement>> rewrite(Statement s) {
        if (s instanceof ForEachStmt fe
                && fe.getVariable().getVariables().size() == 1
                && isAlias(fe.getVariable().getVariables().get(0), fe.getIterable())) {
            String row = fe.getVariable().getVariables().get(0).getNameAsString();
            Expression table = fe.getIterable();
            Set<String> fixed = new java.util.HashSet<>(indexNames(table));
            fixed.add(row);
            if (assigned(fe.getBody(), fixed) || rowsReplaced(fe.getBody(), root(table), rank(table) + depth(table))) {
                return Optional.empty();
            }
            String r = rw.fresh(row + "Index");
            ForStmt loop = (ForStmt) rw.statement(
                    "for (int #r# = 0; #r# < $table.length; #r#++) { }", Map.of("#r#", r), Map.of("$table", table), s);
            Statement body = fe.getBody().clone();
            substitute(body, row, r, table);
            loop.setBody(body instanceof BlockStmt ? body : new BlockStmt(new NodeList<>(body)));
            return Optional.of(List.of(loop));
        }
        if (s instanceof ForEachStmt fe
                && fe.getVariable().getVariables().size() == 1
                && fe.getIterable() instanceof ArrayAccessExpr row
                && isCubeRow(row)
                && fe.getVariable().getVariables().get(0).getType().isPrimitiveType()) {
            // for (double w : W[l][i]): Java reads the row once; it stays the same row while its indices and W's rows
            // do
            VariableDeclarator v = fe.getVariable().getVariables().get(0);
            if (assigned(fe.getBody(), indexNames(row)) || rowsReplaced(fe.getBody(), root(row), 3)) {
                return Optional.empty();
            }
            String r = rw.fresh(v.getNameAsString() + "Index");
            ForStmt loop = (ForStmt) rw.statement(
                    "for (int #r# = 0; #r# < $row.length; #r#++) { #t# #v# = $row[#r#]; }",
                    Map.of("#r#", r, "#t#", v.getType().asString(), "#v#", v.getNameAsString()),
                    Map.of("$row", row),
                    s);
            Statement body = fe.getBody().clone();
            BlockStmt block = loop.getBody().asBlockStmt();
            if (body instanceof BlockStmt b) {
                b.getStatements().forEach(st -> block.addStatement(st.clone()));
            } else {
                block.addStatement(body);
            }
            return Optional.of(List.of(loop));
        }
        return Optional.empty();
    }

    /** Whether {@code row} is a row {@code W[l][i]} of a 3-D array variable, at {@link #simple} indices. */
    private boolean isCubeRow(ArrayAccessExpr row) {
        return depth(row) == 2
                && rank(row) == 1
                && simple(row.getIndex())
                && row.getName() instanceof ArrayAccessExpr layer
                && simple(layer.getIndex());
    }

    /** {@code double[] row = X[i];} in {@code block} at {@code at}: the statements after it, reading {@code X[i]} instead. */
    Optional<List<Statement>> rewriteBlock(BlockStmt block) {
        NodeList<Statement> stmts = block.getStatements();
        for (int k = 0; k < stmts.size(); k++) {
            if (!(stmts.get(k) instanceof ExpressionStmt es
                    && es.getExpression() instanceof VariableDeclarationExpr v
                    && v.getVariables().size() == 1)) {
                continue;
            }
            VariableDeclarator d = v.getVariables().get(0);
            Optional<List<Statement>> whole = wholeAlias(stmts, k, d);
            if (whole.isPresent()) {
                return whole;
            }
            if (!(d.getInitializer().orElse(null) instanceof ArrayAccessExpr init) || !isAlias(d, init.getName())) {
                continue;
            }
            if (!simple(init.getIndex())) { // cams[camIdx[k]]: the index into a local of its own first
                Optional<List<Statement>> held = IndexedRows.hoist(stmts, k, init, rw);
                if (held.isPresent()) {
                    return held;
                }
                continue;
            }
            String table = root(init);
            int tableRank = rank(init) + depth(init);
            List<Statement> rest = new ArrayList<>(stmts.subList(k + 1, stmts.size()));
            Set<String> fixed = new java.util.HashSet<>(indexNames(init));
            fixed.add(d.getNameAsString());
            // the alias means X[i] up to the first statement that may change what it names (i = i + 1 at the end of
            // a loop's body, as normalized code and inlined helpers have it): it may be read only before that one
            int until = 0;
            while (until < rest.size()
                    && !assigned(rest.get(until), fixed)
                    && !rowsReplaced(rest.get(until), table, tableRank)) {
                until++;
            }
            if (rest.subList(until, rest.size()).stream().anyMatch(st -> reads(st, d.getNameAsString()))) {
                continue;
            }
            List<Statement> out = new ArrayList<>(stmts.subList(0, k));
            for (Statement st : rest.subList(0, until)) {
                Statement copy = st.clone();
                substituteExpr(copy, d.getNameAsString(), init);
                out.add(copy);
            }
            rest.subList(until, rest.size()).forEach(st -> out.add(st.clone()));
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /**
     * {@code T[] p = q;} at {@code k} of {@code stmts}, {@code q} an array variable or static table of the same type:
     * the statements after it, reading {@code q} for {@code p}, when neither is assigned again (then
     * both name one array, written through either, and so do their adjoints).
     */
    private Optional<List<Statement>> wholeAlias(NodeList<Statement> stmts, int k, VariableDeclarator d) {
        if (!(d.getInitializer().orElse(null) instanceof NameExpr q)
                || !(d.getType() instanceof ArrayType
                        || d.getType() instanceof com.github.javaparser.ast.type.VarType)) {
            return Optional.empty();
        }
        Optional<Type> qType = rw.typeOf(q).or(() -> rw.staticFieldType(q)); // a table: double[] w = WEIGHTS;
        if (qType.isEmpty()
                || !(qType.get() instanceof ArrayType)
                || !(qType.get().equals(d.getType()) || d.getType().isVarType())) {
            return Optional.empty();
        }
        BlockStmt after = new BlockStmt(new NodeList<>(stmts.subList(k + 1, stmts.size()).stream()
                .map(Statement::clone)
                .toList()));
        if (assigned(after, Set.of(d.getNameAsString(), q.getNameAsString()))) {
            return Optional.empty();
        }
        List<Statement> out = new ArrayList<>(stmts.subList(0, k));
        for (Statement st : after.getStatements()) {
            for (NameExpr n : st.findAll(NameExpr.class)) {
                if (n.getNameAsString().equals(d.getNameAsString())) {
                    n.setName(q.getNameAsString());
                }
            }
            out.add(st);
        }
        return Optional.of(out);
    }

    /**
     * Whether {@code d} declares a primitive array that {@code named} can stand for: a row of a
     * 2-D array variable or a layer or row of a 3-D one ({@code X}, {@code W}, {@code W[l]}, indices
     * {@link #simple}), one rank above {@code d}'s.
     */
    private boolean isAlias(VariableDeclarator d, Expression named) {
        if (d.getType().isVarType()) { // (javac gives it the type of a row of what it names: for (var row : X))
            Expression root = named;
            while (root instanceof ArrayAccessExpr acc) {
                root = acc.getName();
            }
            return root instanceof NameExpr n
                    && arrayType(n)
                            .filter(t -> t.getElementType().isPrimitiveType())
                            .isPresent()
                    && rank(named) >= 2
                    && rank(named) <= 3
                    && tableRoot(named);
        }
        return d.getType() instanceof ArrayType a
                && a.getElementType().isPrimitiveType()
                && a.getArrayLevel() <= 2
                && rank(named) == a.getArrayLevel() + 1
                && tableRoot(named);
    }

    /** Whether {@code e} is a 2-D or 3-D array variable, or elements of a 3-D one at {@link #simple} indices. */
    private boolean tableRoot(Expression e) {
        int depth = 0;
        while (e instanceof ArrayAccessExpr acc) {
            if (!simple(acc.getIndex())) {
                return false;
            }
            e = acc.getName();
            depth++;
        }
        int level =
                e instanceof NameExpr n ? arrayType(n).map(Type::getArrayLevel).orElse(0) : 0;
        return level >= 2 && level - depth >= 2;
    }

    /** The rank of the array {@code e} names (a variable, or elements of one), or -1. */
    private int rank(Expression e) {
        int depth = 0;
        while (e instanceof ArrayAccessExpr acc) {
            e = acc.getName();
            depth++;
        }
        return e instanceof NameExpr n ? arrayType(n).map(Type::getArrayLevel).orElse(-1) - depth : -1;
    }

    /** The array type of the variable {@code n} names: a local or parameter, else a static table of the class (read only). */
    private Optional<Type> arrayType(NameExpr n) {
        return rw.typeOf(n).or(() -> rw.staticFieldType(n)).filter(t -> t instanceof ArrayType);
    }

    /** The number of indices applied to a variable in {@code e} (2 for {@code W[l][i]}). */
    private static int depth(Expression e) {
        int depth = 0;
        while (e instanceof ArrayAccessExpr acc) {
            e = acc.getName();
            depth++;
        }
        return depth;
    }

    /** The variable {@code e} indexes ({@code W} of {@code W[l][i]}). */
    private static String root(Expression e) {
        while (e instanceof ArrayAccessExpr acc) {
            e = acc.getName();
        }
        return e instanceof NameExpr n ? n.getNameAsString() : "";
    }

    /** The variables the indices of {@code e} read ({@code l} and {@code i} of {@code W[l][i + 1]}). */
    private static Set<String> indexNames(Expression e) {
        Set<String> out = new java.util.TreeSet<>();
        while (e instanceof ArrayAccessExpr acc) {
            acc.getIndex().findAll(NameExpr.class).forEach(n -> out.add(n.getNameAsString()));
            e = acc.getName();
        }
        return out;
    }

    /**
     * Whether {@code n} names a 2-D or 3-D array variable of the method: the length of one of its
     * elements ({@code X[i].length}, a row's; {@code W[l].length}, a layer's number of rows) is at
     * most the greatest over {@code n}'s elements.
     */
    boolean hasRows(NameExpr n) {
        return rw.typeOf(n)
                .filter(t -> t instanceof ArrayType a && (a.getArrayLevel() == 2 || a.getArrayLevel() == 3))
                .isPresent();
    }

    /** Whether {@code n} names a 2-D array variable of the method. */
    boolean isTable(NameExpr n) {
        return rw.typeOf(n)
                .filter(t -> t instanceof ArrayType a && a.getArrayLevel() == 2)
                .isPresent();
    }

    /**
     * An index of names, literals, arithmetic and arrays' lengths ({@code X.length - 1 - i}): the
     * same value wherever it is written again (array variables are never assigned).
     */
    static boolean simple(Expression e) {
        return e.findAll(Node.class).stream()
                .allMatch(n -> n instanceof NameExpr
                        || n instanceof com.github.javaparser.ast.expr.SimpleName
                        || (n instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                                && f.getNameAsString().equals("length")
                                && f.getScope() instanceof NameExpr)
                        || n instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr
                        || n instanceof com.github.javaparser.ast.expr.EnclosedExpr
                        || n instanceof com.github.javaparser.ast.expr.BinaryExpr b
                                && switch (b.getOperator()) {
                                    case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER -> true;
                                    default -> false;
                                });
    }

    /** Whether {@code scope} assigns one of {@code names} (or updates it with ++/--). */
    static boolean assigned(Node scope, Set<String> names) {
        for (AssignExpr a : scope.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr n && names.contains(n.getNameAsString())) {
                return true;
            }
        }
        for (UnaryExpr u : scope.findAll(UnaryExpr.class)) {
            if (Updates.isUpdate(u.getOperator())
                    && u.getExpression() instanceof NameExpr n
                    && names.contains(n.getNameAsString())) {
                return true;
            }
        }
        return scope.findAll(VariableDeclarator.class).stream().anyMatch(v -> names.contains(v.getNameAsString()));
    }

    /** Whether {@code scope} names variable {@code name}. */
    private static boolean reads(Node scope, String name) {
        return scope.findAll(NameExpr.class).stream()
                .anyMatch(n -> n.getNameAsString().equals(name));
    }

    /** Whether {@code scope} replaces a row of the 2-D array {@code table} ({@code X[k] = ...}). */
    static boolean rowsReplaced(Node scope, String table) {
        return rowsReplaced(scope, table, 2);
    }

    /**
     * Whether {@code scope} replaces a row or layer of the array {@code table} of rank {@code rank}
     * (an assignment to fewer than {@code rank} of its indices: {@code W[l] = ...}, {@code W[l][i] = ...}).
     */
    static boolean rowsReplaced(Node scope, String table, int rank) {
        return scope.findAll(AssignExpr.class).stream().anyMatch(a -> {
            int depth = 0;
            Expression e = a.getTarget();
            while (e instanceof ArrayAccessExpr acc) {
                e = acc.getName();
                depth++;
            }
            return depth > 0
                    && depth < rank
                    && e instanceof NameExpr n
                    && n.getNameAsString().equals(table);
        });
    }

    private void substitute(Node body, String row, String index, Expression table) {
        ArrayAccessExpr element = new ArrayAccessExpr(table.clone(), new NameExpr(index));
        substituteExpr(body, row, element);
    }

    /** Every use of variable {@code row} in {@code scope} replaced by a copy of {@code rowExpr}, at the use's position. */
    private static void substituteExpr(Node scope, String row, ArrayAccessExpr rowExpr) {
        for (NameExpr n : scope.findAll(NameExpr.class)) {
            if (n.getNameAsString().equals(row)) {
                ArrayAccessExpr copy = rowExpr.clone();
                n.getRange().ifPresent(r -> copy.walk(x -> x.setRange(r)));
                n.replace(copy);
            }
        }
    }
}
