package dev.adjoint.maven;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.GenerationRequest;
import dev.adjoint.generator.GenerationResult;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.build.BuildContext;

/**
 * What {@code adjoint:generate} and {@code adjoint:generate-test} share: copy the parameters into
 * a {@link GenerationRequest}, run the generator, add the output directory to the build and
 * report. The two goals differ only in which source roots they read and where they write.
 */
public abstract class AbstractGenerateMojo extends AbstractMojo {

    /** The IDE's incremental build (m2e), or Maven's default no-op context on the command line. */
    @Component
    private BuildContext buildContext;

    /** The build, to know whether it is parallel ({@code -T}). */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private org.apache.maven.execution.MavenSession session;

    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * Skips generation: logs one line and neither writes a file nor adds a source root.
     *
     * @since 0.1.0
     */
    @Parameter(property = "adjoint.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Glob patterns, relative to a source root and {@code /}-separated, of the files to read for
     * {@code @Differentiable} methods. Empty (the default) means {@code **}{@code /*.java}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "adjoint.includes")
    private List<String> includes = new ArrayList<>();

    /**
     * Glob patterns, relative to a source root, of files not to read, applied after
     * {@code includes}. Empty by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "adjoint.excludes")
    private List<String> excludes = new ArrayList<>();

    /**
     * Makes every method whose strategy is {@code AUTO} and that the static transformation rejects
     * a build error (naming the method and the construct) instead of a tape-strategy method: for
     * teams that want the fast path guaranteed. Methods marked {@code strategy = TAPE} are allowed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "adjoint.failOnTapeFallback", defaultValue = "false")
    private boolean failOnTapeFallback;

    /**
     * Logs more about the run: the source roots read, the output directory, the report file, each
     * file written, and how long generation took. The line per method (its strategy, and why a
     * method went to the tape) is logged either way.
     *
     * @since 0.1.0
     */
    @Parameter(property = "adjoint.verbose", defaultValue = "false")
    private boolean verbose;

    /**
     * Optimisations to switch off, comma-separated ({@code loopFusion,refills}), to bisect a wrong
     * gradient to one pass: {@code activity}, {@code toBeRecorded}, {@code freshAdjoints},
     * {@code increments}, {@code recomputation}, {@code refills}, {@code stackRoom},
     * {@code loopFusion}, {@code loopAccumulators}, {@code invariantLoads}, {@code copyChains},
     * {@code denseTemporaries}, {@code stackChecks}, {@code deadSaves}. Empty by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "adjoint.disable", defaultValue = "")
    private String disable;

    /**
     * Logs the intermediate form of every {@code @Differentiable} method after a stage, for debugging
     * the generator: {@code normalize} (three-address form), {@code analyze} (with activity and
     * saves), {@code reverse} (the adjoint before the optimisations that rewrite it), {@code optimize}
     * (as written). Off by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "adjoint.dump")
    private String dump;

    /**
     * The encoding of the source files, as javac reads them: the project's
     * {@code project.build.sourceEncoding}; UTF-8 when it is not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "adjoint.encoding", defaultValue = "${project.build.sourceEncoding}")
    private String encoding;

    /** The packaging of the project: a {@code pom} project has no sources, so the goals do nothing there. */
    private static final String POM = "pom";

    /** Why this goal should not run besides {@code adjoint.skip}, as a log line; {@code null} to run. */
    protected String skipReason() {
        return null;
    }

    /** Where the build report (strategy per method, and why) is written. */
    protected abstract File reportFile();

    /** Where adjoint classes are written, in package folders. */
    protected abstract File outputDirectory();

    /** Where the fingerprint of the last successful run is kept. */
    protected abstract File stateFile();

    /**
     * The directories whose sources this goal does not read: its own output directory, and in
     * {@code generate-test} the gradient tests {@code generate} wrote (which come with their adjoints).
     */
    protected List<File> outputDirectories() {
        return List.of(outputDirectory());
    }

    /** The project's source roots this goal reads (the output directories are dropped from them). */
    protected abstract List<String> sourceRoots();

    /** Makes the output directory part of the build, main or test. */
    protected abstract void addSourceRoot(String directory);

    /**
     * The compiled classes calls may reach beyond the source roots (other modules, jars): the
     * project's compile classpath, or its test classpath.
     */
    protected abstract List<String> classpathElements()
            throws org.apache.maven.artifact.DependencyResolutionRequiredException;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (POM.equals(project.getPackaging())) {
            getLog().debug(GenerationReport.PREFIX + "nothing to do in a project with pom packaging");
            return;
        }
        if (skip) {
            getLog().info(GenerationReport.PREFIX + "skipped");
            return;
        }
        String reason = skipReason();
        if (reason != null) {
            getLog().info(GenerationReport.PREFIX + reason);
            return;
        }
        dev.adjoint.generator.analyze.Options options;
        try {
            options = dev.adjoint.generator.analyze.Options.disabling(disable == null ? "" : disable);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(GenerationReport.PREFIX + "adjoint.disable: " + e.getMessage());
        }
        GenerationRequest request = new GenerationRequest(
                SourceRoots.excluding(sourceRoots(), outputDirectories()),
                nonNull(includes),
                nonNull(excludes),
                outputDirectory().toPath(),
                stateFile().toPath(),
                failOnTapeFallback,
                reportFile().toPath(),
                SourceEncoding.of(encoding),
                options,
                classpath());
        if (verbose) {
            getLog().info(GenerationReport.PREFIX + "reading " + request.sourceRoots() + ", writing to "
                    + request.outputDirectory());
        }
        long start = System.nanoTime();
        GenerationResult result = GeneratorCall.run("generating adjoints", () -> AdjointGenerator.generate(request));
        long millis = (System.nanoTime() - start) / 1_000_000;
        addSourceRoot(outputDirectory().getAbsolutePath());
        IdeFeedback.report(buildContext, result, request.sourceRoots());
        GenerationReport.report(result, getLog());
        if (verbose) {
            GenerationReport.details(result, request.reportFile(), millis, getLog());
        }
        if (dump != null && !dump.isBlank()) {
            String text;
            try {
                text = GeneratorCall.run(
                        "dumping", () -> AdjointGenerator.dump(request, dump.strip(), java.util.Optional.empty()));
            } catch (MojoExecutionException e) {
                if (e.getCause() instanceof IllegalArgumentException bad) {
                    throw new MojoFailureException(GenerationReport.PREFIX + bad.getMessage());
                }
                throw e;
            }
            text.lines().forEach(line -> getLog().info(line));
        }
        afterGeneration(request);
    }

    /** The plugin's log; in a parallel build ({@code -T}) each line names the module. */
    @Override
    public org.apache.maven.plugin.logging.Log getLog() {
        org.apache.maven.plugin.logging.Log log = super.getLog();
        return session != null && session.isParallel() && project != null
                ? new ModuleLog(log, project.getArtifactId())
                : log;
    }

    /** What a goal does after a successful generation (the main goal's generated gradient tests). */
    protected void afterGeneration(GenerationRequest request) throws MojoExecutionException, MojoFailureException {}

    /** Whether {@code adjoint.verbose} is set. */
    protected boolean verbose() {
        return verbose;
    }

    private List<java.nio.file.Path> classpath() throws MojoExecutionException {
        try {
            return nonNull(classpathElements()).stream()
                    .map(java.nio.file.Path::of)
                    .toList();
        } catch (org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            throw new MojoExecutionException(
                    GenerationReport.PREFIX + "the project's dependencies are not resolved: " + e.getMessage(), e);
        }
    }

    private static List<String> nonNull(List<String> globs) {
        return globs == null
                ? List.of()
                : globs.stream().filter(g -> g != null && !g.isBlank()).toList();
    }
}
