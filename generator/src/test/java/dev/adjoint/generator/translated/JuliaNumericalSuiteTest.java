package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Numerical Java as people write it ({@link NumericalLinAlg}, {@link NumericalModels}) and ForwardDiff.jl's and
 * ReverseDiff.jl's test functions ({@link JuliaDiffFunctions}), through {@link PortedHarness} with AUTO: each must be
 * static, its {@code Vjp} (and the tape's) match central differences and each other, its {@code Jvp} pass the
 * dot-product test, an array result's {@code nameJacobian} match central differences, the gradients the Julia tests
 * assert come out; and, with {@link HvpChecks}, each scalar method's {@code Hvp} match central differences of the
 * gradient at every point and the Hessians ForwardDiff's tests state (below).
 * <p>
 * Outcomes today, 66 functions: all <b>static</b>, none on the tape, every scalar one with an {@code Hvp} (ReverseDiff's
 * {@code macroUser}, calling the overloads {@code f0(x)} and {@code f0(a, b)}, had none before: their tangent helpers
 * were taken for one method). The table is written to
 * {@code target/julia-numerical-suite.md} (a copy is in README.md next to this class).
 */
class JuliaNumericalSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(NumericalLinAlg.all());
        fns.addAll(NumericalModels.all());
        fns.addAll(JuliaDiffFunctions.all());
        return fns;
    }

    private static HvpChecks.Published hv(double[] direction, double[] product, Object... args) {
        return new HvpChecks.Published(direction, product, 1e-12, args);
    }

    /** The Hessians ForwardDiff's tests state, as products with unit (or chosen) directions. */
    static Map<String, List<HvpChecks.Published>> hessians() {
        double[] x = d(0.3, 0.5, 0.7);
        double[] y = d(0.2, -0.4, 0.9);
        double[] diag = new double[3];
        for (int i = 0; i < 3; i++) {
            diag[i] = x[i] * x[i] / Math.pow(x[i] * x[i] + y[i] * y[i], 1.5);
        }
        List<HvpChecks.Published> quadratic = new ArrayList<>();
        for (double[] at : new double[][] {d(0, 0, 0), d(1e-5, 1e-5, 1e-5)}) {
            quadratic.add(hv(d(1, 0, 0), d(2, 6, 10), at));
            quadratic.add(hv(d(0, 1, 0), d(6, 10, 14), at));
            quadratic.add(hv(d(0, 0, 1), d(10, 14, 18), at));
        }
        double[][] a = m(d(1, 2), d(3, 4), d(5, 6));
        return Map.of(
                // MiscTest: hessian(y -> sum(hypot.(x, y)), y) is diagonal, x^2 / (x^2 + y^2)^(3/2)
                "forwarddiff.MiscTest.sumHypot", List.of(hv(d(1, 1, 1), diag, x, y)),
                // MiscTest issue #59: f'' = -4 sin(x) cos(x) / 6 for f = sin(x)/3 * cos(x)/2
                "forwarddiff.MiscTest.issue59", List.of(hv(d(1), d(-4 * Math.sin(0.7) * Math.cos(0.7) / 6), 0.7)),
                // HessianTest "branches in dot": H + H' at zeros and at 1e-5
                "forwarddiff.HessianTest.quadratic", quadratic,
                // HessianTest rosenbrock hardcoded test
                "forwarddiff.HessianTest.rosenbrock",
                        List.of(
                                hv(d(1, 0, 0), d(-66, -40, 0), d(0.1, 0.2, 0.3)),
                                hv(d(0, 1, 0), d(-40, 130, -80), d(0.1, 0.2, 0.3)),
                                hv(d(0, 0, 1), d(0, -80, 200), d(0.1, 0.2, 0.3))),
                // HessianTest issue 720: (r1^2 - 3)(r2^2 - 2) at (0.5, 2.8)
                "forwarddiff.HessianTest.product720",
                        List.of(hv(d(1, 0), d(2 * (2.8 * 2.8 - 2), 4 * 0.5 * 2.8), d(0.5, 2.8))),
                // ConfusionTest: jacobian(x -> gradient(y -> dot(y, A x))) == A: H [u; 0] = [0; A u], H [0; w] = [A'w;
                // 0]
                "forwarddiff.ConfusionTest.bilinear",
                        List.of(
                                hv(d(1, 0, 0, 0, 0), d(0, 0, 1, 3, 5), d(1, 2), d(0.5, -1, 2), a),
                                hv(d(0, 0, 0, 1, 0), d(3, 4, 0, 0, 0), d(1, 2), d(0.5, -1, 2), a)));
    }

    @TestFactory
    Stream<DynamicTest> numericalJavaAndJuliaDiffFunctions() throws IOException {
        return PortedHarness.run(all(), "julia-numerical-suite", new HvpChecks(hessians()));
    }
}
