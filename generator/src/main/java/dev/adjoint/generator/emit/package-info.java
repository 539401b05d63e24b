/**
 * The emit pass, and the only code that knows JavaPoet: prints adjoint methods as one class per
 * owner, stamped the same way every time (header naming the source, the generated-type
 * annotation, no timestamps), so that the same input gives byte-identical output.
 */
package dev.adjoint.generator.emit;
