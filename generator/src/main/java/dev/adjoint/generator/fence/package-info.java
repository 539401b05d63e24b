/**
 * The fence pass: an explicit allow-list of the Java constructs the static strategy handles.
 * Every construct outside it yields a positioned diagnostic naming the construct, why it is
 * outside, and what to do; nothing behind the fence ever sees an unsupported node.
 */
package dev.adjoint.generator.fence;
