package dev.adjoint.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.GradCheck;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TapeTest {
    private static final int C = Tape.CONSTANT;

    /** f(x, y) = sin(x y) + x / y. */
    private static final ToDoubleFunction<double[]> F = v -> Math.sin(v[0] * v[1]) + v[0] / v[1];

    /** Records f(x, y) on {@code t} from the handles and values of x and y; returns f's handle. */
    private static int recordF(Tape t, int x, double xv, int y, double yv) {
        int p = t.push2(x, yv, y, xv); // p = x y:    ∂p/∂x = y, ∂p/∂y = x
        int s = t.push1(p, Math.cos(xv * yv)); // s = sin p:  ∂s/∂p = cos p
        int q = t.push2(x, 1.0 / yv, y, -xv / (yv * yv)); // q = x / y:  ∂q/∂x = 1/y, ∂q/∂y = -x/y²
        return t.push2(s, 1.0, q, 1.0); // f = s + q
    }

    /** The gradient of f at (xv, yv) read from a fresh recording on {@code t}. */
    private static double[] gradientF(Tape t, double xv, double yv) {
        int m = t.mark();
        int x = t.leaf();
        int y = t.leaf();
        t.seed(recordF(t, x, xv, y, yv), 1.0);
        t.sweep(m);
        double[] g = {t.adjoint(x), t.adjoint(y)};
        t.reset(m);
        return g;
    }

    @Test
    void aHandRecordingMatchesCentralDifferences() {
        double[][] points = {{0.7, 1.3}, {-2.1, 0.4}, {3.0, -5.5}};
        for (double[] v : points) {
            GradCheck.assertGradient(F, v, gradientF(new Tape(), v[0], v[1]), 1e-6, 1e-9);
        }
    }

    @Test
    void constantsRecordNothing() {
        Tape t = new Tape();
        int x = t.leaf();
        assertEquals(1, t.mark());
        assertEquals(C, t.push1(C, 3.0));
        assertEquals(C, t.push2(C, 3.0, C, 4.0));
        assertEquals(C, t.push3(C, 3.0, C, 4.0, C, 5.0));
        assertEquals(1, t.mark());

        int a = t.push2(x, 2.0, C, 100.0); // a = 2x + constant
        int b = t.push2(C, 100.0, a, 3.0); // b = 3a + constant
        int c = t.push3(C, 100.0, b, 5.0, C, 7.0); // c = 5b + constants
        assertEquals(4, t.mark());
        t.seed(C, 1000.0);
        t.seed(c, 1.0);
        t.sweep(0);
        assertEquals(30.0, t.adjoint(x));
        assertEquals(15.0, t.adjoint(a));
        assertEquals(0.0, t.adjoint(C));
    }

    @Test
    void aBadHandleRecordsNothing() {
        Tape t = new Tape();
        int x = t.leaf();
        int a = t.push2(x, 2.0, x, 1.0);
        assertThrows(IllegalArgumentException.class, () -> t.push3(x, 5.0, x, 7.0, 99, 1.0));
        assertEquals(2, t.mark());
        int b = t.push1(a, 3.0); // its partial is the one after a's
        t.seed(b, 1.0);
        t.sweep(0);
        assertEquals(3.0 * (2.0 + 1.0), t.adjoint(x));
    }

    @Test
    void pushThreeAddsEveryPartial() {
        Tape t = new Tape();
        int x = t.leaves(3);
        int z = t.push3(x, 2.0, x + 1, 3.0, x + 2, 4.0);
        int w = t.push3(z, 1.0, x, 10.0, z, 1.0); // a parent may appear twice: both partials count
        t.seed(w, 1.0);
        t.sweep(0);
        assertArrayEquals(
                new double[] {2 * 2.0 + 10.0, 2 * 3.0, 2 * 4.0},
                new double[] {t.adjoint(x), t.adjoint(x + 1), t.adjoint(x + 2)});
    }

    @Test
    void leavesAreContiguous() {
        Tape t = new Tape();
        int single = t.leaf();
        int first = t.leaves(4);
        assertEquals(single + 1, first);
        assertEquals(first + 4, t.mark());
        assertEquals(t.mark(), t.leaves(0));
        // z = sum (i + 1) x_i, so adj[x_i] = i + 1
        int z = C;
        for (int i = 0; i < 4; i++) {
            z = t.push2(z, 1.0, first + i, i + 1.0);
        }
        t.seed(z, 1.0);
        t.sweep(0);
        for (int i = 0; i < 4; i++) {
            assertEquals(i + 1.0, t.adjoint(first + i));
        }
        assertEquals(0.0, t.adjoint(single));
        assertThrows(IllegalArgumentException.class, () -> t.leaves(-1));
    }

    @Test
    void seedingSeveralOutputsGivesAVectorJacobianProduct() {
        // F(x, y) = (x y, sin x + y²); v^T J = v1 (y, x) + v2 (cos x, 2y)
        double xv = 0.9, yv = -1.7, v1 = 2.5, v2 = -0.75;
        Tape t = new Tape();
        int x = t.leaf();
        int y = t.leaf();
        int f1 = t.push2(x, yv, y, xv);
        int s = t.push1(x, Math.cos(xv));
        int sq = t.push1(y, 2 * yv);
        int f2 = t.push2(s, 1.0, sq, 1.0);
        t.seed(f1, v1);
        t.seed(f2, v2 / 2);
        t.seed(f2, v2 / 2); // seeds accumulate
        t.sweep(0);
        double[] vjp = {t.adjoint(x), t.adjoint(y)};
        GradCheck.assertGradient(
                p -> v1 * p[0] * p[1] + v2 * (Math.sin(p[0]) + p[1] * p[1]), new double[] {xv, yv}, vjp, 1e-6, 1e-9);
    }

    @Test
    void aNestedRecordingEqualsAFlatOne() {
        // f(x, y) = g(x y, y) x with g(u, y) = sin(u) y + u²
        double xv = 0.6, yv = 1.9, uv = xv * yv, gv = Math.sin(uv) * yv + uv * uv;

        Tape flat = new Tape();
        int x = flat.leaf();
        int y = flat.leaf();
        int u = flat.push2(x, yv, y, xv);
        int g = recordG(flat, u, uv, y, yv);
        flat.seed(flat.push2(g, xv, x, gv), 1.0);
        flat.sweep(0);

        Tape t = new Tape();
        int nx = t.leaf();
        int ny = t.leaf();
        int nu = t.push2(nx, yv, ny, xv);
        // the callee: its own leaves above a mark, its own sweep, back to the mark
        int m1 = t.mark();
        int lu = t.leaf();
        int ly = t.leaf();
        t.seed(recordG(t, lu, uv, ly, yv), 1.0);
        t.sweep(m1);
        double dgdu = t.adjoint(lu);
        double dgdy = t.adjoint(ly);
        t.reset(m1);
        assertEquals(m1, t.mark());
        assertEquals(0.0, t.adjoint(nx));
        assertEquals(0.0, t.adjoint(ny));
        assertEquals(0.0, t.adjoint(nu));
        // the caller records the call as one node and continues
        int ng = t.push2(nu, dgdu, ny, dgdy);
        assertEquals(0.0, t.adjoint(ng)); // a node reusing a dropped slot starts at 0
        t.seed(t.push2(ng, xv, nx, gv), 1.0);
        t.sweep(0);

        assertEquals(flat.adjoint(x), t.adjoint(nx), 1e-14 * Math.abs(flat.adjoint(x)));
        assertEquals(flat.adjoint(y), t.adjoint(ny), 1e-14 * Math.abs(flat.adjoint(y)));
        GradCheck.assertGradient(
                p -> (Math.sin(p[0] * p[1]) * p[1] + p[0] * p[1] * p[0] * p[1]) * p[0],
                new double[] {xv, yv},
                new double[] {t.adjoint(nx), t.adjoint(ny)},
                1e-6,
                1e-9);
    }

    /** Records g(u, y) = sin(u) y + u². */
    private static int recordG(Tape t, int u, double uv, int y, double yv) {
        int s = t.push1(u, Math.cos(uv)); // s = sin u
        int sy = t.push2(s, yv, y, Math.sin(uv)); // sy = s y
        return t.push2(sy, 1.0, u, 2 * uv); // g = sy + u²
    }

    @Test
    void resetKeepsEarlierAdjointsAndRejectsStaleHandles() {
        Tape t = new Tape();
        int x = t.leaf();
        int z = t.push1(x, 4.0);
        t.seed(z, 1.0);
        t.sweep(0);
        int m = t.mark();
        int w = t.push1(z, 2.0);
        t.reset(m);
        assertEquals(4.0, t.adjoint(x));
        assertEquals(1.0, t.adjoint(z));
        assertThrows(IllegalArgumentException.class, () -> t.adjoint(w));
        assertThrows(IllegalArgumentException.class, () -> t.push1(w, 1.0));
        assertThrows(IllegalArgumentException.class, () -> t.seed(w, 1.0));
        assertThrows(IllegalArgumentException.class, () -> t.push2(x, 1.0, -7, 1.0));
        assertThrows(IllegalArgumentException.class, () -> t.reset(m + 1));
        assertThrows(IllegalArgumentException.class, () -> t.sweep(-1));
        t.sweep(t.mark()); // an empty range is fine
    }

    @Test
    void aLongChainSweepsQuicklyWithoutRecursion() {
        // a bound with room for a machine whose cores several builds share: a sweep that recursed would overflow the
        // stack,
        // one quadratic in the chain would take hours
        assertTimeout(Duration.ofSeconds(60), () -> {
            Tape t = new Tape();
            int x = t.leaf();
            int z = x;
            for (int k = 0; k < 5_000_000; k++) {
                z = t.push1(z, k % 2 == 0 ? 2.0 : 0.5); // the product of partials is exactly 1
            }
            assertEquals(5_000_001, t.mark());
            t.seed(z, 3.0);
            t.sweep(0);
            assertEquals(3.0, t.adjoint(x));
        });
    }

    @Test
    void aResetTapeRecordsAgainWithoutGrowing() {
        Tape t = new Tape();
        int n = 100_000;
        recordChain(t, n);
        int capacity = t.capacity();
        assertTrue(capacity >= n + 1);
        t.reset(0);
        recordChain(t, n);
        assertEquals(capacity, t.capacity());
    }

    @Test
    void aWarmRecordAndSweepAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Tape t = Tape.forThread();
        int base = t.mark();
        double sink = 0;
        for (int i = 0; i < 200; i++) { // warm up: grow the arrays, let the JIT settle
            sink += recordChain(t, 10_000);
            t.reset(base);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        assertTrue(before > 0, "thread allocation measurement is unsupported or disabled");
        sink += recordChain(t, 10_000);
        t.reset(base);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated <= 64, "a warm record and sweep allocated " + allocated + " bytes");
        assertTrue(Double.isFinite(sink));
    }

    /** Records, seeds and sweeps a chain of n nodes (and borrows handles); returns the leaf's adjoint. */
    private static double recordChain(Tape t, int n) {
        int m = t.mark();
        int hm = t.handlesMark();
        int[] h = t.borrowHandles(4);
        h[0] = t.leaf();
        int z = h[0];
        for (int k = 0; k < n; k++) {
            z = t.push2(z, 0.5, h[0], 1.0); // z_k = z_(k-1) / 2 + x
        }
        t.seed(z, 1.0);
        t.sweep(m);
        double g = t.adjoint(h[0]);
        t.releaseHandles(hm);
        return g;
    }

    @Test
    void eachThreadRecordsOnItsOwnTape() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Tape[] seen = new Tape[2];
        Thread[] threads = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int id = i;
            threads[i] = new Thread(() -> {
                try {
                    Tape t = Tape.forThread();
                    seen[id] = t;
                    assertSame(t, Tape.forThread());
                    start.await();
                    for (int r = 0; r < 5_000; r++) {
                        double xv = 0.3 + id + r * 1e-4, yv = 1.1 + id;
                        double[] g = gradientF(t, xv, yv);
                        double c = Math.cos(xv * yv);
                        assertEquals(c * yv + 1 / yv, g[0], 1e-12);
                        assertEquals(c * xv - xv / (yv * yv), g[1], 1e-12);
                    }
                    assertEquals(0, t.mark());
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertNull(failure.get());
        assertNotSame(seen[0], seen[1]);
    }

    @Test
    void borrowedHandlesNestAndStartConstant() {
        Tape t = new Tape();
        assertEquals(0, t.handlesMark());
        int[] outer = t.borrowHandles(5);
        assertTrue(outer.length >= 5);
        for (int i = 0; i < 5; i++) {
            assertEquals(C, outer[i]);
            outer[i] = t.leaf();
        }
        int m = t.handlesMark();
        assertEquals(1, m);
        int[] inner = t.borrowHandles(3);
        assertNotSame(outer, inner);
        assertArrayEquals(new int[] {C, C, C}, java.util.Arrays.copyOf(inner, 3));
        inner[0] = 42;
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, java.util.Arrays.copyOf(outer, 5));
        t.releaseHandles(m);
        int[] again = t.borrowHandles(2);
        assertSame(inner, again); // the same depth reuses its array, refilled
        assertEquals(C, again[0]);
        int[] bigger;
        t.releaseHandles(m);
        bigger = t.borrowHandles(1000);
        assertTrue(bigger.length >= 1000);
        for (int i = 0; i < 1000; i++) {
            assertEquals(C, bigger[i]);
        }
        t.releaseHandles(0);
        assertEquals(0, t.handlesMark());

        Set<int[]> distinct = new HashSet<>();
        for (int depth = 0; depth < 40; depth++) { // deeper than the initial pool
            distinct.add(t.borrowHandles(depth));
        }
        assertEquals(40, distinct.size());
        assertEquals(40, t.handlesMark());
        t.releaseHandles(0);
        assertThrows(IllegalArgumentException.class, () -> t.releaseHandles(1));
        assertThrows(IllegalArgumentException.class, () -> t.borrowHandles(-1));
    }

    @Test
    void reserveMakesRoomForALoopsUncheckedPushes() {
        Tape t = new Tape();
        int x = t.leaf();
        int y = t.leaf();
        t.reserve(2, 5, 3000);
        int last = x;
        for (int i = 0; i < 3000; i++) {
            int a = t.push2u(last, 0.5, y, 1.0);
            last = t.push3u(a, 1.0, x, 0.25, Tape.CONSTANT, 7.0);
        }
        assertEquals(2 + 6000, t.mark());
        t.seed(last, 1.0);
        t.sweep(0);
        // last = 0.5^3000 x + (0.25 + 0.5 * ... ) : d/dx converges to 0.25 / (1 - 0.5) = 0.5, d/dy to 1 / (1 - 0.5) = 2
        assertEquals(0.5, t.adjoint(x), 1e-12);
        assertEquals(2.0, t.adjoint(y), 1e-12);
        assertEquals(Tape.CONSTANT, t.push1u(Tape.CONSTANT, 3.0));
        assertThrows(IllegalStateException.class, () -> t.reserve(4, 4, 1L << 30));
    }
}
