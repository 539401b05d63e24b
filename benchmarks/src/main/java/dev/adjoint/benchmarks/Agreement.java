package dev.adjoint.benchmarks;

import java.util.Locale;

/**
 * The sanity check every benchmark runs once in its setup: a gradient that is fast but wrong must
 * not produce a number. Component {@code i} agrees when
 * {@code |a_i − b_i| <= rtol · max(|a_i|, |b_i|, scale)}, with {@code scale} a small fraction of
 * the largest component (so that components that are zero up to rounding do not fail).
 */
public final class Agreement {
    private Agreement() {}

    /** The largest relative disagreement between two gradients (see the class comment). */
    public static double worst(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
        }
        double largest = 0.0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.max(Math.abs(a[i]), Math.abs(b[i])));
        }
        double floor = Math.max(1e-300, 1e-6 * largest);
        double worst = 0.0;
        for (int i = 0; i < a.length; i++) {
            double err = Math.abs(a[i] - b[i]) / Math.max(floor, Math.max(Math.abs(a[i]), Math.abs(b[i])));
            if (!(err <= worst)) {
                worst = err; // NaN sticks
            }
        }
        return worst;
    }

    /** Throws unless {@code actual} agrees with {@code expected} to {@code rtol}. */
    public static void require(String what, double[] actual, double[] expected, double rtol) {
        double w = worst(actual, expected);
        if (!(w <= rtol)) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "%s disagrees with the hand-written gradient: worst relative error %.3g > %.1g",
                    what,
                    w,
                    rtol));
        }
    }

    /** {@code [a | b | c]} in one array. */
    public static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] all = new double[n];
        int o = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, o, p.length);
            o += p.length;
        }
        return all;
    }
}
