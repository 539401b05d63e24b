package dev.adjoint.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's command line: turns one JMH JSON result file ({@code -rf json}) of the benchmarks,
 * and optionally {@code AllocationProbe}'s TSV, into {@code results/gmm.md} and the plot
 * {@code docs/gmm-ratios.svg}. {@link ResultsReader} reads the files, {@link MarkdownReport} and
 * {@link RatioPlot} render them.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.adjoint.benchmarks.report.GmmReport \
 *     --json benchmarks/results/jmh-quick.json --md benchmarks/results/gmm.md --svg docs/gmm-ratios.svg \
 *     [--alloc benchmarks/results/alloc-quick.tsv] [--mode quick] [--note "free text"]
 * </pre>
 */
public final class GmmReport {
    private GmmReport() {}

    /** See the class comment. */
    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int a = 0; a + 1 < args.length; a += 2) {
            if (!args[a].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value pairs; got '" + args[a] + "'");
            }
            opt.put(args[a].substring(2), args[a + 1]);
        }
        Path json = Path.of(required(opt, "json"));
        Results results = ResultsReader.read(json);
        if (results.isEmpty()) {
            throw new IllegalStateException(json + " holds no results");
        }
        String mode = opt.getOrDefault("mode", "");
        Map<String, Double> exact =
                opt.containsKey("alloc") ? ResultsReader.readAlloc(Path.of(opt.get("alloc"))) : Map.of();
        if (opt.containsKey("md")) {
            write(
                    Path.of(opt.get("md")),
                    MarkdownReport.render(
                            results, exact, mode, json.getFileName().toString(), opt.getOrDefault("note", "")));
        }
        if (opt.containsKey("svg")) {
            write(Path.of(opt.get("svg")), RatioPlot.render(results, mode));
        }
    }

    private static String required(Map<String, String> opt, String name) {
        String v = opt.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    private static void write(Path file, String text) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }
}
