package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code nameJacobian(self, x, jac)} of a method that advances its object's {@code state} array: a
 * {@code jac} whose rows have another length than the inputs' count was refused only after the run
 * for the value, so the refused call had advanced the state ({0.2, 0.4} to {0.32, 0.85}) and the
 * caller's retry saw another state. The rows' length is known before the run and is checked
 * there; the object is left as it was. The right buffer still gives central differences' Jacobian.
 */
class JacobianBufferStateTest {
    private static final String MODEL = """
            package st;

            import dev.adjoint.Differentiable;

            public class Model {
                double k = 0.7;
                double[] st = {0.2, 0.4};

                @Differentiable(wrt = "this")
                public double[] f(double[] x) {
                    for (int i = 0; i < 2; i++) st[i] = st[i] + k * x[i];
                    return new double[] {st[0] * st[1], k * Math.exp(st[1])};
                }
            }
            """;

    private static final String CHECKS = """
            package st;

            public class Checks {
                static Model at(double[] t) {
                    Model m = new Model();
                    m.k = t[0];
                    m.st = new double[] {t[1], t[2]};
                    return m;
                }

                public static String run() {
                    StringBuilder out = new StringBuilder();
                    Model m = new Model();
                    double[] x = {0.4, 0.9};
                    try {
                        ModelAdjoint.fJacobian(m, x, new double[2][2]);
                        out.append("filled\\n");
                    } catch (IllegalArgumentException e) {
                        out.append(e.getMessage()).append('\\n');
                    }
                    out.append("state ").append(m.st[0]).append(' ').append(m.st[1]).append('\\n');
                    double[][] jac = new double[2][3];
                    ModelAdjoint.fJacobian(m, x, jac);
                    double[] t = {0.7, 0.2, 0.4};
                    double worst = 0, h = 1e-6;
                    for (int j = 0; j < 3; j++) {
                        double[] p = t.clone(), q = t.clone();
                        p[j] += h;
                        q[j] -= h;
                        double[] fp = at(p).f(x), fq = at(q).f(x);
                        for (int i = 0; i < 2; i++) worst = Math.max(worst, Math.abs(jac[i][j] - (fp[i] - fq[i]) / (2 * h)));
                    }
                    out.append("differences ").append(worst < 1e-7).append('\\n');
                    return out.toString();
                }
            }
            """;

    @Test
    void aJacWithRowsOfAnotherLengthIsRefusedBeforeTheMethodChangesTheObject() throws Exception {
        Translation t = Pipeline.translate(Map.of(Path.of("Model.java"), MODEL), Optional.empty(), Options.DEFAULT);
        assertFalse(
                t.hasErrors(),
                t.diagnostics().stream().map(Diagnostic::toString).toList().toString());
        Map<String, String> all = new HashMap<>(t.generated());
        all.put("st.Model", MODEL);
        all.put("st.Checks", CHECKS);
        ClassLoader loader = InMemoryCompiler.compile(all);
        String report = (String) loader.loadClass("st.Checks").getMethod("run").invoke(null);
        assertEquals(
                List.of(
                        "the Jacobian of Model.f has 3 columns (the 3 entries of this.k, this.st, in that order); jac is"
                                + " 2 × 2: allocate new double[m][3], m the length of its result",
                        "state 0.2 0.4",
                        "differences true"),
                report.lines().toList(),
                report);
    }
}
