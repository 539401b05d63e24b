/**
 * Real users of Adjoint, built by the plugin in the same reactor: {@link dev.adjoint.samples.Demo}
 * runs them all.
 */
package dev.adjoint.samples;
