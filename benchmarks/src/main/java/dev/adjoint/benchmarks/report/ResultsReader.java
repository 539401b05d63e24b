package dev.adjoint.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a run's files: JMH's JSON ({@code -rf json}) and {@code AllocationProbe}'s TSV. */
final class ResultsReader {
    private ResultsReader() {}

    /** Reads JMH's JSON into results named {@code Class.method}, with the size taken from whichever size parameter the class has. */
    static Results read(Path json) throws IOException {
        List<Result> out = new ArrayList<>();
        for (Object o : Json.array(Json.parse(Files.readString(json, StandardCharsets.UTF_8)))) {
            Map<String, Object> r = Json.object(o);
            String benchmark = (String) r.get("benchmark");
            String[] parts = benchmark.split("\\.");
            String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
            Map<String, Object> params = Json.object(r.get("params"));
            String size = null;
            for (String p : new String[] {"size", "smallSize", "fdSize", "n"}) {
                if (params.get(p) instanceof String s) {
                    size = s;
                    break;
                }
            }
            Map<String, Object> primary = Json.object(r.get("primaryMetric"));
            Map<String, Object> secondary = Json.object(r.get("secondaryMetrics"));
            // older JMH versions name it with a leading '·'
            Map<String, Object> gc = Json.object(
                    secondary.containsKey("gc.alloc.rate.norm")
                            ? secondary.get("gc.alloc.rate.norm")
                            : secondary.get("·gc.alloc.rate.norm"));
            List<String> jvmArgs = new ArrayList<>();
            for (Object a : Json.array(r.get("jvmArgs"))) {
                jvmArgs.add(String.valueOf(a));
            }
            out.add(new Result(
                    name,
                    size,
                    Json.number(primary.get("score")),
                    Json.number(primary.get("scoreError")),
                    String.valueOf(primary.get("scoreUnit")),
                    gc.isEmpty() ? Double.NaN : Json.number(gc.get("score")),
                    jvmArgs,
                    r));
        }
        return new Results(out);
    }

    /** {@code AllocationProbe}'s lines, {@code name size bytes}, keyed {@code name@size}, in file order. */
    static Map<String, Double> readAlloc(Path tsv) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 3) {
                m.put(f[0] + "@" + f[1], Double.parseDouble(f[2]));
            }
        }
        return m;
    }
}
