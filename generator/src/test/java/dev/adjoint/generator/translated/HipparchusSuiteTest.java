package dev.adjoint.generator.translated;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hipparchus' forward-mode AD tests ({@link HipparchusFunctions}) and its differentiable functions
 * ({@link HipparchusAnalysis}) through {@link PortedHarness} with AUTO and {@link HvpChecks}: each function's
 * {@code Vjp} (and the tape's) against central differences and each other, the closed forms the tests assert, its
 * {@code Jvp} by the dot-product test, its {@code Hvp} (or {@code Jacobian}) against central differences and the
 * Hessian columns the tests state.
 * <p>
 * Outcomes today: 35 functions (with JAutoDiff's one test function, in {@link HipparchusAnalysis}), all static. What they found is in {@link HipparchusFindingsTest}. The table is written
 * to {@code target/hipparchus-suite.md} (a copy is in README.md next to this class).
 */
class HipparchusSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(HipparchusFunctions.all());
        fns.addAll(HipparchusAnalysis.all());
        return fns;
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        Map<String, List<HvpChecks.Published>> m = new HashMap<>(HipparchusFunctions.hessians());
        m.putAll(HipparchusAnalysis.hessians());
        return m;
    }

    @TestFactory
    Stream<DynamicTest> hipparchusFunctions() throws IOException {
        return PortedHarness.run(all(), "hipparchus-suite", new HvpChecks(hessians()));
    }
}
