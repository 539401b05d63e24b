package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
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
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.adjoint.generator.parse.Updates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A ragged local 2-D array, its rows created one by one, as one rectangular array as wide as the
 * longest row with each row's length kept beside it in an {@code int[]} ({@code -1}: no row yet):
 *
 * <pre>
 * double[][] tri = new double[n][];          int triCapacity0 = 0; (scan: for (i0 &lt; n) triCapacity0 = max(triCapacity0, i0 + 1))
 * for (int i = 0; i &lt; n; i++) {               double[][] tri = new double[n][triCapacity0];
 *     tri[i] = new double[i + 1];            int[] triLengths0 = new int[tri.length]; (each -1)
 *     ... tri[i][j] ... tri[i].length ...    for (int i = 0; i &lt; n; i++) {
 * }                                              int triRow0 = i; int triLength0 = i + 1; (negative: throws)
 *                                                triLengths0[triRow0] = triLength0; clear tri[triRow0] up to triLength0;
 *                                                ... tri[i][j &lt; triLengths0[i] ? j : -1] ... triLengths0[triLengths0[i] &lt; 0 ? -1 : i] ...
 * </pre>
 *
 * Each row's length is scanned as {@link LoopLengths} scans a loop-local array's, before the
 * declaration: the rows' lengths read only the counters of counted loops around their creation,
 * {@code int} locals computed right before it, and names the method never assigns that are
 * parameters or locals declared before the 2-D array, so they have the same values there, and the
 * lengths of rows of tables whose rows nothing replaces ({@code yy[i] = y[i].clone()}: the scan reads
 * a row only at an index inside the table, {@link LengthChains#guardRows}). The array
 * may be used only through its elements {@code tri[i][j]}, its rows' lengths and its own length,
 * with indices that only read, and its rows replaced only by {@code new} rows; a row's creation
 * clears it (Java's new row is zeros), an element past its row's length and a row not created yet
 * still throw ({@code ArrayIndexOutOfBoundsException} where Java throws a
 * {@code NullPointerException} for the latter). Anything else leaves the array as written, which
 * both strategies reject.
 */
final class RaggedLocals {
    private final Rewriter rw;
    private final LoopLengths scans;
    private final MethodDeclaration method;

    RaggedLocals(Rewriter rw, LoopLengths scans, MethodDeclaration method) {
        this.rw = rw;
        this.scans = scans;
        this.method = method;
    }

    /** The method's top-level statements with one such array rewritten, or empty when there is none. */
    Optional<List<Statement>> rewriteBody(BlockStmt body) {
        NodeList<Statement> stmts = body.getStatements();
        for (int k = 0; k < stmts.size(); k++) {
            if (stmts.get(k) instanceof ExpressionStmt es
                    && es.getExpression() instanceof VariableDeclarationExpr v
                    && v.getVariables().size() == 1
                    && v.getVariable(0).getInitializer().orElse(null) instanceof ArrayCreationExpr c
                    && c.getInitializer().isEmpty()
                    && c.getElementType() instanceof PrimitiveType
                    && c.getLevels().size() == 2
                    && c.getLevels().get(0).getDimension().isPresent()
                    && c.getLevels().get(1).getDimension().isEmpty()) {
                Optional<List<Statement>> out = rewrite(body, k, v.getVariable(0), c);
                if (out.isPresent()) {
                    return out;
                }
            }
        }
        return Optional.empty();
    }

    /** The uses of the array: its rows' creations (with their scans), elements, rows' lengths. */
    private record Uses(
            List<AssignExpr> rows,
            List<LoopLengths.Scan> scans,
            List<ArrayAccessExpr> elements,
            List<FieldAccessExpr> lengths) {}

    private Optional<List<Statement>> rewrite(BlockStmt body, int k, VariableDeclarator d, ArrayCreationExpr c) {
        String name = d.getNameAsString();
        if (method.findAll(VariableDeclarator.class).stream()
                        .filter(x -> x.getNameAsString().equals(name))
                        .count()
                != 1) {
            return Optional.empty();
        }
        // a name the method never assigns and declares at most once: a parameter, a top-level local before
        // the array, or none of the method's (a constant); and the array's own number of rows
        Set<String> before = new HashSet<>();
        method.getParameters().stream().map(Parameter::getNameAsString).forEach(before::add);
        body.getStatements().subList(0, k).stream()
                .filter(s -> s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr)
                .forEach(s -> s.findAll(VariableDeclarator.class).forEach(x -> before.add(x.getNameAsString())));
        Map<String, Long> declared = new java.util.HashMap<>();
        method.findAll(VariableDeclarator.class).forEach(x -> declared.merge(x.getNameAsString(), 1L, Long::sum));
        Set<String> assigned = new HashSet<>();
        method.findAll(AssignExpr.class).stream()
                .filter(a -> a.getTarget() instanceof NameExpr)
                .forEach(a -> assigned.add(a.getTarget().toString()));
        method.findAll(UnaryExpr.class).stream()
                .filter(u -> Updates.isUpdate(u.getOperator()) && u.getExpression() instanceof NameExpr)
                .forEach(u -> assigned.add(u.getExpression().toString()));
        Predicate<String> invariant = n -> n.equals(name)
                || !assigned.contains(n)
                        && declared.getOrDefault(n, 0L) <= 1
                        && (before.contains(n) || !declared.containsKey(n));
        indexRowLoops(body, k, name);
        Optional<Uses> uses = uses(body, k, name, c.getElementType(), invariant);
        if (uses.isEmpty()) {
            return Optional.empty();
        }
        Statement at = body.getStatements().get(k);
        String cap = rw.fresh(name + "Capacity");
        String lengths = rw.fresh(name + "Lengths");
        String rows = rw.fresh(name + "Rows");
        List<Statement> out = new ArrayList<>(body.getStatements().subList(0, k));
        out.addAll(rw.statements(
                "{ int #r# = $n; int #c# = 0; }",
                Map.of("#c#", cap, "#r#", rows),
                Map.of("$n", c.getLevels().get(0).getDimension().get()),
                at));
        for (LoopLengths.Scan scan : uses.get().scans()) {
            List<Statement> scanned = scans.scanStatements(scan, cap, at);
            // the scan runs before the array exists: its number of rows is the length it is created with
            scanned.forEach(s -> s.findAll(FieldAccessExpr.class).stream()
                    .filter(f -> f.getScope() instanceof NameExpr n
                            && n.getNameAsString().equals(name))
                    .forEach(f -> f.replace(new NameExpr(rows))));
            out.addAll(scanned);
        }
        String type = c.getElementType().asString();
        out.addAll(rw.statements(
                "{ #t#[][] #a# = new #t#[#r#][#c#]; int[] #l# = new int[#r#];"
                        + " for (int #k# = 0; #k# < #r#; #k#++) { #l#[#k#] = -1; } }",
                Map.of("#t#", type, "#a#", name, "#c#", cap, "#l#", lengths, "#k#", rw.fresh("k"), "#r#", rows),
                Map.of(),
                at));
        for (FieldAccessExpr f : uses.get().lengths()) {
            // a row not created yet has no length: reading it throws, as Java's null row does
            Expression row = ((ArrayAccessExpr) f.getScope()).getIndex();
            Expression r = Rewriter.isPrimary(row) ? row : new EnclosedExpr(row.clone());
            ArrayAccessExpr length = new ArrayAccessExpr(
                    new NameExpr(lengths),
                    new ConditionalExpr(
                            new BinaryExpr(
                                    new ArrayAccessExpr(new NameExpr(lengths), r.clone()),
                                    new IntegerLiteralExpr("0"),
                                    BinaryExpr.Operator.LESS),
                            new UnaryExpr(new IntegerLiteralExpr("1"), UnaryExpr.Operator.MINUS),
                            r.clone()));
            f.getRange().ifPresent(p -> length.walk(x -> x.setRange(x.getRange().orElse(p))));
            f.replace(length);
        }
        // innermost first: an index may hold another element of the array
        for (int u = uses.get().elements().size() - 1; u >= 0; u--) {
            ArrayAccessExpr e = uses.get().elements().get(u);
            Expression row = ((ArrayAccessExpr) e.getName()).getIndex();
            Expression index = e.getIndex();
            Expression i = Rewriter.isPrimary(index) ? index.clone() : new EnclosedExpr(index.clone());
            Expression r = Rewriter.isPrimary(row) ? row.clone() : new EnclosedExpr(row.clone());
            ConditionalExpr checked = new ConditionalExpr(
                    new BinaryExpr(i, new ArrayAccessExpr(new NameExpr(lengths), r), BinaryExpr.Operator.LESS),
                    i.clone(),
                    new UnaryExpr(new IntegerLiteralExpr("1"), UnaryExpr.Operator.MINUS));
            index.getRange()
                    .ifPresent(p -> checked.walk(x -> x.setRange(x.getRange().orElse(p))));
            e.setIndex(checked);
        }
        for (AssignExpr a : uses.get().rows()) {
            ExpressionStmt s = (ExpressionStmt) a.getParentNode().get();
            Expression length = ((ArrayCreationExpr) a.getValue())
                    .getLevels()
                    .get(0)
                    .getDimension()
                    .get();
            String check = NestedArrays.mayBeNegative(length)
                    ? " if (#n# < 0) throw new NegativeArraySizeException(\"\" + #n#);"
                    : "";
            String zero = c.getElementType().equals(PrimitiveType.booleanType()) ? "false" : "0";
            List<Statement> created = rw.statements(
                    "{ int #r# = $row; int #n# = $length;" + check + " #l#[#r#] = #n#;"
                            + " for (int #k# = 0; #k# < #n#; #k#++) { #a#[#r#][#k#] = #0#; } }",
                    Map.of(
                            "#r#",
                            rw.fresh(name + "Row"),
                            "#n#",
                            rw.fresh(name + "Length"),
                            "#l#",
                            lengths,
                            "#k#",
                            rw.fresh("k"),
                            "#a#",
                            name,
                            "#0#",
                            zero),
                    Map.of("$row", ((ArrayAccessExpr) a.getTarget()).getIndex(), "$length", length),
                    s);
            BlockStmt block = (BlockStmt) s.getParentNode().get();
            int index = block.getStatements().indexOf(s);
            block.getStatements().remove(index);
            block.getStatements().addAll(index, created);
        }
        out.addAll(body.getStatements().subList(k + 1, body.getStatements().size()));
        return Optional.of(out);
    }

    /**
     * Each {@code for (T v : name[i]) body} after top-level statement {@code k} as {@code for (int
     * k = 0; k < name[i].length; k++) { T v = name[i][k]; body }}, whose uses of the array are
     * elements and a row's length. It is the same loop while the body assigns neither a name of
     * {@code i} (locals and parameters only: a call cannot change them) nor a row of the array,
     * as Java reads {@code name[i]} once, before the first element.
     */
    private void indexRowLoops(BlockStmt body, int k, String name) {
        List<com.github.javaparser.ast.stmt.ForEachStmt> loops = new ArrayList<>();
        body.getStatements()
                .subList(k + 1, body.getStatements().size())
                .forEach(s -> loops.addAll(s.findAll(com.github.javaparser.ast.stmt.ForEachStmt.class)));
        // innermost first: an outer loop's rewrite copies its body, the inner ones already rewritten
        java.util.Collections.reverse(loops);
        for (com.github.javaparser.ast.stmt.ForEachStmt fe : loops) {
            if (!(fe.getIterable() instanceof ArrayAccessExpr row
                            && row.getName() instanceof NameExpr n
                            && n.getNameAsString().equals(name)
                            && readsOnly(row.getIndex(), name)
                            && fixedIn(fe.getBody(), row.getIndex(), name))
                    || fe.getVariable().getVariables().size() != 1) { // (Java allows one)
                continue;
            }
            rw.indexed(fe);
        }
    }

    /**
     * Whether {@code body} leaves {@code index}'s names (all the method's own) and the rows of {@code name} as they are:
     * no name of the index assigned, an element of it included ({@code idx[0] = 0}, {@code idx[0]--}), or handed to a
     * call, which may write it (the indexed loop reads the index again at each element; Java's for-each reads the row
     * once).
     */
    private boolean fixedIn(Statement body, Expression index, String name) {
        Set<String> own = new HashSet<>();
        method.getParameters().forEach(q -> own.add(q.getNameAsString()));
        method.findAll(VariableDeclarator.class).forEach(x -> own.add(x.getNameAsString()));
        Set<String> names = new HashSet<>();
        index.findAll(NameExpr.class).forEach(x -> names.add(x.getNameAsString()));
        return own.containsAll(names)
                && body.findAll(AssignExpr.class).stream()
                        .noneMatch(a -> names.contains(base(a.getTarget()))
                                || a.getTarget() instanceof ArrayAccessExpr w
                                        && w.getName() instanceof NameExpr r
                                        && r.getNameAsString().equals(name))
                && body.findAll(UnaryExpr.class).stream()
                        .noneMatch(u -> Updates.isUpdate(u.getOperator()) && names.contains(base(u.getExpression())))
                && body.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class).stream()
                        .flatMap(c -> c.getArguments().stream())
                        .noneMatch(e -> e instanceof NameExpr a && names.contains(a.getNameAsString()));
    }

    /** The variable an assignment's target writes: {@code idx} for {@code idx}, {@code idx[0]}, {@code (idx)[0][1]}. */
    private static String base(Expression target) {
        Expression e = target;
        while (e instanceof ArrayAccessExpr || e instanceof EnclosedExpr) {
            e = e instanceof ArrayAccessExpr a ? a.getName() : ((EnclosedExpr) e).getInner();
        }
        return e instanceof NameExpr n ? n.getNameAsString() : "";
    }

    /** The uses of array {@code name} declared by top-level statement {@code k}, when each is one the class comment allows. */
    private Optional<Uses> uses(
            BlockStmt body,
            int k,
            String name,
            com.github.javaparser.ast.type.Type element,
            Predicate<String> invariant) {
        Uses uses = new Uses(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Statement later :
                body.getStatements().subList(k + 1, body.getStatements().size())) {
            for (NameExpr n : later.findAll(NameExpr.class)) {
                if (!n.getNameAsString().equals(name)) {
                    continue;
                }
                Node parent = n.getParentNode().orElse(null);
                if (parent instanceof FieldAccessExpr f && f.getNameAsString().equals("length")) {
                    continue; // the number of rows: as written
                }
                if (!(parent instanceof ArrayAccessExpr row)
                        || row.getName() != n
                        || !readsOnly(row.getIndex(), name)) {
                    return Optional.empty();
                }
                Node use = row.getParentNode().orElse(null);
                if (use instanceof ArrayAccessExpr e && e.getName() == row) {
                    uses.elements().add(e);
                } else if (use instanceof FieldAccessExpr f
                        && f.getNameAsString().equals("length")) {
                    uses.lengths().add(f);
                } else if (use instanceof AssignExpr a
                        && a.getTarget() == row
                        && a.getOperator() == AssignExpr.Operator.ASSIGN
                        && a.getValue() instanceof ArrayCreationExpr created
                        && created.getInitializer().isEmpty()
                        && created.getLevels().size() == 1
                        && created.getLevels().get(0).getDimension().isPresent()
                        && created.getElementType().equals(element)
                        && a.getParentNode().orElse(null) instanceof ExpressionStmt s
                        && s.getParentNode().orElse(null) instanceof BlockStmt) {
                    Statement top = s;
                    while (top.getParentNode().orElse(null) != body) {
                        top = (Statement) top.findAncestor(Statement.class).orElseThrow();
                    }
                    Optional<LoopLengths.Scan> scan = LoopLengths.scanOf(
                            created.getLevels().get(0).getDimension().get(), s, top, invariant, method);
                    if (scan.isEmpty()) {
                        return Optional.empty();
                    }
                    uses.rows().add(a);
                    uses.scans().add(scan.get());
                } else {
                    return Optional.empty();
                }
            }
        }
        return uses.rows().isEmpty() ? Optional.empty() : Optional.of(uses);
    }

    /** An index that only reads ({@link RaggedArrays#readsOnly}) and names the array itself only for its number of rows. */
    private static boolean readsOnly(Expression index, String name) {
        return RaggedArrays.readsOnly(index)
                && index.findAll(NameExpr.class).stream()
                        .noneMatch(n -> n.getNameAsString().equals(name)
                                && !(n.getParentNode().orElse(null) instanceof FieldAccessExpr f
                                        && f.getNameAsString().equals("length")));
    }
}
