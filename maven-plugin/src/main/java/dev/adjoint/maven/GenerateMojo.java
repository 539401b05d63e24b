package dev.adjoint.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates the adjoint class of every class with {@code @Differentiable} methods among the main
 * sources, and adds the generated sources to the main compilation.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractGenerateMojo {

    /**
     * Where the adjoint classes of the main sources are written; added as a compile source root.
     *
     * @since 0.1.0
     */
    @Parameter(property = "adjoint.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/adjoint", required = true)
    private File outputDirectory;

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
}
