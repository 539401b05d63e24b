package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.make;
import static dev.adjoint.generator.stranger.StrangerHarness.build;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.AdjointCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's supported-Java table read row by row as a stranger would write each construct: not
 * the README's example but another shape of it (float instead of double, inside a helper, inside a
 * loop, twice in a method, combined with another row's construct). Each method is built with AUTO,
 * which must choose the static strategy, and again as a tape twin ({@code RowsTape}); the static
 * gradient is checked against central differences and against the tape's.
 */
class TableRowsTest {

    /** A top-level enum both the class and its tape twin take. */
    static final String ACT = """
            package stranger;

            public enum Act { RELU, TANH, SOFT }
            """;

    /** A plain helper class of the same package: a helper writing an array, one returning one, one of numbers. */
    static final String LIB = """
            package stranger;

            public class RowsLib {
                public static final double DECAY = 0.9;
                static final double[] WEIGHTS = {0.2, 0.3, 0.5};

                public static void scaleInto(double[] src, double[] dst, double k) {
                    for (int i = 0; i < src.length; i++) {
                        dst[i] = k * src[i] * WEIGHTS[i % WEIGHTS.length];
                    }
                }

                public static double[] smooth(double[] v) {
                    double[] r = new double[v.length];
                    r[0] = v[0];
                    for (int i = 1; i < v.length; i++) {
                        r[i] = DECAY * r[i - 1] + (1 - DECAY) * v[i];
                    }
                    return r;
                }

                public static double softplus(double z) {
                    return Math.log1p(Math.exp(z));
                }
            }
            """;

    static final String ROWS = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.Arrays;
            import static java.lang.Math.*;

            public class Rows {
                static final int[][] EDGES = {{0, 1}, {1, 2}, {2, 0}};
                static final float[] FT = {0.5f, 1.5f, -0.25f};

                /** Ping-pong buffers swapped through a third name, in float. */
                @Differentiable
                public static float heat(float[] u) {
                    int n = u.length;
                    float[] cur = new float[n];
                    float[] nxt = new float[n];
                    for (int i = 0; i < n; i++) cur[i] = u[i];
                    for (int t = 0; t < 4; t++) {
                        for (int i = 1; i < n - 1; i++) {
                            nxt[i] = cur[i] + 0.2f * (cur[i - 1] - 2 * cur[i] + cur[i + 1]) + 0.1f * cur[i] * cur[i];
                        }
                        nxt[0] = cur[0];
                        nxt[n - 1] = cur[n - 1];
                        float[] tmp = cur;
                        cur = nxt;
                        nxt = tmp;
                    }
                    float s = 0;
                    for (float v : cur) s += v * v;
                    return s;
                }

                /** A row alias written through, and a conditional alias, in one loop. */
                @Differentiable
                public static double cond(double[][] m, double[] u, double[] v) {
                    double s = 0;
                    for (int i = 0; i < m.length; i++) {
                        double[] row = m[i];
                        double[] pick = i % 2 == 0 ? u : v;
                        for (int j = 0; j < row.length; j++) {
                            row[j] = row[j] * pick[j];
                            s += sin(row[j]);
                        }
                    }
                    return s + m[0][1];
                }

                /** A static int[][] index table, for-each over its rows, a float table. */
                @Differentiable
                public static double springs(double[] x) {
                    double e = 0;
                    for (int[] ed : EDGES) {
                        double d = x[ed[1]] - x[ed[0]] - 1.0;
                        e += d * d;
                    }
                    for (int k = 0; k < EDGES.length; k++) e += FT[k] * x[EDGES[k][0]] * x[EDGES[k][1]];
                    return e;
                }

                /** int[] and boolean[] parameters; local int[] counts and boolean[] seen written, then indexing. */
                @Differentiable
                public static double masked(double[] x, int[] idx, boolean[] mask) {
                    int[] counts = new int[x.length];
                    double s = 0;
                    for (int k = 0; k < idx.length; k++) {
                        if (!mask[k]) continue;
                        counts[idx[k]]++;
                        s += counts[idx[k]] * x[idx[k]] * x[idx[k]];
                    }
                    boolean[] seen = new boolean[x.length];
                    for (int k = 0; k < idx.length; k++) {
                        if (seen[idx[k]]) s += x[idx[k]];
                        else seen[idx[k]] = true;
                    }
                    return s;
                }

                static double search(double[] x, double thr) {
                    double acc = 0;
                    outer:
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            if (j == i) continue outer;
                            if (x[i] * x[j] > thr) break outer;
                            acc += x[i] * x[j];
                        }
                    }
                    return acc;
                }

                /** Labelled continue and break in a helper; a labelled block left from a for-each. */
                @Differentiable
                public static double labelled(double[] x) {
                    double a = search(x, 5.0);
                    double b = 0;
                    scan: {
                        for (double v : x) {
                            if (v > 2.5) break scan;
                            b += v * v;
                        }
                        b *= 2;
                    }
                    return a + b;
                }

                /** A classic switch with fall-through and a break in a block, then a switch expression in *=. */
                @Differentiable
                @SuppressWarnings("fallthrough")
                public static double sw(double[] x, int mode) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        switch ((i + mode) % 4) {
                            case 0:
                                s += x[i];
                            case 1:
                                s += x[i] * x[i];
                                break;
                            case 2: {
                                if (x[i] > 0) break;
                                s -= exp(x[i]);
                                break;
                            }
                            default:
                                s += 0.5;
                        }
                        s *= switch (i) {
                            case 0, 1 -> 1.0;
                            default -> {
                                double q = cos(x[i]);
                                yield 1 + 0.1 * q;
                            }
                        };
                    }
                    return s;
                }

                /** Local arrays in a loop: a row's length, copyOfRange of it, one growing with the counter. */
                @Differentiable
                public static double locals(double[][] a) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                        double[] sq = new double[a[i].length];
                        for (int j = 0; j < sq.length; j++) sq[j] = a[i][j] * a[i][j];
                        double[] tail = Arrays.copyOfRange(sq, 1, sq.length);
                        for (double t : tail) s += sqrt(t + 1);
                        double[] tri = new double[i + 1];
                        for (int j = 0; j <= i; j++) tri[j] = a[i][0] * (j + 1);
                        s += tri[i];
                    }
                    return s;
                }

                static double sum(double... xs) {
                    double s = 0;
                    for (double v : xs) s += v;
                    return s;
                }

                static double sq(double v) {
                    return v * v;
                }

                static double sq(float v) {
                    return 2 * v * v;
                }

                static double sq(int k) {
                    return k;
                }

                static double checked(double v, double lo) {
                    if (v < lo) throw new IllegalArgumentException(String.format("v=%f below %f", v, lo));
                    return sqrt(v - lo);
                }

                /** Varargs, overloads picked by float/int/double, StrictMath, Double constants, var, guards, assert. */
                @Differentiable
                public static double misc(double[] x, float f) {
                    var s = sum(x[0], x[1] * x[1], f);
                    s += sum(x);
                    s += sq(x[2]) + sq(f) + sq(3);
                    s += StrictMath.sin(x[0]) * StrictMath.exp(-x[1]) + StrictMath.hypot(x[0], x[2]);
                    double m = Double.NEGATIVE_INFINITY;
                    for (var v : x) m = max(m, v);
                    s += m + min(Double.MAX_VALUE, x[0]);
                    if (Double.isNaN(s) || Double.isInfinite(s)) throw new IllegalArgumentException("bad s " + s);
                    assert x.length > 2 : "need 3";
                    for (double v : x) s += checked(v, -5);
                    return s + atan2(x[1], x[2]) + pow(abs(x[0]), 1.5);
                }

                /** Helpers of another class: one writing a local array, one returning one; output statements. */
                @Differentiable
                public static double foreign(double[] x) {
                    double[] y = new double[x.length];
                    RowsLib.scaleInto(x, y, 2.0);
                    double[] z = RowsLib.smooth(y);
                    double s = 0;
                    for (int i = 0; i < z.length; i++) s += RowsLib.softplus(z[i]);
                    String first = String.valueOf(x[0]) + Arrays.toString(y);
                    System.out.print(first.isEmpty() ? "no values" : "");
                    return s;
                }

                /** A do/while whose condition updates a counter under &&, an optional array compared with null. */
                @Differentiable
                public static double newton(double[] c, double[] w) {
                    double t = 1.0, d;
                    int it = 0;
                    do {
                        double f = c[0] * t * t * t + c[1] * t - c[2];
                        double fp = 3 * c[0] * t * t + c[1];
                        d = f / fp;
                        t -= d;
                    } while (abs(d) > 1e-13 && ++it < 60);
                    if (Double.isNaN(t)) throw new ArithmeticException("diverged");
                    double s = 0;
                    int k = 0;
                    while (k < c.length) {
                        s += (w == null ? 1 : w[k]) * c[k];
                        k++;
                    }
                    return t + 0.1 * s;
                }

                /** A ragged local triangle, rows created in the loop, each read from the one before. */
                @Differentiable
                public static double pascal(double[] x) {
                    int n = x.length;
                    double[][] tri = new double[n][];
                    for (int i = 0; i < n; i++) {
                        tri[i] = new double[i + 1];
                        tri[i][0] = x[i];
                        for (int j = 1; j <= i; j++) tri[i][j] = tri[i - 1][j - 1] * (j < i ? 1 + tri[i - 1][j] : 1);
                    }
                    double s = 0;
                    for (int i = 0; i < n; i++) for (int j = 0; j < tri[i].length; j++) s += tri[i][j];
                    return s;
                }

                /** A String selector of a classic switch, an enum switch expression, char arithmetic, % and >>>. */
                @Differentiable
                public static double strings(double[] x, String op, Act act) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double v;
                        switch (op) {
                            case "sin": v = sin(x[i]); break;
                            case "sq": v = x[i] * x[i]; break;
                            default: v = x[i];
                        }
                        s += switch (act) {
                            case RELU -> max(0, v);
                            case TANH -> tanh(v);
                            case SOFT -> log1p(exp(v));
                        };
                        int code = op.charAt(0) - 'a';
                        s += (code >>> 1) * 0.01 * v + ((i & 1) == 0 ? x[i] % 0.7 : 0);
                    }
                    if (op.equals("sq") && op.length() > 1) s *= 1.5;
                    return s;
                }

                record Gauss(double mu, double sigma) {
                    double logPdf(double x) {
                        double z = (x - mu) / sigma;
                        return -0.5 * z * z - Math.log(sigma);
                    }

                    double sumOver(double[] xs) {
                        double s = 0;
                        for (double v : xs) s += logPdf(v);
                        return s;
                    }
                }

                /** A record created in a loop, its one-expression method and its method with a loop. */
                @Differentiable
                public static double mixture(double[] xs, double[] mus, double[] sig) {
                    double s = 0;
                    for (int c = 0; c < mus.length; c++) {
                        Gauss g = new Gauss(mus[c], sig[c]);
                        s += g.sumOver(xs) + g.logPdf(0.0);
                    }
                    return s;
                }

                /** A 3-D parameter: ragged layers, for-each over layers, a row alias, a = z. */
                @Differentiable
                public static double mlp3(double[][][] W, double[] x) {
                    double[] a = x;
                    for (double[][] L : W) {
                        double[] z = new double[L.length];
                        for (int i = 0; i < L.length; i++) {
                            double[] row = L[i];
                            double s = 0;
                            for (int j = 0; j < row.length; j++) s += row[j] * a[j];
                            z[i] = tanh(s);
                        }
                        a = z;
                    }
                    double out = 0;
                    for (double v : a) out += v;
                    return out;
                }
            }
            """;

    /** {@code text} of class {@code name} as its tape twin {@code nameTape}. */
    static String twin(String text, String name) {
        return text.replace("class " + name + " ", "class " + name + "Tape ")
                .replace("@Differentiable\n", "@Differentiable(strategy = dev.adjoint.Strategy.TAPE)\n");
    }

    /** Builds {@code name} (and its twin) with {@code others}; checks each case statically, against differences and tape. */
    static StrangerHarness.Built checkAll(
            String name, String text, Map<String, String> others, Map<String, Object[]> cases) {
        Map<String, String> sources = new LinkedHashMap<>(others);
        sources.put(name, text);
        sources.put(name + "Tape", twin(text, name));
        StrangerHarness.Built b = build(sources);
        Class<?> type = b.type(name);
        Class<?> tape = b.type(name + "Tape");
        cases.forEach((method, args) -> {
            assertTrue(
                    b.methods().contains("stranger." + name + "#" + method + ": static"),
                    b.methods().toString());
            AdjointCheck.of(type, method).againstTape(tape).assertAt(args);
        });
        return b;
    }

    @Test
    void rowsAsAStrangerWritesThem() throws Exception {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("heat", new Object[] {new float[] {0.1f, 0.5f, 0.9f, 0.4f, 0.2f}});
        cases.put("cond", new Object[] {
            new double[][] {{0.3, 0.5}, {1.2, -0.4}, {0.7, 0.9}}, new double[] {0.6, 1.3}, new double[] {-0.8, 0.4}
        });
        cases.put("springs", new Object[] {new double[] {0.3, 1.7, 2.2}});
        cases.put("masked", new Object[] {
            new double[] {0.3, 1.7, 2.2, -0.5},
            new int[] {0, 2, 2, 3, 1, 2},
            new boolean[] {true, true, false, true, true, true}
        });
        cases.put("labelled", new Object[] {new double[] {0.3, 2.7, 2.2, -0.5}});
        cases.put("sw", new Object[] {new double[] {0.3, 1.7, -2.2, -0.5, 0.9, 1.1}, 1});
        cases.put("locals", new Object[] {new double[][] {{0.3, 1.7, -2.2}, {-0.5, 0.9, 1.1, 0.4}}});
        cases.put("misc", new Object[] {new double[] {0.3, -0.7, 1.2}, 0.4f});
        cases.put("foreign", new Object[] {new double[] {0.3, -0.7, 1.2, 0.5}});
        cases.put("newton", new Object[] {new double[] {1.0, 2.0, 3.5}, new double[] {0.5, 0.2, 0.1}});
        cases.put("pascal", new Object[] {new double[] {0.3, 0.5, -0.2, 0.7}});
        cases.put(
                "mixture",
                new Object[] {new double[] {0.2, 1.1, 0.3}, new double[] {0.5, 1.5}, new double[] {0.9, 1.3}});
        cases.put("mlp3", new Object[] {
            new double[][][] {{{0.2, -0.4}, {0.5, 0.1}, {0.3, 0.3}}, {{0.7, -0.2, 0.4}}}, new double[] {0.6, -0.9}
        });
        StrangerHarness.Built b = checkAll("Rows", ROWS, Map.of("Act", ACT, "RowsLib", LIB), cases);
        for (String op : new String[] {"sin", "sq", "id"}) { // (each String case, each enum arm)
            for (Object act : b.type("Act").getEnumConstants()) {
                AdjointCheck.of(b.type("Rows"), "strings")
                        .againstTape(b.type("RowsTape"))
                        .assertAt(new double[] {0.2, 1.1, -0.3, 0.8}, op, act);
            }
        }
    }

    static final String FITS = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.List;

            public class Fits {
                public record Obs(double t, double y, int group) {}

                static double model(double[] th, double t, Act k) {
                    return switch (k) {
                        case RELU -> th[0] + th[1] * t;
                        case TANH, SOFT -> th[0] + th[1] * t + th[2] * t * t;
                    };
                }

                /** A List of records: for-each, get(i), an int component as an index; an enum selector in a helper. */
                @Differentiable(wrt = {"th", "offs"})
                public static double fitList(double[] th, List<Obs> data, Act kind, double[] offs) {
                    double s = 0;
                    for (Obs o : data) {
                        double r = model(th, o.t(), kind) + offs[o.group()] - o.y();
                        s += r * r;
                    }
                    for (int i = 0; i < data.size(); i += 2) s += 0.01 * Math.abs(data.get(i).y() - th[0]);
                    return s / data.size();
                }

                /** Boxed lists: List<Integer> elements as indices, doubleValue(), isEmpty(). */
                @Differentiable(wrt = "x")
                public static double boxed(double[] x, List<Double> ws, List<Integer> idx) {
                    if (ws.isEmpty()) return 0;
                    double s = 0;
                    for (int k = 0; k < idx.size(); k++) s += ws.get(k) * x[idx.get(k)] * x[idx.get(k)];
                    for (Double w : ws) s += w.doubleValue() * x[0];
                    return s;
                }
            }
            """;

    @Test
    void listsOfRecordsAndBoxedNumbers() throws Exception {
        Map<String, String> sources = Map.of("Fits", FITS, "Act", ACT);
        for (String kind : new String[] {"RELU", "TANH"}) {
            ObjectStylesHarness.check(sources, "Fits", "fitList", b -> new Object[] {
                new double[] {0.2, 1.1, 0.3},
                List.of(
                        make(b, "Fits$Obs", 0.1, 1.0, 0),
                        make(b, "Fits$Obs", 0.5, 1.7, 1),
                        make(b, "Fits$Obs", 0.9, 2.1, 0),
                        make(b, "Fits$Obs", 1.4, 3.3, 1)),
                Enum.valueOf(b.type("Act").asSubclass(Enum.class), kind),
                new double[] {0.1, -0.2}
            });
        }
        ObjectStylesHarness.check(sources, "Fits", "boxed", b ->
                new Object[] {new double[] {0.2, 1.1, 0.3}, List.of(0.5, 1.5, -0.3), List.of(2, 0, 1)});
    }
}
