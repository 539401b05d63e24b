package dev.adjoint.maven;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * {@code adjoint:show} run at the root of a multi-module build ({@code mvn adjoint:show
 * -Dadjoint.method=b.B#f}) runs in every module, and the method is in one of them: the others
 * must not fail the build. A module that does not declare the method logs so and passes; the
 * module that ends the reactor fails when no module had it, with the error a single module gives.
 */
final class ShowReactor {
    /** Set, in the top-level project's context, by the module that showed the method. */
    private static final String FOUND = "dev.adjoint.show.found";

    private ShowReactor() {}

    /**
     * Whether {@code translation} only says that {@code method} is not among this module's sources
     * and another module of the reactor may declare it (so this one passes quietly).
     *
     * @throws MojoFailureException in the module that ends the reactor, when no module declared it
     */
    static boolean elsewhere(
            Translation translation, String method, MavenSession session, MavenProject project, Log log)
            throws MojoFailureException {
        List<MavenProject> reactor = session == null ? List.of() : session.getProjects();
        if (reactor.size() < 2 || !notFound(translation, method)) {
            return false;
        }
        if (isLast(session, project) && !isFound(session)) {
            GenerationReport.diagnostics(translation.diagnostics(), log);
            throw noModule(method);
        }
        log.info(GenerationReport.PREFIX + method + " is not in this module's sources");
        return true;
    }

    /**
     * In a module without sources (pom packaging) that comes last in the reactor: fails when no
     * module before it showed the method.
     */
    static void lastWithoutSources(String method, MavenSession session, MavenProject project)
            throws MojoFailureException {
        if (session != null && session.getProjects().size() > 1 && isLast(session, project) && !isFound(session)) {
            throw noModule(method);
        }
    }

    /**
     * Whether every other module of the reactor has finished (Maven records a build summary for
     * each): the last in a sequential build; in a parallel one ({@code -T}), where the last listed
     * may run before others, only a module that really ends the build decides, so that a module
     * still at work cannot be taken for one without the method.
     */
    private static boolean isLast(MavenSession session, MavenProject project) {
        return session.getProjects().stream()
                .allMatch(p -> p == project || session.getResult().getBuildSummary(p) != null);
    }

    private static MojoFailureException noModule(String method) {
        return new MojoFailureException(GenerationReport.PREFIX + "no module of the build declares " + method
                + " as a @Differentiable method (write it as package.Class#method)");
    }

    /** Records that a module of the reactor showed the method. */
    static void found(MavenSession session) {
        if (session != null && session.getTopLevelProject() != null) {
            session.getTopLevelProject().setContextValue(FOUND, Boolean.TRUE);
        }
    }

    private static boolean isFound(MavenSession session) {
        return session.getTopLevelProject() != null
                && Boolean.TRUE.equals(session.getTopLevelProject().getContextValue(FOUND));
    }

    /**
     * The generator's one error for a method no source declares: at the method reference itself,
     * with no line (see {@code FrontEnd}), and nothing else wrong.
     */
    private static boolean notFound(Translation translation, String method) {
        List<Diagnostic> errors =
                translation.diagnostics().stream().filter(Diagnostic::isError).toList();
        return errors.size() == 1
                && errors.get(0).line() == 0
                && errors.get(0).file().equals(Path.of(method));
    }
}
