package dev.adjoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Carried by every type the Adjoint generator writes. CLASS retention, so coverage tools and
 * linters that honour "generated" annotations skip it, at no run-time cost.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AdjointGenerated {
    /** The fully qualified name of the source type the adjoint was generated from. */
    String value();
}
