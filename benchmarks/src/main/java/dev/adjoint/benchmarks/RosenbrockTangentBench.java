package dev.adjoint.benchmarks;

import dev.adjoint.DoubleGrad;
import dev.adjoint.benchmarks.rosenbrock.Rosenbrock;
import dev.adjoint.benchmarks.rosenbrock.RosenbrockAdjoint;
import java.util.Arrays;
import java.util.Random;
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
 * The extended Rosenbrock function's forward mode against its floor, in one run: the objective, the
 * generated {@code valueJvp} and the hand-written tangent {@link Rosenbrock#tangent}, at
 * {@code n = 1,000,000} (and, with {@code -p n=10000}, the first 10,000 of the same values, which
 * stay in cache), on {@link TangentBench}'s point and direction. A tangent streams two arrays of n
 * doubles where the objective streams one, and does twice its arithmetic; where either bounds the
 * objective no tangent stays far within 2× of it; the hand-written one says how close the generated
 * one is to what a programmer would write.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(1)
public class RosenbrockTangentBench {
    /** The number of variables: the first n of {@link TangentBench}'s 10⁶. */
    @Param({"1000000"})
    public int n;

    private double[] x;
    private double[] u;
    private final DoubleGrad out = new DoubleGrad();

    /** Draws the point and the direction as {@link TangentBench} does, and checks the two tangents agree. */
    @Setup(Level.Trial)
    public void setup() {
        double[][] xu = TangentBench.rosenbrockPointAndDirection(new Random(20261205L));
        x = Arrays.copyOf(xu[0], n);
        u = Arrays.copyOf(xu[1], n);
        Agreement.require(
                "Rosenbrock Jvp against the hand-written tangent",
                new double[] {generatedJvp()},
                new double[] {handJvp()},
                1e-9);
    }

    @Benchmark
    public double objective() {
        return Rosenbrock.value(x);
    }

    /** The generated forward mode: {@code ∇f·u} (returned so that it is not dead code). */
    @Benchmark
    public double generatedJvp() {
        RosenbrockAdjoint.valueJvp(x, u, out);
        return out.get();
    }

    /** The hand-written tangent along the same direction. */
    @Benchmark
    public double handJvp() {
        Rosenbrock.tangent(x, u, out);
        return out.get();
    }
}
