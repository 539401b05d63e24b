/**
 * The "before" side of the before/after benchmark ({@code GeneratorsBench}): the GMM adjoints that an
 * older commit's generator writes for this build's sources, {@code GmmAdjointBefore} (static, of the
 * samples' {@code Gmm.objective}) and {@code GmmObjectiveTapeAdjointBefore} (tape, of
 * {@code gmm.GmmObjectiveTape.objective}). Generated, not written: {@code benchmarks/before-after.sh
 * <commit>} regenerates them (each file's header names the commit), renaming only the package and
 * the class; the formatter leaves them as the generator wrote them (the module's pom excludes them).
 */
package dev.adjoint.benchmarks.before;
