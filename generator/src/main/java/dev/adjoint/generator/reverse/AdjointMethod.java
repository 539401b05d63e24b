package dev.adjoint.generator.reverse;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.select.MethodRequest;
import java.util.List;

/**
 * The generated adjoint of one method, before printing.
 *
 * @param request the method it differentiates
 * @param bufferNames the gradient parameter's name for each {@code wrt} parameter, in order
 * @param seedName the seed parameter's name
 * @param body the Vjp method's statements: forward sweep, reverse sweep, result
 * @param recorder the tape-recording twin, for methods the tape strategy handles or that tape
 *     methods call
 */
public record AdjointMethod(
        MethodRequest request,
        List<String> bufferNames,
        String seedName,
        List<Code> body,
        java.util.Optional<Recorder> recorder) {
    public AdjointMethod {
        bufferNames = List.copyOf(bufferNames);
        body = List.copyOf(body);
    }

    /** An adjoint without a recording twin. */
    public AdjointMethod(MethodRequest request, List<String> bufferNames, String seedName, List<Code> body) {
        this(request, bufferNames, seedName, body, java.util.Optional.empty());
    }

    /** The same adjoint with a recording twin. */
    public AdjointMethod withRecorder(Recorder r) {
        return new AdjointMethod(request, bufferNames, seedName, body, java.util.Optional.of(r));
    }

    /**
     * The recording twin {@code nameRecord(Tape _tape, p1, p1_h, ...)}.
     *
     * @param body its statements, as nodes (printed by the emitter, bounded by {@code size/})
     * @param paramHandles the handle parameter after each floating parameter (null for others)
     */
    public record Recorder(List<Code> body, List<String> paramHandles) {
        public Recorder {
            body = List.copyOf(body);
            paramHandles = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(paramHandles));
        }
    }
}
