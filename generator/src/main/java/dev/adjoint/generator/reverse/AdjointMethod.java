package dev.adjoint.generator.reverse;

import dev.adjoint.generator.select.MethodRequest;
import java.util.List;

/**
 * The generated adjoint of one method, before printing.
 *
 * @param request the method it differentiates
 * @param bufferNames the gradient parameter's name for each {@code wrt} parameter, in order
 * @param seedName the seed parameter's name
 * @param body the Vjp method's statements: forward sweep, reverse sweep, result
 */
public record AdjointMethod(MethodRequest request, List<String> bufferNames, String seedName, List<Code> body) {
    public AdjointMethod {
        bufferNames = List.copyOf(bufferNames);
        body = List.copyOf(body);
    }
}
