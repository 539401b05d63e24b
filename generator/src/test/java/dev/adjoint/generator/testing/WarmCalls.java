package dev.adjoint.generator.testing;

import java.lang.management.ManagementFactory;

/**
 * What a warm call allocates: the bytes the current thread's allocation counter advances per call
 * once the JIT has compiled the call (20,000 calls first), over 1,000 calls. Load-independent: it
 * counts bytes, not time.
 */
public final class WarmCalls {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 1_000;

    private WarmCalls() {}

    /** One call of the code measured (typically a reflective call of a generated method, its arguments boxed once). */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    /** The bytes one warm {@code call} allocates, on average over {@value #MEASURED} calls. */
    public static long bytesPerCall(Call call) throws Exception {
        return leastBytesPerCall(1, WARM_UP, call);
    }

    /**
     * The least of {@code rounds} measurements, each after {@code warmUp} further calls: a round
     * may catch a one-off allocation of the runtime (a deoptimisation, a class loaded) that is not
     * the generated code's.
     */
    public static long leastBytesPerCall(int rounds, int warmUp, Call call) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < warmUp; i++) {
                call.run();
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < MEASURED; i++) {
                call.run();
            }
            least = Math.min(least, (threads.getCurrentThreadAllocatedBytes() - before) / MEASURED);
        }
        return least;
    }
}
