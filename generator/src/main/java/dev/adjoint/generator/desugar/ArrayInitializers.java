package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An array initialiser as the creation and the element stores it stands for, in Java's order:
 *
 * <pre>
 * double[] c = {1.0, w[0]};               double[] c = new double[2]; c[0] = 1.0; c[1] = w[0];
 * c = new double[] {a, b};                c = new double[2]; c[0] = a; c[1] = b;
 * for (double v : new double[] {a, b})    double[] elements0 = new double[] {a, b}; for (double v : elements0)
 * double[][] m = {{1, 2}, {3, 4}};        double[][] m = new double[2][2]; m[0][0] = 1; ...
 * </pre>
 *
 * Rewritten for a primitive element type, a 2-D initialiser only when its rows have one length
 * (or, declared at the method's top level, as {@code new double[n][]} and a {@code new} row for each
 * row, which {@link RaggedLocals} takes), and an assignment only when no element reads the variable it replaces (Java evaluates them all
 * before the variable changes). A declaration of several variables of which one is an array given a value
 * ({@code double[] a = x, b = {1, 2};}) is first split into one declaration per variable, in order, as Java runs
 * it. Anything else is left as written, for the fences to reject.
 */
final class ArrayInitializers {
    private final Rewriter rw;

    ArrayInitializers(Rewriter rw) {
        this.rw = rw;
    }

    /**
     * {@code for (T v : new T[] {...})}: the array, which Java creates once before the loop, into a fresh local the
     * loop then runs over (its initialiser rewritten as above); {@code whole} is the loop, or the label on it, which
     * stays on the loop.
     */
    private Optional<List<Statement>> overCreated(ForEachStmt f, Statement whole) {
        if (!(f.getIterable() instanceof ArrayCreationExpr c)
                || c.getInitializer().isEmpty()
                || c.getLevels().size() != 1
                || !(c.getElementType() instanceof PrimitiveType t)) {
            return Optional.empty();
        }
        String name = rw.fresh("elements");
        Statement declaration = rw.statement(
                "#T#[] #a# = $c;", java.util.Map.of("#T#", t.asString(), "#a#", name), java.util.Map.of("$c", c), c);
        // the creation as the initialiser itself, not in the parentheses the template puts around it
        declaration
                .findFirst(VariableDeclarator.class)
                .ifPresent(d -> d.getInitializer()
                        .filter(e -> e instanceof EnclosedExpr)
                        .ifPresent(e -> d.setInitializer(((EnclosedExpr) e).getInner())));
        Statement copy = whole.clone();
        // (a clone has no positions: the loop's are copied node by node, errors in its body point into it)
        List<Node> from = new ArrayList<>();
        List<Node> to = new ArrayList<>();
        whole.walk(Node.TreeTraversal.PREORDER, from::add);
        copy.walk(Node.TreeTraversal.PREORDER, to::add);
        for (int k = 0; k < Math.min(from.size(), to.size()); k++) {
            from.get(k).getRange().ifPresent(to.get(k)::setRange);
        }
        NameExpr elements = new NameExpr(name);
        c.getRange().ifPresent(elements::setRange);
        (copy instanceof LabeledStmt l ? (ForEachStmt) l.getStatement() : (ForEachStmt) copy).setIterable(elements);
        return Optional.of(List.of(declaration, copy));
    }

    /** The statements {@code s} stands for, or empty when it holds no initialiser to rewrite. */
    Optional<List<Statement>> rewrite(Statement s) {
        if (s instanceof ReturnStmt r) {
            return returned(r);
        }
        if (s instanceof ForEachStmt f && !(f.getParentNode().orElse(null) instanceof LabeledStmt)) {
            return overCreated(f, f);
        }
        if (s instanceof LabeledStmt l && l.getStatement() instanceof ForEachStmt f) {
            return overCreated(f, l);
        }
        if (!(s instanceof ExpressionStmt es)) {
            return Optional.empty();
        }
        if (es.getExpression() instanceof VariableDeclarationExpr v
                && v.getVariables().size() > 1
                && v.getVariables().stream()
                        .anyMatch(d -> d.getInitializer().isPresent()
                                && (d.getType().isArrayType()
                                        || d.getInitializer()
                                                .flatMap(ArrayInitializers::initializer)
                                                .isPresent()))) {
            // (an array declared with others, double[] a = x, b = m[1];, as the declarations of one each
            // that RowAliases and the fences read)
            return Optional.of(separated(v, s));
        }
        if (es.getExpression() instanceof VariableDeclarationExpr v
                && v.getVariables().size() == 1) {
            VariableDeclarator d = v.getVariables().get(0);
            Optional<ArrayInitializerExpr> init = d.getInitializer().flatMap(ArrayInitializers::initializer);
            if (init.isEmpty()
                    || !(d.getType() instanceof ArrayType t)
                    || !(t.getElementType() instanceof PrimitiveType)) {
                return Optional.empty();
            }
            // rows of several lengths only at the method's top level, where RaggedLocals takes them
            boolean ragged = s.getParentNode().orElse(null) instanceof BlockStmt b
                    && b.getParentNode().orElse(null) instanceof MethodDeclaration;
            return stores(d.getNameAsString(), t, init.get(), ragged, s).map(stores -> {
                VariableDeclarationExpr declaration = v.clone();
                declaration.getVariable(0).setInitializer(creation(t, init.get()));
                List<Statement> out = new ArrayList<>();
                out.add(positioned(new ExpressionStmt(declaration), s));
                out.addAll(stores);
                return out;
            });
        }
        if (es.getExpression() instanceof AssignExpr a
                && a.getOperator() == AssignExpr.Operator.ASSIGN
                && a.getTarget() instanceof NameExpr target
                && a.getValue() instanceof ArrayCreationExpr c
                && c.getInitializer().isPresent()
                && c.getElementType() instanceof PrimitiveType) {
            ArrayInitializerExpr init = c.getInitializer().get();
            boolean readsTarget = init.findAll(NameExpr.class).stream()
                    .anyMatch(n -> n.getNameAsString().equals(target.getNameAsString()));
            if (readsTarget) {
                return Optional.empty();
            }
            ArrayType t = (ArrayType) c.createdType();
            return stores(target.getNameAsString(), t, init, false, s).map(stores -> {
                List<Statement> out = new ArrayList<>();
                out.add(positioned(
                        new ExpressionStmt(
                                new AssignExpr(target.clone(), creation(t, init), AssignExpr.Operator.ASSIGN)),
                        s));
                out.addAll(stores);
                return out;
            });
        }
        return Optional.empty();
    }

    /**
     * {@code return new double[] {r, theta};} or {@code return new double[n];} as the method's last
     * statement or one of its several returns (an array result built where it is returned, as tuples
     * are written, or all zeros): a
     * local of its own, returned by name, which the next round rewrites as a declaration with its
     * initialiser (a zero-filled one stays a plain creation).
     */
    private Optional<List<Statement>> returned(ReturnStmt r) {
        if (!(r.getExpression().orElse(null) instanceof ArrayCreationExpr c)
                || c.getInitializer().isEmpty() && c.getLevels().size() != 1
                || !(c.getElementType() instanceof PrimitiveType)
                || !(r.getParentNode().orElse(null) instanceof BlockStmt body)
                || !(endsTheMethod(r, body) || oneOfSeveral(r))) {
            return Optional.empty();
        }
        String name = rw.fresh("result");
        VariableDeclarationExpr declaration =
                new VariableDeclarationExpr(c.createdType().clone(), name);
        declaration.getVariable(0).setInitializer(c.clone());
        ReturnStmt byName = new ReturnStmt(new NameExpr(name));
        return Optional.of(List.of(positioned(new ExpressionStmt(declaration), r), positioned(byName, r)));
    }

    private static boolean endsTheMethod(ReturnStmt r, BlockStmt body) {
        return body.getParentNode().orElse(null) instanceof MethodDeclaration
                && body.getStatements().indexOf(r) == body.getStatements().size() - 1;
    }

    /**
     * Whether the method has other returns: then each array built at a return is a local of its own
     * too, and the strategies say what they do with returns of different arrays (the static one names
     * them; the tape returns whichever a return names), not that an array cannot be created there.
     */
    private static boolean oneOfSeveral(ReturnStmt r) {
        return r.findAncestor(MethodDeclaration.class)
                .flatMap(MethodDeclaration::getBody)
                .map(b -> b.findAll(ReturnStmt.class).size() > 1)
                .orElse(false);
    }

    /**
     * {@code double[] a = {x}, b = {y};} as one declaration per variable, in order (Java initialises
     * them left to right, each in scope for the next), which the next round rewrites one by one.
     */
    private static List<Statement> separated(VariableDeclarationExpr v, Statement at) {
        List<Statement> out = new ArrayList<>();
        for (VariableDeclarator d : v.getVariables()) {
            VariableDeclarationExpr one = v.clone();
            one.setVariables(new NodeList<>(d.clone()));
            out.add(positioned(new ExpressionStmt(one), at));
        }
        return out;
    }

    /** {@code {...}} or {@code new T[] {...}}. */
    private static Optional<ArrayInitializerExpr> initializer(Expression e) {
        if (e instanceof ArrayInitializerExpr i) {
            return Optional.of(i);
        }
        if (e instanceof ArrayCreationExpr c) {
            return c.getInitializer();
        }
        return Optional.empty();
    }

    /**
     * {@code name[i] = e_i} (or {@code name[i][j]}, after {@code name[i] = new T[n_i]} for each row
     * when the rows' lengths differ and that is allowed: {@code ragged}), or empty for a shape this
     * class does not rewrite.
     */
    private static Optional<List<Statement>> stores(
            String name, ArrayType t, ArrayInitializerExpr init, boolean ragged, Statement at) {
        int dims = t.getArrayLevel();
        List<Statement> out = new ArrayList<>();
        if (dims == 1) {
            for (int i = 0; i < init.getValues().size(); i++) {
                Expression value = init.getValues().get(i);
                if (value instanceof ArrayInitializerExpr) {
                    return Optional.empty();
                }
                out.add(store(new ArrayAccessExpr(new NameExpr(name), index(i)), value, at));
            }
            return Optional.of(out);
        }
        if (dims != 2 || width(init).isEmpty() && !(ragged && rows(init))) {
            return Optional.empty();
        }
        for (int i = 0; i < init.getValues().size(); i++) {
            NodeList<Expression> row = ((ArrayInitializerExpr) init.getValues().get(i)).getValues();
            if (width(init).isEmpty()) {
                ArrayCreationExpr created = new ArrayCreationExpr(
                        t.getElementType().clone(), new NodeList<>(new ArrayCreationLevel(index(row.size()))), null);
                init.getValues().get(i).getRange().ifPresent(created::setRange);
                out.add(store(new ArrayAccessExpr(new NameExpr(name), index(i)), created, at));
            }
            for (int j = 0; j < row.size(); j++) {
                out.add(store(
                        new ArrayAccessExpr(new ArrayAccessExpr(new NameExpr(name), index(i)), index(j)),
                        row.get(j),
                        at));
            }
        }
        return Optional.of(out);
    }

    /** The one length of the rows of a 2-D initialiser, or empty when they differ (or one is not an initialiser). */
    private static Optional<Integer> width(ArrayInitializerExpr init) {
        Integer width = null;
        for (Expression row : init.getValues()) {
            if (!(row instanceof ArrayInitializerExpr r)
                    || (width != null && width != r.getValues().size())
                    || r.getValues().stream().anyMatch(x -> x instanceof ArrayInitializerExpr)) {
                return Optional.empty();
            }
            width = r.getValues().size();
        }
        return Optional.of(width == null ? 0 : width);
    }

    /** Whether each value of a 2-D initialiser is a row's initialiser of numbers (of any length). */
    private static boolean rows(ArrayInitializerExpr init) {
        return init.getValues().stream()
                .allMatch(row -> row instanceof ArrayInitializerExpr r
                        && r.getValues().stream().noneMatch(x -> x instanceof ArrayInitializerExpr));
    }

    /** {@code new T[n]}, {@code new T[n][m]} for the initialiser's shape, or {@code new T[n][]} for rows of several lengths. */
    private static ArrayCreationExpr creation(ArrayType t, ArrayInitializerExpr init) {
        NodeList<ArrayCreationLevel> levels =
                new NodeList<>(new ArrayCreationLevel(index(init.getValues().size())));
        if (t.getArrayLevel() == 2) {
            levels.add(width(init).map(w -> new ArrayCreationLevel(index(w))).orElseGet(ArrayCreationLevel::new));
        }
        ArrayCreationExpr c = new ArrayCreationExpr(t.getElementType().clone(), levels, null);
        init.getRange().ifPresent(c::setRange);
        return c;
    }

    private static Statement store(Expression element, Expression value, Statement at) {
        AssignExpr a = new AssignExpr(element, value.clone(), AssignExpr.Operator.ASSIGN);
        value.getRange().ifPresent(r -> {
            a.setRange(r);
            element.walk(n -> n.setRange(r));
        });
        return positioned(new ExpressionStmt(a), at);
    }

    private static IntegerLiteralExpr index(int i) {
        return new IntegerLiteralExpr(Integer.toString(i));
    }

    private static Statement positioned(Statement s, Statement at) {
        at.getRange()
                .ifPresent(r -> s.walk(n -> {
                    if (n.getRange().isEmpty()) {
                        n.setRange(r);
                    }
                }));
        return s;
    }
}
