package dev.adjoint.tape;

import java.util.Arrays;

/**
 * A Wengert list of scalar operations, held in primitive arrays: node {@code z} has up to four
 * parents {@code p} with their local partials {@code ∂z/∂p}, and an adjoint
 * {@code adj[z] = ∂(seeded output)/∂z}. There is no object per operation. The (parent, partial)
 * pairs of all nodes follow one another in two edge arrays, node {@code z}'s from
 * {@code edgeEnd[z]} to {@code edgeEnd[z + 1]}, and a parent without derivative is not stored at
 * all: recording a binary operation writes two edges and one end, in three streams.
 *
 * <p>A node is referred to by its handle, its index on the tape; a value without derivative has
 * the handle {@link #CONSTANT}. Parents always precede their node, so one pass from the top down
 * (see {@link #sweep(int)}) visits every node after all of its consumers: no sort, no recursion.
 *
 * <p>Nesting: a tape-mode method that calls another takes a {@link #mark()}, lets the callee
 * record above it, sweep down to it and {@link #reset(int)} to it; the nodes below the mark and
 * their adjoints are left as they were. Handles of dropped nodes must not be used again.
 *
 * <p>Thread-confined: use {@link #forThread()}. {@link #reset(int)} keeps capacity, so a
 * warmed-up record-and-sweep allocates nothing.
 *
 * <p>Cost: recording is what a taped gradient spends most on, so a push does the least per node:
 * its capacity checks first, then per parent one test for CONSTANT, one unsigned compare for
 * the handle's validity and two array stores, then one store closing the node. Adjoints above
 * the top are kept at 0 ({@link #reset(int)} clears what it drops, in one fill), so that a new
 * node needs no store for its adjoint. The push methods stay small enough for the JIT to inline.
 */
public final class Tape {
    private int result = CONSTANT;
    private int[] resultHandles;
    /** The handle of a value without derivative (a constant); pushes with only CONSTANT parents record nothing and return CONSTANT. */
    public static final int CONSTANT = -1;

    private static final ThreadLocal<Tape> PER_THREAD = ThreadLocal.withInitial(Tape::new);
    private static final int INITIAL_CAPACITY = 1024;
    /** The largest array length every JVM allows. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    // node z: adjoint[z], and its edges [edgeEnd[z], edgeEnd[z + 1]) (edgeEnd[0] = 0)
    private double[] adjoint = new double[INITIAL_CAPACITY];
    private int[] edgeEnd = new int[INITIAL_CAPACITY + 1];
    private int size;
    // edge k: a parent's handle and ∂z/∂parent
    private int[] edgeParent = new int[2 * INITIAL_CAPACITY];
    private double[] edgePartial = new double[2 * INITIAL_CAPACITY];
    private int edges;

    private final HandlePool handles = new HandlePool();

    Tape() {}

    /** The calling thread's tape (a {@link ThreadLocal}), created on first use and reused afterwards. */
    public static Tape forThread() {
        return PER_THREAD.get();
    }

    /** The current number of nodes: a mark to come back to with {@link #sweep(int)} and {@link #reset(int)}. */
    public int mark() {
        return size;
    }

    /**
     * Drops every node at or above {@code mark}, keeping capacity; the adjoints of the remaining
     * nodes are untouched.
     *
     * @throws IllegalArgumentException unless {@code 0 <= mark <= mark()}
     */
    public void reset(int mark) {
        checkMark(mark);
        Arrays.fill(adjoint, mark, size, 0.0); // adjoints above the top stay 0: see close()
        size = mark;
        edges = edgeEnd[mark];
    }

    /** A new independent variable (a leaf: no parents), with adjoint 0. */
    public int leaf() {
        return node();
    }

    /**
     * {@code n} consecutive leaves, each with adjoint 0.
     *
     * @return the handle of the first; leaf {@code i} is {@code first + i}
     * @throws IllegalArgumentException when {@code n < 0}
     */
    public int leaves(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("leaves(" + n + "): the count must not be negative");
        }
        int first = size;
        ensureCapacity((long) size + n);
        int end = first + n;
        Arrays.fill(edgeEnd, first + 1, end + 1, edges);
        size = end;
        return first;
    }

    /**
     * A node {@code z} with one parent: {@code dz = da · d(a)}.
     *
     * @param a the parent's handle
     * @param da {@code ∂z/∂a}
     * @return the new node's handle, or {@link #CONSTANT} (recording nothing) when {@code a} is CONSTANT
     */
    public int push1(int a, double da) {
        room(1);
        return push1u(a, da);
    }

    /**
     * A node {@code z} with two parents: {@code dz = da · d(a) + db · d(b)}. A CONSTANT parent is
     * not recorded (its partial is ignored); when both are CONSTANT nothing is recorded.
     *
     * @return the new node's handle, or {@link #CONSTANT}
     */
    public int push2(int a, double da, int b, double db) {
        room(2);
        return push2u(a, da, b, db);
    }

    /**
     * A node {@code z} with three parents (a fused operation):
     * {@code dz = da · d(a) + db · d(b) + dc · d(c)}, with the CONSTANT rules of {@link #push2}.
     *
     * @return the new node's handle, or {@link #CONSTANT}
     */
    public int push3(int a, double da, int b, double db, int c, double dc) {
        room(3);
        return push3u(a, da, b, db, c, dc);
    }

    /**
     * A node {@code z} with four parents (a whole expression, its partials multiplied through):
     * {@code dz = da · d(a) + db · d(b) + dc · d(c) + dd · d(d)}, with the CONSTANT rules of {@link #push2}.
     *
     * @return the new node's handle, or {@link #CONSTANT}
     */
    public int push4(int a, double da, int b, double db, int c, double dc, int d, double dd) {
        room(4);
        return push4u(a, da, b, db, c, dc, d, dd);
    }

    /**
     * Room for a loop's recording, made once before it starts: {@code iterations} iterations of
     * {@code nodes} nodes with {@code edges} edges in all each. The loop then records with
     * {@link #push1u} to {@link #push4u}, which skip the capacity test (and with it the call that
     * would grow the arrays, which keeps the JIT from optimising the loop around a push).
     *
     * @throws IllegalStateException when that many nodes or edges cannot fit in one array
     */
    public void reserve(int nodes, int edges, long iterations) {
        long n = Math.max(0, iterations);
        long moreNodes = nodes * n;
        long moreEdges = edges * n;
        if (size + moreNodes > MAX_CAPACITY - 1 || edges + moreEdges > MAX_CAPACITY) {
            throw new IllegalStateException(
                    "tape full: " + n + " iterations of " + nodes + " nodes and " + edges + " edges do not fit");
        }
        ensureEdges((int) moreEdges);
        ensureCapacity(size + moreNodes);
    }

    /** {@link #push1} in room made by {@link #reserve}. */
    public int push1u(int a, double da) {
        return close(edge(edges, a, da));
    }

    /** {@link #push2} in room made by {@link #reserve}. */
    public int push2u(int a, double da, int b, double db) {
        return close(edge(edge(edges, a, da), b, db));
    }

    /** {@link #push3} in room made by {@link #reserve}. */
    public int push3u(int a, double da, int b, double db, int c, double dc) {
        return close(edge(edge(edge(edges, a, da), b, db), c, dc));
    }

    /** {@link #push4} in room made by {@link #reserve}. */
    public int push4u(int a, double da, int b, double db, int c, double dc, int d, double dd) {
        return close(edge(edge(edge(edge(edges, a, da), b, db), c, dc), d, dd));
    }

    /** {@code adj[h] += s}: seeds an output with its cotangent (ignored for {@link #CONSTANT}). */
    public void seed(int h, double s) {
        if (h == CONSTANT) {
            return;
        }
        checkHandle(h);
        adjoint[h] += s;
    }

    /**
     * The reverse sweep: for every node {@code z} from the top down to (and including)
     * {@code mark}, in decreasing order, {@code adj[p] += adj[z] · ∂z/∂p} for each parent
     * {@code p}. A node is visited only after every node that consumes it, so its adjoint is
     * complete when it is propagated. Nodes with adjoint 0 contribute nothing and are skipped, and
     * so do edges whose partial is 0: as in the static strategy's select past a clamp, an infinite
     * adjoint times a zero partial adds 0, not NaN.
     *
     * @throws IllegalArgumentException unless {@code 0 <= mark <= mark()}
     */
    public void sweep(int mark) {
        checkMark(mark);
        int[] end = edgeEnd, parent = edgeParent;
        double[] partial = edgePartial, adj = adjoint;
        int last = end[size]; // node z's edges are [end[z], end[z + 1]): one read of end per node
        for (int z = size - 1; z >= mark; z--) {
            int first = end[z];
            double g = adj[z];
            if (g != 0.0) {
                for (int k = first; k < last; k++) {
                    double d = partial[k];
                    if (d != 0.0) { // a clamp's 0 stops an infinite adjoint (sqrt(max(v, 0)) at v < 0): 0, not NaN
                        adj[parent[k]] += g * d;
                    }
                }
            }
            last = first;
        }
    }

    /** The accumulated adjoint of {@code h}, {@code ∂(seeded outputs)/∂h}; 0 for {@link #CONSTANT}. */
    public double adjoint(int h) {
        if (h == CONSTANT) {
            return 0.0;
        }
        checkHandle(h);
        return adjoint[h];
    }

    /**
     * A per-thread {@code int[]} of at least {@code n} elements to hold the handles of an array's
     * elements (for arrays written in place), filled with {@link #CONSTANT} on {@code [0, n)}.
     * Borrowed LIFO: take {@link #handlesMark()} first, give back with {@link #releaseHandles(int)}.
     * An array stays valid until it is released, whatever is borrowed above it.
     */
    public int[] borrowHandles(int n) {
        return handles.borrow(n);
    }

    /** How many handle arrays are borrowed now: pass it to {@link #releaseHandles(int)}. */
    public int handlesMark() {
        return handles.mark();
    }

    /**
     * Gives back every handle array borrowed since {@code mark} was taken.
     *
     * @throws IllegalArgumentException unless {@code 0 <= mark <= handlesMark()}
     */
    public void releaseHandles(int mark) {
        handles.release(mark);
    }

    /**
     * Hands a recorded method's result handle to its caller: generated recorders return the value
     * and leave the handle here, so no object is made per call.
     */
    public void setResult(int h) {
        result = h;
    }

    /** The handle the last {@link #setResult(int)} left. */
    public int result() {
        return result;
    }

    /** As {@link #setResult(int)} for an array result: the handles of its elements (borrowed, see {@link #borrowHandles}). */
    public void setResult(int[] handles) {
        resultHandles = handles;
    }

    /** The handles the last {@link #setResult(int[])} left. */
    public int[] resultHandles() {
        return resultHandles;
    }

    /** The pool behind {@link #borrowHandles(int)}, for {@link RowHandles}. */
    HandlePool handlePool() {
        return handles;
    }

    /** The length of the node arrays (for tests of reuse). */
    public int capacity() {
        return adjoint.length;
    }

    /**
     * Makes room for one more node with up to {@code more} edges (growing is the cold path, out of
     * line) and returns the index of its first edge.
     */
    private int room(int more) {
        if (edges > edgeParent.length - more || size == adjoint.length) {
            grow(more);
        }
        return edges;
    }

    private void grow(int more) {
        ensureEdges(more);
        ensureCapacity((long) size + 1);
    }

    /**
     * Writes edge {@code e} of the node being recorded, to the live node {@code parent}, and returns
     * the next edge's index; a CONSTANT parent writes nothing (its partial is ignored). (Live handles are {@code 0 <= parent < size}: one unsigned compare. This
     * keeps every parent below its node.)
     */
    private int edge(int e, int parent, double partial) {
        if (parent == CONSTANT) {
            return e;
        }
        if (Integer.compareUnsigned(parent, size) >= 0) {
            throw noNode(parent);
        }
        edgeParent[e] = parent;
        edgePartial[e] = partial;
        return e + 1;
    }

    /**
     * Closes a node over the edges written from {@code edges} up to {@code e}, or records nothing and
     * returns CONSTANT when there are none. Its adjoint is already 0 (see {@link #reset(int)}).
     */
    private int close(int e) {
        if (e == edges) {
            return CONSTANT;
        }
        edges = e;
        int z = size++;
        edgeEnd[z + 1] = e;
        return z;
    }

    /** A new node without parents (a leaf). */
    private int node() {
        if (size == adjoint.length) {
            ensureCapacity((long) size + 1);
        }
        int z = size++;
        edgeEnd[z + 1] = edges;
        return z;
    }

    private void ensureEdges(int more) {
        if (edges + more > edgeParent.length) {
            long needed = (long) edges + more;
            if (needed > MAX_CAPACITY) {
                throw new IllegalStateException("tape full: " + needed + " edges exceed " + MAX_CAPACITY);
            }
            int n = (int) Math.min(MAX_CAPACITY, Math.max(needed, 2L * edgeParent.length));
            edgeParent = Arrays.copyOf(edgeParent, n);
            edgePartial = Arrays.copyOf(edgePartial, n);
        }
    }

    /** Doubles the node arrays until they hold {@code needed} nodes. */
    private void ensureCapacity(long needed) {
        if (needed <= adjoint.length) {
            return;
        }
        if (needed > MAX_CAPACITY - 1) {
            throw new IllegalStateException("tape full: " + needed + " nodes exceed " + (MAX_CAPACITY - 1));
        }
        int n = (int) Math.min(MAX_CAPACITY - 1, Math.max(needed, 2L * adjoint.length));
        adjoint = Arrays.copyOf(adjoint, n);
        edgeEnd = Arrays.copyOf(edgeEnd, n + 1);
    }

    /** Only CONSTANT and live nodes are handles. */
    private void checkHandle(int h) {
        if (h < CONSTANT || h >= size) {
            throw noNode(h);
        }
    }

    private IllegalArgumentException noNode(int h) {
        return new IllegalArgumentException("no node " + h + " on the tape (" + size + " nodes): "
                + "a handle from before a reset, or not a handle");
    }

    private void checkMark(int mark) {
        if (mark < 0 || mark > size) {
            throw new IllegalArgumentException("mark " + mark + " is outside the tape (" + size + " nodes)");
        }
    }
}
