/**
 * The tape strategy: a method the static transformation rejects (recursion, a callee that writes
 * an array it is given, different arrays returned) is recorded as it runs, so that every active
 * value carries a handle on the runtime's {@code dev.adjoint.tape.Tape}; its adjoint records, seeds
 * the result, sweeps the tape once and hands the inputs' adjoints to the caller's buffers, with the
 * static strategy's exact signatures. One front end: {@code IrRecorder} writes the recording from
 * the normalized form the static strategy and forward mode read ({@code Normalizer.normalizeForTape},
 * checked by {@code Fence.checkForTape}), {@code TapeSweep} the adjoint around it.
 */
package dev.adjoint.generator.tape;
