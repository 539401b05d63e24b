package dev.adjoint.benchmarks.report;

import dev.adjoint.samples.gmm.GmmInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results of one JMH run and what both renderings ({@link MarkdownReport}, {@link RatioPlot})
 * ask of them: which GMM sizes were measured, and each method's time ratio to the objective.
 * Ratios divide by the objective of the same size measured in the same run, never across runs.
 */
final class Results {
    /** The benchmark every GMM ratio divides by. */
    static final String OBJECTIVE = "GmmBench.objective";

    /** The GMM gradient methods, in table and legend order: JMH benchmark (class.method) → label. */
    static final Map<String, String> GMM_METHODS = new LinkedHashMap<>();

    static {
        GMM_METHODS.put("GmmBench.staticGradient", "static adjoint");
        GMM_METHODS.put("GmmBench.tapeGradient", "tape adjoint");
        GMM_METHODS.put("GmmBench.handGradient", "hand-written");
        GMM_METHODS.put("GmmForwardModeBench.hipparchusGradient", "Hipparchus forward");
        GMM_METHODS.put("GmmFiniteDifferencesBench.finiteDifferences", "finite differences");
    }

    private static final Pattern SIZE = Pattern.compile("d(\\d+)_K(\\d+)");

    private final List<Result> all;

    Results(List<Result> all) {
        this.all = Collections.unmodifiableList(new ArrayList<>(all));
    }

    /** Every result, in the file's order. */
    List<Result> all() {
        return all;
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** The first result of {@code name} at {@code size} (any size when null), or null. */
    Result find(String name, String size) {
        for (Result r : all) {
            if (r.name().equals(name) && (size == null || size.equals(r.size()))) {
                return r;
            }
        }
        return null;
    }

    /** GMM sizes that have an objective, ordered by D then K. */
    List<String> sizes() {
        TreeSet<String> set =
                new TreeSet<>(Comparator.comparingInt((String s) -> dk(s)[0]).thenComparingInt(s -> dk(s)[1]));
        for (Result r : all) {
            if (r.name().equals(OBJECTIVE)) {
                set.add(r.size());
            }
        }
        return new ArrayList<>(set);
    }

    /** time(method at size) / time(objective at size), or NaN. */
    double ratio(String method, String size) {
        Result m = find(method, size);
        Result o = find(OBJECTIVE, size);
        if (m == null || o == null || !m.unit().equals(o.unit())) {
            return Double.NaN;
        }
        return m.score() / o.score();
    }

    /** {@link #ratio} at each of {@code sizes}, NaN where the method did not run. */
    List<Double> ratios(String method, List<String> sizes) {
        List<Double> out = new ArrayList<>();
        for (String s : sizes) {
            out.add(ratio(method, s));
        }
        return out;
    }

    /** {@code {D, K}} of a size name {@code d{D}_K{K}}. */
    static int[] dk(String size) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a GMM size: " + size);
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** The gradient's length at a size, {@code K + K·D + K·D(D+1)/2}. */
    static int parameters(String size) {
        int[] dk = dk(size);
        return dk[1] + dk[1] * dk[0] + dk[1] * GmmInput.icfSize(dk[0]);
    }

    /** The median of the values that are not NaN, or NaN when there are none. */
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
}
