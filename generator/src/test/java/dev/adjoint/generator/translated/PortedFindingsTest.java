package dev.adjoint.generator.translated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minimal reproducers of what the ported suite ({@link PortedSuiteTest}) found, each failing before its fix.
 * The oracles are central differences of the method and the other strategy.
 */
class PortedFindingsTest {

    /**
     * CppAD's det_of_minor keeps the rows and columns of the minor as linked lists in {@code int[] r, c} and
     * recurses: the tape's recorded call passed handles for the {@code int[]} arguments ({@code r, r_h}), which
     * an integer array does not have, so the adjoint did not compile.
     */
    @Test
    void aRecursiveHelperTakingAnIntArrayIsRecordedWithTheArrayAlone() {
        String source = """
                package ported;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Walk {
                    static double walk(double[] a, int[] order, int n) {
                        if (n == 0) {
                            return 0;
                        }
                        int k = order[n - 1];
                        order[n - 1] = -1; // visited
                        return a[k] * a[k] + 0.5 * a[k] * walk(a, order, n - 1);
                    }

                    @Differentiable(wrt = "a", strategy = Strategy.$S)
                    static double f(double[] a, int[] order) {
                        int[] copy = order.clone();
                        return walk(a, copy, copy.length) + copy[0];
                    }
                }
                """;
        Object[] at = {new double[] {0.5, -1.25, 2.0}, new int[] {2, 0, 1}};
        for (String strategy : List.of("AUTO", "TAPE")) {
            Differentiated d = Differentiated.of("ported.Walk", source.replace("$S", strategy), Options.DEFAULT);
            assertTrue(
                    d.translation().methods().stream().anyMatch(m -> m.startsWith("ported.Walk#f: tape")),
                    d.translation().methods().toString());
            d.assertGradient("f", d, "f", 1e-6, 1e-9, at);
            assertEquals(
                    d.value("f", at),
                    d.vjp("f", 1.0, Differentiated.copyArguments(at)).value(),
                    0.0);
        }
    }

    /**
     * Enzyme's remat.c gathers {@code delv} through {@code int** idx}, an index table per region; a Java programmer
     * passes it as {@code int[][]}, which was rejected as a parameter type. It is now a passive parameter: read, its
     * rows named and iterated, its elements written, in both strategies.
     */
    @Test
    void anIntTableParameterIsReadRowByRowAndWritten() {
        String source = """
                package ported;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Table {
                    @Differentiable(wrt = "x", strategy = Strategy.$S)
                    static double csr(double[] x, int[][] rows, double[] vals) {
                        double s = 0;
                        for (int i = 0; i < rows.length; i++) {
                            double row = 0;
                            for (int k = 0; k < rows[i].length; k++) {
                                row += vals[rows[i][k]] * x[rows[i][k]];
                            }
                            s += Math.sin(row);
                        }
                        int[] first = rows[0];
                        return s + x[first[0]];
                    }

                    @Differentiable(wrt = "x", strategy = Strategy.$S)
                    static double eachRow(double[] x, int[][] rows) {
                        double s = 0;
                        for (int[] row : rows) {
                            for (int k : row) {
                                s += x[k] * x[k] * x[0];
                            }
                        }
                        return s;
                    }

                    @Differentiable(wrt = "x", strategy = Strategy.$S)
                    static double writes(double[] x, int[][] rows) {
                        double s = 0;
                        for (int i = 0; i < rows.length; i++) {
                            rows[i][0] = (rows[i][0] + 1) % x.length;
                            s += x[rows[i][0]] * x[i % x.length];
                        }
                        return s;
                    }
                }
                """;
        double[] x = {0.5, -1.25, 2.0, 0.75};
        int[][] rows = {{0, 2}, {3}, {1, 2, 3}};
        double[] vals = {1.5, -0.5, 0.25, 2.0};
        Object[][] points = {{x, rows, vals}, {x, rows}, {x, rows}};
        List<String> methods = List.of("csr", "eachRow", "writes");
        Differentiated tape = Differentiated.of("ported.Table", source.replace("$S", "TAPE"), Options.DEFAULT);
        for (String strategy : List.of("AUTO", "STATIC", "TAPE")) {
            Differentiated d = Differentiated.of("ported.Table", source.replace("$S", strategy), Options.DEFAULT);
            for (int m = 0; m < methods.size(); m++) {
                String name = methods.get(m);
                if (!strategy.equals("TAPE")) {
                    assertTrue(
                            d.translation().methods().contains("ported.Table#" + name + ": static"),
                            d.translation().methods().toString());
                }
                d.assertGradient(name, d, name, 1e-6, 1e-9, points[m]);
                Object[] forMethod = Differentiated.copyArguments(points[m]);
                Object[] forAdjoint = Differentiated.copyArguments(points[m]);
                Object value = d.invokeOriginal(name, forMethod);
                Object[] sinks = d.newBuffers(name, points[m]);
                assertEquals(value, d.invokeVjp(name, forAdjoint, 1.0, sinks), strategy + " " + name);
                double[] g = Differentiated.flatten(sinks);
                assertEquals(
                        java.util.Arrays.deepToString(forMethod),
                        java.util.Arrays.deepToString(forAdjoint),
                        strategy + " " + name);
                double[] h = tape.vjp(name, 1.0, Differentiated.copyArguments(points[m]))
                        .gradient();
                for (int i = 0; i < g.length; i++) {
                    assertEquals(
                            h[i],
                            g[i],
                            1e-12 * Math.max(1, Math.abs(h[i])),
                            strategy + " " + name + " against the tape");
                }
            }
        }
    }

    /**
     * DiffTests.jl's {@code arr2arr_1} returns zeros of the input's shape: {@code return new double[x.length];}. Only
     * {@code return new double[] {...}} was given a local of its own, so this was rejected ("return an array result by
     * the name of its variable"). Now static, alone and called by a scalar method, in both strategies.
     */
    @Test
    void aZeroArrayCreatedWhereItIsReturnedIsAnArrayResult() {
        String source = """
                package ported;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Zeros {
                    @Differentiable(strategy = Strategy.$S)
                    static double[] zerosLike(double[] x) {
                        double sumSquares = 0;
                        for (double v : x) {
                            sumSquares += v * v;
                        }
                        return new double[x.length];
                    }

                    @Differentiable(strategy = Strategy.$S)
                    static double loss(double[] x) {
                        double[] z = zerosLike(x);
                        return z[1] + x[0] * x[1];
                    }
                }
                """;
        Object[] at = {new double[] {0.5, -1.25, 2.0}};
        for (String strategy : List.of("AUTO", "TAPE")) {
            Differentiated d = Differentiated.of("ported.Zeros", source.replace("$S", strategy), Options.DEFAULT);
            if (strategy.equals("AUTO")) {
                assertTrue(
                        d.translation()
                                .methods()
                                .containsAll(List.of("ported.Zeros#zerosLike: static", "ported.Zeros#loss: static")),
                        d.translation().methods().toString());
            }
            d.assertGradient("loss", d, "loss", 1e-6, 1e-9, at);
            Object[] sinks = d.newBuffers("zerosLike", at);
            Object value = d.invokeVjp("zerosLike", Differentiated.copyArguments(at), new double[] {1, 2, 3}, sinks);
            assertEquals("[0.0, 0.0, 0.0]", java.util.Arrays.toString((double[]) value), strategy);
            assertEquals("[0.0, 0.0, 0.0]", java.util.Arrays.toString(Differentiated.flatten(sinks)), strategy);
        }
    }

    /**
     * A determinant as it is often written, rows cloned into a ragged local and swapped by reference: both strategies
     * reject the replaced rows (the shared fence, with how to write it). AUTO used to add the tape's words about the
     * ragged local and the swap's temporary row, and STATIC the 'clone(...) on an expression' inside an assignment
     * already reported, because the static attempt's problem at the clone call, inside that assignment, counted as a
     * problem of its own. Now each strategy gives the three replaced rows alone; the clone, which a ragged local takes,
     * is refused because of the swap, and its error says so (it advised an arraycopy into a row that is null there).
     */
    @Test
    void rowsReplacedByReferenceAreTheOnlyErrors() {
        String source = """
                package ported;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Strategy;

                public class Det {
                    @Differentiable(strategy = Strategy.$S)
                    static double det(double[][] a) {
                        int n = a.length;
                        double[][] lu = new double[n][];
                        for (int i = 0; i < n; i++) {
                            lu[i] = a[i].clone();
                        }
                        double det = 1;
                        for (int k = 0; k < n; k++) {
                            int pivot = k;
                            for (int i = k + 1; i < n; i++) {
                                if (Math.abs(lu[i][k]) > Math.abs(lu[pivot][k])) {
                                    pivot = i;
                                }
                            }
                            if (pivot != k) {
                                double[] row = lu[k];
                                lu[k] = lu[pivot];
                                lu[pivot] = row;
                                det = -det;
                            }
                            det *= lu[k][k];
                            for (int i = k + 1; i < n; i++) {
                                double factor = lu[i][k] / lu[k][k];
                                for (int j = k; j < n; j++) {
                                    lu[i][j] -= factor * lu[k][j];
                                }
                            }
                        }
                        return det;
                    }
                }
                """;
        for (String strategy : List.of("AUTO", "STATIC")) {
            dev.adjoint.generator.Translation t = dev.adjoint.generator.pipeline.Pipeline.translate(
                    java.util.Map.of(java.nio.file.Path.of("Det.java"), source.replace("$S", strategy)),
                    java.util.Optional.empty(),
                    Options.DEFAULT);
            List<dev.adjoint.generator.Diagnostic> errors = t.diagnostics().stream()
                    .filter(dev.adjoint.generator.Diagnostic::isError)
                    .toList();
            assertEquals(
                    List.of("12:13 'lu[i] = a[i].clone()'", "24:17 'lu[k] = lu[pivot]'", "25:17 'lu[pivot] = row'"),
                    errors.stream()
                            .map(d -> d.line() + ":" + d.column() + " "
                                    + d.message().substring(0, d.message().indexOf("' ") + 1))
                            .toList(),
                    strategy + ": " + errors);
            assertTrue(
                    errors.get(0).message().contains("copies a row into the ragged array 'lu'")
                            && errors.get(0).message().contains("'lu[k] = lu[pivot]' at line 24 makes one"),
                    strategy + ": " + errors);
            assertTrue(
                    errors.stream().skip(1).allMatch(d -> d.message().contains("replaces the row")),
                    strategy + ": " + errors);
        }
    }
}
