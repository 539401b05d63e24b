package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A local array created inside a loop or block with the length of a row of a 2-D array
 * ({@code new double[X[i].length]}), as one array of the longest row's length, created before the
 * top-level statement around it, its length in a variable of its own, cleared up to that length
 * where the original was created:
 *
 * <pre>
 * for (...) {                                     int sqCapacity0 = 0;
 *     double[] sq = new double[X[i].length];      for (r0 in rows of X) sqCapacity0 = max(sqCapacity0, X[r0].length);
 *     ... sq[e] ... sq.length ...                 double[] sq = new double[sqCapacity0];
 * }                                               for (...) {
 *                                                     int sqLength0 = X[i].length;
 *                                                     for (int k0 = 0; k0 &lt; sqLength0; k0++) sq[k0] = 0;
 *                                                     ... sq[e &lt; sqLength0 ? e : -1] ... sqLength0 ...
 * </pre>
 *
 * No statement replaces a row of {@code X} (neither strategy follows {@code X[k] = ...}), so the
 * longest row bounds every iteration's length, and the array comes from the pool once per call.
 * Each iteration starts from zeros, and what it overwrites of the last one's values the static
 * strategy saves as it saves any overwritten element. An index the original finds out of bounds is
 * out of bounds of the longer array too ({@code -1}), so the adjoint throws where the method throws;
 * the counter of a {@code for} loop from a literal up to the length, by one, is in bounds and is
 * left as written. Only {@code sq[...]} and {@code sq.length} can be rewritten: an array used whole
 * (passed to a method, iterated by for-each) keeps its declaration, for the normalizer to reject.
 */
final class RaggedArrays {
    private final Rewriter rw;
    private final RowAliases rows;
    private final MethodDeclaration method;

    RaggedArrays(Rewriter rw, RowAliases rows, MethodDeclaration method) {
        this.rw = rw;
        this.rows = rows;
        this.method = method;
    }

    /** The method's top-level statements with one such array hoisted, or empty when there is none. */
    Optional<List<Statement>> rewriteBody(BlockStmt body) {
        return hoistFirst(body, this::rowLength, this::hoist);
    }

    /**
     * {@code body}'s top-level statements with the first declaration inside one of them that
     * {@code find} takes replaced as {@code hoist} says, put before that statement; or empty.
     */
    static <T> Optional<List<Statement>> hoistFirst(
            BlockStmt body,
            java.util.function.BiFunction<VariableDeclarationExpr, Statement, Optional<T>> find,
            java.util.function.BiFunction<VariableDeclarationExpr, T, List<Statement>> hoist) {
        NodeList<Statement> stmts = body.getStatements();
        for (int k = 0; k < stmts.size(); k++) {
            Statement top = stmts.get(k);
            for (VariableDeclarationExpr v : top.findAll(VariableDeclarationExpr.class)) {
                Optional<T> found = find.apply(v, top);
                if (found.isPresent()) {
                    List<Statement> out = new ArrayList<>(stmts.subList(0, k));
                    out.addAll(hoist.apply(v, found.get()));
                    out.addAll(stmts.subList(k, stmts.size()));
                    return Optional.of(out);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code X[e].length} when {@code v} creates, inside {@code top}, an array of that length that only its elements and length are read of. */
    private Optional<FieldAccessExpr> rowLength(VariableDeclarationExpr v, Statement top) {
        if (v.getVariables().size() != 1
                || !(v.getParentNode().orElse(null) instanceof ExpressionStmt es)
                || es == top
                || !(es.getParentNode().orElse(null) instanceof BlockStmt block)) {
            return Optional.empty();
        }
        VariableDeclarator d = v.getVariables().get(0);
        if (!(d.getInitializer().orElse(null) instanceof ArrayCreationExpr c)
                || c.getInitializer().isPresent()
                || !(c.getElementType() instanceof PrimitiveType)
                || c.getLevels().size() != 1
                || !(c.getLevels().get(0).getDimension().orElse(null) instanceof FieldAccessExpr f)
                || !f.getNameAsString().equals("length")
                || !(f.getScope() instanceof ArrayAccessExpr row)
                || !(row.getName() instanceof NameExpr table)
                || !rows.hasRows(table)
                || !readsOnly(row.getIndex())
                || RowAliases.assigned(top, Set.of(table.getNameAsString()))
                || RowAliases.rowsReplaced(method, table.getNameAsString())) {
            return Optional.empty();
        }
        return usedByElements(block, es, d.getNameAsString()) ? Optional.of(f) : Optional.empty();
    }

    /** Whether the statements after {@code at} in {@code block} only read and write elements of array {@code name} and read its length. */
    static boolean usedByElements(BlockStmt block, Statement at, String name) {
        for (Statement later : after(block, at)) {
            if (RowAliases.assigned(later, Set.of(name))) {
                return false;
            }
            for (NameExpr n : later.findAll(NameExpr.class)) {
                if (n.getNameAsString().equals(name) && !isElementOrLength(n)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** An index that only reads: names, literals, arithmetic, elements ({@code order[i]}), lengths; no call, no update. */
    static boolean readsOnly(Expression index) {
        return RowAliases.simple(index)
                || index.findAll(Node.class).stream()
                        .allMatch(n -> n instanceof ArrayAccessExpr
                                || n instanceof NameExpr
                                || n instanceof com.github.javaparser.ast.expr.SimpleName
                                || n instanceof IntegerLiteralExpr
                                || n instanceof EnclosedExpr
                                || n instanceof FieldAccessExpr f
                                        && f.getNameAsString().equals("length")
                                || n instanceof BinaryExpr b
                                        && b.getOperator() != BinaryExpr.Operator.AND
                                        && b.getOperator() != BinaryExpr.Operator.OR);
    }

    private static boolean isElementOrLength(NameExpr n) {
        Node parent = n.getParentNode().orElse(null);
        return parent instanceof ArrayAccessExpr a && a.getName() == n
                || parent instanceof FieldAccessExpr f
                        && f.getScope() == n
                        && f.getNameAsString().equals("length");
    }

    static List<Statement> after(BlockStmt block, Statement s) {
        NodeList<Statement> stmts = block.getStatements();
        for (int i = 0; i < stmts.size(); i++) {
            if (stmts.get(i) == s) {
                return new ArrayList<>(stmts.subList(i + 1, stmts.size()));
            }
        }
        return List.of();
    }

    /** The statements before the top-level one; the declaration is replaced in place by its length and clearing. */
    private List<Statement> hoist(VariableDeclarationExpr v, FieldAccessExpr length) {
        VariableDeclarator d = v.getVariables().get(0);
        ArrayCreationExpr c = (ArrayCreationExpr) d.getInitializer().get();
        ExpressionStmt at = (ExpressionStmt) v.getParentNode().get();
        BlockStmt block = (BlockStmt) at.getParentNode().get();
        NameExpr table = (NameExpr) ((ArrayAccessExpr) length.getScope()).getName();
        Set<String> lengthFixed = new HashSet<>(length.findAll(NameExpr.class).stream()
                .map(NameExpr::getNameAsString)
                .toList());
        // (an element in the index, m[order[i]].length, may be written without its name being assigned)
        boolean lengthKept = ((ArrayAccessExpr) length.getScope())
                        .getIndex()
                        .findAll(ArrayAccessExpr.class)
                        .isEmpty()
                && after(block, at).stream().noneMatch(s -> RowAliases.assigned(s, lengthFixed));
        String cap = rw.fresh(d.getNameAsString() + "Capacity");
        String hoisted = keepInPlace(rw, method, v, length, lengthKept, false);
        String type = c.getElementType().asString();
        Map<String, String> names = Map.of("#a#", hoisted, "#c#", cap, "#r#", rw.fresh("r"), "#t#", type);
        return rw.statements(
                "{ int #c# = 0; for (int #r# = 0; #r# < $X.length; #r#++) { if ($X[#r#].length > #c#) { #c# = $X[#r#].length; } }"
                        + " #t#[] #a# = new #t#[#c#]; }",
                names,
                Map.of("$X", table),
                at);
    }

    /**
     * Replaces the declaration {@code v} of an array that will be created longer, before the
     * top-level statement, by its {@code length} in a fresh local (a negative one throwing as
     * {@code new} throws, when it {@code mayBeNegative}) and the clearing of that many elements,
     * and rewrites the uses after it as {@link #keptLength} does ({@code lengthKept}: the names of
     * {@code length} keep their values after the declaration, so a counted loop up to it is in
     * bounds). Gives the name the array has before the statement: its own, or a fresh one when the
     * method declares the name more than once.
     */
    static String keepInPlace(
            Rewriter rw,
            MethodDeclaration method,
            VariableDeclarationExpr v,
            Expression length,
            boolean lengthKept,
            boolean mayBeNegative) {
        VariableDeclarator d = v.getVariables().get(0);
        ArrayCreationExpr c = (ArrayCreationExpr) d.getInitializer().get();
        ExpressionStmt at = (ExpressionStmt) v.getParentNode().get();
        BlockStmt block = (BlockStmt) at.getParentNode().get();
        String name = d.getNameAsString();
        long declared = method.findAll(VariableDeclarator.class).stream()
                .filter(x -> x.getNameAsString().equals(name))
                .count();
        String hoisted = declared == 1 ? name : rw.fresh(name);
        String len = rw.fresh(name + "Length");
        List<Statement> rest = after(block, at);
        List<ArrayAccessExpr> unchecked = new ArrayList<>();
        List<FieldAccessExpr> lengths = new ArrayList<>();
        for (Statement later : rest) {
            for (NameExpr n : later.findAll(NameExpr.class)) {
                if (!n.getNameAsString().equals(name)) {
                    continue;
                }
                if (n.getParentNode().get() instanceof ArrayAccessExpr a) {
                    if (!inBounds(a, name, lengthKept ? length : null, block)) {
                        unchecked.add(a);
                    }
                } else {
                    lengths.add((FieldAccessExpr) n.getParentNode().get());
                }
            }
        }
        keptLength(len, lengths, unchecked);
        if (!hoisted.equals(name)) {
            for (Statement later : rest) {
                later.findAll(NameExpr.class).stream()
                        .filter(n -> n.getNameAsString().equals(name))
                        .forEach(n -> n.setName(hoisted));
            }
        }
        String zero = c.getElementType().equals(PrimitiveType.booleanType()) ? "false" : "0";
        Map<String, String> names = Map.of("#a#", hoisted, "#n#", len, "#k#", rw.fresh("k"), "#0#", zero);
        String check = mayBeNegative ? " if (#n# < 0) throw new NegativeArraySizeException(\"\" + #n#);" : "";
        List<Statement> inPlace = rw.statements(
                "{ int #n# = $length;" + check + " for (int #k# = 0; #k# < #n#; #k#++) { #a#[#k#] = #0#; } }",
                names,
                Map.of("$length", length),
                at);
        int index = block.getStatements().indexOf(at);
        block.getStatements().remove(index);
        block.getStatements().addAll(index, inPlace);
        return hoisted;
    }

    /**
     * Whether {@code a}'s index is the counter of a {@code for} loop around it (inside {@code block})
     * that starts at a literal, is stepped by one and stops before the array's length (or before
     * {@code length}, the expression it was created with, when that keeps its value), and that its
     * body never assigns.
     */
    private static boolean inBounds(ArrayAccessExpr a, String array, Expression length, BlockStmt block) {
        return boundingLoop(a, array, length, block).isPresent();
    }

    /**
     * An array longer than the value it stands for, its length {@code len} kept beside it: each
     * {@code a.length} of {@code lengths} reads {@code len}, and each element of {@code unchecked}
     * is read at {@code i < len ? i : -1}, so that an index past the length still throws.
     */
    static void keptLength(String len, List<FieldAccessExpr> lengths, List<ArrayAccessExpr> unchecked) {
        for (FieldAccessExpr f : lengths) {
            NameExpr n = new NameExpr(len);
            f.getRange().ifPresent(n::setRange);
            f.replace(n);
        }
        // innermost first: an index may hold another element of the array
        for (int u = unchecked.size() - 1; u >= 0; u--) {
            ArrayAccessExpr a = unchecked.get(u);
            Expression index = a.getIndex();
            Expression e = Rewriter.isPrimary(index) ? index : new EnclosedExpr(index.clone());
            ConditionalExpr checked = new ConditionalExpr(
                    new BinaryExpr(e.clone(), new NameExpr(len), BinaryExpr.Operator.LESS),
                    e.clone(),
                    new UnaryExpr(new IntegerLiteralExpr("1"), UnaryExpr.Operator.MINUS));
            index.getRange()
                    .ifPresent(r -> checked.walk(x -> x.setRange(x.getRange().orElse(r))));
            a.setIndex(checked);
        }
    }

    /** The loop {@link #inBounds} finds, or empty. */
    static Optional<ForStmt> boundingLoop(ArrayAccessExpr a, String array, Expression length, Node block) {
        if (!(a.getIndex() instanceof NameExpr j)) {
            return Optional.empty();
        }
        String counter = j.getNameAsString();
        Node child = a;
        for (Node p = a.getParentNode().orElse(null);
                p != null && p != block;
                child = p, p = p.getParentNode().orElse(null)) {
            if (!(p instanceof ForStmt f) || f.getBody() != child) {
                continue;
            }
            if (f.getInitialization().size() == 1
                    && f.getInitialization().get(0) instanceof VariableDeclarationExpr init
                    && init.getVariables().size() == 1
                    && init.getVariable(0).getNameAsString().equals(counter)
                    && init.getVariable(0).getInitializer().orElse(null) instanceof IntegerLiteralExpr
                    && f.getCompare().orElse(null) instanceof BinaryExpr cmp
                    && cmp.getOperator() == BinaryExpr.Operator.LESS
                    && cmp.getLeft() instanceof NameExpr left
                    && left.getNameAsString().equals(counter)
                    && (isLengthOf(cmp.getRight(), array)
                            || length != null && cmp.getRight().equals(length))
                    && f.getUpdate().size() == 1
                    && f.getUpdate().get(0) instanceof UnaryExpr u
                    && (u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT
                            || u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT)
                    && u.getExpression() instanceof NameExpr stepped
                    && stepped.getNameAsString().equals(counter)
                    && !RowAliases.assigned(f.getBody(), Set.of(counter))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static boolean isLengthOf(Expression e, String array) {
        return e instanceof FieldAccessExpr f
                && f.getNameAsString().equals("length")
                && f.getScope() instanceof NameExpr n
                && n.getNameAsString().equals(array);
    }
}
