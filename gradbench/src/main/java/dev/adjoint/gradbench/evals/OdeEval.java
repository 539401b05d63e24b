package dev.adjoint.gradbench.evals;

import dev.adjoint.gradbench.model.Ode;
import dev.adjoint.gradbench.model.OdeAdjoint;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code ode}: {@code primal} is the final state; {@code gradient} that of its last component, the
 * generated vector-Jacobian product with the one-hot seed {@code e_{n−1}}.
 */
final class OdeEval implements Eval {
    @Override
    public Call prepare(String function, Object input) {
        Map<String, Object> in = Inputs.object(input);
        double[] x = Inputs.numbers(in, "x").data();
        int s = Inputs.intField(in, "s");
        switch (function) {
            case "primal":
                return new Call() {
                    double[] y;

                    @Override
                    public void run() {
                        y = Ode.solve(x, s);
                    }

                    @Override
                    public Object output() {
                        return y;
                    }
                };
            case "gradient":
                double[] seed = new double[x.length];
                seed[x.length - 1] = 1.0;
                double[] dx = new double[x.length];
                return new Gradient(dx, () -> {
                    Arrays.fill(dx, 0.0);
                    OdeAdjoint.solveVjp(x, s, seed, dx);
                });
            default:
                throw Inputs.unknownFunction("ode", function);
        }
    }
}
