/**
 * Pathwise Greeks of a Monte Carlo price: the pricer draws its normals from a seeded
 * {@code java.util.Random}, as one writes it, and the generated adjoint returns the price with its
 * sensitivities to every market input in one reverse sweep (the adjoint algorithmic
 * differentiation of Giles and Glasserman, "Smoking adjoints", 2006).
 */
package dev.adjoint.samples.pricing;
