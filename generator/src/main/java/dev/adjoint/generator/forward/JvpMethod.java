package dev.adjoint.generator.forward;

import dev.adjoint.generator.code.Code;
import dev.adjoint.generator.code.Expr;
import dev.adjoint.generator.select.MethodRequest;
import java.util.List;
import java.util.Set;

/**
 * The generated tangent method {@code nameJvp} of one method, before printing.
 *
 * @param request the method it differentiates
 * @param tangentNames the tangent parameter's name for each {@code wrt} parameter, in order
 * @param outName the last parameter: the {@code DoubleGrad}/{@code FloatGrad} cell that receives
 *     a scalar result's derivative, or the array that receives an array result's tangent (in the
 *     tangent built for Hvp: the name of the pair {@code {f, ḟ}} it returns)
 * @param body the statements, ending with the return of the value
 * @param callees the generated {@code @Differentiable} methods whose {@code Jvp} the body calls (in the
 *     tangent built for Hvp, {@link TangentSweep#buildPair}: whose tangent {@code _tan_g} it calls)
 *     (not custom pullbacks, which are called directly)
 * @param sweep the body without its end (the setting of {@code out} and the return)
 * @param value the value returned
 * @param tangent the result's tangent, or null where it is 0
 * @param calls whether the body calls another method
 * @param printedSweep the sweep as the adjoint class prints it ({@code _tan_g}); for the tangent
 *     built for Hvp it differs from {@code sweep}, which the reverse pipeline differentiates again, where a
 *     call goes to a lifted method (an instance method, or one taking records; {@link TangentCalls})
 */
public record JvpMethod(
        MethodRequest request,
        List<String> tangentNames,
        String outName,
        List<Code> body,
        Set<MethodRequest> callees,
        List<Code> sweep,
        Expr value,
        Expr tangent,
        boolean calls,
        List<Code> printedSweep) {
    public JvpMethod {
        tangentNames = List.copyOf(tangentNames);
        body = List.copyOf(body);
        callees = Set.copyOf(callees);
        sweep = List.copyOf(sweep);
        printedSweep = List.copyOf(printedSweep);
    }

    /** This tangent, printed in the adjoint class as {@code printedSweep}. */
    JvpMethod withPrintedSweep(List<Code> printedSweep) {
        return new JvpMethod(request, tangentNames, outName, body, callees, sweep, value, tangent, calls, printedSweep);
    }
}
