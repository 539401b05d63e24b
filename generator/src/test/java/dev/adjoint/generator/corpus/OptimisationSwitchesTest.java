package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.analyze.Options.Optimisation;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One switch per optimisation ({@code adjoint.disable}): with any one of them off, the corpus
 * classes where the optimisations act still get the same gradients as with all on (to 1e-12; the
 * all-on gradients are checked against central differences by {@link CorpusTest}), and each switch
 * changes the generated code of at least one of them (it is not a switch that does nothing). A class
 * whose generated code a switch leaves byte for byte as it is with all on is not compiled and run
 * again: it is the DEFAULT build, which {@link CompiledCorpus} shares with {@link CorpusTest}.
 */
class OptimisationSwitchesTest {
    /** The corpus classes where the reverse pass's optimisations act. */
    private static final List<String> CLASSES = List.of(
            "Straight",
            "Loops",
            "CountedLoops",
            "ScratchArrays",
            "FusedLoops",
            "ArrayWrites",
            "LocalArrays",
            "Matrices");

    @ParameterizedTest
    @EnumSource(Optimisation.class)
    void eachSwitchOffKeepsTheGradientsAndChangesTheCode(Optimisation o) {
        Options off = Options.disabling(o.key());
        assertFalse(off.on(o), o + " is off");
        boolean changed = false;
        for (String c : CLASSES) {
            Differentiated all = CompiledCorpus.compiled(c, Corpus.Variant.DEFAULT);
            Map<String, String> others = CompiledCorpus.others(c);
            Translation t = Differentiated.translate("corpus." + c, Corpus.source(c), others, off);
            if (t.generated().equals(all.translation().generated())) {
                continue; // the same classes, byte for byte: the same gradients (javac is deterministic)
            }
            changed = true;
            Differentiated without = Differentiated.of("corpus." + c, Corpus.source(c), others, t);
            for (Corpus.Method m : Corpus.methods(c)) {
                MethodRequest r = all.request(m.name());
                if (r.result().isArray() || m.frozenOracle() != null) {
                    continue;
                }
                for (List<String> point : m.points()) {
                    double[] want =
                            all.grad(m.name(), Corpus.arguments(r, point)).gradient();
                    double[] got =
                            without.grad(m.name(), Corpus.arguments(r, point)).gradient();
                    for (int i = 0; i < want.length; i++) {
                        assertEquals(
                                want[i],
                                got[i],
                                1e-12 * Math.max(1, Math.abs(want[i])),
                                c + "#" + m.name() + " at " + point + " with " + o.key() + " off: component " + i);
                    }
                }
            }
        }
        assertTrue(changed, "switching " + o.key() + " off changes no generated class of " + CLASSES);
    }

    @Test
    void namesAreParsedAndAnUnknownOneIsExplained() {
        Options o = Options.disabling(" loopFusion , refills,");
        assertFalse(o.on(Optimisation.LOOP_FUSION) || o.on(Optimisation.REFILLS));
        assertTrue(o.on(Optimisation.INVARIANT_LOADS) && o.activity() && o.toBeRecorded());
        assertEquals(Options.DEFAULT, Options.disabling(""));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Options.disabling("loopfussion"));
        assertTrue(
                e.getMessage().contains("unknown optimisation 'loopfussion'")
                        && e.getMessage().contains("invariantLoads"),
                e.getMessage());
    }
}
