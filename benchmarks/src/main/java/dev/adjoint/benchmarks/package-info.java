/**
 * JMH benchmarks of generated gradients against the anchors the AD field uses: the objective itself,
 * a hand-written gradient, forward mode (Hipparchus) and finite differences, on ADBench's GMM, the
 * extended Rosenbrock function and a small MLP. Run them with {@code benchmarks/run.sh}; see
 * {@code benchmarks/README.md}.
 */
package dev.adjoint.benchmarks;
