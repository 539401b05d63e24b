package dev.adjoint.generator.reverse;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Listing;
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
     * @param lines its statements as lines of Java text, each with its role
     * @param paramHandles the handle parameter after each floating parameter (null for others)
     * @param copiesSwitch whether the body holds a switch copied as written, which may fall through
     */
    public record Recorder(List<Listing.Line> lines, List<String> paramHandles, boolean copiesSwitch) {
        public Recorder {
            lines = List.copyOf(lines);
            paramHandles = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(paramHandles));
        }

        /** The statements as Java text, one a line, indented. */
        public String body() {
            return Listing.text(lines);
        }
    }
}
