package dev.adjoint.maven;

import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Runs one generator call so that nothing but a {@link MojoExecutionException} leaves a Mojo:
 * Maven shows a runtime exception as an internal plugin failure, which a user can do nothing
 * about. Problems in the user's code are not exceptions; they come back as diagnostics.
 */
final class GeneratorCall {
    private GeneratorCall() {}

    static <T> T run(String what, Supplier<T> call) throws MojoExecutionException {
        try {
            return call.get();
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(
                    "adjoint: " + what + " failed on a file system error: " + e.getMessage() + " (" + e.getCause()
                            + ")",
                    e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException(
                    "adjoint: " + what + " failed unexpectedly (" + e
                            + "). This is a bug in the generator, not in your code; please report it with"
                            + " the @Differentiable method involved (run with -e for the stack trace)",
                    e);
        }
    }
}
