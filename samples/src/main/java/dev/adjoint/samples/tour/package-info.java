/**
 * The autograd notebook replayed on {@link dev.adjoint.autograd.Tensor}, cell by cell, printing
 * what each cell prints, so the two can be read side by side.
 */
package dev.adjoint.samples.tour;
