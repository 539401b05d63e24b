package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * XAD's math-function tests ({@code test/ExpressionMath1_test.cpp}, {@code ExpressionMath2_test.cpp},
 * {@code ExpressionMath3_test.cpp}, github.com/auto-differentiation/xad), written in Java: each test's
 * {@code f(x)} or {@code f(x1, x2)} as a method returning the expression, its first and second derivatives published
 * as XAD states them ({@code mathTest_all}: value, d1, d2; {@code mathTest2_all}: d1, d2, d11, d12, d22). What
 * {@code java.lang.Math} lacks is written as a Java programmer writes it: {@code log2} as a quotient of logs,
 * {@code exp2} as {@code Math.pow(2, x)}, the inverse hyperbolics by their logarithms, {@code erf} by its Maclaurin
 * series summed until the terms vanish (a loop whose trip count depends on the value), {@code trunc} as a cast to
 * {@code long}, {@code fmod} and {@code modf} as {@code %}, XAD's {@code smooth_abs}, {@code smooth_max},
 * {@code smooth_min} (c = 0.001) and its {@code pown} (an integer power by a loop) as plain helpers. XAD's convention
 * at the kinks is the generator's: {@code abs}' derivative 0 at 0, {@code max}/{@code min} split 0.5/0.5 at a tie.
 */
final class XadMath {
    private XadMath() {}

    private static final String M1 = "test/ExpressionMath1_test.cpp";
    private static final String M2 = "test/ExpressionMath2_test.cpp";
    private static final String M3 = "test/ExpressionMath3_test.cpp";
    private static final double LN2 = Math.log(2);
    private static final double LN10 = Math.log(10);
    private static final double C = 0.001; // XAD's smooth_abs default
    private static final double SPI = Math.sqrt(Math.PI);

    private static final List<Ported> FNS = new ArrayList<>();
    private static final Map<String, List<HvpChecks.Published>> HESSIANS = new HashMap<>();

    static List<Ported> all() {
        return List.copyOf(FNS);
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        return Map.copyOf(HESSIANS);
    }

    private static int find(String id) {
        for (int i = 0; i < FNS.size(); i++) {
            if (FNS.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The function {@code method} expected rejected, the first error containing {@code why}. */
    private static void rejected(String file, String method, String why) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".cpp", "");
        int i = find("xad." + stem + "." + method);
        FNS.set(i, FNS.get(i).rejected(why));
        HESSIANS.remove("xad." + stem + "." + method);
    }

    private static Ported add(
            String file, String method, String helpers, String signature, String expr, Object[][] points) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".cpp", "");
        Ported fn = new Ported(
                "xad." + stem + "." + method,
                "auto-differentiation/xad " + file + ": TEST(ExpressionsMath, " + method + ")",
                method,
                helpers + "\n@Differentiable\nstatic double " + method + "(" + signature + ") {\n    return " + expr
                        + ";\n}\n",
                List.of(points),
                List.of(),
                "static");
        FNS.add(fn);
        return fn;
    }

    private static void publish(String id, double[] gradient, double[][] hessianColumns, Object... args) {
        int i = find(id);
        FNS.set(i, FNS.get(i).publishes(gradient, 1e-13, args));
        List<HvpChecks.Published> h = HESSIANS.computeIfAbsent(id, k -> new ArrayList<>());
        for (int k = 0; k < hessianColumns.length; k++) {
            double[] e = new double[hessianColumns.length];
            e[k] = 1;
            h.add(new HvpChecks.Published(e, hessianColumns[k], 1e-12, args));
        }
    }

    /** {@code mathTest_all(x, f(x), d1, d2, ...)} for {@code f(x) = expr}, central differences at {@code points}. */
    private static void u(
            String file, String method, String helpers, String expr, double x, double d1, double d2, double... points) {
        Object[][] ps = new Object[points.length == 0 ? 1 : points.length][];
        for (int k = 0; k < ps.length; k++) {
            ps[k] = p(points.length == 0 ? x : points[k]);
        }
        Ported fn = add(file, method, helpers, "double x", expr, ps);
        publish(fn.id(), d(d1), new double[][] {d(d2)}, x);
    }

    private static void u(String file, String method, String expr, double x, double d1, double d2) {
        u(file, method, "", expr, x, d1, d2);
    }

    /** One more published point of a unary function. */
    private static void also(String file, String method, double x, double d1, double d2) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".cpp", "");
        publish("xad." + stem + "." + method, d(d1), new double[][] {d(d2)}, x);
    }

    /** {@code mathTest2_all(x1, x2, f, d1, d2, d11, d12, d21, d22, ...)} for {@code f(x1, x2) = expr}. */
    private static void b(
            String file,
            String method,
            String helpers,
            String expr,
            double x1,
            double x2,
            double d1,
            double d2,
            double d11,
            double d12,
            double d22,
            Object[]... points) {
        Object[][] ps = points.length == 0 ? new Object[][] {p(x1, x2)} : points;
        Ported fn = add(file, method, helpers, "double x1, double x2", expr, ps);
        publish(fn.id(), d(d1, d2), new double[][] {d(d11, d12), d(d12, d22)}, x1, x2);
    }

    private static void also2(
            String file,
            String method,
            double x1,
            double x2,
            double d1,
            double d2,
            double d11,
            double d12,
            double d22) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".cpp", "");
        publish("xad." + stem + "." + method, d(d1, d2), new double[][] {d(d11, d12), d(d12, d22)}, x1, x2);
    }

    static {
        // ---- ExpressionMath1_test.cpp
        u(M1, "degreesAD", "Math.toDegrees(x)", Math.PI, 180 / Math.PI, 0);
        u(M1, "degreesExpr", "Math.toDegrees(0.5 * x)", Math.PI, 0.5 * 180 / Math.PI, 0);
        u(M1, "radiansAD", "Math.toRadians(x)", 180, Math.PI / 180, 0);
        u(M1, "radiansExpr", "Math.toRadians(2.0 * x)", 180, 2 * Math.PI / 180, 0);
        u(M1, "cosAD", "Math.cos(x)", 1, -Math.sin(1), -Math.cos(1));
        u(M1, "cosExpr", "Math.cos(2.3 * x)", 1, -2.3 * Math.sin(2.3), -2.3 * 2.3 * Math.cos(2.3));
        u(M1, "sinAD", "Math.sin(x)", 1, Math.cos(1), -Math.sin(1));
        u(M1, "sinExpr", "Math.sin(2.3 * x)", 1, 2.3 * Math.cos(2.3), -2.3 * 2.3 * Math.sin(2.3));
        u(M1, "expAD", "Math.exp(x)", 1, Math.E, Math.E);
        u(M1, "expExpr", "Math.exp(2.3 * x)", 1, 2.3 * Math.exp(2.3), 2.3 * 2.3 * Math.exp(2.3));
        u(M1, "logAD", "Math.log(x)", 1.3, 1 / 1.3, -1 / (1.3 * 1.3));
        u(M1, "logExpr", "Math.log(2.3 * x)", 1, 1, -1);
        u(M1, "log10AD", "Math.log10(x)", 1.3, 1 / LN10 / 1.3, -1 / LN10 / (1.3 * 1.3));
        u(M1, "log10Expr", "Math.log10(2.3 * x)", 1, 1 / LN10, -1 / LN10);
        u(M1, "log2AD", "Math.log(x) / Math.log(2)", 1.3, 1 / LN2 / 1.3, -1 / LN2 / (1.3 * 1.3));
        u(M1, "log2Expr", "Math.log(2.3 * x) / Math.log(2)", 1.3, 1 / LN2 / 1.3, -1 / LN2 / (1.3 * 1.3));
        u(M1, "asinAD", "Math.asin(x)", 0.3, 1 / Math.sqrt(1 - 0.09), 0.3 / Math.pow(1 - 0.09, 1.5));
        u(
                M1,
                "asinExpr",
                "Math.asin(2.3 * x)",
                0.1,
                2.3 / Math.sqrt(1 - 0.0529),
                2.3 * 2.3 * 2.3 * 0.1 / Math.pow(1 - 0.0529, 1.5));
        u(M1, "acosAD", "Math.acos(x)", 0.3, -1 / Math.sqrt(1 - 0.09), -0.3 / Math.pow(1 - 0.09, 1.5));
        u(
                M1,
                "acosExpr",
                "Math.acos(2.3 * x)",
                0.1,
                -2.3 / Math.sqrt(1 - 0.0529),
                -2.3 * 2.3 * 2.3 * 0.1 / Math.pow(1 - 0.0529, 1.5));
        u(M1, "atanAD", "Math.atan(x)", 0.3, 1 / 1.09, -0.6 / (1.09 * 1.09));
        u(M1, "atanExpr", "Math.atan(2.3 * x)", 0.1, 2.3 / 1.0529, -2 * 2.3 * 2.3 * 2.3 * 0.1 / (1.0529 * 1.0529));
        u(M1, "sinhAD", "Math.sinh(x)", 0.3, Math.cosh(0.3), Math.sinh(0.3));
        u(M1, "sinhExpr", "Math.sinh(2.3 * x)", 0.1, 2.3 * Math.cosh(0.23), 2.3 * 2.3 * Math.sinh(0.23));
        u(M1, "coshAD", "Math.cosh(x)", 0.3, Math.sinh(0.3), Math.cosh(0.3));
        u(M1, "coshExpr", "Math.cosh(2.3 * x)", 0.3, 2.3 * Math.sinh(0.69), 2.3 * 2.3 * Math.cosh(0.69));
        u(M1, "expm1AD", "Math.expm1(x)", 0.3, Math.exp(0.3), Math.exp(0.3));
        u(M1, "expm1Expr", "Math.expm1(2.3 * x)", 0.3, 2.3 * Math.exp(0.69), 2.3 * 2.3 * Math.exp(0.69));
        u(M1, "exp2AD", "Math.pow(2, x)", 0.3, LN2 * Math.pow(2, 0.3), LN2 * LN2 * Math.pow(2, 0.3));
        u(
                M1,
                "exp2Expr",
                "Math.pow(2, 2.3 * x)",
                0.3,
                2.3 * LN2 * Math.pow(2, 0.69),
                2.3 * 2.3 * LN2 * LN2 * Math.pow(2, 0.69));
        u(M1, "log1pAD", "Math.log1p(x)", 0.3, 1 / 1.3, -1 / (1.3 * 1.3));
        u(M1, "log1pExpr", "Math.log1p(2.3 * x)", 0.3, 2.3 / 1.69, -2.3 * 2.3 / (1.69 * 1.69));
        u(M1, "asinhAD", "Math.log(x + Math.sqrt(x * x + 1))", 0.3, 1 / Math.sqrt(1.09), -0.3 / Math.pow(1.09, 1.5));
        u(
                M1,
                "asinhExpr",
                "Math.log(2.3 * x + Math.sqrt(2.3 * x * (2.3 * x) + 1))",
                0.3,
                2.3 / Math.sqrt(1.4761),
                -2.3 * 2.3 * 2.3 * 0.3 / Math.pow(1.4761, 1.5));
        u(M1, "acoshAD", "Math.log(x + Math.sqrt(x * x - 1))", 1.3, 1 / Math.sqrt(0.69), -1.3 / Math.pow(0.69, 1.5));
        u(
                M1,
                "acoshExpr",
                "Math.log(2.3 * x + Math.sqrt(2.3 * x * (2.3 * x) - 1))",
                1.3,
                2.3 / Math.sqrt(2.99 * 2.99 - 1),
                -2.3 * 2.3 * 2.3 * 1.3 / Math.pow(2.99 * 2.99 - 1, 1.5));
        u(M1, "atanhAD", "0.5 * Math.log((1 + x) / (1 - x))", 0.3, 1 / 0.91, 0.6 / (0.91 * 0.91));
        u(
                M1,
                "atanhExpr",
                "0.5 * Math.log1p(2 * (2.3 * x) / (1 - 2.3 * x))",
                0.3,
                2.3 / (1 - 0.4761),
                2 * 2.3 * 2.3 * 2.3 * 0.3 / ((1 - 0.4761) * (1 - 0.4761)));
        u(M1, "erfAD", XadSources.ERF, "erf(x)", 0.3, 2 / SPI * Math.exp(-0.09), -4 * 0.3 * Math.exp(-0.09) / SPI);
        u(
                M1,
                "erfExpr",
                XadSources.ERF,
                "erf(2.3 * x)",
                0.3,
                2.3 * 2 / SPI * Math.exp(-0.4761),
                -4 * 2.3 * 2.3 * 2.3 * 0.3 * Math.exp(-0.4761) / SPI);
        u(M1, "erfcAD", XadSources.ERF, "1 - erf(x)", 0.3, -2 / SPI * Math.exp(-0.09), 4 * 0.3 * Math.exp(-0.09) / SPI);
        u(
                M1,
                "erfcExpr",
                XadSources.ERF,
                "1 - erf(2.3 * x)",
                0.3,
                -2.3 * 2 / SPI * Math.exp(-0.4761),
                4 * 2.3 * 2.3 * 2.3 * 0.3 * Math.exp(-0.4761) / SPI);
        double th = Math.tanh(0.3);
        double th2 = Math.tanh(0.69);
        u(M1, "tanhAD", "Math.tanh(x)", 0.3, 1 - th * th, -2 / Math.cosh(0.3) / Math.cosh(0.3) * th);
        u(
                M1,
                "tanhExpr",
                "Math.tanh(2.3 * x)",
                0.3,
                2.3 * (1 - th2 * th2),
                -2 * 2.3 * 2.3 / Math.cosh(0.69) / Math.cosh(0.69) * th2);
        u(
                M1,
                "tanAD",
                "Math.tan(x)",
                0.3,
                1 / Math.cos(0.3) / Math.cos(0.3),
                2 / Math.cos(0.3) / Math.cos(0.3) * Math.tan(0.3));
        u(
                M1,
                "tanExpr",
                "Math.tan(2.3 * x)",
                0.3,
                2.3 / Math.cos(0.69) / Math.cos(0.69),
                2 * 2.3 * 2.3 / Math.cos(0.69) / Math.cos(0.69) * Math.tan(0.69));
        // ---- ExpressionMath2_test.cpp
        double l21 = Math.log(2.1);
        u(M2, "powScalarBaseAD", "Math.pow(2.1, x)", 0.3, l21 * Math.pow(2.1, 0.3), l21 * l21 * Math.pow(2.1, 0.3));
        u(
                M2,
                "powScalarBaseExpr",
                "Math.pow(2.1, 2.3 * x)",
                0.3,
                2.3 * l21 * Math.pow(2.1, 0.69),
                2.3 * 2.3 * l21 * l21 * Math.pow(2.1, 0.69));
        u(M2, "powScalarExpAD", "Math.pow(x, 2.1)", 0.3, 2.1 * Math.pow(0.3, 1.1), 2.1 * 1.1 * Math.pow(0.3, 0.1));
        u(
                M2,
                "powScalarExpExpr",
                "Math.pow(2.3 * x, 2.1)",
                0.3,
                2.3 * 2.1 * Math.pow(0.69, 1.1),
                2.3 * 2.3 * 2.1 * 1.1 * Math.pow(0.69, 0.1));
        double l3 = Math.log(0.3);
        b(
                M2,
                "powADAD",
                "",
                "Math.pow(x1, x2)",
                0.3,
                2.1,
                2.1 * Math.pow(0.3, 1.1),
                l3 * Math.pow(0.3, 2.1),
                2.1 * 1.1 * Math.pow(0.3, 0.1),
                2.1 * l3 * Math.pow(0.3, 1.1) + Math.pow(0.3, 1.1),
                l3 * l3 * Math.pow(0.3, 2.1));
        double l13 = Math.log(1.3);
        double e = 2.3 * 2.1;
        b(
                M2,
                "powADExpr",
                "",
                "Math.pow(x1, 2.3 * x2)",
                1.3,
                2.1,
                e * Math.pow(1.3, e - 1),
                2.3 * l13 * Math.pow(1.3, e),
                e * (e - 1) * Math.pow(1.3, e - 2),
                2.3 * Math.pow(1.3, e - 1) * (e * l13 + 1),
                2.3 * 2.3 * l13 * l13 * Math.pow(1.3, e));
        double l69 = Math.log(0.69);
        b(
                M2,
                "powExprAD",
                "",
                "Math.pow(2.3 * x1, x2)",
                0.3,
                2.1,
                2.3 * 2.1 * Math.pow(0.69, 1.1),
                l69 * Math.pow(0.69, 2.1),
                2.3 * 2.1 * 2.3 * 1.1 * Math.pow(0.69, 0.1),
                2.3 * 2.1 * Math.pow(0.69, 1.1) * l69 + 2.3 * Math.pow(0.69, 1.1),
                l69 * l69 * Math.pow(0.69, 2.1));
        double l36 = Math.log(0.36);
        b(
                M2,
                "powExprExpr",
                "",
                "Math.pow(1.2 * x1, 2.3 * x2)",
                0.3,
                2.1,
                1.2 * e * Math.pow(0.36, e - 1),
                2.3 * l36 * Math.pow(0.36, e),
                1.2 * 1.2 * e * (e - 1) * Math.pow(0.36, e - 2),
                1.2 * 2.3 * e * l36 * Math.pow(0.36, e - 1) + 1.2 * 2.3 * Math.pow(0.36, e - 1),
                2.3 * 2.3 * l36 * l36 * Math.pow(0.36, e));
        u(M2, "pownAD", XadSources.POWN, "pown(x, 2)", 0.3, 0.6, 2);
        u(M2, "pownExpr", XadSources.POWN, "pown(2.3 * x, 2)", 0.3, 2.3 * 2 * 0.69, 2.3 * 2 * 2.3);
        u(M2, "pown1AD", "Math.pow(x, 2)", 0.3, 0.6, 2);
        u(M2, "pown1Expr", "Math.pow(2.3 * x, 2)", 0.3, 2.3 * 2 * 0.69, 2.3 * 2.3 * 2);
        u(M2, "sqrtAD", "Math.sqrt(x)", 0.3, 0.5 / Math.sqrt(0.3), -0.25 / Math.pow(0.3, 1.5));
        u(
                M2,
                "sqrtExpr",
                "Math.sqrt(2.3 * x)",
                0.3,
                2.3 * 0.5 / Math.sqrt(0.69),
                -2.3 * 2.3 * 0.25 / Math.pow(0.69, 1.5));
        u(M2, "absAD", "", "Math.abs(x)", 0.3, 1, 0, 0.3, -0.3);
        also(M2, "absAD", -0.3, -1, 0);
        also(M2, "absAD", 0, 0, 0);
        u(M2, "absExpr", "", "Math.abs(2.3 * x)", 0.3, 2.3, 0, 0.3, -0.3);
        also(M2, "absExpr", -0.3, -2.3, 0);
        also(M2, "absExpr", 0, 0, 0);
        u(M2, "sabsAD", XadSources.SMOOTH, "smoothAbs(x)", 0.3, 1, 0, 0.3, -0.3);
        also(M2, "sabsAD", -0.3, -1, 0);
        also(M2, "sabsAD", 0, 0, 4 / C);
        u(M2, "sabsExpr", XadSources.SMOOTH, "smoothAbs(2.3 * x)", 0.3, 2.3, 0, 0.3, -0.3);
        also(M2, "sabsExpr", -0.3, -2.3, 0);
        also(M2, "sabsExpr", 0, 0, 2.3 * 2.3 * 4 / C);
        b(
                M2,
                "sabsADAD",
                XadSources.SMOOTH,
                "smoothAbs(x1, x2)",
                0.3,
                0.001,
                1,
                0,
                0,
                0,
                0,
                p(0.3, 0.001),
                p(-0.3, 0.001),
                p(0.05, 0.1),
                p(-0.03, 0.1));
        also2(M2, "sabsADAD", -0.3, 0.001, -1, 0, 0, 0, 0);
        also2(M2, "sabsADAD", 0, 0.001, 0, 0, 4 / C, 0, 0);
        b(
                M2,
                "sabsExprExpr",
                XadSources.SMOOTH,
                "smoothAbs(2.3 * x1, 2.3 * x2)",
                0.3,
                0.001,
                2.3,
                0,
                0,
                0,
                0,
                p(0.3, 0.001),
                p(-0.02, 0.1));
        also2(M2, "sabsExprExpr", 0, 0.001, 0, 0, 2.3 * 2.3 * 4 / 2.3 / C, 0, 0);
        u(
                M2,
                "roundingAD",
                "",
                "Math.floor(x) + Math.ceil(x) + (long) x + Math.round(x) + Math.rint(x)",
                1.3,
                0,
                0,
                1.3,
                -2.7);
        u(
                M2,
                "roundingExpr",
                "",
                "Math.floor(2.3 * x) * Math.ceil(2.3 * x) - (int) (2.3 * x) + Math.round(2.3 * x)",
                1.3,
                0,
                0,
                1.3);
        b(M2, "fmodAD", "", "x1 % x2", 1.3, 0.5, 1, -Math.floor(1.3 / 0.5), 0, 0, 0);
        u(M2, "fmodADScalar", "x % 0.5", 1.3, 1, 0);
        u(M2, "fmodScalarAD", "1.3 % x", 0.5, -Math.floor(1.3 / 0.5), 0);
        b(M2, "fmodExprExpr", "", "2.3 * x1 % (2.3 * x2)", 1.3, 0.5, 2.3, -2.3 * Math.floor(1.3 / 0.5), 0, 0, 0);
        b(M2, "fmodADExpr", "", "x1 % (2.3 * x2)", 1.3, 0.5, 1, -2.3 * Math.floor(1.3 / 0.5 / 2.3), 0, 0, 0);
        b(M2, "fmodExprAD", "", "2.3 * x1 % x2", 1.3, 0.5, 2.3, -Math.floor(2.3 * 1.3 / 0.5), 0, 0, 0);
        double n = Math.rint(1.3 / 0.5);
        b(M2, "remainderAD", "", "Math.IEEEremainder(x1, x2)", 1.3, 0.5, 1, -n, 0, 0, 0);
        u(M2, "remainderADScalar", "Math.IEEEremainder(x, 0.5)", 1.3, 1, 0);
        u(M2, "remainderScalarAD", "Math.IEEEremainder(1.3, x)", 0.5, -n, 0);
        double n1 = Math.rint(2.3 * 1.3 / (2.3 * 0.5));
        double n2 = Math.rint(1.3 / (2.3 * 0.5));
        double n3 = Math.rint(2.3 * 1.3 / 0.5);
        b(
                M2,
                "remainderExprExpr",
                "",
                "StrictMath.IEEEremainder(2.3 * x1, 2.3 * x2)",
                1.3,
                0.5,
                2.3,
                -2.3 * n1,
                0,
                0,
                0);
        b(M2, "remainderADExpr", "", "Math.IEEEremainder(x1, 2.3 * x2)", 1.3, 0.5, 1, -2.3 * n2, 0, 0, 0);
        b(M2, "remainderExprAD", "", "Math.IEEEremainder(2.3 * x1, x2)", 1.3, 0.5, 2.3, -n3, 0, 0, 0);
        double s = 0.34;
        double s2 = s * s;
        b(
                M2,
                "atan2AD",
                "",
                "Math.atan2(x1, x2)",
                0.3,
                0.5,
                0.5 / s,
                -0.3 / s,
                -2 * 0.5 * 0.3 / s2,
                -(0.25 - 0.09) / s2,
                2 * 0.3 * 0.5 / s2);
        u(M2, "atan2ADScalar", "Math.atan2(x, 0.5)", 0.3, 0.5 / s, -2 * 0.5 * 0.3 / s2);
        u(M2, "atan2ScalarAD", "Math.atan2(0.3, x)", 0.5, -0.3 / s, 2 * 0.3 * 0.5 / s2);
        b(
                M2,
                "atan2ExprExpr",
                "",
                "Math.atan2(1.3 * x1, 1.3 * x2)",
                0.3,
                0.5,
                0.5 / s,
                -0.3 / s,
                -2 * 0.5 * 0.3 / s2,
                -(0.25 - 0.09) / s2,
                2 * 0.3 * 0.5 / s2);
        double q = 1.69 * 0.09 + 0.25;
        u(
                M2,
                "atan2ExprScalar",
                "Math.atan2(1.3 * x, 0.5)",
                0.3,
                1.3 * 0.5 / q,
                -2 * 1.3 * 1.3 * 1.3 * 0.5 * 0.3 / (q * q));
        double r = 0.09 + 1.69 * 0.25;
        u(
                M2,
                "atan2ScalarExpr",
                "Math.atan2(0.3, 1.3 * x)",
                0.5,
                -1.3 * 0.3 / r,
                2 * 1.3 * 1.3 * 1.3 * 0.3 * 0.5 / (r * r));
        double h = Math.hypot(0.3, 0.5);
        double h3 = h * h * h;
        b(M2, "hypotAD", "", "Math.hypot(x1, x2)", 0.3, 0.5, 0.3 / h, 0.5 / h, 0.25 / h3, -0.15 / h3, 0.09 / h3);
        u(M2, "hypotADScalar", "Math.hypot(x, 0.5)", 0.3, 0.3 / h, 0.25 / h3);
        u(M2, "hypotScalarAD", "Math.hypot(0.3, x)", 0.5, 0.5 / h, 0.09 / h3);
        b(
                M2,
                "hypotExprExpr",
                "",
                "Math.hypot(1.3 * x1, 1.3 * x2)",
                0.3,
                0.5,
                1.3 * 0.3 / h,
                1.3 * 0.5 / h,
                1.3 * 0.25 / h3,
                -1.3 * 0.15 / h3,
                1.3 * 0.09 / h3);
        double hx = Math.hypot(0.39, 0.5);
        u(M2, "hypotExprScalar", "Math.hypot(1.3 * x, 0.5)", 0.3, 1.69 * 0.3 / hx, 1.69 * 0.25 / (hx * hx * hx));
        double hy = Math.hypot(0.3, 0.65);
        u(M2, "hypotScalarExpr", "Math.hypot(0.3, 1.3 * x)", 0.5, 1.69 * 0.5 / hy, 1.69 * 0.09 / (hy * hy * hy));
        u(M2, "cbrtAD", "Math.cbrt(x)", 1.3, 1 / 3.0 / Math.pow(1.3, 2 / 3.0), -2 / 9.0 / Math.pow(1.3, 5 / 3.0));
        u(
                M2,
                "cbrtExpr",
                "Math.cbrt(2.1 * x)",
                1.3,
                2.1 / 3.0 / Math.pow(2.73, 2 / 3.0),
                -2 * 2.1 * 2.1 / 9.0 / Math.pow(2.73, 5 / 3.0));
        // ---- ExpressionMath3_test.cpp
        u(M3, "scalbnAD", "Math.scalb(x, 2)", 0.1, 4, 0);
        u(M3, "ldexpExpr", "Math.scalb(2.0 * x, 3)", 1.1, 16, 0);
        rejected(M3, "scalbnAD", "Math.scalb with 2 argument(s) has no derivative rule");
        rejected(M3, "ldexpExpr", "Math.scalb with 2 argument(s) has no derivative rule");
        b(M3, "maxADAD", "", "Math.max(x1, x2)", 0.3, 0.7, 0, 1, 0, 0, 0, p(0.3, 0.7), p(1.7, -0.7));
        also2(M3, "maxADAD", 1.7, -0.7, 1, 0, 0, 0, 0);
        also2(M3, "maxADAD", 1.7, 1.7, 0.5, 0.5, 0, 0, 0);
        b(M3, "maxADExpr", "", "Math.max(x1, 2.3 * x2)", 0.3, 0.7, 0, 2.3, 0, 0, 0, p(0.3, 0.7), p(1.7, -0.7));
        also2(M3, "maxADExpr", 1.7, -0.7, 1, 0, 0, 0, 0);
        b(
                M3,
                "maxExprExpr2",
                "",
                "Math.max(2.3 * x1, 2.3 * x2 + 0.0)",
                0.3,
                0.7,
                0,
                2.3,
                0,
                0,
                0,
                p(0.3, 0.7),
                p(1.7, -0.7));
        also2(M3, "maxExprExpr2", 1.7, -0.7, 2.3, 0, 0, 0, 0);
        u(M3, "maxScalarAD", "", "Math.max(0.7, x)", 1.1, 1, 0, 1.1, 0.6);
        also(M3, "maxScalarAD", 0.6, 0, 0);
        u(M3, "maxExprScalar", "", "Math.max(2.0 * x, 0.7)", 1.1, 2, 0, 1.1, 0.3);
        also(M3, "maxExprScalar", 0.3, 0, 0);
        b(M3, "smaxADAD", XadSources.SMOOTH, "smoothMax(x1, x2)", 0.3, 0.7, 0, 1, 0, 0, 0, p(0.3, 0.7), p(1.7, -0.7));
        also2(M3, "smaxADAD", 1.7, -0.7, 1, 0, 0, 0, 0);
        also2(M3, "smaxADAD", 1.7, 1.7, 0.5, 0.5, 2 / C, -2 / C, 2 / C);
        b(M3, "smaxADExpr", XadSources.SMOOTH, "smoothMax(x1, 2.0 * x2)", 0.3, 0.7, 0, 2, 0, 0, 0, p(0.3, 0.7));
        also2(M3, "smaxADExpr", 2.0, 1.0, 0.5, 1.0, 2 / C, 2 * -2 / C, 2 * 2 * 2 / C);
        u(M3, "smaxScalarExpr", XadSources.SMOOTH, "smoothMax(2.0, 2.0 * x)", 1.1, 2, 0, 1.1, 0.3);
        also(M3, "smaxScalarExpr", 1.0, 1.0, 2 * 2 * 2 / C);
        also(M3, "smaxScalarExpr", 0.3, 0, 0);
        b(M3, "minADAD", "", "Math.min(x1, x2)", 0.3, 0.7, 1, 0, 0, 0, 0, p(0.3, 0.7), p(1.7, -0.7));
        also2(M3, "minADAD", 1.7, -0.7, 0, 1, 0, 0, 0);
        also2(M3, "minADAD", 1.7, 1.7, 0.5, 0.5, 0, 0, 0);
        b(M3, "minExprAD", "", "Math.min(2.3 * x1, x2)", 0.5, 0.7, 0, 1, 0, 0, 0, p(0.5, 0.7), p(0.2, 0.7));
        u(M3, "minScalarExpr", "", "Math.min(0.7, 2.0 * x)", 1.1, 0, 0, 1.1, 0.3);
        also(M3, "minScalarExpr", 0.3, 2, 0);
        b(M3, "sminADAD", XadSources.SMOOTH, "smoothMin(x1, x2)", 0.3, 0.7, 1, 0, 0, 0, 0, p(0.3, 0.7), p(1.7, -0.7));
        also2(M3, "sminADAD", 1.7, 1.7, 0.5, 0.5, -2 / C, 2 / C, -2 / C);
        b(M3, "sminExprExpr", XadSources.SMOOTH, "smoothMin(2.0 * x1, 2.0 * x2)", 0.3, 0.7, 2, 0, 0, 0, 0, p(0.3, 0.7));
        also2(M3, "sminExprExpr", 1.0, 1.0, 1, 1, 2 * 2 * -2 / C, 2 * -2 * -2 / C, 2 * 2 * -2 / C);
        u(M3, "sminExprScalar", XadSources.SMOOTH, "smoothMin(2.0 * x, 2.0)", 1.1, 0, 0, 1.1, 0.9);
        also(M3, "sminExprScalar", 0.9, 2, 0);
        also(M3, "sminExprScalar", 1.0, 1, -2 * 2 * 2 / C);
        u(M3, "modfADScalar", "", "x % 1.0", 1.2, 1, 0, 1.2, 790.185598, -790.185598);
        also(M3, "modfADScalar", 790.185598, 1, 0);
        also(M3, "modfADScalar", -790.185598, 1, 0);
        u(M3, "copysignScalarAD", "", "Math.copySign(42.2, x) + x", 1.2, 1, 0, 1.2, -1.2);
        u(
                M3,
                "copysignADScalar",
                "",
                "Math.copySign(x, 5.9) + Math.copySign(x, 0.0) - Math.copySign(x, -0.0000001)",
                1.2,
                3,
                0,
                1.2,
                -0.7);
        u(M3, "copysignADAD", "", "Math.copySign(x, x)", 1.2, 1, 0, 1.2, -1.2);
        also(M3, "copysignADAD", -1.2, 1, 0);
        u(M3, "copysignADExpr", "Math.copySign(x, -x)", 1.2, -1, 0);
        u(M3, "copysignExprAD", "Math.copySign(-x, x)", 1.2, 1, 0);
        u(M3, "copysignExprExpr", "Math.copySign(-x, -x)", 1.2, -1, 0);
    }
}
