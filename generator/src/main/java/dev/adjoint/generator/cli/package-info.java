/**
 * The command line: prints (or, with {@code -d}, writes) the adjoint classes of source files
 * without a build, for inspection and for builds that are not Maven.
 */
package dev.adjoint.generator.cli;
