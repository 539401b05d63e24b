/**
 * The parse pass: source text to JavaParser compilation units, at an explicitly set language
 * level; parse problems become positioned diagnostics, never exceptions.
 */
package dev.adjoint.generator.parse;
