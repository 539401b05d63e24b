package dev.adjoint.generator.naming;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.adjoint.AdjointGenerated;
import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.select.ClassSpelling;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simple names the select pass believes the adjoint class imports ({@link ClassSpelling#IMPORTED},
 * which a source class of the same name must not be written as) are those the emitter imports.
 */
class NameClashesTest {
    @Test
    void everyTypeTheEmitterMayImportIsKnownToTheSpelling() {
        for (ClassName c : NameClashes.TYPES) {
            assertTrue(ClassSpelling.IMPORTED.contains(c.simpleName()), c.simpleName());
        }
        assertTrue(ClassSpelling.IMPORTED.contains(AdjointGenerated.class.getSimpleName()));
    }

    @Test
    void theImportsOfARealAdjointAreKnownToTheSpelling() {
        String src = """
                package p;

                import dev.adjoint.CustomDerivative;
                import dev.adjoint.Differentiable;
                import dev.adjoint.DoubleGrad;
                import dev.adjoint.FloatGrad;
                import dev.adjoint.Strategy;

                public class M {
                    static double sq(double x) {
                        return x * x;
                    }

                    @CustomDerivative(of = "sq")
                    static double sqPullback(double x, double seed, DoubleGrad dx) {
                        dx.add(seed * 2 * x);
                        return x * x;
                    }

                    @Differentiable
                    static float g(float y, double[][] a) {
                        return y * (float) a[0][0];
                    }

                    @Differentiable
                    static double f(double x, float y, double[] w, double[][] a) {
                        double[] t = new double[w.length];
                        double s = 0;
                        for (int i = 0; i < w.length; i++) {
                            t[i] = w[i] * x;
                            s = s * sq(t[i]) + g(y, a);
                        }
                        return s;
                    }

                    @Differentiable(strategy = Strategy.TAPE)
                    static double h(double x, float y, double[] w) {
                        double s = 0;
                        for (int i = 0; i < w.length; i++) {
                            s = s * sq(w[i] * x) + y;
                        }
                        return s;
                    }
                }
                """;
        Translation t = AdjointGenerator.translate(Map.of(Path.of("p/M.java"), src));
        assertFalse(t.hasErrors(), t.diagnostics().toString());
        String adjoint = t.generated().get("p.MAdjoint");
        long imports = adjoint.lines()
                .filter(l -> l.startsWith("import "))
                .peek(l -> {
                    String simple = l.substring(l.lastIndexOf('.') + 1, l.length() - 1);
                    assertTrue(ClassSpelling.IMPORTED.contains(simple), l + " in\n" + adjoint);
                })
                .count();
        assertTrue(imports >= 5, adjoint);
    }
}
