package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.corpus.Corpus.Variant;
import dev.adjoint.generator.testing.Differentiated;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The corpus classes generated and compiled once per JVM, shared by the test classes that run them
 * ({@link CorpusTest}, {@link ForwardCorpusTest}, {@link OptimisationSwitchesTest}): generation and
 * javac are most of what the corpus costs, and each of these classes needs the same DEFAULT build of
 * every class and the same double twins. Generation is deterministic (byte-identical output,
 * {@code DeterminismTest}), so a build shared is the build each would make; the classes are loaded
 * once and hold no state a call changes (the corpus declares no mutable static field).
 */
final class CompiledCorpus {
    /** {@code -Dadjoint.corpus.runBugs=true} runs the methods marked {@code //@bug} instead of skipping them. */
    static final boolean RUN_BUGS = Boolean.getBoolean("adjoint.corpus.runBugs");

    /** Compiled corpus classes by "Class/VARIANT"; the twin by "ClassTwin". */
    private static final Map<String, Differentiated> COMPILED = new ConcurrentHashMap<>();

    private CompiledCorpus() {}

    /** {@code simpleName} and the classes it {@code //@uses}, generated with {@code v}'s options and compiled. */
    static Differentiated compiled(String simpleName, Variant v) {
        return COMPILED.computeIfAbsent(
                simpleName + "/" + v,
                k -> Differentiated.of("corpus." + simpleName, source(simpleName, v), others(simpleName), options(v)));
    }

    /** The double twin of a float class (its oracle), DEFAULT options. */
    static Differentiated twin(String simpleName) {
        assertTrue(
                Corpus.uses(simpleName).isEmpty(),
                "a float corpus class cannot //@uses another class (its twin would not compile)");
        return COMPILED.computeIfAbsent(
                simpleName + "Twin",
                k -> Differentiated.of(
                        "corpus." + simpleName + "Twin",
                        Corpus.doubleTwin(simpleName, Corpus.source(simpleName)),
                        Options.DEFAULT));
    }

    static Options options(Variant v) {
        return v == Variant.PLAIN ? Options.PLAIN : Options.DEFAULT;
    }

    /** The classes {@code simpleName} {@code //@uses}, by qualified name. */
    static Map<String, String> others(String simpleName) {
        Map<String, String> others = new TreeMap<>();
        Corpus.uses(simpleName).forEach(o -> others.put("corpus." + o, Corpus.source(o)));
        return others;
    }

    /** The source of {@code simpleName} as {@code v} runs it: as written, or its tape copy. */
    private static String source(String simpleName, Variant v) {
        String s = Corpus.source(simpleName);
        return v == Variant.TAPE ? Corpus.tapeCopy(s, keptOffTheTape(simpleName)) : s;
    }

    /** The methods of {@code simpleName} that stay as written in its tape copy. */
    private static Set<String> keptOffTheTape(String simpleName) {
        Set<String> keep = new HashSet<>();
        for (Corpus.Method m : Corpus.methods(simpleName)) {
            if (m.noTape() != null || (!RUN_BUGS && m.bug(Variant.TAPE) != null)) {
                keep.add(m.name());
            }
        }
        return keep;
    }
}
