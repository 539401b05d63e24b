/**
 * The tape strategy: a method the static transformation rejects is rewritten statement by
 * statement, control flow kept as written (recursion, {@code switch}, labelled jumps, any loop),
 * so that every active value carries a handle on the runtime's {@code dev.adjoint.tape.Tape};
 * its adjoint records, seeds the result, sweeps the tape once and hands the inputs' adjoints to
 * the caller's buffers, with the static strategy's exact signatures. Two recorders write the
 * recording: {@code TapeRecorder} from the method's tree (the default), and {@code IrRecorder} from
 * the normalized form the static strategy reads (behind {@code Options.tapeFromIr}, issue 19).
 */
package dev.adjoint.generator.tape;
