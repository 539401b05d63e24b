package dev.adjoint.generator.tape;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.code.Listing;
import dev.adjoint.generator.reverse.AdjointMethod;
import java.util.List;

/**
 * What {@link IrRecorder} wrote for one method: the recorder's body as lines of Java text, each
 * with its role, or the diagnostics of what even the tape cannot do.
 *
 * @param paramHandles the handle parameter's name of each floating parameter (null for others)
 */
public record Recording(List<Listing.Line> lines, List<Diagnostic> diagnostics, List<String> paramHandles) {
    /** The recording twin of the adjoint (it copies no {@code switch}: the desugaring made each a branch). */
    public AdjointMethod.Recorder recorder() {
        return new AdjointMethod.Recorder(lines, paramHandles, false);
    }
}
