package dev.adjoint.benchmarks;

import dev.adjoint.benchmarks.mlp.Mlp;
import dev.adjoint.benchmarks.mlp.MlpAdjoint;
import dev.adjoint.benchmarks.mlp.ObjectMlp;
import dev.adjoint.benchmarks.mlp.ObjectMlpAdjoint;
import dev.adjoint.benchmarks.mlp.ObjectMlpGrad;
import java.util.Arrays;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The small MLP loss ({@link Mlp}: 16 → 32 tanh → 4, batch 64, 676 weights): loss, static and tape
 * adjoints, the same network as an object ({@link ObjectMlp}, {@code wrt = "this"}), hand-written
 * backpropagation, in one run. Data from {@code Mlp.problem(20261125)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class MlpBench {
    private double[] w;
    private double[] xs;
    private double[] ts;
    private double[] dw;
    private final double[] h = new double[Mlp.HIDDEN];
    private final double[] dh = new double[Mlp.HIDDEN];
    private ObjectMlp model;
    private ObjectMlpGrad grad;

    /** Builds the problem and checks the measured gradient once against backpropagation by hand. */
    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        double[][] p = Mlp.problem(20261125L);
        w = p[0];
        xs = p[1];
        ts = p[2];
        dw = new double[w.length];
        model = new ObjectMlp(w, Mlp.IN, Mlp.HIDDEN, Mlp.OUT);
        grad = ObjectMlpGrad.like(model);
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (!method.equals("loss")) {
            double[] hand = new double[w.length];
            Mlp.gradient(
                    w,
                    xs,
                    ts,
                    Mlp.BATCH,
                    Mlp.IN,
                    Mlp.HIDDEN,
                    Mlp.OUT,
                    hand,
                    new double[Mlp.HIDDEN],
                    new double[Mlp.HIDDEN]);
            switch (method) {
                case "staticGradient" -> staticGradient();
                case "tapeGradient" -> tapeGradient();
                case "objectGradient" -> {
                    objectGradient();
                    System.arraycopy(ObjectMlp.flat(grad), 0, dw, 0, dw.length);
                }
                default -> handGradient();
            }
            Agreement.require("MLP " + method, dw, hand, 1e-9);
        }
    }

    /** The loss alone. */
    @Benchmark
    public double loss() {
        return Mlp.loss(w, xs, ts, Mlp.BATCH, Mlp.IN, Mlp.HIDDEN, Mlp.OUT);
    }

    /** Static adjoint, buffer zeroed first. */
    @Benchmark
    public double staticGradient() {
        Arrays.fill(dw, 0.0);
        return MlpAdjoint.lossGrad(w, xs, ts, Mlp.BATCH, Mlp.IN, Mlp.HIDDEN, Mlp.OUT, dw);
    }

    /**
     * The same network as an object with private fields, {@code wrt = "this"}: gradient object
     * zeroed first (the cost of the object against {@link #staticGradient}).
     */
    @Benchmark
    public double objectGradient() {
        grad.zero();
        return ObjectMlpAdjoint.lossGrad(model, xs, ts, Mlp.BATCH, grad);
    }

    /** Tape adjoint, buffer zeroed first. */
    @Benchmark
    public double tapeGradient() {
        Arrays.fill(dw, 0.0);
        return MlpAdjoint.lossTapeGrad(w, xs, ts, Mlp.BATCH, Mlp.IN, Mlp.HIDDEN, Mlp.OUT, dw);
    }

    /** Backpropagation by hand (it overwrites its buffer). */
    @Benchmark
    public double handGradient() {
        return Mlp.gradient(w, xs, ts, Mlp.BATCH, Mlp.IN, Mlp.HIDDEN, Mlp.OUT, dw, h, dh);
    }
}
