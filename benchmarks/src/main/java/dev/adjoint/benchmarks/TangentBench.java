package dev.adjoint.benchmarks;

import dev.adjoint.DoubleGrad;
import dev.adjoint.benchmarks.gmm.GmmData;
import dev.adjoint.benchmarks.gmm.GmmForwardMode;
import dev.adjoint.benchmarks.gmm.GmmHandTangent;
import dev.adjoint.benchmarks.rosenbrock.Rosenbrock;
import dev.adjoint.benchmarks.rosenbrock.RosenbrockAdjoint;
import dev.adjoint.benchmarks.rosenbrock.RosenbrockForwardMode;
import dev.adjoint.samples.gmm.Gmm;
import dev.adjoint.samples.gmm.GmmAdjoint;
import dev.adjoint.samples.gmm.GmmInput;
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
 * Forward mode and Hessian-vector products against the objective and the gradient, in one run
 * (issue 17's targets: {@code Jvp ≤ 2×} the objective, {@code Hvp ≤ 4×} the gradient), and the
 * generated {@code Jvp} against Hipparchus' forward mode along the same direction ({@code Gradient}
 * of one free parameter), and against the hand-written tangents. Problems: the extended Rosenbrock function, n = 10⁶, and the ADBench GMM
 * at d = 10, K = 25, N = 1000. Each benchmark checks its derivative once against another.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class TangentBench {
    @Param({"rosenbrock", "gmm_d10_K25"})
    public String problem;

    private double[] x;
    private double[] u;
    private double[] g;
    private double[] hv;
    private GmmInput in;
    private double[][] gmmDirection;
    private double[][] gmmGrad;
    private double[][] gmmHv;
    private final DoubleGrad out = new DoubleGrad();

    @Setup(Level.Trial)
    public void setup() {
        Random r = new Random(20261205L);
        if (problem.equals("rosenbrock")) {
            double[][] xu = rosenbrockPointAndDirection(r);
            x = xu[0];
            u = xu[1];
            g = new double[x.length];
            hv = new double[x.length];
        } else {
            in = GmmData.load("d10_K25", "generated");
            gmmDirection = new double[][] {
                random(in.alphas().length, r), random(in.means().length, r), random(in.icf().length, r)
            };
            gmmGrad = new double[][] {
                new double[in.alphas().length], new double[in.means().length], new double[in.icf().length]
            };
            gmmHv = new double[][] {
                new double[in.alphas().length], new double[in.means().length], new double[in.icf().length]
            };
        }
        // the generated tangent and Hipparchus agree on ∇f·u
        Agreement.require(
                problem + " Jvp against Hipparchus", new double[] {jvp()}, new double[] {hipparchusJvp()}, 1e-9);
        Agreement.require(
                problem + " Jvp against the hand-written tangent",
                new double[] {jvp()},
                new double[] {handJvp()},
                1e-9);
    }

    /** Rosenbrock's point, uniform on [−2, 2), and direction, uniform on [−1, 1), n = 10⁶, drawn from {@code r}. */
    static double[][] rosenbrockPointAndDirection(Random r) {
        int n = 1_000_000;
        double[] x = new double[n];
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 4 * r.nextDouble() - 2;
            u[i] = 2 * r.nextDouble() - 1;
        }
        return new double[][] {x, u};
    }

    private static double[] random(int n, Random r) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return v;
    }

    @Benchmark
    public double objective() {
        return problem.equals("rosenbrock")
                ? Rosenbrock.value(x)
                : Gmm.objective(in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), in.n(), in.gamma(), in.m());
    }

    @Benchmark
    public double gradient() {
        if (problem.equals("rosenbrock")) {
            Arrays.fill(g, 0);
            return RosenbrockAdjoint.valueGrad(x, g);
        }
        for (double[] b : gmmGrad) {
            Arrays.fill(b, 0);
        }
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
                gmmGrad[0],
                gmmGrad[1],
                gmmGrad[2]);
    }

    /** The derivative along u (returned so that it is not dead code). */
    @Benchmark
    public double jvp() {
        if (problem.equals("rosenbrock")) {
            RosenbrockAdjoint.valueJvp(x, u, out);
        } else {
            GmmAdjoint.objectiveJvp(
                    in.alphas(),
                    in.means(),
                    in.icf(),
                    in.x(),
                    in.d(),
                    in.k(),
                    in.n(),
                    in.gamma(),
                    in.m(),
                    gmmDirection[0],
                    gmmDirection[1],
                    gmmDirection[2],
                    out);
        }
        return out.get();
    }

    @Benchmark
    public double hvp() {
        if (problem.equals("rosenbrock")) {
            Arrays.fill(g, 0);
            Arrays.fill(hv, 0);
            return RosenbrockAdjoint.valueHvp(x, u, g, hv);
        }
        for (double[][] bs : new double[][][] {gmmGrad, gmmHv}) {
            for (double[] b : bs) {
                Arrays.fill(b, 0);
            }
        }
        return GmmAdjoint.objectiveHvp(
                in.alphas(),
                in.means(),
                in.icf(),
                in.x(),
                in.d(),
                in.k(),
                in.n(),
                in.gamma(),
                in.m(),
                gmmDirection[0],
                gmmDirection[1],
                gmmDirection[2],
                gmmGrad[0],
                gmmGrad[1],
                gmmGrad[2],
                gmmHv[0],
                gmmHv[1],
                gmmHv[2]);
    }

    /**
     * The hand-written tangent ({@link Rosenbrock#tangent}, {@link GmmHandTangent#jvp}): the floor
     * for the generated {@code Jvp}; the GMM's computes the part of its tangent that is the same for
     * every point once per component.
     */
    @Benchmark
    public double handJvp() {
        if (problem.equals("rosenbrock")) {
            Rosenbrock.tangent(x, u, out);
        } else {
            GmmHandTangent.jvp(in, gmmDirection[0], gmmDirection[1], gmmDirection[2], out);
        }
        return out.get();
    }

    /** Hipparchus forward mode along the same direction. */
    @Benchmark
    public double hipparchusJvp() {
        return problem.equals("rosenbrock")
                ? RosenbrockForwardMode.along(x, u).getGradient()[0]
                : GmmForwardMode.along(in, gmmDirection[0], gmmDirection[1], gmmDirection[2])
                        .getGradient()[0];
    }
}
