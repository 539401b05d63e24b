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
 * Boost.Math's autodiff tests and examples ({@link BoostMathFunctions}), through {@link PortedHarness} with AUTO and
 * {@link HvpChecks}: each accepted function's {@code Vjp} (and the tape's) against central differences and each
 * other, its {@code Jvp} by the dot-product test, an array result's {@code nameJacobian} against central differences,
 * a scalar one's {@code Hvp} against central differences of the gradient; and the derivatives the origins assert:
 * Boost's first and second derivatives, the Black–Scholes Greeks the example prints, the mixed partials' table.
 * <p>
 * The table is written to {@code target/boost-eigen-swift-suite.md} (a copy is in README.md next to this class).
 */
class BoostEigenSwiftSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(BoostMathFunctions.all());
        fns.addAll(EigenAutoDiffFunctions.all());
        fns.addAll(SwiftControlFlow.all());
        fns.addAll(SwiftLoops.all());
        fns.addAll(SwiftFunctions.all());
        fns.addAll(SwiftArrays.all());
        fns.addAll(NumDualFunctions.all());
        return fns;
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        Map<String, List<HvpChecks.Published>> m = new HashMap<>(BoostMathFunctions.hessians());
        m.putAll(EigenAutoDiffFunctions.hessians());
        m.putAll(NumDualFunctions.hessians());
        return m;
    }

    @TestFactory
    Stream<DynamicTest> boostEigenSwiftFunctions() throws IOException {
        return PortedHarness.run(all(), "boost-eigen-swift-suite", new HvpChecks(hessians()));
    }

    /** Swift's recursive functions, on the tape, without the second-order checks (the tape has no {@code Hvp}). */
    @TestFactory
    Stream<DynamicTest> recursiveFunctionsOnTheTape() throws IOException {
        return PortedHarness.run(SwiftControlFlow.recursive(), "boost-eigen-swift-suite-tape");
    }
}
