package dev.adjoint.generator.translated;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.generator.types.Ty;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arguments and values of a translated function, for {@link TranslatedSuiteTest}: points written
 * loosely ({@code p(3, 5)}) converted to the parameters' types, buffers for the adjoint, the wrt
 * arguments as one vector and back (for central differences), the seed of a result, and values
 * compared and described.
 */
final class SuiteValues {
    private SuiteValues() {}

    private static final double VALUE_RTOL = 1e-12;

    static String cause(Throwable e) {
        Throwable t = e instanceof InvocationTargetException ite ? ite.getCause() : e;
        return String.valueOf(t);
    }

    static double[] round(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = Math.abs(v[i]) < 1e-9 ? 0 : Double.parseDouble(String.format("%.6g", v[i]));
        }
        return o;
    }

    static String compareValues(Object v0, Object v1) {
        if (v0 instanceof Number a && v1 instanceof Number b) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            if (Double.compare(x, y) != 0 && !(Math.abs(x - y) <= VALUE_RTOL * Math.max(1, Math.abs(x)))) {
                return "adjoint returned " + y + " but the method returns " + x;
            }
            return null;
        }
        double[] a = toDoubles(v0);
        double[] b = toDoubles(v1);
        if (a == null || b == null || a.length != b.length) {
            return "adjoint returned " + describe(v1) + " but the method returns " + describe(v0);
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.compare(a[i], b[i]) != 0
                    && !(Math.abs(a[i] - b[i]) <= VALUE_RTOL * Math.max(1, Math.abs(a[i])))) {
                return "adjoint returned " + describe(v1) + " but the method returns " + describe(v0);
            }
        }
        return null;
    }

    static double[] toDoubles(Object v) {
        if (v instanceof double[] d) {
            return d;
        }
        if (v instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        return null;
    }

    /** The seed for a result: 1 for a scalar, 0.5, 0.75, 1.0, ... for an array of the value's length. */
    static Object seed(Ty result, Object value) {
        if (result.dims() == 0) {
            return result.prim() == Ty.Prim.FLOAT ? (Object) 1.0f : (Object) 1.0;
        }
        if (value instanceof float[] f) {
            float[] s = new float[f.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = 0.5f + 0.25f * i;
            }
            return s;
        }
        double[] s = new double[((double[]) value).length];
        for (int i = 0; i < s.length; i++) {
            s[i] = 0.5 + 0.25 * i;
        }
        return s;
    }

    /** The value seen through the seed: the value itself, or seed · value for an array. */
    static double scalar(Object value, Object seed) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        double[] v = toDoubles(value);
        double[] s = toDoubles(seed);
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += s[i] * v[i];
        }
        return sum;
    }

    /** Arguments converted to the parameters' types (so points may be written {@code p(3, 5)}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    static Object[] normalize(List<Param> ps, Object[] raw) {
        Object[] out = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            Ty t = ps.get(i).type();
            Object a = raw[i];
            if (t.dims() == 0 && a instanceof Number n) {
                out[i] = switch (t.prim()) {
                    case DOUBLE -> n.doubleValue();
                    case FLOAT -> n.floatValue();
                    case INT -> n.intValue();
                    case LONG -> n.longValue();
                    default -> a;
                };
            } else {
                out[i] = a;
            }
        }
        return out;
    }

    static Object[] buffers(List<Param> ps, Object[] args) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            Param p = ps.get(i);
            if (!p.wrt()) {
                continue;
            }
            Object a = args[i];
            if (a instanceof double[] d) {
                out.add(new double[d.length]);
            } else if (a instanceof float[] f) {
                out.add(new float[f.length]);
            } else if (a instanceof double[][] dd) {
                double[][] z = new double[dd.length][];
                for (int j = 0; j < dd.length; j++) {
                    z[j] = new double[dd[j].length];
                }
                out.add(z);
            } else if (a instanceof float[][] ff) {
                float[][] z = new float[ff.length][];
                for (int j = 0; j < ff.length; j++) {
                    z[j] = new float[ff[j].length];
                }
                out.add(z);
            } else if (p.type().prim() == Ty.Prim.FLOAT) {
                out.add(new FloatGrad());
            } else {
                out.add(new DoubleGrad());
            }
        }
        return out.toArray();
    }

    /** The wrt arguments flattened into one vector. */
    static double[] point(List<Param> ps, Object[] args) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            if (!ps.get(i).wrt()) {
                continue;
            }
            Object a = args[i];
            if (a instanceof double[] || a instanceof float[]) {
                for (double v : toDoubles(a)) {
                    out.add(v);
                }
            } else if (a instanceof double[][] dd) {
                for (double[] row : dd) {
                    for (double v : row) {
                        out.add(v);
                    }
                }
            } else if (a instanceof float[][] ff) {
                for (float[] row : ff) {
                    for (double v : toDoubles(row)) {
                        out.add(v);
                    }
                }
            } else {
                out.add(((Number) a).doubleValue());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A copy of {@code args} with the wrt arguments replaced by {@code x}. */
    static Object[] at(List<Param> ps, Object[] args, double[] x) {
        Object[] copy = Differentiated.copyArguments(args);
        int k = 0;
        for (int i = 0; i < ps.size(); i++) {
            if (!ps.get(i).wrt()) {
                continue;
            }
            Object a = copy[i];
            if (a instanceof double[] d) {
                for (int j = 0; j < d.length; j++) {
                    d[j] = x[k++];
                }
            } else if (a instanceof float[] f) {
                for (int j = 0; j < f.length; j++) {
                    f[j] = (float) x[k++];
                }
            } else if (a instanceof double[][] dd) {
                for (double[] row : dd) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = x[k++];
                    }
                }
            } else if (a instanceof float[][] ff) {
                for (float[] row : ff) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = (float) x[k++];
                    }
                }
            } else if (ps.get(i).type().prim() == Ty.Prim.FLOAT) {
                copy[i] = (float) x[k++];
            } else {
                copy[i] = x[k++];
            }
        }
        return copy;
    }

    static String describe(Object o) {
        if (o instanceof Object[] arr) {
            StringBuilder s = new StringBuilder("(");
            for (int i = 0; i < arr.length; i++) {
                s.append(i == 0 ? "" : ", ").append(describe(arr[i]));
            }
            return s.append(")").toString();
        }
        if (o instanceof double[] d) {
            return Arrays.toString(d);
        }
        if (o instanceof float[] f) {
            return Arrays.toString(f);
        }
        return String.valueOf(o);
    }
}
