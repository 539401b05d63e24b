package dev.adjoint.benchmarks.report;

import dev.adjoint.benchmarks.Footprint;
import dev.adjoint.benchmarks.gmm.GmmData;
import dev.adjoint.samples.gmm.GmmInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one JMH JSON result file ({@code -rf json}) of the benchmarks into {@code results/gmm.md}
 * (per size: parameter count, the objective's time and every method's time ratio to it, the targets,
 * allocation per call, Rosenbrock and MLP) and the plot {@code docs/gmm-ratios.svg} (gradient /
 * objective per size, one line per method, the field's medians as reference lines).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.adjoint.benchmarks.report.GmmReport \
 *     --json benchmarks/results/jmh-quick.json --md benchmarks/results/gmm.md --svg docs/gmm-ratios.svg \
 *     [--mode quick] [--note "free text"]
 * </pre>
 *
 * Ratios divide by the objective of the same size measured in the same run, never across runs.
 */
public final class GmmReport {
    /** GradBench nightly 2026 (N = 1k) medians of gradient / objective time, from the ADBench README. */
    static final String[] FIELD_NAMES = {"hand-written C++", "Tapenade", "Enzyme", "CoDiPack"};
    static final double[] FIELD_MEDIANS = {2.22, 3.17, 6.91, 17.4};

    /** The methods, in table order: JMH benchmark (class.method) → label. */
    static final Map<String, String> GMM_METHODS = new LinkedHashMap<>();

    static {
        GMM_METHODS.put("GmmBench.staticGradient", "static adjoint");
        GMM_METHODS.put("GmmBench.tapeGradient", "tape adjoint");
        GMM_METHODS.put("GmmBench.handGradient", "hand-written");
        GMM_METHODS.put("GmmForwardModeBench.hipparchusGradient", "Hipparchus forward");
        GMM_METHODS.put("GmmFiniteDifferencesBench.finiteDifferences", "finite differences");
    }

    static final String OBJECTIVE = "GmmBench.objective";
    private static final Pattern SIZE = Pattern.compile("d(\\d+)_K(\\d+)");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");

    /** One benchmark result. */
    record Result(String name, String size, double score, double error, String unit, double bytesPerOp,
            List<String> jvmArgs, Map<String, Object> raw) {}

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
        List<Result> results = read(json);
        if (results.isEmpty()) {
            throw new IllegalStateException(json + " holds no results");
        }
        String mode = opt.getOrDefault("mode", "");
        Map<String, Double> exact = opt.containsKey("alloc") ? readAlloc(Path.of(opt.get("alloc"))) : Map.of();
        if (opt.containsKey("md")) {
            write(Path.of(opt.get("md")), markdown(results, exact, mode, json.getFileName().toString(), opt.getOrDefault("note", "")));
        }
        if (opt.containsKey("svg")) {
            write(Path.of(opt.get("svg")), svg(results, mode));
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

    /** Reads JMH's JSON into results named {@code Class.method}, with the size taken from whichever size parameter the class has. */
    static List<Result> read(Path json) throws IOException {
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
            Map<String, Object> gc = Json.object(secondary.containsKey("gc.alloc.rate.norm")
                    ? secondary.get("gc.alloc.rate.norm") : secondary.get("·gc.alloc.rate.norm"));
            List<String> jvmArgs = new ArrayList<>();
            for (Object a : Json.array(r.get("jvmArgs"))) {
                jvmArgs.add(String.valueOf(a));
            }
            out.add(new Result(name, size, Json.number(primary.get("score")), Json.number(primary.get("scoreError")),
                    String.valueOf(primary.get("scoreUnit")), gc.isEmpty() ? Double.NaN : Json.number(gc.get("score")), jvmArgs, r));
        }
        return out;
    }

    /** {@code AllocationProbe}'s lines, {@code name size bytes}, keyed {@code name@size}. */
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

    /** GMM, Rosenbrock, MLP: the problem a benchmark class times. */
    static String problem(String benchmarkClass) {
        return switch (benchmarkClass) {
            case "MlpBench" -> "MLP";
            case "RosenbrockBench" -> "Rosenbrock";
            default -> "GMM";
        };
    }

    static Result find(List<Result> results, String name, String size) {
        for (Result r : results) {
            if (r.name().equals(name) && (size == null || size.equals(r.size()))) {
                return r;
            }
        }
        return null;
    }

    /** GMM sizes that have an objective, ordered by D then K. */
    static List<String> sizes(List<Result> results) {
        TreeSet<String> set = new TreeSet<>(Comparator.comparingInt((String s) -> dk(s)[0]).thenComparingInt(s -> dk(s)[1]));
        for (Result r : results) {
            if (r.name().equals(OBJECTIVE)) {
                set.add(r.size());
            }
        }
        return new ArrayList<>(set);
    }

    static int[] dk(String size) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a GMM size: " + size);
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    static int parameters(String size) {
        int[] dk = dk(size);
        return dk[1] + dk[1] * dk[0] + dk[1] * GmmInput.icfSize(dk[0]);
    }

    /** time(method at size) / time(objective at size), or NaN. */
    static double ratio(List<Result> results, String method, String size) {
        Result m = find(results, method, size);
        Result o = find(results, OBJECTIVE, size);
        if (m == null || o == null || !m.unit().equals(o.unit())) {
            return Double.NaN;
        }
        return m.score() / o.score();
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>();
        for (double x : values) {
            if (!Double.isNaN(x)) {
                v.add(x);
            }
        }
        if (v.isEmpty()) {
            return Double.NaN;
        }
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : 0.5 * (v.get(n / 2 - 1) + v.get(n / 2));
    }

    static List<Double> ratios(List<Result> results, String method, List<String> sizes) {
        List<Double> out = new ArrayList<>();
        for (String s : sizes) {
            out.add(ratio(results, method, s));
        }
        return out;
    }

    // ------------------------------------------------------------------ markdown

    static String markdown(List<Result> results, Map<String, Double> exact, String mode, String jsonName, String note) {
        List<String> sizes = sizes(results);
        Result any = results.get(0);
        Map<String, Object> raw = any.raw();
        StringBuilder b = new StringBuilder();
        b.append("# GMM: gradient time / objective time").append(mode.isEmpty() ? "" : " (" + mode + " mode)").append("\n\n");
        b.append("Generated by `benchmarks/run.sh").append(mode.isEmpty() ? "" : " " + mode).append("` from `benchmarks/results/")
                .append(jsonName).append("` by `dev.adjoint.benchmarks.report.GmmReport`; do not edit by hand.\n\n");
        b.append("* JMH ").append(raw.get("jmhVersion")).append(", ").append(raw.get("vmName")).append(' ')
                .append(raw.get("vmVersion")).append(" (JDK ").append(raw.get("jdkVersion")).append("), ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, JVM arguments `")
                .append(String.join(" ", any.jvmArgs())).append("`.\n");
        b.append("* Per benchmark: ").append(fmtInt(raw.get("forks"))).append(" fork; warm-up ")
                .append(settings(results, "warmupIterations", "warmupTime")).append("; measured ")
                .append(settings(results, "measurementIterations", "measurementTime")).append("; mode ").append(raw.get("mode"))
                .append(". `±` is JMH's 99.9% confidence half-width.\n");
        Object data = Json.object(raw.get("params")).get("data");
        b.append("* Inputs: ").append("generated".equals(data) || data == null
                ? "ADBench's 1k shapes (N = 1000), generated by ADBench's rule (alphas, icf, x ~ N(0,1); means ~ U[0,1); "
                        + "6 decimals; γ = 1, m = 0) from `java.util.Random`, seed " + GmmData.DEFAULT_SEED + " (see `GmmData`)."
                : "ADBench's files from `" + data + "`.").append('\n');
        b.append("* Every gradient was checked once against the hand-written one (rtol 1e-6; finite differences 1e-4) before it was timed.\n");
        if (!note.isBlank()) {
            b.append("* ").append(note.strip()).append('\n');
        }
        b.append('\n');

        // main table
        b.append("| size | D | K | parameters | objective (µs) |");
        for (String label : GMM_METHODS.values()) {
            b.append(' ').append(label).append(" |");
        }
        b.append(" static / hand-written |\n|---|--:|--:|--:|--:|");
        b.append("--:|".repeat(GMM_METHODS.size() + 1)).append('\n');
        List<Double> staticOverHand = new ArrayList<>();
        for (String s : sizes) {
            int[] dk = dk(s);
            Result o = find(results, OBJECTIVE, s);
            b.append("| ").append(s).append(" | ").append(dk[0]).append(" | ").append(dk[1]).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", parameters(s))).append(" | ")
                    .append(time(o)).append(" |");
            for (String m : GMM_METHODS.keySet()) {
                double r = ratio(results, m, s);
                b.append(' ').append(Double.isNaN(r) ? missing(results, m, s) : times(r)).append(" |");
            }
            double sh = find(results, "GmmBench.staticGradient", s) != null && find(results, "GmmBench.handGradient", s) != null
                    ? find(results, "GmmBench.staticGradient", s).score() / find(results, "GmmBench.handGradient", s).score()
                    : Double.NaN;
            staticOverHand.add(sh);
            b.append(' ').append(Double.isNaN(sh) ? "–" : times(sh)).append(" |\n");
        }
        b.append("| **median** | | | | |");
        for (String m : GMM_METHODS.keySet()) {
            double med = median(ratios(results, m, sizes));
            b.append(' ').append(Double.isNaN(med) ? "–" : "**" + times(med) + "**").append(" |");
        }
        double medSH = median(staticOverHand);
        b.append(' ').append(Double.isNaN(medSH) ? "–" : "**" + times(medSH) + "**").append(" |\n\n");
        b.append("Medians are over the sizes where the method ran; – : not part of this method's sizes (forward mode: d2_K5 and d10_K5, "
                + "finite differences: d2_K5); ² : not in the results, see *Not measured* below. The field's medians of gradient / objective "
                + "(GradBench nightly 2026, N = 1k, each tool against its own language's objective): ");
        for (int i = 0; i < FIELD_NAMES.length; i++) {
            b.append(i == 0 ? "" : ", ").append(FIELD_NAMES[i]).append(' ').append(FIELD_MEDIANS[i]);
        }
        b.append("; finite differences ≈ the parameter count.\n\n");

        // targets
        b.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        double medStatic = median(ratios(results, "GmmBench.staticGradient", sizes));
        double medTape = median(ratios(results, "GmmBench.tapeGradient", sizes));
        target(b, "static adjoint, median ≤ 2.5 × objective", medStatic, medStatic <= 2.5, times(medStatic));
        target(b, "static adjoint, median ≤ 1.15 × hand-written", medSH, medSH <= 1.15, times(medSH));
        target(b, "tape adjoint, median ≤ 12 × objective", medTape, medTape <= 12, times(medTape));
        Result hip = find(results, "GmmForwardModeBench.hipparchusGradient", "d10_K5");
        Result st = find(results, "GmmBench.staticGradient", "d10_K5");
        double speedup = hip != null && st != null ? hip.score() / st.score() : Double.NaN;
        target(b, "static ≥ 100 × faster than Hipparchus forward at d10_K5", speedup, speedup >= 100,
                Double.isNaN(speedup) ? "–" : String.format(Locale.ROOT, "%s faster (%s vs %s µs)", times(speedup), num(hip.score()), num(st.score())));
        StringBuilder allocs = new StringBuilder();
        boolean zero = true;
        boolean anyAlloc = false;
        if (!exact.isEmpty()) {
            for (Map.Entry<String, Double> e : exact.entrySet()) {
                if (e.getKey().contains(".staticGradient@")) {
                    anyAlloc = true;
                    zero &= e.getValue() == 0.0;
                    String[] k = e.getKey().split("@");
                    allocs.append(allocs.length() == 0 ? "" : ", ").append(problem(k[0].substring(0, k[0].indexOf('.'))))
                            .append(k[1].equals("-") || k[1].equals("1000000") ? "" : " " + k[1]).append(' ').append(bytes(e.getValue()));
                }
            }
            allocs.append(" B/call (exact, `AllocationProbe`)");
        } else {
            for (Result r : results) {
                if (r.name().endsWith(".staticGradient") && !Double.isNaN(r.bytesPerOp())) {
                    anyAlloc = true;
                    zero &= r.bytesPerOp() < 1;
                    allocs.append(allocs.length() == 0 ? "" : ", ").append(problem(r.name().substring(0, r.name().indexOf('.'))))
                            .append(r.size() == null || r.size().equals("1000000") ? "" : " " + r.size()).append(' ').append(bytes(r.bytesPerOp()));
                }
            }
            allocs.append(" B/op (JMH -prof gc)");
        }
        target(b, "0 B/op for a static gradient call", anyAlloc ? 0 : Double.NaN, zero, anyAlloc ? allocs.toString() : "not measured");
        b.append('\n');

        // allocation
        if (!exact.isEmpty()) {
            b.append("## Allocation per call, exact (`AllocationProbe`: ThreadMXBean around warm calls, bytes per call)\n\n");
            b.append("| problem | objective | static adjoint | tape adjoint | hand-written |\n|---|--:|--:|--:|--:|\n");
            List<String> rows = new ArrayList<>();
            for (String key : exact.keySet()) {
                String[] k = key.split("@");
                String row = k[0].substring(0, k[0].indexOf('.')) + "@" + k[1];
                if (!rows.contains(row)) {
                    rows.add(row);
                }
            }
            for (String row : rows) {
                String[] k = row.split("@");
                String cls = k[0];
                String objective = cls.equals("MlpBench") ? "loss" : "objective";
                b.append("| ").append(problem(cls)).append(k[1].equals("-") || k[1].equals("1000000") ? "" : " " + k[1]);
                for (String m : new String[] {objective, "staticGradient", "tapeGradient", "handGradient"}) {
                    Double v = exact.get(cls + "." + m + "@" + k[1]);
                    b.append(" | ").append(v == null ? "–" : bytes(v));
                }
                b.append(" |\n");
            }
            b.append('\n');
        }
        if (anyAlloc) {
            b.append("## Allocation per call, JMH (`-prof gc`, gc.alloc.rate.norm, B/op)\n\nJMH divides its own per-iteration allocations "
                    + "by the calls in the iteration, so calls of milliseconds show a floor of up to a few KB that is not theirs; "
                    + "the exact table above has no such floor.\n\n| size | objective |");
            for (String label : GMM_METHODS.values()) {
                b.append(' ').append(label).append(" |");
            }
            b.append("\n|---|--:|").append("--:|".repeat(GMM_METHODS.size())).append('\n');
            for (String s : sizes) {
                b.append("| ").append(s).append(" | ").append(alloc(find(results, OBJECTIVE, s))).append(" |");
                for (String m : GMM_METHODS.keySet()) {
                    b.append(' ').append(alloc(find(results, m, s))).append(" |");
                }
                b.append('\n');
            }
            b.append('\n');
        }

        // Rosenbrock and MLP
        b.append("## Rosenbrock (n = 1,000,000) and a small MLP (16 → 32 tanh → 4, batch 64, 676 weights)\n\n");
        b.append("| problem | objective (µs) | static adjoint | tape adjoint | hand-written | static / hand-written |\n");
        b.append("|---|--:|--:|--:|--:|--:|\n");
        for (String[] p : new String[][] {{"Rosenbrock", "RosenbrockBench", "objective"}, {"MLP", "MlpBench", "loss"}}) {
            Result o = find(results, p[1] + "." + p[2], null);
            if (o == null) {
                continue;
            }
            b.append("| ").append(p[0]).append(" | ").append(time(o)).append(" |");
            for (String m : new String[] {"staticGradient", "tapeGradient", "handGradient"}) {
                Result r = find(results, p[1] + "." + m, null);
                b.append(' ').append(r == null ? "–" : times(r.score() / o.score())).append(" |");
            }
            Result rs = find(results, p[1] + ".staticGradient", null);
            Result rh = find(results, p[1] + ".handGradient", null);
            b.append(' ').append(rs == null || rh == null ? "–" : times(rs.score() / rh.score())).append(" |\n");
        }
        b.append("\nAllocation per call of these: see the allocation tables.\n\n");

        // skipped
        List<String> skipped = new ArrayList<>();
        long heap = heapBytes(any.jvmArgs());
        for (String s : sizes) {
            int[] dk = dk(s);
            for (String[] m : new String[][] {{"GmmBench.staticGradient", "static adjoint", "stack"}, {"GmmBench.tapeGradient", "tape adjoint", "tape"}}) {
                if (find(results, m[0], s) == null) {
                    long need = m[2].equals("stack") ? Footprint.staticStackBytes(GmmData.N_1K, dk[1], dk[0])
                            : Footprint.tapeBytes(GmmData.N_1K, dk[1], dk[0]);
                    skipped.add(m[1] + " at " + s + ": ~" + Footprint.gb(need) + " of " + m[2] + " per call (up to "
                            + Footprint.gb(2 * need) + " while it grows)"
                            + (heap > 0 && !Footprint.fits(need, heap) ? ", more than the heap (" + Footprint.gb(heap) + ") allows" : ""));
                }
            }
        }
        if (!skipped.isEmpty()) {
            b.append("## Not measured\n\nThe static and tape adjoints keep `O(N·K·D²)` values alive per call (estimates from "
                    + "`Footprint`); a benchmark whose estimate does not fit in the fork's heap is skipped in its setup, with this "
                    + "message in the JMH log. Rerun with `HEAP=16g benchmarks/run.sh ...` on a machine with the memory.\n\n");
            for (String s : skipped) {
                b.append("* ").append(s).append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The most common "iterations × time" setting, with the benchmarks that differ from it. */
    static String settings(List<Result> results, String iterations, String time) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (Result r : results) {
            String key = fmtInt(r.raw().get(iterations)) + " × " + r.raw().get(time);
            by.computeIfAbsent(key, x -> new ArrayList<>()).add(r.name());
        }
        String common = null;
        for (Map.Entry<String, List<String>> e : by.entrySet()) {
            if (common == null || e.getValue().size() > by.get(common).size()) {
                common = e.getKey();
            }
        }
        StringBuilder b = new StringBuilder(common);
        for (Map.Entry<String, List<String>> e : by.entrySet()) {
            if (!e.getKey().equals(common)) {
                b.append(" (").append(e.getKey()).append(" for ").append(String.join(", ", new TreeSet<>(e.getValue()))).append(')');
            }
        }
        return b.toString();
    }

    private static void target(StringBuilder b, String what, double value, boolean met, String shown) {
        b.append("| ").append(what).append(" | ").append(shown).append(" | ")
                .append(Double.isNaN(value) ? "not measured" : met ? "**met**" : "**missed**").append(" |\n");
    }

    private static String missing(List<Result> results, String method, String size) {
        if (method.startsWith("GmmForwardModeBench") || method.startsWith("GmmFiniteDifferencesBench")) {
            return "–";
        }
        return "not run²";
    }

    static long heapBytes(List<String> jvmArgs) {
        long heap = -1;
        for (String a : jvmArgs) {
            Matcher m = XMX.matcher(a);
            if (m.matches()) {
                long v = Long.parseLong(m.group(1));
                heap = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "k" -> v << 10;
                    case "m" -> v << 20;
                    case "g" -> v << 30;
                    default -> v;
                };
            }
        }
        return heap;
    }

    private static String fmtInt(Object o) {
        double d = Json.number(o);
        return Double.isNaN(d) ? String.valueOf(o) : String.valueOf((long) d);
    }

    static String time(Result r) {
        if (r == null) {
            return "–";
        }
        String unit = r.unit().equals("us/op") ? "" : " " + r.unit();
        return num(r.score()) + (Double.isNaN(r.error()) ? "" : " ± " + num(r.error())) + unit;
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String times(double r) {
        if (Double.isNaN(r)) {
            return "–";
        }
        return (r >= 100 ? String.format(Locale.ROOT, "%,.0f", r) : r >= 10 ? String.format(Locale.ROOT, "%.1f", r)
                : String.format(Locale.ROOT, "%.2f", r)) + "×";
    }

    static String bytes(double b) {
        return Double.isNaN(b) ? "–" : String.format(Locale.ROOT, "%,.0f", b);
    }

    private static String alloc(Result r) {
        return r == null ? "–" : bytes(r.bytesPerOp());
    }

    // ------------------------------------------------------------------ SVG

    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"};

    static String svg(List<Result> results, String mode) {
        List<String> sizes = sizes(results);
        int width = 960;
        int height = 600;
        int left = 70;
        int right = 170;
        int top = 60;
        int bottom = 160;
        int pad = 30; // between the frame and the first and last size
        double plotW = width - left - right;
        double plotH = height - top - bottom;

        double lo = 1;
        double hi = 10;
        for (String m : GMM_METHODS.keySet()) {
            for (double r : ratios(results, m, sizes)) {
                if (!Double.isNaN(r)) {
                    lo = Math.min(lo, r);
                    hi = Math.max(hi, r);
                }
            }
        }
        for (double f : FIELD_MEDIANS) {
            hi = Math.max(hi, f);
        }
        double logLo = Math.floor(Math.log10(lo));
        double logHi = Math.ceil(Math.log10(hi));
        if (logHi - logLo < 1) {
            logHi = logLo + 1;
        }
        final double fLogLo = logLo;
        final double fLogHi = logHi;
        java.util.function.DoubleUnaryOperator y = v -> top + plotH * (fLogHi - Math.log10(v)) / (fLogHi - fLogLo);
        java.util.function.IntToDoubleFunction x = i -> left + pad + (sizes.size() == 1 ? (plotW - 2 * pad) / 2
                : (plotW - 2 * pad) * i / (sizes.size() - 1.0));

        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n", width, height, width, height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">GMM gradient time / objective time"
                + "%s, ADBench sizes, N = 1000</text>%n", left, mode.isEmpty() ? "" : " (JMH, " + esc(mode) + " mode)"));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"42\" fill=\"#555\">log scale; each ratio is against the plain-Java objective"
                + " of the same size in the same JMH run; dashed: the field's medians (GradBench 2026)</text>%n", left));

        // grid and y axis
        for (int e = (int) logLo; e <= (int) logHi; e++) {
            for (int mlt = 1; mlt < 10; mlt++) {
                double v = mlt * Math.pow(10, e);
                if (Math.log10(v) > logHi + 1e-9) {
                    break;
                }
                double yy = y.applyAsDouble(v);
                b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n", left, yy,
                        left + plotW, yy, mlt == 1 ? "#ccc" : "#eee"));
                if (mlt == 1 || (logHi - logLo <= 2 && (mlt == 2 || mlt == 5))) {
                    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s×</text>%n", left - 6, yy + 4, label(v)));
                }
            }
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>%n",
                left, top, plotW, plotH));
        b.append(String.format(Locale.ROOT, "<text transform=\"translate(18 %.1f) rotate(-90)\" text-anchor=\"middle\">"
                + "gradient time / objective time</text>%n", top + plotH / 2));

        // x axis labels
        for (int i = 0; i < sizes.size(); i++) {
            double xx = x.applyAsDouble(i);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>%n", xx, top + plotH, xx, top + plotH + 4));
            b.append(String.format(Locale.ROOT, "<text transform=\"translate(%.1f %.1f) rotate(-45)\" text-anchor=\"end\">%s</text>%n",
                    xx + 3, top + plotH + 16, esc(sizes.get(i))));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#777\" font-size=\"9\">%,d</text>%n",
                    xx, top + plotH - 4, parameters(sizes.get(i))));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">size (grey numbers: parameter count)</text>%n",
                left + plotW / 2, top + plotH + 82));

        // reference lines
        for (int i = 0; i < FIELD_MEDIANS.length; i++) {
            double yy = y.applyAsDouble(FIELD_MEDIANS[i]);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"6 4\"/>%n",
                    left, yy, left + plotW, yy));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#555\">%s %s×</text>%n", left + plotW + 6, yy + 4,
                    esc(FIELD_NAMES[i]), label(FIELD_MEDIANS[i])));
        }

        // method lines
        int c = 0;
        List<String[]> legend = new ArrayList<>();
        for (Map.Entry<String, String> m : GMM_METHODS.entrySet()) {
            String color = COLORS[c++ % COLORS.length];
            List<Double> r = ratios(results, m.getKey(), sizes);
            if (r.stream().allMatch(v -> Double.isNaN(v))) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < sizes.size(); i++) {
                double v = r.get(i);
                if (Double.isNaN(v)) {
                    pen = false;
                    continue;
                }
                path.append(pen ? " L" : (path.length() == 0 ? "M" : " M")).append(String.format(Locale.ROOT, "%.1f %.1f", x.applyAsDouble(i), y.applyAsDouble(v)));
                pen = true;
            }
            b.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, color));
            for (int i = 0; i < sizes.size(); i++) {
                double v = r.get(i);
                if (!Double.isNaN(v)) {
                    b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s at %s: %s</title></circle>%n",
                            x.applyAsDouble(i), y.applyAsDouble(v), color, esc(m.getValue()), esc(sizes.get(i)), times(v)));
                }
            }
            legend.add(new String[] {color, m.getValue() + " (median " + times(median(r)) + ")"});
        }
        // legend: below the plot, three entries a row
        double legendTop = top + plotH + 100;
        for (int i = 0; i < legend.size(); i++) {
            double lx = left + (i % 3) * 260;
            double ly = legendTop + (i / 3) * 20;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    lx, ly, lx + 22, ly, legend.get(i)[0]));
            b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", lx + 11, ly, legend.get(i)[0]));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", lx + 28, ly + 4, esc(legend.get(i)[1])));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static String label(double v) {
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
