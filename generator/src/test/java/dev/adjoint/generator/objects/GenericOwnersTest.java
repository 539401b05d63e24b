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
 * Instance methods of a generic class ({@code Gen<T extends Number, U>}): every generated method took
 * the object as the raw {@code Gen}, and {@code GenGrad.like(Gen value)}, {@code like(Gen[] values)}
 * too, nine {@code [rawtypes]} warnings under {@code -Xlint:all}, which fail a build with
 * {@code -Werror}. They take {@code Gen<?, ?>} now. {@link InMemoryCompiler} compiles with
 * {@code -Xlint:all -Werror}; the gradient, {@code Jvp}, {@code Hvp} and {@code Jacobian} are then
 * checked against central differences (of the method, and of the gradient for {@code H·v}).
 */
class GenericOwnersTest {
    private static final String GEN = """
            package gen;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Mode;

            public class Gen<T extends Number, U> {
                public record Scale(double s) {}

                private double[] w = {0.2, -0.3};
                Scale scale = new Scale(1.5);
                T tag;
                U label;

                double scaled(double v) { return v * scale.s(); }

                public void set(double w0, double w1, double s) { w = new double[] {w0, w1}; scale = new Scale(s); }

                @Differentiable(wrt = {"this", "x"}, modes = {Mode.REVERSE, Mode.FORWARD, Mode.HVP})
                public double f(double[] x) { return scaled(w[0] * x[0] * x[1]) + w[1] * x[0] * x[0]; }

                @Differentiable(wrt = {"this", "x"}, modes = {Mode.REVERSE, Mode.FORWARD})
                public double[] g(double[] x) { return new double[] {w[0] * x[0] * x[0], scale.s() * x[1], w[1] * x[0]}; }
            }
            """;

    /** Columns: w[0], w[1], scale.s, x[0], x[1]; one line each: the worst gap to differences. */
    private static final String CHECKS = """
            package gen;

            import dev.adjoint.DoubleGrad;

            public class Checks {
                static Gen<Integer, String> at(double[] t) {
                    Gen<Integer, String> m = new Gen<>();
                    m.set(t[0], t[1], t[2]);
                    return m;
                }

                static double[] grad(double[] t) {
                    Gen<Integer, String> m = at(t);
                    GenGrad d = GenGrad.like(m);
                    double[] dx = new double[2];
                    GenAdjoint.fGrad(m, new double[] {t[3], t[4]}, d, dx);
                    return new double[] {d.w[0], d.w[1], d.scale.s, dx[0], dx[1]};
                }

                public static String run() {
                    double[] t = {0.2, -0.3, 1.5, 0.7, -0.4};
                    double h = 1e-6;
                    double[] g = grad(t);
                    double[] v = {0.3, -0.5, 0.2, 0.6, 0.1};
                    double gradGap = 0, jvp = 0, jacGap = 0, hvGap = 0;
                    double[][] jac = new double[3][5];
                    GenAdjoint.gJacobian(at(t), new double[] {t[3], t[4]}, jac);
                    for (int j = 0; j < 5; j++) {
                        double[] p = t.clone(), q = t.clone();
                        p[j] += h;
                        q[j] -= h;
                        double fd = (at(p).f(new double[] {p[3], p[4]}) - at(q).f(new double[] {q[3], q[4]})) / (2 * h);
                        gradGap = Math.max(gradGap, Math.abs(fd - g[j]));
                        jvp += g[j] * v[j];
                        double[] gp = at(p).g(new double[] {p[3], p[4]}), gq = at(q).g(new double[] {q[3], q[4]});
                        for (int i = 0; i < 3; i++) jacGap = Math.max(jacGap, Math.abs((gp[i] - gq[i]) / (2 * h) - jac[i][j]));
                    }
                    Gen<Integer, String> m = at(t);
                    GenGrad tv = GenGrad.like(m);
                    tv.w[0] = v[0];
                    tv.w[1] = v[1];
                    tv.scale.s = v[2];
                    DoubleGrad out = new DoubleGrad();
                    GenAdjoint.fJvp(m, new double[] {t[3], t[4]}, tv, new double[] {v[3], v[4]}, out);
                    GenGrad dg = GenGrad.like(m), hv = GenGrad.like(m);
                    double[] dx = new double[2], hvx = new double[2];
                    GenAdjoint.fHvp(m, new double[] {t[3], t[4]}, tv, new double[] {v[3], v[4]}, dg, dx, hv, hvx);
                    double e = 1e-5;
                    double[] p = t.clone(), q = t.clone();
                    for (int j = 0; j < 5; j++) {
                        p[j] += e * v[j];
                        q[j] -= e * v[j];
                    }
                    double[] gp = grad(p), gq = grad(q);
                    double[] hvAll = {hv.w[0], hv.w[1], hv.scale.s, hvx[0], hvx[1]};
                    for (int j = 0; j < 5; j++) hvGap = Math.max(hvGap, Math.abs((gp[j] - gq[j]) / (2 * e) - hvAll[j]));
                    GenGrad[] each = GenGrad.like(new Gen<?, ?>[] {m, at(t)});
                    return "grad " + (gradGap < 1e-7) + "\\njvp " + (Math.abs(out.get() - jvp) < 1e-12) + "\\nhvp " + (hvGap < 1e-6)
                            + "\\njacobian " + (jacGap < 1e-7) + "\\nlike " + each.length + "\\n";
                }
            }
            """;

    @Test
    void aGenericClassesAdjointCompilesWithoutWarningsAndMatchesDifferences() throws Exception {
        Translation t = Pipeline.translate(Map.of(Path.of("Gen.java"), GEN), Optional.empty(), Options.DEFAULT);
        assertFalse(
                t.hasErrors(),
                t.diagnostics().stream().map(Diagnostic::toString).toList().toString());
        Map<String, String> all = new HashMap<>(t.generated());
        all.put("gen.Gen", GEN);
        all.put("gen.Checks", CHECKS);
        ClassLoader loader = InMemoryCompiler.compile(all);
        String report = (String) loader.loadClass("gen.Checks").getMethod("run").invoke(null);
        assertEquals(
                List.of("grad true", "jvp true", "hvp true", "jacobian true", "like 2"),
                report.lines().toList());
    }
}
