package dev.adjoint.generator.fuzz;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import dev.adjoint.generator.fuzz.ProgramGenerator.Param;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The fuzzer's checks of the other two modes at a point where the static gradient {@code g} is
 * known: the generated {@code Jvp} along a random direction {@code u} returns the method's value,
 * leaves its arrays as the method does, and agrees with the gradient by the dot-product test
 * ({@code J·u = ⟨∇f, u⟩} for a scalar result); the generated {@code Hvp} returns the value and
 * {@code ∇f}, and {@code H·u} agrees with central differences of the static gradient along
 * {@code u} (double programs; a point where differences at two steps disagree is near a kink and
 * skipped). Methods without a {@code Jvp} or {@code Hvp} (tape callees, calls) are skipped.
 */
final class TangentChecks {
    /** ρ of the dot-product test: |J·u − ⟨g, u⟩| over max(Σ|g_i u_i|, Σ|u_i|). */
    static final double DOT_TOL = 1e-10;

    static final double DOT_TOL_FLOAT = 1e-4;
    /** |Hv − differences| / max(1, |Hv| + |differences|). */
    static final double HVP_TOL = 1e-5;

    private TangentChecks() {}

    /** Checks at {@code args}; returns {@code {jvpChecked, hvpChecked}} as 0 or 1. */
    static int[] check(
            Method m,
            Class<?> adjoint,
            Object[] args,
            Object[] primalArgsAfter,
            double v0,
            double[] g,
            boolean floats,
            Random r)
            throws Fuzzer.Found {
        int[] done = new int[2];
        String name = m.base() + "S";
        java.lang.reflect.Method jvp = FuzzCalls.findOrNull(adjoint, name + "Jvp");
        if (jvp == null) {
            return done;
        }
        Object[] u = tangents(m, r, floats);
        double[] uFlat = flat(u);
        Object out = m.floatResult() ? new FloatGrad(3) : new DoubleGrad(3);
        Object[] a = FuzzCalls.copy(args);
        double v = ((Number) FuzzCalls.call(jvp, name + " [jvp]", FuzzCalls.concat(FuzzCalls.concat(a, u), out)))
                .doubleValue();
        if (Double.compare(v, v0) != 0) {
            throw new Fuzzer.Found(
                    name + " [jvp]", "VALUE", name + "Jvp returned " + v + " but " + name + " returns " + v0);
        }
        if (!Arrays.deepEquals(a, primalArgsAfter)) {
            throw new Fuzzer.Found(
                    name + " [jvp]",
                    "ARRAYS",
                    name + "Jvp leaves the arrays " + Arrays.deepToString(a) + " but " + name + " leaves "
                            + Arrays.deepToString(primalArgsAfter));
        }
        double ju = out instanceof DoubleGrad d ? d.get() : ((FloatGrad) out).get();
        double dot = 0;
        double scale = 0;
        for (int i = 0; i < g.length; i++) {
            dot += g[i] * uFlat[i];
            scale += Math.abs(g[i] * uFlat[i]);
        }
        // relative to the terms summed, with a floor of Σ|u_i| (a derivative of order 1 along u), as static vs tape's
        // max(1, ...): a gradient that is itself a cancellation (1 − tanh² near saturation) carries rounding of order 1
        double floor = 0;
        for (double ui : uFlat) {
            floor += Math.abs(ui);
        }
        double rho = Math.abs(ju - dot) / Math.max(Math.max(scale, floor), Double.MIN_NORMAL);
        if (!(rho <= (floats ? DOT_TOL_FLOAT : DOT_TOL))) {
            throw new Fuzzer.Found(
                    name + " [jvp]",
                    "JVP",
                    String.format(
                            java.util.Locale.ROOT,
                            "dot-product test fails: Jvp along %s gives %s, <grad, u> = %s (rho %.2e); grad %s",
                            Arrays.toString(uFlat),
                            ju,
                            dot,
                            rho,
                            Arrays.toString(g)));
        }
        done[0] = 1;
        java.lang.reflect.Method hvp = FuzzCalls.findOrNull(adjoint, name + "Hvp");
        if (hvp == null || floats) {
            return done; // float programs: central differences of a float gradient are too coarse for H·u
        }
        java.lang.reflect.Method grad = FuzzCalls.findOrNull(adjoint, name + "Grad");
        Object[] gb = FuzzCalls.buffers(m, 0);
        Object[] hb = FuzzCalls.buffers(m, 0);
        double vh = ((Number) FuzzCalls.call(
                        hvp,
                        name + " [hvp]",
                        FuzzCalls.concat(FuzzCalls.concat(FuzzCalls.concat(FuzzCalls.copy(args), u), gb), hb)))
                .doubleValue();
        if (Double.compare(vh, v0) != 0) {
            throw new Fuzzer.Found(
                    name + " [hvp]", "VALUE", name + "Hvp returned " + vh + " but " + name + " returns " + v0);
        }
        double[] gh = FuzzCalls.flatten(gb);
        for (int i = 0; i < g.length; i++) {
            if (!(FuzzCalls.rho(gh[i], g[i]) <= 1e-10)) {
                throw new Fuzzer.Found(
                        name + " [hvp]",
                        "HVP",
                        name + "Hvp adds the gradient " + Arrays.toString(gh) + " but Grad gives "
                                + Arrays.toString(g));
            }
        }
        double[] hv = FuzzCalls.flatten(hb);
        double[] d1 = difference(m, grad, args, u, 1e-5);
        double[] d2 = difference(m, grad, args, u, 5e-6);
        for (int i = 0; i < hv.length; i++) {
            if (!(FuzzCalls.rho(d1[i], d2[i]) <= HVP_TOL / 10)) {
                return done; // a kink (or rounding) between the steps: the differences say nothing here
            }
        }
        for (int i = 0; i < hv.length; i++) {
            if (!(FuzzCalls.rho(hv[i], d2[i]) <= HVP_TOL)) {
                throw new Fuzzer.Found(
                        name + " [hvp]",
                        "HVP",
                        String.format(
                                java.util.Locale.ROOT,
                                "H*u component %d is %s, central differences of the gradient give %s; H*u %s, differences %s, u %s",
                                i,
                                hv[i],
                                d2[i],
                                Arrays.toString(hv),
                                Arrays.toString(d2),
                                Arrays.toString(uFlat)));
            }
        }
        done[1] = 1;
        return done;
    }

    /** The direction's numbers in order (scalars and arrays, double or float). */
    private static double[] flat(Object[] u) {
        List<Double> x = new ArrayList<>();
        for (Object t : u) {
            if (t instanceof double[] d) {
                Arrays.stream(d).forEach(x::add);
            } else if (t instanceof float[] f) {
                for (float v : f) {
                    x.add((double) v);
                }
            } else {
                x.add(((Number) t).doubleValue());
            }
        }
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A random direction: one tangent per wrt parameter, of its type. */
    private static Object[] tangents(Method m, Random r, boolean floats) {
        List<Object> t = new ArrayList<>();
        for (Param p : m.params()) {
            if (!p.wrt()) {
                continue;
            }
            switch (p.kind()) {
                case DOUBLE -> t.add(r.nextDouble() * 2 - 1);
                case FLOAT -> t.add((float) (r.nextDouble() * 2 - 1));
                case DOUBLE_ARRAY -> t.add(r.doubles(4, -1, 1).toArray());
                case FLOAT_ARRAY -> {
                    float[] f = new float[4];
                    for (int j = 0; j < 4; j++) {
                        f[j] = (float) (r.nextDouble() * 2 - 1);
                    }
                    t.add(f);
                }
                default -> throw new IllegalStateException("wrt " + p);
            }
        }
        return t.toArray();
    }

    /** (∇f(x + h·u) − ∇f(x − h·u)) / 2h by the static Grad (double programs). */
    private static double[] difference(Method m, java.lang.reflect.Method grad, Object[] args, Object[] u, double h)
            throws Fuzzer.Found {
        double[] plus = gradientAt(m, grad, moved(m, args, u, h));
        double[] minus = gradientAt(m, grad, moved(m, args, u, -h));
        double[] d = new double[plus.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (plus[i] - minus[i]) / (2 * h);
        }
        return d;
    }

    private static double[] gradientAt(Method m, java.lang.reflect.Method grad, Object[] args) throws Fuzzer.Found {
        Object[] b = FuzzCalls.buffers(m, 0);
        FuzzCalls.call(grad, grad.getName(), FuzzCalls.concat(args, b));
        return FuzzCalls.flatten(b);
    }

    private static Object[] moved(Method m, Object[] args, Object[] u, double h) {
        Object[] c = FuzzCalls.copy(args);
        int k = 0;
        for (int i = 0; i < c.length; i++) {
            if (!m.params().get(i).wrt()) {
                continue;
            }
            if (c[i] instanceof double[] d) {
                double[] ud = (double[]) u[k];
                for (int j = 0; j < d.length; j++) {
                    d[j] += h * ud[j];
                }
            } else {
                c[i] = (Double) c[i] + h * (Double) u[k];
            }
            k++;
        }
        return c;
    }
}
