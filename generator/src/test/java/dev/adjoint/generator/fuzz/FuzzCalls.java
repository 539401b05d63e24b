package dev.adjoint.generator.fuzz;

import static dev.adjoint.generator.fuzz.Fuzzer.trace;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.generator.fuzz.Fuzzer.Found;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import dev.adjoint.generator.fuzz.ProgramGenerator.Param;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Calling generated and original methods reflectively for the fuzzer's checks ({@link PointChecks},
 * {@link TangentChecks}): arguments copied, gradient buffers made and flattened, a throw turned into
 * a {@link Found}, and the relative difference rho that every comparison uses.
 */
final class FuzzCalls {
    private FuzzCalls() {}

    /** A deep enough copy: arrays cloned. */
    static Object[] copy(Object[] args) {
        Object[] c = args.clone();
        for (int i = 0; i < c.length; i++) {
            if (c[i] instanceof double[] d) {
                c[i] = d.clone();
            } else if (c[i] instanceof float[] f) {
                c[i] = f.clone();
            }
        }
        return c;
    }

    static Object[] buffers(Method m, double fill) {
        List<Object> b = new ArrayList<>();
        int j = 0;
        for (Param p : m.params()) {
            if (!p.wrt()) {
                continue;
            }
            j++;
            double v = fill * j;
            switch (p.kind()) {
                case DOUBLE -> {
                    DoubleGrad g = new DoubleGrad();
                    g.add(v);
                    b.add(g);
                }
                case FLOAT -> {
                    FloatGrad g = new FloatGrad();
                    g.add((float) v);
                    b.add(g);
                }
                case DOUBLE_ARRAY -> {
                    double[] d = new double[4];
                    Arrays.fill(d, v);
                    b.add(d);
                }
                case FLOAT_ARRAY -> {
                    float[] f = new float[4];
                    Arrays.fill(f, (float) v);
                    b.add(f);
                }
                default -> throw new IllegalStateException("wrt " + p);
            }
        }
        return b.toArray();
    }

    static double[] flatten(Object[] buffers) {
        List<Double> g = new ArrayList<>();
        for (Object b : buffers) {
            if (b instanceof double[] d) {
                Arrays.stream(d).forEach(g::add);
            } else if (b instanceof float[] f) {
                for (float x : f) {
                    g.add((double) x);
                }
            } else if (b instanceof DoubleGrad dg) {
                g.add(dg.get());
            } else {
                g.add((double) ((FloatGrad) b).get());
            }
        }
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The method {@code name} of {@code c}, or null when the generator did not write one. */
    static java.lang.reflect.Method findOrNull(Class<?> c, String name) {
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                m.setAccessible(true);
                return m;
            }
        }
        return null;
    }

    static java.lang.reflect.Method find(Class<?> c, String name) throws Found {
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new Found(name, "JAVAC", "the generated class " + c.getName() + " has no method " + name);
    }

    static Object call(java.lang.reflect.Method target, String label, Object... args) throws Found {
        try {
            return target.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new Found(label, "EXCEPTION", target.getName() + " threw " + trace(e.getCause()));
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new Found(label, "EXCEPTION", "cannot call " + target + ": " + e);
        }
    }

    static Object[] concat(Object[] a, Object... b) {
        Object[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static double rho(double a, double b) {
        double d = Math.abs(a - b);
        if (Double.isNaN(d)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Double.POSITIVE_INFINITY;
        }
        return d / Math.max(1, Math.abs(a) + Math.abs(b));
    }

    static String arrays(Object[] args) {
        return Arrays.deepToString(args);
    }
}
