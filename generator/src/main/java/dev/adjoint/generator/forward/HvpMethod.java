package dev.adjoint.generator.forward;

import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.select.MethodRequest;
import java.util.List;

/**
 * The generated {@code nameHvp} of one scalar method, before printing.
 *
 * @param request the method
 * @param pair the reverse-mode adjoint of the synthetic method {@code pair(x, v) = {f(x), ∇f(x)·v}}
 *     ({@link HvpSource}), printed as a package-private helper {@code Vjp} that {@code nameHvp} calls
 * @param directionNames the direction's parameter name for each wrt parameter
 * @param gradNames the gradient buffer's name for each wrt parameter
 * @param hvNames the {@code H·v} buffer's name for each wrt parameter
 */
public record HvpMethod(MethodRequest request, AdjointMethod pair, List<String> directionNames, List<String> gradNames,
        List<String> hvNames) {
    public HvpMethod {
        directionNames = List.copyOf(directionNames);
        gradNames = List.copyOf(gradNames);
        hvNames = List.copyOf(hvNames);
    }
}
