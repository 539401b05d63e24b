package dev.adjoint.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Generates the adjoint class of every class with {@code @Differentiable} methods among the test
 * sources, and adds the generated sources to the test compilation.
 */
@Mojo(
        name = "generate-test",
        defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public final class GenerateTestMojo extends AbstractGenerateMojo {

    /**
     * Where the adjoint classes of the test sources are written; added as a test compile source
     * root. A property of its own, so that setting the main goal's directory does not mix main
     * and test adjoints.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "adjoint.testOutputDirectory",
            defaultValue = "${project.build.directory}/generated-test-sources/adjoint",
            required = true)
    private File outputDirectory;

    /**
     * Maven's switch that skips compiling and running the tests: test adjoints are not generated
     * either (one log line says so).
     */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean mavenTestSkip;

    @Override
    protected String skipReason() {
        return mavenTestSkip ? "skipped (maven.test.skip)" : null;
    }

    /** Fingerprint of the last successful run, for incremental builds. */
    @Parameter(
            defaultValue = "${project.build.directory}/adjoint/generate-test.state",
            readonly = true,
            required = true)
    private File stateFile;

    @Override
    protected File outputDirectory() {
        return outputDirectory;
    }

    @Override
    protected List<File> outputDirectories() {
        Object checks = project.getContextValue(GenerateMojo.CHECKS_ROOT);
        return checks == null ? List.of(outputDirectory) : List.of(outputDirectory, new File(checks.toString()));
    }

    @Override
    protected File reportFile() {
        return new File(project.getBuild().getDirectory(), "adjoint/test-report.md");
    }

    @Override
    protected File stateFile() {
        return stateFile;
    }

    @Override
    protected List<String> sourceRoots() {
        return project.getTestCompileSourceRoots();
    }

    @Override
    protected void addSourceRoot(String directory) {
        project.addTestCompileSourceRoot(directory);
    }

    @Override
    protected List<String> classpathElements() throws org.apache.maven.artifact.DependencyResolutionRequiredException {
        // the main classes and their adjoints among them; not the test classes, whose sources are read instead
        File own = new File(project.getBuild().getTestOutputDirectory());
        return project.getTestClasspathElements().stream()
                .filter(e -> !new File(e).equals(own))
                .toList();
    }
}
