package dev.adjoint.maven;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.GenerationResult;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.codehaus.plexus.build.BuildContext;
import org.codehaus.plexus.build.DefaultBuildContext;

/**
 * Tells an IDE's incremental build (Eclipse m2e, through {@link BuildContext}) what a run did:
 * which generated files to refresh, and each diagnostic as a marker at its line and column, the
 * markers of the previous run removed first. Plain Maven's {@link DefaultBuildContext} would log
 * the markers a second time, so they are only given to an IDE's context.
 */
final class IdeFeedback {
    private IdeFeedback() {}

    /**
     * Whether {@code context} is an IDE's. plexus-build-api 1.x gives plain Maven a
     * {@link DefaultBuildContext} over the legacy {@code org.sonatype} default, and m2e either its
     * own context or a {@code DefaultBuildContext} over its legacy one; the delegate's class tells
     * them apart (read reflectively: the library keeps it private).
     */
    static boolean isIde(BuildContext context) {
        if (context.getClass() != DefaultBuildContext.class) {
            return true;
        }
        try {
            java.lang.reflect.Field legacy = DefaultBuildContext.class.getDeclaredField("legacy");
            legacy.setAccessible(true);
            Object delegate = legacy.get(context);
            return delegate != null
                    && !delegate.getClass()
                            .getName()
                            .equals("org.sonatype.plexus.build.incremental.DefaultBuildContext");
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            return false; // a library version we do not know: the log has every diagnostic
        }
    }

    static void report(BuildContext context, GenerationResult result, List<Path> sourceRoots) {
        if (context == null) {
            return;
        }
        for (Path written : result.written()) {
            context.refresh(written.toFile());
        }
        if (!isIde(context)) {
            return; // the command line: every diagnostic is logged already
        }
        for (Path root : sourceRoots) {
            context.removeMessages(root.toFile());
        }
        for (Diagnostic d : result.diagnostics()) {
            File file = d.file().toFile();
            int severity = d.isError() ? BuildContext.SEVERITY_ERROR : BuildContext.SEVERITY_WARNING;
            context.addMessage(
                    file, Math.max(d.line(), 0), Math.max(d.column(), 0), "adjoint: " + d.message(), severity, null);
        }
    }
}
