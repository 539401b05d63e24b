package dev.adjoint.generator.pipeline;

import dev.adjoint.generator.Translation;
import dev.adjoint.generator.checks.CheckedMethod;
import dev.adjoint.generator.checks.GradientChecks;
import dev.adjoint.generator.emit.GradientCheckEmitter;
import dev.adjoint.generator.select.MethodRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The generated gradient tests' passes: select, choose the points ({@link GradientChecks}), print. */
public final class Checks {
    private Checks() {}

    /** The test classes of {@code sources} by qualified name, or the problems with their {@code @GradientCheck}s. */
    public static Translation translate(Map<Path, String> sources) {
        GradientChecks.Result r = GradientChecks.of(sources);
        SortedMap<String, String> classes = new TreeMap<>();
        if (r.diagnostics().stream().noneMatch(dev.adjoint.generator.Diagnostic::isError)) {
            for (Map.Entry<String, List<CheckedMethod>> e : r.owners().entrySet()) {
                MethodRequest first = e.getValue().get(0).request();
                String name = GradientCheckEmitter.className(first);
                classes.put(first.packageName().isEmpty() ? name : first.packageName() + "." + name,
                        GradientCheckEmitter.emit(r.files().get(e.getKey()).getFileName().toString(), e.getValue()));
            }
        }
        return new Translation(classes, r.diagnostics(), List.of());
    }
}
