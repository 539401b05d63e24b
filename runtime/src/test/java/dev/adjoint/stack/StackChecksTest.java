package dev.adjoint.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The {@code -ea} checks of push and pop order, as generated code makes them: two loops that each
 * save one value per iteration, written out by hand as the generator writes them (locals for the
 * stack's values and top, {@code assert _stack.checks.mark/check} around each iteration), once as
 * it should be and once with the second loop's values popped by the first loop's reversal.
 */
class StackChecksTest {
    private static final int N = 3;

    /** The sum of squares of x, overwriting s in two loops; the reverse restores s; returns the restored values in pop order. */
    private static double[] sweep(AdjointStacks stack, boolean reverseInWrongOrder, boolean dropAPop) {
        double[] values = stack.doubles.values();
        int top = stack.doubles.size();
        assertTrue(stack.checks.mark(0, top));
        double s = 0;
        for (int i = 0; i < N; i++) {
            values = AdjointStacks.push(values, top++, s);
            s = s + i;
            assertTrue(stack.checks.mark(1, top));
        }
        for (int j = 0; j < N; j++) {
            values = AdjointStacks.push(values, top++, s);
            s = s * 2;
            assertTrue(stack.checks.mark(2, top));
        }
        double[] popped = new double[2 * N];
        int p = 0;
        int[] sites = reverseInWrongOrder ? new int[] {1, 2} : new int[] {2, 1};
        for (int site : sites) {
            for (int k = N; k > 0; k--) {
                assertTrue(stack.checks.check(site, top));
                if (!(dropAPop && site == 1 && k == 1)) {
                    popped[p++] = values[--top];
                }
            }
        }
        assertTrue(stack.checks.check(0, top));
        stack.doubles.adopt(values, top);
        return popped;
    }

    @Test
    void pushesAndPopsInOrderPassEveryCheck() {
        AdjointStacks stack = new AdjointStacks();
        double[] popped = sweep(stack, false, false);
        assertEquals(12.0, popped[0]); // s before the last doubling: (0 + 1 + 2) * 2 * 2
        assertEquals(0.0, popped[5]);
        assertEquals(0, stack.checks.size());
        assertEquals(0, stack.doubles.size());
    }

    @Test
    void theBlocksReversedInTheWrongOrderFailTheFirstCheck() {
        AssertionError e = assertThrows(AssertionError.class, () -> sweep(new AdjointStacks(), true, false));
        assertTrue(e.getMessage().contains("stack check at site 1 meets the mark of site 2"), e.getMessage());
    }

    @Test
    void aPopLeftOutFailsTheNextCheck() {
        AssertionError e = assertThrows(AssertionError.class, () -> sweep(new AdjointStacks(), false, true));
        assertTrue(
                e.getMessage()
                        .contains(
                                "stack check at site 0: stack 1 of 1 has its top at 1, the forward sweep left it at 0"),
                e.getMessage());
    }

    @Test
    void aCheckWithNothingMarkedFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> new AdjointStacks().checks.check(4, 0));
        assertTrue(e.getMessage().contains("nothing was marked"), e.getMessage());
    }
}
