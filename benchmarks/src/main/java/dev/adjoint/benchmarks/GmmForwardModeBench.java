package dev.adjoint.benchmarks;

import dev.adjoint.benchmarks.gmm.GmmData;
import dev.adjoint.benchmarks.gmm.GmmForwardMode;
import dev.adjoint.samples.gmm.GmmGradient;
import dev.adjoint.samples.gmm.GmmInput;
import java.util.concurrent.TimeUnit;
import org.hipparchus.analysis.differentiation.Gradient;
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
 * The GMM gradient by Hipparchus forward mode ({@link Gradient} over all parameters) at the two
 * smallest sizes: every operation carries and allocates a {@code parameters}-long array, so the
 * cost grows with the parameter count times the objective's. Its own size parameter,
 * {@code smallSize}, keeps it off the large sizes when a run sets {@code -p size=...}; its ratio is
 * taken against {@link GmmBench#objective} of the same size in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class GmmForwardModeBench {
    /** D=2, K=5 (30 parameters) and D=10, K=5 (330 parameters). */
    @Param({"d2_K5", "d10_K5"})
    public String smallSize;

    /** As in {@link GmmBench#data}. */
    @Param("generated")
    public String data;

    private GmmInput in;

    /** Loads the input and checks forward mode once against the hand-written gradient. */
    @Setup(Level.Trial)
    public void setup() {
        in = GmmData.load(smallSize, data);
        double[] hand = new double[in.parameterCount()];
        GmmGradient.gradient(in, hand);
        Agreement.require(
                "Hipparchus forward mode at " + smallSize,
                GmmForwardMode.objective(in).getGradient(),
                hand,
                1e-6);
    }

    /** Value and full gradient in one forward pass. */
    @Benchmark
    public Gradient hipparchusGradient() {
        return GmmForwardMode.objective(in);
    }
}
