package dev.adjoint.gradbench.evals;

import dev.adjoint.gradbench.model.Llsq;
import dev.adjoint.gradbench.model.LlsqAdjoint;
import java.util.Arrays;
import java.util.Map;

/** {@code llsq}: {@code primal} and its generated {@code gradient}. */
final class LlsqEval implements Eval {
    @Override
    public Call prepare(String function, Object input) {
        Map<String, Object> in = Inputs.object(input);
        double[] x = Inputs.numbers(in, "x").data();
        int n = Inputs.intField(in, "n");
        switch (function) {
            case "primal":
                return new Scalar(() -> Llsq.residual(x, n));
            case "gradient":
                double[] dx = new double[x.length];
                return new Gradient(dx, () -> {
                    Arrays.fill(dx, 0.0);
                    LlsqAdjoint.residualGrad(x, n, dx);
                });
            default:
                throw Inputs.unknownFunction("llsq", function);
        }
    }
}
