package dev.adjoint.generator.translated;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Functions ported into Java from programs written for Tapenade ({@link TapenadeFunctions}, {@link TapenadeKernels}),
 * the Stommel box model TAF and OpenAD are demonstrated on ({@link OpenAdBoxModel}), and Zygote's and JAX's test suites
 * ({@link ZygoteFunctions}, {@link JaxFunctions}), as a Java programmer writes them: Fortran modules' parameters as
 * {@code static final} constants and tables, {@code void} helpers filling output arrays, {@code double[][]} states
 * stepped in time, C's pointers into arrays as offsets, a running index {@code weights[widx++]}, {@code while} with
 * {@code break}, records, guards that throw, {@code assert}, prints. Each goes through {@link PortedHarness} with AUTO
 * and must give its entry's outcome; the checks are the harness's (value and arrays, {@code seedᵀ·J} against central
 * differences, static against tape, the gradients the sources assert, the {@code Jvp} dot-product test,
 * {@code nameJacobian} against central differences).
 * <p>
 * Outcomes today, 57 functions (8 + 7 Tapenade, 2 OpenAD, 26 Zygote, 14 JAX), each pinned by its entry:
 * <ul>
 * <li><b>52 static</b>, among them the glacier and ice-stream models (a Picard iteration around CG with a
 * {@code break}), the box model with its arrays rotated by reference, the LSTM with one array passed as input and state,
 * the VTI stencil and its {@code floor}-indexed source injection, JAX's {@code while_loop} (whose reverse mode JAX
 * refuses), {@code x[:, imat]} with a {@code static final int[][]} index table;</li>
 * <li><b>1 on the tape</b>: Zygote's {@code pow_rec}, recursive;</li>
 * <li><b>4 rejected</b>, each at its position with what to do: a lambda local ({@code mul_lambda}), a static field the
 * method assigns ({@code pow_global}), {@code try} ({@code pow_try}), and the LSTM with C's pointer {@code xp} kept as an
 * array variable assigned {@code x2}, then {@code s} (a write through {@code s} must be seen through {@code xp}; the
 * same LSTM with offsets into {@code s} is static).</li>
 * </ul>
 * What the ports found is in {@link TapenadeFindingsTest}; the table is written to {@code target/tapenade-suite.md} (a
 * copy is in README.md next to this class).
 */
class TapenadeSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(TapenadeFunctions.all());
        fns.addAll(TapenadeKernels.all());
        fns.addAll(OpenAdBoxModel.all());
        fns.addAll(ZygoteFunctions.all());
        fns.addAll(JaxFunctions.all());
        return fns;
    }

    @TestFactory
    Stream<DynamicTest> tapenadeZygoteJaxFunctions() throws IOException {
        return PortedHarness.run(all(), "tapenade-suite");
    }
}
