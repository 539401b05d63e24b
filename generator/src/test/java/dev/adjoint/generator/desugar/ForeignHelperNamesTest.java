package dev.adjoint.generator.desugar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plain helpers of a class of another package, inlined into the caller although their bodies name
 * what the caller's file cannot see: their class's constants (by simple name, qualified, a private
 * literal one), a constant and a method of a third class (imported statically, and by the class's
 * name, which the caller does not import), in double and float. Each caller is static, its
 * gradient checked against central differences and against the same method on the tape (to 1e-12;
 * 1e-5 in float); a helper whose body names a field its class assigns still is a build error.
 */
class ForeignHelperNamesTest {
    private static final String CONSTS = """
            package fh.lib;

            public class Consts {
                public static final double GAIN = 1.5;
                public static final float GAIN_F = 1.5f;
                public static final double BIAS = -0.2;

                public static double shift(double x) {
                    return x + BIAS * x * x;
                }
            }
            """;

    private static final String LIB = """
            package fh.lib;

            import static fh.lib.Consts.BIAS;
            import static fh.lib.Consts.shift;

            public class Lib {
                public static final double DECAY = 0.9;
                public static final float DECAY_F = 0.9f;
                private static final double OFFSET = 0.25;
                public static final double[] WEIGHTS = {0.5, -1.0, 2.0};
                public static int calls;

                public static void decayAll(double[] v) {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = v[i] * DECAY + OFFSET * Lib.DECAY + WEIGHTS[i % WEIGHTS.length] * v[i] * v[i];
                    }
                }

                public static void shiftAll(double[] v) {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = shift(v[i]) * Consts.GAIN + BIAS;
                    }
                }

                public static void decayAllF(float[] v) {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = v[i] * DECAY_F * Consts.GAIN_F + v[i] * v[i];
                    }
                }

                public static void counted(double[] v) {
                    v[0] *= calls;
                }
            }
            """;

    private static final String MODEL = """
            package fh;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Strategy;
            import fh.lib.Lib;

            public class Model {
                static final double DECAY = 0.5;

                @Differentiable
                static double f(double[] w, double a) {
                    double[] v = new double[w.length];
                    for (int i = 0; i < w.length; i++) {
                        v[i] = w[i] * a;
                    }
                    Lib.decayAll(v);
                    Lib.shiftAll(w);
                    return v[0] * w[1] + v[v.length - 1] * DECAY + w[0];
                }

                @Differentiable(strategy = Strategy.TAPE)
                static double fTape(double[] w, double a) {
                    double[] v = new double[w.length];
                    for (int i = 0; i < w.length; i++) {
                        v[i] = w[i] * a;
                    }
                    Lib.decayAll(v);
                    Lib.shiftAll(w);
                    return v[0] * w[1] + v[v.length - 1] * DECAY + w[0];
                }

                @Differentiable
                static float g(float[] w) {
                    float[] v = w.clone();
                    Lib.decayAllF(v);
                    return v[0] * v[1] + w[2];
                }

                @Differentiable(strategy = Strategy.TAPE)
                static float gTape(float[] w) {
                    float[] v = w.clone();
                    Lib.decayAllF(v);
                    return v[0] * v[1] + w[2];
                }
            }
            """;

    private static final Map<String, String> OTHERS = Map.of("fh.lib.Lib", LIB, "fh.lib.Consts", CONSTS);

    @Test
    void helpersNamingTheirClassAndAThirdOneAreInlinedAndStatic() {
        Differentiated d = Differentiated.of("fh.Model", MODEL, OTHERS, Options.DEFAULT);
        assertTrue(
                d.translation().methods().contains("fh.Model#f: static"),
                d.translation().methods().toString());
        assertTrue(
                d.translation().methods().contains("fh.Model#g: static"),
                d.translation().methods().toString());
        for (double[] w : new double[][] {{0.3, -0.7, 1.1}, {-1.2, 0.4, 2.0, 0.6}}) {
            d.assertGradient("f", d, "f", 1e-6, 1e-9, w.clone(), 0.5);
            Differentiated.GradCall stat = d.vjp("f", 1.0, w.clone(), 0.5);
            Differentiated.GradCall tape = d.vjp("fTape", 1.0, w.clone(), 0.5);
            assertEquals(tape.value(), stat.value(), 1e-12);
            assertArrayEquals(tape.gradient(), stat.gradient(), 1e-12);
        }
        for (float[] w : new float[][] {{0.3f, -0.7f, 1.1f}, {-1.2f, 0.4f, 2.0f, 0.6f}}) {
            d.assertGradient("g", d, "g", 1e-2, 1e-3, w.clone());
            Differentiated.GradCall stat = d.vjp("g", 1.0, w.clone());
            Differentiated.GradCall tape = d.vjp("gTape", 1.0, w.clone());
            assertEquals(tape.value(), stat.value(), 1e-5);
            assertArrayEquals(tape.gradient(), stat.gradient(), 1e-5);
        }
    }

    @Test
    void aHelperNamingAFieldItsClassAssignsIsStillAnErrorAtTheCall() {
        String model = """
                package fh;

                import dev.adjoint.Differentiable;
                import fh.lib.Lib;

                public class Model {
                    @Differentiable
                    static double h(double[] w) {
                        double[] v = w.clone();
                        Lib.counted(v);
                        return v[0];
                    }
                }
                """;
        String lib = LIB.replace(
                "public static int calls;", "public static int calls;\n    static void count() { calls++; }");
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(
                AssertionError.class,
                () -> Differentiated.of(
                        "fh.Model", model, Map.of("fh.lib.Lib", lib, "fh.lib.Consts", CONSTS), Options.DEFAULT));
        assertTrue(
                e.getMessage().contains("Model.java:[10,9]") && e.getMessage().contains("'counted'"), e.getMessage());
    }
}
