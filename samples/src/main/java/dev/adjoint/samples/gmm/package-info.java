/**
 * The ADBench Gaussian-mixture-model objective, the benchmark that AD tools are measured against:
 * its input reader ({@link dev.adjoint.samples.gmm.GmmInput}), the objective written as a plain
 * loop-style Java method for the generator to differentiate ({@link dev.adjoint.samples.gmm.Gmm}),
 * and a hand-written closed-form gradient ({@link dev.adjoint.samples.gmm.GmmGradient}) that serves
 * as the correctness oracle and the speed anchor for generated gradients.
 *
 * <p>Conventions follow ADBench exactly (Šrajer, Kukelova, Fitzgibbon, <i>Optimization Methods &amp;
 * Software</i> 2018): flat arrays, component-major means, {@code icf} per component holding the
 * {@code D} logs of {@code Q}'s diagonal and then its strictly lower part column by column, and the
 * gradient layout {@code [d alphas (K) | d means (K·D) | d icf (K·D(D+1)/2)]}.
 */
package dev.adjoint.samples.gmm;
