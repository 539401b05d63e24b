package dev.adjoint.gradbench.evals;

import dev.adjoint.gradbench.json.Numbers;
import dev.adjoint.gradbench.model.Gmm;
import dev.adjoint.gradbench.model.GmmAdjoint;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code gmm}: {@code objective} and its generated gradient ({@code jacobian}, one row). */
final class GmmEval implements Eval {
    @Override
    public Call prepare(String function, Object input) {
        Map<String, Object> in = Inputs.object(input);
        int d = Inputs.intField(in, "d");
        int k = Inputs.intField(in, "k");
        int n = Inputs.intField(in, "n");
        int m = Inputs.intField(in, "m");
        double gamma = Inputs.doubleField(in, "gamma");
        double[] alpha = Inputs.numbers(in, "alpha").data();
        double[] mu = Inputs.numbers(in, "mu").data();
        double[] q = Inputs.numbers(in, "q").data();
        double[] l = Inputs.numbers(in, "l").data();
        double[] x = Inputs.numbers(in, "x").data();
        int lSize = d * (d - 1) / 2;
        check("alpha", alpha, k);
        check("mu", mu, k * d);
        check("q", q, k * d);
        check("l", l, k * lSize);
        check("x", x, n * d);
        switch (function) {
            case "objective":
                return new Scalar(() -> Gmm.objective(alpha, mu, q, l, x, d, k, n, gamma, m));
            case "jacobian":
                double[] dAlpha = new double[k];
                double[] dMu = new double[k * d];
                double[] dQ = new double[k * d];
                double[] dL = new double[k * lSize];
                return new Call() {
                    @Override
                    public void run() {
                        Arrays.fill(dAlpha, 0.0);
                        Arrays.fill(dMu, 0.0);
                        Arrays.fill(dQ, 0.0);
                        Arrays.fill(dL, 0.0);
                        GmmAdjoint.objectiveGrad(alpha, mu, q, l, x, d, k, n, gamma, m, dAlpha, dMu, dQ, dL);
                    }

                    @Override
                    public Object output() {
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("alpha", dAlpha);
                        out.put("mu", Numbers.matrix(dMu, k, d));
                        out.put("q", Numbers.matrix(dQ, k, d));
                        out.put("l", Numbers.matrix(dL, k, lSize));
                        return out;
                    }
                };
            default:
                throw Inputs.unknownFunction("gmm", function);
        }
    }

    private static void check(String name, double[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(
                    "'" + name + "' has " + values.length + " numbers, expected " + expected);
        }
    }
}
