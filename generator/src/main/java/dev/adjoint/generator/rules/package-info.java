/**
 * The derivative-rule table: one rule per line for every operator and {@code java.lang.Math}
 * function the generator differentiates, written as Java expression templates and checked when
 * the table is built. Both the static emitter and the tests read the rules from here only.
 */
package dev.adjoint.generator.rules;
