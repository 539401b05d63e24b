package dev.adjoint.generator.pipeline;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.analyze.ActivityAnalysis;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.fence.Fence;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.forward.TangentSweep;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.normalize.Normalizer;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.reverse.ReverseSweep;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.size.MethodSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The static strategy's adjoint of a method, or why it has none: the fence, the normalizer, the
 * activity analysis (widened to a fixed point by the callees' variants, {@link WrtVariants}), no
 * derivative lost through a call, the reverse sweep within the JVM's size limit; beside the
 * adjoint, its tangent ({@code Jvp}) and the tangent built for {@code Hvp}, where forward mode
 * takes the method.
 */
record StaticAttempt(
        Optional<AdjointMethod> method, List<Diagnostic> problems, Optional<JvpMethod> jvp, Strategies.Tangent pair) {
    StaticAttempt(Optional<AdjointMethod> method, List<Diagnostic> problems) {
        this(
                method,
                problems,
                Optional.empty(),
                new Strategies.Tangent(Optional.empty(), "an instance method has no forward mode yet"));
    }

    /** The static strategy's attempt at {@code r}; callees' wide variants go into {@code variants}. */
    static StaticAttempt of(MethodRequest r, MethodIndex index, Options options, WrtVariants variants) {
        List<Diagnostic> problems = new ArrayList<>(Fence.check(r));
        if (!problems.isEmpty()) {
            return new StaticAttempt(Optional.empty(), problems);
        }
        Normalizer.Result n = Normalizer.normalize(r, index);
        if (n.ir().isEmpty()) {
            return new StaticAttempt(Optional.empty(), n.diagnostics());
        }
        MethodIr ir = n.ir().get();
        var an = ActivityAnalysis.analyze(ir, options);
        // the variants differentiate the parameters the callees' wrt leaves out: what flows back through them is active
        // now, which may make another call's argument differentiated (f(g(x)) where g's wrt left x out): to a fixed
        // point
        for (MethodIr widened = variants.widen(ir, an); widened != ir; widened = variants.widen(ir, an)) {
            ir = widened;
            an = ActivityAnalysis.analyze(ir, options);
        }
        Optional<String> lost = lostThroughCalls(ir, an, index);
        if (lost.isPresent()) {
            return new StaticAttempt(
                    Optional.empty(),
                    List.of(Positions.error(r.file(), r.declaration().getName(), lost.get())));
        }
        AdjointMethod m = ReverseSweep.build(ir, an);
        Optional<Diagnostic> tooLarge = Strategies.tooLarge(r, m, "static");
        if (tooLarge.isPresent()) {
            return new StaticAttempt(Optional.empty(), List.of(tooLarge.get()));
        }
        Strategies.Tangent pair =
                pair(ir, an); // (first: it claims its names from a copy of the method's, so the Jvp's are the same)
        Optional<JvpMethod> jvp = tangent(ir, an);
        return new StaticAttempt(Optional.of(m), List.of(), jvp, pair);
    }

    /** The tangent of a scalar method as plain Java, from which {@code Hessians} builds its {@code Hvp}. */
    private static Strategies.Tangent pair(MethodIr ir, dev.adjoint.generator.analyze.Analysis an) {
        if (ir.request().result().isArray()) {
            return new Strategies.Tangent(Optional.empty(), "it returns an array");
        }
        try {
            return new Strategies.Tangent(Optional.of(TangentSweep.buildPair(ir, an)), "");
        } catch (TangentSweep.Unsupported e) {
            return new Strategies.Tangent(Optional.empty(), e.getMessage());
        }
    }

    /** The tangent method, where the forward sweep handles every construct of {@code ir} and it fits a JVM method. */
    static Optional<JvpMethod> tangent(MethodIr ir, dev.adjoint.generator.analyze.Analysis an) {
        try {
            JvpMethod j = TangentSweep.build(ir, an);
            return MethodSize.overLimit(j).isPresent() ? Optional.empty() : Optional.of(j);
        } catch (TangentSweep.Unsupported e) {
            return Optional.empty();
        }
    }

    /**
     * A call passing a differentiated value to a parameter outside the callee's {@code wrt} that
     * no variant could take ({@link WrtVariants}: a compiled callee of the classpath, an instance
     * method): the callee's adjoint has no buffer for it, so the static strategy would lose that
     * derivative.
     */
    static Optional<String> lostThroughCalls(
            MethodIr ir, dev.adjoint.generator.analyze.Analysis an, MethodIndex index) {
        List<dev.adjoint.generator.ir.Stmt> flat = new ArrayList<>();
        ActivityAnalysis.flatten(ir.body(), flat);
        for (var s : flat) {
            if (s instanceof dev.adjoint.generator.ir.Stmt.Assign a
                    && a.op() instanceof dev.adjoint.generator.ir.Op.Call call) {
                Optional<dev.adjoint.generator.select.Param> p = WrtVariants.lostParameter(call, an);
                if (p.isPresent() && index.classpath().isCompiled(call.callee())) {
                    return Optional.of("the call to '" + call.callee().name()
                            + "' passes a differentiated value to its parameter '"
                            + p.get().name()
                            + "', which its @Differentiable(wrt = ...) leaves out, and its compiled adjoint class "
                            + call.callee().adjointQualifiedName() + " has no "
                            + call.callee().adjointName() + "$allVjp (the variant"
                            + " that differentiates every parameter, which Adjoint generates for public methods; this one was built"
                            + " by an older Adjoint, or the method or its class is not public): it would lose that derivative; AUTO"
                            + " uses the tape strategy for it (rebuild the module that declares it with this Adjoint, or add '"
                            + p.get().name() + "' to its wrt)");
                }
                if (p.isPresent()) {
                    return Optional.of("the call to '" + call.callee().name()
                            + "' passes a differentiated value to its parameter '"
                            + p.get().name()
                            + "', which its @Differentiable(wrt = ...) leaves out, and the static strategy cannot"
                            + " differentiate a variant of it (it has a @CustomDerivative pullback): it would lose that"
                            + " derivative; AUTO uses the tape strategy for it (or add '"
                            + p.get().name() + "' to its wrt)");
                }
            }
        }
        return Optional.empty();
    }
}
