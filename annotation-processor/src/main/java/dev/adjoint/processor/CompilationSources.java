package dev.adjoint.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The source text of a compilation, as the compiler read it: the generator works on Java source,
 * and an annotation processor is handed elements. javac's tree API ({@code com.sun.source}) leads
 * from a type element to its compilation unit and that unit's text, and from a line back to the
 * innermost method or type at it, so that problems are reported at an element of the user's code.
 *
 * <p>Gradle wraps the processing environment for incremental compilation; the tree API needs
 * javac's own, so a wrapper is unwrapped through its {@code delegate} field (what Gradle's wrappers
 * hold). A compiler without the tree API (Eclipse's) gets one error saying so.
 */
final class CompilationSources {
    /** One source file: the path the generator reports, its text, its top-level types. */
    record SourceFile(Path path, String text, List<TypeElement> types, CompilationUnitTree unit) {}

    private final Trees trees;
    private final String unavailable;

    private CompilationSources(Trees trees, String unavailable) {
        this.trees = trees;
        this.unavailable = unavailable;
    }

    static CompilationSources of(ProcessingEnvironment env) {
        ProcessingEnvironment e = env;
        for (int depth = 0; depth < 4 && e != null; depth++) {
            try {
                return new CompilationSources(Trees.instance(e), null);
            } catch (IllegalArgumentException notJavacs) {
                e = delegate(e);
            }
        }
        return new CompilationSources(
                null,
                "this compiler (" + env.getClass().getName() + ") does not offer javac's tree"
                        + " API (com.sun.source), which the processor needs to read the annotated sources; compile with javac,"
                        + " or use the Maven plugin (dev.adjoint:adjoint-maven-plugin)");
    }

    /** The environment a wrapper (Gradle's incremental processing) delegates to, or null. */
    private static ProcessingEnvironment delegate(ProcessingEnvironment wrapper) {
        for (Class<?> c = wrapper.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("delegate");
                f.setAccessible(true);
                return f.get(wrapper) instanceof ProcessingEnvironment inner ? inner : null;
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException closed) {
                return null;
            }
        }
        return null;
    }

    /** Why the sources cannot be read with this compiler, if they cannot. */
    Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** The files that declare {@code roots} (the round's source types), each once, with its types in order. */
    List<SourceFile> read(Set<? extends Element> roots) {
        Map<CompilationUnitTree, List<TypeElement>> byUnit = new IdentityHashMap<>();
        List<CompilationUnitTree> order = new ArrayList<>();
        for (Element e : roots) {
            if (!(e instanceof TypeElement type)) {
                continue; // package-info and module-info declare no methods
            }
            TreePath path = trees.getPath(type);
            if (path == null) {
                continue; // a type from a class file, not a source
            }
            CompilationUnitTree unit = path.getCompilationUnit();
            byUnit.computeIfAbsent(unit, u -> {
                        order.add(u);
                        return new ArrayList<>();
                    })
                    .add(type);
        }
        List<SourceFile> files = new ArrayList<>();
        for (CompilationUnitTree unit : order) {
            try {
                String text = unit.getSourceFile().getCharContent(true).toString();
                files.add(new SourceFile(
                        pathOf(
                                unit.getSourceFile().toUri(),
                                unit.getSourceFile().getName()),
                        text,
                        List.copyOf(byUnit.get(unit)),
                        unit));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static Path pathOf(URI uri, String name) {
        if ("file".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        return Path.of(name.startsWith("/") ? name.substring(1) : name);
    }

    /** The innermost method or type of {@code file} whose source spans {@code line}; its first type otherwise; null if none. */
    Element elementAt(List<SourceFile> files, Path file, int line) {
        for (SourceFile f : files) {
            if (!f.path().equals(file) || f.types().isEmpty()) {
                continue;
            }
            if (line > 0) {
                for (TypeElement t : f.types()) {
                    Element inner = innermost(t, f.unit(), line);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
            return f.types().get(0);
        }
        return null;
    }

    private Element innermost(Element e, CompilationUnitTree unit, int line) {
        if (!spans(e, unit, line)) {
            return null;
        }
        for (Element child : e.getEnclosedElements()) {
            ElementKind k = child.getKind();
            if (k.isClass() || k.isInterface() || k == ElementKind.METHOD || k == ElementKind.CONSTRUCTOR) {
                Element inner = innermost(child, unit, line);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return e;
    }

    private boolean spans(Element e, CompilationUnitTree unit, int line) {
        Tree tree = trees.getTree(e);
        if (tree == null) {
            return false; // implicit members (a record's accessors, a default constructor)
        }
        SourcePositions positions = trees.getSourcePositions();
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        if (start < 0 || end < 0) {
            return false;
        }
        LineMap lines = unit.getLineMap();
        return lines.getLineNumber(start) <= line && line <= lines.getLineNumber(end);
    }
}
