/**
 * Records as a model's parameters and state: a damped spring, {@code record Params(double k,
 * double c)}, stepped with a new {@code record State(double x, double v)} per step and a force law
 * that takes both records; its stiffness and damping are fitted to observed positions by gradient
 * descent with the generated {@code SpringFit_ParamsGrad}.
 */
package dev.adjoint.samples.spring;
