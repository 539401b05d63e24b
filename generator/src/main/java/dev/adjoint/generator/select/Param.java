package dev.adjoint.generator.select;

import dev.adjoint.generator.types.Ty;

/**
 * A parameter of a differentiated method.
 *
 * @param name its name in the source
 * @param type its type
 * @param wrt whether the gradient is taken with respect to it
 */
public record Param(String name, Ty type, boolean wrt) {}
