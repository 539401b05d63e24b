/**
 * The generator's contact with the file system: which source files to read
 * ({@link dev.adjoint.generator.driver.SourceScanner}), whether anything changed since the last
 * successful run ({@link dev.adjoint.generator.driver.IncrementalState}), and writing only the
 * generated files whose content changed ({@link dev.adjoint.generator.driver.OutputWriter}).
 */
package dev.adjoint.generator.driver;
