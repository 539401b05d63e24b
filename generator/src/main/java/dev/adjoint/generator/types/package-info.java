/**
 * The generator's types of values ({@link dev.adjoint.generator.types.Ty}): a primitive element
 * type, or an enum or {@code String}, with a number of array dimensions. A leaf that every pass
 * shares (selection, the intermediate form, the passes and the emitter), so that none of them
 * depends on another only for its types.
 */
package dev.adjoint.generator.types;
