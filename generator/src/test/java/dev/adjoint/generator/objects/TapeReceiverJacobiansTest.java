package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Instance methods with an array result on the tape ({@code strategy = TAPE}) get a
 * {@code Jacobian} by rows, as static ones on the tape do (they had none, and no note said so):
 * checked against central differences and against the static twin's {@code Jacobian}, for
 * {@code wrt = "this"} and for the parameters.
 */
class TapeReceiverJacobiansTest {
    private static final String MODEL = """
            package tj;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;

            public class Model {
                double a = 1.5;
                double[] w = {0.3, -0.7};

                @Differentiable(wrt = "this", strategy = Strategy.TAPE)
                public double[] tapeOfThis(double[] x) {
                    double[] r = new double[x.length];
                    for (int i = 0; i < x.length; i++) r[i] = a * x[i] * x[i] + w[i % 2] * Math.sin(x[i]);
                    return r;
                }

                @Differentiable(wrt = "this")
                public double[] staticOfThis(double[] x) {
                    double[] r = new double[x.length];
                    for (int i = 0; i < x.length; i++) r[i] = a * x[i] * x[i] + w[i % 2] * Math.sin(x[i]);
                    return r;
                }

                @Differentiable(strategy = Strategy.TAPE)
                public double[] tapeOfX(double[] x) {
                    double[] r = new double[x.length + 1];
                    for (int i = 0; i < x.length; i++) {
                        r[i] = a * x[i] * x[i];
                        r[x.length] += w[0] * Math.exp(x[i]);
                    }
                    return r;
                }
            }
            """;

    private static final String CHECKS = """
            package tj;

            public class Checks {
                static double worst(double[][] a, double[][] b) {
                    double w = 0;
                    for (int i = 0; i < a.length; i++) for (int j = 0; j < a[i].length; j++) w = Math.max(w, Math.abs(a[i][j] - b[i][j]));
                    return w;
                }

                static Model model(double[] p) {
                    Model m = new Model();
                    m.a = p[0];
                    m.w = new double[] {p[1], p[2]};
                    return m;
                }

                public static String run() {
                    StringBuilder out = new StringBuilder();
                    double[] x = {0.5, -1.2, 2.0};
                    double[] p0 = {1.5, 0.3, -0.7};
                    double h = 1e-6;
                    // columns: this.a, this.w[0], this.w[1]
                    double[][] tape = new double[3][3];
                    double[][] stat = new double[3][3];
                    double[][] fd = new double[3][3];
                    ModelAdjoint.tapeOfThisJacobian(model(p0), x.clone(), tape);
                    ModelAdjoint.staticOfThisJacobian(model(p0), x.clone(), stat);
                    for (int j = 0; j < 3; j++) {
                        double[] u = p0.clone();
                        double[] d = p0.clone();
                        u[j] += h;
                        d[j] -= h;
                        double[] fu = model(u).tapeOfThis(x.clone());
                        double[] fdn = model(d).tapeOfThis(x.clone());
                        for (int i = 0; i < 3; i++) fd[i][j] = (fu[i] - fdn[i]) / (2 * h);
                    }
                    out.append("thisVsDifferences ").append(worst(tape, fd)).append('\\n');
                    out.append("thisVsStatic ").append(worst(tape, stat)).append('\\n');
                    double[][] jx = new double[4][3];
                    double[][] fx = new double[4][3];
                    ModelAdjoint.tapeOfXJacobian(model(p0), x.clone(), jx);
                    for (int j = 0; j < 3; j++) {
                        double[] u = x.clone();
                        double[] d = x.clone();
                        u[j] += h;
                        d[j] -= h;
                        double[] fu = model(p0).tapeOfX(u);
                        double[] fdn = model(p0).tapeOfX(d);
                        for (int i = 0; i < 4; i++) fx[i][j] = (fu[i] - fdn[i]) / (2 * h);
                    }
                    out.append("xVsDifferences ").append(worst(jx, fx)).append('\\n');
                    return out.toString();
                }
            }
            """;

    @Test
    void tapeInstanceMethodsGetAJacobianByRows() throws Exception {
        Map<Path, String> files = new TreeMap<>();
        files.put(Path.of("Model.java"), MODEL);
        Translation t = Pipeline.translate(files, Optional.empty(), Options.DEFAULT);
        assertFalse(
                t.hasErrors(),
                t.diagnostics().stream().map(Diagnostic::toString).toList().toString());
        assertTrue(
                t.diagnostics().stream().noneMatch(d -> d.message().contains("Jacobian")),
                t.diagnostics().toString());
        Map<String, String> all = new HashMap<>(t.generated());
        all.put("tj.Model", MODEL);
        all.put("tj.Checks", CHECKS);
        ClassLoader loader = InMemoryCompiler.compile(all);
        String report = (String) loader.loadClass("tj.Checks").getMethod("run").invoke(null);
        List<String> lines = report.lines().toList();
        assertEquals(3, lines.size(), report);
        for (String line : lines) {
            double worst = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            assertTrue(worst < 1e-7, line + "\n" + report);
        }
    }
}
