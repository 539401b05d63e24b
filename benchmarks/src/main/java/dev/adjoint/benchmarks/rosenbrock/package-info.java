/** The extended Rosenbrock function with n = 1,000,000: static and tape adjoints against a hand-written gradient. */
package dev.adjoint.benchmarks.rosenbrock;
