package dev.adjoint.generator.translated;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Functions ported into Java from Adept's test programs ({@link AdeptFunctions}), CoDiPack's expression tests
 * ({@link CodipackFunctions}), HIPS autograd's scalar and numpy tests ({@link AutogradFunctions}), and reference BLAS,
 * PyTorch's gradcheck list, Sacado's compound-assignment tests and FADBAD++'s first example
 * ({@link BlasTorchSacadoFunctions}), as a Java programmer writes them: {@code void} helpers filling an output array
 * (CoDiPack's {@code func(x, y)}), C's pointers as offsets, {@code ++}/{@code --} on elements inside assignments,
 * functions {@code Math} lacks written out (erf from a {@code static final} table, a recursive Lanczos gamma, the
 * inverse hyperbolic functions), numpy's reductions and 2-D results as loops over {@code double[][]} returning a
 * flattened {@code double[]}, column-major BLAS with leading dimensions, negative strides and a {@code char} option in a
 * classic {@code switch}, products through exact zeros. Each goes through {@link PortedHarness} with AUTO and must give
 * its entry's outcome; the checks are the harness's (value and arrays, {@code seedᵀ·J} against central differences,
 * static against tape, the published gradients, the {@code Jvp} dot-product test, {@code nameJacobian} against central
 * differences).
 * <p>
 * Outcomes today, 44 functions (4 Adept, 8 CoDiPack, 20 autograd, 3 BLAS, 6 PyTorch, 2 Sacado, 1 FADBAD++): all
 * <b>static</b>, none on the tape, every one with a {@code Jvp}, the 19 with array results with a
 * {@code nameJacobian}. The table is written to {@code target/adept-codipack-autograd-suite.md} (a copy is in README.md
 * next to this class).
 */
class AdeptCodipackAutogradSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(AdeptFunctions.all());
        fns.addAll(CodipackFunctions.all());
        fns.addAll(AutogradFunctions.all());
        fns.addAll(BlasTorchSacadoFunctions.all());
        return fns;
    }

    @TestFactory
    Stream<DynamicTest> adeptCodipackAutogradFunctions() throws IOException {
        return PortedHarness.run(all(), "adept-codipack-autograd-suite");
    }
}
