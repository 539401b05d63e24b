package dev.adjoint.generator.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes generated classes into package folders, touching only files whose content changed (so
 * the compiler does not redo work), through a temporary file and an atomic move (so no reader
 * ever sees half a file), and removes files an earlier run generated that are no longer produced.
 */
public final class OutputWriter {
    private OutputWriter() {}

    /** What a write did. */
    public record Outcome(List<Path> written, List<Path> unchanged) {
        /** Every generated file, written or not. */
        public List<Path> all() {
            List<Path> all = new ArrayList<>(written);
            all.addAll(unchanged);
            all.sort(null);
            return all;
        }
    }

    /**
     * @param outputDirectory the generated-sources root
     * @param sources source text by fully qualified class name
     * @param previous files the previous successful run generated (deleted if not produced now)
     */
    public static Outcome write(Path outputDirectory, Map<String, String> sources, Set<Path> previous) {
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        Set<Path> produced = new TreeSet<>();
        try {
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path target = outputDirectory.resolve(e.getKey().replace('.', '/') + ".java");
                produced.add(target);
                byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                    unchanged.add(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
            for (Path old : previous) {
                if (!produced.contains(old)) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write generated sources under " + outputDirectory, ex);
        }
        return new Outcome(written, unchanged);
    }
}
