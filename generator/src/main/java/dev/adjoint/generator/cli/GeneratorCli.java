package dev.adjoint.generator.cli;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -jar adjoint-generator.jar [--method p.Model#loss] Model.java|dir ...}: prints the
 * generated adjoint classes on standard output and the diagnostics on standard error; exits 1 when
 * there is an error, 2 on a usage error.
 */
public final class GeneratorCli {
    private GeneratorCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The CLI without {@code System.exit}, for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String method = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--method") && i + 1 < args.length) {
                method = args[++i];
            } else if (args[i].equals("-h") || args[i].equals("--help") || args[i].startsWith("-")) {
                usage(err);
                return 2;
            } else {
                inputs.add(Paths.get(args[i]));
            }
        }
        if (inputs.isEmpty()) {
            usage(err);
            return 2;
        }
        Map<Path, String> sources = new LinkedHashMap<>();
        for (Path in : inputs) {
            try {
                if (Files.isDirectory(in)) {
                    try (Stream<Path> walk = Files.walk(in)) {
                        for (Path p : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                            sources.put(p, Files.readString(p, StandardCharsets.UTF_8));
                        }
                    }
                } else {
                    sources.put(in, Files.readString(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                err.println("adjoint: cannot read " + in + ": " + e.getMessage());
                return 2;
            }
        }
        Translation t = method == null
                ? AdjointGenerator.translate(sources)
                : AdjointGenerator.translateOnly(sources, method);
        for (Diagnostic d : t.diagnostics()) {
            err.println(d.severity() + " " + d.format());
        }
        if (t.hasErrors()) {
            return 1;
        }
        boolean first = true;
        for (String src : t.generated().values()) {
            if (!first) {
                out.println();
            }
            out.print(src);
            first = false;
        }
        return 0;
    }

    private static void usage(PrintStream err) {
        err.println("usage: java -jar adjoint-generator.jar [--method p.Model#loss] Model.java|source-dir ...");
    }
}
