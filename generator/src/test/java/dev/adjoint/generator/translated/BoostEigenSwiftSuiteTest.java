package dev.adjoint.generator.translated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Boost.Math's autodiff tests and examples ({@link BoostMathFunctions}), Eigen's {@code AutoDiffScalar} tests
 * ({@link EigenAutoDiffFunctions}), Swift's differentiable-programming validation tests ({@link SwiftControlFlow},
 * {@link SwiftLoops}, {@link SwiftFunctions}, {@link SwiftArrays}), num-dual's second-order tests
 * ({@link NumDualFunctions}) and DiffSharp's test functions ({@link DiffSharpFunctions}), through {@link PortedHarness}
 * with AUTO and {@link HvpChecks}: each accepted function's {@code Vjp} (and the tape's) against central differences and
 * each other, its {@code Jvp} by the dot-product test, an array result's {@code nameJacobian} against central
 * differences, a scalar one's {@code Hvp} against central differences of the gradient; and the derivatives the origins
 * assert: Boost's first and second derivatives, the Black–Scholes Greeks and the mixed-partials table, Eigen's
 * {@code jref} Jacobians and Hessians, Swift's {@code expectEqual} gradients and pullbacks, num-dual's {@code v1} and
 * {@code v2}, DiffSharp's gradients, Hessian products and Jacobians, and its charged particle minimised by Newton's
 * method from the generated {@code Grad} and {@code Hvp}.
 * <p>
 * Outcomes today: 205 functions, 199 static, 6 rejected on purpose (a statement method called on a {@code new}
 * record, a static field the method assigns, a class field with an initializer, one array under three names, an array
 * grown by {@code Arrays.copyOf}, a local record holding a record); 2 recursive ones on the tape and a static caller of one. The tables are written to
 * {@code target/boost-eigen-swift-suite.md} and {@code target/boost-eigen-swift-suite-tape.md} (a copy is in README.md
 * next to this class).
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
        fns.addAll(DiffSharpFunctions.all());
        return fns;
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        Map<String, List<HvpChecks.Published>> m = new HashMap<>(BoostMathFunctions.hessians());
        m.putAll(EigenAutoDiffFunctions.hessians());
        m.putAll(NumDualFunctions.hessians());
        m.putAll(DiffSharpFunctions.hessians());
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

    /**
     * DiffSharp's nested charged-particle example: Newton's method on {@code naiveEuler(w)} from w = 0, each step
     * {@code w - f'(w) / f''(w)} with {@code f'} from {@code naiveEulerGrad} and {@code f''} from
     * {@code naiveEulerHvp}, stops when |f'| < 0.1 after 4 iterations at w = -0.266521 (to 0.01), as the test states.
     */
    @Test
    void chargedParticleNewtonFromGradientAndHvp() {
        String source = "package ported;\n\nimport dev.adjoint.Differentiable;\n\npublic class Charged {\n"
                + DiffSharpFunctions.NAIVE_EULER.indent(4) + "}\n";
        Differentiated d = Differentiated.of("ported.Charged", source, Options.DEFAULT);
        double w = 0;
        int i = 1;
        while (true) {
            DoubleGrad g = new DoubleGrad();
            d.invokeGenerated("naiveEuler", "naiveEulerGrad", w, g);
            if (Math.abs(g.get()) < 0.1) {
                break;
            }
            DoubleGrad g2 = new DoubleGrad();
            DoubleGrad hv = new DoubleGrad();
            d.invokeGenerated("naiveEuler", "naiveEulerHvp", w, 1.0, g2, hv);
            w = w - g.get() / hv.get();
            i++;
            assertTrue(i < 20, "Newton does not converge: w = " + w);
        }
        assertEquals(4, i);
        assertEquals(-0.266521, w, 0.01);
    }
}
