package dev.adjoint.generator.normalize;

import com.github.javaparser.ast.expr.FieldAccessExpr;
import dev.adjoint.generator.types.Ty;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The constants of {@code java.lang}'s number classes ({@code Double.NEGATIVE_INFINITY},
 * {@code Integer.MAX_VALUE}, ...): values without derivative that generated code reads as written,
 * since every class sees {@code java.lang}.
 */
public final class NumberConstants {
    private static final Set<String> FLOATING =
            Set.of("MAX_VALUE", "MIN_VALUE", "MIN_NORMAL", "POSITIVE_INFINITY", "NEGATIVE_INFINITY", "NaN");
    private static final Set<String> INTEGRAL = Set.of("MAX_VALUE", "MIN_VALUE");
    private static final Map<String, Ty> CLASSES =
            Map.of("Double", Ty.DOUBLE, "Float", Ty.FLOAT, "Integer", Ty.INT, "Long", Ty.LONG);

    private NumberConstants() {}

    /** The type of {@code f} when it names one of these constants ({@code Double.MAX_VALUE} or {@code java.lang.Double.MAX_VALUE}). */
    public static Optional<Ty> type(FieldAccessExpr f) {
        String scope = f.getScope().toString();
        if (scope.startsWith("java.lang.")) {
            scope = scope.substring("java.lang.".length());
        }
        Ty t = CLASSES.get(scope);
        if (t == null) {
            return Optional.empty();
        }
        return (t.isFloating() ? FLOATING : INTEGRAL).contains(f.getNameAsString()) ? Optional.of(t) : Optional.empty();
    }
}
