package dev.adjoint.generator.pipeline;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.adjoint.Strategy;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.analyze.ActivityAnalysis;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.fence.Fence;
import dev.adjoint.generator.fence.SharedFence;
import dev.adjoint.generator.forward.JvpMethod;
import dev.adjoint.generator.forward.TangentSweep;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.normalize.Calls;
import dev.adjoint.generator.normalize.Lowering;
import dev.adjoint.generator.normalize.Normalizer;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.reverse.ReverseSweep;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.size.MethodSize;
import dev.adjoint.generator.tape.Recording;
import dev.adjoint.generator.tape.TapeRecorder;
import dev.adjoint.generator.tape.TapeSweep;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses each method's strategy: static where the fence and the normalizer accept it, the tape
 * where they do not (AUTO), or as the annotation forces; and records why.
 */
final class Strategies {
    private Strategies() {}

    /**
     * The outcome for one method.
     *
     * @param report {@code static}, {@code tape (requested)} or {@code tape, because <position> <construct>}
     */
    record Choice(
            Optional<AdjointMethod> method,
            List<Diagnostic> diagnostics,
            String report,
            Optional<JvpMethod> jvp,
            Tangent pair) {
        Choice(Optional<AdjointMethod> method, List<Diagnostic> diagnostics, String report) {
            this(method, diagnostics, report, Optional.empty(), new Tangent(Optional.empty(), ON_TAPE));
        }
    }

    /** Why a method on the tape has no tangent pair (and so no {@code Hvp}). */
    static final String ON_TAPE = "it is on the tape";

    /** Why an instance method that assigns its object's fields has no tangent pair. */
    static final String ASSIGNS_FIELDS =
            "it assigns fields of its object, whose Hvp is not generated yet (its Grad, Vjp and Jvp are)";

    /** The tangent printed as Java for {@code Hvp} ({@link TangentSweep#buildPair}), or why there is none. */
    record Tangent(Optional<JvpMethod> pair, String whyNot) {}

    /**
     * The strategy of {@code r}; static callers that pass a differentiated value to a parameter
     * outside a callee's {@code wrt} call the callee's variant, which {@code variants} collects.
     */
    static Choice choose(
            MethodRequest r, MethodIndex index, Options options, boolean failOnTapeFallback, WrtVariants variants) {
        List<Diagnostic> shared = SharedFence.check(r, index);
        if (!shared.isEmpty()) {
            return new Choice(Optional.empty(), alongside(shared, r, index, options, variants), "");
        }
        if (r.strategy() == Strategy.TAPE) {
            return tape(r, index, options, "tape (requested)");
        }
        StaticAttempt attempt = staticAttempt(r, index, options, variants);
        if (attempt.method().isPresent()) {
            return new Choice(attempt.method(), List.of(), "static", attempt.jvp(), attempt.pair());
        }
        List<Diagnostic> staticProblems = attempt.problems();
        if (r.strategy() == Strategy.STATIC) {
            return new Choice(Optional.empty(), staticProblems, "");
        }
        Diagnostic why = staticProblems.get(0);
        String reason = "tape, because " + why.file().getFileName() + ":[" + why.line() + "," + why.column() + "] "
                + why.message();
        if (failOnTapeFallback) {
            List<Diagnostic> ds = new ArrayList<>(staticProblems);
            ds.add(Positions.error(
                    r.file(),
                    r.declaration().getName(),
                    "method '" + r.name() + "' would fall back to the tape"
                            + " strategy because of the error at " + why.file().getFileName() + ":[" + why.line() + ","
                            + why.column()
                            + "] and adjoint.failOnTapeFallback is set; rewrite that construct, or set"
                            + " strategy = Strategy.TAPE on this method to accept the tape"));
            return new Choice(Optional.empty(), ds, "");
        }
        Recording taped = TapeRecorder.record(r, index);
        Choice t = tape(r, taped, options, reason, index);
        if (t.method().isPresent()) {
            return t;
        }
        if (taped.untyped()) {
            // the tape stumbled on something the static pass already pinned down: its words are the precise ones
            return new Choice(Optional.empty(), staticProblems, "");
        }
        // A line both strategies reject: the tape's words, the last say. A static reason on a line the tape takes: what
        // sent
        // the method to the tape, so it comes first, and the tape's problems elsewhere are said to follow from it.
        java.util.Set<Integer> tapeLines = new java.util.HashSet<>();
        t.diagnostics().forEach(d -> tapeLines.add(d.line()));
        List<Diagnostic> causes = staticProblems.stream()
                .filter(d -> !tapeLines.contains(d.line()))
                .toList();
        if (causes.isEmpty()) {
            return t;
        }
        List<Diagnostic> ds = new ArrayList<>(causes);
        String at = causes.get(0).file().getFileName() + ":[" + causes.get(0).line() + ","
                + causes.get(0).column() + "]";
        for (Diagnostic d : t.diagnostics()) {
            ds.add(Diagnostic.error(
                    d.file(),
                    d.line(),
                    d.column(),
                    "the tape strategy, which AUTO tried because of the error at " + at + ", cannot take this either: "
                            + d.message()));
        }
        return new Choice(Optional.empty(), ds, "");
    }

    /** The static strategy's adjoint of {@code r}, or why it has none. */
    private record StaticAttempt(
            Optional<AdjointMethod> method, List<Diagnostic> problems, Optional<JvpMethod> jvp, Tangent pair) {
        StaticAttempt(Optional<AdjointMethod> method, List<Diagnostic> problems) {
            this(
                    method,
                    problems,
                    Optional.empty(),
                    new Tangent(Optional.empty(), "an instance method has no forward mode yet"));
        }
    }

    private static StaticAttempt staticAttempt(
            MethodRequest r, MethodIndex index, Options options, WrtVariants variants) {
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
        Optional<Diagnostic> tooLarge = tooLarge(r, m, "static");
        if (tooLarge.isPresent()) {
            return new StaticAttempt(Optional.empty(), List.of(tooLarge.get()));
        }
        if (dev.adjoint.generator.objects.Receiver.of(r)
                .filter(rc -> rc.leaves().stream().anyMatch(l -> l.boxed()))
                .isPresent()) {
            // its assigned fields travel in boxes the public methods fill and empty, which the Hvp's do not (yet)
            return new StaticAttempt(
                    Optional.of(m), List.of(), tangent(ir, an), new Tangent(Optional.empty(), ASSIGNS_FIELDS));
        }
        Tangent pair =
                pair(ir, an); // (first: it claims its names from a copy of the method's, so the Jvp's are the same)
        Optional<JvpMethod> jvp = tangent(ir, an);
        return new StaticAttempt(Optional.of(m), List.of(), jvp, pair);
    }

    /** The tangent of a scalar method as plain Java, from which {@code Hessians} builds its {@code Hvp}. */
    private static Tangent pair(MethodIr ir, dev.adjoint.generator.analyze.Analysis an) {
        if (ir.request().result().isArray()) {
            return new Tangent(Optional.empty(), "it returns an array");
        }
        try {
            return new Tangent(Optional.of(TangentSweep.buildPair(ir, an)), "");
        } catch (TangentSweep.Unsupported e) {
            return new Tangent(Optional.empty(), e.getMessage());
        }
    }

    /** The tangent method, where the forward sweep handles every construct of {@code ir} and it fits a JVM method. */
    private static Optional<JvpMethod> tangent(MethodIr ir, dev.adjoint.generator.analyze.Analysis an) {
        try {
            JvpMethod j = TangentSweep.build(ir, an);
            return MethodSize.overLimit(j).isPresent() ? Optional.empty() : Optional.of(j);
        } catch (TangentSweep.Unsupported e) {
            return Optional.empty();
        }
    }

    /**
     * The problems no strategy accepts, with the other problems of the strategy the method would
     * get once they are fixed (so that one build shows them all), each position once.
     */
    private static List<Diagnostic> alongside(
            List<Diagnostic> shared, MethodRequest r, MethodIndex index, Options options, WrtVariants variants) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        shared.forEach(d -> seen.add(d.line() + ":" + d.column()));
        List<Range> reported = reportedExpressions(shared, r);
        List<Diagnostic> more = new ArrayList<>();
        try {
            if (r.strategy() != Strategy.TAPE) {
                more.addAll(staticAttempt(r, index, options, variants).problems());
                // a problem inside an expression already reported ('a[i].clone()' in 'lu[i] = a[i].clone()') is that
                // one
                more.removeIf(d -> seen.contains(d.line() + ":" + d.column())
                        || reported.stream().anyMatch(range -> range.contains(new Position(d.line(), d.column()))));
            }
            if (r.strategy() == Strategy.TAPE || (r.strategy() == Strategy.AUTO && !more.isEmpty())) {
                more.clear();
                more.addAll(TapeRecorder.record(r, index).diagnostics());
            }
        } catch (RuntimeException e) {
            more.clear(); // a strategy that trips over what the shared fence rejected: its words add nothing
        }
        List<Diagnostic> out = new ArrayList<>(shared);
        for (Diagnostic d : more) {
            if (seen.add(d.line() + ":" + d.column())) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The source ranges of the expressions the shared fence reported: for each of its diagnostics, the
     * largest expression that begins at its position (a diagnostic stands at its node's beginning).
     */
    private static List<Range> reportedExpressions(List<Diagnostic> shared, MethodRequest r) {
        List<Range> out = new ArrayList<>();
        for (Diagnostic d : shared) {
            r
                    .declaration()
                    .findAll(
                            Expression.class,
                            e -> e.getBegin()
                                    .filter(b -> b.line == d.line() && b.column == d.column())
                                    .isPresent())
                    .stream()
                    .map(e -> e.getRange())
                    .flatMap(Optional::stream)
                    .max(Comparator.comparing(range -> range.end))
                    .ifPresent(out::add);
        }
        return out;
    }

    /**
     * A call passing a differentiated value to a parameter outside the callee's {@code wrt} that
     * no variant could take ({@link WrtVariants}: a compiled callee of the classpath, an instance
     * method): the callee's adjoint has no buffer for it, so the static strategy would lose that
     * derivative.
     */
    private static Optional<String> lostThroughCalls(
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

    private static Choice tape(MethodRequest r, MethodIndex index, Options options, String report) {
        return tape(r, TapeRecorder.record(r, index), options, report, index);
    }

    /** The tape's adjoint of {@code r} from its recording {@code rec}, or why it has none. */
    private static Choice tape(MethodRequest r, Recording rec, Options options, String report, MethodIndex index) {
        if (!rec.diagnostics().isEmpty()) {
            return new Choice(Optional.empty(), rec.diagnostics(), "");
        }
        AdjointMethod m = TapeSweep.build(r, rec);
        Optional<Diagnostic> tooLarge = tooLarge(r, m, "tape");
        if (tooLarge.isPresent()) {
            return new Choice(Optional.empty(), List.of(tooLarge.get()), "");
        }
        return new Choice(
                Optional.of(m),
                List.of(),
                report,
                tangentOnTape(r, index, options),
                new Tangent(Optional.empty(), ON_TAPE));
    }

    /**
     * The {@code Jvp} of a method on the tape, where the static strategy's front end takes it once
     * recursion is allowed: forward mode keeps no stacks, so recursion costs it nothing (a
     * recursive {@code Jvp} calls itself). Its {@code Hvp} would need the tangent differentiated
     * in reverse, which is recursive again: none.
     */
    private static Optional<JvpMethod> tangentOnTape(MethodRequest r, MethodIndex index, Options options) {
        if (dev.adjoint.generator.objects.Receiver.of(r).isPresent()
                || !Fence.check(r).isEmpty()) {
            return Optional.empty();
        }
        Normalizer.Result n = Normalizer.normalizeForTangent(r, index);
        if (n.ir().isEmpty()) {
            return Optional.empty();
        }
        var an = ActivityAnalysis.analyze(n.ir().get(), options);
        return lostThroughCalls(n.ir().get(), an, index).isPresent() ? Optional.empty() : tangent(n.ir().get(), an);
    }

    /**
     * An error at {@code r} when a method generated for it would be over the JVM's limit on a
     * method's bytecode (javac would reject it, 'code too large', in generated code).
     */
    private static Optional<Diagnostic> tooLarge(MethodRequest r, AdjointMethod m, String strategy) {
        return MethodSize.overLimit(m).map(over -> tooLarge(r, over, strategy));
    }

    private static Diagnostic tooLarge(MethodRequest r, MethodSize.Over over, String strategy) {
        long statements = r.declaration().findAll(com.github.javaparser.ast.stmt.Statement.class).stream()
                .filter(s -> !(s instanceof com.github.javaparser.ast.stmt.BlockStmt))
                .count();
        // parts that each stay a fifth under the limit, in proportion to the bytes per statement
        long perPart = Math.max(1, statements * (MethodSize.LIMIT * 4L / 5) / over.approximately());
        return Positions.error(
                r.file(),
                r.declaration().getName(),
                "method '" + r.name() + "' is too long to differentiate"
                        + " in one piece: its adjoint (" + strategy
                        + " strategy) would exceed the JVM's limit of 64 KiB of bytecode per"
                        + " method (about " + over.approximately() + " bytes for its " + statements
                        + " statements; javac would reject the generated code as 'code too large'); split it into @Differentiable"
                        + " methods of at most about " + perPart
                        + " statements each that call one another: each gets an adjoint of"
                        + " its own");
    }

    /** Gives every method that a taped method calls (transitively) its recording twin too. */
    static void addRecordersForCallees(
            List<MethodRequest> taped,
            Map<MethodRequest, AdjointMethod> done,
            MethodIndex index,
            List<Diagnostic> diagnostics) {
        Deque<MethodRequest> work = new ArrayDeque<>(taped);
        while (!work.isEmpty()) {
            MethodRequest r = work.pop();
            Calls calls = new Calls(new Lowering(r, index));
            for (MethodCallExpr m : r.declaration().findAll(MethodCallExpr.class)) {
                Optional<MethodRequest> callee = calls.differentiableCallee(m);
                if (callee.isEmpty()
                        || !done.containsKey(callee.get())
                        || done.get(callee.get()).recorder().isPresent()) {
                    continue;
                }
                Recording rec = TapeRecorder.record(callee.get(), index);
                Optional<MethodSize.Over> over = rec.diagnostics().isEmpty()
                        ? MethodSize.overLimit(
                                rec.lines(),
                                MethodSize.recorderParams(
                                        callee.get().params().stream()
                                                .map(dev.adjoint.generator.select.Param::name)
                                                .toList(),
                                        rec.paramHandles()))
                        : Optional.empty();
                if (over.isPresent()) {
                    diagnostics.add(tooLarge(callee.get(), over.get(), "tape"));
                    continue;
                }
                if (!rec.diagnostics().isEmpty()) {
                    diagnostics.add(Positions.error(
                            r.file(),
                            m,
                            "'" + r.name() + "' uses the tape strategy and calls '"
                                    + callee.get().name() + "', which the tape cannot record: "
                                    + rec.diagnostics().get(0).message()));
                    continue;
                }
                done.put(callee.get(), done.get(callee.get()).withRecorder(rec.recorder()));
                work.push(callee.get());
            }
        }
    }
}
