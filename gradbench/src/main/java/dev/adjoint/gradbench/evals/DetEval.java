package dev.adjoint.gradbench.evals;

import dev.adjoint.gradbench.model.Det;
import dev.adjoint.gradbench.model.DetAdjoint;
import java.util.Arrays;
import java.util.Map;

/** {@code det}: {@code primal} and its generated {@code gradient}, row-major. */
final class DetEval implements Eval {
    @Override
    public Call prepare(String function, Object input) {
        Map<String, Object> in = Inputs.object(input);
        double[] a = Inputs.numbers(in, "A").data();
        int ell = Inputs.intField(in, "ell");
        if (a.length != ell * ell) {
            throw new IllegalArgumentException("'A' has " + a.length + " numbers, not ell² = " + ell * ell);
        }
        switch (function) {
            case "primal":
                return new Scalar(() -> Det.det(a, ell));
            case "gradient":
                double[] da = new double[a.length];
                return new Gradient(da, () -> {
                    Arrays.fill(da, 0.0);
                    DetAdjoint.detGrad(a, ell, da);
                });
            default:
                throw Inputs.unknownFunction("det", function);
        }
    }
}
