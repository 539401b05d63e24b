package dev.adjoint.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The report generator on a small hand-made JMH JSON file: the table, the targets, a well-formed SVG. */
class GmmReportTest {

    static String result(String benchmark, String paramName, String size, double score, double bytes) {
        return """
                {"jmhVersion":"1.37","benchmark":"dev.adjoint.benchmarks.%s","mode":"avgt","threads":1,"forks":1,
                 "jvmArgs":["-Xmx6g"],"jdkVersion":"17","vmName":"OpenJDK","vmVersion":"17",
                 "warmupIterations":3,"warmupTime":"1 s","measurementIterations":3,"measurementTime":"500 ms",
                 "params":{"data":"generated","%s":"%s"},
                 "primaryMetric":{"score":%s,"scoreError":"NaN","scoreUnit":"us/op","rawData":[[1.0]]},
                 "secondaryMetrics":{"·gc.alloc.rate.norm":{"score":%s,"scoreError":0.0,"scoreUnit":"B/op"}}}
                """.formatted(benchmark, paramName, size, score, bytes);
    }

    @Test
    void writesTableTargetsAndPlot(@TempDir Path dir) throws Exception {
        String json = "["
                + String.join(
                        ",",
                        List.of(
                                result("GmmBench.objective", "size", "d2_K5", 100, 500),
                                result("GmmBench.staticGradient", "size", "d2_K5", 200, 0),
                                result("GmmBench.tapeGradient", "size", "d2_K5", 900, 0),
                                result("GmmBench.handGradient", "size", "d2_K5", 190, 600),
                                result("GmmForwardModeBench.hipparchusGradient", "smallSize", "d2_K5", 5000, 1e6),
                                result("GmmFiniteDifferencesBench.finiteDifferences", "fdSize", "d2_K5", 6000, 3e4),
                                result("GmmBench.objective", "size", "d10_K5", 1000, 500),
                                result("GmmBench.staticGradient", "size", "d10_K5", 2000, 0),
                                result("GmmBench.handGradient", "size", "d10_K5", 1900, 600),
                                result("GmmForwardModeBench.hipparchusGradient", "smallSize", "d10_K5", 300000, 1e8),
                                result("RosenbrockBench.objective", "n", "1000000", 1000, 0),
                                result("RosenbrockBench.staticGradient", "n", "1000000", 3000, 0)))
                + "]";
        Path in = dir.resolve("jmh.json");
        Files.writeString(in, json, StandardCharsets.UTF_8);
        Path md = dir.resolve("gmm.md");
        Path svg = dir.resolve("plot.svg");
        Path alloc = dir.resolve("alloc.tsv");
        Files.writeString(
                alloc,
                "GmmBench.objective\td2_K5\t272.0\nGmmBench.staticGradient\td2_K5\t544.0\n"
                        + "RosenbrockBench.staticGradient\t1000000\t0.0\n",
                StandardCharsets.UTF_8);
        GmmReport.main(new String[] {
            "--json",
            in.toString(),
            "--md",
            md.toString(),
            "--svg",
            svg.toString(),
            "--mode",
            "test",
            "--alloc",
            alloc.toString()
        });

        String text = Files.readString(md);
        assertTrue(text.contains("| d2_K5 | 2 | 5 | 30 | 100 | 2.00× | 9.00× | 1.90× | 50.0× | 60.0× | 1.05× |"), text);
        assertTrue(text.contains("| d10_K5 | 10 | 5 | 330 |"), text);
        assertTrue(text.contains("static adjoint, median ≤ 2.5 × objective | 2.00× | **met**"), text);
        assertTrue(text.contains("150× faster"), text);
        assertTrue(text.contains("tape adjoint at d10_K5"), "a missing tape result is listed: " + text);
        assertTrue(text.contains("| Rosenbrock | 1,000 |"), text);
        assertTrue(text.contains("| 0 B/op for a static gradient call | GMM d2_K5 544, Rosenbrock 0 B/call"), text);
        assertTrue(text.contains("**missed**"), text);
        assertTrue(text.contains("| GMM d2_K5 | 272 | 544 | – | – |"), text);

        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(svg)));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        String plot = Files.readString(svg);
        assertTrue(plot.contains("Tapenade 3.17×") && plot.contains("CoDiPack 17.4×"), plot);
        assertTrue(plot.contains("static adjoint (median 2.00×)"), plot);
    }

    @Test
    void writesOnlyWhatIsAskedAndRejectsBadArguments(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("jmh.json");
        Files.writeString(
                in, "[" + result("GmmBench.objective", "size", "d2_K5", 100, 500) + "]", StandardCharsets.UTF_8);
        Path md = dir.resolve("only.md");
        GmmReport.main(new String[] {"--json", in.toString(), "--md", md.toString()});
        assertTrue(Files.readString(md).startsWith("# GMM: gradient time / objective time\n"));
        assertFalse(Files.exists(dir.resolve("plot.svg")));

        assertThrows(
                IllegalArgumentException.class,
                () -> GmmReport.main(new String[] {"--md", md.toString()}),
                "--json is required");
        assertThrows(IllegalArgumentException.class, () -> GmmReport.main(new String[] {"json", in.toString()}));
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "[]", StandardCharsets.UTF_8);
        assertThrows(IllegalStateException.class, () -> GmmReport.main(new String[] {"--json", empty.toString()}));
    }
}
