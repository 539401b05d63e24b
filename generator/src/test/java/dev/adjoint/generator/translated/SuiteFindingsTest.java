package dev.adjoint.generator.translated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minimal reproducers of what the DifferentiationInterface.jl and CasADi translations
 * ({@link DiffInterfaceCasadiSuiteTest}) found, each failing before its fix. The oracles are central differences of
 * the method and the other strategy.
 */
class SuiteFindingsTest {

    private static final List<String> STRATEGIES = List.of("AUTO", "STATIC", "TAPE");

    /**
     * CasADi's {@code x} (the identity, {@code ad.py:541}) in Java is {@code return x.clone();}: a copy was
     * differentiated only as a local's initializer, so returning it was rejected ("'x.clone(...)' is differentiated
     * only as a statement of its own"). {@code return w.clone();}, {@code return Arrays.copyOf(w, n);} and
     * {@code return Arrays.copyOfRange(w, f, t);} now return a fresh local holding the copy, static, called by a
     * scalar method and written in place before the copy.
     */
    @Test
    void aCopyIsReturnedAsTheArrayResult() {
        String source = """
                package found;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;
                import java.util.Arrays;

                public class Copies {
                    @Differentiable(strategy = Strategy.$S)
                    static double[] same(double[] x) {
                        return x.clone();
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double[] padded(double[] x) {
                        double[] w = new double[x.length];
                        for (int i = 0; i < x.length; i++) w[i] = Math.sin(x[i]) * x[0];
                        return Arrays.copyOf(w, x.length + 2);
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double[] middle(double[] x) {
                        for (int i = 0; i < x.length; i++) x[i] = x[i] * x[i];
                        return Arrays.copyOfRange(x, 1, 3);
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double loss(double[] x) {
                        double[] a = same(x);
                        double[] b = padded(x);
                        double[] c = middle(a);
                        return a[0] * b[1] + c[0] * c[1] + b[b.length - 1];
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double lastRow(double[][] m) {
                        for (int i = 0; i < m.length; i++) m[i][0] = m[i][0] * m[i][1];
                        double[] r = rowCopy(m);
                        return r[0] * r[1];
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double[] rowCopy(double[][] m) {
                        return m[m.length - 1].clone();
                    }
                }
                """;
        FindingsChecks.staticAndTapeAgree(
                "found.Copies",
                source,
                List.of("loss", "lastRow"),
                new Object[] {new double[] {0.3, -0.7, 1.1, 0.5}},
                new Object[] {new double[][] {{1, 2}, {3, 4}, {0.5, -1.5}}});
    }

    /**
     * CasADi's {@code yy = y[:, :]; yy[:, 0] = x**2} ({@code ad.py:583}) copies a matrix row by row into a ragged
     * local, {@code yy[i] = y[i].clone()}, as the README's ragged-locals row allows, but in a loop bounded by a literal
     * ({@code i < 2}) rather than by {@code y.length}: the scan of the rows' lengths before the array read
     * {@code y[i].length} only at indices a loop keeps below {@code y.length}, so both strategies rejected the array.
     * The scan now reads a row's length only where the index is inside the table (0 elsewhere): the method reads
     * the row itself where it creates it, and throws there as Java does.
     */
    @Test
    void rowsCopiedInALoopWithAnyBoundMakeARaggedLocal() {
        String source = """
                package found;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;
                import java.util.Arrays;

                public class Rows {
                    @Differentiable(wrt = "x", strategy = Strategy.$S)
                    static double columnSet(double[] x, double[][] y) {
                        double[][] yy = new double[2][];
                        for (int i = 0; i < 2; i++) yy[i] = y[i].clone();
                        for (int i = 0; i < 2; i++) yy[i][0] = x[i] * x[i];
                        return yy[0][0] + yy[1][0] * yy[1][yy[1].length - 1];
                    }

                    @Differentiable(wrt = "x", strategy = Strategy.$S)
                    static double firstRows(double[] x, double[][] y, int m) {
                        double[][] yy = new double[y.length][];
                        for (int i = 0; i < m; i++) yy[i] = Arrays.copyOfRange(y[i], 1, y[i].length);
                        double s = 0;
                        for (int i = 0; i < m; i++) s += x[i] * yy[i][yy[i].length - 1] * x[0];
                        return s;
                    }
                }
                """;
        double[] x = {1.1, 1.3, 0.4};
        double[][] y = {{0.7, 1.5}, {2.1, 0.9, 0.3}, {0.2, 0.4, 0.6, 0.8}};
        FindingsChecks.staticAndTapeAgree(
                "found.Rows", source, List.of("columnSet", "firstRows"), new Object[] {x, y}, new Object[] {x, y, 2});
        // one row short: the adjoint throws where the method throws, with Java's exception
        double[][] shortY = {{0.7, 1.5}};
        for (String strategy : STRATEGIES) {
            Differentiated d = Differentiated.of("found.Rows", source.replace("$S", strategy), Options.DEFAULT);
            Object[] args = {x, shortY, 2};
            AssertionError method = assertThrows(
                    AssertionError.class, () -> d.invokeOriginal("firstRows", Differentiated.copyArguments(args)));
            AssertionError adjoint = assertThrows(
                    AssertionError.class,
                    () -> d.invokeVjp(
                            "firstRows", Differentiated.copyArguments(args), 1.0, d.newBuffers("firstRows", args)));
            assertTrue(method.getCause() instanceof ArrayIndexOutOfBoundsException, strategy + " " + method);
            assertEquals(method.getCause().getClass(), adjoint.getCause().getClass(), strategy);
            assertEquals(method.getCause().getMessage(), adjoint.getCause().getMessage(), strategy);
        }
    }

    /**
     * Enzyme.jl's {@code x * count(i -> i > 1, [0.5, x, 1.5])} ({@code test/basic.jl:432}) in Java loops over an array
     * created in the loop's header, {@code for (double v : new double[] {0.5, x, 1.5})}: both strategies rejected it
     * ("array creation is not supported"), though an array initialiser is supported as a local's. The array is now
     * created into a fresh local before the loop, as Java creates it once: under an {@code if} without braces, of
     * {@code float}s, and under a label a {@code continue} names.
     */
    @Test
    void aForEachRunsOverAnArrayCreatedInItsHeader() {
        String source = """
                package found;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Headers {
                    @Differentiable(strategy = Strategy.$S)
                    static double countAbove(double x) {
                        int n = 0;
                        for (double v : new double[] {0.5, x, 1.5}) if (v > 1) n++;
                        return x * n;
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double squares(double x, double y) {
                        double s = 0;
                        if (x > 0)
                            for (double i : new double[] {1.0, x, x * y}) s += Math.pow(i, 2);
                        for (float q : new float[] {1f, 2f}) s += q * x;
                        return s;
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double labelled(double x) {
                        double s = 0;
                        outer:
                        for (double v : new double[] {x, 2 * x}) {
                            for (int k = 0; k < 3; k++) {
                                if (k * v > 2) continue outer;
                                s += v * k;
                            }
                        }
                        return s;
                    }
                }
                """;
        FindingsChecks.staticAndTapeAgree(
                "found.Headers",
                source,
                List.of("countAbove", "squares", "squares", "labelled", "labelled"),
                new Object[] {2.0},
                new Object[] {0.7, 1.3},
                new Object[] {-0.7, 1.3},
                new Object[] {0.4},
                new Object[] {1.7});
    }

    /**
     * DifferentiationInterface's matrix results and in-place {@code f!(y, x)} written as {@code @Differentiable}
     * methods returning {@code double[][]}, {@code void} or a 3-D array are rejected at their name, each error saying
     * what to return instead; the 3-D one said only that the result must be {@code double}, {@code float} or their 1-D
     * arrays.
     */
    @Test
    void aResultThatIsNotDifferentiatedSaysWhatToReturn() {
        String source = """
                package found;

                import dev.adjoint.Differentiable;

                public class Results {
                    @Differentiable
                    static double[][][] cube(double[] x) {
                        double[][][] t = new double[1][1][1];
                        t[0][0][0] = x[0];
                        return t;
                    }

                    @Differentiable
                    static double[][] matrix(double[] x) {
                        return new double[][] {{x[0]}};
                    }

                    @Differentiable(wrt = "x")
                    static void into(double[] y, double[] x) {
                        y[0] = Math.sin(x[0]);
                    }
                }
                """;
        List<dev.adjoint.generator.Diagnostic> errors =
                Differentiated.translate("found.Results", source, java.util.Map.of(), Options.DEFAULT)
                        .diagnostics()
                        .stream()
                        .filter(dev.adjoint.generator.Diagnostic::isError)
                        .toList();
        assertEquals(3, errors.size(), errors.toString());
        for (dev.adjoint.generator.Diagnostic e : errors) {
            assertTrue(e.line() >= 7 && e.column() >= 1, e.toString());
            assertTrue(e.message().contains("return "), e.toString());
            assertTrue(e.message().contains("[]"), e.toString());
        }
        assertTrue(
                errors.stream()
                        .anyMatch(e -> e.message().contains("returns double[][][]")
                                && e.message().contains("flattened into a double[]")),
                errors.toString());
    }
}
