package dev.adjoint.stack;

import java.util.Arrays;

/**
 * A growable LIFO stack of array references: a local array that a loop creates again (or a block
 * creates anew) has its previous array and that array's adjoint pushed before each creation, and
 * the reverse sweep pops them back as it passes the creation, so that each reversed iteration reads
 * the array its own forward iteration created. The arrays themselves come from the {@link ArrayPool}.
 */
public final class ReferenceStack {
    private Object[] items = new Object[64];
    private int size;

    /** Pushes {@code a} (an array, or {@code null} before the first creation). */
    public void push(Object a) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = a;
    }

    /**
     * Removes and returns the most recently pushed reference, as the type the caller assigns it to
     * (the generated code pops into the variable it pushed from).
     */
    @SuppressWarnings("unchecked")
    public <T> T pop() {
        if (size == 0) {
            throw new IllegalStateException(
                    "reference stack underflow: a reverse sweep popped more than its forward sweep pushed");
        }
        Object a = items[--size];
        items[size] = null; // (the stack keeps no caller's array alive)
        return (T) a;
    }

    /** The number of references on the stack. */
    public int size() {
        return size;
    }

    /**
     * Drops the references pushed since the stack had {@code size} of them: a generated method that
     * throws in its forward sweep (an input guard) gives back what it pushed.
     */
    public void release(int size) {
        Arrays.fill(items, size, this.size, null);
        this.size = size;
    }

    /** Drops every reference; the backing array is kept for reuse. */
    public void clear() {
        Arrays.fill(items, 0, size, null);
        size = 0;
    }
}
