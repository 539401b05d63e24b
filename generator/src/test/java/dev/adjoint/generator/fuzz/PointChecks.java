package dev.adjoint.generator.fuzz;

import static dev.adjoint.generator.fuzz.FuzzCalls.arrays;
import static dev.adjoint.generator.fuzz.FuzzCalls.buffers;
import static dev.adjoint.generator.fuzz.FuzzCalls.call;
import static dev.adjoint.generator.fuzz.FuzzCalls.concat;
import static dev.adjoint.generator.fuzz.FuzzCalls.copy;
import static dev.adjoint.generator.fuzz.FuzzCalls.find;
import static dev.adjoint.generator.fuzz.FuzzCalls.flatten;
import static dev.adjoint.generator.fuzz.FuzzCalls.rho;
import static dev.adjoint.generator.fuzz.Fuzzer.FD_TOL;
import static dev.adjoint.generator.fuzz.Fuzzer.FD_TOL_FLOAT;
import static dev.adjoint.generator.fuzz.Fuzzer.STRATEGY_TOL;
import static dev.adjoint.generator.fuzz.Fuzzer.STRATEGY_TOL_FLOAT;
import static dev.adjoint.generator.fuzz.Fuzzer.TRIES;
import static dev.adjoint.generator.fuzz.Fuzzer.trace;

import dev.adjoint.generator.fuzz.Fuzzer.Found;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import dev.adjoint.generator.fuzz.ProgramGenerator.Param;
import dev.adjoint.generator.fuzz.ProgramGenerator.Program;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * The checks of a {@link Fuzzer} run on one compiled program, at random points of each method: the
 * static and tape adjoints' values and in-place array writes against the original's, their
 * gradients against each other, their {@code Vjp} into non-zero buffers, the {@code Jvp} and
 * {@code Hvp} ({@link TangentChecks}), and the gradient against Richardson-extrapolated central
 * differences (of the double twin for programs with floats). The counters are the run's.
 */
final class PointChecks {
    private final Fuzzer run;
    private final Fuzzer.Config config;
    private final AtomicInteger points;
    private final AtomicInteger resampled;
    private final AtomicInteger unchecked;
    private final AtomicInteger drowned;
    private final AtomicInteger sensitive;
    private final AtomicInteger jvpChecked;
    private final AtomicInteger hvpChecked;
    /** The run's largest rho seen (see {@link Fuzzer.Report#worst()}). */
    private final double[] worst;

    PointChecks(Fuzzer run) {
        this.run = run;
        this.config = run.config;
        this.points = run.points;
        this.resampled = run.resampled;
        this.unchecked = run.unchecked;
        this.drowned = run.drowned;
        this.sensitive = run.sensitive;
        this.jvpChecked = run.jvpChecked;
        this.hvpChecked = run.hvpChecked;
        this.worst = run.worst;
    }

    /** Checks every method of {@code p} (compiled into {@code loader}) at the run's number of random points. */
    void checkProgram(Program p, ClassLoader loader) {
        try {
            for (int mi = 0; mi < p.methods().size(); mi++) {
                Method m = p.methods().get(mi);
                Class<?> owner = loader.loadClass(m.ownerClass(p));
                Class<?> adjoint = loader.loadClass(m.adjointClass(p));
                for (int k = 0; k < config.points(); k++) {
                    checkPoint(p, m, owner, adjoint, new Random(p.seed() * 31 + mi * 1009L + k));
                }
            }
        } catch (Found f) {
            mismatch(p, f.method, f.kind, f.getMessage());
        } catch (ReflectiveOperationException | RuntimeException e) {
            mismatch(p, "", "PROGRAM", "the checker failed: " + trace(e));
        }
    }

    /** Arguments of {@code m} at a random point. */
    private static Object[] randomArgs(Method m, Random r) {
        Object[] args = new Object[m.params().size()];
        for (int i = 0; i < args.length; i++) {
            Param p = m.params().get(i);
            args[i] = switch (p.kind()) {
                case DOUBLE -> p.name().equals("p") ? r.nextDouble() * 2 - 1 : r.nextDouble() * 3 - 1.5;
                case FLOAT -> (float) (r.nextDouble() * 3 - 1.5);
                case DOUBLE_ARRAY -> r.doubles(4, -1, 1).toArray();
                case FLOAT_ARRAY -> {
                    float[] f = new float[4];
                    for (int j = 0; j < 4; j++) {
                        f[j] = (float) (r.nextDouble() * 2 - 1);
                    }
                    yield f;
                }
                case INT -> 1 + r.nextInt(4);
                case LONG -> (long) (r.nextInt(5) - 2);
                case BOOLEAN -> r.nextBoolean();
            };
        }
        return args;
    }

    /** {@code args} for the double twin: floats widened. */
    private static Object[] twin(Object[] args) {
        Object[] c = copy(args);
        for (int i = 0; i < c.length; i++) {
            if (c[i] instanceof Float f) {
                c[i] = f.doubleValue();
            } else if (c[i] instanceof float[] f) {
                double[] d = new double[f.length];
                for (int j = 0; j < f.length; j++) {
                    d[j] = f[j];
                }
                c[i] = d;
            }
        }
        return c;
    }

    /** The wrt values of {@code args}, flattened. */
    private static double[] point(Method m, Object[] args) {
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (!m.params().get(i).wrt()) {
                continue;
            }
            Object a = args[i];
            if (a instanceof double[] d) {
                Arrays.stream(d).forEach(x::add);
            } else if (a instanceof float[] f) {
                for (float v : f) {
                    x.add((double) v);
                }
            } else {
                x.add(((Number) a).doubleValue());
            }
        }
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Twin arguments with the wrt values replaced by {@code x}. */
    private static Object[] at(Method m, Object[] twinArgs, double[] x) {
        Object[] c = copy(twinArgs);
        int k = 0;
        for (int i = 0; i < c.length; i++) {
            if (!m.params().get(i).wrt()) {
                continue;
            }
            if (c[i] instanceof double[] d) {
                for (int j = 0; j < d.length; j++) {
                    d[j] = x[k++];
                }
            } else {
                c[i] = x[k++];
            }
        }
        return c;
    }

    private void checkPoint(Program p, Method m, Class<?> owner, Class<?> adjoint, Random r) throws Found {
        String base = m.base();
        boolean floats = p.floats();
        java.lang.reflect.Method primal = find(owner, base + "S");
        java.lang.reflect.Method oracle = find(owner, p.oracle(base));
        Object[] args = randomArgs(m, r);
        // the original; in-place writes to compare with the adjoints'
        Object[] a0 = copy(args);
        double v0 = ((Number) call(primal, base + "S", a0)).doubleValue();
        double[][] grads = new double[2][];
        String[] variants = {"S", "T"};
        for (int s = 0; s < 2; s++) {
            String name = base + variants[s];
            String label = name + (s == 0 ? " [static]" : " [tape]");
            Object[] a = copy(args);
            Object[] buf = buffers(m, 0);
            double v = ((Number) call(find(adjoint, name + "Grad"), label, concat(a, buf))).doubleValue();
            if (Double.compare(v, v0) != 0) {
                throw new Found(
                        label,
                        "VALUE",
                        name + "Grad returned " + v + " but " + base + "S returns " + v0 + " at " + arrays(args));
            }
            if (!Arrays.deepEquals(a, a0)) {
                throw new Found(
                        label,
                        "ARRAYS",
                        name + "Grad leaves the arrays " + arrays(a) + " but " + base + "S leaves " + arrays(a0)
                                + ", from " + arrays(args));
            }
            grads[s] = flatten(buf);
            // the Vjp: seed -1.75, into buffers that already hold values: adds seed times the gradient
            Object[] vbuf = buffers(m, 0.5);
            double[] pre = flatten(vbuf);
            Object seed = m.floatResult() ? (Object) (-1.75f) : (Object) (-1.75);
            double vv = ((Number) call(find(adjoint, name + "Vjp"), label, concat(concat(copy(args), seed), vbuf)))
                    .doubleValue();
            if (Double.compare(vv, v0) != 0) {
                throw new Found(
                        label,
                        "VALUE",
                        name + "Vjp returned " + vv + " but " + base + "S returns " + v0 + " at " + arrays(args));
            }
            double[] after = flatten(vbuf);
            for (int i = 0; i < after.length; i++) {
                double expected = pre[i] - 1.75 * grads[s][i];
                double tol = floats ? 1e-5 : 1e-12;
                if (!(rho(after[i] - pre[i], -1.75 * grads[s][i]) <= tol)) {
                    throw new Found(
                            label,
                            "VJP",
                            name + "Vjp with seed -1.75 into buffers " + Arrays.toString(pre) + " gives "
                                    + Arrays.toString(after) + "; component " + i + " should be " + expected
                                    + " (gradient "
                                    + Arrays.toString(grads[s]) + ") at " + arrays(args));
                }
            }
        }
        double worstStrategy = 0;
        for (int i = 0; i < grads[0].length; i++) {
            double rho = rho(grads[0][i], grads[1][i]);
            if (!(rho <= (floats ? STRATEGY_TOL_FLOAT : STRATEGY_TOL))) {
                double[] fd = differences(m, oracle, base, floats ? twin(args) : args);
                throw new Found(
                        base,
                        "STRATEGIES",
                        String.format(
                                Locale.ROOT,
                                "static and tape disagree at component %d: static %s, tape %s (rho %.2e)%nstatic %s%ntape   %s%n"
                                        + "central differences %s%nat %s",
                                i,
                                grads[0][i],
                                grads[1][i],
                                rho,
                                Arrays.toString(grads[0]),
                                Arrays.toString(grads[1]),
                                fd == null ? "(a kink is near)" : Arrays.toString(fd),
                                arrays(args)));
            }
            worstStrategy = Math.max(worstStrategy, rho);
        }
        synchronized (worst) {
            int at = floats ? 2 : 0;
            worst[at] = Math.max(worst[at], worstStrategy);
        }
        // the other modes: Jvp by the dot-product test, Hvp against differences of the gradient
        int[] modes = TangentChecks.check(m, adjoint, args, a0, v0, grads[0], floats, r);
        jvpChecked.addAndGet(modes[0]);
        hvpChecked.addAndGet(modes[1]);
        // central differences, at this point or, near a kink, at another one
        Object[] point = args;
        double[] g = grads[0];
        for (int attempt = 0; attempt < TRIES; attempt++) {
            if (attempt > 0) {
                resampled.incrementAndGet();
                point = randomArgs(m, r);
                Object[] buf = buffers(m, 0);
                call(find(adjoint, base + "SGrad"), base + "S [static]", concat(copy(point), buf));
                g = flatten(buf);
            }
            Object[] tw = floats ? twin(point) : point;
            if (floats) {
                double vf = ((Number) call(primal, base + "S", copy(point))).doubleValue();
                double vd = ((Number) call(oracle, base + "D", copy(tw))).doubleValue();
                if (!(Math.abs(vf - vd) <= 1e-3 * Math.max(1, Math.abs(vd)))) {
                    continue; // float rounding took another branch than the double twin: not comparable
                }
            }
            Optional<String> verdict =
                    compareWithDifferences(m, oracle, base, tw, g, floats ? FD_TOL_FLOAT : FD_TOL, floats ? 3 : 1);
            if (verdict == null) {
                continue; // a kink within the steps
            }
            points.incrementAndGet();
            if (verdict.isPresent()) {
                throw new Found(
                        base + "S [static]" + (floats ? " vs twin " + base + "D" : ""),
                        "GRADIENT",
                        verdict.get() + "\nat " + arrays(point));
            }
            return;
        }
        unchecked.incrementAndGet();
    }

    /**
     * {@code null} when the differences at two step sizes disagree (a kink or a jump is near),
     * else empty when {@code g} agrees with the extrapolated differences, else what disagrees.
     */
    private Optional<String> compareWithDifferences(
            Method m,
            java.lang.reflect.Method oracle,
            String base,
            Object[] twinArgs,
            double[] g,
            double tol,
            int record)
            throws Found {
        double[] x = point(m, twinArgs);
        ToDoubleFunction<double[]> f = v -> {
            try {
                return ((Number) call(oracle, base, at(m, twinArgs, v))).doubleValue();
            } catch (Found e) {
                throw new IllegalStateException(e.getMessage());
            }
        };
        double worstRho = 0;
        StringBuilder bad = null;
        // the rounding of one evaluation of f (a few ulps); the extrapolated differences carry about twice
        // that divided by the smallest step
        double rounding = 8 * Math.ulp(Math.abs(f.applyAsDouble(x)));
        for (int i = 0; i < x.length; i++) {
            double h = 2e-4 * Math.max(1, Math.abs(x[i]));
            if (2 * rounding / (h / 4) > tol / 2 * Math.max(1, Math.abs(g[i]))) {
                // e.g. 1e17 + x: f's rounding hides the change the step makes; differences cannot check g[i]
                drowned.incrementAndGet();
                continue;
            }
            double d1 = diff(f, x, i, h);
            double d2 = diff(f, x, i, h / 2);
            double d4 = diff(f, x, i, h / 4);
            // Richardson: the O(h^2) error cancels; two extrapolations that disagree mean a kink or a jump nearby
            double r12 = (4 * d2 - d1) / 3;
            double r24 = (4 * d4 - d2) / 3;
            if (!(Math.abs(r12 - r24) <= tol / 4 * Math.max(1, Math.abs(r24)))) {
                return null;
            }
            double rho = rho(g[i], r24);
            if (!(rho <= tol) && record == 3 && movesWithRounding(f, x, i, h, r24, tol)) {
                // a float program's rounding shifts its exact derivative by more than the tolerance: the
                // double twin's differences cannot check it (static vs tape does)
                sensitive.incrementAndGet();
                continue;
            }
            worstRho = Math.max(worstRho, rho);
            if (!(rho <= tol) && bad == null) {
                bad = new StringBuilder(String.format(
                        Locale.ROOT,
                        "gradient component %d is %s but central differences give %s (steps %.1e, %.1e, %.1e: %s, %s, %s), rho %.2e",
                        i,
                        g[i],
                        r24,
                        h,
                        h / 2,
                        h / 4,
                        d1,
                        d2,
                        d4,
                        rho));
            }
        }
        synchronized (worst) {
            worst[record] = Math.max(worst[record], worstRho);
        }
        if (bad != null) {
            return Optional.of(bad + "\ngradient " + Arrays.toString(g));
        }
        return Optional.empty();
    }

    /** Richardson-extrapolated central differences of {@code oracle} at {@code twinArgs}; null near a kink. */
    private static double[] differences(Method m, java.lang.reflect.Method oracle, String base, Object[] twinArgs) {
        double[] x = point(m, twinArgs);
        double[] g = new double[x.length];
        ToDoubleFunction<double[]> f = v -> {
            try {
                return ((Number) call(oracle, base, at(m, twinArgs, v))).doubleValue();
            } catch (Found e) {
                throw new IllegalStateException(e.getMessage());
            }
        };
        for (int i = 0; i < x.length; i++) {
            double h = 2e-4 * Math.max(1, Math.abs(x[i]));
            double d1 = diff(f, x, i, h);
            double d2 = diff(f, x, i, h / 2);
            double d4 = diff(f, x, i, h / 4);
            double r12 = (4 * d2 - d1) / 3;
            double r24 = (4 * d4 - d2) / 3;
            if (!(Math.abs(r12 - r24) <= FD_TOL * Math.max(1, Math.abs(r24)))) {
                return null;
            }
            g[i] = r24;
        }
        return g;
    }

    /**
     * Whether the extrapolated derivative along {@code i} moves by more than {@code tol} (relative)
     * when {@code x[i]} moves by 1e-6 relative, about the rounding a float program accumulates:
     * then a float program's exact derivative is that far from its double twin's.
     */
    private static boolean movesWithRounding(
            ToDoubleFunction<double[]> f, double[] x, int i, double h, double r, double tol) {
        // (seen: 1% for 6e-7 on an input that a loop decrements twelve times, then cubes into a sine's argument)
        for (int sign = -1; sign <= 1; sign += 2) {
            double[] y = x.clone();
            y[i] = x[i] + sign * 1e-6 * Math.max(1, Math.abs(x[i]));
            double moved = (4 * diff(f, y, i, h / 4) - diff(f, y, i, h / 2)) / 3;
            if (!(Math.abs(moved - r) <= tol * Math.max(1, Math.abs(r)))) {
                return true;
            }
        }
        return false;
    }

    private static double diff(ToDoubleFunction<double[]> f, double[] x, int i, double h) {
        double[] up = x.clone();
        double[] down = x.clone();
        up[i] = x[i] + h;
        down[i] = x[i] - h;
        return (f.applyAsDouble(up) - f.applyAsDouble(down)) / (up[i] - down[i]);
    }

    private void mismatch(Program p, String method, String kind, String detail) {
        run.mismatch(p, method, kind, detail);
    }
}
