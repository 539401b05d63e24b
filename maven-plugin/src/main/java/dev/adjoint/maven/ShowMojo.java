package dev.adjoint.maven;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Prints the adjoint of one method without building anything:
 * {@code mvn adjoint:show -Dadjoint.method=p.Model#loss}. The generated Java goes to standard
 * output, so {@code mvn -q adjoint:show ...} prints nothing else; problems are reported as by
 * {@code adjoint:generate}. Calls to {@code @Differentiable} methods of other modules and jars are
 * resolved on the project's test classpath, as {@code adjoint:generate-test} resolves them, so the
 * adjoint shown is the one the build writes. At the root of a multi-module build, the modules that
 * do not declare the method pass, and the build fails only when none does; there, run it after
 * {@code compile} ({@code mvn compile adjoint:show ...}) so that the other modules' classes are on
 * the classpath without installing them.
 */
@Mojo(name = "show", requiresProject = true, threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public final class ShowMojo extends AbstractMojo {

    /** The build: in a reactor, a module without the method leaves it to the others. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private org.apache.maven.execution.MavenSession session;

    /** The project whose main and test sources are searched. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /**
     * The method to show, {@code package.Class#method} ({@code package.Outer.Inner#method} for a
     * nested class). No default: it must be given.
     *
     * @since 0.1.0
     */
    @Parameter(property = "adjoint.method", required = true)
    private String method;

    /**
     * The encoding of the source files: the project's {@code project.build.sourceEncoding}; UTF-8
     * when it is not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "adjoint.encoding", defaultValue = "${project.build.sourceEncoding}")
    private String encoding;

    /** Output of {@code adjoint:generate}, not searched. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/adjoint", readonly = true, required = true)
    private File mainOutputDirectory;

    /** Output of {@code adjoint:generate-test}, not searched. */
    @Parameter(
            defaultValue = "${project.build.directory}/generated-test-sources/adjoint",
            readonly = true,
            required = true)
    private File testOutputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if ("pom".equals(project.getPackaging())) {
            getLog().debug(GenerationReport.PREFIX + "nothing to show in a project with pom packaging");
            ShowReactor.lastWithoutSources(method, session, project); // an aggregator may come last
            return;
        }
        List<Path> roots = new ArrayList<>(SourceRoots.excluding(project.getCompileSourceRoots(), mainOutputDirectory));
        roots.addAll(SourceRoots.excluding(project.getTestCompileSourceRoots(), testOutputDirectory));
        java.nio.charset.Charset charset = SourceEncoding.of(encoding);
        List<Path> classpath = classpath();
        Translation translation =
                GeneratorCall.run("showing " + method, () -> AdjointGenerator.show(roots, method, charset, classpath));
        if (ShowReactor.elsewhere(translation, method, session, project, getLog())) {
            return;
        }
        GenerationReport.diagnostics(translation.diagnostics(), getLog());
        if (translation.hasErrors()) {
            throw GenerationReport.failure(translation.diagnostics().stream()
                    .filter(Diagnostic::isError)
                    .count());
        }
        if (translation.generated().isEmpty()) {
            throw new MojoFailureException(
                    GenerationReport.PREFIX + "no @Differentiable method " + method + " in " + roots);
        }
        ShowReactor.found(session);
        for (Map.Entry<String, String> e : translation.generated().entrySet()) {
            getLog().info(GenerationReport.PREFIX + "adjoint of " + method + " (" + e.getKey() + "):");
            System.out.println(e.getValue());
        }
    }

    /**
     * The test classpath without the project's own class folders, whose sources are read instead:
     * other modules' classes and their adjoints, and jars.
     */
    private List<Path> classpath() throws MojoExecutionException {
        List<File> own = List.of(
                new File(project.getBuild().getOutputDirectory()),
                new File(project.getBuild().getTestOutputDirectory()));
        try {
            return project.getTestClasspathElements().stream()
                    .filter(e -> e != null && !own.contains(new File(e)))
                    .map(Path::of)
                    .toList();
        } catch (org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            throw new MojoExecutionException(
                    GenerationReport.PREFIX + "the project's dependencies are not resolved: " + e.getMessage(), e);
        }
    }
}
