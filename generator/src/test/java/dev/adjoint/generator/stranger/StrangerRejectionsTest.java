package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.StrangerHarness.build;
import static dev.adjoint.generator.stranger.StrangerHarness.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.AdjointCheck;
import dev.adjoint.generator.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer's numeric code hits that the generator rejects: one error at the construct, saying
 * why and what to write instead, the same whatever the strategy; and, where the fix the error names
 * is taken, the gradient against central differences.
 */
class StrangerRejectionsTest {

    private static final String LU = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Lu {
                private Lu() {}

                /** log|det A| by LU with partial pivoting, rows swapped by reference. */
                @Differentiable
                public static double logAbsDet(double[][] a) {
                    int n = a.length;
                    double[][] lu = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(a[i], 0, lu[i], 0, n);
                    }
                    double logDet = 0;
                    for (int k = 0; k < n; k++) {
                        int p = k;
                        for (int i = k + 1; i < n; i++) {
                            if (Math.abs(lu[i][k]) > Math.abs(lu[p][k])) {
                                p = i;
                            }
                        }
                        if (p != k) {
                            double[] tmp = lu[k];
                            lu[k] = lu[p];
                            lu[p] = tmp;
                        }
                        logDet += Math.log(Math.abs(lu[k][k]));
                        for (int i = k + 1; i < n; i++) {
                            double f = lu[i][k] / lu[k][k];
                            for (int j = k + 1; j < n; j++) {
                                lu[i][j] -= f * lu[k][j];
                            }
                        }
                    }
                    return logDet;
                }
            }
            """;

    @Test
    void aLocalNamedLikeAFieldIsNamedAsWrittenInItsError() {
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public final class Shadow {
                    static final double[] weights = {1, 2};

                    @Differentiable
                    public static double f(double[] x) {
                        double[] weights = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            weights[i] = x[i] * Shadow.weights[i % 2];
                        }
                        weights = x;
                        weights[0] = 3;
                        return weights[0] * weights[1];
                    }
                }
                """;
        List<Diagnostic> errors = errors(Map.of("Shadow", source));
        assertEquals(1, errors.size(), errors.toString());
        String message = errors.get(0).message();
        assertTrue(message.contains("'weights'") && !message.contains("weights0"), message);
    }

    @Test
    void aHelperGivenAChoiceOfArraysIsTheChoiceOfCallsOrAnErrorThatWritesIt() throws Exception {
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public final class Choice {
                    static double[] scaled(double k, double[] v) {
                        double[] r = new double[v.length];
                        for (int i = 0; i < v.length; i++) {
                            r[i] = v[i] * k;
                        }
                        return r;
                    }

                    @Differentiable
                    public static double f(double[] a, double[] b, double s) {
                        double[] r = scaled(s, s > 0 ? a : b);
                        return r[0] * r[1];
                    }
                }
                """;
        // evaluated as Java does: s, the condition, a or b; so written c ? h(s, a) : h(s, b), static and exact
        StrangerHarness.Built b = build(Map.of("Choice", source));
        assertTrue(
                b.methods().contains("stranger.Choice#f: static"), b.methods().toString());
        for (double s : new double[] {0.7, -0.7}) {
            AdjointCheck.assertGradient(b.type("Choice"), "f", new double[] {0.3, -1.2}, new double[] {0.8, 0.4}, s);
        }
        // an argument before the choice that is a call: not reordered, an error that writes the choice of calls
        String called = source.replace("scaled(s, s > 0 ? a : b)", "scaled(Math.abs(s), s > 0 ? a : b)");
        List<Diagnostic> errors = errors(Map.of("Choice", called));
        assertEquals(1, errors.size(), errors.toString());
        String advice = "double[] r = s > 0 ? scaled(Math.abs(s), a) : scaled(Math.abs(s), b);";
        assertTrue(errors.get(0).message().endsWith("choose between the calls instead: " + advice), errors.toString());
        StrangerHarness.Built fixed =
                build(Map.of("Choice", called.replace("double[] r = scaled(Math.abs(s), s > 0 ? a : b);", advice)));
        assertTrue(
                fixed.methods().contains("stranger.Choice#f: static"),
                fixed.methods().toString());
    }

    @Test
    void aRowSwapByReferenceIsOneErrorAtEachReplacedRowSayingHowToSwapElements() {
        for (String source : List.of(
                LU,
                StrangerHarness.onTape(LU),
                LU.replace("@Differentiable", "@Differentiable(strategy = dev.adjoint.Strategy.STATIC)"))) {
            List<Diagnostic> errors = errors(Map.of("Lu", source));
            List<Diagnostic> rows = errors.stream()
                    .filter(d -> d.message().contains("replaces the row"))
                    .toList();
            assertEquals(List.of(26, 27), rows.stream().map(Diagnostic::line).toList(), errors.toString());
            assertTrue(
                    rows.get(0).message().contains("exchange them one by one for a row swap")
                            && rows.get(0).message().contains("lu[perm[i]][j]"),
                    rows.get(0).message());
        }
    }

    @Test
    void aRowCopiedWithCloneIsTheSameErrorPointingToArraycopy() {
        String source = LU.replace("System.arraycopy(a[i], 0, lu[i], 0, n);", "lu[i] = a[i].clone();");
        List<Diagnostic> errors = errors(Map.of("Lu", source));
        Diagnostic first = errors.get(0);
        assertEquals(14, first.line(), errors.toString());
        assertTrue(
                first.message()
                                .startsWith(
                                        "'lu[i] = a[i].clone()' replaces the row lu[i] of array 'lu' by another array")
                        && first.message().contains("System.arraycopy(src, 0, lu[i], 0, n);"),
                first.message());
        assertEquals(
                1,
                errors.stream().filter(d -> d.line() == 14).count(),
                "the clone() call is not reported again: " + errors);
    }

    /**
     * Rows cloned into a ragged local ({@code new double[n][]}, which works) and then swapped by reference (which does
     * not): the error at the clone advised {@code System.arraycopy} into a row that is null there; it now names the
     * swap as what to change, and with the swap written element by element the method is static and exact.
     */
    @Test
    void aRaggedLocalsRowCopyRefusedBecauseOfASwapNamesTheSwap() {
        String source = LU.replace("double[][] lu = new double[n][n];", "double[][] lu = new double[n][];")
                .replace("System.arraycopy(a[i], 0, lu[i], 0, n);", "lu[i] = a[i].clone();");
        List<Diagnostic> errors = errors(Map.of("Lu", source));
        Diagnostic first = errors.get(0);
        assertEquals(14, first.line(), errors.toString());
        assertTrue(
                first.message()
                        .equals(
                                "'lu[i] = a[i].clone()' copies a row into the ragged array 'lu', which works while no"
                                        + " row of it names another array; 'lu[k] = lu[p]' at line 26 makes one: exchange the"
                                        + " elements there one by one (for (int j = 0; j < n; j++) { double t = lu[k][j]; ... })"),
                first.message());
        assertEquals(List.of(14, 26, 27), errors.stream().map(Diagnostic::line).toList(), errors.toString());
        String fixed = source.replace("""
                                        double[] tmp = lu[k];
                                        lu[k] = lu[p];
                                        lu[p] = tmp;
                        """, """
                                        for (int j = 0; j < n; j++) {
                                            double tmp = lu[k][j];
                                            lu[k][j] = lu[p][j];
                                            lu[p][j] = tmp;
                                        }
                        """);
        StrangerHarness.Built b = build(Map.of("Lu", fixed));
        assertTrue(
                b.methods().contains("stranger.Lu#logAbsDet: static"),
                b.methods().toString());
        double[][] a = {{0.6, 0.9, 0.7}, {0.8, 0.55, 0.95}, {0.5, 0.75, 0.65}};
        AdjointCheck.assertGradient(b.type("Lu"), "logAbsDet", (Object) a);
    }

    private static final String FIT = """
            package stranger;

            import dev.adjoint.Differentiable;

            public final class Fit {
                private Fit() {}

                public record Params(double a, double b) {}

                static double model(Params p, double x) {
                    return p.a() * Math.exp(-p.b() * x);
                }

                @Differentiable(wrt = "p")
                public static double sse(Params p, double[] xs, double[] ys) {
                    double sse = 0;
                    for (int i = 0; i < xs.length; i++) {
                        double r = model(p, xs[i]) - ys[i];
                        sse += r * r;
                    }
                    return sse;
                }
            }
            """;

    /** Once an error that said to annotate the helper: a plain helper taking a record now takes its components. */
    @Test
    void aRecordPassedToAPlainHelperGoesAsItsComponents() throws Exception {
        StrangerHarness.Built b = build(Map.of("Fit", FIT));
        assertTrue(b.methods().contains("stranger.Fit#sse: static"), b.methods().toString());
        Object params =
                b.type("Fit$Params").getConstructor(double.class, double.class).newInstance(1.5, 0.4);
        AdjointCheck.assertGradient(
                b.type("Fit"), "sse", params, new double[] {0.0, 0.5, 1.5, 3.0}, new double[] {1.4, 1.2, 0.9, 0.4});
    }

    @Test
    void arraysBinarySearchIsALibraryCallTheErrorNames() {
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public final class Interp {
                    private Interp() {}

                    @Differentiable(wrt = {"ys", "t"})
                    public static double interpolate(double[] xs, double[] ys, double t) {
                        int k = java.util.Arrays.binarySearch(xs, t);
                        if (k >= 0) {
                            return ys[k];
                        }
                        int hi = -k - 1;
                        int lo = hi - 1;
                        double w = (t - xs[lo]) / (xs[hi] - xs[lo]);
                        return (1 - w) * ys[lo] + w * ys[hi];
                    }
                }
                """;
        List<Diagnostic> errors = errors(Map.of("Interp", source));
        assertEquals(
                List.of(10, 17), List.of(errors.get(0).line(), errors.get(0).column()), errors.toString());
        assertTrue(
                errors.get(0).message().startsWith("call to 'java.util.Arrays.binarySearch' is not supported"),
                errors.get(0).message());
    }

    @Test
    void aPrivateTableItsClassWritesIsNotCopiedAndStaysAnError() {
        // a copy in the adjoint class would miss the write: the read stays the error that says to make it
        // package-private (a table handed to helpers that only read it is copied: corpus FloatTableReaders)
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public final class Tables {
                    private Tables() {}

                    private static final double[] SCALE = {1.0, 2.0, 3.0};
                    private static final double[][] GRID = {{1.0, 2.0}, {3.0, 4.0}};

                    static void calibrate(double k) {
                        SCALE[0] = k;
                    }

                    @Differentiable
                    public static double scaled(double x) {
                        return x * SCALE[0] + x * x * SCALE.length;
                    }

                    @Differentiable
                    public static double gridRow(double x) {
                        double[] row = GRID[1];
                        return x * row[0];
                    }

                    // handed to a helper that writes it, though not from the differentiated method
                    private static final double[] SHIFT = {0.5, 1.5};
                    private static final double[] BIAS = {0.25, 0.75};

                    static void scaleAll(double[] t, double k) {
                        for (int i = 0; i < t.length; i++) t[i] *= k;
                    }

                    static void recalibrate() {
                        scaleAll(SHIFT, 2.0);
                    }

                    // reads the table, but through a helper that writes what it is given
                    static double peek(double[] t) {
                        poke(t);
                        return t[0];
                    }

                    static void poke(double[] t) {
                        t[1] = 0;
                    }

                    @Differentiable
                    public static double shifted(double x) {
                        return x * SHIFT[1];
                    }

                    @Differentiable
                    public static double biased(double x) {
                        return x * peek(BIAS);
                    }
                }
                """;
        List<Diagnostic> errors = errors(Map.of("Tables", source));
        assertEquals(
                List.of(17, 22, 50, 55),
                errors.stream().map(Diagnostic::line).distinct().toList(),
                errors.toString());
        errors.forEach(d -> assertTrue(d.message().contains("make the field package-private"), d.message()));
    }

    @Test
    void doubleCompareIsAnErrorThatSaysWhatToWrite() {
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public final class Small {
                    private Small() {}

                    static double dot(double[] a, double[] b) {
                        return a[0] * b[0] + a[1] * b[1];
                    }

                    @Differentiable
                    public static double ordered(double x, double y) {
                        if (Double.compare(x, y) > 0) {
                            return x - y;
                        }
                        return y - x;
                    }

                    @Differentiable
                    public static double weighted(double[] w) {
                        return dot(w, new double[] {1.0, 2.0});
                    }
                }
                """;
        List<Diagnostic> errors = errors(Map.of("Small", source));
        // (an array created in a helper's arguments is now a fresh local of the inlined helper: no error at line 22)
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(
                List.of(14, 13), List.of(errors.get(0).line(), errors.get(0).column()), errors.toString());
        assertTrue(
                errors.get(0).message().startsWith("call to 'Double.compare' is not supported"),
                errors.get(0).message());
    }

    @Test
    void aStaticArrayWrittenByTheMethodIsAnErrorThatSaysToCopyIt() {
        // its elements are read as constants, and the write is state neither strategy undoes: the message names the
        // field and says to copy it (the old one said to "index an array variable by name"), under AUTO (the tape
        // lowers the method as the static strategy does) and STATIC alike
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public final class Scratch {
                    private Scratch() {}

                    static final double[] BUF = {1.0, 2.0, 3.0};

                    static void fill(double[] out, double x) {
                        for (int i = 0; i < out.length; i++) out[i] = x * (i + 1);
                    }

                    @Differentiable
                    public static double viaHelper(double x) {
                        fill(BUF, x);
                        return BUF[0] * BUF[2];
                    }

                    @Differentiable(strategy = Strategy.STATIC)
                    public static double direct(double x) {
                        BUF[1] = x * x;
                        return BUF[1] * x;
                    }
                }
                """;
        List<Diagnostic> errors = errors(Map.of("Scratch", source));
        assertEquals(
                List.of(List.of(12, 46), List.of(23, 9)),
                errors.stream().map(d -> List.of(d.line(), d.column())).toList(),
                errors.toString());
        errors.forEach(d -> assertTrue(
                d.message().contains("writes into the static array 'BUF' of Scratch")
                        && d.message().contains("double[] t = BUF.clone();"),
                d.message()));
    }

    @Test
    void aHelperReturningItsParameterBesideANewArrayIsNamedAtItsReturnAndTheCopyIsExact() {
        // `if (n == 0) return x;` beside `return r;`: the caller's error said only "recursive, returning different
        // arrays, or past the inliner's limits", the helper's pointed at its return type; both now name the return
        // and the copy that the static strategy takes, which then matches central differences
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public final class Unit {
                    private Unit() {}

                    static double[] normalize(double[] x) {
                        double n = 0;
                        for (double v : x) n += v * v;
                        if (n == 0) return x;
                        double[] r = new double[x.length];
                        for (int i = 0; i < x.length; i++) r[i] = x[i] / Math.sqrt(n);
                        return r;
                    }

                    @Differentiable
                    public static double f(double[] x) {
                        double[] u = normalize(x);
                        return 3 * u[0] + u[1] * u[1];
                    }
                }
                """;
        List<Diagnostic> errors = errors(Map.of("Unit", source));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(
                List.of(19, 18), List.of(errors.get(0).line(), errors.get(0).column()), errors.toString());
        assertTrue(
                errors.get(0).message().contains("(Unit.normalize, line 11): 'return x;' returns the parameter 'x'")
                        && errors.get(0).message().contains("'return x.clone();'"),
                errors.toString());
        // through a local given the parameter, the message quotes the return as written, not as the alias pass left it
        List<Diagnostic> aliased = errors(
                Map.of("Unit", source.replace("if (n == 0) return x;", "double[] z = x; if (n == 0) return z;")));
        assertTrue(
                aliased.size() == 1 && aliased.get(0).message().contains("'return z;' returns the parameter 'x'"),
                aliased.toString());
        var built = build(Map.of("Unit", source.replace("return x;", "return x.clone();")));
        assertTrue(
                built.methods().contains("stranger.Unit#f: static"),
                built.methods().toString());
        AdjointCheck.assertGradient(built.type("Unit"), "f", (Object) new double[] {0.3, -0.4, 1.2});
    }

    @Test
    void aHelperReturningItsParameterFromTwoPlacesIsToldToReturnItOnceNotToCopyIt() {
        // both returns return the parameter itself: "beside another return's array: return a copy there" named an
        // array that is the same one; the advice is one return at the end, which then matches central differences
        String source = """
                package stranger;

                import dev.adjoint.Differentiable;

                public final class Unit {
                    private Unit() {}

                    static double[] twice(double[] a, boolean c) {
                        if (c) {
                            a[0] = a[0] * 2;
                            return a;
                        }
                        return a;
                    }

                    @Differentiable
                    public static double f(double[] x) {
                        double[] y = twice(x, x[1] > 0);
                        return y[0] * y[1];
                    }
                }
                """;
        List<Diagnostic> errors = errors(Map.of("Unit", source));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(
                errors.get(0).message().contains("every return returns the parameter 'a' itself, from more than one")
                        && !errors.get(0).message().contains("clone()"),
                errors.toString());
        var built = build(Map.of("Unit", source.replace("return a;\n        }", "}")));
        assertTrue(
                built.methods().contains("stranger.Unit#f: static"),
                built.methods().toString());
        AdjointCheck.assertGradient(built.type("Unit"), "f", (Object) new double[] {0.3, -0.4, 1.2});
    }

    @Test
    void aFieldInheritedFromASuperclassIsAnErrorThatSaysWhereToDeclareIt() {
        String base = """
                package stranger;

                public abstract class Base {
                    protected double scale = 2.0;
                }
                """;
        String model = """
                package stranger;

                import dev.adjoint.Differentiable;

                public class Scaled extends Base {
                    private double w = 0.5;

                    @Differentiable(wrt = "this")
                    public double loss(double x) {
                        return scale * w * x;
                    }
                }
                """;
        List<Diagnostic> errors = errors(Map.of("Base", base, "Scaled", model));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(
                List.of(10, 16), List.of(errors.get(0).line(), errors.get(0).column()), errors.toString());
        assertTrue(
                errors.get(0)
                        .message()
                        .contains("not those it inherits: if 'scale' is a field of Base, declare it in"
                                + " Scaled or pass its value as a parameter"),
                errors.get(0).message());
    }
}
