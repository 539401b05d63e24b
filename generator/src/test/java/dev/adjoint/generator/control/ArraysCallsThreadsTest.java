package dev.adjoint.generator.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.InMemoryCompiler;
import dev.adjoint.generator.testing.WarmCalls;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Array results, 2-D arrays, calls across files and packages, threads, allocation. */
class ArraysCallsThreadsTest {
    private static final String GEOMETRY = """
            package geo;

            import dev.adjoint.Differentiable;

            public class Geometry {
                /** the squared norm of a row of a matrix */
                @Differentiable(wrt = "m")
                public static double rowNorm2(double[][] m, int r) {
                    double s = 0;
                    for (int j = 0; j < m[r].length; j++) {
                        s += m[r][j] * m[r][j];
                    }
                    return s;
                }

                @Differentiable
                public static double dist(double ax, double ay, double bx, double by) {
                    return Math.hypot(ax - bx, ay - by);
                }

                public static int clamp(int i, int n) {
                    return i < 0 ? 0 : i >= n ? n - 1 : i;
                }
            }
            """;

    private static final String MODEL = """
            package app;

            import dev.adjoint.Differentiable;
            import geo.Geometry;

            public class Model {
                /** calls into another file and package, with arrays passed through */
                @Differentiable(wrt = {"m", "p"})
                public static double energy(double[][] m, double[] p, int k) {
                    double e = 0;
                    for (int r = 0; r < m.length; r++) {
                        e += Geometry.rowNorm2(m, r) * p[Geometry.clamp(r + k, p.length)];
                    }
                    e += Geometry.dist(p[0], p[1], m[0][0], m[0][1]);
                    return e + local(p[1], e);
                }

                @Differentiable
                static double local(double a, double b) {
                    return a * Math.sin(b);
                }

                /** an array result: only scaleVjp exists */
                @Differentiable(wrt = {"x", "c"})
                public static double[] scale(double[] x, double c) {
                    double[] y = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        y[i] = c * x[i] * x[i];
                    }
                    return y;
                }

                /** a 2-D local and writes into a 2-D wrt parameter */
                @Differentiable
                public static double grid(double[][] g) {
                    double[][] h = new double[g.length][g[0].length];
                    for (int i = 0; i < g.length; i++) {
                        for (int j = 0; j < g[i].length; j++) {
                            h[i][j] = g[i][j] * (i + 1);
                            g[i][j] = g[i][j] * g[i][j];
                        }
                    }
                    double s = 0;
                    for (int i = 0; i < g.length; i++) {
                        for (int j = 0; j < g[i].length; j++) {
                            s += h[i][j] * g[i][j];
                        }
                    }
                    return s;
                }
            }
            """;

    enum Opt {
        DEFAULT(Options.DEFAULT),
        PLAIN(Options.PLAIN);

        final Options options;

        Opt(Options o) {
            this.options = o;
        }
    }

    private static ClassLoader build(Options o) {
        Map<Path, String> sources = new LinkedHashMap<>();
        sources.put(Path.of("geo/Geometry.java"), GEOMETRY);
        sources.put(Path.of("app/Model.java"), MODEL);
        Translation t = Pipeline.translate(sources, Optional.empty(), o);
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        Map<String, String> all = new HashMap<>(t.generated());
        all.put("geo.Geometry", GEOMETRY);
        all.put("app.Model", MODEL);
        return InMemoryCompiler.compile(all);
    }

    private static Object call(ClassLoader cl, String cls, String name, Object... args) throws Exception {
        for (Method m : cl.loadClass(cls).getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                return m.invoke(null, args);
            }
        }
        throw new AssertionError("no " + cls + "." + name);
    }

    private static double[][] unflatten(double[] x, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, i * cols, m[i], 0, cols);
        }
        return m;
    }

    @ParameterizedTest
    @EnumSource(Opt.class)
    void callsAcrossFilesAndPackagesWith2dArrays(Opt o) throws Exception {
        ClassLoader cl = build(o.options);
        double[] x0 = {0.3, -1.2, 0.8, 0.5, 1.1, -0.4, 0.9, 0.2}; // m (3x2) then p (2)
        double[][] m = unflatten(x0, 3, 2);
        double[] p = {x0[6], x0[7]};
        double[][] dm = new double[3][2];
        double[] dp = new double[2];
        double v = (double) call(cl, "app.ModelAdjoint", "energyGrad", m, p, 1, dm, dp);
        double[] analytic = new double[8];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(dm[i], 0, analytic, 2 * i, 2);
        }
        analytic[6] = dp[0];
        analytic[7] = dp[1];
        GradCheck.assertGradient(
                x -> {
                    try {
                        return (double)
                                call(cl, "app.Model", "energy", unflatten(x, 3, 2), new double[] {x[6], x[7]}, 1);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                x0,
                analytic,
                1e-6,
                1e-9);
        assertEquals(
                (double) call(cl, "app.Model", "energy", unflatten(x0, 3, 2), new double[] {x0[6], x0[7]}, 1),
                v,
                1e-12);
    }

    @ParameterizedTest
    @EnumSource(Opt.class)
    void arrayResultTakesTheCallersCotangent(Opt o) throws Exception {
        ClassLoader cl = build(o.options);
        double[] x = {0.5, -1.5, 2.0};
        double c = 0.7;
        double[] seed = {0.1, 1.0, 0.001}; // the notebook's v
        double[] dx = new double[3];
        DoubleGrad dc = new DoubleGrad();
        double[] y = (double[]) call(cl, "app.ModelAdjoint", "scaleVjp", x.clone(), c, seed, dx, dc);
        assertArrayEquals((double[]) call(cl, "app.Model", "scale", x.clone(), c), y, 0.0);
        double[] point = {x[0], x[1], x[2], c};
        GradCheck.assertGradient(
                q -> {
                    try {
                        double[] r = (double[]) call(cl, "app.Model", "scale", new double[] {q[0], q[1], q[2]}, q[3]);
                        double s = 0;
                        for (int i = 0; i < r.length; i++) {
                            s += seed[i] * r[i];
                        }
                        return s;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                point,
                new double[] {dx[0], dx[1], dx[2], dc.get()},
                1e-6,
                1e-9);
        for (Method mt : cl.loadClass("app.ModelAdjoint").getDeclaredMethods()) {
            assertFalse(mt.getName().equals("scaleGrad"), "an array result has no implicit seed");
        }
    }

    @ParameterizedTest
    @EnumSource(Opt.class)
    void twoDimensionalLocalsAndWritesIntoA2dParameter(Opt o) throws Exception {
        ClassLoader cl = build(o.options);
        double[] x0 = {0.3, -1.2, 0.8, 0.5, 1.1, -0.4};
        double[][] dg = new double[3][2];
        double[][] g = unflatten(x0, 3, 2);
        call(cl, "app.ModelAdjoint", "gridGrad", g, dg);
        double[] analytic = new double[6];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(dg[i], 0, analytic, 2 * i, 2);
        }
        GradCheck.assertGradient(
                x -> {
                    try {
                        return (double) call(cl, "app.Model", "grid", (Object) unflatten(x, 3, 2));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                x0,
                analytic,
                1e-6,
                1e-9);
        // gradients are with respect to the values on entry, and accumulate
        double[][] g2 = unflatten(x0, 3, 2);
        call(cl, "app.ModelAdjoint", "gridGrad", g2, dg);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(2 * analytic[2 * i + j], dg[i][j], 1e-12);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Opt.class)
    void eightThreadsGetIdenticalGradients(Opt o) throws Exception {
        ClassLoader cl = build(o.options);
        double[][] m = {{0.3, -1.2}, {0.8, 0.5}, {1.1, -0.4}};
        double[] p = {0.9, 0.2};
        double[][] dm0 = new double[3][2];
        double[] dp0 = new double[2];
        call(cl, "app.ModelAdjoint", "energyGrad", m, p, 1, dm0, dp0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int n = 0; n < 1000; n++) {
                        double[][] dm = new double[3][2];
                        double[] dp = new double[2];
                        call(cl, "app.ModelAdjoint", "energyGrad", m, p, 1, dm, dp);
                        for (int i = 0; i < 3; i++) {
                            if (!java.util.Arrays.equals(dm[i], dm0[i])) {
                                return false;
                            }
                        }
                        if (!java.util.Arrays.equals(dp, dp0)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get(), "a thread saw a different gradient");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Opt.class)
    void aWarmGradientCallAllocatesNothing(Opt o) throws Exception {
        ClassLoader cl = build(o.options);
        Method grad = java.util.Arrays.stream(cl.loadClass("app.ModelAdjoint").getDeclaredMethods())
                .filter(mt -> mt.getName().equals("energyGrad"))
                .findFirst()
                .orElseThrow();
        double[][] m = {{0.3, -1.2}, {0.8, 0.5}, {1.1, -0.4}};
        double[] p = {0.9, 0.2};
        double[][] dm = new double[3][2];
        double[] dp = new double[2];
        Object[] args = {m, p, 1, dm, dp}; // boxed once: the call itself must not allocate
        long perCall = WarmCalls.bytesPerCall(() -> grad.invoke(null, args));
        // reflection boxes the double result (16 B); the generated code itself must add nothing
        assertTrue(perCall <= 32, "a warm gradient call allocated " + perCall + " bytes");
    }
}
