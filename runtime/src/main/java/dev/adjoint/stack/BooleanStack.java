package dev.adjoint.stack;

import java.util.Arrays;

/** A growable LIFO stack of {@code boolean} values; see the package documentation. */
public final class BooleanStack {
    private boolean[] items = new boolean[64];
    private int size;

    /** Pushes {@code v}, growing the backing array (doubling) when full. */
    public void push(boolean v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    /** Removes and returns the most recently pushed value. */
    public boolean pop() {
        if (size == 0) {
            throw new IllegalStateException(
                    "boolean stack underflow: a reverse sweep popped more than its forward sweep pushed");
        }
        return items[--size];
    }

    /**
     * The values array, for a generated sweep that keeps it and the top in local variables
     * ({@link AdjointStacks#push(boolean[], int, boolean)}, {@code values[--top]}) and hands them back
     * with {@link #adopt} before it returns or calls another adjoint.
     */
    public boolean[] values() {
        return items;
    }

    /** Takes back the values array (maybe grown) and the size from a sweep that kept them in locals. */
    public void adopt(boolean[] values, int size) {
        items = values;
        this.size = size;
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
