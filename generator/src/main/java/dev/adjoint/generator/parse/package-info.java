/**
 * The parse pass: source text to JavaParser compilation units, at an explicitly set language
 * level; parse problems become positioned diagnostics, never exceptions. With it, the small facts
 * about the parsed trees that several later passes read alike (positions, updates, literals,
 * element stores, a call's choice of arguments).
 */
package dev.adjoint.generator.parse;
