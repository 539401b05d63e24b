package dev.adjoint.maven;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The source roots a goal reads: the project's roots without the goal's own output directory, so
 * that generated adjoints are never read back as input (the root is added to the project before
 * the next build of the same Maven session, e.g. in m2e or with several goals on one command
 * line).
 */
final class SourceRoots {
    private SourceRoots() {}

    /**
     * {@code roots} as absolute, normalized paths, in their order, without duplicates and without
     * {@code outputDirectory} or anything inside it.
     */
    static List<Path> excluding(Collection<String> roots, File outputDirectory) {
        return excluding(roots, List.of(outputDirectory));
    }

    /**
     * {@code roots} as absolute, normalized paths, in their order, without duplicates and without
     * any of {@code outputDirectories} (another goal's output too, such as the generated gradient
     * tests, which carry their own adjoints) or anything inside them.
     */
    static List<Path> excluding(Collection<String> roots, List<File> outputDirectories) {
        List<Path> outputs =
                outputDirectories.stream().map(f -> normalize(f.getPath())).toList();
        Set<Path> kept = new LinkedHashSet<>();
        for (String root : roots) {
            if (root == null || root.isBlank()) {
                continue;
            }
            Path p = normalize(root);
            if (outputs.stream().noneMatch(p::startsWith)) {
                kept.add(p);
            }
        }
        return new ArrayList<>(kept);
    }

    private static Path normalize(String path) {
        return Paths.get(path).toAbsolutePath().normalize();
    }
}
