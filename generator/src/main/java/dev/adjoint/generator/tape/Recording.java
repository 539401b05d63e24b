package dev.adjoint.generator.tape;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.code.Listing;
import dev.adjoint.generator.reverse.AdjointMethod;
import java.util.List;

/**
 * What {@link TapeRecorder} wrote for one method: the recorder's body as lines of Java text, each
 * with its role, or the diagnostics of what even the tape cannot do.
 *
 * @param paramHandles the handle parameter's name of each floating parameter (null for others)
 * @param copiesSwitch whether the body copies a {@code switch} as written (the emitter then
 *     suppresses javac's fall-through lint on the recorder)
 * @param untyped whether some expression's type could not be determined: under {@code AUTO} the
 *     static strategy's reason, which pinned the construct down, is then the precise one to report
 */
public record Recording(
        List<Listing.Line> lines,
        List<Diagnostic> diagnostics,
        List<String> paramHandles,
        boolean copiesSwitch,
        boolean untyped) {
    /** The recording twin of the adjoint. */
    public AdjointMethod.Recorder recorder() {
        return new AdjointMethod.Recorder(lines, paramHandles, copiesSwitch);
    }
}
