package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.adjoint.generator.parse.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A local array created inside a loop or block, whose length the enclosing top-level statement
 * does not change, as one array created before that statement and cleared where the original was
 * created:
 *
 * <pre>
 * for (...) {                                  double[] sq = new double[Math.max(0, d)];
 *     double[] sq = new double[d];             for (...) {
 *     ...                                          if (d &lt; 0) throw new NegativeArraySizeException("" + d);
 * }                                                for (int k = 0; k &lt; sq.length; k++) sq[k] = 0;
 *                                                  ...
 * </pre>
 *
 * Each iteration still starts from zeros, and what an iteration overwrites of the last one's values
 * the static strategy saves as it saves any element it overwrites; the array comes from the
 * pool once per call. (The array cannot outlive its iteration: one assigned to another array
 * variable is left to {@link ArrayReassignments}, which copies it, and hoisted after that.) The length may read parameters,
 * locals declared before the statement that it never assigns, literals and {@code .length};
 * anything else (a row's length {@code a[i].length}) is left as written, for the normalizer to reject.
 */
final class NestedArrays {
    private final Rewriter rw;
    private final MethodDeclaration method;

    NestedArrays(Rewriter rw, MethodDeclaration method) {
        this.rw = rw;
        this.method = method;
    }

    /** The method's top-level statements with one such array hoisted, or empty when there is none. */
    Optional<List<Statement>> rewriteBody(BlockStmt body) {
        if (splitDeclarations(body)) {
            return Optional.of(new ArrayList<>(body.getStatements()));
        }
        NodeList<Statement> stmts = body.getStatements();
        for (int k = 0; k < stmts.size(); k++) {
            Statement top = stmts.get(k);
            for (VariableDeclarationExpr v : top.findAll(VariableDeclarationExpr.class)) {
                if (hoistable(v, top)) {
                    List<Statement> out = new ArrayList<>(stmts.subList(0, k));
                    out.addAll(moveChain(lengthChain(v, top).get()));
                    out.add(hoist(v));
                    out.addAll(stmts.subList(k, stmts.size()));
                    return Optional.of(out);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code double[] k1 = new double[2], k2 = new double[2];} inside a loop or block as one
     * declaration per statement, in order, so that each array can be hoisted on its own; a
     * declarator's initializer may read the one before it, which the order keeps.
     */
    private static boolean splitDeclarations(BlockStmt body) {
        for (Statement top : body.getStatements()) {
            for (VariableDeclarationExpr v : top.findAll(VariableDeclarationExpr.class)) {
                if (v.getVariables().size() > 1
                        && v.getParentNode().orElse(null) instanceof ExpressionStmt es
                        && es != top
                        && es.getParentNode().orElse(null) instanceof BlockStmt block
                        && v.getVariables().stream()
                                .anyMatch(d -> d.getInitializer().orElse(null) instanceof ArrayCreationExpr)) {
                    List<Statement> one = new ArrayList<>();
                    for (VariableDeclarator d : v.getVariables()) {
                        VariableDeclarationExpr single = new VariableDeclarationExpr(
                                d.clone(), v.getModifiers().toArray(new Modifier[0]));
                        ExpressionStmt st = new ExpressionStmt(single);
                        d.getRange()
                                .ifPresent(r ->
                                        st.walk(n -> n.setRange(n.getRange().orElse(r))));
                        es.getRange().ifPresent(st::setRange);
                        one.add(st);
                    }
                    int at = block.getStatements().indexOf(es);
                    block.getStatements().remove(at);
                    block.getStatements().addAll(at, one);
                    return true;
                }
            }
        }
        return false;
    }

    private boolean hoistable(VariableDeclarationExpr v, Statement top) {
        if (v.getVariables().size() != 1
                || !(v.getParentNode().orElse(null) instanceof ExpressionStmt es)
                || es == top
                || !(es.getParentNode().orElse(null) instanceof BlockStmt)) {
            return false;
        }
        VariableDeclarator d = v.getVariables().get(0);
        if (!(d.getInitializer().orElse(null) instanceof ArrayCreationExpr c)
                || c.getInitializer().isPresent()
                || !(c.getElementType() instanceof PrimitiveType)
                || c.getLevels().size() > 2
                || c.getLevels().stream().anyMatch(l -> l.getDimension().isEmpty())) {
            return false;
        }
        if (keptWhole(d.getNameAsString())) {
            return false; // ArrayReassignments first: then it is read by elements only
        }
        for (ArrayCreationLevel l : c.getLevels()) {
            Expression dim = l.getDimension().get();
            boolean plain = dim.findAll(Node.class).stream()
                    .allMatch(n -> n instanceof NameExpr
                            || n instanceof IntegerLiteralExpr
                            || n instanceof BinaryExpr
                            || n instanceof EnclosedExpr
                            || n instanceof com.github.javaparser.ast.expr.SimpleName
                            || (n instanceof FieldAccessExpr f
                                    && f.getNameAsString().equals("length")
                                    && f.getScope() instanceof NameExpr)
                            || (n instanceof UnaryExpr u && !Updates.isUpdate(u.getOperator())));
            if (!plain) {
                return false;
            }
        }
        return lengthChain(v, top).isPresent();
    }

    /** The statements that compute {@code v}'s lengths inside {@code top}, to move with it (see {@link LengthChains}). */
    private Optional<List<Statement>> lengthChain(VariableDeclarationExpr v, Statement top) {
        ExpressionStmt at = (ExpressionStmt) v.getParentNode().get();
        ArrayCreationExpr c =
                (ArrayCreationExpr) v.getVariable(0).getInitializer().get();
        List<Expression> dims =
                c.getLevels().stream().map(l -> l.getDimension().get()).toList();
        return LengthChains.before(at, (BlockStmt) at.getParentNode().get(), dims, changedIn(top), method);
    }

    /**
     * Whether {@code name} is assigned again, or its array is assigned to an array variable
     * ({@code a = z;}, {@code double[] t = c ? z : w;}), which may keep it past its iteration.
     */
    private boolean keptWhole(String name) {
        List<Expression> values = new ArrayList<>();
        for (AssignExpr a : method.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr n && n.getNameAsString().equals(name)) {
                return true;
            }
            values.addAll(ArrayUses.values(a.getValue()));
        }
        method.findAll(VariableDeclarator.class)
                .forEach(v -> v.getInitializer().ifPresent(i -> values.addAll(ArrayUses.values(i))));
        return values.stream()
                .anyMatch(e -> e instanceof NameExpr n && n.getNameAsString().equals(name));
    }

    /** The variables {@code top} declares or assigns. */
    static Set<String> changedIn(Statement top) {
        Set<String> out = top.findAll(VariableDeclarator.class).stream()
                .map(VariableDeclarator::getNameAsString)
                .collect(Collectors.toSet());
        top.findAll(AssignExpr.class).stream()
                .filter(a -> a.getTarget() instanceof NameExpr)
                .forEach(a -> out.add(a.getTarget().toString()));
        top.findAll(UnaryExpr.class).stream()
                .filter(u -> Updates.isUpdate(u.getOperator()) && u.getExpression() instanceof NameExpr)
                .forEach(u -> out.add(u.getExpression().toString()));
        return out;
    }

    /**
     * {@code chain} taken out of its block, to stand before the top-level statement; a local it
     * declares that the method declares elsewhere too gets a name of its own there and after it.
     */
    private List<Statement> moveChain(List<Statement> chain) {
        if (chain.isEmpty()) {
            return chain;
        }
        BlockStmt block = (BlockStmt) chain.get(0).getParentNode().get();
        int from = block.getStatements().indexOf(chain.get(0));
        List<Statement> rest = new ArrayList<>(
                block.getStatements().subList(from, block.getStatements().size()));
        for (Statement s : chain) {
            if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr v) {
                for (VariableDeclarator d : v.getVariables()) {
                    String name = d.getNameAsString();
                    if (method.findAll(VariableDeclarator.class).stream()
                                    .filter(x -> x.getNameAsString().equals(name))
                                    .count()
                            > 1) {
                        String own = rw.fresh(name);
                        d.setName(own);
                        rest.forEach(r -> r.findAll(NameExpr.class).stream()
                                .filter(n -> n.getNameAsString().equals(name))
                                .forEach(n -> n.setName(own)));
                    }
                }
            }
        }
        for (int k = 0; k < chain.size(); k++) {
            block.getStatements().remove(from); // (by position: statements that print alike are equal)
        }
        return chain;
    }

    /**
     * The creation before the top-level statement; in place of the declaration, the length check and
     * the clearing, under a name of its own when the method declares the name more than once.
     */
    private Statement hoist(VariableDeclarationExpr v) {
        VariableDeclarator d = v.getVariables().get(0);
        ArrayCreationExpr c = (ArrayCreationExpr) d.getInitializer().get();
        String name = d.getNameAsString();
        long declared = method.findAll(VariableDeclarator.class).stream()
                .filter(x -> x.getNameAsString().equals(name))
                .count();
        String hoisted = declared == 1 ? name : rw.fresh(name);
        ExpressionStmt at = (ExpressionStmt) v.getParentNode().get();
        BlockStmt block = (BlockStmt) at.getParentNode().get();
        if (!hoisted.equals(name)) {
            int from = block.getStatements().indexOf(at);
            for (Statement later : block.getStatements()
                    .subList(from + 1, block.getStatements().size())) {
                later.findAll(NameExpr.class).stream()
                        .filter(n -> n.getNameAsString().equals(name))
                        .forEach(n -> n.setName(hoisted));
            }
        }
        ArrayType type = (ArrayType) c.createdType();
        NodeList<ArrayCreationLevel> levels = new NodeList<>();
        List<Statement> inPlace = new ArrayList<>();
        for (ArrayCreationLevel l : c.getLevels()) {
            Expression dim = l.getDimension().get();
            if (mayBeNegative(dim)) {
                inPlace.add(rw.statement(
                        "if ($d < 0) throw new NegativeArraySizeException(\"\" + $d);",
                        Map.of(),
                        Map.of("$d", dim),
                        at));
                levels.add(new ArrayCreationLevel(new MethodCallExpr(
                        new NameExpr("Math"), "max", new NodeList<>(new IntegerLiteralExpr("0"), dim.clone()))));
            } else {
                levels.add(new ArrayCreationLevel(dim.clone()));
            }
        }
        String k = rw.fresh("k");
        String clear = type.getArrayLevel() == 1
                ? "for (int #k# = 0; #k# < #a#.length; #k#++) { #a#[#k#] = #0#; }"
                : "for (int #k# = 0; #k# < #a#.length; #k#++) { for (int #j# = 0; #j# < #a#[#k#].length; #j#++) { #a#[#k#][#j#] = #0#; } }";
        String zero = type.getElementType().equals(PrimitiveType.booleanType()) ? "false" : "0";
        inPlace.add(
                rw.statement(clear, Map.of("#k#", k, "#j#", rw.fresh("j"), "#a#", hoisted, "#0#", zero), Map.of(), at));
        BlockStmt replacement = new BlockStmt(new NodeList<>(inPlace));
        int index = block.getStatements().indexOf(at);
        block.getStatements().remove(index);
        block.getStatements().addAll(index, replacement.getStatements());
        ArrayCreationExpr creation = new ArrayCreationExpr(type.getElementType().clone(), levels, null);
        VariableDeclarationExpr declaration = new VariableDeclarationExpr(type.clone(), hoisted);
        declaration.getVariable(0).setInitializer(creation);
        ExpressionStmt s = new ExpressionStmt(declaration);
        at.getRange()
                .ifPresent(r -> s.walk(n -> {
                    if (n.getRange().isEmpty()) {
                        n.setRange(r);
                    }
                }));
        return s;
    }

    /** Whether a length may be negative: anything but a literal and an array's {@code .length}. */
    static boolean mayBeNegative(Expression dim) {
        return !(dim instanceof IntegerLiteralExpr
                || (dim instanceof FieldAccessExpr f && f.getNameAsString().equals("length")));
    }
}
