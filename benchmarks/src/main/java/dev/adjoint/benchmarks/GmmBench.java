package dev.adjoint.benchmarks;

import dev.adjoint.benchmarks.gmm.GmmData;
import dev.adjoint.benchmarks.gmm.GmmObjectiveTape;
import dev.adjoint.benchmarks.gmm.GmmObjectiveTapeAdjoint;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The ADBench GMM at every size of the 1k set: the objective and three gradients of it, measured in
 * the same JMH run so that their ratios are fair. The gradients reuse their buffers and zero them
 * inside the measured method (zeroing is part of a gradient's cost).
 *
 * <ul>
 *   <li>{@code objective}: the samples' plain Java method ({@link Gmm#objective});</li>
 *   <li>{@code staticGradient}: the samples build's static adjoint of it ({@link GmmAdjoint});</li>
 *   <li>{@code tapeGradient}: this build's tape adjoint of the same body ({@link GmmObjectiveTape});</li>
 *   <li>{@code handGradient}: the samples' closed-form gradient written by hand ({@link GmmGradient}).</li>
 * </ul>
 *
 * <p>The annotations hold the quick settings ({@code run.sh quick}); {@code run.sh full} overrides
 * them from the command line.
 *
 * <p>The static and tape adjoints keep {@code O(N·K·D²)} values alive per call; where that does not fit
 * in the fork's heap the setup skips the benchmark with the estimate (see {@link Footprint}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class GmmBench {
    /** ADBench's size name {@code d{D}_K{K}}; N = 1000. */
    @Param({
        "d2_K5", "d2_K10", "d2_K25", "d2_K50", "d2_K100",
        "d10_K5", "d10_K10", "d10_K25", "d10_K50", "d10_K100",
        "d20_K5", "d20_K10", "d20_K25", "d20_K50", "d20_K100",
        "d32_K5", "d32_K10", "d32_K25", "d32_K50", "d32_K100",
        "d64_K5", "d64_K10", "d64_K25", "d64_K50", "d64_K100"
    })
    public String size;

    /** {@code generated} (ADBench's rule, fixed seed: see {@link GmmData}) or a directory of ADBench's files. */
    @Param("generated")
    public String data;

    private GmmInput in;
    private double[] alphas;
    private double[] means;
    private double[] icf;
    private double[] x;
    private int d;
    private int k;
    private int n;
    private double gamma;
    private int m;
    private double[] dAlphas;
    private double[] dMeans;
    private double[] dIcf;
    private double[] out;

    /** Loads the input, skips what does not fit, and checks the measured gradient once against the hand-written one. */
    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        in = GmmData.load(size, data);
        alphas = in.alphas();
        means = in.means();
        icf = in.icf();
        x = in.x();
        d = in.d();
        k = in.k();
        n = in.n();
        gamma = in.gamma();
        m = in.m();
        dAlphas = new double[alphas.length];
        dMeans = new double[means.length];
        dIcf = new double[icf.length];
        out = new double[in.parameterCount()];

        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (method.equals("staticGradient")) {
            Footprint.require("the static adjoint", size, Footprint.staticStackBytes(in));
        } else if (method.equals("tapeGradient")) {
            Footprint.require("the tape adjoint", size, Footprint.tapeBytes(in));
        }
        if (!method.equals("objective")) {
            double[] hand = new double[in.parameterCount()];
            GmmGradient.gradient(in, hand);
            switch (method) {
                case "staticGradient" -> staticGradient();
                case "tapeGradient" -> tapeGradient();
                default -> handGradient();
            }
            double[] measured = method.equals("handGradient") ? out.clone() : Agreement.concat(dAlphas, dMeans, dIcf);
            Agreement.require(method + " at " + size, measured, hand, 1e-6);
        }
    }

    /** The objective alone: the denominator of every ratio. */
    @Benchmark
    public double objective() {
        return Gmm.objective(alphas, means, icf, x, d, k, n, gamma, m);
    }

    /**
     * Value and gradient by the static adjoint, buffers zeroed first. Its generated method is one
     * large method (about 5 KB of bytecode) that runs few times per second, so C2 compiles it late:
     * it gets eight warm-up seconds instead of three.
     */
    @Benchmark
    @Warmup(iterations = 8, time = 1)
    public double staticGradient() {
        Arrays.fill(dAlphas, 0.0);
        Arrays.fill(dMeans, 0.0);
        Arrays.fill(dIcf, 0.0);
        return GmmAdjoint.objectiveGrad(alphas, means, icf, x, d, k, n, gamma, m, dAlphas, dMeans, dIcf);
    }

    /** Value and gradient by the tape adjoint, buffers zeroed first; warmed up like {@link #staticGradient}. */
    @Benchmark
    @Warmup(iterations = 8, time = 1)
    public double tapeGradient() {
        Arrays.fill(dAlphas, 0.0);
        Arrays.fill(dMeans, 0.0);
        Arrays.fill(dIcf, 0.0);
        return GmmObjectiveTapeAdjoint.objectiveGrad(alphas, means, icf, x, d, k, n, gamma, m, dAlphas, dMeans, dIcf);
    }

    /** Value and gradient by the hand-written closed form (it overwrites its buffer). */
    @Benchmark
    public double handGradient() {
        return GmmGradient.gradient(in, out);
    }
}
