package dev.adjoint.generator.pipeline;

import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.checks.CheckedMethod;
import dev.adjoint.generator.checks.GradientChecks;
import dev.adjoint.generator.checks.TapeTwins;
import dev.adjoint.generator.emit.GradientCheckEmitter;
import dev.adjoint.generator.select.MethodRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The generated gradient tests' passes: select, choose the points ({@link GradientChecks}), make
 * each top-level class's tape twin ({@link TapeTwins}) where the tape takes it without changing any
 * adjoint the build writes, and print.
 */
public final class Checks {
    private Checks() {}

    /**
     * The test classes of {@code sources} by qualified name (with the tape twins and their
     * adjoints), or the problems with their {@code @GradientCheck}s.
     */
    public static Translation translate(Map<Path, String> sources) {
        return translate(sources, List.of());
    }

    /** As {@link #translate(Map)}, with calls to compiled classes of {@code classpath} (as the build's own translation). */
    public static Translation translate(Map<Path, String> sources, List<Path> classpath) {
        GradientChecks.Result r = GradientChecks.of(sources);
        SortedMap<String, String> classes = new TreeMap<>();
        if (r.diagnostics().stream().noneMatch(dev.adjoint.generator.Diagnostic::isError)) {
            Translation base = null;
            for (Map.Entry<String, List<CheckedMethod>> e : r.owners().entrySet()) {
                MethodRequest first = e.getValue().get(0).request();
                Path file = r.files().get(e.getKey());
                if (base == null) {
                    base = Pipeline.translate(sources, Optional.empty(), Options.DEFAULT, false, f -> true, classpath);
                }
                boolean twinned = !base.hasErrors() && twin(sources, file, first, base, classes, classpath);
                String name = GradientCheckEmitter.className(first);
                classes.put(
                        qualified(first, name),
                        GradientCheckEmitter.emit(
                                file.getFileName().toString(),
                                e.getValue(),
                                twinned
                                        ? Optional.of(
                                                TapeTwins.name(first.ownerPath().get(0)))
                                        : Optional.empty()));
            }
        }
        return new Translation(classes, r.diagnostics(), List.of());
    }

    /**
     * Adds {@code first}'s owner's tape twin, its adjoint and its nested types' gradient classes to
     * {@code classes} when the owner is a top-level class, the tape takes the twin, and the twin
     * changes no adjoint of {@code base} (else the twin's adjoint could call methods the build's
     * adjoints do not have).
     */
    private static boolean twin(
            Map<Path, String> sources,
            Path file,
            MethodRequest first,
            Translation base,
            SortedMap<String, String> classes,
            List<Path> classpath) {
        if (first.ownerPath().size() != 1) {
            return false;
        }
        String owner = first.ownerPath().get(0);
        Optional<String> twin = TapeTwins.of(sources.get(file), owner);
        if (twin.isEmpty()) {
            return false;
        }
        Map<Path, String> withTwin = new LinkedHashMap<>(sources);
        withTwin.put(file.resolveSibling(TapeTwins.name(owner) + ".java"), twin.get());
        Translation both = Pipeline.translate(withTwin, Optional.empty(), Options.DEFAULT, false, f -> true, classpath);
        String twinAdjoint = qualified(first, TapeTwins.name(owner) + "Adjoint");
        boolean unchanged = base.generated().entrySet().stream()
                .allMatch(g -> g.getValue().equals(both.generated().get(g.getKey())));
        if (both.hasErrors() || !unchanged || !both.generated().containsKey(twinAdjoint)) {
            return false;
        }
        classes.put(qualified(first, TapeTwins.name(owner)), twin.get());
        // its adjoint, and the gradient classes of the records and classes nested in it (ModelTapeTwin_ParamsGrad),
        // which its adjoint names: every class the twin added
        both.generated().forEach((name, text) -> {
            if (!base.generated().containsKey(name)) {
                classes.put(name, text);
            }
        });
        return true;
    }

    private static String qualified(MethodRequest r, String simpleName) {
        return r.packageName().isEmpty() ? simpleName : r.packageName() + "." + simpleName;
    }
}
