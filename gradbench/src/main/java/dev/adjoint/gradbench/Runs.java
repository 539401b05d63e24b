package dev.adjoint.gradbench;

import dev.adjoint.gradbench.evals.Call;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a function is timed: JIT warm-up calls first (reported as {@code warmup}, not scored), then
 * at least {@code min_runs} calls and until {@code min_seconds} have accumulated, each timed alone
 * (one {@code evaluate} entry per call, the function only: no JSON).
 *
 * @param warmupSeconds warm up until this much time has passed ...
 * @param warmupCalls ... or this many calls have been made, whichever comes first (at least one)
 */
public record Runs(double warmupSeconds, int warmupCalls) {
    /** Enough for the JIT to compile the hot loops (they are OSR-compiled within a few calls). */
    public static final Runs DEFAULT = new Runs(1.0, 1000);

    /** The timings of {@code call}: {@code warmup} entries, then {@code evaluate} entries. */
    public List<Map<String, Object>> time(Call call, int minRuns, double minSeconds) {
        List<Map<String, Object>> timings = new ArrayList<>();
        long warmupBudget = (long) (warmupSeconds * 1e9);
        long spent = 0;
        for (int i = 0; i < Math.max(1, warmupCalls) && (i == 0 || spent < warmupBudget); i++) {
            spent += timed(call);
        }
        timings.add(timing("warmup", spent)); // one entry for all warm-up calls: they are not scored
        long budget = (long) (minSeconds * 1e9);
        spent = 0;
        for (int i = 0; i < minRuns || spent < budget; i++) {
            long t = timed(call);
            spent += t;
            timings.add(timing("evaluate", t));
        }
        return timings;
    }

    private static long timed(Call call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static Map<String, Object> timing(String name, long nanoseconds) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("nanoseconds", nanoseconds);
        return t;
    }
}
