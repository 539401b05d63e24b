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
 * DiffKt's derivative tests and examples ({@link DiffKtFunctions}, {@link DiffKtExamples}), tinygrad's
 * {@code test_ops.py} ({@link TinygradFunctions}, {@link TinygradOps}, {@link TinygradLosses}) and MLX's autograd, layer
 * and loss tests ({@link MlxFunctions}, {@link MlxLayers}, {@link MlxLosses}) through
 * {@link PortedHarness} with AUTO and {@link HvpChecks}: each function's {@code Vjp} (and the tape's) against central
 * differences and each other, its {@code Jvp} by the dot-product test, an array result's {@code Jacobian} against
 * central differences, a scalar {@code double} one's {@code Hvp} against central differences of the gradient, and the
 * closed forms the origins assert (gradients, and second derivatives as Hessian products).
 * <p>
 * Outcomes today: 88 functions (25 DiffKt, 35 tinygrad, 28 MLX), all static. The table is written to {@code target/diffkt-tinygrad-mlx-suite.md} (a copy is in README.md next to this class).
 */
class DiffKtTinygradMlxSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(DiffKtFunctions.all());
        fns.addAll(TinygradFunctions.all());
        fns.addAll(TinygradOps.all());
        fns.addAll(MlxFunctions.all());
        return fns;
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        Map<String, List<HvpChecks.Published>> h = new HashMap<>(DiffKtFunctions.hessians());
        h.putAll(MlxFunctions.hessians());
        return h;
    }

    @TestFactory
    Stream<DynamicTest> diffKtTinygradMlxFunctions() throws IOException {
        return PortedHarness.run(all(), "diffkt-tinygrad-mlx-suite", new HvpChecks(hessians()));
    }
}
