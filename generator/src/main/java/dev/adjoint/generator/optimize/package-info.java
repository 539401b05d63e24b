/**
 * Peepholes over a generated method's tree of statements ({@link dev.adjoint.generator.code.Code}),
 * run by the reverse pass once both sweeps are built. Each takes away what the JIT cannot:
 * {@link dev.adjoint.generator.optimize.LoopFusion} joins short loops in a row over the same range
 * (their set-up), {@link dev.adjoint.generator.optimize.LoopAccumulators} keeps an element's adjoint
 * in a local across a loop, and {@link dev.adjoint.generator.optimize.InvariantLoads} hoists loads
 * out of loops (element adds and loads the JIT must redo for fear of aliasing). Each decides on the
 * nodes (what a statement reads and writes, what a loop changes: {@link dev.adjoint.generator.code.Uses}),
 * never on the text they print to, and each has its switch in {@code Options}
 * ({@code adjoint.disable=loopFusion,loopAccumulators,invariantLoads}).
 *
 * <p>Two more are for the person who reads the code: {@link dev.adjoint.generator.optimize.CopyChains}
 * writes {@code _d_t2 = _d_s; _d_t1 = _d_t2;} as one assignment when nothing else reads
 * {@code _d_t2}, and {@link dev.adjoint.generator.optimize.DenseTemporaries} numbers the temporaries
 * that the passes left {@code _t1, _t2, ...} without gaps ({@code copyChains},
 * {@code denseTemporaries}).
 */
package dev.adjoint.generator.optimize;
