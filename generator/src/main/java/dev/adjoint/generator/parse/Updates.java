package dev.adjoint.generator.parse;

import com.github.javaparser.ast.expr.UnaryExpr;

/** The four update operators ({@code ++x}, {@code x++}, {@code --x}, {@code x--}) among the unary ones. */
public final class Updates {
    private Updates() {}

    /** Whether {@code op} is {@code ++} or {@code --}, prefix or postfix. */
    public static boolean isUpdate(UnaryExpr.Operator op) {
        return switch (op) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
            default -> false;
        };
    }

    /** Whether {@code op} is {@code ++}, prefix or postfix. */
    public static boolean isIncrement(UnaryExpr.Operator op) {
        return op == UnaryExpr.Operator.PREFIX_INCREMENT || op == UnaryExpr.Operator.POSTFIX_INCREMENT;
    }
}
