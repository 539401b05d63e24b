package dev.adjoint.gradbench.evals;

import dev.adjoint.gradbench.json.Numbers;
import dev.adjoint.gradbench.model.Lstm;
import dev.adjoint.gradbench.model.LstmAdjoint;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code lstm}: {@code objective}, and {@code jacobian}: the generated gradient over
 * {@code main_params} then {@code extra_params}, each row by row, as one flat array.
 */
final class LstmEval implements Eval {
    @Override
    public Call prepare(String function, Object input) {
        Map<String, Object> in = Inputs.object(input);
        Numbers main = Inputs.numbers(in, "main_params");
        Numbers extra = Inputs.numbers(in, "extra_params");
        Numbers state = Inputs.numbers(in, "state");
        Numbers sequence = Inputs.numbers(in, "sequence");
        int l = main.length() / 2;
        int b = main.columns() / 4;
        int c = sequence.length();
        if (extra.length() != 3
                || extra.columns() != b
                || state.length() != 2 * l
                || state.columns() != b
                || sequence.columns() != b) {
            throw new IllegalArgumentException("lstm input shapes disagree: main_params "
                    + Arrays.toString(main.shape())
                    + ", extra_params " + Arrays.toString(extra.shape()) + ", state " + Arrays.toString(state.shape())
                    + ", sequence " + Arrays.toString(sequence.shape()));
        }
        double[] mainParams = main.data();
        double[] extraParams = extra.data();
        double[] s = state.data();
        double[] seq = sequence.data();
        switch (function) {
            case "objective":
                return new Scalar(() -> Lstm.loss(mainParams, extraParams, s, seq, l, c, b));
            case "jacobian":
                double[] dMain = new double[mainParams.length];
                double[] dExtra = new double[extraParams.length];
                double[] out = new double[mainParams.length + extraParams.length];
                return new Gradient(out, () -> {
                    Arrays.fill(dMain, 0.0);
                    Arrays.fill(dExtra, 0.0);
                    LstmAdjoint.lossGrad(mainParams, extraParams, s, seq, l, c, b, dMain, dExtra);
                    System.arraycopy(dMain, 0, out, 0, dMain.length);
                    System.arraycopy(dExtra, 0, out, dMain.length, dExtra.length);
                });
            default:
                throw Inputs.unknownFunction("lstm", function);
        }
    }
}
