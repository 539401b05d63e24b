package dev.adjoint.stack;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;

/**
 * The typed stacks and the array pool of one thread. Generated code fetches them once per gradient call with
 * {@link #forThread()} and passes nothing else around; adjoints that call other adjoints share
 * them, which is correct because every call pops exactly what it pushed, in reverse order.
 */
public final class AdjointStacks {
    private static final ThreadLocal<AdjointStacks> PER_THREAD = ThreadLocal.withInitial(AdjointStacks::new);

    /** Overwritten {@code double} values. */
    public final DoubleStack doubles = new DoubleStack();
    /** Overwritten {@code float} values. */
    public final FloatStack floats = new FloatStack();
    /** Overwritten integers, loop trip counts, branch numbers. */
    public final IntStack ints = new IntStack();
    /** Overwritten longs. */
    public final LongStack longs = new LongStack();
    /** Overwritten booleans and two-way branch outcomes. */
    public final BooleanStack booleans = new BooleanStack();
    /** Local arrays and array adjoints, reused from call to call. */
    public final ArrayPool arrays = new ArrayPool();
    /** The earlier arrays of local array variables that a loop creates again, and of their adjoints. */
    public final ReferenceStack references = new ReferenceStack();
    /** The checks of push and pop order that generated code makes with {@code -ea}. */
    public final StackChecks checks = new StackChecks();

    private DoubleGrad[] doubleCells = new DoubleGrad[16];
    private FloatGrad[] floatCells = new FloatGrad[16];
    private int doubleCellsUsed;
    private int floatCellsUsed;
    private double[] doubleScratch = new double[16];
    private float[] floatScratch = new float[16];

    /** The calling thread's stacks (created on first use, then reused). */
    public static AdjointStacks forThread() {
        return PER_THREAD.get();
    }

    /**
     * A zeroed gradient cell for a scalar argument of a call to another adjoint, taken from a
     * per-thread pool; give cells back with {@link #releaseCells(int, int)}.
     */
    public DoubleGrad borrowDoubleCell() {
        if (doubleCellsUsed == doubleCells.length) {
            doubleCells = java.util.Arrays.copyOf(doubleCells, doubleCells.length * 2);
        }
        DoubleGrad c = doubleCells[doubleCellsUsed];
        if (c == null) {
            c = new DoubleGrad();
            doubleCells[doubleCellsUsed] = c;
        }
        doubleCellsUsed++;
        c.zero();
        return c;
    }

    /** The {@code float} counterpart of {@link #borrowDoubleCell()}. */
    public FloatGrad borrowFloatCell() {
        if (floatCellsUsed == floatCells.length) {
            floatCells = java.util.Arrays.copyOf(floatCells, floatCells.length * 2);
        }
        FloatGrad c = floatCells[floatCellsUsed];
        if (c == null) {
            c = new FloatGrad();
            floatCells[floatCellsUsed] = c;
        }
        floatCellsUsed++;
        c.zero();
        return c;
    }

    /** How many double cells are borrowed now (pass it to {@link #releaseCells}). */
    public int doubleCellMark() {
        return doubleCellsUsed;
    }

    /** How many float cells are borrowed now. */
    public int floatCellMark() {
        return floatCellsUsed;
    }

    /** Gives back every cell borrowed since the marks were taken. */
    public void releaseCells(int doubleMark, int floatMark) {
        doubleCellsUsed = doubleMark;
        floatCellsUsed = floatMark;
    }

    /**
     * A per-thread array of at least {@code n} elements that a call to another adjoint may add
     * gradients into when the caller does not want them (an argument without derivative). Its
     * contents are meaningless.
     */
    public double[] discardDoubles(int n) {
        if (doubleScratch.length < n) {
            doubleScratch = new double[Math.max(n, doubleScratch.length * 2)];
        }
        return doubleScratch;
    }

    /** The {@code float} counterpart of {@link #discardDoubles(int)}. */
    public float[] discardFloats(int n) {
        if (floatScratch.length < n) {
            floatScratch = new float[Math.max(n, floatScratch.length * 2)];
        }
        return floatScratch;
    }

    /** Whether every stack is empty: true between two complete gradient calls. */
    public boolean isEmpty() {
        return doubles.size() == 0
                && floats.size() == 0
                && ints.size() == 0
                && longs.size() == 0
                && booleans.size() == 0
                && references.size() == 0
                && doubleCellsUsed == 0
                && floatCellsUsed == 0
                && arrays.isEmpty();
    }

    /** Drops every value (after an exception interrupted a gradient call, for instance). */
    public void clear() {
        doubles.clear();
        floats.clear();
        ints.clear();
        longs.clear();
        booleans.clear();
        references.clear();
        checks.clear();
        doubleCellsUsed = 0;
        floatCellsUsed = 0;
        arrays.release(0);
    }

    // a sweep that keeps a stack in locals pushes with these: values = push(values, top++, v)

    /**
     * Stores {@code v} at {@code values[top]} and returns the array to go on with: {@code values},
     * or a copy twice as long when it was full.
     */
    public static double[] push(double[] values, int top, double v) {
        double[] out = top < values.length ? values : java.util.Arrays.copyOf(values, Math.max(64, 2 * values.length));
        out[top] = v;
        return out;
    }

    /**
     * Stores {@code v} at {@code values[top]} and returns the array to go on with: {@code values},
     * or a copy twice as long when it was full.
     */
    public static float[] push(float[] values, int top, float v) {
        float[] out = top < values.length ? values : java.util.Arrays.copyOf(values, Math.max(64, 2 * values.length));
        out[top] = v;
        return out;
    }

    /**
     * Stores {@code v} at {@code values[top]} and returns the array to go on with: {@code values},
     * or a copy twice as long when it was full.
     */
    public static int[] push(int[] values, int top, int v) {
        int[] out = top < values.length ? values : java.util.Arrays.copyOf(values, Math.max(64, 2 * values.length));
        out[top] = v;
        return out;
    }

    /**
     * Stores {@code v} at {@code values[top]} and returns the array to go on with: {@code values},
     * or a copy twice as long when it was full.
     */
    public static long[] push(long[] values, int top, long v) {
        long[] out = top < values.length ? values : java.util.Arrays.copyOf(values, Math.max(64, 2 * values.length));
        out[top] = v;
        return out;
    }

    /**
     * Stores {@code v} at {@code values[top]} and returns the array to go on with: {@code values},
     * or a copy twice as long when it was full.
     */
    public static boolean[] push(boolean[] values, int top, boolean v) {
        boolean[] out = top < values.length ? values : java.util.Arrays.copyOf(values, Math.max(64, 2 * values.length));
        out[top] = v;
        return out;
    }

    // a counted loop that pushes a fixed number of values per iteration makes room once, before it
    // starts: values = reserve(values, top, perIteration, iterations); then values[top++] = v in the
    // loop, a store without the capacity test and the possible copy that keep the JIT from
    // optimising a loop around push

    /** The largest array length every JVM allows. */
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    /**
     * The length to grow a stack's values array to so that {@code perIteration · iterations} more
     * values fit above {@code top}, or {@code length} when they fit already.
     *
     * @throws IllegalStateException when they cannot fit in one array
     */
    static int reservedLength(int length, int top, int perIteration, long iterations) {
        long needed = top + (long) perIteration * Math.max(0, iterations);
        if (needed <= length) {
            return length;
        }
        if (iterations > MAX_LENGTH || needed > MAX_LENGTH) {
            throw new IllegalStateException("adjoint stack full: " + perIteration + " values for each of " + iterations
                    + " iterations do not fit above " + top + " values in one array");
        }
        return (int) Math.min(MAX_LENGTH, Math.max(needed, Math.max(64, 2L * length)));
    }

    /** {@code values}, or a longer copy, with room for {@code perIteration · iterations} values above {@code top}. */
    public static double[] reserve(double[] values, int top, int perIteration, long iterations) {
        int n = reservedLength(values.length, top, perIteration, iterations);
        return n == values.length ? values : java.util.Arrays.copyOf(values, n);
    }

    /** {@code values}, or a longer copy, with room for {@code perIteration · iterations} values above {@code top}. */
    public static float[] reserve(float[] values, int top, int perIteration, long iterations) {
        int n = reservedLength(values.length, top, perIteration, iterations);
        return n == values.length ? values : java.util.Arrays.copyOf(values, n);
    }

    /** {@code values}, or a longer copy, with room for {@code perIteration · iterations} values above {@code top}. */
    public static int[] reserve(int[] values, int top, int perIteration, long iterations) {
        int n = reservedLength(values.length, top, perIteration, iterations);
        return n == values.length ? values : java.util.Arrays.copyOf(values, n);
    }

    /** {@code values}, or a longer copy, with room for {@code perIteration · iterations} values above {@code top}. */
    public static long[] reserve(long[] values, int top, int perIteration, long iterations) {
        int n = reservedLength(values.length, top, perIteration, iterations);
        return n == values.length ? values : java.util.Arrays.copyOf(values, n);
    }

    /** {@code values}, or a longer copy, with room for {@code perIteration · iterations} values above {@code top}. */
    public static boolean[] reserve(boolean[] values, int top, int perIteration, long iterations) {
        int n = reservedLength(values.length, top, perIteration, iterations);
        return n == values.length ? values : java.util.Arrays.copyOf(values, n);
    }
}
