package dev.adjoint.benchmarks;

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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The extended Rosenbrock function of {@code n = 1,000,000} variables: objective, static and tape
 * adjoints, hand-written gradient, in one run. {@code x} is uniform on {@code [−2, 2)} from
 * {@code new Random(20261125)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class RosenbrockBench {
    /** The number of variables. */
    @Param("1000000")
    public int n;

    private double[] x;
    private double[] dx;

    /** Builds {@code x} and checks the measured gradient once against the hand-written one. */
    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        Random r = new Random(20261125L);
        x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 4.0 * r.nextDouble() - 2.0;
        }
        dx = new double[n];
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (!method.equals("objective")) {
            double[] hand = new double[n];
            Rosenbrock.gradient(x, hand);
            switch (method) {
                case "staticGradient" -> staticGradient();
                case "tapeGradient" -> tapeGradient();
                default -> handGradient();
            }
            Agreement.require("Rosenbrock " + method, dx, hand, 1e-9);
        }
    }

    /** The objective alone. */
    @Benchmark
    public double objective() {
        return Rosenbrock.value(x);
    }

    /** Static adjoint, buffer zeroed first. */
    @Benchmark
    public double staticGradient() {
        Arrays.fill(dx, 0.0);
        return RosenbrockAdjoint.valueGrad(x, dx);
    }

    /** Tape adjoint, buffer zeroed first. */
    @Benchmark
    public double tapeGradient() {
        Arrays.fill(dx, 0.0);
        return RosenbrockAdjoint.valueTapeGrad(x, dx);
    }

    /** The hand-written gradient (it overwrites its buffer). */
    @Benchmark
    public double handGradient() {
        return Rosenbrock.gradient(x, dx);
    }
}
