package dev.adjoint.gradbench;

import dev.adjoint.gradbench.evals.Call;
import dev.adjoint.gradbench.json.Timings;

/**
 * How a function is timed: JIT warm-up calls first (reported together as one {@code warmup}
 * entry, not scored), then at least {@code min_runs} calls and until {@code min_seconds} have
 * accumulated, each timed alone (one {@code evaluate} entry per call, the function only: no JSON).
 *
 * <p>Warm-up runs at least {@code minCalls} calls (HotSpot compiles a method with C2 only after some
 * hundreds of invocations, whatever its loops did: a generated gradient that takes milliseconds
 * stays in C1 code for its first second of calls), then goes on until {@code seconds} have passed
 * or {@code maxCalls} calls have been made; it never goes past {@code maxSeconds}.
 *
 * @param minCalls warm up with at least this many calls ...
 * @param maxSeconds ... unless this much time has passed first
 * @param seconds then until this much time has passed ...
 * @param maxCalls ... or this many calls have been made
 */
public record Runs(int minCalls, double maxSeconds, double seconds, int maxCalls) {
    /**
     * 2,000 calls (C2 compiles after 600 to 5,000 invocations), within 5 s; then up to a second or
     * 100,000 calls, enough for a small method too.
     */
    public static final Runs DEFAULT = new Runs(2_000, 5.0, 1.0, 100_000);

    /** The timings of {@code call}: one {@code warmup} entry, then one {@code evaluate} entry per timed run. */
    public Timings time(Call call, int minRuns, double minSeconds) {
        Timings timings = new Timings();
        long cap = (long) (maxSeconds * 1e9);
        long budget = (long) (seconds * 1e9);
        long spent = 0;
        int calls = 0;
        do {
            spent += timed(call);
            calls++;
        } while (spent < cap && (calls < minCalls || spent < budget && calls < maxCalls));
        timings.add("warmup", spent); // one entry for all warm-up calls: they are not scored
        long runBudget = (long) (minSeconds * 1e9);
        spent = 0;
        for (int i = 0; i < minRuns || spent < runBudget; i++) {
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
