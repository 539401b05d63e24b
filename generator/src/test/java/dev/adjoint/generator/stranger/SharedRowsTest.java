package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.StrangerHarness.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A method writing into the rows of a 2-D parameter, called with rows that are one array
 * ({@code new double[][] {r, r, r}}) or with a row that is also another parameter (break26): both
 * strategies take distinct rows for distinct arrays, so the gradient was not the method's
 * (static and tape [7.8, 10] where differences give [13, 10]). Every generated method now refuses
 * such a call ({@code RowsApart}); with distinct rows it matches central differences and the tape.
 */
class SharedRowsTest {
    static final String ROWS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Rows {
                @Differentiable(wrt = "th")
                public static double f(double[][] acc, double[] th) {
                    double s = 0;
                    for (int i = 0; i < acc.length; i++) {
                        acc[i][0] += th[0] * (i + 1);
                        s += acc[i][0] * th[1];
                    }
                    return s;
                }

                @Differentiable
                public static double g(double[][] acc, double[] v) {
                    double s = 0;
                    for (int i = 0; i < acc.length; i++) {
                        acc[i][0] = acc[i][0] * v[0];
                        s += acc[i][0] * v[1];
                    }
                    return s;
                }
            }
            """;

    private static double[][] fresh() {
        return new double[][] {{0.5, 1}, {0.2, 1}, {-0.3, 1}};
    }

    private static String refusal(Method m, Object... args) throws IllegalAccessException {
        try {
            m.invoke(null, args);
            return "computed";
        } catch (InvocationTargetException e) {
            assertTrue(
                    e.getCause() instanceof IllegalArgumentException,
                    e.getCause().toString());
            return e.getCause().getMessage();
        }
    }

    @Test
    void rowsThatAreOneArrayAreRefusedByEveryMethodOfBothStrategies() throws Exception {
        for (String source : new String[] {ROWS, StrangerHarness.onTape(ROWS)}) {
            Class<?> adjoint = build(Map.of("Rows", source)).type("RowsAdjoint");
            double[] sh = {0.4, 1};
            double[] th = {0.7, 1.3};
            String said = refusal(
                    adjoint.getMethod("fGrad", double[][].class, double[].class, double[].class),
                    new double[][] {sh, sh, sh},
                    th,
                    new double[2]);
            assertEquals(
                    "'acc[0]' and 'acc[1]' are the same array; f writes into the rows of one of them, and its adjoint"
                            + " needs them apart: pass a copy for one of them",
                    said);
            double[][] acc = fresh();
            assertTrue(refusal(
                            adjoint.getMethod(
                                    "gGrad", double[][].class, double[].class, double[][].class, double[].class),
                            acc,
                            acc[1],
                            new double[][] {new double[2], new double[2], new double[2]},
                            new double[2])
                    .startsWith("'acc[1]' and 'v' are the same array"));
            if (source.equals(ROWS)) {
                assertTrue(refusal(
                                adjoint.getMethod(
                                        "fJvp", double[][].class, double[].class, double[].class, DoubleGrad.class),
                                new double[][] {sh, sh},
                                th,
                                new double[] {1, 0},
                                new DoubleGrad())
                        .startsWith("'acc[0]' and 'acc[1]' are the same array"));
                assertTrue(refusal(
                                adjoint.getMethod(
                                        "fHvp",
                                        double[][].class,
                                        double[].class,
                                        double[].class,
                                        double[].class,
                                        double[].class),
                                new double[][] {sh, sh},
                                th,
                                new double[] {1, 0},
                                new double[2],
                                new double[2])
                        .startsWith("'acc[0]' and 'acc[1]' are the same array"));
            }
        }
    }

    @Test
    void distinctRowsMatchCentralDifferencesAndTheTape() throws Exception {
        Class<?> rows = build(Map.of("Rows", ROWS)).type("Rows");
        Class<?> staticAdjoint = build(Map.of("Rows", ROWS)).type("RowsAdjoint");
        Class<?> tapeAdjoint =
                build(Map.of("Rows", StrangerHarness.onTape(ROWS))).type("RowsAdjoint");
        Method f = rows.getMethod("f", double[][].class, double[].class);
        double[] th = {0.7, 1.3};
        double[] onStatic = new double[2];
        double[] onTape = new double[2];
        staticAdjoint
                .getMethod("fGrad", double[][].class, double[].class, double[].class)
                .invoke(null, fresh(), th, onStatic);
        tapeAdjoint
                .getMethod("fGrad", double[][].class, double[].class, double[].class)
                .invoke(null, fresh(), th, onTape);
        double h = 1e-6;
        double[] differences = new double[2];
        for (int i = 0; i < 2; i++) {
            double[] up = th.clone();
            double[] down = th.clone();
            up[i] += h;
            down[i] -= h;
            differences[i] = ((double) f.invoke(null, fresh(), up) - (double) f.invoke(null, fresh(), down)) / (2 * h);
        }
        StrangerHarness.assertAgree(onStatic, differences, 1e-7, "static fGrad vs differences");
        StrangerHarness.assertAgree(onStatic, onTape, 1e-12, "static vs tape");
    }

    static final String READ_ROWS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class ReadRows {
                @Differentiable(wrt = "x")
                public static double d(double[] x, double[][] X, double[] acc) {
                    for (int j = 0; j < x.length; j++) {
                        acc[j] = acc[j] * x[j];
                    }
                    double s = 0;
                    for (int j = 0; j < x.length; j++) {
                        s += X[0][j] * x[j];
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                public static double t(double[] x, double[][][] W) {
                    double s = 0;
                    for (int l = 0; l < W.length; l++) {
                        W[l][0][0] = W[l][0][0] * x[l];
                    }
                    for (int l = 0; l < W.length; l++) {
                        s += W[l][0][0] * x[0] + W[l][1][0];
                    }
                    return s;
                }

                @Differentiable(wrt = "x")
                public static double three(double[] x, double[][][] W, double[][] A) {
                    for (int j = 0; j < x.length; j++) {
                        A[0][j] = A[0][j] * x[j];
                    }
                    double s = 0;
                    for (int j = 0; j < x.length; j++) {
                        s += W[0][0][j] * x[j];
                    }
                    return s;
                }
            }
            """;

    /**
     * break27: a written 1-D parameter that is a row of a 2-D parameter the method only reads
     * ({@code d(x, new double[][] {acc}, acc)}), and a written 3-D parameter whose layers or rows are
     * one array, were not checked: static and tape both gave [0.7, -0.6] where differences give
     * [1.4, -1.2] for {@code d}, and [0.28, 0.49] against [-0.84, 0.98] for {@code t}; a written 2-D
     * parameter that is a layer of a 3-D one read ({@code three}) gave [0.7, -0.6] against [1.4, -1.2].
     * Now refused.
     */
    @Test
    void aWrittenArrayThatIsARowReadAndSharedLayersAreRefused() throws Exception {
        for (String source : new String[] {READ_ROWS, StrangerHarness.onTape(READ_ROWS)}) {
            Class<?> adjoint = build(Map.of("ReadRows", source)).type("ReadRowsAdjoint");
            double[] x = {0.7, -0.3};
            double[] acc = {1, 2};
            Method d = adjoint.getMethod("dGrad", double[].class, double[][].class, double[].class, double[].class);
            assertEquals(
                    "'X[1]' and 'acc' are the same array; d writes into 'acc' and reads the rows of 'X', and its"
                            + " adjoint needs them apart: pass a copy for one of them",
                    refusal(d, x, new double[][] {{5, 6}, acc}, acc, new double[2]));
            Method t = adjoint.getMethod("tGrad", double[].class, double[][][].class, double[].class);
            double[][] layer = {{1, 2}, {3, 4}};
            assertTrue(refusal(t, x, new double[][][] {layer, layer}, new double[2])
                    .startsWith("'W[0]' and 'W[1]' are the same array"));
            assertTrue(refusal(t, x, new double[][][] {{{1}, {2}}, {layer[0], {3}}, {{4}, layer[0]}}, new double[2])
                    .startsWith("'W[1][0]' and 'W[2][1]' are the same array"));
            Method three = adjoint.getMethod(
                    "threeGrad", double[].class, double[][][].class, double[][].class, double[].class);
            assertEquals(
                    "'W[0]' and 'A' are the same array; three writes into one of them, and its adjoint needs them"
                            + " apart: pass a copy for one of them",
                    refusal(three, x, new double[][][] {layer}, layer, new double[2]));
            assertTrue(refusal(three, x, new double[][][] {{{0, 0}}, {{0, 0}, layer[1]}}, layer, new double[2])
                    .startsWith("'W[1][1]' and 'A[1]' are the same array"));
            if (source.equals(READ_ROWS)) {
                assertTrue(refusal(
                                adjoint.getMethod(
                                        "dJvp",
                                        double[].class,
                                        double[][].class,
                                        double[].class,
                                        double[].class,
                                        DoubleGrad.class),
                                x,
                                new double[][] {acc},
                                acc,
                                new double[] {1, 0},
                                new DoubleGrad())
                        .startsWith("'X[0]' and 'acc' are the same array"));
                assertTrue(refusal(
                                adjoint.getMethod(
                                        "dHvp",
                                        double[].class,
                                        double[][].class,
                                        double[].class,
                                        double[].class,
                                        double[].class,
                                        double[].class),
                                x,
                                new double[][] {acc},
                                acc,
                                new double[] {1, 0},
                                new double[2],
                                new double[2])
                        .startsWith("'X[0]' and 'acc' are the same array"));
            }
        }
    }

    @Test
    void distinctReadRowsAndLayersMatchCentralDifferencesAndTheTape() throws Exception {
        Class<?> plain = build(Map.of("ReadRows", READ_ROWS)).type("ReadRows");
        Class<?> staticAdjoint = build(Map.of("ReadRows", READ_ROWS)).type("ReadRowsAdjoint");
        Class<?> tapeAdjoint =
                build(Map.of("ReadRows", StrangerHarness.onTape(READ_ROWS))).type("ReadRowsAdjoint");
        java.util.function.Function<double[], Object[]> dArgs =
                x -> new Object[] {x, new double[][] {{1, 2}}, new double[] {1, 2}};
        java.util.function.Function<double[], Object[]> tArgs =
                x -> new Object[] {x, new double[][][] {{{1, 2}, {3}}, {{5, 6}, {7, 8}}}};
        java.util.function.Function<double[], Object[]> threeArgs =
                x -> new Object[] {x, new double[][][] {{{1, 2}}}, new double[][] {{3, 4}}};
        for (String name : new String[] {"d", "t", "three"}) {
            java.util.function.Function<double[], Object[]> args =
                    name.equals("d") ? dArgs : name.equals("t") ? tArgs : threeArgs;
            Method f = java.util.Arrays.stream(plain.getMethods())
                    .filter(m -> m.getName().equals(name))
                    .findFirst()
                    .orElseThrow();
            double[] x = {0.7, -0.3};
            double[] onStatic = grad(staticAdjoint, name, args.apply(x));
            double[] onTape = grad(tapeAdjoint, name, args.apply(x));
            double h = 1e-6;
            double[] differences = new double[2];
            for (int i = 0; i < 2; i++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += h;
                down[i] -= h;
                differences[i] =
                        ((double) f.invoke(null, args.apply(up)) - (double) f.invoke(null, args.apply(down))) / (2 * h);
            }
            StrangerHarness.assertAgree(onStatic, differences, 1e-7, name + ": static grad vs differences");
            StrangerHarness.assertAgree(onStatic, onTape, 1e-12, name + ": static vs tape");
        }
    }

    private static double[] grad(Class<?> adjoint, String name, Object[] args) throws Exception {
        Method g = java.util.Arrays.stream(adjoint.getMethods())
                .filter(m -> m.getName().equals(name + "Grad"))
                .findFirst()
                .orElseThrow();
        double[] dx = new double[2];
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = dx;
        g.invoke(null, all);
        return dx;
    }
}
