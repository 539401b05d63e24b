package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.differentiates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.generator.objects.ObjectHarness.RecordArg;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gradient and tangent objects of the public methods ({@code dthis}, {@code dp}, {@code tthis},
 * {@code tp}) never take the name of a user's parameter: a parameter {@code dp} next to a record
 * {@code p} makes the record's gradient {@code dp_1}. Oracles: central differences, and the
 * dot-product test between {@code fJvp} and {@code fGrad}.
 */
class SinkNamesTest {
    private static final List<String> BOTH = List.of("STATIC", "TAPE");

    /** Parameters named as the record's gradient ({@code dp}) and tangent ({@code tp}) would be. */
    private static final String RECORD = """
            record P(double k, double c) {}

            @Differentiable(wrt = {"p", "dp", "tp"}, strategy = Strategy.$S)
            static double f(P p, double dp, double tp) {
                return p.k() * Math.sin(dp) + p.c() * dp * tp;
            }
            """;

    @Test
    void aRecordsGradientAvoidsTheUsersParameterNames() {
        differentiates(RECORD, "f", new int[] {0, 1, 2}, false, BOTH, 1e-6, new Object[] {
            new RecordArg("obj.Model$P", 2.0, 0.5), 0.7, -1.3
        });
    }

    @Test
    void anObjectsGradientAvoidsTheUsersParameterNames() {
        differentiates("""
                private double w = 1.5;

                @Differentiable(wrt = {"this", "dthis", "tthis"}, strategy = Strategy.$S)
                double f(double dthis, double tthis) {
                    return w * Math.sin(dthis) * tthis + w * w;
                }
                """, "f", new int[] {0, 1}, true, BOTH, 1e-6, new Object[] {0.4, 1.1});
    }

    @Test
    void aRecordsTangentAvoidsTheUsersParameterNames() throws Exception {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(RECORD, "STATIC"), Map.of());
        Constructor<?> record = h.loader().loadClass("obj.Model$P").getDeclaredConstructors()[0];
        record.setAccessible(true);
        Class<?> gradClass = h.loader().loadClass("obj.Model_PGrad");
        double k = 2.0;
        double c = 0.5;
        double dp = 0.7;
        double tp = -1.3;
        double[] u = {0.3, -0.8, 0.45, 0.6}; // along k, c, dp, tp
        Object tangent = gradClass.getConstructor().newInstance();
        gradClass.getField("k").setDouble(tangent, u[0]);
        gradClass.getField("c").setDouble(tangent, u[1]);
        DoubleGrad out = new DoubleGrad(0);
        Method f = h.original("f", 3);
        double value =
                (double) h.generated("fJvp").invoke(null, record.newInstance(k, c), dp, tp, tangent, u[2], u[3], out);
        assertEquals((double) f.invoke(null, record.newInstance(k, c), dp, tp), value, 0.0);
        double eps = 1e-6;
        double cd = ((double) f.invoke(
                                null,
                                record.newInstance(k + eps * u[0], c + eps * u[1]),
                                dp + eps * u[2],
                                tp + eps * u[3])
                        - (double) f.invoke(
                                null,
                                record.newInstance(k - eps * u[0], c - eps * u[1]),
                                dp - eps * u[2],
                                tp - eps * u[3]))
                / (2 * eps);
        assertEquals(cd, out.get(), 1e-7 * Math.max(1, Math.abs(cd)));
        Object grad = gradClass.getConstructor().newInstance();
        DoubleGrad gdp = new DoubleGrad(0);
        DoubleGrad gtp = new DoubleGrad(0);
        h.generated("fGrad").invoke(null, record.newInstance(k, c), dp, tp, grad, gdp, gtp);
        double[] g = {
            gradClass.getField("k").getDouble(grad), gradClass.getField("c").getDouble(grad), gdp.get(), gtp.get()
        };
        double dot = 0;
        double scale = 0;
        for (int i = 0; i < 4; i++) {
            dot += g[i] * u[i];
            scale += Math.abs(g[i] * u[i]);
        }
        assertTrue(Math.abs(dot - out.get()) <= 1e-12 * scale, "⟨∇f, u⟩ = " + dot + ", J·u = " + out.get());
    }
}
