package dev.adjoint.benchmarks;

import dev.adjoint.benchmarks.report.CommandLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@link GeneratorsBench}'s new and old adjoints measured in alternation: one JMH run (driven through
 * JMH's {@link Runner}) made of rounds, each timing one fork of the new and one of the old adjoint at
 * every size, back to back, the order swapped from round to round. Each round's new / old is then a
 * ratio of two times measured seconds apart.
 *
 * <p>Why: on the 2-core machines this project runs on, a fork's times jump between two levels about
 * 1.5× apart and stay at either for minutes, whatever runs ({@code benchmarks/results/wave21-generators.md}
 * shows it: in one fork 4,200 µs, in the next 6,800 µs, the same code). One JMH invocation measures
 * all of {@code staticNew} before all of {@code staticOld}, so the level it happens to be at in each
 * half decides the ratio. Alternating forks puts both sides of a ratio in the same minute; the median
 * over rounds ({@code report.PairedReport}) then drops the rounds a level change split.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.adjoint.benchmarks.InterleavedRuns \
 *     --rounds 7 --strategy static --json benchmarks/results/jmh-wave21-interleaved.json \
 *     [--sizes d2_K5,d10_K5] [--warmup 5] [--iterations 3]
 * </pre>
 *
 * Each fork: {@code --warmup} × 1 s of warm-up, {@code --iterations} × 1 s measured, {@code -Xmx6g}.
 * The file holds, per round, size and side, the fork's mean and its iterations.
 */
public final class InterleavedRuns {
    private InterleavedRuns() {}

    /** See the class comment. */
    public static void main(String[] args) throws IOException, RunnerException {
        Map<String, String> opt = CommandLine.options(args);
        Path file = Path.of(CommandLine.required(opt, "json"));
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "8"));
        String strategy = opt.getOrDefault("strategy", "static");
        if (!strategy.equals("static") && !strategy.equals("tape")) {
            throw new IllegalArgumentException("--strategy is static or tape; got '" + strategy + "'");
        }
        List<String> sizes = List.of(opt.getOrDefault("sizes", "d2_K5,d10_K5,d10_K25,d20_K50,d64_K10")
                .split(","));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "5"));
        int iterations = Integer.parseInt(opt.getOrDefault("iterations", "3"));

        StringBuilder json = new StringBuilder();
        json.append("{\n  \"strategy\": \"").append(strategy).append("\",\n");
        json.append("  \"warmup\": \"").append(warmup).append(" x 1 s\",\n");
        json.append("  \"measured\": \"").append(iterations).append(" x 1 s\",\n");
        json.append("  \"jdk\": \"").append(System.getProperty("java.version")).append("\",\n");
        json.append("  \"loadBefore\": \"").append(loadAverage()).append("\",\n");
        json.append("  \"forks\": [\n");
        boolean first = true;
        for (int round = 0; round < rounds; round++) {
            for (String size : sizes) {
                String[] sides = round % 2 == 0 ? new String[] {"New", "Old"} : new String[] {"Old", "New"};
                for (String side : sides) {
                    String bench = strategy + side;
                    List<Double> its = fork(bench, size, warmup, iterations);
                    double mean = its.stream()
                            .mapToDouble(Double::doubleValue)
                            .average()
                            .orElse(Double.NaN);
                    System.out.printf(Locale.ROOT, "round %d  %-8s %-9s %12.1f us/op%n", round + 1, size, bench, mean);
                    json.append(first ? "" : ",\n")
                            .append(String.format(
                                    Locale.ROOT,
                                    "    {\"round\": %d, \"size\": \"%s\", \"benchmark\": \"%s\", \"mean\": %.3f,"
                                            + " \"iterations\": [%s]}",
                                    round + 1,
                                    size,
                                    bench,
                                    mean,
                                    String.join(
                                            ", ",
                                            its.stream()
                                                    .map(v -> String.format(Locale.ROOT, "%.3f", v))
                                                    .toList())));
                    first = false;
                }
            }
        }
        json.append("\n  ],\n  \"loadAfter\": \"").append(loadAverage()).append("\"\n}\n");
        CommandLine.write(file, json.toString());
    }

    /** One fork of {@code GeneratorsBench.bench} at {@code size}: its measured iterations, µs/op. */
    private static List<Double> fork(String bench, String size, int warmup, int iterations) throws RunnerException {
        Options o = new OptionsBuilder()
                .include("dev\\.adjoint\\.benchmarks\\.GeneratorsBench\\." + bench + "$")
                .param("size", size)
                .forks(1)
                .warmupIterations(warmup)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx6g")
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(o).run();
        List<Double> out = new ArrayList<>();
        for (RunResult r : results) {
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult it : b.getIterationResults()) {
                    out.add(it.getPrimaryResult().getScore());
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(bench + " at " + size + " gave no result (skipped: see its setup)");
        }
        return out;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return f.length < 3 ? "unknown" : f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
