package dev.adjoint.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.benchmarks.gmm.GmmData;
import dev.adjoint.samples.gmm.GmmAdjoint;
import dev.adjoint.samples.gmm.GmmInput;
import dev.adjoint.stack.AdjointStacks;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The static adjoint's stack estimate against the stacks of one call: a thread's stacks start
 * small and grow to hold what the call saves (at most doubling), so after one call on a fresh
 * thread their capacity is between the bytes saved and twice that.
 */
class FootprintTest {

    @ParameterizedTest
    @ValueSource(strings = {"d2_K5", "d10_K5", "d20_K10"})
    void theStaticEstimateIsWithinAFactorOfTwoOfTheStacksOneCallGrows(String size) throws InterruptedException {
        GmmInput in = GmmData.load(size, "generated");
        AtomicLong capacity = new AtomicLong();
        Thread t = new Thread(() -> {
            GmmAdjoint.objectiveGrad(
                    in.alphas(),
                    in.means(),
                    in.icf(),
                    in.x(),
                    in.d(),
                    in.k(),
                    in.n(),
                    in.gamma(),
                    in.m(),
                    new double[in.alphas().length],
                    new double[in.means().length],
                    new double[in.icf().length]);
            AdjointStacks s = AdjointStacks.forThread();
            capacity.set(8L * s.doubles.values().length
                    + 4L * s.ints.values().length
                    + s.booleans.values().length
                    + 4L * s.floats.values().length
                    + 8L * s.longs.values().length);
        });
        t.start();
        t.join();
        long estimate = Footprint.staticStackBytes(in);
        assertTrue(capacity.get() > 0);
        assertTrue(
                estimate >= capacity.get() / 2 && estimate <= 2 * capacity.get(),
                size + ": estimate " + estimate + " bytes, stacks after one call " + capacity.get() + " bytes");
    }
}
