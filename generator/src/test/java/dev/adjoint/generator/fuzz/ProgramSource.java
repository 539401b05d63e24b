package dev.adjoint.generator.fuzz;

import dev.adjoint.generator.fuzz.ProgramGenerator.Feature;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import dev.adjoint.generator.fuzz.ProgramGenerator.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The text of one {@link ProgramGenerator} program: the package and imports it needs, the constants
 * and plain helpers its choices ({@link ProgramGenerator.Ctx}) and extras call for, each method's
 * three variants from its template ({@link #render}), nested methods in a class {@code H}, and
 * under {@code import static java.lang.Math.*} about half of the {@code Math.} qualifiers dropped
 * (drawn from the program's random stream, after its methods).
 */
final class ProgramSource {
    private ProgramSource() {}

    /**
     * The class {@code ctx.className()} holding {@code methods}, whose bodies are {@code templates}.
     *
     * @param unqualifiedConstants whether {@code Math.PI} and {@code Math.E} may lose their qualifier too
     */
    static String of(
            int index,
            long seed,
            ProgramGenerator.Ctx ctx,
            boolean mathImport,
            boolean unqualifiedConstants,
            List<Method> methods,
            List<String> templates,
            Random r) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(ProgramGenerator.PACKAGE).append(";\n\n");
        if (mathImport) {
            s.append("import static java.lang.Math.*;\n\n");
        }
        s.append("import dev.adjoint.Adjoint;\n");
        if (ctx.customs()) {
            s.append("import dev.adjoint.CustomDerivative;\n");
        }
        s.append("import dev.adjoint.Differentiable;\n");
        if (ctx.customs()) {
            s.append("import dev.adjoint.DoubleGrad;\n");
        }
        s.append("import dev.adjoint.Strategy;\n\n");
        s.append("/** Random program ")
                .append(index)
                .append(" (program seed ")
                .append(seed)
                .append("L). */\n");
        s.append("public class ").append(ctx.className()).append(" {\n");
        StringBuilder body = new StringBuilder();
        if (ctx.constants()) {
            body.append(
                    "    static final double K0 = 0.75;\n    static final $F K1 = 1.5$f;\n    private static final int N0 = 2;\n\n");
        }
        if (ctx.plainHelpers()) {
            body.append("    static int wrap(int i) {\n        return (i % 4 + 4) % 4;\n    }\n\n");
            body.append("    static boolean odd(int i) {\n        return i % 2 != 0;\n    }\n\n");
        }
        if (ctx.extras().contains(Feature.PLAIN_ARRAY_HELPERS)) {
            body.append("""
                        static void scaleInto(double[] src, double[] dst, double k) {
                            for (int i = 0; i < src.length && i < dst.length; i++) {
                                dst[i] = src[i] * k;
                            }
                        }

                        static double sumOf(double[] a) {
                            double s = 0;
                            for (double e : a) {
                                s += e;
                            }
                            return s;
                        }

                        static double twice(double t) {
                            return 2 * t;
                        }

                        static void axpy(double k, double[] x, double[] y) {
                            for (int i = 0; i < x.length && i < y.length; i++) {
                                y[i] += k * x[i];
                            }
                        }

                        static double[] scaled(double[] a, double k) {
                            double[] c = new double[a.length];
                            for (int i = 0; i < a.length; i++) {
                                c[i] = a[i] * k;
                            }
                            return c;
                        }

                        static double[] headOrScaled(double[] a, double k) {
                            if (a.length < 3) {
                                return new double[] {a[0] * k, a[a.length - 1] + k};
                            }
                            double[] c = new double[a.length];
                            for (int i = 0; i < a.length; i++) {
                                c[i] = a[i] * k + 0.25 * a[0];
                            }
                            return c;
                        }

                        private static double clampLow(double v, double lo) {
                            if (v < lo) {
                                return lo + 0.125 * (v - lo);
                            }
                            return v;
                        }

                    """);
        }
        if (ctx.extras().contains(Feature.TABLES_AND_INDEX_TABLES)) {
            body.append("""
                        static double rowDamp(double[] row, double k) {
                            for (int i = 0; i < row.length; i++) {
                                row[i] = row[i] * 0.5 + Math.tanh(k * row[i]);
                            }
                            return row[0];
                        }

                        static double rowSquares(double[] row) {
                            double s = 0;
                            for (int i = 0; i < row.length; i++) {
                                s += row[i] * row[i];
                            }
                            return s;
                        }

                    """);
        }
        if (ctx.customs()) {
            body.append("""
                        static double soft(double x) {
                            return Math.log1p(Math.exp(x));
                        }

                        @CustomDerivative(of = "soft")
                        static double softPullback(double x, double seed, DoubleGrad dx) {
                            dx.add(seed / (1 + Math.exp(-x)));
                            return soft(x);
                        }

                        static double mix(double x, int n, double y) {
                            return x * Math.cos(y) + 0.1 * n * y;
                        }

                        @CustomDerivative(of = "mix")
                        static double mixPullback(double x, int n, double y, double seed, DoubleGrad dx, DoubleGrad dy) {
                            dx.add(seed * Math.cos(y));
                            dy.add(seed * (0.1 * n - x * Math.sin(y)));
                            return mix(x, n, y);
                        }

                    """);
        }
        StringBuilder inner = new StringBuilder();
        for (int i = 0; i < methods.size(); i++) {
            Method m = methods.get(i);
            String t = templates.get(i);
            StringBuilder target = m.owner().isEmpty() ? body : inner;
            target.append(render(m, t, "S")).append('\n');
            target.append(render(m, t, "T")).append('\n');
            if (ctx.floats()) {
                target.append(render(m, t, "D")).append('\n');
            }
        }
        if (inner.length() > 0) {
            inner.setLength(inner.length() - 1);
            body.append("    static class H {\n")
                    .append(inner.toString().indent(4))
                    .append("    }\n\n");
        }
        body.setLength(body.length() - 1);
        String text = body.toString();
        text = ctx.floats()
                ? text.replace("$F", "float")
                        .replace("$c", "(float) ")
                        .replace("$d", "(double) ")
                        .replace("$f", "f")
                : text.replace("$F", "double")
                        .replace("$c", "")
                        .replace("$d", "")
                        .replace("$f", "");
        if (mathImport) {
            // about half of the Math. qualifiers go
            StringBuilder u = new StringBuilder();
            int at = 0;
            boolean pi = unqualifiedConstants;
            for (int i = text.indexOf("Math."); i >= 0; i = text.indexOf("Math.", i + 1)) {
                u.append(text, at, i);
                boolean strip =
                        r.nextBoolean() && (pi || !(text.startsWith("Math.PI", i) || text.startsWith("Math.E", i)));
                at = strip ? i + "Math.".length() : i;
            }
            text = u.append(text.substring(at)).toString();
        }
        s.append(text).append("}\n");
        if (java.util.regex.Pattern.compile("(?<![.\\w])Arrays\\.")
                .matcher(text)
                .find()) {
            int at = s.indexOf("import dev.adjoint.Strategy;\n") + "import dev.adjoint.Strategy;\n".length();
            s.insert(at, "import java.util.Arrays;\n");
        }
        if (text.contains("Mode mode = ")) {
            int at = s.indexOf("public class " + ctx.className() + " {\n")
                    + ("public class " + ctx.className() + " {\n").length();
            s.insert(at, "    enum Mode { " + String.join(", ", ProgramGenerator.MODES) + " }\n\n");
        }
        if (text.contains("// falls through")) {
            // (-Xlint:all warns of a case that falls into the next)
            int at = s.indexOf("public class " + ctx.className() + " {\n");
            s.insert(at, "@SuppressWarnings(\"fallthrough\")\n");
        }
        return s.toString();
    }

    /**
     * The source of one variant ("S", "T" or the twin "D") of a method; the twin's float types
     * are already double, the others' placeholders are left to the caller.
     */
    static String render(Method m, String template, String variant) {
        boolean twin = variant.equals("D");
        String other = switch (variant) {
            case "S" -> "T";
            case "T" -> "S";
            default -> "D";
        };
        StringBuilder head = new StringBuilder();
        if (!twin) {
            head.append("    @Differentiable(");
            if (m.explicitWrt()) {
                head.append("wrt = {");
                head.append(String.join(
                        ", ",
                        m.params().stream()
                                .filter(Param::wrt)
                                .map(p -> "\"" + p.name() + "\"")
                                .toList()));
                head.append("}, ");
            }
            head.append("strategy = Strategy.")
                    .append(variant.equals("S") ? "STATIC" : "TAPE")
                    .append(")\n");
        }
        head.append("    static ")
                .append(m.floatResult() ? "$F" : "double")
                .append(' ')
                .append(m.base())
                .append(variant)
                .append('(');
        List<String> ps = new ArrayList<>();
        for (Param p : m.params()) {
            String type = switch (p.kind()) {
                case DOUBLE -> "double";
                case FLOAT -> "$F";
                case DOUBLE_ARRAY -> "double[]";
                case FLOAT_ARRAY -> "$F[]";
                case INT -> "int";
                case LONG -> "long";
                case BOOLEAN -> "boolean";
            };
            ps.add(type + " " + p.name());
        }
        head.append(String.join(", ", ps)).append(") {\n");
        String text = head + template + "    }\n";
        text = text.replace("$S", variant).replace("$X", other);
        if (twin) {
            // K1 stays a float constant: 1.5f is 1.5
            return text.replace("$F", "double")
                    .replace("$c", "")
                    .replace("$d", "")
                    .replace("$f", "");
        }
        return text;
    }
}
