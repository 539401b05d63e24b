package dev.adjoint.generator.tape;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.reverse.AdjointMethod;
import java.util.List;

/**
 * What {@link IrRecorder} wrote for one method: the recorder's body as code nodes, or the
 * diagnostics of what even the tape cannot do.
 *
 * @param paramHandles the handle parameter's name of each floating parameter (null for others)
 */
public record Recording(List<Code> body, List<Diagnostic> diagnostics, List<String> paramHandles) {
    /** The recording twin of the adjoint. */
    public AdjointMethod.Recorder recorder() {
        return new AdjointMethod.Recorder(body, paramHandles);
    }
}
