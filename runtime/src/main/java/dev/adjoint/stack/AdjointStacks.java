package dev.adjoint.stack;

/**
 * The four typed stacks of one thread. Generated code fetches them once per gradient call with
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
    /** Overwritten booleans and two-way branch outcomes. */
    public final BooleanStack booleans = new BooleanStack();

    /** The calling thread's stacks (created on first use, then reused). */
    public static AdjointStacks forThread() {
        return PER_THREAD.get();
    }

    /** Whether every stack is empty: true between two complete gradient calls. */
    public boolean isEmpty() {
        return doubles.size() == 0 && floats.size() == 0 && ints.size() == 0 && booleans.size() == 0;
    }

    /** Drops every value (after an exception interrupted a gradient call, for instance). */
    public void clear() {
        doubles.clear();
        floats.clear();
        ints.clear();
        booleans.clear();
    }
}
