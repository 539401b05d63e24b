package dev.adjoint.generator.translated;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Functions ported into Java from CppAD's speed tests and examples ({@link CppadFunctions}), ADOL-C's examples
 * ({@link AdolcFunctions}) and Enzyme's reverse-mode integration tests ({@link EnzymeFunctions}), written the
 * way a Java programmer writes them (helpers, {@code double[]}, {@code int[]} index tables, {@code while} and
 * {@code break}, static tables), not shaped to what the generator accepts. Each goes through the generator
 * with the default strategy (AUTO), and must do what its entry expects ({@link Ported#expected()}):
 * <ul>
 * <li><b>static</b>: the adjoint compiles ({@code -Xlint:all -Werror}), returns the method's value and leaves its
 * arrays as the method leaves them; its gradient matches central differences at each point and the gradient
 * the original test publishes (or the closed form it states); and the same class forced onto the tape gives
 * the same (value, arrays, central differences) and the same gradient as the static one (ρ ≤ 1e-12, 1e-5 in
 * float);</li>
 * <li><b>tape</b>, for the reason named: the same checks on AUTO's tape adjoint;</li>
 * <li><b>rejected</b>: errors only, each at a real position, the first naming the reason.</li>
 * </ul>
 * Outcomes today, 44 functions (17 CppAD, 11 ADOL-C, 16 Enzyme), each pinned by its entry:
 * <ul>
 * <li><b>41 static</b>, among them CppAD's {@code ode_evaluate} (Runge-Kutta whose helper swaps its stage buffers,
 * {@code xf = x5}, and returns one: returned as a copy), checked against CppAD's published Jacobian, LU with full pivoting over {@code int[]} permutations, loops left by
 * {@code break}, {@code while} with {@code &&}, {@code do}-{@code while}, helpers that read and write arrays, an
 * {@code int[][]} index table, a {@code switch} with {@code break}s, static tables, a {@code @CustomDerivative}
 * float pullback, a recursive {@code long} factorial (passive), and ADOL-C's determinant, whose recursive helper
 * over {@code double[][]} goes to the tape alone (an implicit callee; the caller gets no {@code Hvp});</li>
 * <li><b>3 on the tape</b>: recursion ({@code cppad.poly.poly}, {@code adolc.powexam.power}), and CppAD's
 * {@code det_of_minor}, recursive too, whose first static refusal is the {@code int[]} lists it passes to the
 * recursive call;</li>
 * <li><b>0 rejected</b>.</li>
 * </ul>
 * The checks are {@link PortedHarness}'s. The table of outcomes is written to {@code target/ported-suite.md} (a copy
 * is in README.md next to this class); the sources and adjoints of a function with a problem to
 * {@code target/ported-suite/<id>/}.
 */
class PortedSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(CppadFunctions.all());
        fns.addAll(AdolcFunctions.all());
        fns.addAll(EnzymeFunctions.all());
        return fns;
    }

    @TestFactory
    Stream<DynamicTest> portedFunctions() throws IOException {
        return PortedHarness.run(all(), "ported-suite");
    }
}
