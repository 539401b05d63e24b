/**
 * Runs the passes in order (parse, select, fence, normalize, analyze, reverse, emit) over a set
 * of sources and gathers every diagnostic, so that a build reports all its errors at once.
 */
package dev.adjoint.generator.pipeline;
