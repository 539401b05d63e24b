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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One array given for two inputs of a method that writes one of them ({@code f(x, x)} with
 * {@code f} writing its second parameter; an object whose field is the array also passed as a
 * parameter; a record holding it): {@code nameVjp} refused it, but {@code nameJacobian} (each call
 * on its own copies of the inputs, which are then apart), {@code nameJvp} and {@code nameHvp}
 * computed as if the arrays were apart, silently: {@code SAdjoint.fJacobian(x, x, jac)} gave column
 * 0 as {0.9, 0.8, 1.0} where central differences of {@code S.f(x, x)} give {5.625, 5.0, 2.5},
 * {@code fJvp} {2.25, 2.0, 1.0}, and {@code gHvp} the gradient {4.11, -1.06} for {6.88, 1.11}.
 * Each now refuses as {@code nameVjp} does, naming the two inputs (for an object's field,
 * {@code this.state}), before it runs the method; arrays apart still give central differences' values.
 */
class AliasedInputsTest {
    private static final String S = """
            package al;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Mode;

            public class S {
                public record Box(double a, double[] v) {}

                @Differentiable(wrt = "x", modes = {Mode.REVERSE, Mode.FORWARD})
                public static double[] f(double[] x, double[] st) {
                    for (int i = 0; i < 2; i++) st[i] = st[i] * 1.5 + x[i];
                    return new double[] {st[0] * x[1], Math.sin(st[1]) + x[0] * x[0], x[0]};
                }

                @Differentiable(wrt = "x", modes = {Mode.REVERSE, Mode.FORWARD, Mode.HVP})
                public static double g(double[] x, double[] st) {
                    for (int i = 0; i < 2; i++) st[i] = st[i] * 1.5 + x[i] * x[i];
                    return st[0] * x[1] + Math.sin(st[1]) * x[0];
                }

                @Differentiable(wrt = {"b", "x"}, modes = {Mode.REVERSE, Mode.FORWARD})
                public static double[] boxed(Box b, double[] x) {
                    for (int i = 0; i < 2; i++) b.v()[i] = b.v()[i] * x[i];
                    return new double[] {b.a() * b.v()[0] + x[1], b.v()[1] * x[0]};
                }
            }
            """;

    private static final String MODEL = """
            package al;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Mode;

            public class Model {
                double[] w = {0.3, -0.7};
                double[] state = {1.0, 2.0};

                @Differentiable(wrt = "x", modes = {Mode.REVERSE, Mode.FORWARD, Mode.HVP})
                public double[] f(double[] x) {
                    for (int i = 0; i < 2; i++) state[i] = state[i] * 1.5 + x[i];
                    return new double[] {state[0] * x[1] * w[0], Math.sin(state[1]) + x[0] * x[0], x[0]};
                }

                @Differentiable(wrt = "x", modes = {Mode.REVERSE, Mode.FORWARD, Mode.HVP})
                public double h(double[] x) {
                    for (int i = 0; i < 2; i++) state[i] = state[i] * 1.5 + x[i] * x[i];
                    return state[0] * x[1] + Math.sin(state[1]) * x[0];
                }
            }
            """;

    /** Each call on aliased inputs: the message it throws, or "computed"; then apart: the worst gap to differences. */
    private static final String CHECKS = """
            package al;

            import dev.adjoint.DoubleGrad;

            public class Checks {
                interface Call { void run(); }

                static String refused(String name, Call c) {
                    try {
                        c.run();
                        return name + " computed\\n";
                    } catch (IllegalArgumentException e) {
                        return name + " " + e.getMessage() + "\\n";
                    }
                }

                static Model on(double[] x) {
                    Model m = new Model();
                    m.state = x;
                    return m;
                }

                public static String run() {
                    StringBuilder out = new StringBuilder();
                    double[] x = {0.4, 0.9};
                    out.append(refused("fJacobian", () -> SAdjoint.fJacobian(x, x, new double[3][2])));
                    out.append(refused("fJvp", () -> SAdjoint.fJvp(x, x, new double[] {1, 0}, new double[3])));
                    out.append(refused("gJvp", () -> SAdjoint.gJvp(x, x, new double[] {1, 0}, new DoubleGrad())));
                    out.append(refused("gHvp", () -> SAdjoint.gHvp(x, x, new double[] {1, 0}, new double[2], new double[2])));
                    S.Box b = new S.Box(0.5, x);
                    out.append(refused("boxedJacobian", () -> SAdjoint.boxedJacobian(b, x, new double[2][5])));
                    out.append(refused("modelJacobian", () -> ModelAdjoint.fJacobian(on(x), x, new double[3][2])));
                    out.append(refused("modelJvp", () -> ModelAdjoint.fJvp(on(x), x, new double[] {1, 0}, new double[3])));
                    out.append(refused("modelHvp", () -> ModelAdjoint.hHvp(
                            on(x), x, new double[] {1, 0}, new double[2], new double[2])));
                    out.append("x ").append(x[0]).append(' ').append(x[1]).append('\\n');
                    // apart: the Jacobian still matches central differences
                    double[] y = {0.4, 0.9};
                    double[][] jac = new double[3][2];
                    SAdjoint.fJacobian(y.clone(), new double[] {1.0, 2.0}, jac);
                    double worst = 0, h = 1e-6;
                    for (int j = 0; j < 2; j++) {
                        double[] p = y.clone(), m = y.clone();
                        p[j] += h;
                        m[j] -= h;
                        double[] fp = S.f(p, new double[] {1.0, 2.0}), fm = S.f(m, new double[] {1.0, 2.0});
                        for (int i = 0; i < 3; i++) worst = Math.max(worst, Math.abs(jac[i][j] - (fp[i] - fm[i]) / (2 * h)));
                    }
                    out.append("apart ").append(worst < 1e-7).append('\\n');
                    return out.toString();
                }
            }
            """;

    @Test
    void oneArrayForTwoInputsIsRefusedByJacobianJvpAndHvp() throws Exception {
        Map<Path, String> files = new TreeMap<>();
        files.put(Path.of("S.java"), S);
        files.put(Path.of("Model.java"), MODEL);
        Translation t = Pipeline.translate(files, Optional.empty(), Options.DEFAULT);
        assertFalse(
                t.hasErrors(),
                t.diagnostics().stream().map(Diagnostic::toString).toList().toString());
        Map<String, String> all = new HashMap<>(t.generated());
        all.put("al.S", S);
        all.put("al.Model", MODEL);
        all.put("al.Checks", CHECKS);
        ClassLoader loader = InMemoryCompiler.compile(all);
        String report = (String) loader.loadClass("al.Checks").getMethod("run").invoke(null);
        String tail = " writes into one of them, and its adjoint needs them apart: pass a copy for one of them";
        assertEquals(
                List.of(
                        "fJacobian 'x' and 'st' are the same array; f" + tail,
                        "fJvp 'x' and 'st' are the same array; f" + tail,
                        "gJvp 'x' and 'st' are the same array; g" + tail,
                        "gHvp 'x' and 'st' are the same array; g" + tail,
                        "boxedJacobian 'b.v' and 'x' are the same array; boxed" + tail,
                        "modelJacobian 'x' and 'this.state' are the same array; f" + tail,
                        "modelJvp 'x' and 'state' are the same array; f" + tail,
                        "modelHvp 'x' and 'state' are the same array; h" + tail,
                        // refused before the method ran: the array as it was
                        "x 0.4 0.9",
                        "apart true"),
                report.lines().toList(),
                report);
    }
}
