package dev.adjoint.generator.cli;

import dev.adjoint.generator.AdjointGenerator;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.driver.OutputWriter;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code java -jar adjoint-generator.jar [-d outdir] [--method p.Model#loss] [--sourcepath path]
 * [--classpath path] [--disable loopFusion,...] Model.java|dir ...}: prints the generated adjoint classes on standard output
 * (or, with {@code -d}, writes them as the Maven plugin does), and on standard error the
 * diagnostics and one line per method ({@code p.Model#loss: static}, {@code p.Model#f: tape,
 * because ...}); exits 1 when there is an error in the sources, 2 on a usage error (what is wrong,
 * then the usage, on standard error) or a file that cannot be read or written; {@code -h} or
 * {@code --help} prints the usage on standard output and exits 0.
 */
public final class GeneratorCli {
    private GeneratorCli() {}

    /**
     * The parsed command line.
     *
     * @param inputs files and directories whose adjoint classes are wanted
     * @param method {@code p.Model#loss} to keep one method, or {@code null}
     * @param outputDirectory where to write the classes ({@code -d}), or {@code null} for standard output
     * @param sourcepath files and directories read for the {@code @Differentiable} methods the inputs call
     * @param classpath jars and directories of compiled {@code @Differentiable} methods the inputs
     *     call (another module's classes beside their generated adjoints, and the runtime jar)
     * @param disable the optimisations to switch off ({@code --disable loopFusion,refills}), or {@code ""}
     * @param dump the stage whose intermediate form to print instead of the classes ({@code --dump analyze}), or {@code null}
     */
    record Options(
            List<Path> inputs,
            String method,
            Path outputDirectory,
            List<Path> sourcepath,
            List<Path> classpath,
            String disable,
            String dump) {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The CLI without {@code System.exit}, for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (Stream.of(args).anyMatch(a -> a.equals("-h") || a.equals("--help"))) {
            usage(out);
            return 0;
        }
        Options o;
        try {
            o = parse(args);
        } catch (UsageError e) {
            err.println("adjoint: " + e.getMessage());
            usage(err);
            return 2;
        }
        dev.adjoint.generator.analyze.Options optimisations;
        try {
            optimisations = dev.adjoint.generator.analyze.Options.disabling(o.disable());
        } catch (IllegalArgumentException e) {
            err.println("adjoint: --disable: " + e.getMessage());
            return 2;
        }
        for (Path entry : o.classpath()) {
            // skipped, as javac skips it; but a mistyped entry would otherwise surface only as
            // "call to ... is not supported" at each call to its classes
            if (!Files.exists(entry)) {
                err.println(
                        "WARNING --classpath entry " + entry + " does not exist; calls to its classes will be unknown");
            }
        }
        Map<Path, String> sources = new LinkedHashMap<>();
        Map<Path, String> context = new LinkedHashMap<>();
        // a file that is not UTF-8 is an error in the sources at its first bad byte, as in the plugin
        List<Diagnostic> undecodable = new ArrayList<>();
        try {
            for (Path in : o.inputs()) {
                read(in, sources, undecodable);
            }
            Set<Path> seen = new HashSet<>();
            sources.keySet().forEach(p -> seen.add(p.toAbsolutePath().normalize()));
            Map<Path, String> all = new LinkedHashMap<>();
            for (Path in : o.sourcepath()) {
                read(in, all, undecodable);
            }
            all.forEach((p, text) -> {
                if (seen.add(p.toAbsolutePath().normalize())) {
                    context.put(p, text);
                }
            });
        } catch (Unreadable e) {
            err.println("adjoint: cannot read " + e.getMessage());
            return 2;
        }
        for (Diagnostic d : undecodable) {
            err.println(d.severity() + " " + d.format());
        }
        if (!undecodable.isEmpty() && o.dump() != null) {
            return 1;
        }
        if (o.dump() != null) {
            Map<Path, String> all = new LinkedHashMap<>(context);
            all.putAll(sources);
            try {
                out.print(AdjointGenerator.dump(all, o.dump(), Optional.ofNullable(o.method()), optimisations));
            } catch (IllegalArgumentException e) {
                err.println("adjoint: " + e.getMessage());
                return 2;
            }
            // the dump shows each error where it stops a method; the status says whether there is one, as a
            // build's would (the translation decides it: a method sent to the tape is not an error)
            Translation t = AdjointGenerator.translate(
                    sources, context, Optional.ofNullable(o.method()), optimisations, o.classpath());
            return t.hasErrors() ? 1 : 0;
        }
        Translation t = AdjointGenerator.translate(
                sources, context, Optional.ofNullable(o.method()), optimisations, o.classpath());
        for (Diagnostic d : t.diagnostics()) {
            err.println(d.severity() + " " + d.format());
        }
        if (t.hasErrors() || !undecodable.isEmpty()) {
            return 1;
        }
        t.methods().forEach(err::println);
        if (o.outputDirectory() != null) {
            OutputWriter.Outcome written = OutputWriter.write(o.outputDirectory(), t.generated(), Map.of(), Set.of());
            for (Diagnostic d : written.diagnostics()) {
                err.println(d.severity() + " " + d.format());
            }
            return written.diagnostics().isEmpty() ? 0 : 2;
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

    /** A command line that is not valid; the message says what is wrong with it. */
    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    /** The options of {@code args}. */
    static Options parse(String[] args) throws UsageError {
        String method = null;
        Path outputDirectory = null;
        List<Path> inputs = new ArrayList<>();
        List<Path> sourcepath = new ArrayList<>();
        List<Path> classpath = new ArrayList<>();
        String disable = "";
        String dump = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            boolean valued = switch (a) {
                case "--method",
                        "-d",
                        "--disable",
                        "--dump",
                        "--sourcepath",
                        "-sourcepath",
                        "--source-path",
                        "--classpath",
                        "-classpath",
                        "-cp",
                        "--class-path" -> true;
                default -> false;
            };
            if (valued) {
                if (i + 1 >= args.length) {
                    throw new UsageError("'" + a + "' needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--method" -> method = v;
                    case "-d" -> outputDirectory = Paths.get(v);
                    case "--disable" -> disable = v;
                    case "--dump" -> dump = v;
                    case "--sourcepath", "-sourcepath", "--source-path" -> sourcepath.addAll(pathList(v));
                    default -> classpath.addAll(pathList(v));
                }
            } else if (a.startsWith("-")) {
                throw new UsageError("unknown option '" + a + "'");
            } else {
                inputs.add(Paths.get(a));
            }
        }
        if (inputs.isEmpty()) {
            throw new UsageError("no source file or directory given");
        }
        return new Options(
                List.copyOf(inputs),
                method,
                outputDirectory,
                List.copyOf(sourcepath),
                List.copyOf(classpath),
                disable,
                dump);
    }

    /** {@code a:b} (on Windows {@code a;b}), empty entries dropped. */
    private static List<Path> pathList(String value) {
        List<Path> paths = new ArrayList<>();
        for (String s : value.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (!s.isBlank()) {
                paths.add(Paths.get(s));
            }
        }
        return paths;
    }

    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * Adds {@code in}, a {@code .java} file or a directory of them, to {@code into}; a file that is
     * not UTF-8 goes to {@code undecodable} as a positioned error instead.
     */
    private static void read(Path in, Map<Path, String> into, List<Diagnostic> undecodable) throws Unreadable {
        try {
            if (Files.isDirectory(in)) {
                try (Stream<Path> walk = Files.walk(in)) {
                    for (Path p : walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                            .sorted()
                            .toList()) {
                        decode(p, into, undecodable);
                    }
                }
            } else {
                decode(in, into, undecodable);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // its message is the path alone ("cannot read Missing.java: Missing.java")
            throw new Unreadable(e.getFile() + ": no such file or directory");
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(in + ": " + e.getMessage());
        }
    }

    private static void decode(Path file, Map<Path, String> into, List<Diagnostic> undecodable) throws IOException {
        AdjointGenerator.decode(file, Files.readAllBytes(file), undecodable, StandardCharsets.UTF_8)
                .ifPresent(text -> into.put(file, text));
    }

    private static void usage(PrintStream to) {
        String sep = File.pathSeparator;
        to.println("usage: java -jar adjoint-generator.jar [options] Model.java|source-dir ...");
        to.println(
                "Prints the adjoint classes of the @Differentiable methods of the given sources on standard output;");
        to.println(
                "on standard error, the problems and one line per method: 'p.Model#loss: static' or 'p.Model#f: tape, because ...'.");
        to.println("options:");
        to.println(
                "  -d <dir>                  write each class to <dir>/<package path>/<Owner>Adjoint.java, as the Maven plugin does,");
        to.println(
                "                            instead of printing it (a file is rewritten only when its content changes)");
        to.println("  --method <p.Model#loss>   only this method's adjoint");
        to.println("  --sourcepath <dir" + sep
                + "dir...>  sources (directories or files) read for the @Differentiable methods the inputs");
        to.println("                            call; their own adjoint classes are not written or printed");
        to.println(
                "  --classpath <path>        jars and class directories holding compiled @Differentiable methods the inputs call,");
        to.println(
                "                            beside their generated adjoint classes (adjoint-runtime comes with the generator):");
        to.println(
                "                            such a call goes through that adjoint; a class of the inputs or --sourcepath wins");
        to.println("  --disable <a,b,...>       switch optimisations off, to bisect a wrong gradient to one pass: "
                + dev.adjoint.generator.analyze.Options.names());
        to.println(
                "  --dump <stage>            print the intermediate form after a stage instead of the classes: normalize (the");
        to.println(
                "                            three-address form), analyze (with activity and saves), reverse (the adjoint before the");
        to.println("                            optimisations that rewrite it), optimize (as the build writes it)");
        to.println("  -h, --help                this text (on standard output, exit status 0)");
        to.println(
                "exit status: 0 done, 1 an error in the sources (nothing written), 2 a usage error or a file that cannot be read or written");
    }
}
