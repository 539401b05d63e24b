package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.Differentiated;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's findings, each as it was reported: a method that built green with a wrong value, a
 * wrong gradient or an adjoint that did not compile. Each now either differentiates exactly (value,
 * side effects on arrays and gradient against the method itself and central differences) with
 * every strategy that accepts it, or is rejected at its position by both strategies.
 */
class TrustFindingsTest {

    private static final String HEADER = "package trust;\n\nimport dev.adjoint.Adjoint;\nimport dev.adjoint.Differentiable;\n"
            + "import dev.adjoint.Strategy;\nimport java.util.Arrays;\n\npublic class Repro {\n";

    static String source(String body, String strategy) {
        return HEADER + body.replace("$S", strategy).stripIndent().indent(4) + "}\n";
    }

    /**
     * Generates {@code body} with {@code $S} replaced by each strategy, and checks at each point:
     * the adjoint returns the method's value, leaves its array arguments as the method leaves them,
     * and its gradient matches central differences of the method.
     */
    static void differentiates(String body, String method, List<String> strategies, Object[]... points) {
        for (String strategy : strategies) {
            for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
                Differentiated d = Differentiated.of("trust.Repro", source(body, strategy), o);
                for (Object[] p : points) {
                    Object[] forMethod = Differentiated.copyArguments(p);
                    Object[] forAdjoint = Differentiated.copyArguments(p);
                    Object expected = d.invokeOriginal(method, forMethod);
                    Object got = d.invokeVjp(method, forAdjoint, 1.0, d.newBuffers(method, p));
                    assertEquals(((Number) expected).doubleValue(), ((Number) got).doubleValue(), 0.0,
                            strategy + " " + o + ": value of the adjoint at " + Arrays.deepToString(p));
                    assertEquals(Arrays.deepToString(forMethod), Arrays.deepToString(forAdjoint),
                            strategy + " " + o + ": arrays as the method leaves them");
                    d.assertGradient(method, d, method, 1e-6, 1e-9, p);
                }
            }
        }
    }

    static void differentiates(String body, String method, Object[]... points) {
        differentiates(body, method, List.of("AUTO", "TAPE", "STATIC"), points);
    }

    /** Generates {@code body} with each strategy: every one must fail, each error at a position, one naming {@code cause}. */
    static List<Diagnostic> rejected(String body, String cause, List<String> strategies) {
        List<Diagnostic> last = List.of();
        for (String strategy : strategies) {
            Translation t = Pipeline.translate(Map.of(Path.of("Repro.java"), source(body, strategy)), Optional.empty(), Options.DEFAULT);
            assertTrue(t.hasErrors(), strategy + ": expected a build error, got\n" + t.generated());
            for (Diagnostic d : t.diagnostics()) {
                assertTrue(d.line() >= 9 && d.column() >= 1, strategy + ": error without a position in the method: " + d);
            }
            assertTrue(t.diagnostics().stream().anyMatch(d -> d.message().contains(cause)),
                    strategy + ": no error names '" + cause + "': " + t.diagnostics());
            last = t.diagnostics();
        }
        return last;
    }

    static List<Diagnostic> rejected(String body, String cause) {
        return rejected(body, cause, List.of("AUTO", "TAPE", "STATIC"));
    }

    // ---- 1. arrays changed by library calls ------------------------------------------------------

    @Test
    void arraycopyIntoALocal() {
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w) {
                    double[] c = new double[w.length];
                    System.arraycopy(w, 0, c, 0, w.length);
                    double s = 0;
                    for (int i = 0; i < c.length; i++) {
                        s += c[i] * c[i];
                    }
                    return s;
                }
                """, "f", new Object[] {new double[] {1, 2, 3}});
    }

    @Test
    void arraycopyOverlappingWithinOneArray() {
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w, int from, int to) {
                    double[] c = new double[w.length];
                    for (int i = 0; i < w.length; i++) {
                        c[i] = w[i] * (i + 1);
                    }
                    System.arraycopy(c, from, c, to, 3);
                    double s = 0;
                    for (int i = 0; i < c.length; i++) {
                        s += Math.sin(c[i]) * (i + 2);
                    }
                    return s;
                }
                """, "f", new Object[] {new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, 0, 2},
                new Object[] {new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, 2, 0},
                new Object[] {new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, 1, 2});
    }

    @Test
    void fillCopyOfCopyOfRangeAndClone() {
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w) {
                    double[] c = new double[w.length + 2];
                    Arrays.fill(c, w[0]);
                    java.util.Arrays.fill(c, 1, 3, w[1] * w[2]);
                    double[] d = Arrays.copyOf(w, w.length + 1);
                    double[] e = Arrays.copyOfRange(w, 1, 3);
                    double[] g = w.clone();
                    w[0] = 7 * w[1];
                    double s = 0;
                    for (int i = 0; i < c.length; i++) {
                        s += c[i] * (i + 1);
                    }
                    for (int i = 0; i < d.length; i++) {
                        s += d[i] * d[i];
                    }
                    s += e[0] * e[1] + g[0] * w[0];
                    return s;
                }
                """, "f", new Object[] {new double[] {1, 2, 3}});
    }

    @Test
    void sortIsRejectedWithItsReason() {
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w) {
                    double[] c = new double[w.length];
                    for (int i = 0; i < w.length; i++) {
                        c[i] = w[i];
                    }
                    Arrays.sort(c);
                    return c[0] + 2 * c[1];
                }
                """, "Arrays.sort");
    }

    @Test
    void plainHelperWritingALocalArrayIsInlined() {
        // issue 15: the helper's body replaces the call, so both strategies follow its writes
        differentiates("""
                static void scaleInto(double[] src, double[] dst, double k) {
                    for (int i = 0; i < src.length; i++) {
                        dst[i] = k * src[i];
                    }
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w) {
                    double[] c = new double[w.length];
                    scaleInto(w, c, 2.0);
                    return c[0] * c[1];
                }
                """, "f", new Object[] {new double[] {0.5, -1.5}});
    }

    @Test
    void aRecursiveHelperWritingAnArrayIsStillRejected() {
        // recursion is never inlined: the call stays, and neither strategy can follow its write
        rejected("""
                static void halve(double[] a, int i) {
                    if (i < a.length) {
                        a[i] *= 0.5;
                        halve(a, i + 1);
                    }
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w) {
                    double[] c = new double[w.length];
                    c[0] = w[0];
                    c[1] = w[1];
                    halve(c, 0);
                    return c[0] * c[1];
                }
                """, "halve");
    }

    // ---- 2. arrow-form switch -------------------------------------------------------------------

    @Test
    void arrowSwitchDoesNotFallThrough() {
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double activate(double x, int kind) {
                    double r;
                    switch (kind) {
                        case 0 -> r = Math.tanh(x);
                        case 1 -> r = Math.max(0.0, x);
                        default -> r = x;
                    }
                    return r;
                }
                """, "activate", new Object[] {0.5, 0}, new Object[] {0.5, 1}, new Object[] {0.5, 7});
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int kind) {
                    double r = 1;
                    switch (kind) {
                        case 0, 1 -> {
                            r = x * x;
                            r = r * x;
                        }
                        case 2 -> r = Math.exp(x);
                        default -> {
                        }
                    }
                    return r * x;
                }
                """, "f", new Object[] {0.5, 0}, new Object[] {0.5, 1}, new Object[] {0.5, 2}, new Object[] {0.5, 3});
    }

    @Test
    void charLabelsCompareByTheirCodes() {
        // 'a' in a case of an int selector is the int 97: static, as the README's switch row says
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double op(double x, int c) {
                    switch (c) {
                        case 'a' -> { return x * x; }
                        case '\\n', 'b' -> { return Math.exp(x); }
                        default -> { return x; }
                    }
                }
                """, "op", new Object[] {0.5, (int) 'a'}, new Object[] {0.5, (int) 'b'}, new Object[] {0.5, (int) '\n'},
                new Object[] {0.5, (int) 'z'});
    }

    @Test
    void switchExpressions() {
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int kind) {
                    double r = switch (kind) {
                        case 0 -> Math.tanh(x);
                        case 1, 2 -> x * x;
                        default -> {
                            double t = Math.sin(x);
                            yield t * t;
                        }
                    };
                    r = switch (kind) {
                        case 0 -> r + 1.0;
                        default -> r + x;
                    };
                    return switch (kind) {
                        case 1 -> r * x;
                        default -> r;
                    };
                }
                """, "f", new Object[] {0.5, 0}, new Object[] {0.5, 1}, new Object[] {0.5, 2}, new Object[] {0.5, 3});
    }

    @Test
    @SuppressWarnings("fallthrough")
    void switchesWithBreaksInsideCases() {
        differentiates("""
                @SuppressWarnings("fallthrough")
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, double[] w, int kind) {
                    double r = x;
                    for (int i = 0; i < w.length; i++) {
                        switch ((kind + i) % 4) {
                            case 0:
                            case 1:
                                r = r * w[i];
                                if (r > 1) {
                                    break;
                                }
                                r = r + x;
                            case 2:
                                if (w[i] < 0) {
                                    continue;
                                }
                                r = Math.sin(r + w[i]);
                                break;
                            default:
                                r = 2 * r;
                        }
                        switch (i) {
                            case 1 -> {
                                if (r < 0) break;
                                r = r * x;
                            }
                            default -> r = r + 0.5 * w[i];
                        }
                    }
                    return r;
                }
                """, "f", new Object[] {0.5, new double[] {0.75, -0.5, 1.5, 2.5}, 0},
                new Object[] {0.5, new double[] {0.75, -0.5, 1.5, 2.5}, 1},
                new Object[] {1.5, new double[] {0.75, 0.5, -1.5, 2.5}, 2},
                new Object[] {-0.5, new double[] {0.75, 0.5, -1.5, 2.5}, 3});
    }

    @Test
    void switchExpressionInsideALargerExpressionRunsFirst() {
        // nothing before it has an effect: run first, into a local (rejected before SwitchHoisting)
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int kind) {
                    return x + switch (kind) {
                        case 0 -> 1.0;
                        default -> x;
                    };
                }
                """, "f", new Object[] {0.7, 0}, new Object[] {0.7, 1});
        // Math in Math.tanh(...) and in the argument of wrap(...) is a class, not a variable the switch hands on
        // (the fuzzer's seed 77125 found it read as one: the switch was left in place)
        differentiates("""
                static int wrap(int i) {
                    return ((i % 4) + 4) % 4;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int kind, double[] u) {
                    return x + Math.tanh(switch (kind) {
                        case 0 -> 1.0;
                        default -> x * u[wrap((int) Math.floor(4 * Math.max(x, 0.5)))];
                    });
                }
                """, "f", new Object[] {0.7, 0, new double[] {0.3, -0.5, 1.1, 0.8}},
                new Object[] {0.7, 1, new double[] {0.3, -0.5, 1.1, 0.8}});
    }

    @Test
    void classicSwitchWithFallThrough() {
        differentiates("""
                @SuppressWarnings("fallthrough")
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int kind) {
                    double r = x;
                    switch (kind) {
                        case 0:
                            r = r * x;
                        case 1:
                            r = r + Math.sin(x);
                            break;
                        default:
                            r = 2 * r;
                    }
                    return r;
                }
                """, "f", new Object[] {0.5, 0}, new Object[] {0.5, 1}, new Object[] {0.5, 2});
    }

    // ---- 3. side effects inside expressions -----------------------------------------------------

    @Test
    void updatesInsideExpressionsAreLoweredInJavasOrder() {
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double temp, int i) {
                    return (++i) * temp;
                }
                """, "f", new Object[] {1.5, 2});
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    if ((x += x) != 0) {
                        return x * x;
                    }
                    return x;
                }
                """, "f", new Object[] {1.5});
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double i, double j) {
                    double res = 0;
                    int c = 0;
                    while ((res = i * j) > 0.1 && c < 3) {
                        c++;
                        i = i / 2;
                    }
                    for (int k = 3; k-- > 0; ) {
                        res = res * j;
                    }
                    return res;
                }
                """, "f", new Object[] {1.5, 0.7});
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a, double x) {
                    double[] stack = new double[4];
                    int top = 0;
                    stack[top++] = x * x;
                    stack[top++] = Math.sin(a[top]);
                    double b = stack[--top] * stack[--top];
                    int k = 0;
                    a[k++] = b * x;
                    double[] t = new double[3];
                    t[1] = x;
                    double y = ++t[1] * (t[2] += x * x) + t[0]--;
                    int n = 3;
                    do {
                        y = y * 0.5 + x;
                    } while (--n > 0);
                    return a[0] + a[k] * top + y + t[0];
                }
                """, "f", new Object[] {new double[] {0.5, 0.25, 2}, 1.5});
    }

    @Test
    void updatesThatCannotBeOrderedAreRejected() {
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int i) {
                    return x * (i + i++);
                }
                """, "inside an expression");
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int c) {
                    double r = 0;
                    double y = x + (c == 0 && (r = x * x) > 1 ? r : 2);
                    return r + y;
                }
                """, "inside an expression");
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a, double x) {
                    return a[0] + (a[1] = x * x);
                }
                """, "inside an expression");
    }

    @Test
    void updatesUnderShortCircuitsHappenOnlyWhereJavaEvaluatesThem() {
        // Clad's fn_cond_add_assign: each += runs only when the operands before it were true
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double i, double j, int c) {
                    double res = 0;
                    if (c == 0 && (res = 2 * i * j) != 0 && (res += 3 * i * j) > 2 || (res += 5 * i * j) > 100) {
                        res += 6 * i * j;
                    }
                    boolean big = res > 4 || (res *= i) > 1;
                    double t = big ? (res *= 2) : (res -= j);
                    int k = 0;
                    while (k < 1 || (res *= 0.5) > 1 && k++ < 20) {
                        k++;
                    }
                    for (int n = 0; n < 2 && (t += res) > 0; n++) {
                        t *= 0.5;
                    }
                    return c > 1 ? (res += t) * i : res * t;
                }
                """, "f", new Object[] {1.5, 2.5, 0}, new Object[] {-0.5, 2.0, 0}, new Object[] {0.3, 0.2, 1},
                new Object[] {1.5, 2.5, 2}, new Object[] {0.1, -0.3, 0});
    }

    // ---- 4. compound assignment narrowing to int ------------------------------------------------

    @Test
    void compoundAssignmentToAnIntNarrows() {
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double i, double j) {
                    int b = 0;
                    for (int k = 0; k < 3; k++) {
                        b += i * i + j;
                    }
                    double g = 1;
                    g *= i * 1.5;
                    g += j;
                    return b * i + g;
                }
                """, "f", new Object[] {1.3, 0.7}, new Object[] {2.1, -0.4});
    }

    // ---- 5. names the adjoint must resolve ------------------------------------------------------

    @Test
    void nestedClassCallWithASideEffectInItsArgument() {
        differentiates("""
                static class A {
                    static int constantFn(double v) {
                        return 3;
                    }
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, double y) {
                    A.constantFn(y += x);
                    return x * y;
                }
                """, "f", List.of("AUTO", "TAPE"), new Object[] {1.5, 0.5});
    }

    @Test
    void nestedClassCallsResolve() {
        differentiates("""
                static class A {
                    static int constantFn(double v) {
                        return v > 1 ? 3 : 2;
                    }
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, double y) {
                    int k = A.constantFn(y);
                    double s = 0;
                    switch (k) {
                        case 3 -> s = x * y;
                        default -> s = x + y;
                    }
                    return s + A.constantFn(x) * x;
                }
                """, "f", new Object[] {0.5, 2.0}, new Object[] {2.0, 0.5});
    }

    // ---- error messages that name the real cause -------------------------------------------------

    @Test
    void whenBothStrategiesRejectTheStaticReasonComesFirst() {
        // (the tape passes only scalars to a custom derivative: it rejects the call on another line)
        Translation t = Pipeline.translate(Map.of(Path.of("Repro.java"), source("""
                static double norm(double[] v) {
                    return Math.sqrt(v[0] * v[0] + v[1] * v[1]);
                }

                @dev.adjoint.CustomDerivative(of = "norm")
                static double normPullback(double[] v, double seed, double[] dv) {
                    double n = norm(v);
                    dv[0] += seed * v[0] / n;
                    dv[1] += seed * v[1] / n;
                    return n;
                }

                @Differentiable
                static double f(double[] a, double x, int k) {
                    double c = k > 0 ? f(a, x, 0) : 0;
                    double r = x * norm(a);
                    return r * a[1] + k;
                }
                """, "AUTO")), Optional.empty(), Options.DEFAULT);
        List<Diagnostic> ds = t.diagnostics();
        assertTrue(ds.size() >= 2, ds.toString());
        assertEquals(23, ds.get(0).line(), ds.toString());
        assertTrue(ds.get(0).message().startsWith("recursive call to 'f' is not supported by the static strategy"), ds.toString());
        assertTrue(ds.stream().skip(1).allMatch(d -> d.message().startsWith("the tape strategy, which AUTO tried because of the error"
                + " at Repro.java:[23,28], cannot take this either")), ds.toString());
    }

    @Test
    void aRejectedAnnotatedCalleeIsReportedAsSuch() {
        List<Diagnostic> ds = rejected("""
                @Differentiable
                static double g(int n) {
                    return n;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    return x * g(3);
                }
                """, "marked @Differentiable but cannot be differentiated itself");
        assertTrue(ds.stream().noneMatch(d -> d.message().contains("neither @Differentiable")), ds.toString());
    }

    @Test
    void aRejectedPlainHelperIsReportedAtItsDeclarationAndAsSuchAtTheCall() {
        // the helper's own error first; at the call, why Adjoint looked at an unannotated method, not that its
        // "derivative is unknown" (which said Adjoint differentiates such helpers: it tried, and said why not)
        List<Diagnostic> ds = rejected("""
                static double weighted(double x, java.util.List<Double> ws) {
                    return x * ws.size();
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    return x * weighted(x, java.util.List.of(1.0, 2.0));
                }
                """, "which Adjoint differentiates without an annotation because a @Differentiable method calls it, but which"
                + " cannot be differentiated itself");
        assertTrue(ds.stream().anyMatch(d -> d.message().startsWith("parameter 'ws' has type java.util.List<Double>") && d.line() == 9), ds.toString());
        assertTrue(ds.stream().noneMatch(d -> d.message().contains("neither @Differentiable")), ds.toString());
    }

    @Test
    void allProblemsOfAMethodAtOnce() {
        List<Diagnostic> ds = rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int i) {
                    double y = x * (i + i++);
                    Runnable r = () -> { };
                    return y;
                }
                """, "inside an expression", List.of("STATIC", "AUTO"));
        assertEquals(2, ds.size(), ds.toString());
        assertEquals(12, ds.get(1).line(), ds.toString());
    }

    @Test
    void aDifferentiableCalleeWritingAnArrayInsideAConditionIsRejected() {
        rejected("""
                @Differentiable
                static double scale(double[] a) {
                    a[0] = a[0] * a[1];
                    return a[0];
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a) {
                    if (scale(a) > 0) {
                        return a[0] * a[1];
                    }
                    return a[1] + (scale(a) > 1 ? a[0] : 0);
                }
                """, "may write into the array 'a' it is given, where its value has no derivative");
    }

    @Test
    void namesTheAdjointCannotSeeAreRejectedNotCopied() {
        for (String strategy : List.of("AUTO", "TAPE")) {
            String source = "package trust;\n\nimport static java.lang.Double.MAX_VALUE;\nimport dev.adjoint.Differentiable;\n"
                    + "import dev.adjoint.Strategy;\n\npublic class Repro {\n" + """
                    @Differentiable(strategy = Strategy.$S)
                    static double f(double x) {
                        if (x < MAX_VALUE) {
                            return x * x;
                        }
                        return x;
                    }
                    """.replace("$S", strategy).indent(4) + "}\n";
            Translation t = Pipeline.translate(Map.of(Path.of("Repro.java"), source), Optional.empty(), Options.DEFAULT);
            assertTrue(t.hasErrors(), strategy + ": " + t.generated());
            assertTrue(t.diagnostics().stream().allMatch(d -> d.line() == 10 && d.message().contains("'MAX_VALUE' is not a parameter")),
                    strategy + ": " + t.diagnostics());
        }
        differentiates("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    double m = Double.MAX_VALUE;
                    if (x < m && x > -Double.MAX_VALUE && Integer.MAX_VALUE > 3) {
                        return x * x * java.lang.Math.PI;
                    }
                    return x;
                }
                """, "f", new Object[] {1.5});
    }

    @Test
    void oneArrayForTwoWrittenParametersIsRefusedNotMisdifferentiated() {
        String body = """
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a, double[] b) {
                    a[0] = b[0] * b[1];
                    return a[0] * b[0] + a[1];
                }
                """;
        for (String strategy : List.of("STATIC", "TAPE")) {
            Differentiated d = Differentiated.of("trust.Repro", source(body, strategy), Options.DEFAULT);
            double[] same = {1.5, 2.0};
            AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> d.invokeVjp("f", new Object[] {same, same}, 1.0, new Object[] {new double[2], new double[2]}));
            assertTrue(e.getCause() instanceof IllegalArgumentException && e.getCause().getMessage().contains("'a' and 'b' are the same array"),
                    strategy + ": " + e.getCause());
        }
        differentiates(body, "f", new Object[] {new double[] {1.5, 2.0}, new double[] {0.5, -1.0}});
    }

    @Test
    void updatesOfVariablesDeclaredTwiceWithOtherTypes() {
        // (found by the fuzzer: one name in two blocks with two types; the declaration in scope gives the type)
        differentiates("""
                @Differentiable(wrt = "x", strategy = Strategy.$S)
                static double f(double x, double[] a) {
                    double s = 0;
                    {
                        int t = 0;
                        a[t++] = x * x;
                        s += a[0] * t;
                    }
                    {
                        double t = x;
                        s += (t += 1) * 2;
                    }
                    return s;
                }
                """, "f", new Object[] {1.5, new double[] {0.5, 2}});
    }

    @Test
    void aDifferentiableCalleeWritingAnArrayInsideAMathCallIsDifferentiated() {
        // (the fuzzer, seed 424242 program 31: Math.tanh(h(w)) was taken for a value without derivative)
        differentiates("""
                @Differentiable
                static double scale(double[] a) {
                    a[0] = a[0] * a[1];
                    return a[0];
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a) {
                    double s = Math.exp(Math.tanh(scale(a)));
                    return s * a[0] + a[1];
                }
                """, "f", List.of("AUTO", "TAPE"), new Object[] {new double[] {0.5, 2}});
    }

    // ---- 6. a plain void helper writing a differentiated array ----------------------------------

    @Test
    void plainVoidHelperWritingAParameterArrayIsInlined() {
        differentiates("""
                static void twice(double[] a, int i) {
                    a[i] *= 2;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a) {
                    twice(a, 0);
                    return a[0] * a[1];
                }
                """, "f", new Object[] {new double[] {0.5, -1.5}});
    }

    @Test
    void plainIntHelperWritingAnArrayIsInlined() {
        differentiates("""
                static int normalize(double[] a) {
                    a[0] = 1;
                    return a.length;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a) {
                    int n = normalize(a);
                    return a[0] * a[1] * n;
                }
                """, "f", new Object[] {new double[] {0.5, -1.5, 2.0}});
    }

    @Test
    void plainIntHelperReadingAnArrayIsAccepted() {
        differentiates("""
                static int positives(double[] a) {
                    int n = 0;
                    for (double v : a) {
                        if (v > 0) {
                            n++;
                        }
                    }
                    return n;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] a) {
                    return a[0] * a[1] * positives(a);
                }
                """, "f", new Object[] {new double[] {1.5, -2, 3}});
    }

    @Test
    void unknownLibraryCallsAreRejected() {
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    double y = Double.sum(x, x);
                    return y * x;
                }
                """, "Double.sum");
        rejected("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w) {
                    java.util.List<Double> l = new java.util.ArrayList<>();
                    l.add(w[0]);
                    return w[0] * l.size();
                }
                """, "l.add");
    }

    @Test
    void passiveCallStatementsStillRun() {
        differentiates("""
                static int counter;

                static void note(int k, double v) {
                    counter += k;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x) {
                    note(1, x);
                    return x * x;
                }
                """, "f", List.of("AUTO", "TAPE"), new Object[] {1.5});
    }

    /**
     * Found by {@code scripts/fuzz.sh 2000 60606} (program 1303): {@code --u0[wrap(f(u0[k]))]} inside an
     * expression was lowered to the update and a read of the element after it, the read computing its
     * index again; the index reads {@code u0[k]}, which the update had just changed, so the read took
     * another element (the adjoint's value was off by 0.75). Java computes the index once.
     */
    @Test
    void anElementUpdateWhoseIndexReadsTheArrayLeavesTheElementItUpdated() {
        differentiates("""
                static int wrap(int i) {
                    return (i % 4 + 4) % 4;
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int n) {
                    int k = n - 1;
                    double[] u0 = new double[4];
                    u0[2] = x;
                    double b = x * x;
                    b = b + 0.25 * --u0[wrap((int) (4 * Math.cosh(Math.tanh(u0[k]))))] * 3L + u0[2];
                    u0[wrap((int) (4 * Math.cosh(u0[0])))] += x;
                    return b * u0[0] + u0[1];
                }
                """, "f", new Object[] {1.2076, 1}, new Object[] {0.3, 3});
    }
}
