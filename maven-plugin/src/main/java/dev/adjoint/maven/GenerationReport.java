package dev.adjoint.maven;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.GenerationResult;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Tells the user what a generator run did, in the shape Maven users know from javac: one
 * {@code [ERROR] /path/Model.java:[12,9] message} line per problem, all of them, then a single
 * build failure without a stack trace.
 */
final class GenerationReport {
    static final String PREFIX = "adjoint: ";
    static final String NOTHING_CHANGED = PREFIX + "nothing changed since the last build, no file written";

    /** How a method that fell back to the tape is reported by the generator. */
    static final String TAPE_FALLBACK = "tape, because ";

    /** What a fallback costs, measured (README, Performance: GMM's median gradient/objective, static 2.44x, tape 10.2x). */
    static final String TAPE_COST =
            " (the tape strategy's gradients are usually about 4x slower than the static strategy's;"
                    + " rewrite the construct to get the static one, or set strategy = Strategy.TAPE on the method to accept the tape)";

    private GenerationReport() {}

    /**
     * Logs {@code result}; throws after logging every diagnostic when any of them is an error.
     */
    static void report(GenerationResult result, Log log) throws MojoFailureException {
        diagnostics(result.diagnostics(), log);
        if (result.hasErrors()) {
            throw failure(result.errors().size());
        }
        if (result.upToDate()) {
            log.info(NOTHING_CHANGED);
            return;
        }
        for (String method : result.methods()) {
            if (method.contains(": " + TAPE_FALLBACK)) {
                // never silent: a fallback costs speed the user may not know about
                log.warn(PREFIX + method + TAPE_COST);
            } else {
                log.info(PREFIX + method);
            }
        }
        log.info(PREFIX + result.written().size() + " file(s) written, "
                + result.unchanged().size() + " unchanged");
    }

    /**
     * What {@code adjoint.verbose} adds after a successful run: each file written, where the
     * report is, and how long generation took.
     */
    static void details(GenerationResult result, java.nio.file.Path reportFile, long millis, Log log) {
        for (java.nio.file.Path f : result.written()) {
            log.info(PREFIX + "wrote " + f);
        }
        if (!result.upToDate() && reportFile != null) {
            log.info(PREFIX + "report: " + reportFile);
        }
        log.info(PREFIX + "generation took " + millis + " ms");
    }

    /** One line per diagnostic, at the level its severity asks for. */
    static void diagnostics(List<Diagnostic> diagnostics, Log log) {
        for (Diagnostic d : diagnostics) {
            switch (d.severity()) {
                case ERROR -> log.error(d.format());
                case WARNING -> log.warn(d.format());
                case NOTE -> log.info(d.format());
            }
        }
    }

    /** The one exception that ends a build whose errors were all logged above it. */
    static MojoFailureException failure(long errors) {
        return new MojoFailureException(PREFIX + errors + " error(s); see above");
    }
}
