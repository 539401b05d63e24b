package dev.adjoint.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a run ({@link ResultsReader}) and the questions the renderings ask of it ({@link Results}). */
class ResultsTest {

    private static Results read(Path dir, String... results) throws Exception {
        Path json = dir.resolve("jmh.json");
        Files.writeString(json, "[" + String.join(",", results) + "]", StandardCharsets.UTF_8);
        return ResultsReader.read(json);
    }

    @Test
    void readsNameSizeScoreAndAllocation(@TempDir Path dir) throws Exception {
        Results r = read(
                dir,
                GmmReportTest.result("GmmBench.objective", "size", "d10_K5", 1000, 500),
                GmmReportTest.result("GmmForwardModeBench.hipparchusGradient", "smallSize", "d10_K5", 300000, 1e8),
                GmmReportTest.result("GmmFiniteDifferencesBench.finiteDifferences", "fdSize", "d2_K5", 6000, 3e4));
        Result o = r.find("GmmBench.objective", "d10_K5");
        assertEquals(1000, o.score());
        assertTrue(Double.isNaN(o.error()), "a \"NaN\" error string reads as NaN");
        assertEquals("us/op", o.unit());
        assertEquals(500, o.bytesPerOp());
        assertEquals(List.of("-Xmx6g"), o.jvmArgs());
        assertEquals(
                "d10_K5", r.find("GmmForwardModeBench.hipparchusGradient", null).size());
        assertEquals(
                "d2_K5",
                r.find("GmmFiniteDifferencesBench.finiteDifferences", null).size());
        assertNull(r.find("GmmBench.objective", "d2_K5"));
    }

    @Test
    void ratiosDivideByTheObjectiveOfTheSameSize(@TempDir Path dir) throws Exception {
        Results r = read(
                dir,
                GmmReportTest.result("GmmBench.objective", "size", "d10_K5", 1000, 0),
                GmmReportTest.result("GmmBench.objective", "size", "d2_K10", 50, 0),
                GmmReportTest.result("GmmBench.objective", "size", "d2_K5", 100, 0),
                GmmReportTest.result("GmmBench.staticGradient", "size", "d2_K5", 250, 0),
                GmmReportTest.result("GmmBench.staticGradient", "size", "d10_K5", 3000, 0));
        assertEquals(List.of("d2_K5", "d2_K10", "d10_K5"), r.sizes(), "by D, then K, not as strings");
        assertEquals(2.5, r.ratio("GmmBench.staticGradient", "d2_K5"));
        assertEquals(3.0, r.ratio("GmmBench.staticGradient", "d10_K5"));
        assertTrue(Double.isNaN(r.ratio("GmmBench.staticGradient", "d2_K10")));
        assertEquals(
                2.75, Results.median(r.ratios("GmmBench.staticGradient", r.sizes())), "NaN is left out of the median");
    }

    @Test
    void sizesAndMedians() {
        assertEquals(30, Results.parameters("d2_K5"));
        assertEquals(5 + 50 + 275, Results.parameters("d10_K5"));
        assertThrows(IllegalArgumentException.class, () -> Results.dk("d10K5"));
        assertEquals(2.0, Results.median(Arrays.asList(3.0, 1.0, 2.0)));
        assertTrue(Double.isNaN(Results.median(List.of(Double.NaN))));
    }

    @Test
    void readsAllocationProbesLinesInFileOrder(@TempDir Path dir) throws Exception {
        Path tsv = dir.resolve("alloc.tsv");
        Files.writeString(
                tsv,
                "GmmBench.staticGradient\td2_K5\t0.0\nMlpBench.loss\t-\t12.5\nnot a line\n",
                StandardCharsets.UTF_8);
        Map<String, Double> m = ResultsReader.readAlloc(tsv);
        assertEquals(List.of("GmmBench.staticGradient@d2_K5", "MlpBench.loss@-"), List.copyOf(m.keySet()));
        assertEquals(12.5, m.get("MlpBench.loss@-"));
    }

    @Test
    void heapFromTheLastXmx() {
        assertEquals(6L << 30, MarkdownReport.heapBytes(List.of("-Xms1g", "-Xmx6g")));
        assertEquals(512L << 20, MarkdownReport.heapBytes(List.of("-Xmx6g", "-Xmx512m")));
        assertEquals(-1, MarkdownReport.heapBytes(List.of()));
    }
}
