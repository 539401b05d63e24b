/**
 * GradBench's protocol on standard input and output: one JSON message per line in, one answer per
 * line out; the timing of each evaluation (JIT warm-up apart); every failure turned into an answer.
 */
package dev.adjoint.gradbench;
