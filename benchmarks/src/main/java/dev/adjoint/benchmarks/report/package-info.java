/**
 * The report of a benchmark run: {@link dev.adjoint.benchmarks.report.GmmReport} (the command line)
 * has {@link dev.adjoint.benchmarks.report.ResultsReader} read JMH's JSON (with a small JSON reader of
 * its own, {@link dev.adjoint.benchmarks.report.Json}: the module has no JSON library) and
 * {@code AllocationProbe}'s TSV into {@link dev.adjoint.benchmarks.report.Results}, then
 * {@link dev.adjoint.benchmarks.report.MarkdownReport} writes {@code benchmarks/results/gmm.md} and
 * {@link dev.adjoint.benchmarks.report.RatioPlot} the plot {@code docs/gmm-ratios.svg}. The
 * before/after comparison of two generators ({@code GeneratorsBench}) has its own command line,
 * {@link dev.adjoint.benchmarks.report.GeneratorsReport}, which reads the same JSON and the generated
 * methods' sizes from their class files ({@link dev.adjoint.benchmarks.report.MethodSizes}).
 */
package dev.adjoint.benchmarks.report;
