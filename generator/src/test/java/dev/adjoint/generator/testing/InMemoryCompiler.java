package dev.adjoint.generator.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Compiles Java sources in memory with {@code -Xlint:all -Werror} (generated code must compile
 * without warnings) and loads the classes.
 */
public final class InMemoryCompiler {
    private InMemoryCompiler() {}

    /**
     * Compiles {@code sources} (fully qualified class name to source) against the test class path.
     *
     * @throws AssertionError with javac's messages and the sources when compilation fails
     */
    public static ClassLoader compile(Map<String, String> sources) {
        Map<String, byte[]> classes = compileToBytes(sources);
        return new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    /**
     * Compiles {@code sources} as {@link #compile} does and returns each class file by binary name.
     *
     * @throws AssertionError with javac's messages and the sources when compilation fails
     */
    public static Map<String, byte[]> compileToBytes(Map<String, String> sources) {
        return compileToBytes(sources, List.of());
    }

    /** As {@link #compileToBytes(Map)}, with {@code classpath} (directories of class files) before the test class path. */
    public static Map<String, byte[]> compileToBytes(Map<String, String> sources, List<java.nio.file.Path> classpath) {
        return compileToBytes(sources, classpath, List.of());
    }

    /** As {@link #compileToBytes(Map, List)}, with javac's {@code extraOptions} ({@code -parameters}). */
    public static Map<String, byte[]> compileToBytes(
            Map<String, String> sources, List<java.nio.file.Path> classpath, List<String> extraOptions) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diags, null, null);
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
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
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(
                new SimpleJavaFileObject(
                        URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return text;
                    }
                }));
        List<String> path = new ArrayList<>(
                classpath.stream().map(java.nio.file.Path::toString).toList());
        path.add(System.getProperty("java.class.path"));
        List<String> options = new ArrayList<>(List.of(
                "-Xlint:all",
                "-Werror",
                "-classpath",
                String.join(java.io.File.pathSeparator, path),
                "--release",
                "17"));
        options.addAll(extraOptions);
        boolean ok = javac.getTask(null, fm, diags, options, null, units).call();
        if (!ok) {
            StringBuilder sb = new StringBuilder("compilation failed:\n");
            for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                sb.append(d.getSource() == null ? "" : d.getSource().getName())
                        .append(':')
                        .append(d.getLineNumber())
                        .append(": ")
                        .append(d.getMessage(null))
                        .append('\n');
            }
            sources.forEach((n, t) -> sb.append("---- ").append(n).append('\n').append(numbered(t)));
            throw new AssertionError(sb.toString());
        }
        Map<String, byte[]> bytes = new HashMap<>();
        classes.forEach((name, b) -> bytes.put(name, b.toByteArray()));
        return bytes;
    }

    private static String numbered(String text) {
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return sb.toString();
    }
}
