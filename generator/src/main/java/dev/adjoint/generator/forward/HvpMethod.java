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
 * @param callees the tangents of the methods the pair calls, transitively: each is printed in
 *     the adjoint class as itself (which the reverse sweep's forward part runs) and its
 *     {@code Vjp} (which the reverse part calls)
 */
public record HvpMethod(
        MethodRequest request,
        AdjointMethod pair,
        List<String> directionNames,
        List<String> gradNames,
        List<String> hvNames,
        List<TangentPair> callees) {
    public HvpMethod {
        directionNames = List.copyOf(directionNames);
        gradNames = List.copyOf(gradNames);
        hvNames = List.copyOf(hvNames);
        callees = List.copyOf(callees);
    }

    /**
     * The tangent {@code _tan_g(x, v) = ∇g(x)·v} of a callee {@code g}.
     *
     * @param tangent its sweep ({@link TangentSweep#buildPair}), printed with {@link HvpSource#tangentEnd}
     * @param adjoint the reverse of {@code _tan_g}
     */
    public record TangentPair(JvpMethod tangent, AdjointMethod adjoint) {}
}
