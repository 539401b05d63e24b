package dev.adjoint.gradbench.json;

import java.util.Arrays;

/**
 * GradBench's {@code timings}: a list of {@code {"name": ..., "nanoseconds": ...}}, kept as a
 * growing {@code long[]} because a fast function timed for {@code min_seconds} runs millions of
 * times, and each run has an entry.
 */
public final class Timings {
    private String[] names = new String[16];
    private long[] nanoseconds = new long[16];
    private int size;

    public void add(String name, long ns) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            nanoseconds = Arrays.copyOf(nanoseconds, size * 2);
        }
        names[size] = name;
        nanoseconds[size++] = ns;
    }

    public int size() {
        return size;
    }

    public String name(int i) {
        return names[i];
    }

    public long nanoseconds(int i) {
        return nanoseconds[i];
    }
}
