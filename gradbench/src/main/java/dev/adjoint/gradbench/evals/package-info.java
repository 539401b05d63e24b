/**
 * One adapter per GradBench eval: reads the eval's input into the arrays the primal takes, names
 * which generated method computes each function, and shapes the output as the eval expects. No
 * derivative is computed here: each comes from a method the build generated from
 * {@code dev.adjoint.gradbench.model}.
 */
package dev.adjoint.gradbench.evals;
