package dev.adjoint.benchmarks.report;

import java.util.List;
import java.util.Map;

/**
 * One benchmark's result, as {@link ResultsReader} takes it from JMH's JSON.
 *
 * @param name {@code Class.method}, for instance {@code GmmBench.staticGradient}
 * @param size the value of whichever size parameter the class has ({@code size}, {@code smallSize},
 *     {@code fdSize}, {@code n}), or null
 * @param score the primary metric
 * @param error its 99.9% confidence half-width (NaN with one iteration)
 * @param unit the primary metric's unit, {@code us/op}
 * @param bytesPerOp {@code gc.alloc.rate.norm} of {@code -prof gc}, or NaN without it
 * @param jvmArgs the fork's JVM arguments
 * @param raw the whole JSON object, for the run's settings (JMH version, warm-up, ...)
 */
record Result(
        String name,
        String size,
        double score,
        double error,
        String unit,
        double bytesPerOp,
        List<String> jvmArgs,
        Map<String, Object> raw) {}
