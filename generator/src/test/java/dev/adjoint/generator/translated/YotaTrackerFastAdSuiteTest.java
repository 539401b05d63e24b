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
 * Yota.jl and Nabla.jl ({@link YotaNablaLanternFunctions}, {@link YotaNablaLanternStructs}), Lantern
 * ({@link YotaNablaLanternScala}), Tracker.jl ({@link ReverseDiffTrackerFunctions}, {@link ReverseDiffTrackerLinAlg}),
 * FastAD ({@link FastAdFunctions}, {@link FastAdStats}), AutoGrad.jl ({@link AutoGradKnetFunctions}), Diffractor.jl
 * ({@link DiffractorFunctions}) and PyTensor ({@link PyTensorFunctions}) through {@link PortedHarness} with AUTO and
 * {@link HvpChecks}: each function's {@code Vjp} (and its tape twin's) against central differences and each other, its
 * {@code Jvp} by the dot-product test, an array result's {@code Jacobian} against central differences, a scalar
 * {@code double} one's {@code Hvp} against central differences of the gradient, and the values the origins assert
 * (gradients, and second derivatives as Hessian products). Lantern's recursive tests run without {@link HvpChecks} (no
 * {@code Hvp} is generated for recursion). Outcomes today: 156 functions, 153 static, 3 rejected at their positions.
 * The tables are written to {@code target/yota-tracker-fastad-suite.md} and {@code -recursive.md} (a copy is in
 * README.md next to this class).
 */
class YotaTrackerFastAdSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(YotaNablaLanternFunctions.all());
        fns.addAll(YotaNablaLanternScala.all());
        fns.addAll(ReverseDiffTrackerFunctions.all());
        fns.addAll(FastAdFunctions.all());
        fns.addAll(AutoGradKnetFunctions.all());
        fns.addAll(DiffractorFunctions.all());
        fns.addAll(PyTensorFunctions.all());
        return fns;
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        Map<String, List<HvpChecks.Published>> h = new HashMap<>(YotaNablaLanternScala.hessians());
        h.putAll(AutoGradKnetFunctions.hessians());
        h.putAll(DiffractorFunctions.hessians());
        h.putAll(PyTensorFunctions.hessians());
        return h;
    }

    @TestFactory
    Stream<DynamicTest> yotaTrackerFastAdFunctions() throws IOException {
        return PortedHarness.run(all(), "yota-tracker-fastad-suite", new HvpChecks(hessians()));
    }

    /** Lantern's recursive tests: no {@code Hvp} is generated for them, so no second-order checks. */
    @TestFactory
    Stream<DynamicTest> lanternRecursive() throws IOException {
        return PortedHarness.run(YotaNablaLanternScala.recursive(), "yota-tracker-fastad-suite-recursive");
    }
}
