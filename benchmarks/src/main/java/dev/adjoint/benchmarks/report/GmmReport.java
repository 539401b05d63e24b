package dev.adjoint.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
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
        Map<String, String> opt = CommandLine.options(args);
        Path json = Path.of(CommandLine.required(opt, "json"));
        Results results = ResultsReader.read(json);
        if (results.isEmpty()) {
            throw new IllegalStateException(json + " holds no results");
        }
        String mode = opt.getOrDefault("mode", "");
        Map<String, Double> exact =
                opt.containsKey("alloc") ? ResultsReader.readAlloc(Path.of(opt.get("alloc"))) : Map.of();
        if (opt.containsKey("md")) {
            CommandLine.write(
                    Path.of(opt.get("md")),
                    MarkdownReport.render(
                            results, exact, mode, json.getFileName().toString(), opt.getOrDefault("note", "")));
        }
        if (opt.containsKey("svg")) {
            CommandLine.write(Path.of(opt.get("svg")), RatioPlot.render(results, mode));
        }
    }
}
