package dev.adjoint.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The way generated sweeps use a stack: its values array and top kept in locals
 * ({@code values = AdjointStacks.push(values, top++, v)}, {@code values[--top]}), handed back
 * with {@code adopt} around a call to another adjoint and before returning.
 */
class LocalStacksTest {

    @Test
    void pushesPastTheCapacityGrowTheArrayAndKeepEveryValue() {
        DoubleStack stack = new DoubleStack();
        double[] values = stack.values();
        int top = stack.size();
        int n = 5 * values.length + 3;
        for (int i = 0; i < n; i++) {
            values = AdjointStacks.push(values, top++, i * 0.5);
        }
        assertTrue(values.length >= n);
        for (int i = n - 1; i >= 0; i--) {
            assertEquals(i * 0.5, values[--top]);
        }
        assertEquals(0, top);
        stack.adopt(values, top);
        assertSame(values, stack.values(), "the stack keeps the grown array for the next call");
        assertEquals(0, stack.size());
    }

    @Test
    void aCalleeBetweenHandOverAndTakeBackPushesAboveTheCallersValues() {
        AdjointStacks stacks = new AdjointStacks();
        double[] values = stacks.doubles.values();
        int top = stacks.doubles.size();
        values = AdjointStacks.push(values, top++, 1.0);
        values = AdjointStacks.push(values, top++, 2.0);
        // hand over: the callee, another adjoint, uses the stack object; it grows the array and pops what it pushed
        stacks.doubles.adopt(values, top);
        for (int i = 0; i < 1000; i++) {
            stacks.doubles.push(-i);
        }
        for (int i = 0; i < 1000; i++) {
            stacks.doubles.pop();
        }
        values = stacks.doubles.values();
        assertEquals(2.0, values[--top]);
        assertEquals(1.0, values[--top]);
        stacks.doubles.adopt(values, top);
        assertTrue(stacks.isEmpty());
    }

    @Test
    void everyKindHasItsPush() {
        int[] ints = AdjointStacks.push(new int[0], 0, 7);
        long[] longs = AdjointStacks.push(new long[1], 1, 8L);
        float[] room = new float[2];
        float[] floats = AdjointStacks.push(room, 0, 1.5f);
        boolean[] booleans = AdjointStacks.push(new boolean[1], 1, true);
        assertEquals(7, ints[0]);
        assertEquals(8L, longs[1]);
        assertEquals(1.5f, floats[0]);
        assertTrue(booleans[1]);
        assertFalse(booleans[0]);
        assertSame(room, floats, "no copy when there is room");
        assertArrayEquals(new float[] {1.5f, 0f}, floats);
        assertEquals(64, ints.length, "a full array grows (to at least 64)");
        IntStack is = new IntStack();
        is.adopt(ints, 1);
        assertEquals(7, is.pop());
    }

    @Test
    void reserveMakesRoomForALoopOnceAndKeepsTheValuesBelowTop() {
        double[] values = new double[64];
        int top = 0;
        for (; top < 10; top++) {
            values[top] = top;
        }
        assertSame(values, AdjointStacks.reserve(values, top, 6, 9), "54 values fit above 10 of 64: no copy");
        double[] grown = AdjointStacks.reserve(values, top, 3, 100);
        assertTrue(grown.length >= top + 300);
        for (int i = 0; i < top; i++) {
            assertEquals(i, grown[i]);
        }
        for (int i = 0; i < 300; i++) {
            grown[top++] = -i; // the loop's stores need no capacity test
        }
        assertEquals(-299.0, grown[--top]);
        // no iteration, or fewer than none (an empty range): nothing to make room for
        assertSame(values, AdjointStacks.reserve(values, 64, 5, 0));
        assertSame(values, AdjointStacks.reserve(values, 64, 5, -7));
    }

    @Test
    void reserveGrowsEveryKindOfStackAndRefusesWhatCannotFitInAnArray() {
        assertTrue(AdjointStacks.reserve(new float[1], 1, 2, 50).length >= 101);
        assertTrue(AdjointStacks.reserve(new int[1], 1, 2, 50).length >= 101);
        assertTrue(AdjointStacks.reserve(new long[1], 1, 2, 50).length >= 101);
        assertTrue(AdjointStacks.reserve(new boolean[1], 1, 2, 50).length >= 101);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> AdjointStacks.reserve(new double[1], 0, 4, 1L << 30));
        assertTrue(e.getMessage().contains("adjoint stack full"), e.getMessage());
    }
}
