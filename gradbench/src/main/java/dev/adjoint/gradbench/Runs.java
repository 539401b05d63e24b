package dev.adjoint.gradbench;

import dev.adjoint.gradbench.evals.Call;
import dev.adjoint.gradbench.json.Timings;

/**
 * How a function is timed: JIT warm-up calls first (reported as {@code warmup}, not scored), then
 * at least {@code min_runs} calls and until {@code min_seconds} have accumulated, each timed alone
 * (one {@code evaluate} entry per call, the function only: no JSON).
 *
 * @param warmupSeconds warm up until this much time has passed ...
 * @param warmupCalls ... or this many calls have been made, whichever comes first (at least one)
 */
public record Runs(double warmupSeconds, int warmupCalls) {
    /**
     * A second of warm-up, or 100,000 calls when the function is fast: enough for C2 to compile a
     * small method (about 10,000 invocations) and the hot loops of a large one (OSR).
     */
    public static final Runs DEFAULT = new Runs(1.0, 100_000);

    /** The timings of {@code call}: one {@code warmup} entry, then one {@code evaluate} entry per timed run. */
    public Timings time(Call call, int minRuns, double minSeconds) {
        Timings timings = new Timings();
        long warmupBudget = (long) (warmupSeconds * 1e9);
        long spent = 0;
        for (int i = 0; i < Math.max(1, warmupCalls) && (i == 0 || spent < warmupBudget); i++) {
            spent += timed(call);
        }
        timings.add("warmup", spent); // one entry for all warm-up calls: they are not scored
        long budget = (long) (minSeconds * 1e9);
        spent = 0;
        for (int i = 0; i < minRuns || spent < budget; i++) {
            long t = timed(call);
            spent += t;
            timings.add("evaluate", t);
        }
        return timings;
    }

    private static long timed(Call call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }
}
