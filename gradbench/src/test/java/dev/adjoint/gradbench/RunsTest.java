package dev.adjoint.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.gradbench.evals.Call;
import dev.adjoint.gradbench.json.Timings;
import org.junit.jupiter.api.Test;

class RunsTest {
    /** Counts its runs. */
    private static final class Counting implements Call {
        int runs;

        @Override
        public void run() {
            runs++;
        }

        @Override
        public Object output() {
            return runs;
        }
    }

    @Test
    void warmupMakesAtLeastItsMinimumNumberOfCallsThenStopsAtItsLimit() {
        Counting call = new Counting();
        Timings t = new Runs(50, 10.0, 0.0, 1_000).time(call, 3, 0);
        assertEquals(53, call.runs, "50 warm-up calls, then min_runs");
        assertEquals(4, t.size());
        assertEquals("warmup", t.name(0));
        assertEquals("evaluate", t.name(3));

        call = new Counting();
        new Runs(50, 10.0, 10.0, 200).time(call, 1, 0);
        assertEquals(201, call.runs, "then up to maxCalls while within the seconds");
    }

    @Test
    void warmupNeverPassesItsTimeCapButMakesOneCall() {
        Counting call = new Counting();
        new Runs(1_000_000, 0.0, 10.0, 1_000_000).time(call, 2, 0);
        assertEquals(3, call.runs, "one warm-up call, then min_runs");
    }
}
