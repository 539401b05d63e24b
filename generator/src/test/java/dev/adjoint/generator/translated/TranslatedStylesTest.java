package dev.adjoint.generator.translated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Functions of autograd's, Adept's and CoDiPack's tests in the styles {@link PortedHarness} cannot call (it runs static
 * methods of numbers and arrays): a record of three matrices with {@code wrt} naming it (autograd's
 * {@code test_tuple.py}, whose asserted gradient {@code 1, 2, 0} is checked), {@code List<Double>} and
 * {@code List<Obs>} data, an instance method with {@code wrt = "this"} calling a private helper and counting its calls
 * (Adept's {@code State}), a model holding a nested record over a {@code List<double[]>}, {@code float} variants,
 * {@code switch} on a {@code String} and on an enum, an {@code int[]} index list, Newton's {@code while} with a
 * tolerance. The sources are {@link TranslatedStylesSources}; each strategy translates them with no error and no
 * fallback to the tape, and {@code Check.run()}, compiled with the adjoints, finds nothing wrong (central differences,
 * the {@code Jvp} dot-product test with AUTO, the asserted gradients, the object's counter).
 */
class TranslatedStylesTest {

    private static Map<Path, String> sources(String strategy) {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(Path.of("styles/Tuples.java"), TranslatedStylesSources.TUPLES);
        files.put(Path.of("styles/RosenbrockState.java"), TranslatedStylesSources.ROSENBROCK_STATE);
        files.put(Path.of("styles/Misc.java"), TranslatedStylesSources.MISC);
        files.put(Path.of("styles/Gp.java"), TranslatedStylesSources.GP);
        if (!strategy.equals("AUTO")) {
            files.replaceAll((path, text) -> text.replace(
                            "@Differentiable(", "@Differentiable(strategy = dev.adjoint.Strategy." + strategy + ", ")
                    .replace(
                            "@Differentiable\n",
                            "@Differentiable(strategy = dev.adjoint.Strategy." + strategy + ")\n"));
        }
        return files;
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUTO", "TAPE"})
    void everyStyleIsExactWithEachStrategy(String strategy) throws ReflectiveOperationException {
        Map<Path, String> files = sources(strategy);
        Translation t = Pipeline.translate(files, Optional.empty(), Options.DEFAULT);
        List<Diagnostic> errors =
                t.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(t.methods().size() >= 12, t.methods().toString());
        if (strategy.equals("AUTO")) {
            for (String m : t.methods()) {
                assertFalse(m.contains("tape, because"), m);
            }
        }
        Map<String, String> classes = new TreeMap<>(t.generated());
        files.forEach((path, text) -> {
            String name = path.toString().replace(".java", "").replace('/', '.');
            classes.put(name, text);
        });
        classes.put(
                "styles.Check",
                strategy.equals("TAPE") ? withoutJvp(TranslatedStylesSources.CHECK) : TranslatedStylesSources.CHECK);
        ClassLoader loader = InMemoryCompiler.compile(classes);
        String problems =
                (String) loader.loadClass("styles.Check").getMethod("run").invoke(null);
        assertEquals("", problems, strategy);
    }

    /**
     * The checker without its {@code Jvp} checks: forced onto the tape, methods taking records, lists or their object
     * get no {@code Jvp} (the tape's forward mode is for recursion), so the calls and the dot-product tests go.
     */
    private static String withoutJvp(String check) {
        return check.lines()
                .filter(l -> !l.contains("Jvp(")
                        && !l.strip().startsWith("dot(")
                        && !l.contains("tout.get()")
                        && !l.contains("after Jvp"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }
}
