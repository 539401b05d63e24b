package dev.adjoint.gradbench.evals;

import java.util.LinkedHashMap;
import java.util.Map;

/** The modules this tool answers {@code define} for, by GradBench's names. */
public final class Evals {
    private Evals() {}

    public static Map<String, Eval> all() {
        Map<String, Eval> evals = new LinkedHashMap<>();
        evals.put("hello", new HelloEval());
        evals.put("gmm", new GmmEval());
        evals.put("lse", new LseEval());
        evals.put("llsq", new LlsqEval());
        evals.put("det", new DetEval());
        evals.put("ode", new OdeEval());
        evals.put("kmeans", new KMeansEval());
        evals.put("lstm", new LstmEval());
        evals.put("ba", new BaEval());
        evals.put("ht", new HtEval());
        String nested = "needs nested derivatives (forward over reverse, reverse over forward, ... of a "
                + "function that itself takes a derivative), which Adjoint does not generate yet";
        evals.put("particle", new NotYet(nested));
        evals.put("saddle", new NotYet(nested));
        return evals;
    }

    /** A module {@code define} answers with {@code success: false} and why. */
    record NotYet(String why) implements Eval {
        @Override
        public String unsupported() {
            return why;
        }

        @Override
        public Call prepare(String function, Object input) {
            throw new IllegalArgumentException(why);
        }
    }
}
