package dev.adjoint.generator.forward;

import dev.adjoint.DoubleGrad;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Rough cost of {@code Jvp} against the objective and of {@code Hvp} against {@code Grad} on the
 * extended Rosenbrock function (n = 10⁵), best of several timed runs after warm-up. Prints only;
 * runs with {@code -Dadjoint.tangentCost=true} (timings on a shared machine are not assertions).
 */
class TangentCostTest {
    private static final String SOURCE = """
            package fwd;

            import dev.adjoint.Differentiable;

            public class Rosen {
                @Differentiable
                public static double rosenbrock(double[] x) {
                    double s = 0;
                    for (int i = 0; i + 1 < x.length; i++) {
                        double a = x[i + 1] - x[i] * x[i];
                        double b = 1 - x[i];
                        s += 100 * a * a + b * b;
                    }
                    return s;
                }
            }
            """;

    @Test
    void jvpAndHvpCostOnRosenbrock() throws Exception {
        Assumptions.assumeTrue(
                Boolean.getBoolean("adjoint.tangentCost"), "timing only with -Dadjoint.tangentCost=true");
        Differentiated d = Differentiated.of("fwd.Rosen", SOURCE, Options.DEFAULT);
        Class<?> owner = d.loader().loadClass("fwd.Rosen");
        Class<?> adj = d.loader().loadClass("fwd.RosenAdjoint");
        Method f = owner.getMethod("rosenbrock", double[].class);
        Method grad = adj.getMethod("rosenbrockGrad", double[].class, double[].class);
        Method jvp = adj.getMethod("rosenbrockJvp", double[].class, double[].class, DoubleGrad.class);
        Method hvp = adj.getMethod("rosenbrockHvp", double[].class, double[].class, double[].class, double[].class);
        int n = 100_000;
        double[] x = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1;
            v[i] = Math.sin(i);
        }
        double[] g = new double[n];
        double[] hv = new double[n];
        DoubleGrad cell = new DoubleGrad();
        double tf = best(() -> f.invoke(null, x));
        double tg = best(() -> grad.invoke(null, x, g));
        double tj = best(() -> jvp.invoke(null, x, v, cell));
        double th = best(() -> hvp.invoke(null, x, v, g, hv));
        System.out.printf(
                "rosenbrock n=%d: f %.3f ms, grad %.3f ms (%.2fx f), jvp %.3f ms (%.2fx f), hvp %.3f ms (%.2fx grad)%n",
                n, tf, tg, tg / tf, tj, tj / tf, th, th / tg);
    }

    interface Run {
        void run() throws Exception;
    }

    private static double best(Run r) throws Exception {
        for (int i = 0; i < 200; i++) {
            r.run();
        }
        double best = Double.MAX_VALUE;
        for (int k = 0; k < 20; k++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                r.run();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 10 / 1e6);
        }
        return best;
    }
}
