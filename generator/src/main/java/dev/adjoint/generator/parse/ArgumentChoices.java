package dev.adjoint.generator.parse;

import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;

/**
 * A call given a choice of arguments, {@code h(s, c ? a : b)}, and the same choice made between
 * calls, {@code c ? h(s, a) : h(s, b)}: the same value. Whether it is evaluated in the same order
 * (nothing before the choice with an effect) is the caller's to check.
 */
public final class ArgumentChoices {
    private ArgumentChoices() {}

    /** The index of {@code call}'s first argument that is a conditional (in parentheses or not), or -1. */
    public static int chosenArgument(MethodCallExpr call) {
        for (int i = 0; i < call.getArguments().size(); i++) {
            if (chosen(call, i) != null) {
                return i;
            }
        }
        return -1;
    }

    /** The conditional that argument {@code i} of {@code call} is, parentheses aside; null if it is none. */
    public static ConditionalExpr chosen(MethodCallExpr call, int i) {
        Expression a = call.getArgument(i);
        while (a instanceof EnclosedExpr e) {
            a = e.getInner();
        }
        return a instanceof ConditionalExpr c ? c : null;
    }

    /** {@code c ? call[i := x] : call[i := y]} for argument {@code i}, {@code c ? x : y}: new nodes at the choice's range. */
    public static ConditionalExpr ofCalls(MethodCallExpr call, int i) {
        ConditionalExpr c = chosen(call, i);
        MethodCallExpr whenTrue = call.clone();
        whenTrue.setArgument(i, c.getThenExpr().clone());
        MethodCallExpr whenFalse = call.clone();
        whenFalse.setArgument(i, c.getElseExpr().clone());
        ConditionalExpr choice = new ConditionalExpr(c.getCondition().clone(), whenTrue, whenFalse);
        c.getRange().ifPresent(choice::setRange);
        return choice;
    }
}
