package dev.adjoint.benchmarks.report;

/**
 * The AD field's reference points: GradBench nightly 2026 (N = 1k) medians of gradient / objective
 * time, from the ADBench README. The markdown quotes them, the plot draws them as dashed lines.
 */
final class FieldMedians {
    static final String[] NAMES = {"hand-written C++", "Tapenade", "Enzyme", "CoDiPack"};
    static final double[] MEDIANS = {2.22, 3.17, 6.91, 17.4};

    private FieldMedians() {}
}
