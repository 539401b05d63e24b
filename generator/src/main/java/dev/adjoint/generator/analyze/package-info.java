/**
 * The analyze pass: activity (which variables depend on a differentiated input and influence the
 * result; only those get adjoints) and to-be-recorded (which values the reverse sweep reads, so
 * that only their overwrites are saved). Both can be switched off, and the tests run both ways.
 */
package dev.adjoint.generator.analyze;
