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
import dev.adjoint.generator.normalize.Calls;
import dev.adjoint.generator.normalize.Lowering;
import dev.adjoint.generator.normalize.Normalizer;
import dev.adjoint.generator.parse.Positions;
import dev.adjoint.generator.reverse.AdjointMethod;
import dev.adjoint.generator.select.MethodIndex;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.size.MethodSize;
import dev.adjoint.generator.tape.IrRecorder;
import dev.adjoint.generator.tape.Recording;
import dev.adjoint.generator.tape.TapeSweep;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses each method's strategy: static where the fence and the normalizer accept it
 * ({@link StaticAttempt}), the tape where they do not (AUTO), or as the annotation forces; and
 * records why.
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

    /** The tangent built as a Java method for {@code Hvp} ({@link TangentSweep#buildPair}), or why there is none. */
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
        StaticAttempt attempt = StaticAttempt.of(r, index, options, variants);
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
        Recording taped = record(r, index);
        Choice t = tape(r, taped, options, reason, index);
        if (t.method().isPresent()) {
            return t;
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
                more.addAll(StaticAttempt.of(r, index, options, variants).problems());
                more.removeIf(d -> followsFrom(d, seen, reported, r));
            }
            if (r.strategy() == Strategy.TAPE || (r.strategy() == Strategy.AUTO && !more.isEmpty())) {
                more.clear();
                more.addAll(record(r, index).diagnostics());
                more.removeIf(d -> followsFrom(d, seen, reported, r));
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
     * Whether a strategy's diagnostic {@code d} only follows from what the shared fence reported: at
     * the same position, inside an expression it reported ({@code 'a[i].clone()'} in
     * {@code lu[i] = a[i].clone()}), or about an expression that holds one it reported (the type of
     * {@code b + 0.5 * tanh(switch ...)} when the switch was the problem).
     */
    private static boolean followsFrom(
            Diagnostic d, java.util.Set<String> seen, List<Range> reported, MethodRequest r) {
        Position at = new Position(d.line(), d.column());
        if (seen.contains(d.line() + ":" + d.column()) || reported.stream().anyMatch(range -> range.contains(at))) {
            return true;
        }
        return r
                .declaration()
                .findAll(Expression.class, e -> e.getBegin().filter(at::equals).isPresent())
                .stream()
                .map(Expression::getRange)
                .flatMap(Optional::stream)
                .anyMatch(range -> reported.stream().anyMatch(inner -> range.contains(inner) && !range.equals(inner)));
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

    private static Choice tape(MethodRequest r, MethodIndex index, Options options, String report) {
        return tape(r, record(r, index), options, report, index);
    }

    /** The recording twin of {@code r}, recorded from its normalized form. */
    private static Recording record(MethodRequest r, MethodIndex index) {
        return IrRecorder.record(r, index);
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
        return StaticAttempt.lostThroughCalls(n.ir().get(), an, index).isPresent()
                ? Optional.empty()
                : StaticAttempt.tangent(n.ir().get(), an);
    }

    /**
     * An error at {@code r} when a method generated for it would be over the JVM's limit on a
     * method's bytecode (javac would reject it, 'code too large', in generated code).
     */
    static Optional<Diagnostic> tooLarge(MethodRequest r, AdjointMethod m, String strategy) {
        return MethodSize.overLimit(m).map(over -> tooLarge(r, over, strategy));
    }

    private static Diagnostic tooLarge(MethodRequest r, MethodSize.Over over, String strategy) {
        List<com.github.javaparser.ast.stmt.Statement> all =
                r.declaration().findAll(com.github.javaparser.ast.stmt.Statement.class).stream()
                        .filter(s -> !(s instanceof com.github.javaparser.ast.stmt.BlockStmt))
                        .toList();
        long statements = all.size();
        // the statements of helpers inlined into it keep the helpers' lines, outside the method's own
        int first = r.declaration().getBegin().map(p -> p.line).orElse(0);
        int last = r.declaration().getEnd().map(p -> p.line).orElse(Integer.MAX_VALUE);
        long inlined = all.stream()
                .filter(s ->
                        s.getBegin().map(p -> p.line < first || p.line > last).orElse(false))
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
                        + " statements"
                        + (inlined > 0 ? ", " + inlined + " of them from the helpers inlined into it" : "")
                        + "; javac would reject the generated code as 'code too large'); split it into @Differentiable"
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
                Recording rec = record(callee.get(), index);
                Optional<MethodSize.Over> over = rec.diagnostics().isEmpty()
                        ? MethodSize.overLimit(callee.get(), rec.recorder())
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
