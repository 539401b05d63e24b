/**
 * The desugar pass, run once on each selected method before either strategy reads it: library
 * calls that move data ({@code System.arraycopy}, {@code Arrays.fill}, {@code Arrays.copyOf},
 * {@code copyOfRange}, {@code clone()}) become the loops they stand for, and arrow-form
 * {@code switch} statements and {@code switch} expressions in statement position become the
 * {@code if}/{@code else} chains they mean (no fall-through). Both strategies then differentiate
 * the same, ordinary Java; what this pass does not rewrite is left for the fences to judge.
 */
package dev.adjoint.generator.desugar;
