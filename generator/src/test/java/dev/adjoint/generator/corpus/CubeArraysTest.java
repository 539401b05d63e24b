package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What {@code double[][][]}/{@code float[][][]} parameters do not support is an error at its
 * position, the same for both strategies (the supported uses are in the corpus: Cubes, FloatCubes).
 */
class CubeArraysTest {
    private static List<Diagnostic> errors(String body, String strategy) {
        String src = "package p;\n\nimport dev.adjoint.Differentiable;\n\nclass M {\n"
                + body.replace("@Differentiable", "@Differentiable(strategy = dev.adjoint.Strategy." + strategy + ")")
                + "}\n";
        Translation t = Pipeline.translate(Map.of(Path.of("p/M.java"), src), Optional.empty(), Options.DEFAULT);
        return t.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    private static void assertFirstError(String body, int line, int column, String words) {
        for (String strategy : List.of("STATIC", "TAPE", "AUTO")) {
            List<Diagnostic> ds = errors(body, strategy);
            assertTrue(!ds.isEmpty(), strategy + ": no error");
            Diagnostic d = ds.get(0);
            assertEquals(List.of(line, column), List.of(d.line(), d.column()), strategy + ": " + ds);
            assertTrue(d.message().contains(words), strategy + ": " + ds);
        }
    }

    @Test
    void aThreeDimensionalLocalIsAnErrorAtItsDeclaration() {
        assertFirstError("""
                    @Differentiable
                    static double f(double[][][] W) {
                        double[][][] t = new double[2][2][2];
                        t[0][0][0] = W[0][0][0];
                        return t[0][0][0];
                    }
                """, 8, 22, "local 't' of type double[][][]");
    }

    @Test
    void aThreeDimensionalResultIsAnErrorAtItsType() {
        assertFirstError("""
                    @Differentiable
                    static double[][][] f(double[][][] W) {
                        return W;
                    }
                """, 7, 12, "returns double[][][]");
    }

    @Test
    void replacingALayerIsAnErrorAtTheAssignment() {
        assertFirstError("""
                    @Differentiable
                    static double f(double[][][] W) {
                        W[0] = new double[1][1];
                        return W[0][0][0];
                    }
                """, 8, 9, "'W[0]'");
    }

    @Test
    void aFourDimensionalParameterIsStillAnError() {
        assertFirstError(
                """
                    @Differentiable
                    static double f(double[][][][] W) {
                        return W[0][0][0][0];
                    }
                """,
                7,
                21,
                "supported parameter types are double, float, int, long, boolean, double[], float[], double[][], float[][],"
                        + " double[][][], float[][][]");
    }
}
