package dev.adjoint.generator.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Lists the {@code .java} files of source roots that pass the include and exclude globs. */
public final class SourceScanner {
    private SourceScanner() {}

    /**
     * Files under {@code roots} whose path relative to their root matches one of {@code includes}
     * (default {@code **}{@code /*.java}) and none of {@code excludes}; sorted, so runs are
     * deterministic. Missing roots are skipped.
     */
    public static List<Path> scan(List<Path> roots, List<String> includes, List<String> excludes) {
        List<PathMatcher> in = matchers(includes.isEmpty() ? List.of("**/*.java") : includes);
        List<PathMatcher> out = matchers(excludes);
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().endsWith(".java"))
                        .filter(p -> {
                            Path rel = root.relativize(p);
                            return matchesAny(in, rel) && !matchesAny(out, rel);
                        })
                        .forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        found.sort(null);
        return found;
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> ms = new ArrayList<>();
        for (String g : globs) {
            String glob = g.trim();
            if (glob.isEmpty()) {
                continue;
            }
            ms.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            // "**/*.java" should also match a file directly in the root, as Maven's includes do
            if (glob.startsWith("**/")) {
                ms.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            }
        }
        return ms;
    }

    private static boolean matchesAny(List<PathMatcher> ms, Path rel) {
        for (PathMatcher m : ms) {
            if (m.matches(rel)) {
                return true;
            }
        }
        return false;
    }
}
