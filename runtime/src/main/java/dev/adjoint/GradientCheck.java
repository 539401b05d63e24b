package dev.adjoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where the build's generated gradient tests check a {@code @Differentiable} method (plugin
 * option {@code adjoint.generateChecks=true}). Without it, a method is checked at 3 points drawn
 * with seed 1: every {@code float}/{@code double} in [-1, 1], arrays of length 3 (2-D: 3 × 3),
 * {@code int}/{@code long} parameters equal to 3, integer arrays of values in [0, 3).
 *
 * <pre>{@code
 * @Differentiable(wrt = "w")
 * @GradientCheck(at = {"new double[] {0.5, -1, 2}, new double[] {1, 2, 3}"}, low = -2, high = 2, size = 4)
 * static double loss(double[] w, double[] x) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface GradientCheck {
    /** Points given as Java argument lists ({@code "new double[] {0.5, -1}, 2.0"}), checked besides the random ones. */
    String[] at() default {};

    /** How many random points. */
    int points() default 3;

    /** The smallest random value of a floating-point argument or element. */
    double low() default -1;

    /** The largest random value of a floating-point argument or element. */
    double high() default 1;

    /** The length of random arrays (rows and columns of 2-D ones), and the value of {@code int}/{@code long} parameters. */
    int size() default 3;

    /** The seed of the random points (the same points on every build). */
    long seed() default 1;
}
