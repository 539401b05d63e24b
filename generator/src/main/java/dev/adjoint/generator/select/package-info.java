/**
 * The select pass: finds {@code @Differentiable} methods and builds one immutable
 * {@link dev.adjoint.generator.select.MethodRequest} per method, holding every fact later passes
 * read (owner, parameters and which are differentiated, result type, strategy, position). Problems
 * with the declaration itself (not static, unknown {@code wrt} name, nothing to differentiate)
 * are reported here, at the annotation or the parameter. Calls are resolved here too: between methods
 * of the sources, and to the {@code @Differentiable} methods of compiled classes on the classpath.
 */
package dev.adjoint.generator.select;
