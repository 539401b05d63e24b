package dev.adjoint.gradbench.evals;

import dev.adjoint.gradbench.json.Numbers;
import java.util.Map;

/** Typed access to an eval's input, with messages that name the field. */
public final class Inputs {
    private Inputs() {}

    /** {@code input} as the object every eval but hello sends. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object input) {
        if (!(input instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("input must be a JSON object");
        }
        return (Map<String, Object>) input;
    }

    public static Object field(Map<String, Object> input, String name) {
        if (!input.containsKey(name)) {
            throw new IllegalArgumentException("input has no field '" + name + "'");
        }
        return input.get(name);
    }

    public static Numbers numbers(Map<String, Object> input, String name) {
        Object v = field(input, name);
        if (!(v instanceof Numbers numbers)) {
            throw new IllegalArgumentException("'" + name + "' must be an array of numbers");
        }
        return numbers;
    }

    public static int intField(Map<String, Object> input, String name) {
        return intValue(field(input, name), name);
    }

    public static double doubleField(Map<String, Object> input, String name) {
        return doubleValue(field(input, name), name);
    }

    public static int intValue(Object v, String name) {
        if (v instanceof Long l && l == (int) (long) l) {
            return (int) (long) l;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
            return (int) (double) d;
        }
        throw new IllegalArgumentException("'" + name + "' must be an integer, got " + v);
    }

    public static double doubleValue(Object v, String name) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("'" + name + "' must be a number, got " + v);
    }

    static IllegalArgumentException unknownFunction(String module, String function) {
        return new IllegalArgumentException("module '" + module + "' has no function '" + function + "'");
    }
}
