package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.make;
import static dev.adjoint.generator.stranger.TableRowsTest.checkAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What reading the README's supported-Java table as a stranger found ({@link TableRowsTest}): a
 * length the table's rows allow but the generator did not, names of another class's nested types,
 * an error that did not say why. Each gradient is checked against central differences and the tape.
 */
class TableRowsFindingsTest {
    /**
     * An array variable assigned again whose arrays are as long as a {@code static final} constant
     * or table of the class ({@code new double[HIDDEN]}, {@code new double[W.length]}, also in a
     * helper given the table, {@code a = layer(W, a)}): the same length wherever evaluated. Each was
     * an error at the assignment before ("the length ... is neither an expression of parameters").
     */
    static final String CONST_LENGTHS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Consts {
                static final double[][] W = {{0.5, -0.2}, {0.3, 0.8}};
                static final int N = 2;
                private static final int HIDDEN = 2;

                static double[] layer(double[][] w, double[] a) {
                    double[] z = new double[w.length];
                    for (int i = 0; i < w.length; i++) {
                        double s = 0;
                        for (int j = 0; j < a.length; j++) s += w[i][j] * a[j];
                        z[i] = Math.tanh(s);
                    }
                    return z;
                }

                @Differentiable
                public static double tableLength(double[] x) {
                    double[] a = x.clone();
                    for (int l = 0; l < 3; l++) {
                        double[] z = new double[W.length];
                        for (int i = 0; i < W.length; i++) z[i] = Math.tanh(W[i][0] * a[0] + W[i][1] * a[1]);
                        a = z;
                    }
                    return a[0] * a[1];
                }

                @Differentiable
                public static double constantLength(double[] x) {
                    double[] a = x.clone();
                    for (int l = 0; l < 3; l++) {
                        double[] z = new double[N];
                        for (int i = 0; i < N; i++) z[i] = Math.sin(W[i][0] * a[0] + W[i][1] * a[1]);
                        a = z;
                    }
                    return a[0] + a[1] * a[1];
                }

                @Differentiable
                public static double privateLength(double[] x) {
                    double[] a = new double[HIDDEN];
                    a[0] = x[0];
                    a[1] = x[1];
                    for (int l = 0; l < 3; l++) {
                        double[] z = new double[HIDDEN];
                        for (int i = 0; i < HIDDEN; i++) z[i] = Math.tanh(W[i][0] * a[0] + W[i][1] * a[1]) + x[i];
                        a = z;
                    }
                    return a[0] + a[1];
                }

                @Differentiable
                public static double helperOfTable(double[] x) {
                    double[] a = x;
                    for (int l = 0; l < 3; l++) a = layer(W, a);
                    return a[0] * a[1];
                }
            }
            """;

    @Test
    void staticFinalLengthsOfArraysAssignedAgain() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        for (String m : new String[] {"tableLength", "constantLength", "privateLength", "helperOfTable"}) {
            cases.put(m, new Object[] {new double[] {0.3, -0.7}});
        }
        checkAll("Consts", CONST_LENGTHS, Map.of(), cases);
    }

    /** A static field the class does not declare final may change: its length stays an error at the assignment. */
    @Test
    void aLengthOfAFieldNotFinalStaysAnError() {
        String text = CONST_LENGTHS.replace("static final int N = 2;", "static int N = 2;");
        List<Diagnostic> errors = StrangerHarness.errors(Map.of("Consts", text));
        assertTrue(
                errors.size() == 1
                        && errors.get(0).message().contains("neither an expression of parameters")
                        && errors.get(0).line() == 37,
                errors.toString());
    }

    static final String SPRINGS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class Springs {
                public record Params(double k, double c) {}

                public static final class State {
                    final double x;
                    final double[] v;

                    public State(double x, double[] v) {
                        this.x = x;
                        this.v = v;
                    }
                }

                static double energy(Params p, double d) {
                    return 0.5 * p.k() * d * d + p.c() * d;
                }

                /** A record passed to a plain helper, an object of a class read: both named as another class's too. */
                @Differentiable(wrt = {"p", "s"})
                public static double spring(Params p, State s) {
                    double e = 0;
                    for (int i = 0; i < s.v.length; i++) e += energy(p, s.v[i] - s.x);
                    return e;
                }
            }
            """;

    /**
     * Another class of the package nesting a record {@code Params} and a class {@code State} of its
     * own: {@code Springs}' mean {@code Springs}' (as javac reads them). Before, the helper taking
     * {@code Params} was checked on a detached copy, where the name meant neither ("uses record
     * parameter 'p' other than reading its components"), and {@code State s} was "not supported".
     */
    @Test
    void typesNamedAsAnotherClassesNestedOnes() throws Exception {
        String other = """
                package stranger;

                public class Other {
                    public record Params(double a) {}

                    static final class State {
                        double y;
                    }
                }
                """;
        ObjectStylesHarness.check(Map.of("Springs", SPRINGS, "Other", other), "Springs", "spring", b -> new Object[] {
            make(b, "Springs$Params", 2.0, 0.3), make(b, "Springs$State", 0.4, new double[] {1.0, -0.5, 0.2})
        });
    }

    /** An update the expression also reads elsewhere ({@code i + i++}) is an error that names the read. */
    @Test
    void anUpdateAlsoReadNamesTheRead() {
        String text = """
                package stranger;

                import dev.adjoint.Differentiable;

                public class Reads {
                    @Differentiable
                    public static double weighted(double[] c, double[] w) {
                        double s = 0;
                        int k = 0;
                        while (k < c.length) s += w[k] * c[k++];
                        return s;
                    }
                }
                """;
        List<Diagnostic> errors = StrangerHarness.errors(Map.of("Reads", text));
        assertTrue(
                errors.size() == 1
                        && errors.get(0).line() == 10
                        && errors.get(0).message().contains("also reads 'k' (w[k])"),
                errors.toString());
    }

    /**
     * {@code var} as the variable of a for-each over a 2-D or 3-D array, as the README's row of
     * locals promises ("in for and for-each headers too"): each was "for-each over 'g' is not
     * supported", while {@code for (double[] row : g)} worked.
     */
    static final String VAR_ROWS = """
            package stranger;

            import dev.adjoint.Differentiable;

            public class VarRows {
                @Differentiable
                public static double squares(double[][] g) {
                    double total = 0;
                    for (var row : g) for (var v : row) total += v * v;
                    return total;
                }

                @Differentiable
                public static float relax(float[][] g, float tol) {
                    float total = 0;
                    for (int it = 0; it < 3; it++) {
                        for (int i = 1; i < g.length - 1; i++) {
                            for (int j = 1; j < g[i].length - 1; j++) {
                                g[i][j] = 0.25f * (g[i - 1][j] + g[i + 1][j] + g[i][j - 1] + g[i][j + 1]);
                            }
                        }
                    }
                    for (var row : g) {
                        for (int j = 0; j < row.length; j++) total += row[j] * row[j] * tol;
                    }
                    return total;
                }

                @Differentiable
                public static double layers(double[][][] W, double[] x) {
                    double total = 0;
                    for (var L : W) for (var row : L) for (int j = 0; j < row.length; j++) total += Math.sin(row[j] * x[j]);
                    return total;
                }
            }
            """;

    @Test
    void varRowsOfForEach() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("squares", new Object[] {new double[][] {{0.1, 0.5}, {0.2, 0.8, -0.3}}});
        cases.put("relax", new Object[] {
            new float[][] {{0.1f, 0.5f, 0.9f}, {0.2f, 0.8f, 0.3f}, {0.4f, 0.1f, 0.7f}, {0.3f, 0.9f, 0.2f}}, 0.7f
        });
        cases.put("layers", new Object[] {
            new double[][][] {{{0.2, -0.4}, {0.5, 0.1}}, {{0.7, -0.2}}}, new double[] {0.6, -0.9}
        });
        checkAll("VarRows", VAR_ROWS, Map.of(), cases);
    }

    /**
     * A helper of another package that writes an array it is given, whose body reads a table that is
     * not public: not inlined (the README's row of such helpers), and the error at the call now says
     * which name kept it from being, where it said only that the helper may write the array.
     */
    @Test
    void aForeignHelperNotInlinedNamesWhy() {
        String lib = """
                package lib;

                public class Scales {
                    static final double[] WEIGHTS = {0.2, 0.3, 0.5};

                    public static void scaleInto(double[] src, double[] dst, double k) {
                        for (int i = 0; i < src.length; i++) {
                            dst[i] = k * src[i] * WEIGHTS[i % WEIGHTS.length];
                        }
                    }
                }
                """;
        String caller = """
                package stranger;

                import dev.adjoint.Differentiable;
                import lib.Scales;

                public class Caller {
                    @Differentiable
                    public static double scaled(double[] x) {
                        double[] y = new double[x.length];
                        Scales.scaleInto(x, y, 2.0);
                        return y[0] * y[1];
                    }
                }
                """;
        List<Diagnostic> errors = StrangerHarness.errors(Map.of("Caller", caller, "Scales", lib));
        assertTrue(
                errors.size() == 1
                        && errors.get(0).line() == 10
                        && errors.get(0).message().contains("may write into the array 'y'")
                        && errors.get(0).message().contains("names 'WEIGHTS', at line 8 of its file"),
                errors.toString());
    }

    /**
     * A static method of an enum naming its own constants by their simple names, as Java lets it
     * ({@code op == ADD}, {@code ADD.ordinal()}, beside {@code case MUL ->}): the README's first row
     * takes static methods of enums. It was "'ADD' is not a parameter, a local variable or a static
     * field ... of Gate".
     */
    @Test
    void anEnumsMethodNamesItsOwnConstants() throws Exception {
        String gate = """
                package stranger;

                import dev.adjoint.Differentiable;

                public enum Gate {
                    ADD,
                    MUL;

                    @Differentiable(wrt = "x")
                    public static double apply(double[] x, Gate op) {
                        double s = op == ADD ? x[0] + x[1] : x[0] * x[1];
                        switch (op) {
                            case MUL -> s += Math.sin(x[0]);
                            default -> s -= x[1] * x[1];
                        }
                        if (op != MUL && ADD.ordinal() == 0) s *= x[0];
                        return s;
                    }
                }
                """;
        for (String op : new String[] {"ADD", "MUL"}) {
            ObjectStylesHarness.check(Map.of("Gate", gate), "Gate", "apply", b -> new Object[] {
                new double[] {0.3, -0.7}, Enum.valueOf(b.type("Gate").asSubclass(Enum.class), op)
            });
        }
    }

    /**
     * Another class's constants read in the method itself ({@code Lib.DECAY}, {@code Lib.TABLE[i]},
     * {@code Lib.N}), as its inlined helpers' copies read them: they were "field access 'Lib.DECAY' is
     * not supported: the tape strategy reads only ...", even with AUTO. The method's own {@code DECAY}
     * stays its own.
     */
    @Test
    void anotherClasssConstantsReadInTheMethod() {
        String lib = """
                package stranger;

                public class Lib {
                    public static final double DECAY = 0.9;
                    static final double[] TABLE = {0.5, 1.5, -2.0};
                    static final int N = 3;
                }
                """;
        String uses = """
                package stranger;

                import dev.adjoint.Differentiable;

                public class Uses {
                    static final double DECAY = 100;

                    @Differentiable
                    public static double decayed(double[] x) {
                        double s = 0;
                        for (int i = 0; i < Lib.N; i++) s += Lib.TABLE[i] * x[i] * x[i] * Lib.DECAY + DECAY * x[i];
                        for (double t : Lib.TABLE) s += t * Math.sin(x[0]);
                        return s * Lib.TABLE.length;
                    }
                }
                """;
        checkAll("Uses", uses, Map.of("Lib", lib), Map.of("decayed", new Object[] {new double[] {0.3, -0.7, 1.1}}));
    }
}
