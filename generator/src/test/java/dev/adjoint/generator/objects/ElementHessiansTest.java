package dev.adjoint.generator.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Hvp} of a method taking an array of records or objects, {@code Layer[] layers}: the
 * direction, the gradient and {@code H·v} are {@code LayerGrad[]}s; {@code H·v} against central
 * differences of the generated gradient along the direction, the gradient against {@code Vjp}'s.
 */
class ElementHessiansTest {
    @Test
    void recordElements() throws Exception {
        check(ElementArraysTest.LAYERS, true);
    }

    @Test
    void classElements() throws Exception {
        check(ElementArraysTest.CLASS_LAYERS, false);
    }

    /** The arrays of each gradient of {@code grads}, w then b. */
    private static List<Object> sinks(Class<?> gradClass, Object[] grads) throws ReflectiveOperationException {
        List<Object> out = new ArrayList<>();
        for (Object g : grads) {
            out.add(gradClass.getField("w").get(g));
            out.add(gradClass.getField("b").get(g));
        }
        return out;
    }

    private static void check(String body, boolean record) throws Exception {
        ObjectHarness h = ObjectHarness.of(ObjectHarness.source(body, "STATIC"), Map.of());
        Object[] layers = ElementArraysTest.layers(h.loader(), "obj.Model$Layer");
        double[] x = {0.5, -1.0, 0.25};
        Class<?> gradClass = h.loader().loadClass("obj.Model_LayerGrad");
        Method like = gradClass.getMethod("like", layers.getClass());
        Method vjp = h.generated("fVjp");
        List<Object> params = ElementArraysTest.arrays(layers, record);
        double[] p0 = ElementArraysTest.flat(params);
        Object[] v = (Object[]) like.invoke(null, (Object) layers);
        double[] dir = new double[p0.length];
        for (int i = 0; i < dir.length; i++) {
            dir[i] = Math.cos(1.0 + 0.7 * i);
        }
        ElementArraysTest.set(sinks(gradClass, v), dir);
        Object[] d = (Object[]) like.invoke(null, (Object) layers);
        Object[] hv = (Object[]) like.invoke(null, (Object) layers);
        double value = (double) h.generated("fHvp").invoke(null, layers, x, v, d, hv);
        assertEquals((double) h.original("f", 2).invoke(null, layers, x), value, 0.0, "value");
        // the gradient: as fVjp's
        Object[] g = (Object[]) like.invoke(null, (Object) layers);
        vjp.invoke(null, layers, x, 1.0, g);
        double[] expected = ElementArraysTest.flat(sinks(gradClass, g));
        double[] got = ElementArraysTest.flat(sinks(gradClass, d));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-12 * Math.max(1, Math.abs(expected[i])), "gradient at " + i);
        }
        // H·v: central differences of the gradient along v
        double step = 1e-5;
        double[][] at = new double[2][];
        for (int s = 0; s < 2; s++) {
            double[] p = p0.clone();
            for (int i = 0; i < p.length; i++) {
                p[i] += (s == 0 ? step : -step) * dir[i];
            }
            ElementArraysTest.set(params, p);
            Object[] gs = (Object[]) like.invoke(null, (Object) layers);
            vjp.invoke(null, layers, x, 1.0, gs);
            at[s] = ElementArraysTest.flat(sinks(gradClass, gs));
        }
        ElementArraysTest.set(params, p0);
        double[] hvs = ElementArraysTest.flat(sinks(gradClass, hv));
        boolean nonZero = false;
        for (int i = 0; i < hvs.length; i++) {
            double cd = (at[0][i] - at[1][i]) / (2 * step);
            assertEquals(
                    cd, hvs[i], 1e-6 * Math.max(1, Math.abs(cd)), "H·v at " + i + "\n" + h.translation.generated());
            nonZero |= hvs[i] != 0.0;
        }
        assertTrue(nonZero, "a Hessian to check");
        // added, as every sink: a second call doubles H·v
        h.generated("fHvp").invoke(null, layers, x, v, d, hv);
        double[] twice = ElementArraysTest.flat(sinks(gradClass, hv));
        for (int i = 0; i < hvs.length; i++) {
            assertEquals(2 * hvs[i], twice[i], 1e-12 * Math.max(1, Math.abs(hvs[i])), "H·v accumulates at " + i);
        }
    }
}
