package dev.adjoint.benchmarks;

import dev.adjoint.benchmarks.gmm.GmmData;
import dev.adjoint.benchmarks.gmm.GmmObjectiveTapeAdjoint;
import dev.adjoint.benchmarks.mlp.Mlp;
import dev.adjoint.benchmarks.mlp.MlpAdjoint;
import dev.adjoint.benchmarks.rosenbrock.Rosenbrock;
import dev.adjoint.benchmarks.rosenbrock.RosenbrockAdjoint;
import dev.adjoint.samples.gmm.Gmm;
import dev.adjoint.samples.gmm.GmmAdjoint;
import dev.adjoint.samples.gmm.GmmGradient;
import dev.adjoint.samples.gmm.GmmInput;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Exact bytes allocated per call, read from {@code com.sun.management.ThreadMXBean} around a batch
 * of calls after a warm-up (so that the per-thread stacks and tape have their final capacity and C2
 * code runs). JMH's {@code -prof gc} reports the same quantity but adds its own per-iteration
 * allocations divided by the number of calls, a floor of a few hundred bytes for calls that take
 * milliseconds; this probe has no such floor. Output: one tab-separated line per measurement,
 * {@code benchmark  size  bytesPerCall}, read by {@code GmmReport --alloc}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.adjoint.benchmarks.AllocationProbe out.tsv [seconds-of-warm-up]</pre>
 */
public final class AllocationProbe {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationProbe() {}

    /** See the class comment. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "alloc.tsv");
        double warmSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
        StringBuilder b = new StringBuilder();
        for (String size : new String[] {"d2_K5", "d10_K5"}) {
            GmmInput in = GmmData.generate(size, GmmData.DEFAULT_SEED);
            double[] da = new double[in.k()];
            double[] dm = new double[in.means().length];
            double[] di = new double[in.icf().length];
            double[] flat = new double[in.parameterCount()];
            line(
                    b,
                    "GmmBench.objective",
                    size,
                    measure(
                            warmSeconds,
                            () -> Gmm.objective(
                                    in.alphas(),
                                    in.means(),
                                    in.icf(),
                                    in.x(),
                                    in.d(),
                                    in.k(),
                                    in.n(),
                                    in.gamma(),
                                    in.m())));
            line(b, "GmmBench.staticGradient", size, measure(warmSeconds, () -> {
                zero(da, dm, di);
                return GmmAdjoint.objectiveGrad(
                        in.alphas(),
                        in.means(),
                        in.icf(),
                        in.x(),
                        in.d(),
                        in.k(),
                        in.n(),
                        in.gamma(),
                        in.m(),
                        da,
                        dm,
                        di);
            }));
            line(b, "GmmBench.tapeGradient", size, measure(warmSeconds, () -> {
                zero(da, dm, di);
                return GmmObjectiveTapeAdjoint.objectiveGrad(
                        in.alphas(),
                        in.means(),
                        in.icf(),
                        in.x(),
                        in.d(),
                        in.k(),
                        in.n(),
                        in.gamma(),
                        in.m(),
                        da,
                        dm,
                        di);
            }));
            line(b, "GmmBench.handGradient", size, measure(warmSeconds, () -> GmmGradient.gradient(in, flat)));
        }
        double[] x = new double[1_000_000];
        java.util.Random r = new java.util.Random(20261125L);
        for (int i = 0; i < x.length; i++) {
            x[i] = 4.0 * r.nextDouble() - 2.0;
        }
        double[] dx = new double[x.length];
        line(b, "RosenbrockBench.objective", "1000000", measure(warmSeconds, () -> Rosenbrock.value(x)));
        line(b, "RosenbrockBench.staticGradient", "1000000", measure(warmSeconds, () -> {
            Arrays.fill(dx, 0.0);
            return RosenbrockAdjoint.valueGrad(x, dx);
        }));
        line(b, "RosenbrockBench.tapeGradient", "1000000", measure(warmSeconds, () -> {
            Arrays.fill(dx, 0.0);
            return RosenbrockAdjoint.valueTapeGrad(x, dx);
        }));
        line(b, "RosenbrockBench.handGradient", "1000000", measure(warmSeconds, () -> Rosenbrock.gradient(x, dx)));
        double[][] p = Mlp.problem(20261125L);
        double[] dw = new double[p[0].length];
        double[] h = new double[Mlp.HIDDEN];
        double[] dh = new double[Mlp.HIDDEN];
        line(
                b,
                "MlpBench.loss",
                "-",
                measure(warmSeconds, () -> Mlp.loss(p[0], p[1], p[2], Mlp.BATCH, Mlp.IN, Mlp.HIDDEN, Mlp.OUT)));
        line(b, "MlpBench.staticGradient", "-", measure(warmSeconds, () -> {
            Arrays.fill(dw, 0.0);
            return MlpAdjoint.lossGrad(p[0], p[1], p[2], Mlp.BATCH, Mlp.IN, Mlp.HIDDEN, Mlp.OUT, dw);
        }));
        line(b, "MlpBench.tapeGradient", "-", measure(warmSeconds, () -> {
            Arrays.fill(dw, 0.0);
            return MlpAdjoint.lossTapeGrad(p[0], p[1], p[2], Mlp.BATCH, Mlp.IN, Mlp.HIDDEN, Mlp.OUT, dw);
        }));
        line(
                b,
                "MlpBench.handGradient",
                "-",
                measure(
                        warmSeconds,
                        () -> Mlp.gradient(p[0], p[1], p[2], Mlp.BATCH, Mlp.IN, Mlp.HIDDEN, Mlp.OUT, dw, h, dh)));
        Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
        PrintStream o = System.out;
        o.print(b);
    }

    private static void zero(double[] a, double[] b, double[] c) {
        Arrays.fill(a, 0.0);
        Arrays.fill(b, 0.0);
        Arrays.fill(c, 0.0);
    }

    private static void line(StringBuilder b, String name, String size, double bytes) {
        b.append(name)
                .append('\t')
                .append(size)
                .append('\t')
                .append(String.format(Locale.ROOT, "%.1f", bytes))
                .append('\n');
    }

    /** Calls {@code f} for {@code warmSeconds}, then returns the bytes the thread allocates per call over as many calls again (at least 5). */
    private static double measure(double warmSeconds, java.util.function.DoubleSupplier f) {
        double sink = 0;
        long calls = 0;
        long end = System.nanoTime() + (long) (warmSeconds * 1e9);
        while (System.nanoTime() < end || calls < 5) {
            sink += f.getAsDouble();
            calls++;
        }
        long n = Math.max(5, Math.min(calls, 200));
        long tid = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(tid);
        for (long i = 0; i < n; i++) {
            sink += f.getAsDouble();
        }
        long after = THREADS.getThreadAllocatedBytes(tid);
        if (sink == 42.0) {
            System.out.print("");
        }
        return (after - before) / (double) n;
    }
}
