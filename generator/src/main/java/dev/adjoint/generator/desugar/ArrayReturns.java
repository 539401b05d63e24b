package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.parse.Positions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A method (or a helper about to be inlined) that returns arrays built in place from several
 * {@code return}s, each of the same number of values, returns one array instead, created first and
 * filled by each {@code return} before it returns it:
 *
 * <pre>
 * if (h > 1) {                                  double[] result0 = new double[2];
 *     return new double[] {y[0], y[1]};         if (h > 1) {
 * }                                                 result0[0] = y[0]; result0[1] = y[1];
 * return new double[] {h * y[0], y[1]};             return result0;
 *                                               }
 *                                               result0[0] = h * y[0]; result0[1] = y[1];
 *                                               return result0;
 * </pre>
 *
 * A {@code return} may also name a local array whose every value is created with that same literal
 * length ({@code double[] r = new double[2];}, {@code double[] up = {a, b};}): its elements are copied
 * into the one array, which then holds what the local's reference would (the local is the method's
 * own, new in this call). Several returns of one local array created before the first are what both
 * strategies take as they are (and the inliner passes on as that array). The caller sees what Java gives it: an array of those values
 * that nothing else holds, since each call creates its own. The values are computed in Java's order,
 * and none reads the array, which is new. Returns of arrays of different lengths, each new in the
 * call, are {@link ResultVariable}'s.
 */
final class ArrayReturns {
    private ArrayReturns() {}

    /** Rewrites {@code m}'s returns when they are such returns; whether it did. */
    static boolean rewrite(MethodDeclaration m, Rewriter rw, java.util.function.Predicate<MethodCallExpr> newFromCall) {
        Optional<BlockStmt> body = m.getBody();
        Type type = m.getType();
        if (body.isEmpty()
                || !(type instanceof ArrayType a)
                || a.getArrayLevel() != 1
                || !(a.getElementType() instanceof PrimitiveType p)
                || (p.getType() != PrimitiveType.Primitive.DOUBLE && p.getType() != PrimitiveType.Primitive.FLOAT)
                || !body.get().findAll(LambdaExpr.class).isEmpty()
                || !body.get()
                        .findAll(
                                ObjectCreationExpr.class,
                                o -> o.getAnonymousClassBody().isPresent())
                        .isEmpty()
                || !body.get().findAll(LocalClassDeclarationStmt.class).isEmpty()) {
            return false;
        }
        List<ReturnStmt> returns = body.get().findAll(ReturnStmt.class);
        if (returns.size() < 2) {
            return false;
        }
        int length = -1;
        Set<String> locals = new HashSet<>();
        int copied = 0;
        for (ReturnStmt r : returns) {
            Optional<Expression> value = r.getExpression();
            Optional<Integer> values = value.flatMap(ArrayReturns::builtInPlace);
            if (values.isEmpty() && value.isPresent() && value.get() instanceof NameExpr local) {
                values = fixedLength(m, body.get(), local.getNameAsString(), p);
                locals.add(local.getNameAsString());
                copied++;
            }
            if (values.isEmpty()
                    || (length >= 0 && values.get() != length)
                    || !(r.getParentNode().orElse(null) instanceof BlockStmt)) {
                return ResultVariable.rewrite(m, body.get(), returns, p, rw, newFromCall);
            }
            length = values.get();
        }
        if (copied == returns.size() && locals.size() == 1) {
            return false; // one local array returned everywhere: both strategies take it as it is
        }
        String result = rw.fresh("result");
        ArrayCreationExpr created = new ArrayCreationExpr(
                p.clone(),
                new NodeList<>(new com.github.javaparser.ast.ArrayCreationLevel(
                        new IntegerLiteralExpr(Integer.toString(length)))),
                null);
        ExpressionStmt declare = new ExpressionStmt(new VariableDeclarationExpr(
                new com.github.javaparser.ast.body.VariableDeclarator(type.clone(), result, created)));
        Positions.standAt(declare, returns.get(0));
        for (ReturnStmt r : returns) {
            BlockStmt block = (BlockStmt) r.getParentNode().orElseThrow();
            int at = block.getStatements().indexOf(r);
            List<Statement> fill = new ArrayList<>();
            if (r.getExpression().orElseThrow() instanceof NameExpr local) {
                // a local array of the same fixed length: its elements copied (it is the method's own, new in
                // this call, so the caller's copy holds what the local's reference would)
                fill.addAll(rw.statements(
                        "{ for (int #k# = 0; #k# < #n#; #k#++) { #r#[#k#] = #a#[#k#]; } }",
                        Map.of(
                                "#k#", rw.fresh("k"),
                                "#n#", Integer.toString(length),
                                "#r#", result,
                                "#a#", local.getNameAsString()),
                        Map.of(),
                        r));
                ReturnStmt back = new ReturnStmt(new NameExpr(result));
                Positions.standAt(back, r);
                fill.add(back);
                block.getStatements().remove(at);
                block.getStatements().addAll(at, fill);
                continue;
            }
            NodeList<Expression> values = ((ArrayCreationExpr) r.getExpression().orElseThrow())
                    .getInitializer()
                    .orElseThrow()
                    .getValues();
            for (int i = 0; i < values.size(); i++) {
                ArrayAccessExpr element = Positions.standAt(
                        new ArrayAccessExpr(new NameExpr(result), new IntegerLiteralExpr(Integer.toString(i))),
                        values.get(i));
                // (the value keeps its own positions: an error inside it points where the user wrote it)
                AssignExpr assign = new AssignExpr(element, values.get(i).clone(), AssignExpr.Operator.ASSIGN);
                ExpressionStmt store = new ExpressionStmt(assign);
                Positions.placeAt(assign, values.get(i));
                Positions.placeAt(store, values.get(i));
                fill.add(store);
            }
            ReturnStmt back = new ReturnStmt(new NameExpr(result));
            Positions.standAt(back, r);
            fill.add(back);
            block.getStatements().remove(at);
            block.getStatements().addAll(at, fill);
        }
        body.get().getStatements().addFirst(declare);
        return true;
    }

    /**
     * The length every array local {@code name} ever holds, when each value given to it is created
     * there with a literal length ({@code new double[2]}, {@code new double[] {a, b}},
     * {@code double[] r = {a, b};}) of one element type {@code element}: one declaration in the body,
     * no parameter of that name; empty otherwise.
     */
    private static Optional<Integer> fixedLength(
            MethodDeclaration m, BlockStmt body, String name, PrimitiveType element) {
        if (m.getParameters().stream().anyMatch(q -> q.getNameAsString().equals(name))) {
            return Optional.empty();
        }
        List<com.github.javaparser.ast.body.VariableDeclarator> declared = body.findAll(
                com.github.javaparser.ast.body.VariableDeclarator.class,
                v -> v.getNameAsString().equals(name));
        if (declared.size() != 1
                || !(declared.get(0).getType() instanceof ArrayType t)
                || t.getArrayLevel() != 1
                || !t.getElementType().equals(element)
                || declared.get(0).getInitializer().isEmpty()) {
            return Optional.empty();
        }
        List<Expression> given = new ArrayList<>();
        given.add(declared.get(0).getInitializer().get());
        for (AssignExpr a : body.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr target
                    && target.getNameAsString().equals(name)) {
                if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
                    return Optional.empty();
                }
                given.add(a.getValue());
            }
        }
        Optional<Integer> length = Optional.empty();
        for (Expression e : given) {
            Optional<Integer> n = createdLength(e);
            if (n.isEmpty() || (length.isPresent() && !length.get().equals(n.get()))) {
                return Optional.empty();
            }
            length = n;
        }
        return length;
    }

    /** The length of {@code new double[3]}, {@code new double[] {a, b, c}} or {@code {a, b, c}}; empty otherwise. */
    private static Optional<Integer> createdLength(Expression e) {
        if (e instanceof ArrayInitializerExpr init) {
            return init.getValues().stream().anyMatch(Expression::isArrayInitializerExpr)
                    ? Optional.empty()
                    : Optional.of(init.getValues().size());
        }
        if (e instanceof ArrayCreationExpr c
                && c.getLevels().size() == 1
                && c.getLevels().get(0).getDimension().isPresent()
                && c.getLevels().get(0).getDimension().get() instanceof IntegerLiteralExpr n
                && n.asNumber() instanceof Integer k) {
            return Optional.of(k);
        }
        return builtInPlace(e);
    }

    /** The number of values of {@code new double[] {a, b, ...}}; empty for anything else. */
    private static Optional<Integer> builtInPlace(Expression e) {
        return e instanceof ArrayCreationExpr c
                        && c.getLevels().size() == 1
                        && c.getLevels().get(0).getDimension().isEmpty()
                        && c.getInitializer().isPresent()
                        && c.getInitializer().get().getValues().stream().noneMatch(v -> v.isArrayInitializerExpr())
                ? Optional.of(c.getInitializer().get().getValues().size())
                : Optional.empty();
    }
}
