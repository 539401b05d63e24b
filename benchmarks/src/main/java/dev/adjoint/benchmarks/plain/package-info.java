/**
 * The same computations written twice, as people write them (an input guard, plain helpers) and
 * without (the guard dropped, the helpers inlined by hand), so that a benchmark can show what the
 * ordinary form costs in the generated gradient (issue 15: within 1.05×).
 */
package dev.adjoint.benchmarks.plain;
