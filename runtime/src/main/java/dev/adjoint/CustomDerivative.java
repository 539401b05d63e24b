package dev.adjoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method as the pullback of another static method of the same class, {@link #of()}:
 * a library call the generator cannot see into, or a numerically better formula. Both strategies
 * call it wherever a {@code @Differentiable} method calls {@code of}.
 *
 * <p>For {@code double f(double x, double[] w, int n)} the pullback must be
 * {@code static double anyName(double x, double[] w, int n, double seed, DoubleGrad dx, double[] dw)}:
 * the parameters of {@code f}, the seed, then one buffer per {@code float}/{@code double}
 * parameter (like a generated {@code fVjp}); it returns {@code f}'s value and <em>adds</em>
 * {@code seed} times the gradient into the buffers. The build checks the signature and prints the
 * expected one when it does not match.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CustomDerivative {
    /** The name of the method (in the same class) whose pullback this is. */
    String of();
}
