package dev.adjoint.generator.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles many classes in one javac call, in memory, with the options of
 * {@link dev.adjoint.generator.testing.InMemoryCompiler} ({@code -Xlint:all -Werror}), and says
 * which classes a failure comes from instead of failing as a whole.
 */
public final class BatchCompiler {
    private BatchCompiler() {}

    /**
     * The outcome of one javac call.
     *
     * @param loader the compiled classes, when {@code problems} is empty
     * @param problems javac's messages by the fully qualified name of the class whose source they
     *     are in; "" for messages without a source
     */
    public record Result(ClassLoader loader, Map<String, List<String>> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Compiles {@code sources} (fully qualified class name to source) against the test class path. */
    public static Result compile(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diags, null, null);
        Map<String, ByteArrayOutputStream> classes = new ConcurrentHashMap<>();
        JavaFileManager fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(
                        URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        classes.put(className, out);
                        return out;
                    }
                };
            }
        };
        Map<URI, String> classOf = new TreeMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> {
            URI uri = URI.create("string:///" + name.replace('.', '/') + ".java");
            classOf.put(uri, name);
            units.add(new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            });
        });
        List<String> options = List.of(
                "-Xlint:all",
                "-Werror",
                "-proc:none",
                "-Xmaxerrs",
                "100000",
                "-Xmaxwarns",
                "100000",
                "-classpath",
                System.getProperty("java.class.path"),
                "--release",
                "17");
        boolean ok = javac.getTask(null, fm, diags, options, null, units).call();
        Map<String, List<String>> problems = new TreeMap<>();
        if (!ok) {
            for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.NOTE) {
                    continue;
                }
                String cls = d.getSource() == null
                        ? ""
                        : classOf.getOrDefault(d.getSource().toUri(), "");
                problems.computeIfAbsent(cls, k -> new ArrayList<>())
                        .add(d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(null));
            }
            if (problems.keySet().stream().allMatch(String::isEmpty) && problems.containsKey("")) {
                // only source-less messages ("warnings found and -Werror specified" without the warning?)
                return new Result(null, problems);
            }
            problems.remove("");
            return new Result(null, problems);
        }
        ClassLoader loader = new ClassLoader(BatchCompiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream b = classes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = b.toByteArray();
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        return new Result(loader, Map.of());
    }
}
