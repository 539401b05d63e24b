package dev.adjoint.maven;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.GenerationRequest;
import dev.adjoint.generator.GenerationResult;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Generates the adjoint class of every class with {@code @Differentiable} methods among the main
 * sources, and adds the generated sources to the main compilation.
 */
@Mojo(
        name = "generate",
        defaultPhase = LifecyclePhase.GENERATE_SOURCES,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public final class GenerateMojo extends AbstractGenerateMojo {
    /**
     * The project context key under which {@code generate} leaves the test source root of the
     * gradient tests it wrote, for {@code generate-test} not to read them again (they hold their
     * tape twins' adjoints already: read twice, each would be a duplicate class).
     */
    static final String CHECKS_ROOT = "dev.adjoint.checksOutputDirectory";

    /**
     * Where the adjoint classes of the main sources are written; added as a compile source root.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "adjoint.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/adjoint",
            required = true)
    private File outputDirectory;

    /**
     * Also writes, into {@code checksOutputDirectory} (a test source root), one JUnit 5 test class per
     * class with {@code @Differentiable} methods ({@code p.ModelGradientTest}) that checks each
     * method's adjoint against central differences at the points of its {@code @GradientCheck}
     * (by default 3 seeded random points), so that {@code mvn verify} proves every gradient. The
     * project's tests need JUnit 5 and {@code adjoint-runtime}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "adjoint.generateChecks", defaultValue = "false")
    private boolean generateChecks;

    /**
     * Where the generated gradient tests are written; added as a test source root.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "adjoint.checksOutputDirectory",
            defaultValue = "${project.build.directory}/generated-test-sources/adjoint-checks",
            required = true)
    private File checksOutputDirectory;

    /** Fingerprint of the last successful run, for incremental builds. */
    @Parameter(defaultValue = "${project.build.directory}/adjoint/generate.state", readonly = true, required = true)
    private File stateFile;

    @Override
    protected File outputDirectory() {
        return outputDirectory;
    }

    @Override
    protected File reportFile() {
        return new File(project.getBuild().getDirectory(), "adjoint/report.md");
    }

    @Override
    protected File stateFile() {
        return stateFile;
    }

    @Override
    protected List<String> sourceRoots() {
        return project.getCompileSourceRoots();
    }

    @Override
    protected void addSourceRoot(String directory) {
        project.addCompileSourceRoot(directory);
    }

    @Override
    protected List<String> classpathElements() throws org.apache.maven.artifact.DependencyResolutionRequiredException {
        // (without the module's own classes: its sources are read instead, and their compiled copies change at every
        // build)
        return project.getCompileClasspathElements().stream()
                .filter(e -> !new File(e).equals(new File(project.getBuild().getOutputDirectory())))
                .toList();
    }

    @Override
    protected void afterGeneration(GenerationRequest request) throws MojoExecutionException, MojoFailureException {
        if (!generateChecks) {
            return;
        }
        GenerationResult checks = GeneratorCall.run(
                "generating gradient tests",
                () -> AdjointGenerator.generateChecks(request, checksOutputDirectory.toPath()));
        GenerationReport.diagnostics(checks.diagnostics(), getLog());
        if (checks.hasErrors()) {
            throw GenerationReport.failure(checks.errors().size());
        }
        project.addTestCompileSourceRoot(checksOutputDirectory.getAbsolutePath());
        project.setContextValue(CHECKS_ROOT, checksOutputDirectory.getAbsolutePath());
        getLog().info(GenerationReport.PREFIX + "gradient tests: "
                + checks.written().size() + " file(s) written, "
                + checks.unchanged().size() + " unchanged");
        if (verbose()) {
            checks.written().forEach(f -> getLog().info(GenerationReport.PREFIX + "wrote " + f));
        }
    }
}
