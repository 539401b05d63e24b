package dev.adjoint.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the benchmarks' command-line tools share: {@code --name value} options, and writing a report file. */
public final class CommandLine {
    private CommandLine() {}

    /** {@code --name value} pairs, by name without the dashes. */
    public static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int a = 0; a + 1 < args.length; a += 2) {
            if (!args[a].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value pairs; got '" + args[a] + "'");
            }
            opt.put(args[a].substring(2), args[a + 1]);
        }
        return opt;
    }

    /** The value of option {@code name}, which must be given. */
    public static String required(Map<String, String> opt, String name) {
        String v = opt.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    /** Writes {@code text} to {@code file} (its folders created) and says so. */
    public static void write(Path file, String text) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }
}
