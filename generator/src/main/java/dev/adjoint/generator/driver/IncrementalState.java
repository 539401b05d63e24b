package dev.adjoint.generator.driver;

import dev.adjoint.generator.GenerationRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The fingerprint of one run's inputs: every source file (path and content), the request's
 * options and the generator itself. A run whose fingerprint equals the saved one, and whose saved
 * outputs all still exist with the content that run gave them, has nothing to do (an output edited
 * or truncated by hand is written again). The state is saved only after a successful run.
 */
public final class IncrementalState {
    private static final String HEADER = "adjoint-state 2";
    private final Path stateFile;
    private final String fingerprint;
    private final String savedFingerprint;
    /** What the last successful run generated: each file's SHA-256 (hex) by path. */
    private final Map<Path, String> previousOutputs;

    private Path report;

    private IncrementalState(
            Path stateFile, String fingerprint, String savedFingerprint, Map<Path, String> previousOutputs) {
        this.stateFile = stateFile;
        this.fingerprint = fingerprint;
        this.savedFingerprint = savedFingerprint;
        this.previousOutputs = previousOutputs;
    }

    /** Reads the saved state of {@code request} (if any) and fingerprints {@code sources}. */
    public static IncrementalState of(GenerationRequest request, Map<Path, String> sources) {
        MessageDigest md = sha256();
        update(md, HEADER);
        update(md, GeneratorFingerprint.VALUE);
        update(md, request.outputDirectory().toAbsolutePath().toString());
        update(md, "failOnTapeFallback=" + request.failOnTapeFallback());
        update(md, "report=" + request.reportFile());
        update(md, "options=" + request.options());
        for (Map.Entry<Path, String> e : sources.entrySet()) {
            update(md, e.getKey().toAbsolutePath().toString());
            update(md, e.getValue());
        }
        classpath(md, request.classpath());
        String fp = HexFormat.of().formatHex(md.digest());
        Path file = request.stateFile();
        String saved = null;
        Map<Path, String> outputs = new TreeMap<>();
        if (file != null && Files.isRegularFile(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && lines.get(0).equals(HEADER)) {
                    saved = lines.get(1);
                    for (String l : lines.subList(2, lines.size())) {
                        int space = l.indexOf(' '); // "<sha-256> <path>"
                        if (space > 0) {
                            outputs.put(Paths.get(l.substring(space + 1)), l.substring(0, space));
                        }
                    }
                }
            } catch (IOException e) {
                saved = null; // unreadable state: regenerate
            }
        }
        IncrementalState st = new IncrementalState(file, fp, saved, outputs);
        st.report = request.reportFile();
        return st;
    }

    /**
     * Whether nothing changed since the last successful run and its outputs are all still there,
     * as it wrote them.
     */
    public boolean isUpToDate() {
        return stateFile != null
                && fingerprint.equals(savedFingerprint)
                && previousOutputs.entrySet().stream()
                        .allMatch(e -> e.getValue().equals(digestOf(e.getKey())))
                && (report == null || Files.isRegularFile(report));
    }

    /** What the last successful run generated. */
    public Set<Path> previousOutputs() {
        return new TreeSet<>(previousOutputs.keySet());
    }

    /** Where the state is kept; {@code null} when incremental checking is off. */
    public Path stateFile() {
        return stateFile;
    }

    /**
     * The state recording a successful run that produced {@code outputs} (each file's text by
     * path): the caller writes it to {@link #stateFile()} together with those outputs, so that a
     * failed write leaves the old state.
     */
    public String content(Map<Path, String> outputs) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(fingerprint);
        new TreeMap<>(outputs)
                .forEach((p, text) ->
                        lines.add(HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8))) + " "
                                + p.toAbsolutePath()));
        return String.join("\n", lines) + "\n";
    }

    /** The SHA-256 of {@code file}'s bytes, or {@code null} when it is not a readable file. */
    private static String digestOf(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file)))
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The classpath's entries and their class files, by name, size and time: a rebuilt module
     * whose methods the sources call (another signature, other writes to its arrays) makes the
     * next run translate again.
     */
    private static void classpath(MessageDigest md, List<Path> classpath) {
        for (Path entry : classpath) {
            update(md, "classpath=" + entry.toAbsolutePath());
            try {
                List<Path> files = List.of(entry);
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> walk = Files.walk(entry)) {
                        files = walk.filter(f -> f.getFileName().toString().endsWith(".class"))
                                .sorted()
                                .toList();
                    }
                }
                for (Path f : files) {
                    if (Files.isRegularFile(f)) {
                        update(
                                md,
                                f + " " + Files.size(f) + " "
                                        + Files.getLastModifiedTime(f).toMillis());
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                update(md, "unreadable"); // (translation will say what it cannot read)
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static void update(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(Integer.toString(b.length).getBytes(StandardCharsets.UTF_8));
        md.update((byte) ':');
        md.update(b);
    }

    /**
     * A digest of the generator's own classes, so that a rebuilt generator (same version, new
     * code) invalidates earlier outputs.
     */
    static final class GeneratorFingerprint {
        static final String VALUE = compute();

        private static String compute() {
            MessageDigest md = sha256();
            try {
                CodeSource cs = IncrementalState.class.getProtectionDomain().getCodeSource();
                Path where = cs == null ? null : Paths.get(cs.getLocation().toURI());
                if (where == null) {
                    return "unknown";
                }
                if (Files.isDirectory(where)) {
                    try (Stream<Path> walk = Files.walk(where)) {
                        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                            update(md, where.relativize(p).toString());
                            md.update(Files.readAllBytes(p));
                        }
                    }
                } else {
                    try (InputStream in = Files.newInputStream(where)) {
                        md.update(in.readAllBytes());
                    }
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                return "unknown";
            }
            return HexFormat.of().formatHex(md.digest());
        }
    }
}
