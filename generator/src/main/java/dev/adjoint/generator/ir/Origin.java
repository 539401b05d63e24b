package dev.adjoint.generator.ir;

/**
 * The user statement an IR statement was lowered from, for {@code // grad of:} comments.
 *
 * @param id distinct per user statement, in source order
 * @param text the statement's source, on one line
 * @param line 1-based source line
 */
public record Origin(int id, String text, int line) {}
