package dev.adjoint.generator.translated;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Functions ported into Java from the AD tools' suites {@link PortedSuiteTest} does not cover: JuliaDiff's
 * DiffTests.jl, what ForwardDiff and ReverseDiff test with ({@link DiffTestsScalars}, {@link DiffTestsArrays}); Ceres
 * Solver's cost functors and Moré–Garbow–Hillstrom problems ({@link CeresFunctions}, {@link CeresMgh}); Stan Math's
 * {@code prim} functions ({@link StanFunctions}); the C++ library autodiff's examples ({@link AutodiffFunctions}). Written as a Java programmer writes them: helpers (plain, {@code void}
 * ones writing an output array, array-returning ones), {@code double[][]} with for-each over rows, {@code static final}
 * tables and local array initialisers, {@code Arrays.fill}, {@code copyOfRange}, {@code clone()}, guards that throw,
 * array results composed by another {@code @Differentiable} method. Each goes through the generator with AUTO and
 * must give its entry's outcome ({@link Ported#expected()}); the checks are {@link PortedHarness}'s: value and
 * arrays, {@code seedᵀ·J} against central differences, static against tape (ρ ≤ 1e-12), the published or closed-form
 * gradients, the {@code Jvp} dot-product test and, for an array result, {@code nameJacobian} column by column
 * against central differences.
 * <p>
 * Outcomes today, 77 functions (27 + 1 DiffTests.jl scalar-valued, 15 DiffTests.jl array ones, 11 Ceres examples, 12
 * Moré–Garbow–Hillstrom, 4 Stan, 7 autodiff), each pinned by its entry:
 * <ul>
 * <li><b>76 static</b>, none on the tape: every one also with a {@code Jvp} (checked by the dot-product test), the 34
 * with array results with a {@code nameJacobian} (checked against central differences), among them {@code void}
 * helpers filling a local output array, array-returning helpers over {@code double[][]} (a product, a Gauss–Jordan
 * inverse), array results composed by a scalar method, a record built and passed on, {@code floor(t)} as an index,
 * infinities compared, guards that throw;</li>
 * <li><b>1 rejected</b>: {@code difftests.DiffTests.detRowSwap}, rows cloned into a ragged local and swapped by
 * reference ({@code lu[k] = lu[pivot]}), which neither strategy follows; the error, at each replaced row, says to copy or
 * exchange the elements (the same determinant written that way, {@code det}, is static).</li>
 * </ul>
 * <p>
 * The table is written to {@code target/other-tools-suite.md} (a copy is in README.md next to this class).
 */
class OtherToolsSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(DiffTestsScalars.all());
        fns.addAll(DiffTestsArrays.all());
        fns.addAll(CeresFunctions.all());
        fns.addAll(CeresMgh.all());
        fns.addAll(StanFunctions.all());
        fns.addAll(AutodiffFunctions.all());
        return fns;
    }

    @TestFactory
    Stream<DynamicTest> otherToolsFunctions() throws IOException {
        return PortedHarness.run(all(), "other-tools-suite");
    }
}
