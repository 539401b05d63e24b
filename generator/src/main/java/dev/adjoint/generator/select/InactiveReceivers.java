package dev.adjoint.generator.select;

import dev.adjoint.generator.types.Ty;
import java.util.List;
import java.util.Optional;

/**
 * Calls on a {@code String} or an enum value ({@code s.length()}, {@code s.charAt(i)},
 * {@code mode.ordinal()}), and draws of a {@code Random} local ({@code rng.nextGaussian()}): values
 * without derivative, since their receiver has none and none of their arguments is a {@code float}
 * or {@code double} (or an array); only a draw's result may be a {@code double} or {@code float}. Such a
 * call touches no active value, so both strategies compute it where the method does, in the forward
 * sweep, like integer arithmetic. Only the methods of {@code String}, and those every enum inherits
 * and cannot override ({@code ordinal}, {@code name}, {@code equals}, {@code compareTo}), whose
 * result depends on the receiver and the arguments alone; not {@code toString} or {@code hashCode},
 * which an enum may override.
 */
public final class InactiveReceivers {
    private InactiveReceivers() {}

    /** The type of {@code receiver.method(args)}, or empty when it is not such a call. */
    public static Optional<Ty> resultType(Ty receiver, String method, List<Ty> args) {
        if (receiver.isArray() || args.stream().anyMatch(a -> a.isArray() || a.isFloating())) {
            return Optional.empty();
        }
        if (receiver.prim() == Ty.Prim.STRING) {
            return string(method, args);
        }
        if (receiver.prim() == Ty.Prim.RANDOM) {
            return draw(method, args);
        }
        if (receiver.prim() == Ty.Prim.ENUM) {
            return switch (method) {
                case "ordinal" -> when(args.isEmpty(), Ty.INT);
                case "name" -> when(args.isEmpty(), Ty.STRING);
                case "equals" -> when(args.size() == 1 && args.get(0).equals(receiver), Ty.BOOLEAN);
                case "compareTo" -> when(args.size() == 1 && args.get(0).equals(receiver), Ty.INT);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /**
     * A draw of a {@code Random} local: a value without derivative (the generator's state depends on
     * its seed and the draws before it, not on a differentiated input). Unlike the calls above it
     * changes its receiver, so the passes run it exactly once, where the method does.
     */
    private static Optional<Ty> draw(String method, List<Ty> args) {
        boolean none = args.isEmpty();
        return switch (method) {
            case "nextGaussian", "nextDouble" -> when(none, Ty.DOUBLE);
            case "nextFloat" -> when(none, Ty.FLOAT);
            case "nextInt" -> when(none || (args.size() == 1 && isIndex(args.get(0))), Ty.INT);
            case "nextLong" -> when(none, Ty.LONG);
            case "nextBoolean" -> when(none, Ty.BOOLEAN);
            default -> Optional.empty();
        };
    }

    private static Optional<Ty> string(String method, List<Ty> args) {
        boolean none = args.isEmpty();
        boolean oneString = args.size() == 1 && isString(args.get(0));
        return switch (method) {
            case "length", "hashCode" -> when(none, Ty.INT);
            case "isEmpty", "isBlank" -> when(none, Ty.BOOLEAN);
            case "trim", "strip", "toLowerCase", "toUpperCase" -> when(none, Ty.STRING);
            case "charAt" -> when(args.size() == 1 && isIndex(args.get(0)), Ty.CHAR);
            case "equals", "equalsIgnoreCase", "startsWith", "endsWith", "contains" -> when(oneString, Ty.BOOLEAN);
            case "compareTo", "compareToIgnoreCase" -> when(oneString, Ty.INT);
            case "concat" -> when(oneString, Ty.STRING);
            case "indexOf", "lastIndexOf" ->
                when(args.size() == 1 && (isString(args.get(0)) || isIndex(args.get(0))), Ty.INT);
            case "substring" ->
                when(!none && args.size() <= 2 && args.stream().allMatch(InactiveReceivers::isIndex), Ty.STRING);
            default -> Optional.empty();
        };
    }

    private static boolean isString(Ty t) {
        return t.prim() == Ty.Prim.STRING && !t.isArray();
    }

    /** An {@code int} argument, or one that widens to it. */
    private static boolean isIndex(Ty t) {
        return t.prim() == Ty.Prim.INT || t.isNarrow();
    }

    private static Optional<Ty> when(boolean applies, Ty result) {
        return applies ? Optional.of(result) : Optional.empty();
    }
}
