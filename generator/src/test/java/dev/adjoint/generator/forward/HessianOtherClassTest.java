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
 * reading a constant of its class reads it, not the caller's of the same name. Oracle: closed forms.
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
        assertTrue(d.adjointMethodNames("cubePlusSin").contains("cubePlusSinHvp"), d.translation().diagnostics().toString());
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
        List<String> notes = d.translation().diagnostics().stream().filter(x -> x.severity() == Diagnostic.Severity.NOTE)
                .map(Diagnostic::message).toList();
        assertTrue(notes.stream().anyMatch(n -> n.contains("'ownSquare' gets no ownSquareHvp") && n.contains("tangent helper")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("'both' gets no bothHvp") && n.contains("two methods named 'sq'")), notes.toString());
        assertFalse(notes.stream().anyMatch(n -> n.contains("withConstant")), notes.toString());
    }

    @Test
    void aCalleeOfAnotherClassReadsItsOwnClasssConstant() {
        Differentiated d = Differentiated.of("hvo.Model", MODEL, Map.of("hvo.Lib", LIB), Options.DEFAULT);
        assertTrue(d.adjointMethodNames("withConstant").contains("withConstantHvp"), d.translation().diagnostics().toString());
        double x = 0.9;
        double v = 0.6;
        // Lib.K·x³ + Model.K·x with Lib.K = 0.5 (not Model's 3.0, the same name): f'' = 3x
        assertEquals(3 * x * v, hv(d, "withConstant", x, v), 1e-12);
    }
}
