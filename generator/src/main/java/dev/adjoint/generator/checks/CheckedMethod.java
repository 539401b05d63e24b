package dev.adjoint.generator.checks;

import dev.adjoint.generator.select.MethodRequest;
import java.util.List;
import java.util.Optional;

/**
 * One method's generated check.
 *
 * @param request the method as the select pass sees it
 * @param points argument lists, as Java source ({@code new double[] {0.5, -1.0}, 2.0})
 * @param describe what the points are, for the test's comment
 * @param disabled why the method cannot be checked without given points, if it cannot
 */
public record CheckedMethod(MethodRequest request, List<String> points, String describe, Optional<String> disabled) {}
