package dev.adjoint.generator.desugar;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;
import dev.adjoint.generator.parse.Updates;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An enum argument that chooses between constants on the caller's numbers
 * ({@code app(x[i], i % 2 == 0 ? Kind.SQ : Kind.LIN)}), passed to a helper inlined inside a block or
 * loop: a local of that type may not be declared there (the strategies save none), and it cannot
 * move to the top as a constant does, since its value changes from call to call. The helper's body
 * reads the choice itself wherever it reads the parameter instead. (A {@code String} choice keeps
 * its local: its {@code equals} would need a String value inside the loop, which the reverse sweep
 * would have to save.)
 *
 * <p>That is the value Java's parameter holds at each read: the choice reads only the caller's
 * variables, literals and constants through operators (no element of an array, no call, no
 * assignment), and the inlined body can change none of those (its own names are fresh; it assigns no
 * variable of the caller), so every evaluation gives the value the call passed.
 */
final class ChosenConstants {
    private ChosenConstants() {}

    /** Whether {@code arg} is such a choice, nested ones included; {@code constant} tells a constant ({@code Kind.SQ}). */
    static boolean isChoice(Expression arg, Predicate<Expression> constant) {
        Expression e = strip(arg);
        if (!(e instanceof ConditionalExpr c)) {
            return false;
        }
        return pure(c.getCondition(), constant)
                && (constant.test(strip(c.getThenExpr())) || isChoice(c.getThenExpr(), constant))
                && (constant.test(strip(c.getElseExpr())) || isChoice(c.getElseExpr(), constant));
    }

    /**
     * Whether no other argument of {@code call} assigns or updates a variable: the inlined body reads
     * the choice after every argument is evaluated, so {@code app(i % 2 == 0 ? Kind.SQ : Kind.LIN,
     * x[i++])} would read it with the {@code i} the later argument left, not the one Java chose with.
     */
    static boolean settled(MethodCallExpr call, Expression arg) {
        return call.getArguments().stream()
                .filter(a -> a != arg)
                .noneMatch(
                        a -> a.findFirst(Node.class, EvaluationOrder::isEffect).isPresent());
    }

    /** Whether {@code e} reads only variables, literals and constants through operators. */
    private static boolean pure(Expression e, Predicate<Expression> constant) {
        if (e instanceof NameExpr || e instanceof LiteralExpr || constant.test(e)) {
            return true;
        }
        if (e instanceof EnclosedExpr en) {
            return pure(en.getInner(), constant);
        }
        if (e instanceof UnaryExpr u) {
            return !Updates.isUpdate(u.getOperator()) && pure(u.getExpression(), constant);
        }
        if (e instanceof BinaryExpr b) {
            return pure(b.getLeft(), constant) && pure(b.getRight(), constant);
        }
        return e instanceof ConditionalExpr c
                && pure(c.getCondition(), constant)
                && pure(c.getThenExpr(), constant)
                && pure(c.getElseExpr(), constant);
    }

    /**
     * Whether {@code body} switches on the parameter {@code name}: a switch is rewritten only over a
     * variable, so such a parameter keeps its local (and its error).
     */
    static boolean selects(BlockStmt body, String name) {
        return body.findAll(SwitchStmt.class).stream().anyMatch(w -> isName(w.getSelector(), name))
                || body.findAll(SwitchExpr.class).stream().anyMatch(w -> isName(w.getSelector(), name));
    }

    private static boolean isName(Expression e, String name) {
        return strip(e) instanceof NameExpr n && n.getNameAsString().equals(name);
    }

    private static Expression strip(Expression e) {
        return e instanceof EnclosedExpr en ? strip(en.getInner()) : e;
    }

    /** Replaces in {@code body} each read of a name of {@code chosen} (the parameters' fresh names) with its choice. */
    static void substitute(BlockStmt body, Map<String, Expression> chosen) {
        if (chosen.isEmpty()) {
            return;
        }
        for (NameExpr n : body.findAll(NameExpr.class, n -> chosen.containsKey(n.getNameAsString()))) {
            Node value = new EnclosedExpr(chosen.get(n.getNameAsString()).clone());
            n.replace(value);
        }
    }
}
