/**
 * The emit pass, and the only code that knows JavaPoet: prints adjoint methods as one class per
 * owner (with the public methods of instance methods and record parameters, and their gradient
 * classes {@code ModelGrad}, {@code ParamsGrad}), stamped the same way every time (header naming the source, the generated-type
 * annotation, no timestamps), so that the same input gives byte-identical output.
 */
package dev.adjoint.generator.emit;
