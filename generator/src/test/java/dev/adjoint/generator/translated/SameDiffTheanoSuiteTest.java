package dev.adjoint.generator.translated;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Deeplearning4j SameDiff's gradient checks ({@link Dl4jFunctions}, {@link Dl4jLosses}) and Theano's scan, extra-op
 * and sigmoid tests ({@link TheanoFunctions}, {@link TheanoOps}) through
 * {@link PortedHarness} with AUTO and {@link HvpChecks}: each function's {@code Vjp} (and the tape's) against central
 * differences and each other, its {@code Jvp} by the dot-product test, its {@code Hvp} against central differences of
 * the gradient, and the closed forms published.
 * <p>
 * Outcomes today: 36 functions (20 SameDiff, 16 Theano), all static. The table is written to
 * {@code target/samediff-theano-suite.md} (a copy is in README.md next to this class).
 */
class SameDiffTheanoSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(Dl4jFunctions.all());
        fns.addAll(Dl4jLosses.all());
        fns.addAll(TheanoFunctions.all());
        return fns;
    }

    @TestFactory
    Stream<DynamicTest> sameDiffTheanoFunctions() throws IOException {
        return PortedHarness.run(all(), "samediff-theano-suite", new HvpChecks(TheanoFunctions.hessians()));
    }
}
