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
 * ({@link HipparchusAnalysis}) through {@link PortedHarness} with AUTO and {@link HvpChecks}.
 */
class HipparchusSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(HipparchusFunctions.all());
        fns.addAll(HipparchusAnalysis.all());
        return fns;
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        return new HashMap<>(HipparchusFunctions.hessians());
    }

    @TestFactory
    Stream<DynamicTest> hipparchusFunctions() throws IOException {
        return PortedHarness.run(all(), "hipparchus-suite", new HvpChecks(hessians()));
    }
}
