package dev.adjoint.generator.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code nameHvp} of methods calling methods of another class of the same package: the callee's
 * tangent helper is printed into the caller's adjoint class; a helper that would take the name and parameters of another method's (a method of
 * the same name in the caller's class) gives a note, never the other method's Hessian; a callee
 * reading a constant of its class reads it, not the caller's of the same name; rows {@code X[i]} passed
 * to such a callee (its tangent inlined into the caller's, reading the callee's constants).
 * Oracle: closed forms.
 */
class HessianOtherClassTest {
    private static final String LIB = """
            package hvo;

            import dev.adjoint.Differentiable;

            public class Lib {
                static final double K = 0.5;

                @Differentiable
                public static double sq(double x) {
                    return x * x * x;
                }

                @Differentiable
                public static double scaled(double x) {
                    return K * x * x;
                }

                static final double DECAY = 0.25;

                @Differentiable
                public static double rowSquares(double[] w, double a) {
                    double s = 0;
                    for (int j = 0; j < w.length; j++) {
                        s += DECAY * w[j] * w[j] * a;
                    }
                    return s;
                }

                @Differentiable
                public static double rowScaled(double[] w, double a) {
                    return K * w[0] * w[0] * a;
                }
            }
            """;

    private static final String MODEL = """
            package hvo;

            import dev.adjoint.Differentiable;

            public class Model {
                static final double K = 3.0;

                @Differentiable
                static double sq(double x) {
                    return x * x;
                }

                @Differentiable
                public static double cubePlusSin(double x) {
                    return Lib.sq(x) + Math.sin(x);
                }

                @Differentiable
                public static double ownSquare(double x) {
                    return sq(x) * x;
                }

                @Differentiable
                public static double both(double x) {
                    return sq(x) * Lib.sq(x);
                }

                @Differentiable
                public static double withConstant(double x) {
                    return Lib.scaled(x) * x + K * x;
                }

                @Differentiable
                public static double rowsThrough(double[][] X, double a) {
                    double s = 0;
                    for (int i = 0; i < X.length; i++) {
                        s += Lib.rowSquares(X[i], a) * a;
                    }
                    return s;
                }

                @Differentiable
                public static double rowsThroughClash(double[][] X, double a) {
                    double s = 0;
                    for (int i = 0; i < X.length; i++) {
                        s += Lib.rowScaled(X[i], a);
                    }
                    return s;
                }
            }
            """;

    private static double hv(Differentiated d, String name, double x, double v) {
        DoubleGrad g = new DoubleGrad();
        DoubleGrad hv = new DoubleGrad();
        double value = (double) d.invokeGenerated(name, name + "Hvp", x, v, g, hv);
        assertEquals(d.value(name, x), value, 0.0, name);
        assertEquals(d.grad(name, x).gradient()[0], g.get(), 1e-12, name + ": the gradient");
        return hv.get();
    }

    @Test
    void calleesOfAnotherClassHaveTheirSecondDerivatives() {
        Differentiated d = Differentiated.of("hvo.Model", MODEL, Map.of("hvo.Lib", LIB), Options.DEFAULT);
        assertTrue(
                d.adjointMethodNames("cubePlusSin").contains("cubePlusSinHvp"),
                d.translation().diagnostics().toString());
        double x = 0.7;
        double v = -1.3;
        // x³ + sin x: 6x − sin x
        assertEquals((6 * x - Math.sin(x)) * v, hv(d, "cubePlusSin", x, v), 1e-12);
    }

    @Test
    void helpersThatWouldShareANameGiveNotes() {
        Differentiated d = Differentiated.of("hvo.Model", MODEL, Map.of("hvo.Lib", LIB), Options.DEFAULT);
        List<String> names = d.adjointMethodNames("ownSquare");
        assertFalse(names.contains("ownSquareHvp") || names.contains("bothHvp"), names.toString());
        assertTrue(names.contains("cubePlusSinHvp"), names.toString());
        List<String> notes = d.translation().diagnostics().stream()
                .filter(x -> x.severity() == Diagnostic.Severity.NOTE)
                .map(Diagnostic::message)
                .toList();
        assertTrue(
                notes.stream()
                        .anyMatch(n -> n.contains("'ownSquare' gets no ownSquareHvp") && n.contains("tangent helper")),
                notes.toString());
        assertTrue(
                notes.stream()
                        .anyMatch(n -> n.contains("'both' gets no bothHvp") && n.contains("two methods named 'sq'")),
                notes.toString());
        assertFalse(notes.stream().anyMatch(n -> n.contains("withConstant")), notes.toString());
    }

    @Test
    void aCalleeOfAnotherClassReadsItsOwnClasssConstant() {
        Differentiated d = Differentiated.of("hvo.Model", MODEL, Map.of("hvo.Lib", LIB), Options.DEFAULT);
        assertTrue(
                d.adjointMethodNames("withConstant").contains("withConstantHvp"),
                d.translation().diagnostics().toString());
        double x = 0.9;
        double v = 0.6;
        // Lib.K·x³ + Model.K·x with Lib.K = 0.5 (not Model's 3.0, the same name): f'' = 3x
        assertEquals(3 * x * v, hv(d, "withConstant", x, v), 1e-12);
    }

    @Test
    void rowsPassedToAnotherClassHaveTheirSecondDerivatives() {
        Differentiated d = Differentiated.of("hvo.Model", MODEL, Map.of("hvo.Lib", LIB), Options.DEFAULT);
        assertTrue(
                d.adjointMethodNames("rowsThrough").contains("rowsThroughHvp"),
                d.translation().diagnostics().toString());
        double[][] x = {{0.3, -0.7, 1.1}, {-1.2, 0.4}};
        double[][] vx = {{0.5, 0.2, -0.9}, {0.8, -0.3}};
        double a = 0.6;
        double va = -1.1;
        double[][] dx = {new double[3], new double[2]};
        double[][] hvx = {new double[3], new double[2]};
        DoubleGrad da = new DoubleGrad();
        DoubleGrad hva = new DoubleGrad();
        d.invokeGenerated("rowsThrough", "rowsThroughHvp", x, a, vx, va, dx, da, hvx, hva);
        // f = c·a²·S with c = Lib.DECAY = 0.25, S = Σ X_ij²: ∂f/∂X_ij = 2c·a²·X_ij, ∂f/∂a = 2c·a·S, so
        // (H·v)_X_ij = 2c·a²·vX_ij + 4c·a·X_ij·va and (H·v)_a = 4c·a·Σ X_ij·vX_ij + 2c·S·va
        double c = 0.25;
        double sum = 0;
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                sum += x[i][j] * x[i][j];
                dot += x[i][j] * vx[i][j];
                assertEquals(2 * c * a * a * x[i][j], dx[i][j], 1e-12, "gradient X" + i + j);
                assertEquals(2 * c * a * a * vx[i][j] + 4 * c * a * x[i][j] * va, hvx[i][j], 1e-12, "H·v X" + i + j);
            }
        }
        assertEquals(2 * c * a * sum, da.get(), 1e-12, "gradient a");
        assertEquals(4 * c * a * dot + 2 * c * sum * va, hva.get(), 1e-12, "H·v a");
    }

    @Test
    void aRowsCalleeReadsItsOwnClasssConstantInlined() {
        Differentiated d = Differentiated.of("hvo.Model", MODEL, Map.of("hvo.Lib", LIB), Options.DEFAULT);
        assertTrue(
                d.adjointMethodNames("rowsThroughClash").contains("rowsThroughClashHvp"),
                d.translation().diagnostics().toString());
        double[][] x = {{0.3, -0.7}, {-1.2, 0.4}};
        double[][] vx = {{0.5, 0.2}, {0.8, -0.3}};
        double a = 0.6;
        double va = -1.1;
        double[][] dx = {new double[2], new double[2]};
        double[][] hvx = {new double[2], new double[2]};
        DoubleGrad da = new DoubleGrad();
        DoubleGrad hva = new DoubleGrad();
        d.invokeGenerated("rowsThroughClash", "rowsThroughClashHvp", x, a, vx, va, dx, da, hvx, hva);
        // f = k·a·Σ X_i0² with Lib.K = 0.5 (Model's K, 3.0, has the same name): (H·v)_X_i0 = 2k·(a·vX_i0 + X_i0·va),
        // (H·v)_a = 2k·Σ X_i0·vX_i0
        double k = 0.5;
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i][0] * vx[i][0];
            assertEquals(2 * k * (a * vx[i][0] + x[i][0] * va), hvx[i][0], 1e-12, "H·v X" + i);
            assertEquals(0.0, hvx[i][1], 0.0, "H·v X" + i + "1");
        }
        assertEquals(2 * k * dot, hva.get(), 1e-12, "H·v a");
    }
}
