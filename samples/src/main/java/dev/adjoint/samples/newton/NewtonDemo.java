package dev.adjoint.samples.newton;

import java.io.PrintStream;

/** Newton–CG on the extended Rosenbrock function, n = 10⁶, with the build's {@code rosenbrockGrad} and {@code rosenbrockHvp}. */
public final class NewtonDemo {
    private NewtonDemo() {}

    /** The generated derivatives of {@link TestFunctions#rosenbrock}, as Newton–CG takes them. */
    public static final NewtonCg.Objective ROSENBROCK = new NewtonCg.Objective() {
        @Override
        public double valueAndGradient(double[] x, double[] g) {
            return TestFunctionsAdjoint.rosenbrockGrad(x, g);
        }

        @Override
        public void hessianTimes(double[] x, double[] v, double[] g, double[] hv) {
            TestFunctionsAdjoint.rosenbrockHvp(x, v, g, hv);
        }
    };

    public static void main(String[] args) {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000);
    }

    /** Minimises the n-dimensional extended Rosenbrock function from the standard start, logging each iteration. */
    public static NewtonCg.Result run(PrintStream out, int n) {
        out.println("Newton-CG, extended Rosenbrock, n = " + n + ", from (-1.2, 1, -1.2, 1, ...)");
        long start = System.nanoTime();
        NewtonCg.Result r = NewtonCg.minimize(ROSENBROCK, TestFunctions.rosenbrockStart(n), 1e-8, 100, out);
        out.printf(
                "  reached |grad| = %.3e in %d Newton iterations, %d Hessian-vector products, %.2f s%n",
                r.gradientNorm(), r.iterations(), r.hessianProducts(), (System.nanoTime() - start) / 1e9);
        return r;
    }
}
