package dev.adjoint.benchmarks;

import dev.adjoint.benchmarks.gmm.GmmData;
import dev.adjoint.benchmarks.gmm.GmmWithHelpers;
import dev.adjoint.benchmarks.gmm.GmmWithHelpersAdjoint;
import dev.adjoint.samples.gmm.Gmm;
import dev.adjoint.samples.gmm.GmmAdjoint;
import dev.adjoint.samples.gmm.GmmGradient;
import dev.adjoint.samples.gmm.GmmInput;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The GMM objective written with {@code logsumexp}/{@code sqnorm} helpers
 * ({@link GmmWithHelpers}, ADBench's structure) against the inlined one
 * ({@link Gmm#objective}), objective and static gradient of each, in one run (issue 15's target:
 * the helpers' gradient within 1.10× of the inlined gradient, its gradient/objective median ≤ 2.5×).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class GmmHelpersBench {
    @Param({"d2_K5", "d10_K25", "d20_K50", "d64_K100"})
    public String size;

    private GmmInput in;
    private double[] da;
    private double[] dm;
    private double[] di;

    @Setup(Level.Trial)
    public void setup() {
        in = GmmData.load(size, "generated");
        da = new double[in.alphas().length];
        dm = new double[in.means().length];
        di = new double[in.icf().length];
        double[] hand = new double[in.parameterCount()];
        GmmGradient.gradient(in, hand);
        helpersGradient();
        Agreement.require("GMM with helpers at " + size, Agreement.concat(da, dm, di), hand, 1e-6);
    }

    @Benchmark
    public double inlinedObjective() {
        return Gmm.objective(in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), in.n(), in.gamma(), in.m());
    }

    @Benchmark
    public double helpersObjective() {
        return GmmWithHelpers.objective(
                in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), in.n(), in.gamma(), in.m());
    }

    @Benchmark
    public double inlinedGradient() {
        zero();
        return GmmAdjoint.objectiveGrad(
                in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), in.n(), in.gamma(), in.m(), da, dm, di);
    }

    @Benchmark
    public double helpersGradient() {
        zero();
        return GmmWithHelpersAdjoint.objectiveGrad(
                in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), in.n(), in.gamma(), in.m(), da, dm, di);
    }

    private void zero() {
        Arrays.fill(da, 0);
        Arrays.fill(dm, 0);
        Arrays.fill(di, 0);
    }
}
