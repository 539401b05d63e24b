/**
 * The naming policy shared by every pass that writes Java: which simple names the adjoint class
 * imports or declares, so that the select pass, the fences, the tape recorder and the emit pass
 * keep generated names away from the user's. It reads only the select pass's facts about a method, so
 * that fence and tape need not import emit.
 */
package dev.adjoint.generator.naming;
