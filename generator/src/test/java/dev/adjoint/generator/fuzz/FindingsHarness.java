package dev.adjoint.generator.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;

/**
 * The harness of the fuzzer's findings: a class {@code bugs.Repro} around a body, compiled with its
 * adjoint, and the gradient of a method against central differences (its value against the original's).
 */
final class FindingsHarness {
    private FindingsHarness() {}

    private static final String HEADER =
            "package bugs;\n\nimport dev.adjoint.Adjoint;\nimport dev.adjoint.Differentiable;\n"
                    + "import dev.adjoint.Strategy;\n\npublic class Repro {\n";

    static String source(String body) {
        return HEADER + body.stripIndent().indent(4) + "}\n";
    }

    /**
     * Compiles {@code class bugs.Repro { body }} with {@code options} and checks, at each point,
     * that {@code method}'s gradient matches central differences (and its value the original's).
     */
    static Differentiated assertGradient(String source, Options options, String method, Object[]... points) {
        Differentiated d = Differentiated.of("bugs.Repro", source, options);
        for (Object[] p : points) {
            Differentiated.GradCall call = d.vjp(method, 1.0, p);
            assertEquals(d.value(method, p), call.value(), 0.0, method + ": value of the adjoint [" + options + "]");
            d.assertGradient(method, d, method, 1e-6, 1e-9, p);
        }
        return d;
    }

    static double[] gradient(String source, Options options, String method, Object... args) {
        return Differentiated.of("bugs.Repro", source, options)
                .vjp(method, 1.0, args)
                .gradient();
    }
}
