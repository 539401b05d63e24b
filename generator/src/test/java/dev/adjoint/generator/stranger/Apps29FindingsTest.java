package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.StrangerAppsTest.of;
import static dev.adjoint.generator.stranger.StrangerAppsTest.rnd;
import static dev.adjoint.generator.stranger.StrangerAppsTest.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.stranger.StrangerApps29Harness.Counts;
import dev.adjoint.generator.stranger.StrangerAppsTest.Case;
import dev.adjoint.generator.stranger.StrangerAppsTest.Loaded;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What session 29's stranger programs ({@link StrangerApps29Test}) found. An array-returning helper that sizes its
 * result by an {@code int} local of its argument's length, {@code int n = c.length; double[] out = new double[n];},
 * called as {@code c = rk4(c, k, h)} (the README's {@code x = step(x, h)}), was refused: "cannot assign the array
 * variable 'c': the length of an array assigned is neither an expression of parameters (x.length, n) nor a row's",
 * although {@code new double[c.length]} was taken and the README promises lengths "through locals computed once
 * from them: int n = b.length". Such a local of a member's length is now the group's own length.
 */
class Apps29FindingsTest {
    static final String KINETICS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Kin {
                private Kin() {}

                static void rates(double[] c, double[] k, double[] dc) {
                    dc[0] = -k[0] * c[0];
                    dc[1] = k[0] * c[0] - k[1] * c[1] * c[1];
                    dc[2] = k[1] * c[1] * c[1];
                }

                static double[] rk4(double[] c, double[] k, double h) {
                    int n = c.length;
                    double[] k1 = new double[n], k2 = new double[n], k3 = new double[n], k4 = new double[n];
                    double[] tmp = new double[n];
                    rates(c, k, k1);
                    for (int i = 0; i < n; i++) tmp[i] = c[i] + 0.5 * h * k1[i];
                    rates(tmp, k, k2);
                    for (int i = 0; i < n; i++) tmp[i] = c[i] + 0.5 * h * k2[i];
                    rates(tmp, k, k3);
                    for (int i = 0; i < n; i++) tmp[i] = c[i] + h * k3[i];
                    rates(tmp, k, k4);
                    double[] out = new double[n];
                    for (int i = 0; i < n; i++) out[i] = c[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                    return out;
                }

                static double[] euler(double[] c, double[] k, double h) {
                    int m = c.length;
                    int n = m;
                    double[] d = new double[n];
                    rates(c, k, d);
                    double[] out = new double[n];
                    for (int i = 0; i < n; i++) out[i] = c[i] + h * d[i];
                    return out;
                }

                /** The state after RK4 steps of a local copy. */
                @Differentiable(wrt = {"k", "c0"})
                public static double[] kinetics(double[] k, double[] c0, double h, int steps) {
                    double[] c = c0.clone();
                    for (int s = 0; s < steps; s++) c = rk4(c, k, h);
                    return c;
                }

                /** The parameter itself stepped (a local copy of it, the caller's array left alone), through two locals. */
                @Differentiable(wrt = {"k", "c"})
                public static double product(double[] k, double[] c, double h, int steps) {
                    for (int s = 0; s < steps; s++) c = euler(c, k, h);
                    return c[2] * c[2] + c[1];
                }

                /** A second name for the stepped array. */
                @Differentiable(wrt = "k")
                public static double alias(double[] k, double[] c0, double h, int steps) {
                    double[] c = c0;
                    for (int s = 0; s < steps; s++) c = rk4(c, k, h);
                    return c[1];
                }
            }
            """;

    @Test
    void aLengthLocalOfTheSteppedArraySizesTheHelpersResult() throws Exception {
        double[] k = {0.7, 0.4};
        double[] c0 = {1.0, 0.2, 0.05};
        Counts n = StrangerApps29Harness.run(
                sources("Kin", KINETICS),
                List.of(
                        of("Kin", "kinetics", x -> new Object[] {k, c0, 0.2, 6}),
                        of("Kin", "product", x -> new Object[] {k, rnd(1, 3, 0.1, 1), 0.3, 5}),
                        of("Kin", "alias", x -> new Object[] {k, c0, 0.25, 4})));
        assertEquals(new Counts(3, 3, 2, 1), n);
    }

    static final String ROWS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Pts {
                @Differentiable
                public static double spread(double[] p, double[] q) {
                    double[][] pts = {p, q};
                    double s = 0;
                    for (double[] r : pts) for (double v : r) s += v * v;
                    return s;
                }

                @Differentiable
                public static double loop(double[] p, double[] q) {
                    double s = 0;
                    for (double[] r : new double[][] {p, q}) for (double v : r) s += v * v;
                    return s;
                }

            }
            """;

    static final String COPIED = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Pts2 {
                @Differentiable
                public static double copied(double[] p, double[] q) {
                    double[][] pts = new double[2][];
                    pts[0] = p.clone();
                    pts[1] = q.clone();
                    double s = 0;
                    for (int i = 0; i < pts.length; i++) for (double v : pts[i]) s += v * v;
                    return s;
                }
            }
            """;

    /**
     * A matrix made of array variables ({@code double[][] pts = {p, q};}, or in a for-each's header) was refused as
     * "array creation is not supported by the tape strategy either; rewrite it with loops, if/else and the supported
     * expressions": it now names the matrix and says to copy the rows into a matrix created at the top level, which
     * the last method does, and which builds.
     */
    @Test
    void aMatrixMadeOfArraysSaysToCopyTheRows() throws Exception {
        List<Diagnostic> errors = StrangerHarness.errors(sources("Pts", ROWS));
        assertEquals(2, errors.size(), errors::toString);
        int[][] at = {{8, 26}, {17, 42}};
        for (int i = 0; i < 2; i++) {
            Diagnostic d = errors.get(i);
            assertEquals(at[i][0], d.line(), d::toString);
            assertEquals(at[i][1], d.column(), d::toString);
            assertTrue(d.message().contains("matrix made of arrays"), d::toString);
            assertTrue(d.message().contains("m[0] = p.clone();"), d::toString);
        }
        Counts n = StrangerApps29Harness.run(sources("Pts2", COPIED), List.of(of("Pts2", "copied", x ->
                new Object[] {rnd(2, 3, -1, 1), rnd(3, 2, -1, 1)})));
        assertEquals(new Counts(1, 1, 1, 0), n);
    }

    static final String POSES = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Poses {
                private Poses() {}

                public record Vec(double x, double y) {
                    Vec plus(Vec o) { return new Vec(x + o.x, y + o.y); }
                    Vec rotate(double a) { return new Vec(Math.cos(a) * x - Math.sin(a) * y, Math.sin(a) * x + Math.cos(a) * y); }
                    double norm2() { return x * x + y * y; }
                }

                public record Pose(Vec t, double angle) {}

                public record Rig(Pose base, double arm) {}

                /** Odometry from a start pose: the local starts as the pose's translation. */
                @Differentiable(wrt = {"start", "steps"})
                public static double odometry(Pose start, double[] steps, double[] turns, double gx, double gy) {
                    Vec p = start.t();
                    double heading = start.angle();
                    for (int k = 0; k < steps.length; k++) {
                        heading += turns[k];
                        p = p.plus(new Vec(steps[k], 0).rotate(heading));
                    }
                    return p.plus(new Vec(-gx, -gy)).norm2();
                }

                /** A chain two records deep, assigned to a local declared before. */
                @Differentiable(wrt = "rig")
                public static double reach(Rig rig, double tx, double ty) {
                    Vec b;
                    b = rig.base().t();
                    double angle = rig.base().angle();
                    Vec tip = b.plus(new Vec(rig.arm(), 0).rotate(angle));
                    return tip.plus(new Vec(-tx, -ty)).norm2();
                }
            }
            """;

    /**
     * A local record given a record component of a record parameter ({@code Vec p = start.t();}) was refused ("gives
     * local 'p' a value other than a new Vec(...)") although the README reads such components through chains: it is
     * now the new record it equals, {@code new Vec(start.t().x(), start.t().y())}, also down a chain
     * ({@code b = rig.base().t();}).
     */
    @Test
    void aLocalRecordTakesARecordParametersComponent() throws Exception {
        Function<Loaded, Object> start = x -> x.make("Poses$Pose", x.make("Poses$Vec", 0.2, -0.1), 0.3);
        List<Case> cases = List.of(
                of("Poses", "odometry", x -> new Object[] {
                    start.apply(x), new double[] {1.0, 0.8, 1.2}, new double[] {0.1, -0.3, 0.4}, 2.5, 1.0
                }),
                of("Poses", "reach", x -> new Object[] {x.make("Poses$Rig", start.apply(x), 1.3), 0.4, 1.1}));
        Counts n = StrangerApps29Harness.run(sources("Poses", POSES), cases, b -> {
            for (Case c : cases) {
                StrangerApps29Objects.sinkJvp(b, c);
            }
        });
        assertEquals(new Counts(2, 0, 0, 0), n);
        // an accessor the record declares itself may return anything: still an error at the value
        List<Diagnostic> errors = StrangerHarness.errors(sources(
                "Poses",
                POSES.replace(
                        "public record Pose(Vec t, double angle) {}",
                        "public record Pose(Vec t, double angle) { public Vec t() { return new Vec(t.x(), 0); } }")));
        assertTrue(
                errors.stream().anyMatch(d -> d.line() == 21 && d.message().contains("start.t()")), errors::toString);
    }

    static final String TURNS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Turns {
                public record Vec(double x, double y) {
                    Vec rotate(double a) { return new Vec(Math.cos(a) * x - Math.sin(a) * y, Math.sin(a) * x + Math.cos(a) * y); }
                }

                public record Pose(Vec t, double angle) {}

                @Differentiable
                public static double one(Pose p, double x) {
                    Vec v = new Vec(x, 0);
                    Vec w = v.rotate(p.angle());
                    return w.y() * w.x();
                }

                @Differentiable
                public static double two(Pose p, double x) {
                    Vec v = new Vec(x, 0.5);
                    Vec w = v.rotate(p.t().x() + p.angle());
                    return w.y() * w.x();
                }
            }
            """;

    /**
     * A record's method given a component two records deep ({@code v.rotate(p.t().x())}) was refused as
     * "'Vec$rotate(v.x(), v.y(), p.t().x())' gives local 'w' a value other than a new Vec(...)" (one level,
     * {@code p.angle()}, was taken): an argument's zero-argument calls on zero-argument calls are accessors too.
     */
    @Test
    void aRecordMethodTakesANestedComponent() throws Exception {
        Function<Loaded, Object> pose = x -> x.make("Turns$Pose", x.make("Turns$Vec", 0.4, -0.2), 0.7);
        List<Case> cases = List.of(of("Turns", "one", x -> new Object[] {pose.apply(x), 1.3}), of("Turns", "two", x ->
                new Object[] {pose.apply(x), 1.3}));
        Counts n = StrangerApps29Harness.run(sources("Turns", TURNS), cases, b -> {
            for (Case c : cases) {
                StrangerApps29Objects.sinkJvp(b, c);
            }
        });
        assertEquals(new Counts(2, 2, 2, 0), n); // (the records are constants here: x alone is differentiated)
    }
}
