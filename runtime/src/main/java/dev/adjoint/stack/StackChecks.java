package dev.adjoint.stack;

/**
 * Checks, made only when assertions are on ({@code java -ea}), that a reverse sweep pops what its
 * forward sweep pushed, in order. Generated code calls these inside {@code assert} statements, so
 * that without {@code -ea} they cost nothing: at the end of each iteration of a forward loop that
 * saves values, {@code assert _stack.checks.mark(site, tops...)} records where it is (the site, a
 * number per loop of the method) and the tops of the stacks; at the start of the reversed
 * iteration, {@code assert _stack.checks.check(site, tops...)} takes that record back and
 * compares. A pop left out or added, or the values of one block popped in another, leaves a top
 * or the site different (Tangent's {@code op_id}, per block rather than per value).
 *
 * <p>The records form a stack of their own: calls to other adjoints nest theirs inside the
 * caller's. An exception that leaves a forward sweep strands its records below the next call's,
 * which never reaches them.
 */
public final class StackChecks {
    private final IntStack records = new IntStack();

    // (one, two and three stacks without a varargs array: a warm gradient call under -ea allocates nothing)

    /** {@link #mark(int, int...)} of one stack's top. */
    public boolean mark(int site, int a) {
        records.push(a);
        return marked(site, 1);
    }

    /** {@link #mark(int, int...)} of two stacks' tops. */
    public boolean mark(int site, int a, int b) {
        records.push(a);
        records.push(b);
        return marked(site, 2);
    }

    /** {@link #mark(int, int...)} of three stacks' tops. */
    public boolean mark(int site, int a, int b, int c) {
        records.push(a);
        records.push(b);
        records.push(c);
        return marked(site, 3);
    }

    private boolean marked(int site, int n) {
        records.push(n);
        records.push(site);
        return true;
    }

    /** {@link #check(int, int...)} of one stack's top. */
    public boolean check(int site, int a) {
        return taken(site, 1) && top(site, 0, 1, a);
    }

    /** {@link #check(int, int...)} of two stacks' tops. */
    public boolean check(int site, int a, int b) {
        return taken(site, 2) && top(site, 1, 2, b) && top(site, 0, 2, a);
    }

    /** {@link #check(int, int...)} of three stacks' tops. */
    public boolean check(int site, int a, int b, int c) {
        return taken(site, 3) && top(site, 2, 3, c) && top(site, 1, 3, b) && top(site, 0, 3, a);
    }

    /** Records the {@code site} and the stacks' {@code tops}; true, for {@code assert}. */
    public boolean mark(int site, int... tops) {
        for (int t : tops) {
            records.push(t);
        }
        records.push(tops.length);
        records.push(site);
        return true;
    }

    /**
     * Takes back the last record and compares it with the {@code site} and the {@code tops} here;
     * true, for {@code assert}.
     *
     * @throws AssertionError naming the site and the stack where they differ: the reverse sweep does
     *     not pop what the forward sweep pushed
     */
    public boolean check(int site, int... tops) {
        taken(site, tops.length);
        for (int i = tops.length - 1; i >= 0; i--) {
            top(site, i, tops.length, tops[i]);
        }
        return true;
    }

    /** Takes back the last record's site and count, which must be {@code site} and {@code n}. */
    private boolean taken(int site, int n) {
        if (records.size() == 0) {
            throw new AssertionError("stack check at site " + site
                    + ": nothing was marked (the forward sweep pushed less, or" + " the reverse sweep checked twice)");
        }
        int marked = records.pop();
        int count = records.pop();
        if (marked != site || count != n) {
            throw new AssertionError("stack check at site " + site + " meets the mark of site " + marked
                    + ": the reverse" + " sweep is not undoing the block the forward sweep ran last");
        }
        return true;
    }

    /** Takes back the recorded top of stack {@code i} (of {@code n}), which must be {@code top}. */
    private boolean top(int site, int i, int n, int top) {
        int was = records.pop();
        if (was != top) {
            throw new AssertionError(
                    "stack check at site " + site + ": stack " + (i + 1) + " of " + n + " has its top at " + top
                            + ", the forward sweep left it at " + was + ": a pop does not match a push");
        }
        return true;
    }

    /** The number of records not yet checked (for tests). */
    public int size() {
        return records.size();
    }

    /** Drops every record. */
    public void clear() {
        records.clear();
    }
}
