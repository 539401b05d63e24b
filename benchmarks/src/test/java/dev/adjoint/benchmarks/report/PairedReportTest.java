package dev.adjoint.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The interleaved report ({@link PairedReport}): ratios within a round, medians over rounds and sizes. */
class PairedReportTest {

    /** Three rounds at two sizes, the old fork of one round at the machine's slow level. */
    private static final String RUN = """
            {"strategy": "static", "warmup": "5 x 1 s", "measured": "3 x 1 s", "jdk": "17",
             "loadBefore": "0.1", "loadAfter": "1.9", "forks": [
              {"round": 1, "size": "d2_K5", "benchmark": "staticNew", "mean": 100.0, "iterations": [100.0]},
              {"round": 1, "size": "d2_K5", "benchmark": "staticOld", "mean": 100.0, "iterations": [100.0]},
              {"round": 2, "size": "d2_K5", "benchmark": "staticOld", "mean": 150.0, "iterations": [150.0]},
              {"round": 2, "size": "d2_K5", "benchmark": "staticNew", "mean": 102.0, "iterations": [102.0]},
              {"round": 3, "size": "d2_K5", "benchmark": "staticNew", "mean": 104.0, "iterations": [104.0]},
              {"round": 3, "size": "d2_K5", "benchmark": "staticOld", "mean": 100.0, "iterations": [100.0]},
              {"round": 1, "size": "d10_K5", "benchmark": "staticNew", "mean": 200.0, "iterations": [200.0]},
              {"round": 1, "size": "d10_K5", "benchmark": "staticOld", "mean": 160.0, "iterations": [160.0]},
              {"round": 2, "size": "d10_K5", "benchmark": "staticOld", "mean": 160.0, "iterations": [160.0]},
              {"round": 2, "size": "d10_K5", "benchmark": "staticNew", "mean": 200.0, "iterations": [200.0]},
              {"round": 3, "size": "d10_K5", "benchmark": "staticNew", "mean": 240.0, "iterations": [240.0]},
              {"round": 3, "size": "d10_K5", "benchmark": "staticOld", "mean": 240.0, "iterations": [240.0]}
            ]}
            """;

    @Test
    void eachRoundIsARatioAndTheMedianDropsTheRoundASlowPhaseSplit() {
        String md = PairedReport.render(Json.object(Json.parse(RUN)), "run.json", "c3bab75", "main", "");
        // d2_K5: rounds 1.00, 0.68, 1.04 → median 1.00 (the mean of the forks would say 0.88)
        assertTrue(md.contains("| d2_K5 | 3 | 100 | 102 | 1.00 0.68 1.04 | **1.00×** |"), md);
        // d10_K5: rounds 1.25, 1.25, 1.00 → 1.25, which misses the per-size target
        assertTrue(md.contains("| d10_K5 | 3 | 160 | 200 | 1.25 1.25 1.00 | **1.25×** |"), md);
        // median over two sizes: their mean, 1.125
        assertTrue(md.contains("Median over the sizes: **1.13×** (target ≤ 1.03×: missed)"), md);
        assertTrue(md.contains("slowest size: d10_K5 at **1.25×** (target ≤ 1.10× for every size: missed)"), md);
    }

    @Test
    void aSizeWithoutItsOldForksIsNotJudged() {
        Map<String, Object> run = Json.object(Json.parse(RUN.replace("staticOld", "staticNew")));
        String md = PairedReport.render(run, "run.json", "c3bab75", "main", "");
        assertTrue(md.contains("No size has both times"), md);
    }
}
