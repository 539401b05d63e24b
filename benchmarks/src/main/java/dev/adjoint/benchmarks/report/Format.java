package dev.adjoint.benchmarks.report;

import java.util.Locale;

/** How numbers read in the markdown and the plot alike: few digits, a dash for what is missing. */
final class Format {
    private Format() {}

    /** A time or other measured value: thousands grouped from 100 up, otherwise 3 significant digits at most. */
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

    /** A ratio, {@code 2.00×}. */
    static String times(double r) {
        if (Double.isNaN(r)) {
            return "–";
        }
        return (r >= 100
                        ? String.format(Locale.ROOT, "%,.0f", r)
                        : r >= 10 ? String.format(Locale.ROOT, "%.1f", r) : String.format(Locale.ROOT, "%.2f", r))
                + "×";
    }

    /** A byte count, whole and grouped. */
    static String bytes(double b) {
        return Double.isNaN(b) ? "–" : String.format(Locale.ROOT, "%,.0f", b);
    }
}
