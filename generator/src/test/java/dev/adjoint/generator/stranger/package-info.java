/**
 * Numeric Java written as a newcomer writes it from the README alone (issue 15): numerical methods,
 * models, simulations and everyday idioms. The static-method programs are corpus files
 * ({@code src/test/resources/corpus/Stranger*.java}, {@code FloatStranger.java}); the programs here
 * need objects (an LSTM cell holding its weights, a perceptron over {@code Layer[]}) or are rejected,
 * where the test pins the message and its position.
 */
package dev.adjoint.generator.stranger;
