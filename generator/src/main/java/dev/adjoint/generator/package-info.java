/**
 * The generator's public entry point: {@link dev.adjoint.generator.AdjointGenerator} turns a
 * {@link dev.adjoint.generator.GenerationRequest} into adjoint sources on disk, or into
 * {@link dev.adjoint.generator.Diagnostic}s. Everything else in the generator lives in one
 * sub-package per pass and is not API.
 */
package dev.adjoint.generator;
