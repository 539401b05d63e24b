package dev.adjoint.gradbench.evals;

import dev.adjoint.gradbench.model.Lse;
import dev.adjoint.gradbench.model.LseAdjoint;
import java.util.Arrays;

/** {@code lse}: {@code primal} and its generated {@code gradient}. */
final class LseEval implements Eval {
    @Override
    public Call prepare(String function, Object input) {
        double[] x = Inputs.numbers(Inputs.object(input), "x").data();
        switch (function) {
            case "primal":
                return new Scalar(() -> Lse.logsumexp(x));
            case "gradient":
                double[] dx = new double[x.length];
                return new Gradient(dx, () -> {
                    Arrays.fill(dx, 0.0);
                    LseAdjoint.logsumexpGrad(x, dx);
                });
            default:
                throw Inputs.unknownFunction("lse", function);
        }
    }
}
