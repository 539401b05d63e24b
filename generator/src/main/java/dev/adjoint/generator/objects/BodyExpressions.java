package dev.adjoint.generator.objects;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.adjoint.generator.parse.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A method body made of local declarations, {@code if}s and {@code return}s, none of which
 * assigns anything, as the one expression it computes:
 *
 * <pre>
 * double s = x * x + y * y;            return Math.sqrt(s);     Math.sqrt((x * x + y * y))
 * if (x &lt; 0) return 0; return x;                                x &lt; 0 ? 0 : x
 * </pre>
 *
 * Each local stands as its initializer wherever it is read (cast to its declared type where the
 * conversion could change the value), which is exact because nothing the body evaluates has an
 * effect: a value computed twice is the same value (and a local no path reads is not computed at
 * all: an exception its initializer alone would throw, an index out of bounds, does not happen).
 * An {@code if} is a conditional: Java evaluates
 * only the branch taken, as the method would. Anything else (a loop, an assignment, a local
 * without an initializer, a path without {@code return}) has no such expression.
 */
final class BodyExpressions {
    private BodyExpressions() {}

    /** The expression {@code body} returns, if it has one, given the types of the names around it. */
    static Optional<Expression> of(
            BlockStmt body,
            Function<String, Optional<String>> names,
            Function<com.github.javaparser.ast.expr.MethodCallExpr, Optional<String>> calls) {
        return of(body.getStatements(), new Scope(Map.of(), Map.of(), names, calls));
    }

    /** The locals declared so far: their values and types; and the types of the names around them. */
    private record Scope(
            Map<String, Expression> values,
            Map<String, String> types,
            Function<String, Optional<String>> outer,
            Function<com.github.javaparser.ast.expr.MethodCallExpr, Optional<String>> calls) {
        Optional<String> typeOf(String name) {
            return types.containsKey(name)
                    ? Optional.of(types.get(name))
                    : values.containsKey(name) ? Optional.empty() : outer.apply(name);
        }
    }

    private static Optional<Expression> of(List<Statement> statements, Scope scope) {
        Map<String, Expression> locals = scope.values();
        if (statements.isEmpty()) {
            return Optional.empty(); // a path that falls off the end
        }
        Statement first = statements.get(0);
        List<Statement> rest = statements.subList(1, statements.size());
        if (first instanceof ReturnStmt r) {
            return r.getExpression().filter(BodyExpressions::updatesNothing).map(e -> substituted(e, locals));
        }
        if (first instanceof BlockStmt b) {
            List<Statement> flat = new ArrayList<>(b.getStatements());
            flat.addAll(rest); // (a block's locals are out of scope after it; javac has checked the names)
            return of(flat, scope);
        }
        if (first instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr v) {
            Map<String, Expression> more = new HashMap<>(locals);
            Map<String, String> types = new HashMap<>(scope.types());
            for (VariableDeclarator d : v.getVariables()) {
                if (d.getInitializer().filter(BodyExpressions::updatesNothing).isEmpty()
                        || d.getType().isVarType()) {
                    return Optional.empty();
                }
                Scope sofar = new Scope(more, types, scope.outer(), scope.calls());
                boolean converts = ValueMethods.convertsTo(d.getType())
                        && !PrimitiveTypes.of(d.getInitializer().get(), sofar::typeOf, scope.calls())
                                .equals(Optional.of(d.getType().asString()));
                Expression value = substituted(d.getInitializer().get(), more);
                more.put(
                        d.getNameAsString(),
                        converts
                                ? new EnclosedExpr(new CastExpr(d.getType().clone(), new EnclosedExpr(value)))
                                : ValueMethods.grouped(value));
                types.put(d.getNameAsString(), d.getType().asString());
            }
            return of(rest, new Scope(more, types, scope.outer(), scope.calls()));
        }
        if (first instanceof IfStmt i && updatesNothing(i.getCondition())) {
            // each branch goes on with what follows the if (ignored after a return)
            List<Statement> taken = statements(i.getThenStmt());
            taken.addAll(rest);
            List<Statement> otherwise =
                    i.getElseStmt().map(BodyExpressions::statements).orElse(new ArrayList<>());
            otherwise.addAll(rest);
            Optional<Expression> then = of(taken, scope);
            Optional<Expression> other = of(otherwise, scope);
            if (then.isEmpty() || other.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new EnclosedExpr(new ConditionalExpr(
                    new EnclosedExpr(substituted(i.getCondition(), locals)),
                    new EnclosedExpr(then.get()),
                    new EnclosedExpr(other.get()))));
        }
        return Optional.empty();
    }

    private static List<Statement> statements(Statement s) {
        return new ArrayList<>(s instanceof BlockStmt b ? b.getStatements() : List.of(s));
    }

    /** A clone of {@code e} with each local it reads replaced by the local's value. */
    private static Expression substituted(Expression e, Map<String, Expression> locals) {
        EnclosedExpr holder = new EnclosedExpr(e.clone());
        for (NameExpr n : holder.findAll(NameExpr.class)) {
            if (locals.containsKey(n.getNameAsString()) && n.isDescendantOf(holder)) {
                n.replace(locals.get(n.getNameAsString()).clone());
            }
        }
        return holder.getInner();
    }

    /** Whether {@code e} assigns or updates no variable (and holds no lambda or switch, whose bodies may). */
    static boolean updatesNothing(Node e) {
        for (Node n : e.findAll(Node.class)) {
            if (n instanceof AssignExpr
                    || n instanceof LambdaExpr
                    || n instanceof MethodReferenceExpr
                    || n instanceof SwitchExpr
                    || n instanceof UnaryExpr u && Updates.isUpdate(u.getOperator())) {
                return false;
            }
            if (n instanceof ObjectCreationExpr o
                    && (o.getAnonymousClassBody().isPresent() || o.getScope().isPresent())) {
                return false;
            }
        }
        return true;
    }
}
