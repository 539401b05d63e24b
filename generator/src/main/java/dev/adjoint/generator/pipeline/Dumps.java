package dev.adjoint.generator.pipeline;

import dev.adjoint.Strategy;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.ActivityAnalysis;
import dev.adjoint.generator.analyze.Analysis;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.analyze.Saves;
import dev.adjoint.generator.fence.Fence;
import dev.adjoint.generator.fence.SharedFence;
import dev.adjoint.generator.ir.IrPrinter;
import dev.adjoint.generator.ir.MethodIr;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.normalize.Normalizer;
import dev.adjoint.generator.select.MethodRequest;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The intermediate form after a pass, as text ({@code --dump} on the CLI, {@code adjoint.dump} on
 * the plugin), for whoever debugs the generator: {@code normalize} prints each method's
 * three-address form; {@code analyze} the same with the analysis' facts (active and needed
 * variables, what each overwrite keeps); {@code reverse} the adjoint class as the reverse pass
 * writes it with the optimisations that rewrite its output switched off; {@code optimize} the
 * class as the build writes it.
 */
public final class Dumps {
    private Dumps() {}

    /** The stages a dump can follow. */
    public enum Stage {
        NORMALIZE,
        ANALYZE,
        REVERSE,
        OPTIMIZE;

        /** The stage of a {@code --dump} argument, ignoring case. */
        public static Optional<Stage> of(String name) {
            for (Stage s : values()) {
                if (s.name().equalsIgnoreCase(name)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** The optimisations that rewrite the reverse pass's output: off for the {@code reverse} dump. */
    private static final EnumSet<Options.Optimisation> REWRITES = EnumSet.of(
            Options.Optimisation.FRESH_ADJOINTS,
            Options.Optimisation.INCREMENTS,
            Options.Optimisation.RECOMPUTATION,
            Options.Optimisation.REFILLS,
            Options.Optimisation.STACK_ROOM,
            Options.Optimisation.LOOP_FUSION,
            Options.Optimisation.LOOP_ACCUMULATORS,
            Options.Optimisation.INVARIANT_LOADS,
            Options.Optimisation.COPY_CHAINS,
            Options.Optimisation.DENSE_TEMPORARIES,
            Options.Optimisation.DEAD_SAVES);

    /** The dump of {@code sources} (only {@code onlyMethod}'s method when given) after {@code stage}. */
    public static String dump(Map<Path, String> sources, Stage stage, Optional<String> onlyMethod, Options options) {
        if (stage == Stage.REVERSE || stage == Stage.OPTIMIZE) {
            Options o = stage == Stage.OPTIMIZE
                    ? options
                    : new Options(options.activity(), options.toBeRecorded(), REWRITES);
            Translation t = Pipeline.translate(sources, onlyMethod, o);
            StringBuilder out = new StringBuilder(problems(t.diagnostics()));
            t.generated()
                    .forEach((name, text) -> out.append("// ")
                            .append(name)
                            .append('\n')
                            .append(text)
                            .append('\n'));
            return out.toString();
        }
        FrontEnd.Prepared front = FrontEnd.prepare(sources, onlyMethod);
        StringBuilder out = new StringBuilder(problems(front.diagnostics()));
        for (MethodRequest r : front.requests()) {
            List<Diagnostic> rejected = SharedFence.check(r, front.index());
            if (rejected.isEmpty() && r.strategy() != Strategy.TAPE) {
                rejected = Fence.check(r);
            }
            if (r.strategy() == Strategy.TAPE || !rejected.isEmpty()) {
                out.append("method ")
                        .append(r.methodRef())
                        .append(": no intermediate form (")
                        .append(
                                r.strategy() == Strategy.TAPE
                                        ? "the tape strategy, as requested"
                                        : rejected.get(0).format())
                        .append(")\n\n");
                continue;
            }
            Normalizer.Result n = Normalizer.normalize(r, front.index());
            if (n.ir().isEmpty()) {
                out.append("method ")
                        .append(r.methodRef())
                        .append(": no intermediate form (")
                        .append(n.diagnostics().get(0).format())
                        .append(")\n\n");
                continue;
            }
            MethodIr ir = n.ir().get();
            if (stage == Stage.NORMALIZE) {
                out.append(IrPrinter.print(ir)).append('\n');
                continue;
            }
            Analysis an = ActivityAnalysis.analyze(ir, options);
            out.append(IrPrinter.print(ir, s -> facts(s, an)));
            out.append("  active: ").append(names(an.active())).append('\n');
            out.append("  needed by the reverse sweep: ")
                    .append(names(an.needed()))
                    .append("\n\n");
        }
        return out.toString();
    }

    /** An assignment's activity and what its overwrite keeps. */
    private static String facts(Stmt s, Analysis an) {
        StringBuilder f = new StringBuilder();
        if (s instanceof Stmt.Assign a) {
            f.append(an.active().contains(a.target()) ? "active" : "passive");
        }
        Saves.Kind kind = an.saves().kind(s);
        if (kind != Saves.Kind.NONE) {
            f.append(f.length() == 0 ? "" : ", ")
                    .append(kind.name().toLowerCase(Locale.ROOT))
                    .append(" the overwritten value");
        }
        return f.toString();
    }

    private static String names(java.util.Set<dev.adjoint.generator.ir.Atom.Var> vars) {
        return vars.stream().map(v -> v.name()).sorted().collect(Collectors.joining(", "));
    }

    private static String problems(List<Diagnostic> ds) {
        return ds.stream()
                .map(d -> "// " + d.severity() + " " + d.format() + "\n")
                .collect(Collectors.joining());
    }
}
