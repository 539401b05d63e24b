package dev.adjoint.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The before/after report ({@link GeneratorsReport}) and the class-file reader it measures code with ({@link MethodSizes}). */
class GeneratorsReportTest {

    /** Methods whose bytecode the JVMS fixes: their lengths are known without reading a class file. */
    @SuppressWarnings("unused") // read as a class file, never called
    static final class Known {
        private Known() {}

        static int one() {
            return 1; // iconst_1, ireturn: 2 bytes
        }

        static double sum(double a, double b) {
            return a + b; // dload_0, dload_2, dadd, dreturn: 4 bytes
        }

        static int threeLines(int a) {
            int b = a + 1;
            b = b * 2;
            return b;
        }
    }

    @Test
    void methodSizesReadBytecodeLengthsAndLineSpans() {
        Map<String, MethodSizes.Method> m = MethodSizes.of(Known.class.getName()).stream()
                .collect(Collectors.toMap(MethodSizes.Method::name, Function.identity()));
        assertEquals(2, m.get("one").codeBytes());
        assertEquals(1, m.get("one").lines());
        assertEquals(4, m.get("sum").codeBytes());
        assertEquals("(DD)D", m.get("sum").descriptor());
        assertEquals(3, m.get("threeLines").lines(), "from the first statement to the return");
    }

    @Test
    void ratiosNewOverOldMediansAndTargets(@TempDir Path dir) throws Exception {
        String json = "["
                + String.join(
                        ",",
                        List.of(
                                GmmReportTest.result("GeneratorsBench.objective", "size", "d2_K5", 50, 0),
                                GmmReportTest.result("GeneratorsBench.staticOld", "size", "d2_K5", 100, 0),
                                GmmReportTest.result("GeneratorsBench.staticNew", "size", "d2_K5", 95, 0),
                                GmmReportTest.result("GeneratorsBench.tapeOld", "size", "d2_K5", 200, 0),
                                GmmReportTest.result("GeneratorsBench.tapeNew", "size", "d2_K5", 200, 0),
                                GmmReportTest.result("GeneratorsBench.objective", "size", "d10_K5", 500, 0),
                                GmmReportTest.result("GeneratorsBench.staticOld", "size", "d10_K5", 1000, 0),
                                GmmReportTest.result("GeneratorsBench.staticNew", "size", "d10_K5", 1040, 0),
                                GmmReportTest.result("GeneratorsBench.tapeOld", "size", "d10_K5", 2000, 0),
                                GmmReportTest.result("GeneratorsBench.tapeNew", "size", "d10_K5", 2040, 0),
                                GmmReportTest.result("GeneratorsBench.objective", "size", "d64_K10", 5000, 0),
                                GmmReportTest.result("GeneratorsBench.staticOld", "size", "d64_K10", 10000, 0),
                                GmmReportTest.result("GeneratorsBench.staticNew", "size", "d64_K10", 11200, 0),
                                // the new tape adjoint did not fit: no result
                                GmmReportTest.result("GeneratorsBench.tapeOld", "size", "d64_K10", 20000, 0)))
                + "]";
        Path file = dir.resolve("jmh.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        String md = GeneratorsReport.render(ResultsReader.read(file), "jmh.json", "c3bab75", "main", "");

        assertTrue(md.contains("| d10_K5 | 500 | 1,000 | 1,040 | 1.04× |"), md);
        assertTrue(md.contains("| d64_K10 | 5,000 | 20,000 | no result | – |"), md);
        // static: 0.95, 1.04, 1.12; tape: 1.00, 1.02 (d64_K10 left out)
        assertTrue(
                md.contains(
                        "Median over the sizes: **1.04×** (target ≤ 1.03×: missed); slowest size: d64_K10 at **1.12×**"
                                + " (target ≤ 1.10× for every size: missed)"),
                md);
        assertTrue(
                md.contains("Median over the sizes: **1.01×** (target ≤ 1.03×: met); slowest size: d10_K5 at **1.02×**"
                        + " (target ≤ 1.10× for every size: met)"),
                md);
        assertTrue(md.contains("| `objectiveVjp` |"), "the sizes of the generated methods: " + md);
    }

    @Test
    void forkSpreadIsTheLargestForkMeanOverTheSmallest(@TempDir Path dir) throws Exception {
        String json = "["
                + GmmReportTest.result("GeneratorsBench.staticOld", "size", "d2_K5", 105, 0)
                        .replace("[[1.0]]", "[[100.0,100.0],[110.0,110.0]]")
                + ","
                + GmmReportTest.result("GeneratorsBench.staticNew", "size", "d2_K5", 100, 0)
                        .replace("[[1.0]]", "[[100.0,100.0],[99.0,101.0],[102.0,102.0]]")
                + "]";
        Path file = dir.resolve("jmh.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        String md = GeneratorsReport.render(ResultsReader.read(file), "jmh.json", "old", "new", "");
        assertTrue(md.contains("| d2_K5 | – | 105 | 100 | 0.95× | +2.0% / +10.0% |"), md);
        // the tape was not run: no verdict on it, neither met nor missed
        String tape = md.substring(md.indexOf("## tape adjoint"), md.indexOf("## Generated code"));
        assertTrue(tape.contains("Not run: no size has both times"), tape);
        assertFalse(tape.contains("missed"), tape);
    }
}
