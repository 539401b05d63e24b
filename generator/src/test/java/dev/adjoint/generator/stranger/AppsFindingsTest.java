package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.TableRowsTest.checkAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What writing everyday programs from the README alone found ({@link StrangerAppsTest}): three
 * forms the README's rows promise that were build errors, each with a message naming another
 * cause. Each gradient is checked against central differences and the tape.
 */
class AppsFindingsTest {
    /**
     * {@code var} locals holding a copy ({@code x0.clone()}, {@code Arrays.copyOf}, {@code copyOfRange})
     * or a new array handed to a helper that fills it, and a for-each over a {@code var} matrix: the
     * README's locals row says {@code var} takes the initializer's type as javac gives it. Before, the
     * copies were "local 'x' of type var: supported local types are ..." (with two follow-on errors),
     * the filled array "call to 'square' may write into the array 'f' it is given", and the matrix
     * "for-each over 'm' is not supported".
     */
    static final String VARS = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.Arrays;

            public class Vars {
                static void square(double[] x, double[] f) {
                    for (int i = 0; i < x.length; i++) f[i] = x[i] * x[i];
                }

                @Differentiable
                public static double cloned(double[] x0) {
                    var x = x0.clone();
                    x[0] *= 3;
                    return x[0] * x[1] + x0[0];
                }

                @Differentiable
                public static double copied(double[] x0) {
                    var y = Arrays.copyOf(x0, 3);
                    var z = Arrays.copyOfRange(x0, 1, 3);
                    y[2] += z[0];
                    return y[0] * y[2] + z[1];
                }

                @Differentiable
                public static double filled(double[] x0) {
                    var f = new double[x0.length];
                    square(x0, f);
                    var t = f.clone();
                    t[1] += f[0];
                    return t[1] * x0[2];
                }

                @Differentiable
                public static double matrix(double[] x0) {
                    var m = new double[2][3];
                    m[1][2] = x0[0];
                    m[0][1] = x0[1] * x0[2];
                    var s = 0.0;
                    for (var row : m) {
                        for (var v : row) s += v * v;
                    }
                    return s;
                }
            }
            """;

    @Test
    void varLocalsTakeTheTypeOfTheirInitializer() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        for (String m : new String[] {"cloned", "copied", "filled", "matrix"}) {
            cases.put(m, new Object[] {new double[] {0.4, -1.3, 0.8}});
        }
        checkAll("Vars", VARS, Map.of(), cases);
    }

    /**
     * A row alias whose index is read from an index table, as bundle adjustment writes it
     * ({@code double[] cam = cams[camIdx[k]];}), also when the table is written after the alias
     * (the alias keeps the row Java chose). Before: "local array 'cam' must be created with 'new
     * double[n]': the tape strategy does not follow arrays assigned from other arrays".
     */
    static final String CAMS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Cams {
                @Differentiable
                public static double total(double[][] cams, double[][] pts, int[] ci, int[] pi, double[][] uv) {
                    double e = 0;
                    for (int k = 0; k < ci.length; k++) {
                        double[] c = cams[ci[k]];
                        double[] p = pts[pi[k] % pts.length];
                        double z = p[2] + c[2];
                        double rx = (p[0] + c[0]) / z - uv[k][0];
                        double ry = (p[1] + c[1]) / z - uv[k][1];
                        e += rx * rx + ry * ry;
                    }
                    return e;
                }

                @Differentiable
                public static double scatter(double[] x, int[] idx) {
                    double[][] acc = new double[3][2];
                    for (int k = 0; k < x.length; k++) {
                        double[] row = acc[idx[k]];
                        idx[k] = (idx[k] + 1) % 3;
                        row[0] += x[k];
                        row[1] += x[k] * x[k];
                    }
                    double s = 0;
                    for (double[] r : acc) s += r[0] * r[1] + r[0];
                    return s;
                }
            }
            """;

    @Test
    void rowsChosenByAnIndexTable() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("total", new Object[] {
            new double[][] {{0.1, -0.2, 4}, {0.3, 0.2, 5}},
            new double[][] {{0.2, 0.5, 1}, {-0.3, 0.1, 0.4}, {0.6, -0.4, 0.2}},
            new int[] {0, 0, 1, 1, 1},
            new int[] {0, 1, 0, 4, 2},
            new double[][] {{0.1, 0.2}, {-0.1, 0.05}, {0.0, 0.1}, {0.2, -0.2}, {0.1, 0.1}}
        });
        cases.put("scatter", new Object[] {new double[] {0.5, -1.2, 0.7, 0.3, 1.1}, new int[] {2, 0, 2, 1, 0}});
        checkAll("Cams", CAMS, Map.of(), cases);
    }

    /**
     * A helper of the class that fills an array ({@code void rates(double[] y, ..., double[] dy)})
     * and calls a plain helper of another class of the sources, by its class's name or imported
     * statically: inlined as the README's helper rows say, the call staying the caller's own. Before,
     * "call to 'rates' may write into the array 'dy' it is given, and 'rates' is not
     * {@code @Differentiable}", which named neither the other class nor the call.
     */
    static final String SIR = """
            package stranger;

            import static stranger.SirLib.logistic;

            import dev.adjoint.Differentiable;

            public class Sir {
                static void rates(double[] y, double beta, double gamma, double[] dy) {
                    double n = SirLib.total(y[0], y[1], y[2]);
                    double inf = beta * y[0] * y[1] / n * logistic(y[1]);
                    dy[0] = -inf;
                    dy[1] = inf - gamma * y[1];
                    dy[2] = gamma * y[1];
                }

                @Differentiable
                public static double run(double[] y0, double beta, double gamma) {
                    double[] y = new double[3];
                    double[] dy = new double[3];
                    for (int i = 0; i < 3; i++) y[i] = y0[i];
                    for (int s = 0; s < 20; s++) {
                        rates(y, beta, gamma, dy);
                        SirLib.axpy(0.1, dy, y);
                    }
                    return y[2] * y[2] + y[1];
                }
            }
            """;

    static final String SIR_LIB = """
            package stranger;

            public class SirLib {
                public static double total(double... xs) {
                    double s = 0;
                    for (double x : xs) s += x;
                    return s;
                }

                public static double logistic(double z) {
                    return 1 / (1 + Math.exp(-z));
                }

                public static void axpy(double a, double[] x, double[] y) {
                    for (int i = 0; i < x.length; i++) y[i] += a * x[i];
                }
            }
            """;

    @Test
    void helpersCallingAnotherClassAreInlined() {
        checkAll("Sir", SIR, Map.of("SirLib", SIR_LIB), Map.of("run", new Object[] {
            new double[] {0.9, 0.1, 0.0}, 1.7, 0.4
        }));
    }

    /**
     * A plain static method of an interface is not differentiated without an annotation (the README's
     * row of calls to plain methods says so); the error said "when they are static, not private, not
     * generic, and take a float or double", all of which {@code Kernels.rbf} is. It now names the
     * interface and what to do.
     */
    @Test
    void anInterfaceHelperIsAnErrorThatSaysWhy() {
        String text = """
                package stranger;

                import dev.adjoint.Differentiable;

                public class Gp {
                    public interface Kernels {
                        static double rbf(double a, double b) {
                            return Math.exp(-(a - b) * (a - b));
                        }
                    }

                    @Differentiable
                    public static double k(double x, double y) {
                        return Kernels.rbf(x, y);
                    }
                }
                """;
        List<Diagnostic> errors = StrangerHarness.errors(Map.of("Gp", text));
        assertTrue(
                errors.size() == 1
                        && errors.get(0).line() == 14
                        && errors.get(0)
                                .message()
                                .contains("a method of an interface is not differentiated without an"
                                        + " annotation: annotate it @Differentiable, or move it into a class"),
                errors.toString());
    }

    /**
     * {@code wrt = "this"} on an instance method of a record is one error, as the README's Errors
     * section promises ("each once ..., with no follow-on errors"); a second said "wrt names 'this',
     * which is not a parameter of 'sse'".
     */
    @Test
    void aRecordsInstanceMethodIsOneError() {
        String text = """
                package stranger;

                import dev.adjoint.Differentiable;

                public record Line(double slope, double intercept) {
                    @Differentiable(wrt = "this")
                    public double sse(double[] x, double[] y) {
                        double s = 0;
                        for (int i = 0; i < x.length; i++) {
                            double e = slope * x[i] + intercept - y[i];
                            s += e * e;
                        }
                        return s;
                    }
                }
                """;
        List<Diagnostic> errors = StrangerHarness.errors(Map.of("Line", text));
        assertTrue(
                errors.size() == 1 && errors.get(0).message().contains("not of enums or records yet"),
                errors.toString());
    }

    /**
     * A model holding one object of a plain class ({@code Layer hidden}, fields {@code W} and {@code b}),
     * which the README does not list among what a model may hold (records, and arrays of records or
     * objects): the error listed only numbers and their arrays as readable, not what would work; it
     * now names records and arrays of records or objects too.
     */
    @Test
    void aHeldObjectSaysWhatAModelMayHold() {
        String text = """
                package stranger;

                import dev.adjoint.Differentiable;

                public class Net {
                    static final class Layer {
                        double[] b;
                    }

                    private Layer hidden;

                    @Differentiable(wrt = "this")
                    public double loss(double x) {
                        return hidden.b[0] * x;
                    }
                }
                """;
        List<Diagnostic> errors = StrangerHarness.errors(Map.of("Net", text));
        assertTrue(
                errors.size() == 1
                        && errors.get(0).line() == 14
                        && errors.get(0)
                                .message()
                                .contains("records of the sources and 1-D arrays of records or"
                                        + " objects of the sources (Layer[] layers)"),
                errors.toString());
    }

    /**
     * Session 25: an object of a plain class passed on to a {@code @Differentiable} method is made again
     * from its fields, so a {@code String} or a held record field stops it (the README's own {@code State},
     * with {@code Params p} and {@code String tag}, included); the README said only that the constructor
     * must take the fields in order. It now says which fields; this keeps the error it describes, one, at
     * the argument, naming the field.
     */
    @Test
    void anObjectPassedOnIsMadeAgainFromNumbers() {
        for (String field : new String[] {"String tag", "Params p"}) {
            String type = field.substring(0, field.indexOf(' '));
            String name = field.substring(field.indexOf(' ') + 1);
            String text = """
                    package stranger;

                    import dev.adjoint.Differentiable;

                    public final class Tank {
                        record Params(double k) {}

                        double temp;
                        final double[] conc;
                        FIELD;

                        public Tank(double temp, double[] conc, FIELD) {
                            this.temp = temp;
                            this.conc = conc;
                            this.NAME = NAME;
                        }

                        @Differentiable(wrt = "r")
                        static double product(Tank r, double dt) {
                            return r.conc[0] * Math.exp(dt * r.temp);
                        }

                        @Differentiable(wrt = "r")
                        static double profit(Tank r) {
                            return 2 * product(r, 0.1);
                        }
                    }
                    """.replace("FIELD", field).replace("NAME", name);
            List<Diagnostic> errors = StrangerHarness.errors(Map.of("Tank", text));
            assertTrue(
                    errors.size() == 1
                            && errors.get(0).line() == 25
                            && errors.get(0).column() == 28
                            && errors.get(0)
                                    .message()
                                    .contains("its field '" + name + "' has type " + type + ", which a differentiated"),
                    errors.toString());
        }
    }

    /**
     * Session 25: the README's Monte Carlo rows say that for {@code Math.random()} and {@code ThreadLocalRandom}
     * "the error says to take the seed as a long parameter"; {@code new Random()} said so, but {@code
     * Math.random()} said only "has no derivative rule; see the README's list of supported Math functions" and
     * {@code ThreadLocalRandom.current()} that it is an unknown library call. Each now says why and what works.
     */
    @Test
    void unseededRandomSourcesSayToTakeASeed() {
        String text = """
                package stranger;

                import dev.adjoint.Differentiable;
                import java.util.concurrent.ThreadLocalRandom;

                public class Noise {
                    @Differentiable
                    static double jitter(double x) {
                        return x * Math.random();
                    }

                    @Differentiable
                    static double shake(double x) {
                        return x * ThreadLocalRandom.current().nextDouble();
                    }

                    @Differentiable
                    static double rattle(double x) {
                        return x * java.util.concurrent.ThreadLocalRandom.current().nextGaussian();
                    }
                }
                """;
        for (String strategy : new String[] {"", "strategy = dev.adjoint.Strategy.TAPE"}) {
            List<Diagnostic> errors = StrangerHarness.errors(
                    Map.of("Noise", text.replace("@Differentiable\n", "@Differentiable(" + strategy + ")\n")));
            assertTrue(errors.size() == 3, errors.toString());
            int[][] at = {{9, 20}, {14, 20}, {19, 20}};
            for (int i = 0; i < 3; i++) {
                Diagnostic d = errors.get(i);
                assertTrue(
                        d.line() == at[i][0]
                                && d.column() == at[i][1]
                                && d.message().contains("only a generator created in the method from a seed")
                                && d.message().contains("take the seed as a long parameter"),
                        errors.toString());
            }
        }
    }

    /**
     * A plain helper taking an enum or a {@code String} (the README's parameters row: values without
     * derivative), called with a constant inside a loop: the inliner's local for that parameter was
     * declared in the loop, where a String or enum local may not be, so the build failed with "local
     * 'k0' of type Kind is declared inside a block or loop", a name the user never wrote. The local
     * now stands at the method's top (its one value is the same in every call).
     */
    static final String KINDS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Kinds {
                public enum Kind { SQ, ABS, SOFT }

                static double loss(double r, Kind k) {
                    return switch (k) {
                        case SQ -> r * r;
                        case ABS -> Math.abs(r);
                        case SOFT -> Math.log(Math.cosh(r));
                    };
                }

                static double named(double r, String link) {
                    return link.equals("exp") ? Math.exp(r) : Math.log1p(Math.exp(r));
                }

                @Differentiable
                public static double total(double[] r, double w) {
                    double s = 0;
                    for (int i = 0; i < r.length; i++) {
                        s += loss(r[i], Kind.SQ) + w * loss(r[i] - w, Kind.SOFT);
                        if (r[i] > 0) {
                            s += named(w * r[i], "softplus") * loss(r[i], Kind.ABS);
                        }
                    }
                    return s + named(w, "exp");
                }
            }
            """;

    @Test
    void enumAndStringConstantsReachHelpersInLoops() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("total", new Object[] {new double[] {0.4, -1.3, 0.8, 2.1}, 0.7});
        checkAll("Kinds", KINDS, Map.of(), cases);
    }

    /**
     * Parameters whose buffer or tangent name is a keyword ({@code d} + {@code o} is {@code do},
     * {@code t} + {@code ry} is {@code try}): the generator threw "not a valid name: do" with a stack
     * trace (through the processor, "An annotation processor threw an uncaught exception"). They are
     * now {@code d_o} and {@code t_ry}, as a record {@code o}'s buffer already was.
     */
    static final String KEYWORDS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Keywords {
                @Differentiable
                public static double hit(double[] o, double[] d, double ry) {
                    double b = o[0] * d[0] + o[1] * d[1];
                    return b * b * ry - Math.sqrt(1 + o[0] * o[0]) * ry * ry;
                }

                @Differentiable
                public static double[] ray(double[] o, double[] d, double his) {
                    return new double[] {o[0] + his * d[0], o[1] + his * d[1]};
                }
            }
            """;

    @Test
    void parametersNamedSoThatTheirBufferIsAKeyword() throws Exception {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("hit", new Object[] {new double[] {0.3, -0.6}, new double[] {0.8, 0.2}, 1.4});
        cases.put("ray", new Object[] {new double[] {0.3, -0.6}, new double[] {0.8, 0.2}, 1.4});
        StrangerHarness.Built b = checkAll("Keywords", KEYWORDS, Map.of(), cases);
        Class<?> adjoint = b.type("KeywordsAdjoint");
        double[] t = {0.5, -0.25};
        dev.adjoint.DoubleGrad out = new dev.adjoint.DoubleGrad();
        adjoint.getMethod(
                        "hitJvp",
                        double[].class,
                        double[].class,
                        double.class,
                        double[].class,
                        double[].class,
                        double.class,
                        dev.adjoint.DoubleGrad.class)
                .invoke(null, new double[] {0.3, -0.6}, new double[] {0.8, 0.2}, 1.4, t, new double[2], 0.0, out);
        double[] g = new double[2];
        adjoint.getMethod(
                        "hitGrad",
                        double[].class,
                        double[].class,
                        double.class,
                        double[].class,
                        double[].class,
                        dev.adjoint.DoubleGrad.class)
                .invoke(
                        null,
                        new double[] {0.3, -0.6},
                        new double[] {0.8, 0.2},
                        1.4,
                        g,
                        new double[2],
                        new dev.adjoint.DoubleGrad());
        assertTrue(Math.abs(out.get() - (g[0] * t[0] + g[1] * t[1])) < 1e-12, out + " vs " + g[0] + ", " + g[1]);
    }
}
