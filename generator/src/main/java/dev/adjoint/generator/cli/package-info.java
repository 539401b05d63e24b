/** The command line: prints the adjoint of a source file without a build, for inspection. */
package dev.adjoint.generator.cli;
