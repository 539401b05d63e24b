package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.parse.Positions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an inlined helper's body, its names already the caller's, stands in place of its call
 * ({@link HelperCalls} decides which call and renames): its statements as they are when the only
 * {@code return} ends the body, else in {@code name0: do { ... } while (false);} with each
 * {@code return e;} as {@code result = e; break name0;}; and the calling statement, given the
 * value in place of the call or through a fresh local. Every new node stands at the call's
 * position, or at the {@code return} it replaces.
 */
final class SplicedBodies {
    private final Rewriter rw;
    private final MethodDeclaration caller;

    SplicedBodies(Rewriter rw, MethodDeclaration caller) {
        this.rw = rw;
        this.caller = caller;
    }

    /**
     * Adds the helper's statements to {@code out}: as they are when the only {@code return} ends
     * the body, else in a labelled {@code do { } while (false)}; gives the value returned, if any.
     */
    Optional<Expression> spliceBody(MethodDeclaration copy, BlockStmt body, List<Statement> out, MethodCallExpr c) {
        List<ReturnStmt> returns = body.findAll(ReturnStmt.class);
        NodeList<Statement> statements = body.getStatements();
        if (returns.isEmpty()
                || (returns.size() == 1
                        && statements.getLast().filter(l -> l == returns.get(0)).isPresent())) {
            Optional<Expression> value =
                    returns.isEmpty() ? Optional.empty() : returns.get(0).getExpression();
            List<Statement> kept = new ArrayList<>(statements);
            if (!returns.isEmpty()) {
                kept.remove(kept.size() - 1);
            }
            kept.forEach(Node::remove);
            out.addAll(kept);
            return value;
        }
        String label = rw.fresh(copy.getNameAsString() + "Body");
        Optional<String> shared = sharedArray(body, returns);
        if (shared.isPresent()) {
            // every return returns the array its first statement creates: that array is the value
            Statement first = body.getStatements().get(0);
            first.remove();
            out.add(first);
            returns.forEach(r -> r.replace(Positions.standAt(new BreakStmt(new SimpleName(label)), r)));
        }
        Optional<String> result = copy.getType().isVoidType() || shared.isPresent()
                ? Optional.empty()
                : Optional.of(rw.fresh(copy.getNameAsString() + "Value"));
        result.ifPresent(r -> out.add(declaration(copy.getType(), r, zero(copy.getType()), c)));
        for (ReturnStmt r : shared.isPresent() ? List.<ReturnStmt>of() : returns) {
            BreakStmt jump = new BreakStmt(new SimpleName(label));
            Positions.placeAt(jump, r);
            if (r.getExpression().isEmpty()) {
                r.replace(jump);
                continue;
            }
            AssignExpr set =
                    new AssignExpr(new NameExpr(result.get()), r.getExpression().get(), AssignExpr.Operator.ASSIGN);
            ExpressionStmt keep = new ExpressionStmt(set);
            Positions.placeAt(set, r);
            Positions.placeAt(set.getTarget(), r);
            Positions.placeAt(keep, r);
            BlockStmt both = new BlockStmt(new NodeList<>(keep, jump));
            Positions.placeAt(both, r);
            r.replace(both);
        }
        body.remove();
        BooleanLiteralExpr never = new BooleanLiteralExpr(false);
        DoStmt once = new DoStmt(body, never);
        LabeledStmt labelled = new LabeledStmt(label, once);
        Positions.placeAt(never, c);
        Positions.placeAt(once, c);
        Positions.placeAt(labelled, c);
        out.add(labelled);
        return result.or(() -> shared).map(NameExpr::new);
    }

    /**
     * Whether {@code copy}, with {@code body}, returns arrays that are not one: several returns, or
     * one before the end, that do not all return the array its first statement creates. Inlined, its
     * value would be a variable assigned different arrays; called, its own adjoint says what it needs.
     */
    static boolean returnsArraysApart(MethodDeclaration copy, BlockStmt body) {
        List<ReturnStmt> returns = body.findAll(ReturnStmt.class);
        boolean single = returns.size() == 1
                && body.getStatements()
                        .getLast()
                        .filter(l -> l == returns.get(0))
                        .isPresent();
        return copy.getType() instanceof ArrayType
                && !returns.isEmpty()
                && !single
                && sharedArray(body, returns).isEmpty();
    }

    /**
     * The array every one of {@code returns} returns, when the body's first statement declares it
     * with {@code new} ({@link ArrayReturns} writes such bodies): it lives before the body and is its value.
     */
    static Optional<String> sharedArray(BlockStmt body, List<ReturnStmt> returns) {
        if (body.getStatements().isEmpty()
                || !(body.getStatements().get(0) instanceof ExpressionStmt e)
                || !(e.getExpression() instanceof VariableDeclarationExpr d)
                || d.getVariables().size() != 1
                || !(d.getVariable(0).getType() instanceof ArrayType)
                || !d.getVariable(0)
                        .getInitializer()
                        .filter(i -> i instanceof com.github.javaparser.ast.expr.ArrayCreationExpr)
                        .isPresent()) {
            return Optional.empty();
        }
        String name = d.getVariable(0).getNameAsString();
        return returns.stream()
                        .allMatch(r -> r.getExpression()
                                .filter(x -> x instanceof NameExpr n
                                        && n.getNameAsString().equals(name))
                                .isPresent())
                ? Optional.of(name)
                : Optional.empty();
    }

    /**
     * The statement that called: with the value in place of the call when it is the whole of a
     * declaration, assignment or return of the helper's type, else through a fresh local.
     */
    List<Statement> host(MethodCallExpr c, Statement s, Type type, Expression value, List<Statement> out) {
        if (s instanceof ExpressionStmt e && e.getExpression() instanceof VariableDeclarationExpr d) {
            VariableDeclarator v = d.getVariables().get(0);
            boolean sameType = v.getType().equals(type) || v.getType().isVarType();
            if (sameType && v.getInitializer().filter(i -> i == c).isPresent()) {
                if (type instanceof ArrayType
                        && value instanceof NameExpr n
                        && renameArray(out, n.getNameAsString(), v.getNameAsString(), type)) {
                    return List.of(); // the helper's own array is the caller's: no second name
                }
                v.setType(type.clone());
                c.replace(value);
                return List.of(s.clone());
            }
        }
        boolean whole = (s instanceof ReturnStmt r
                        && r.getExpression().filter(x -> x == c).isPresent()
                        && caller.getType().equals(type))
                || (s instanceof ExpressionStmt e
                        && e.getExpression() instanceof AssignExpr a
                        && a.getValue() == c
                        && a.getOperator() == AssignExpr.Operator.ASSIGN
                        && rw.typeOf(a.getTarget()).filter(type::equals).isPresent());
        if (whole || (value instanceof NameExpr n && declares(out, n.getNameAsString(), type))) {
            c.replace(value);
            return List.of(s.clone());
        }
        String local = rw.fresh(c.getNameAsString() + "Value");
        Statement holder = declaration(type, local, value, c);
        NameExpr use = new NameExpr(local);
        Positions.placeAt(use, c);
        c.replace(use);
        return List.of(holder, s.clone());
    }

    /** Renames the helper's array {@code from}, created by a declaration among {@code out}, to the caller's {@code to}. */
    private static boolean renameArray(List<Statement> out, String from, String to, Type type) {
        for (Statement st : out) {
            if (st instanceof ExpressionStmt e
                    && e.getExpression() instanceof VariableDeclarationExpr d
                    && d.getVariables().size() == 1
                    && d.getVariables().get(0).getNameAsString().equals(from)
                    && d.getVariables().get(0).getType().equals(type)
                    && d.getVariables()
                            .get(0)
                            .getInitializer()
                            .filter(i -> i.isArrayCreationExpr())
                            .isPresent()) {
                for (Statement t : out) {
                    t.findAll(NameExpr.class).stream()
                            .filter(n -> n.getNameAsString().equals(from))
                            .forEach(n -> n.setName(new SimpleName(to)));
                    t.findAll(VariableDeclarator.class).stream()
                            .filter(v -> v.getNameAsString().equals(from))
                            .forEach(v -> v.setName(to));
                }
                return true;
            }
        }
        return false;
    }

    /** Whether a declaration among {@code out} gives {@code name} the type {@code type}. */
    private static boolean declares(List<Statement> out, String name, Type type) {
        return out.stream()
                .flatMap(t -> t.findAll(VariableDeclarator.class).stream())
                .anyMatch(v -> v.getNameAsString().equals(name) && v.getType().equals(type));
    }

    private static Expression zero(Type t) {
        return t.asString().equals("boolean")
                ? new BooleanLiteralExpr(false)
                : new com.github.javaparser.ast.expr.IntegerLiteralExpr("0");
    }

    /** {@code T name = value;} at the call's position. */
    static Statement declaration(Type type, String name, Expression value, MethodCallExpr at) {
        VariableDeclarator v = new VariableDeclarator(type.clone(), name, value);
        VariableDeclarationExpr d = new VariableDeclarationExpr(v);
        ExpressionStmt s = new ExpressionStmt(d);
        Positions.placeAt(v, at);
        Positions.placeAt(v.getName(), at);
        Positions.standAt(v.getType(), at);
        Positions.placeAt(d, at);
        Positions.placeAt(s, at);
        if (value.getRange().isEmpty()) {
            Positions.placeAt(value, at);
        }
        return s;
    }
}
