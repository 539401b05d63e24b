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
        if (records.size() == 0) {
            throw new AssertionError("stack check at site " + site + ": nothing was marked (the forward sweep pushed less, or"
                    + " the reverse sweep checked twice)");
        }
        int marked = records.pop();
        int n = records.pop();
        if (marked != site || n != tops.length) {
            throw new AssertionError("stack check at site " + site + " meets the mark of site " + marked + ": the reverse"
                    + " sweep is not undoing the block the forward sweep ran last");
        }
        for (int i = n - 1; i >= 0; i--) {
            int was = records.pop();
            if (was != tops[i]) {
                throw new AssertionError("stack check at site " + site + ": stack " + (i + 1) + " of " + n + " has its top at "
                        + tops[i] + ", the forward sweep left it at " + was + ": a pop does not match a push");
            }
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
