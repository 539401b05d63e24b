package dev.adjoint.generator.translated;

import java.util.ArrayList;
import java.util.List;

/**
 * One function translated into Java from another AD tool's test suite.
 *
 * @param id unique name, {@code tangent.<python name>} or {@code clad.<File>.<function>}
 * @param origin where the function comes from (repository, file, function)
 * @param method the name of the {@code @Differentiable} method under test
 * @param body the members of the class holding it (the method and any helpers)
 * @param points arguments to check at (values, arrays written in place, central differences)
 * @param expects gradients another tool's test prints ({@code // CHECK-EXEC:}), at their arguments
 */
record Fn(String id, String origin, String method, String body, List<Object[]> points, List<Expect> expects) {

    /** A gradient printed by the origin's test, to two decimals. */
    record Expect(double[] gradient, Object[] args) {}

    static Fn tangent(String name, String body, Object[]... points) {
        return new Fn(
                "tangent." + name,
                "google/tangent tests/functions.py: " + name,
                name,
                body,
                List.of(points),
                List.of());
    }

    static Fn clad(String file, String name, String body, Object[]... points) {
        String method = name;
        return new Fn(
                "clad." + file.replace(".C", "") + "." + name,
                "vgvassilev/clad test/Gradient/" + file + ": " + name,
                method,
                body,
                List.of(points),
                List.of());
    }

    /** This function with the gradient {@code gradient} expected at {@code args} (a CHECK-EXEC line). */
    Fn expect(double[] gradient, Object... args) {
        List<Expect> e = new ArrayList<>(expects);
        e.add(new Expect(gradient, args));
        return new Fn(id, origin, method, body, points, List.copyOf(e));
    }

    /** The class holding the function: {@code translated.T_name} or {@code translated.C_File_name}. */
    String simpleClassName() {
        String rest = id.substring(id.indexOf('.') + 1).replace('.', '_');
        return (id.startsWith("tangent.") ? "T_" : "C_") + rest;
    }

    String qualifiedClassName() {
        return "translated." + simpleClassName();
    }

    String source() {
        StringBuilder s = new StringBuilder("package translated;\n\n");
        if (body.contains("Arrays.")) {
            s.append("import java.util.Arrays;\n");
        }
        if (body.contains("ArrayDeque")) {
            s.append("import java.util.ArrayDeque;\n");
        }
        if (body.contains("Map<") || body.contains("Map.of")) {
            s.append("import java.util.Map;\n");
        }
        if (body.contains("DoubleBinaryOperator")) {
            s.append("import java.util.function.DoubleBinaryOperator;\n");
        }
        s.append("import dev.adjoint.Differentiable;\n\n");
        s.append("public class ").append(simpleClassName()).append(" {\n");
        s.append(body.stripIndent().indent(4));
        s.append("}\n");
        return s.toString();
    }

    // argument helpers for the function lists

    static Object[] p(Object... args) {
        return args;
    }

    /** An enum constant by name, for an enum parameter (the suite passes the compiled enum's constant). */
    static Object op(String constant) {
        return new dev.adjoint.generator.testing.Differentiated.EnumConstant("", constant);
    }

    static double[] d(double... v) {
        return v;
    }

    static float[] f(float... v) {
        return v;
    }

    static double[][] m(double[]... rows) {
        return rows;
    }

    @Override
    public String toString() {
        return id;
    }
}
