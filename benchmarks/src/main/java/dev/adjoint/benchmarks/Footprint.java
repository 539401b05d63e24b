package dev.adjoint.benchmarks;

import dev.adjoint.samples.gmm.GmmInput;
import java.util.Locale;

/**
 * How much memory one gradient call of the GMM keeps alive while it runs, estimated from the
 * shape of the generated code, so that a benchmark that cannot fit in the fork's heap is skipped
 * with a clear message instead of thrashing the collector into an {@link OutOfMemoryError}.
 *
 * <ul>
 *   <li><b>static</b>: the forward sweep pushes, per point {@code i} and component {@code c}, the
 *       {@code D} values of {@code qxc} the squared norm's derivative reads (8 bytes each), the
 *       counter {@code li} (4), the component's exponential (8) and its branch outcome of the max
 *       (1), and per point the sum {@code semx} (8); before the points, {@code exp} of each diagonal
 *       ({@code 8·K·D}): {@code N·K·(8·D + 13) + 8·N + 8·K·D} bytes on the thread's stacks, which are
 *       popped in the reverse sweep but keep their capacity. (Counted from the code generated at
 *       the commit that added {@code LoopFusion}; {@code FootprintTest} measures the stacks after a
 *       call and fails when the generator saves much more or much less.)</li>
 *   <li><b>tape</b>: per point and component, one node per statement executed: about
 *       {@code D(D−1)/2 + 3D + 5} nodes (12 bytes each: an adjoint and an edge end) with about
 *       {@code 3·D(D−1)/2 + 5D + 10} edges (12 bytes each: a parent handle and a partial), the
 *       triangular loop {@code qxc[b] += icf[li] * xc[a]} being one node of three edges:
 *       {@code N·K·12·(2·D(D−1) + 8·D + 15)} bytes. (Counted from the recorder generated at the
 *       commit that made it record one node per statement; recount when that changes.)</li>
 * </ul>
 *
 * A stack or tape grows by doubling, so up to twice the estimate is resident; a benchmark runs when
 * that fits in 85% of the maximum heap.
 */
public final class Footprint {
    private static final double HEADROOM = 0.85;

    private Footprint() {}

    /** Bytes the static adjoint pushes in one call (estimate). */
    public static long staticStackBytes(GmmInput in) {
        return staticStackBytes(in.n(), in.k(), in.d());
    }

    /** Bytes the static adjoint pushes in one call at {@code N, K, D} (estimate). */
    public static long staticStackBytes(long n, long k, long d) {
        return n * k * (8 * d + 13) + 8 * n + 8 * k * d;
    }

    /** Bytes of tape one tape-strategy call records (estimate). */
    public static long tapeBytes(GmmInput in) {
        return tapeBytes(in.n(), in.k(), in.d());
    }

    /** Bytes of tape one tape-strategy call records at {@code N, K, D} (estimate). */
    public static long tapeBytes(long n, long k, long d) {
        return n * k * 12 * (2 * d * (d - 1) + 8 * d + 15);
    }

    /** Whether {@code bytes} (grown by doubling) fit in a heap of {@code maxHeap} bytes. */
    public static boolean fits(long bytes, long maxHeap) {
        return 2.0 * bytes <= HEADROOM * maxHeap;
    }

    /**
     * Throws, with a message saying why and what to do, when {@code bytes} do not fit in this JVM's
     * maximum heap. JMH reports the benchmark as failed and goes on with the next one.
     */
    public static void require(String what, String size, long bytes) {
        long max = Runtime.getRuntime().maxMemory();
        if (!fits(bytes, max)) {
            throw new SkippedForMemory(String.format(
                    Locale.ROOT,
                    "skipped %s at %s: one call keeps ~%s alive (up to %s while it grows), the fork's heap is %s;"
                            + " rerun with a larger HEAP (run.sh) to measure it",
                    what,
                    size,
                    gb(bytes),
                    gb(2 * bytes),
                    gb(max)));
        }
    }

    /** {@code 1.3 GB}. */
    public static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /** A benchmark that does not fit; no stack trace, the message says it all. */
    public static final class SkippedForMemory extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SkippedForMemory(String message) {
            super(message, null, false, false);
        }
    }
}
