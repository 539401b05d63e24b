package dev.adjoint.stack;

import java.util.Arrays;

/** A growable LIFO stack of {@code double} values; see the package documentation. */
public final class DoubleStack {
    private double[] items = new double[64];
    private int size;

    /** Pushes {@code v}, growing the backing array (doubling) when full. */
    public void push(double v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    /** Removes and returns the most recently pushed value. */
    public double pop() {
        if (size == 0) {
            throw new IllegalStateException("double stack underflow: a reverse sweep popped more than its forward sweep pushed");
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
