package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;

/**
 * The array javac makes for a spread call of a {@code @Differentiable} variable-arity method
 * ({@code softMax(0.5, x, 2 * y)}, JLS 15.12.4.2) as a local of its own, declared just before the
 * statement: {@code double[] spread0 = {x, 2 * y}; ... softMax(0.5, spread0) ...}. Such a method is
 * called, not inlined, and both strategies hand a called method its arrays by name.
 *
 * <p>Declaring the array first moves the elements' evaluation before whatever the statement
 * evaluates ahead of the call, so it is done only where that cannot be told apart: the statement is
 * an expression statement, a declaration or a {@code return} (in a block, or the branch or body of an
 * {@code if} or a loop, which becomes a block); the call is not
 * under {@code &&}, {@code ||} or {@code ?:} (it might not run); the elements are names, literals,
 * operators, casts and {@code Math} calls, with no update; and the statement updates nothing but
 * its own top-level target, and calls nothing that could write an array, when an element reads
 * one. Elsewhere the array stays in the call, where the strategies' error says to declare it.
 */
final class SpreadArguments {
    private SpreadArguments() {}

    /** Declares {@code made} (the array of call {@code c}) before its statement and passes its name; false if not done. */
    static boolean hoist(MethodCallExpr c, ArrayCreationExpr made, PrimitiveType element) {
        Statement at = c.findAncestor(Statement.class).orElse(null);
        MethodDeclaration method = c.findAncestor(MethodDeclaration.class).orElse(null);
        if (at == null
                || method == null
                || !(at instanceof ExpressionStmt || at instanceof ReturnStmt)
                || !(at.getParentNode().orElse(null) instanceof Statement)
                || !unconditional(c, at)) {
            return false;
        }
        boolean readsArrays = false;
        for (Expression e : made.getInitializer().orElseThrow().getValues()) {
            if (!e.findAll(Node.class).stream().allMatch(SpreadArguments::plainOperand)) {
                return false;
            }
            readsArrays |= e.findFirst(ArrayAccessExpr.class).isPresent();
        }
        if (!updatesOnlyItsTarget(at) || (readsArrays && callsAnotherMethod(at, c))) {
            return false;
        }
        String name = new Rewriter(method).fresh("spread");
        VariableDeclarator v = new VariableDeclarator(new ArrayType(element.clone()), name, made);
        ExpressionStmt declaration = new ExpressionStmt(new VariableDeclarationExpr(v));
        made.getRange()
                .ifPresent(r -> declaration.walk(n -> n.setRange(n.getRange().orElse(r))));
        if (at.getParentNode().orElseThrow() instanceof BlockStmt block) {
            block.getStatements().addBefore(declaration, at);
        } else { // the whole branch or body of an if or a loop: a block of the two
            BlockStmt block = new BlockStmt();
            at.getRange().ifPresent(block::setRange);
            at.replace(block);
            block.addStatement(declaration);
            block.addStatement(at);
        }
        NameExpr passed = new NameExpr(name);
        made.getRange().ifPresent(passed::setRange);
        c.getArguments().add(passed);
        return true;
    }

    /** Whether Java always evaluates {@code c} when it runs {@code at}: no {@code &&}, {@code ||}, {@code ?:} or lambda between. */
    private static boolean unconditional(Node c, Statement at) {
        for (Node n = c.getParentNode().orElseThrow();
                n != at;
                n = n.getParentNode().orElseThrow()) {
            if ((n instanceof BinaryExpr b
                            && (b.getOperator() == BinaryExpr.Operator.AND
                                    || b.getOperator() == BinaryExpr.Operator.OR))
                    || n instanceof com.github.javaparser.ast.expr.ConditionalExpr
                    || n instanceof com.github.javaparser.ast.expr.LambdaExpr
                    || n instanceof com.github.javaparser.ast.expr.SwitchExpr) {
                return false;
            }
        }
        return true;
    }

    /** A node an element may hold: it reads and changes nothing but what its own value needs. */
    private static boolean plainOperand(Node n) {
        return n instanceof NameExpr
                || n instanceof com.github.javaparser.ast.expr.SimpleName
                || n instanceof LiteralExpr
                || n instanceof EnclosedExpr
                || n instanceof CastExpr
                || n instanceof com.github.javaparser.ast.type.Type
                || n instanceof ArrayAccessExpr
                || (n instanceof BinaryExpr b
                        && b.getOperator() != BinaryExpr.Operator.AND
                        && b.getOperator() != BinaryExpr.Operator.OR)
                || (n instanceof UnaryExpr u && !updates(u))
                || (n instanceof MethodCallExpr m && isMath(m));
    }

    private static boolean updates(UnaryExpr u) {
        return switch (u.getOperator()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
            default -> false;
        };
    }

    private static boolean isMath(MethodCallExpr m) {
        return m.getScope().orElse(null) instanceof NameExpr s
                && (s.getNameAsString().equals("Math") || s.getNameAsString().equals("StrictMath"));
    }

    /** Whether the statement assigns or updates nothing but its own top-level target (or declared variable). */
    private static boolean updatesOnlyItsTarget(Statement at) {
        Expression top = at instanceof ExpressionStmt es ? es.getExpression() : null;
        for (AssignExpr a : at.findAll(AssignExpr.class)) {
            if (a != top) {
                return false;
            }
        }
        return at.findAll(UnaryExpr.class).stream().noneMatch(SpreadArguments::updates);
    }

    /** Whether the statement calls a method other than {@code Math}'s and {@code c} (which may write an array). */
    private static boolean callsAnotherMethod(Statement at, MethodCallExpr c) {
        return at.findAll(MethodCallExpr.class).stream().anyMatch(m -> m != c && !isMath(m));
    }
}
