package dev.adjoint.generator.driver;

import dev.adjoint.generator.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes one run's files as a whole or not at all: generated classes into package folders, plus
 * the run's other files (report, incremental state). Only files whose content changed are touched
 * (so the compiler does not redo work), and files an earlier run generated that are no longer
 * produced are removed.
 *
 * <p>Every new content is first written to a temporary file next to its target; only when all of
 * them are on disk are they moved into place (each move atomic, so no reader sees half a file). If
 * anything fails, what this run already changed is put back as it was (the old contents are kept in
 * memory) and the folders it created are removed: a build never sees a partial output.
 */
public final class OutputWriter {
    private OutputWriter() {}

    /**
     * What a write did.
     *
     * @param written generated classes whose content changed (or that did not exist)
     * @param unchanged generated classes already on disk with this content, left untouched
     * @param diagnostics why nothing was written, when the write failed (then both lists are empty)
     */
    public record Outcome(List<Path> written, List<Path> unchanged, List<Diagnostic> diagnostics) {
        /** Every generated class, written or not. */
        public List<Path> all() {
            List<Path> all = new ArrayList<>(written);
            all.addAll(unchanged);
            all.sort(null);
            return all;
        }
    }

    /** The generated class files {@code sources} (by fully qualified class name) map to. */
    public static List<Path> targets(Path outputDirectory, Map<String, String> sources) {
        List<Path> out = new ArrayList<>();
        sources.keySet().forEach(c -> out.add(target(outputDirectory, c)));
        out.sort(null);
        return out;
    }

    /** {@code sources} (text by fully qualified class name) by the file each is written to. */
    public static Map<Path, String> byTarget(Path outputDirectory, Map<String, String> sources) {
        Map<Path, String> out = new java.util.TreeMap<>();
        sources.forEach((c, text) -> out.put(target(outputDirectory, c), text));
        return out;
    }

    private static Path target(Path outputDirectory, String className) {
        return outputDirectory.resolve(className.replace('.', '/') + ".java");
    }

    /** One file to change: its new content ({@code null} to delete it) and its content before, if it existed. */
    private record Change(Path target, byte[] content, byte[] before, boolean generated) {}

    /**
     * @param outputDirectory the generated-sources root
     * @param sources source text by fully qualified class name
     * @param others further files of the run (report, state) with their text; written when changed
     * @param previous files the previous successful run generated (deleted if not produced now)
     */
    public static Outcome write(
            Path outputDirectory, Map<String, String> sources, Map<Path, String> others, Set<Path> previous) {
        List<Path> unchanged = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Set<Path> produced = new TreeSet<>();
        Path at = outputDirectory;
        try {
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path target = target(outputDirectory, e.getKey());
                at = target;
                produced.add(target);
                Optional<Change> c = change(target, e.getValue().getBytes(StandardCharsets.UTF_8), true);
                if (c.isPresent()) {
                    changes.add(c.get());
                } else {
                    unchanged.add(target);
                }
            }
            for (Map.Entry<Path, String> e : others.entrySet()) {
                at = e.getKey();
                change(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8), false)
                        .ifPresent(changes::add);
            }
            for (Path old : previous) {
                if (!produced.contains(old) && Files.isRegularFile(old)) {
                    at = old;
                    changes.add(new Change(old, null, Files.readAllBytes(old), false));
                }
            }
        } catch (IOException | RuntimeException ex) {
            return failed(at, "cannot read", ex);
        }
        return commit(changes, unchanged);
    }

    /** The change that gives {@code target} {@code content}, or none when it has it already. */
    private static Optional<Change> change(Path target, byte[] content, boolean generated) throws IOException {
        byte[] before = Files.isRegularFile(target) ? Files.readAllBytes(target) : null;
        if (before != null && Arrays.equals(before, content)) {
            return Optional.empty();
        }
        return Optional.of(new Change(target, content, before, generated));
    }

    private static Outcome commit(List<Change> changes, List<Path> unchanged) {
        List<Path> createdDirs = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        List<Change> done = new ArrayList<>();
        Path at = null;
        String doing = "cannot write";
        try {
            // stage: every new content on disk, next to its target, before any target changes
            for (Change c : changes) {
                at = c.target();
                if (c.content() == null) {
                    temps.add(null);
                    continue;
                }
                createDirectories(c.target().toAbsolutePath().getParent(), createdDirs);
                Path tmp = c.target().resolveSibling(c.target().getFileName() + ".adjoint-tmp");
                temps.add(tmp);
                Files.write(tmp, c.content());
            }
            // commit: move each into place (or delete it)
            for (int i = 0; i < changes.size(); i++) {
                Change c = changes.get(i);
                at = c.target();
                if (c.content() == null) {
                    doing = "cannot delete the stale generated file";
                    Files.deleteIfExists(c.target());
                } else {
                    doing = "cannot replace";
                    Files.move(
                            temps.get(i),
                            c.target(),
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
                done.add(c);
            }
        } catch (IOException | RuntimeException ex) {
            rollBack(done, temps, createdDirs);
            return failed(at, doing, ex);
        }
        List<Path> written = new ArrayList<>();
        changes.stream().filter(c -> c.generated() && c.content() != null).forEach(c -> written.add(c.target()));
        return new Outcome(written, unchanged, List.of());
    }

    /** Like {@link Files#createDirectories}, remembering each folder it creates (outermost first). */
    private static void createDirectories(Path dir, List<Path> created) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent(), created);
        Files.createDirectory(dir);
        created.add(dir);
    }

    /** Puts back what {@code done} changed and removes the temporary files and the folders this run created. */
    private static void rollBack(List<Change> done, List<Path> temps, List<Path> createdDirs) {
        for (Change c : done) {
            try {
                if (c.before() == null) {
                    Files.deleteIfExists(c.target());
                } else {
                    Files.write(c.target(), c.before());
                }
            } catch (IOException | RuntimeException ignored) {
                // best effort: the failure that started the roll-back is what gets reported
            }
        }
        for (Path tmp : temps) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException | RuntimeException ignored) {
                // as above
            }
        }
        for (int i = createdDirs.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(createdDirs.get(i)); // fails, and stays, if something else was put there
            } catch (IOException | RuntimeException ignored) {
                // as above
            }
        }
    }

    private static Outcome failed(Path at, String doing, Exception ex) {
        String why = ex.getMessage() == null
                ? ex.getClass().getSimpleName()
                : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        Diagnostic d = Diagnostic.error(
                at,
                0,
                0,
                doing + " " + at + " (" + why + "); no generated file was written or changed."
                        + " Check that the output directory and the folders under it are writable directories, not files, and build again");
        return new Outcome(List.of(), List.of(), List.of(d));
    }
}
