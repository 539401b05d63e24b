package dev.adjoint.benchmarks;

import dev.adjoint.benchmarks.plain.PlainJava;
import dev.adjoint.benchmarks.plain.PlainJavaAdjoint;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ordinary Java against the same computation written for the generator (issue 15's target: the
 * gradients within 1.05× of each other): a dot product with an input guard and without
 * (n = 10,000), a logistic loss calling plain helpers and inlined by hand (n = 2,000 rows, d = 16).
 * One run; the setup checks that each pair's gradients agree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class PlainJavaBench {
    static final int DOT = 10_000;
    static final int ROWS = 2_000;
    static final int D = 16;

    private double[] w;
    private double[] x;
    private double[] dw;
    private double[] lw;
    private double[] table;
    private double[] labels;
    private double[] dlw;

    @Setup(Level.Trial)
    public void setup() {
        Random r = new Random(15);
        w = r.doubles(DOT, -1, 1).toArray();
        x = r.doubles(DOT, -1, 1).toArray();
        dw = new double[DOT];
        lw = r.doubles(D + 1, -0.5, 0.5).toArray();
        table = r.doubles((long) ROWS * D, -1, 1).toArray();
        labels = r.ints(ROWS, 0, 2).mapToDouble(b -> 2.0 * b - 1).toArray();
        dlw = new double[D + 1];
        guardedGradient();
        double[] guarded = dw.clone();
        dotGradient();
        Agreement.require("guarded dot product", guarded, dw, 1e-12);
        helpersGradient();
        double[] helpers = dlw.clone();
        inlinedGradient();
        Agreement.require("logistic loss with helpers", helpers, dlw, 1e-12);
    }

    @Benchmark
    public double guardedGradient() {
        Arrays.fill(dw, 0);
        return PlainJavaAdjoint.guardedDotGrad(w, x, dw);
    }

    @Benchmark
    public double dotGradient() {
        Arrays.fill(dw, 0);
        return PlainJavaAdjoint.dotGrad(w, x, dw);
    }

    @Benchmark
    public double dotObjective() {
        return PlainJava.dot(w, x);
    }

    @Benchmark
    public double helpersGradient() {
        Arrays.fill(dlw, 0);
        return PlainJavaAdjoint.logisticWithHelpersGrad(lw, table, labels, ROWS, D, dlw);
    }

    @Benchmark
    public double inlinedGradient() {
        Arrays.fill(dlw, 0);
        return PlainJavaAdjoint.logisticGrad(lw, table, labels, ROWS, D, dlw);
    }

    @Benchmark
    public double logisticObjective() {
        return PlainJava.logistic(lw, table, labels, ROWS, D);
    }
}
