/** A small MLP loss (16 → 32 tanh → 4, batch 64, flat weights): static and tape adjoints against hand-written backpropagation. */
package dev.adjoint.benchmarks.mlp;
