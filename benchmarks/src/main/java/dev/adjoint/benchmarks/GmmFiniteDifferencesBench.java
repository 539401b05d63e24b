package dev.adjoint.benchmarks;

import dev.adjoint.benchmarks.gmm.GmmData;
import dev.adjoint.benchmarks.gmm.GmmFiniteDifferences;
import dev.adjoint.samples.gmm.GmmGradient;
import dev.adjoint.samples.gmm.GmmInput;
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
 * The GMM gradient by central differences ({@code 2 × parameters} objective calls) at the smallest
 * size only; its own size parameter {@code fdSize} keeps it there when a run sets {@code -p size=...}.
 * Its ratio is taken against {@link GmmBench#objective} of the same size in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class GmmFiniteDifferencesBench {
    /** D=2, K=5: 30 parameters, 60 objective calls. */
    @Param("d2_K5")
    public String fdSize;

    /** As in {@link GmmBench#data}. */
    @Param("generated")
    public String data;

    private GmmInput in;
    private double[] out;

    /** Loads the input (with private parameter copies, which are perturbed in place) and checks once. */
    @Setup(Level.Trial)
    public void setup() {
        GmmInput loaded = GmmData.load(fdSize, data);
        in = loaded.withParameters(loaded.parameters()); // fresh parameter arrays, the data x shared
        out = new double[in.parameterCount()];
        double[] hand = new double[in.parameterCount()];
        GmmGradient.gradient(in, hand);
        GmmFiniteDifferences.gradient(in, out);
        Agreement.require("central differences at " + fdSize, out, hand, 1e-4);
    }

    /** The gradient by central differences. */
    @Benchmark
    public double[] finiteDifferences() {
        GmmFiniteDifferences.gradient(in, out);
        return out;
    }
}
