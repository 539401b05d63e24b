package dev.adjoint.benchmarks.report;

import static dev.adjoint.benchmarks.report.Format.bytes;
import static dev.adjoint.benchmarks.report.Format.num;
import static dev.adjoint.benchmarks.report.Format.times;
import static dev.adjoint.benchmarks.report.Results.GMM_METHODS;
import static dev.adjoint.benchmarks.report.Results.OBJECTIVE;
import static dev.adjoint.benchmarks.report.Results.median;

import dev.adjoint.benchmarks.Footprint;
import dev.adjoint.benchmarks.gmm.GmmData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code results/gmm.md}: how the run was made ({@link RunDescription}), per GMM size the parameter count, the objective's
 * time and every method's time ratio to it, the targets, allocation per call, Rosenbrock and the
 * MLP, and what was not measured for want of heap.
 */
final class MarkdownReport {
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");

    private final Results results;
    private final Map<String, Double> exact;
    private final List<String> sizes;
    private final StringBuilder b = new StringBuilder();

    private MarkdownReport(Results results, Map<String, Double> exact) {
        this.results = results;
        this.exact = exact;
        this.sizes = results.sizes();
    }

    /**
     * The markdown of a run.
     *
     * @param exact {@code AllocationProbe}'s bytes per call keyed {@code name@size}, or empty: then
     *     the allocation target falls back on JMH's {@code -prof gc}
     * @param mode {@code quick}, {@code full} or empty
     * @param jsonName the JSON file's name, to say where the numbers come from
     * @param note a free line added to the run's description, or blank
     */
    static String render(Results results, Map<String, Double> exact, String mode, String jsonName, String note) {
        MarkdownReport r = new MarkdownReport(results, exact);
        RunDescription.append(r.b, results, mode, jsonName, note);
        double medianStaticOverHand = r.gmmTable();
        boolean anyAlloc = r.targets(medianStaticOverHand);
        r.exactAllocation();
        if (anyAlloc) {
            r.jmhAllocation();
        }
        r.otherProblems();
        r.notMeasured();
        return r.b.toString();
    }

    /** The main table, one row per size and a row of medians; returns the median of static / hand-written. */
    private double gmmTable() {
        b.append("| size | D | K | parameters | objective (µs) |");
        for (String label : GMM_METHODS.values()) {
            b.append(' ').append(label).append(" |");
        }
        b.append(" static / hand-written |\n|---|--:|--:|--:|--:|");
        b.append("--:|".repeat(GMM_METHODS.size() + 1)).append('\n');
        List<Double> staticOverHand = new ArrayList<>();
        for (String s : sizes) {
            int[] dk = Results.dk(s);
            Result o = results.find(OBJECTIVE, s);
            b.append("| ")
                    .append(s)
                    .append(" | ")
                    .append(dk[0])
                    .append(" | ")
                    .append(dk[1])
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", Results.parameters(s)))
                    .append(" | ")
                    .append(time(o))
                    .append(" |");
            for (String m : GMM_METHODS.keySet()) {
                double r = results.ratio(m, s);
                b.append(' ').append(Double.isNaN(r) ? missing(m) : times(r)).append(" |");
            }
            Result st = results.find("GmmBench.staticGradient", s);
            Result hand = results.find("GmmBench.handGradient", s);
            double sh = st != null && hand != null ? st.score() / hand.score() : Double.NaN;
            staticOverHand.add(sh);
            b.append(' ').append(Double.isNaN(sh) ? "–" : times(sh)).append(" |\n");
        }
        b.append("| **median** | | | | |");
        for (String m : GMM_METHODS.keySet()) {
            double med = median(results.ratios(m, sizes));
            b.append(' ')
                    .append(Double.isNaN(med) ? "–" : "**" + times(med) + "**")
                    .append(" |");
        }
        double medSH = median(staticOverHand);
        b.append(' ')
                .append(Double.isNaN(medSH) ? "–" : "**" + times(medSH) + "**")
                .append(" |\n\n");
        b.append(
                "Medians are over the sizes where the method ran; – : not part of this method's sizes (forward mode: d2_K5 and d10_K5, "
                        + "finite differences: d2_K5); ² : not in the results, see *Not measured* below. The field's medians of gradient / objective "
                        + "(GradBench nightly 2026, N = 1k, each tool against its own language's objective): ");
        for (int i = 0; i < FieldMedians.NAMES.length; i++) {
            b.append(i == 0 ? "" : ", ")
                    .append(FieldMedians.NAMES[i])
                    .append(' ')
                    .append(FieldMedians.MEDIANS[i]);
        }
        b.append("; finite differences ≈ the parameter count.\n\n");
        return medSH;
    }

    /** The targets table; returns whether any static gradient's allocation was measured. */
    private boolean targets(double medSH) {
        b.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        double medStatic = median(results.ratios("GmmBench.staticGradient", sizes));
        double medTape = median(results.ratios("GmmBench.tapeGradient", sizes));
        target("static adjoint, median ≤ 2.5 × objective", medStatic, medStatic <= 2.5, times(medStatic));
        target("static adjoint, median ≤ 1.15 × hand-written", medSH, medSH <= 1.15, times(medSH));
        target("tape adjoint, median ≤ 12 × objective", medTape, medTape <= 12, times(medTape));
        Result hip = results.find("GmmForwardModeBench.hipparchusGradient", "d10_K5");
        Result st = results.find("GmmBench.staticGradient", "d10_K5");
        double speedup = hip != null && st != null ? hip.score() / st.score() : Double.NaN;
        target(
                "static ≥ 100 × faster than Hipparchus forward at d10_K5",
                speedup,
                speedup >= 100,
                Double.isNaN(speedup)
                        ? "–"
                        : String.format(
                                Locale.ROOT,
                                "%s faster (%s vs %s µs)",
                                times(speedup),
                                num(hip.score()),
                                num(st.score())));
        StringBuilder allocs = new StringBuilder();
        boolean zero = true;
        boolean anyAlloc = false;
        if (!exact.isEmpty()) {
            for (Map.Entry<String, Double> e : exact.entrySet()) {
                if (e.getKey().contains(".staticGradient@")) {
                    anyAlloc = true;
                    zero &= e.getValue() == 0.0;
                    String[] k = e.getKey().split("@");
                    allocs.append(allocs.length() == 0 ? "" : ", ")
                            .append(problem(k[0].substring(0, k[0].indexOf('.'))))
                            .append(k[1].equals("-") || k[1].equals("1000000") ? "" : " " + k[1])
                            .append(' ')
                            .append(bytes(e.getValue()));
                }
            }
            allocs.append(" B/call (exact, `AllocationProbe`)");
        } else {
            for (Result r : results.all()) {
                if (r.name().endsWith(".staticGradient") && !Double.isNaN(r.bytesPerOp())) {
                    anyAlloc = true;
                    zero &= r.bytesPerOp() < 1;
                    allocs.append(allocs.length() == 0 ? "" : ", ")
                            .append(problem(r.name().substring(0, r.name().indexOf('.'))))
                            .append(r.size() == null || r.size().equals("1000000") ? "" : " " + r.size())
                            .append(' ')
                            .append(bytes(r.bytesPerOp()));
                }
            }
            allocs.append(" B/op (JMH -prof gc)");
        }
        target(
                "0 B/op for a static gradient call",
                anyAlloc ? 0 : Double.NaN,
                zero,
                anyAlloc ? allocs.toString() : "not measured");
        b.append('\n');
        return anyAlloc;
    }

    /** {@code AllocationProbe}'s numbers, one row per problem and size, when the run has them. */
    private void exactAllocation() {
        if (exact.isEmpty()) {
            return;
        }
        b.append(
                "## Allocation per call, exact (`AllocationProbe`: ThreadMXBean around warm calls, bytes per call)\n\n");
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

    /** JMH's {@code -prof gc} bytes per operation for the GMM sizes. */
    private void jmhAllocation() {
        b.append(
                "## Allocation per call, JMH (`-prof gc`, gc.alloc.rate.norm, B/op)\n\nJMH divides its own per-iteration allocations "
                        + "by the calls in the iteration, so calls of milliseconds show a floor of up to a few KB that is not theirs; "
                        + "the exact table above has no such floor.\n\n| size | objective |");
        for (String label : GMM_METHODS.values()) {
            b.append(' ').append(label).append(" |");
        }
        b.append("\n|---|--:|").append("--:|".repeat(GMM_METHODS.size())).append('\n');
        for (String s : sizes) {
            b.append("| ")
                    .append(s)
                    .append(" | ")
                    .append(alloc(results.find(OBJECTIVE, s)))
                    .append(" |");
            for (String m : GMM_METHODS.keySet()) {
                b.append(' ').append(alloc(results.find(m, s))).append(" |");
            }
            b.append('\n');
        }
        b.append('\n');
    }

    /** Rosenbrock and the MLP: one size each. */
    private void otherProblems() {
        b.append("## Rosenbrock (n = 1,000,000) and a small MLP (16 → 32 tanh → 4, batch 64, 676 weights)\n\n");
        b.append(
                "| problem | objective (µs) | static adjoint | tape adjoint | hand-written | static / hand-written |\n");
        b.append("|---|--:|--:|--:|--:|--:|\n");
        for (String[] p :
                new String[][] {{"Rosenbrock", "RosenbrockBench", "objective"}, {"MLP", "MlpBench", "loss"}}) {
            Result o = results.find(p[1] + "." + p[2], null);
            if (o == null) {
                continue;
            }
            b.append("| ").append(p[0]).append(" | ").append(time(o)).append(" |");
            for (String m : new String[] {"staticGradient", "tapeGradient", "handGradient"}) {
                Result r = results.find(p[1] + "." + m, null);
                b.append(' ')
                        .append(r == null ? "–" : times(r.score() / o.score()))
                        .append(" |");
            }
            Result rs = results.find(p[1] + ".staticGradient", null);
            Result rh = results.find(p[1] + ".handGradient", null);
            b.append(' ')
                    .append(rs == null || rh == null ? "–" : times(rs.score() / rh.score()))
                    .append(" |\n");
        }
        b.append("\nAllocation per call of these: see the allocation tables.\n\n");
    }

    /** The static and tape adjoints missing at a size, with {@link Footprint}'s estimate of why. */
    private void notMeasured() {
        List<String> skipped = new ArrayList<>();
        long heap = heapBytes(results.all().get(0).jvmArgs());
        for (String s : sizes) {
            int[] dk = Results.dk(s);
            for (String[] m : new String[][] {
                {"GmmBench.staticGradient", "static adjoint", "stack"},
                {"GmmBench.tapeGradient", "tape adjoint", "tape"}
            }) {
                if (results.find(m[0], s) == null) {
                    long need = m[2].equals("stack")
                            ? Footprint.staticStackBytes(GmmData.N_1K, dk[1], dk[0])
                            : Footprint.tapeBytes(GmmData.N_1K, dk[1], dk[0]);
                    skipped.add(m[1] + " at " + s + ": ~" + Footprint.gb(need) + " of " + m[2] + " per call (up to "
                            + Footprint.gb(2 * need) + " while it grows)"
                            + (heap > 0 && !Footprint.fits(need, heap)
                                    ? ", more than the heap (" + Footprint.gb(heap) + ") allows"
                                    : ""));
                }
            }
        }
        if (!skipped.isEmpty()) {
            b.append(
                    "## Not measured\n\nThe static and tape adjoints keep `O(N·K·D²)` values alive per call (estimates from "
                            + "`Footprint`); a benchmark whose estimate does not fit in the fork's heap is skipped in its setup, with this "
                            + "message in the JMH log. Rerun with `HEAP=16g benchmarks/run.sh ...` on a machine with the memory.\n\n");
            for (String s : skipped) {
                b.append("* ").append(s).append('\n');
            }
            b.append('\n');
        }
    }

    private void target(String what, double value, boolean met, String shown) {
        b.append("| ")
                .append(what)
                .append(" | ")
                .append(shown)
                .append(" | ")
                .append(Double.isNaN(value) ? "not measured" : met ? "**met**" : "**missed**")
                .append(" |\n");
    }

    /** What a missing ratio shows: forward mode and finite differences run at a few sizes by design. */
    private static String missing(String method) {
        if (method.startsWith("GmmForwardModeBench") || method.startsWith("GmmFiniteDifferencesBench")) {
            return "–";
        }
        return "not run²";
    }

    /** GMM, Rosenbrock, MLP: the problem a benchmark class times. */
    static String problem(String benchmarkClass) {
        return switch (benchmarkClass) {
            case "MlpBench" -> "MLP";
            case "RosenbrockBench" -> "Rosenbrock";
            default -> "GMM";
        };
    }

    /** The last {@code -Xmx} among the fork's JVM arguments, in bytes, or -1. */
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

    /** {@code score ± error}, the unit only when it is not µs/op. */
    static String time(Result r) {
        if (r == null) {
            return "–";
        }
        String unit = r.unit().equals("us/op") ? "" : " " + r.unit();
        return num(r.score()) + (Double.isNaN(r.error()) ? "" : " ± " + num(r.error())) + unit;
    }

    private static String alloc(Result r) {
        return r == null ? "–" : bytes(r.bytesPerOp());
    }
}
