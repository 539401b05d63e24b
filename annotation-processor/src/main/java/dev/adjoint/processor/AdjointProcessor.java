package dev.adjoint.processor;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Adjoint as an annotation processor: the generator the Maven plugin runs, behind
 * {@code javax.annotation.processing}, so that {@code annotationProcessorPaths}, Gradle's
 * {@code annotationProcessor} configuration and {@code javac -processorpath} write the same
 * {@code OwnerAdjoint} classes as the plugin (byte for byte, for the same sources).
 *
 * <p>It runs once, in the first round that holds source types: the generator translates every
 * source file of the compilation together (a {@code @Differentiable} method may call methods of
 * other files), so the processor is <em>aggregating</em> in Gradle's terms, not isolating. Each
 * generated class is written through the {@code Filer} with the types of the files it was made
 * from as originating elements. Problems are reported through the {@code Messager}, at the
 * method (or type) they belong to, with the exact {@code [line,col]} in the text; with an error,
 * nothing is written (as with the plugin, never a partial output).
 *
 * <p>Option {@code -Aadjoint.failOnTapeFallback=true}: a method that would fall back to the tape
 * strategy is an error, as the plugin's {@code adjoint.failOnTapeFallback}.
 */
public final class AdjointProcessor extends AbstractProcessor {
    /** The option that makes a fallback to the tape a build error. */
    public static final String FAIL_ON_TAPE_FALLBACK = "adjoint.failOnTapeFallback";

    private static final String TAPE_FALLBACK = ": tape, because ";
    private static final String TAPE_COST =
            " (the tape strategy's gradients are usually about 4x slower than the static"
                    + " strategy's; rewrite the construct to get the static one, or set strategy = Strategy.TAPE on the method to"
                    + " accept the tape)";

    private boolean done;
    private CompilationSources sources;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        sources = CompilationSources.of(env);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // all of the project's annotations, so that javac's -Xlint:processing finds none unclaimed (@AdjointGenerated
        // is on
        // what this processor writes, @GradientCheck beside @Differentiable)
        return Set.of(
                "dev.adjoint.Differentiable",
                "dev.adjoint.CustomDerivative",
                "dev.adjoint.GradientCheck",
                "dev.adjoint.AdjointGenerated");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(FAIL_ON_TAPE_FALLBACK);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (done || annotations.isEmpty()) {
            return true; // claimed: they are Adjoint's, and no other processor has a use for them
        }
        done = true; // later rounds see only what was generated, which carries no @Differentiable
        if (sources.unavailable().isPresent()) {
            processingEnv
                    .getMessager()
                    .printMessage(
                            Kind.ERROR, "adjoint: " + sources.unavailable().get());
            return true;
        }
        List<CompilationSources.SourceFile> files;
        try {
            files = sources.read(round.getRootElements());
        } catch (java.io.UncheckedIOException e) {
            processingEnv
                    .getMessager()
                    .printMessage(
                            Kind.ERROR,
                            "adjoint: cannot read a source file of this compilation ("
                                    + e.getCause().getMessage() + "); nothing was generated");
            return true;
        }
        Map<java.nio.file.Path, String> texts = new LinkedHashMap<>();
        files.forEach(f -> texts.put(f.path(), f.text()));
        boolean failOnTapeFallback =
                Boolean.parseBoolean(processingEnv.getOptions().getOrDefault(FAIL_ON_TAPE_FALLBACK, "false"));
        Translation t = AdjointGenerator.translate(texts, failOnTapeFallback);
        report(t, files);
        if (!t.hasErrors() && !alreadyCompiled(t, round)) {
            write(t, files);
        }
        return true; // claimed: unclaimed annotations are a warning under -Xlint:processing, an error with -Werror
    }

    /** Every diagnostic at the element it belongs to; tape fallbacks as warnings, as the plugin logs them. */
    private void report(Translation t, List<CompilationSources.SourceFile> files) {
        for (Diagnostic d : t.diagnostics()) {
            Kind kind = switch (d.severity()) {
                case ERROR -> Kind.ERROR;
                case WARNING -> Kind.WARNING;
                case NOTE -> Kind.NOTE;
            };
            String text = "adjoint: " + position(d) + d.message();
            Element at = sources.elementAt(files, d.file(), d.line());
            if (at == null) {
                processingEnv.getMessager().printMessage(kind, text);
            } else {
                processingEnv.getMessager().printMessage(kind, text, at);
            }
        }
        for (String method : t.methods()) {
            if (method.contains(TAPE_FALLBACK)) {
                Element at = methodNamed(method.substring(0, method.indexOf(TAPE_FALLBACK)));
                if (at == null) {
                    processingEnv.getMessager().printMessage(Kind.WARNING, "adjoint: " + method + TAPE_COST);
                } else { // at the method, as the IDE and Maven's log place javac's own warnings
                    processingEnv.getMessager().printMessage(Kind.WARNING, "adjoint: " + method + TAPE_COST, at);
                }
            }
        }
    }

    /**
     * The method {@code p.Model#loss} ({@code p.Outer.Inner#loss} for a nested class) names: the
     * first of that name in its class (overloads share the warning's text), or {@code null}.
     */
    private Element methodNamed(String ref) {
        int hash = ref.indexOf('#');
        if (hash < 0) {
            return null;
        }
        TypeElement type = processingEnv.getElementUtils().getTypeElement(ref.substring(0, hash));
        if (type == null) {
            return null;
        }
        String name = ref.substring(hash + 1);
        return type.getEnclosedElements().stream()
                .filter(e -> e.getKind() == javax.lang.model.element.ElementKind.METHOD
                        && e.getSimpleName().contentEquals(name))
                .findFirst()
                .orElse(null);
    }

    /**
     * Whether a class this run would write is already a source of the compilation: the Maven
     * plugin's {@code generate} goal ran too and added its output as a source root. Writing it
     * again fails in the Filer with "Attempt to recreate a file", which does not say what to
     * change; this says it, at that source, and nothing is written.
     */
    private boolean alreadyCompiled(Translation t, RoundEnvironment round) {
        List<TypeElement> present = new ArrayList<>();
        for (Element e : round.getRootElements()) {
            if (e instanceof TypeElement type
                    && t.generated().containsKey(type.getQualifiedName().toString())) {
                present.add(type);
            }
        }
        if (present.isEmpty()) {
            return false;
        }
        present.sort(java.util.Comparator.comparing(e -> e.getQualifiedName().toString()));
        List<String> names =
                present.stream().map(e -> e.getQualifiedName().toString()).toList();
        processingEnv
                .getMessager()
                .printMessage(
                        Kind.ERROR,
                        "adjoint: " + String.join(", ", names) + (names.size() == 1 ? " is" : " are")
                                + " already a source of this compilation (adjoint-maven-plugin's generate goal"
                                + " writes it too, into target/generated-sources/adjoint); run Adjoint once: use"
                                + " either the plugin or adjoint-processor in annotationProcessorPaths, not both",
                        present.get(0));
        return true;
    }

    private static String position(Diagnostic d) {
        String name = d.file().getFileName() == null
                ? d.file().toString()
                : d.file().getFileName().toString();
        return d.line() <= 0 ? name + ": " : name + ":[" + d.line() + "," + d.column() + "] ";
    }

    private void write(Translation t, List<CompilationSources.SourceFile> files) {
        Element[] origins = files.stream().flatMap(f -> f.types().stream()).toArray(Element[]::new);
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, String> e : t.generated().entrySet()) {
            try (Writer w = processingEnv
                    .getFiler()
                    .createSourceFile(e.getKey(), origins)
                    .openWriter()) {
                w.write(e.getValue());
            } catch (IOException ex) { // FilerException too: a class of that name was already written
                failed.add(e.getKey() + " (" + ex.getMessage() + ")");
            }
        }
        for (String f : failed) {
            processingEnv
                    .getMessager()
                    .printMessage(
                            Kind.ERROR,
                            "adjoint: cannot write the generated class " + f
                                    + "; is another processor or an earlier round writing a class of the same name?");
        }
    }
}
