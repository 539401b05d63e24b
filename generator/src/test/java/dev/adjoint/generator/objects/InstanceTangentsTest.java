package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forward mode for instance methods: {@code nameJvp(Model self, ..., ModelGrad tthis, t..., out)},
 * the object's tangent shaped as its gradient. Oracles: central differences of the method along
 * the direction (the fields and parameters moved together), and the dot-product test against the
 * reverse mode's {@code nameGrad} ({@code ⟨∇f, u⟩ = J·u}, ρ ≤ 1e-12).
 */
class InstanceTangentsTest {
    private static final String MODEL = WrtThisTest.LOGISTIC + """

            @Differentiable(wrt = {"x", "this"}, strategy = Strategy.$S)
            double f(double[] x, double t) {
                return b * Math.sin(w[0] * x[0] + w[1] * x[1] * t) + predict(x);
            }
            """;

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    private static void set(Object o, String name, Object v) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        f.set(o, v);
    }

    /** The model with {@code w + s·uw}, {@code b + s·ub}. */
    private static Object moved(ObjectHarness h, Object model, double[] uw, double ub, double s)
            throws ReflectiveOperationException {
        Object m = h.fresh();
        double[] w = ((double[]) field(model, "w")).clone();
        for (int i = 0; i < w.length; i++) {
            w[i] += s * uw[i];
        }
        set(m, "w", w);
        set(m, "b", (double) field(model, "b") + s * ub);
        return m;
    }

    @Test
    void jvpOfInstanceMethodsAlongTheObjectAndAParameter() throws Exception {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(MODEL, "STATIC"), Map.of());
        Object model = h.fresh();
        double[] uw = {0.3, -0.8, 0.45};
        double ub = -0.6;
        Object tthis = h.gradOf(model);
        System.arraycopy(uw, 0, (double[]) tthis.getClass().getField("w").get(tthis), 0, 3);
        tthis.getClass().getField("b").setDouble(tthis, ub);
        double[] x = {1.0, 2.0, -0.5};
        double eps = 1e-6;
        // loss(x, y), wrt this
        DoubleGrad out = new DoubleGrad(7);
        Method lossJvp = h.generated("lossJvp");
        double value = (double) lossJvp.invoke(null, model, x.clone(), 1.0, tthis, out);
        Method loss = h.original("loss", 2);
        assertEquals((double) loss.invoke(model, x.clone(), 1.0), value, 0.0);
        double cd = ((double) loss.invoke(moved(h, model, uw, ub, eps), x.clone(), 1.0)
                        - (double) loss.invoke(moved(h, model, uw, ub, -eps), x.clone(), 1.0))
                / (2 * eps);
        assertEquals(cd, out.get(), 1e-7 * Math.max(1, Math.abs(cd)));
        Object grad = h.gradOf(model);
        h.generated("lossGrad").invoke(null, model, x.clone(), 1.0, grad);
        double[] gw = (double[]) grad.getClass().getField("w").get(grad);
        double gb = grad.getClass().getField("b").getDouble(grad);
        double dot = gw[0] * uw[0] + gw[1] * uw[1] + gw[2] * uw[2] + gb * ub;
        double scale = Math.abs(gw[0] * uw[0]) + Math.abs(gw[1] * uw[1]) + Math.abs(gw[2] * uw[2]) + Math.abs(gb * ub);
        assertTrue(Math.abs(dot - out.get()) <= 1e-12 * scale, "⟨∇f, u⟩ = " + dot + ", J·u = " + out.get());
        // f(x, t), wrt x and this: the object's tangent first, then x's
        double[] ux = {-0.2, 0.7, 0.1};
        double t = 0.3;
        Method fJvp = h.generated("fJvp");
        fJvp.invoke(null, model, x.clone(), t, tthis, ux, out);
        Method f = h.original("f", 2);
        double[] xp = x.clone();
        double[] xm = x.clone();
        for (int i = 0; i < 3; i++) {
            xp[i] += eps * ux[i];
            xm[i] -= eps * ux[i];
        }
        cd = ((double) f.invoke(moved(h, model, uw, ub, eps), xp, t)
                        - (double) f.invoke(moved(h, model, uw, ub, -eps), xm, t))
                / (2 * eps);
        assertEquals(cd, out.get(), 1e-7 * Math.max(1, Math.abs(cd)));
        Object gf = h.gradOf(model);
        double[] gx = new double[3];
        h.generated("fGrad").invoke(null, model, x.clone(), t, gf, gx);
        gw = (double[]) gf.getClass().getField("w").get(gf);
        gb = gf.getClass().getField("b").getDouble(gf);
        dot = gb * ub;
        scale = Math.abs(gb * ub);
        for (int i = 0; i < 3; i++) {
            dot += gw[i] * uw[i] + gx[i] * ux[i];
            scale += Math.abs(gw[i] * uw[i]) + Math.abs(gx[i] * ux[i]);
        }
        assertTrue(Math.abs(dot - out.get()) <= 1e-12 * scale, "⟨∇f, u⟩ = " + dot + ", J·u = " + out.get());
    }
}
