/**
 * The report of a benchmark run: {@link dev.adjoint.benchmarks.report.GmmReport} reads JMH's JSON
 * (with a small JSON reader of its own, the module has no JSON library) and writes
 * {@code benchmarks/results/gmm.md} and the plot {@code docs/gmm-ratios.svg}.
 */
package dev.adjoint.benchmarks.report;
