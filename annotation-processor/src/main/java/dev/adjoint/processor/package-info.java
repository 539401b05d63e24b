/**
 * Adjoint as an annotation processor ({@code dev.adjoint:adjoint-processor}): the generator behind
 * {@code javax.annotation.processing}, for builds that are not Maven's plugin road (Gradle's
 * {@code annotationProcessor}, {@code javac -processorpath}, Maven's {@code annotationProcessorPaths}).
 * It only reads the compilation's sources and hands them to the generator; all differentiation is
 * the generator's.
 */
package dev.adjoint.processor;
