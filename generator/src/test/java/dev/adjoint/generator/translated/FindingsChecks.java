package dev.adjoint.generator.translated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.List;

/** The check the findings tests of the translated suites share. */
final class FindingsChecks {
    private FindingsChecks() {}

    /**
     * Generates {@code source} with each strategy in place of {@code $S} and checks each of {@code methods} at its
     * point: generated without error, static under AUTO and STATIC, its gradient against central differences and
     * against the tape's (ρ ≤ 1e-12).
     */
    static void staticAndTapeAgree(String cls, String source, List<String> methods, Object[]... points) {
        Differentiated tape = Differentiated.of(cls, source.replace("$S", "TAPE"), Options.DEFAULT);
        for (String strategy : List.of("AUTO", "STATIC", "TAPE")) {
            Differentiated d = Differentiated.of(cls, source.replace("$S", strategy), Options.DEFAULT);
            assertFalse(
                    d.translation().hasErrors(), d.translation().diagnostics().toString());
            for (int m = 0; m < methods.size(); m++) {
                String name = methods.get(m);
                if (!strategy.equals("TAPE")) {
                    assertTrue(
                            d.translation().methods().contains(cls + "#" + name + ": static"),
                            d.translation().methods().toString());
                }
                d.assertGradient(name, d, name, 1e-6, 1e-9, points[m]);
                double[] g = d.vjp(name, 1.0, Differentiated.copyArguments(points[m]))
                        .gradient();
                double[] h = tape.vjp(name, 1.0, Differentiated.copyArguments(points[m]))
                        .gradient();
                for (int i = 0; i < g.length; i++) {
                    assertEquals(h[i], g[i], 1e-12 * Math.max(1, Math.abs(h[i])), strategy + " " + name + " vs tape");
                }
            }
        }
    }
}
