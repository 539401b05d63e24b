package dev.adjoint.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout issue 19 asks of the generator's main sources: one responsibility per package, stated
 * in its {@code package-info.java}; no cycle among the packages (a pass may depend on the passes
 * before it and on the leaf packages, never the other way round); files under 400 lines.
 * Dependencies are the generator's own packages a file names in code (imports and fully qualified
 * names), comments left out: a Javadoc link is not a dependency.
 */
class PackageLayoutTest {
    private static final Path ROOT = Path.of("src/main/java/dev/adjoint/generator");
    private static final Pattern NAMED = Pattern.compile("dev\\.adjoint\\.generator\\.([a-z]+)\\.[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        List<String> cycles = new ArrayList<>();
        for (String p : uses.keySet()) {
            List<String> path = pathBack(p, uses);
            if (!path.isEmpty()) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles, "packages that reach themselves again");
    }

    @Test
    void everyPackageStatesItsJob() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(ROOT)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> files = Files.list(d)) {
                    hasJava = files.anyMatch(f -> f.toString().endsWith(".java"));
                }
                if (hasJava && !Files.exists(d.resolve("package-info.java"))) {
                    missing.add(ROOT.relativize(d).toString());
                }
            }
        }
        assertEquals(List.of(), missing, "packages without package-info.java");
    }

    @Test
    void filesStayUnder400Lines() throws IOException {
        Map<String, Integer> long_ = new TreeMap<>();
        for (Path f : javaFiles()) {
            int lines = Files.readAllLines(f).size();
            if (lines >= 400) {
                long_.put(ROOT.relativize(f).toString(), lines);
            }
        }
        assertEquals(Map.of(), long_, "main-source files of 400 lines or more: find the second job in each");
    }

    @Test
    void theDependencyReaderSeesDependencies() throws IOException {
        // (so that the cycle test cannot pass by reading nothing)
        Map<String, Set<String>> uses = dependencies();
        assertTrue(uses.getOrDefault("pipeline", Set.of()).contains("reverse"), uses.toString());
        assertTrue(uses.size() > 15, uses.keySet().toString());
    }

    /** The packages each package names in code. */
    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path f : javaFiles()) {
            Path dir = ROOT.relativize(f).getParent();
            String pkg = dir == null ? "" : dir.toString().replace('/', '.');
            Set<String> mine = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher m = NAMED.matcher(withoutComments(Files.readString(f)));
            while (m.find()) {
                if (!m.group(1).equals(pkg)) {
                    mine.add(m.group(1));
                }
            }
        }
        return uses;
    }

    /** {@code java} without its comments (string and character literals kept as they are). */
    static String withoutComments(String java) {
        StringBuilder out = new StringBuilder(java.length());
        int i = 0;
        while (i < java.length()) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                int end = java.indexOf('\n', i);
                i = end < 0 ? java.length() : end;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? java.length() : end + 2;
                out.append(' ');
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < java.length() && java.charAt(end) != c) {
                    end += java.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(java, i, Math.min(end + 1, java.length()));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    @Test
    void commentsAreLeftOutAndLiteralsKept() {
        assertEquals(
                "a   b \"/* x */\" c \n d",
                withoutComments("a /* dev.adjoint.generator.x.Y */ b \"/* x */\" c // dev.adjoint.generator.x.Y\n d"));
    }

    /** A path from {@code start} back to itself, or empty. */
    private static List<String> pathBack(String start, Map<String, Set<String>> uses) {
        List<String> path = new ArrayList<>(List.of(start));
        return search(start, start, uses, path, new TreeSet<>()) ? path : List.of();
    }

    private static boolean search(
            String start, String at, Map<String, Set<String>> uses, List<String> path, Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                path.add(next);
                return true;
            }
            if (seen.add(next)) {
                path.add(next);
                if (search(start, next, uses, path, seen)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
