/**
 * One job: an upper bound on the bytecode javac will make of each generated method, taken before
 * javac sees it, so that a method whose adjoint would exceed the JVM's 64 KiB per method is an
 * error at the user's method (with how to split it) instead of 'code too large' in generated code.
 * {@link dev.adjoint.generator.size.MethodSize} is the entry point; the bound is taken on the code
 * model's nodes ({@link dev.adjoint.generator.size.CodeBound}, with
 * {@link dev.adjoint.generator.size.ExprBound} and {@link dev.adjoint.generator.size.CodeSlots}),
 * text the model does not take apart counted by its tokens, never parsed
 * ({@link dev.adjoint.generator.size.RawText}): the Vjp, the Jvp and the tape recorder alike, no
 * generated text parsed back. The bound is never below what javac produces ({@code CodeBoundTest}, {@code MethodSizeTest}).
 */
package dev.adjoint.generator.size;
