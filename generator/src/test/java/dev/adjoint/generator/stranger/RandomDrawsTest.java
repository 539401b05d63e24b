package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.ObjectStylesHarness.check;
import static dev.adjoint.generator.stranger.ObjectStylesHarness.gradientOf;
import static dev.adjoint.generator.stranger.StrangerHarness.build;
import static dev.adjoint.generator.stranger.StrangerHarness.errors;
import static dev.adjoint.generator.stranger.StrangerHarness.onTape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.generator.Diagnostic;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo written the way a Java programmer writes it: a {@code java.util.Random} created in the
 * method from a seed, its draws ({@code nextGaussian()}, {@code nextInt(n)}, ...) values without
 * derivative (pathwise sensitivities). Each method is built with AUTO (required static) and on the
 * tape, checked against central differences and static against tape; the value each adjoint
 * returns must be the method's own to the last bit, which holds only if every draw is made exactly
 * once, in the method's order (a draw made again in a reverse sweep, or by a partial that repeats its
 * operand, shifts every later number). Before, the local was an error ("local 'rng' of type Random").
 */
class RandomDrawsTest {

    static final String PRICER = """
            package stranger;

            import dev.adjoint.Differentiable;
            import java.util.Random;

            public class Pricer {
                static double softPlus(double x) {
                    return x > 30 ? x : Math.log1p(Math.exp(x));
                }

                /** A smoothed call by Monte Carlo: the draws shared by every path's terms. */
                @Differentiable
                public static double call(double s0, double sigma, double r, double strike, int paths, long seed) {
                    Random rng = new Random(seed);
                    double sum = 0;
                    for (int p = 0; p < paths; p++) {
                        double z = rng.nextGaussian();
                        double st = s0 * Math.exp(r - 0.5 * sigma * sigma + sigma * z);
                        sum += softPlus(st - strike);
                    }
                    return Math.exp(-r) * sum / paths;
                }

                /**
                 * One generator per path, seeded from the path's index (each path reproducible alone): declared as
                 * the loop body's first statement, a draw as an index and one in a product.
                 */
                @Differentiable
                public static double perPath(double s0, double sigma, int paths, long seed) {
                    double sum = 0;
                    for (int p = 0; p < paths; p++) {
                        Random rng = new Random(seed + 31L * p);
                        double s = s0;
                        int steps = 2 + rng.nextInt(3);
                        for (int i = 0; i < steps; i++) {
                            s *= Math.exp(sigma * rng.nextGaussian() - 0.5 * sigma * sigma);
                        }
                        sum += softPlus(s - 100) * (1 + 0.1 * rng.nextDouble() * s0);
                    }
                    return sum / paths;
                }

                /** One path of a geometric Brownian motion, drawing from the generator it is given. */
                static double terminal(Random rng, double s0, double sigma, int steps) {
                    double s = s0;
                    double dt = 1.0 / steps;
                    for (int i = 0; i < steps; i++) {
                        s *= Math.exp(-0.5 * sigma * sigma * dt + sigma * Math.sqrt(dt) * rng.nextGaussian());
                    }
                    return s;
                }

                /** An Asian-style average over paths made by a helper that takes the generator. */
                @Differentiable
                public static double average(double s0, double sigma, long seed) {
                    Random rng = new Random(seed);
                    double sum = 0;
                    for (int p = 0; p < 50; p++) {
                        sum += softPlus(terminal(rng, s0, sigma, 8) - 100);
                    }
                    return sum / 50;
                }

                /**
                 * Draws of every kind: an int as an index and as a counted loop's start, a boolean as a
                 * condition, a draw inside a product (a partial reads it too), one nothing uses, a float.
                 */
                @Differentiable(wrt = "w")
                public static double mixed(double[] w, long seed) {
                    Random rng = new Random(seed ^ 0x5DEECE66DL);
                    double s = 0;
                    double unused = rng.nextDouble();
                    for (int k = rng.nextInt(2); k < w.length; k++) {
                        int j = rng.nextInt(w.length);
                        if (rng.nextBoolean()) {
                            s += w[j] * w[k] * rng.nextGaussian();
                        } else {
                            s += Math.sin(w[k] + rng.nextFloat()) * (1 + rng.nextDouble());
                        }
                    }
                    int n = 2 + rng.nextInt(3);
                    for (int t = 0; t < n; t++) {
                        double u = rng.nextDouble() - 0.5;
                        s += u * w[t % w.length] * s * 0.1;
                    }
                    return s;
                }
            }
            """;

    /**
     * {@link #PRICER} with every generator declared with {@code var}, one of them created by the class's
     * full name: the same methods, which must be accepted alike (before, each draw was "call to
     * 'rng.nextGaussian' is not supported").
     */
    static final String VAR_PRICER = PRICER.replace("Random rng = new Random(", "var rng = new Random(")
            .replace("var rng = new Random(seed ^", "var rng = new java.util.Random(seed ^");

    private static final Map<String, String> SOURCES = Map.of("Pricer", PRICER);

    private static final Map<String, String> VAR_SOURCES = Map.of("Pricer", VAR_PRICER);

    @Test
    void aMonteCarloPriceHasItsPathwiseGradientStatic() throws Exception {
        Function<StrangerHarness.Built, Object[]> args = b -> new Object[] {100.0, 0.25, 0.03, 105.0, 200, 42L};
        check(SOURCES, "Pricer", "call", args);
        sameValue(PRICER, "call", args);
    }

    @Test
    void aHelperGivenTheGeneratorIsInlinedAndDrawsFromIt() throws Exception {
        Function<StrangerHarness.Built, Object[]> args = b -> new Object[] {101.0, 0.3, 9L};
        check(SOURCES, "Pricer", "average", args);
        sameValue(PRICER, "average", args);
    }

    @Test
    void everyKindOfDrawIsMadeOnceInTheMethodsOrder() throws Exception {
        for (long seed : new long[] {1, 7, 2024}) {
            Function<StrangerHarness.Built, Object[]> args =
                    b -> new Object[] {new double[] {0.3, -0.8, 1.1, 0.45, -0.2}, seed};
            check(SOURCES, "Pricer", "mixed", args);
            sameValue(PRICER, "mixed", args);
        }
    }

    @Test
    void aVarGeneratorIsTheTypedOne() throws Exception {
        assertEquals(4, VAR_PRICER.split("var rng = new ", -1).length - 1, "each generator declared with var");
        assertTrue(VAR_PRICER.contains("new java.util.Random(seed ^"), "one written in full");
        Function<StrangerHarness.Built, Object[]> call = b -> new Object[] {100.0, 0.25, 0.03, 105.0, 200, 42L};
        check(VAR_SOURCES, "Pricer", "call", call);
        sameValue(VAR_PRICER, "call", call);
        Function<StrangerHarness.Built, Object[]> average = b -> new Object[] {101.0, 0.3, 9L};
        check(VAR_SOURCES, "Pricer", "average", average);
        sameValue(VAR_PRICER, "average", average);
        for (long seed : new long[] {1, 7, 2024}) {
            Function<StrangerHarness.Built, Object[]> mixed =
                    b -> new Object[] {new double[] {0.3, -0.8, 1.1, 0.45, -0.2}, seed};
            check(VAR_SOURCES, "Pricer", "mixed", mixed);
            sameValue(VAR_PRICER, "mixed", mixed);
        }
    }

    @Test
    void aGeneratorPerPathStartingTheLoopBodyDrawsOnce() throws Exception {
        for (Map<String, String> sources : List.of(SOURCES, VAR_SOURCES)) {
            Function<StrangerHarness.Built, Object[]> args = b -> new Object[] {98.0, 0.35, 40, 5L};
            check(sources, "Pricer", "perPath", args);
            sameValue(sources.get("Pricer"), "perPath", args);
        }
        StrangerHarness.Built b = build(SOURCES);
        Object[] args = {98.0, 0.35, 40, 5L};
        double[] gradient = gradientOf(b, "Pricer", "perPath", args);
        Method jvp = b.type("PricerAdjoint")
                .getMethod(
                        "perPathJvp",
                        double.class,
                        double.class,
                        int.class,
                        long.class,
                        double.class,
                        double.class,
                        DoubleGrad.class);
        DoubleGrad out = new DoubleGrad();
        jvp.invoke(null, 98.0, 0.35, 40, 5L, 0.6, -1.3, out);
        double expected = gradient[0] * 0.6 + gradient[1] * -1.3;
        assertEquals(expected, out.get(), 1e-12 * Math.max(1, Math.abs(expected)), "Jvp against the gradient");
    }

    @Test
    void aGeneratorLaterInTheLoopBodyOrInABranchStaysAnError() {
        for (String body : List.of(
                "double t = x; Random rng = new Random(seed + p); s += t * rng.nextGaussian();",
                "if (p > 0) { Random rng = new Random(seed + p); s += x * rng.nextGaussian(); }")) {
            List<Diagnostic> errors = errors(Map.of("Late", """
                    package stranger;

                    import dev.adjoint.Differentiable;
                    import java.util.Random;

                    public class Late {
                        @Differentiable
                        public static double f(double x, long seed) {
                            double s = 0;
                            for (int p = 0; p < 3; p++) {
                                %s
                            }
                            return s;
                        }
                    }
                    """.formatted(body)));
            assertEquals(1, errors.size(), errors.toString());
            assertEquals(11, errors.get(0).line(), errors.toString());
            assertTrue(
                    errors.get(0).message().startsWith("local 'rng' of type Random is declared inside a block or loop"),
                    errors.toString());
        }
    }

    @Test
    void theForwardModeDrawsTheSameNumbers() throws Exception {
        forwardAgainstGradient(SOURCES);
    }

    @Test
    void theForwardModeOfAVarGeneratorDrawsTheSameNumbers() throws Exception {
        forwardAgainstGradient(VAR_SOURCES);
    }

    /** {@code mixedJvp} along a direction against the gradient's dot product with it, and the method's value. */
    private static void forwardAgainstGradient(Map<String, String> sources) throws Exception {
        StrangerHarness.Built b = build(sources);
        Object[] args = {new double[] {0.3, -0.8, 1.1, 0.45, -0.2}, 7L};
        double[] gradient = gradientOf(b, "Pricer", "mixed", args);
        double[] u = {0.7, -0.1, 0.4, 0.9, -0.6};
        Method jvp = b.type("PricerAdjoint")
                .getMethod("mixedJvp", double[].class, long.class, double[].class, DoubleGrad.class);
        DoubleGrad out = new DoubleGrad();
        double value = (double) jvp.invoke(null, args[0], 7L, u, out);
        double expected = 0;
        for (int i = 0; i < u.length; i++) {
            expected += gradient[i] * u[i];
        }
        assertEquals(expected, out.get(), 1e-12 * Math.max(1, Math.abs(expected)), "Jvp against the gradient");
        assertEquals(
                b.type("Pricer").getMethod("mixed", double[].class, long.class).invoke(null, args[0], 7L),
                value,
                "Jvp's value");
    }

    @Test
    void theHessianVectorProductDrawsTheSameNumbers() throws Exception {
        StrangerHarness.Built b = build(SOURCES);
        double[] w = {0.3, -0.8, 1.1, 0.45, -0.2};
        double[] u = {0.7, -0.1, 0.4, 0.9, -0.6};
        Method hvp = b.type("PricerAdjoint")
                .getMethod("mixedHvp", double[].class, long.class, double[].class, double[].class, double[].class);
        double[] hv = new double[w.length];
        hvp.invoke(null, w, 2024L, u, new double[w.length], hv);
        // central differences of the gradient along u
        double h = 1e-5;
        double[] up = w.clone();
        double[] down = w.clone();
        for (int i = 0; i < w.length; i++) {
            up[i] += h * u[i];
            down[i] -= h * u[i];
        }
        double[] gUp = gradientOf(b, "Pricer", "mixed", new Object[] {up, 2024L});
        double[] gDown = gradientOf(b, "Pricer", "mixed", new Object[] {down, 2024L});
        for (int i = 0; i < w.length; i++) {
            double numeric = (gUp[i] - gDown[i]) / (2 * h);
            assertEquals(numeric, hv[i], 1e-6 * Math.max(1, Math.abs(numeric)), "H·u [" + i + "]");
        }
    }

    @Test
    void aRandomWithoutASeedIsOneErrorSayingToSeedIt() {
        List<Diagnostic> errors = errors(Map.of("Noisy", """
                package stranger;

                import dev.adjoint.Differentiable;
                import java.util.Random;

                public class Noisy {
                    @Differentiable
                    public static double f(double x) {
                        Random rng = new Random();
                        return x * rng.nextGaussian();
                    }
                }
                """));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(9, errors.get(0).line(), errors.toString());
        assertTrue(errors.get(0).message().contains("from a seed (new Random(seed))"), errors.toString());
    }

    @Test
    void aVarRandomWithoutASeedIsTheSameError() {
        List<Diagnostic> errors = errors(Map.of("Noisy", """
                package stranger;

                import dev.adjoint.Differentiable;
                import java.util.Random;

                public class Noisy {
                    @Differentiable
                    public static double f(double x) {
                        var rng = new Random();
                        return x * rng.nextGaussian();
                    }
                }
                """));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(9, errors.get(0).line(), errors.toString());
        assertEquals(19, errors.get(0).column(), errors.toString());
        assertTrue(
                errors.get(0).message().startsWith("local 'rng' of type Random is given 'new Random()'"),
                errors.toString());
        assertTrue(errors.get(0).message().contains("from a seed (new Random(seed))"), errors.toString());
    }

    @Test
    void aRandomParameterIsOneErrorSayingToCreateItInTheMethod() {
        List<Diagnostic> errors = errors(Map.of("Given", """
                package stranger;

                import dev.adjoint.Differentiable;
                import java.util.Random;

                public class Given {
                    @Differentiable
                    public static double f(double x, Random rng) {
                        return x * rng.nextGaussian();
                    }
                }
                """));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("create it in the method from a seed"), errors.toString());
    }

    /** Each strategy's adjoint returns the method's own value, bit for bit. */
    private static void sameValue(String pricer, String method, Function<StrangerHarness.Built, Object[]> args)
            throws Exception {
        for (boolean tape : new boolean[] {false, true}) {
            StrangerHarness.Built b = build(Map.of("Pricer", tape ? onTape(pricer) : pricer));
            Method primal = null;
            Method grad = null;
            for (Method m : b.type("Pricer").getMethods()) {
                primal = m.getName().equals(method) ? m : primal;
            }
            for (Method m : b.type("PricerAdjoint").getMethods()) {
                grad = m.getName().equals(method + "Grad") ? m : grad;
            }
            Object[] a = args.apply(b);
            Object[] withSinks = new Object[grad.getParameterCount()];
            System.arraycopy(a, 0, withSinks, 0, a.length);
            for (int i = a.length; i < withSinks.length; i++) {
                Class<?> t = grad.getParameterTypes()[i];
                withSinks[i] = t == DoubleGrad.class ? new DoubleGrad() : new double[((double[]) a[0]).length];
            }
            assertEquals(primal.invoke(null, a), grad.invoke(null, withSinks), method + (tape ? " on the tape" : ""));
        }
    }
}
