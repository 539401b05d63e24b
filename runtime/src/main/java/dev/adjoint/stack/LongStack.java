package dev.adjoint.stack;

import java.util.Arrays;

/** A growable LIFO stack of {@code long} values; see the package documentation. */
public final class LongStack {
    private long[] items = new long[64];
    private int size;

    /** Pushes {@code v}, growing the backing array (doubling) when full. */
    public void push(long v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    /** Removes and returns the most recently pushed value. */
    public long pop() {
        if (size == 0) {
            throw new IllegalStateException("long stack underflow: a reverse sweep popped more than its forward sweep pushed");
        }
        return items[--size];
    }

    /** The number of values on the stack. */
    public int size() {
        return size;
    }

    /** Drops every value; the backing array is kept for reuse. */
    public void clear() {
        size = 0;
    }

    /** The length of the backing array (for tests of reuse). */
    public int capacity() {
        return items.length;
    }
}
