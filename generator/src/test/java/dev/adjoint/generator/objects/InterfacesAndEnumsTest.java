package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.adjoint.DoubleGrad;
import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.InMemoryCompiler;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Static methods of interfaces and of enums (top-level and nested) differentiate like classes'. */
class InterfacesAndEnumsTest {
    private static final String KERNELS = """
            package obj;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;

            public interface Kernels {
                @Differentiable(strategy = Strategy.$S)
                static double gauss(double x, double s) {
                    return Math.exp(-x * x / (2 * s * s)) + Activation.smooth(x);
                }

                enum Activation {
                    TANH, SOFTPLUS;

                    @Differentiable(strategy = Strategy.$S)
                    static double smooth(double x) {
                        return Math.log1p(Math.exp(x));
                    }
                }

                class Helpers {
                    @Differentiable(strategy = Strategy.$S)
                    static double cube(double x) {
                        return x * x * x;
                    }
                }
            }
            """;

    @Test
    void staticMethodsOfInterfacesAndEnumsBothStrategies() throws Exception {
        for (String strategy : List.of("STATIC", "TAPE")) {
            String source = KERNELS.replace("$S", strategy);
            Translation t =
                    Pipeline.translate(Map.of(Path.of("Kernels.java"), source), Optional.empty(), Options.DEFAULT);
            assertFalse(t.hasErrors(), t.diagnostics().toString());
            Map<String, String> all = new HashMap<>(t.generated());
            all.put("obj.Kernels", source);
            ClassLoader cl = InMemoryCompiler.compile(all);
            check(cl, "obj.Kernels", "obj.KernelsAdjoint", "gauss", 0.7, 1.3);
            check(cl, "obj.Kernels$Activation", "obj.Kernels_ActivationAdjoint", "smooth", 0.4);
            check(cl, "obj.Kernels$Helpers", "obj.Kernels_HelpersAdjoint", "cube", -1.1);
        }
    }

    private static void check(ClassLoader cl, String owner, String adjoint, String name, double... x) throws Exception {
        Class<?>[] doubles = new Class<?>[x.length];
        java.util.Arrays.fill(doubles, double.class);
        Method f = cl.loadClass(owner).getDeclaredMethod(name, doubles);
        f.setAccessible(true);
        Class<?>[] gradTypes = new Class<?>[2 * x.length];
        java.util.Arrays.fill(gradTypes, 0, x.length, double.class);
        java.util.Arrays.fill(gradTypes, x.length, 2 * x.length, DoubleGrad.class);
        Method grad = cl.loadClass(adjoint).getDeclaredMethod(name + "Grad", gradTypes);
        grad.setAccessible(true);
        Object[] args = new Object[2 * x.length];
        DoubleGrad[] cells = new DoubleGrad[x.length];
        for (int i = 0; i < x.length; i++) {
            args[i] = x[i];
            cells[i] = new DoubleGrad();
            args[x.length + i] = cells[i];
        }
        Object[] plain = java.util.Arrays.stream(x).boxed().toArray();
        assertEquals((double) f.invoke(null, plain), (double) grad.invoke(null, args), 0.0);
        double[] analytic =
                java.util.Arrays.stream(cells).mapToDouble(DoubleGrad::get).toArray();
        GradCheck.assertGradient(
                p -> {
                    try {
                        return (double) f.invoke(
                                null, java.util.Arrays.stream(p).boxed().toArray());
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                },
                x,
                analytic,
                1e-6,
                1e-9);
    }
}
