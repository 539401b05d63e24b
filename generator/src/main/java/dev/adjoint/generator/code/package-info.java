/**
 * The model of the Java the generator writes into method bodies: a method body's tree of lines,
 * branches and loops ({@link dev.adjoint.generator.code.Code}), expressions with their operator
 * precedence ({@link dev.adjoint.generator.code.Expr}), statements
 * ({@link dev.adjoint.generator.code.Statement}), and the queries the optimisation passes ask of
 * them (which names a statement reads and assigns, which elements it touches: {@link
 * dev.adjoint.generator.code.Uses}). A pass rewrites these nodes; {@link
 * dev.adjoint.generator.code.Printer} turns them into Java text once, at the end, adding the
 * parentheses that precedence requires. Producers build the nodes; {@link
 * dev.adjoint.generator.code.JavaText} reads into nodes only text no producer wrote: the user's
 * expressions as the normalized form keeps them, the derivative table's templates, the tape
 * recorder's values. Every generated body, the tape recorder's included, is nodes until it is
 * printed.
 */
package dev.adjoint.generator.code;
