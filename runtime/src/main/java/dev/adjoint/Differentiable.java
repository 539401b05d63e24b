package dev.adjoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static numeric method whose gradient the build generates.
 *
 * <p>For {@code double loss(double[] w, double[] x)} in class {@code p.Model} the build writes
 * {@code p.ModelAdjoint} with {@code double lossGrad(double[] w, double[] x, double[] dw, double[] dx)}
 * (the value is returned; gradients are <em>added</em> into the buffers) and
 * {@code lossVjp(w, x, double seed, dw, dx)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Differentiable {
    /**
     * Names of the parameters to differentiate with respect to. Empty (the default) means every
     * {@code float} or {@code double} parameter, scalar or array.
     */
    String[] wrt() default {};

    /** Static transformation, tape, or static with tape fallback (the default). */
    Strategy strategy() default Strategy.AUTO;

    /**
     * Which derivative methods to generate. Empty (the default) means every one that applies:
     * {@code Grad}/{@code Vjp}, {@code Jvp} (and {@code Jacobian} for an array result) and
     * {@code Hvp} for a scalar result. {@code {Mode.REVERSE}} keeps the adjoint class small;
     * {@code Grad}/{@code Vjp} are always there, and a {@code Jvp} that another method's
     * {@code Jvp} calls is generated even if its own method did not ask for it.
     */
    Mode[] modes() default {};
}
