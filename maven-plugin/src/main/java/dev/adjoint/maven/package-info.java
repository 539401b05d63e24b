/**
 * The Maven face of the generator: Mojos that copy their parameters into a
 * {@link dev.adjoint.generator.GenerationRequest}, add the generated-sources root to the build,
 * and report the generator's diagnostics the way javac does ({@code File.java:[line,col] message},
 * then one build failure). Translation logic lives in the generator, never here.
 */
package dev.adjoint.maven;
