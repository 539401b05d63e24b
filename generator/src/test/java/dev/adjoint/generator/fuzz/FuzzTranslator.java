package dev.adjoint.generator.fuzz;

import static dev.adjoint.generator.fuzz.Fuzzer.options;
import static dev.adjoint.generator.fuzz.Fuzzer.trace;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import dev.adjoint.generator.fuzz.ProgramGenerator.Program;
import dev.adjoint.generator.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The translation step of a {@link Fuzzer} run: the batch's programs translated in chunks (one
 * {@link Pipeline#translate} call per chunk, a chunk that throws split until the program is found),
 * and a rejected program judged: the first accepted outcome when every error is positioned in the
 * program and both strategies reject alike, else a mismatch.
 */
final class FuzzTranslator {
    private final Fuzzer run;
    private final Fuzzer.Config config;
    /** The run's: programs rejected alike, not yet compiled. */
    private final List<Program> rejected;
    /** The run's: rejected programs by their extras and first error message. */
    private final Map<String, Integer> reasons;

    FuzzTranslator(Fuzzer run) {
        this.run = run;
        this.config = run.config;
        this.rejected = run.rejected;
        this.reasons = run.reasons;
    }

    /** The adjoint sources of {@code programs} that translate, by program: in chunks, each on a thread of {@code pool}. */
    Map<Program, Map<String, String>> translate(List<Program> programs, ExecutorService pool) {
        List<List<Program>> chunks = new ArrayList<>();
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            List<Program> group =
                    programs.stream().filter(p -> options(p).equals(o)).toList();
            int size = Math.max(1, (group.size() + 2 * config.threads() - 1) / (2 * config.threads()));
            for (int i = 0; i < group.size(); i += size) {
                chunks.add(group.subList(i, Math.min(group.size(), i + size)));
            }
        }
        List<Future<Map<Program, Map<String, String>>>> futures = new ArrayList<>();
        for (List<Program> c : chunks) {
            futures.add(pool.submit(() -> translateChunk(c, options(c.get(0)))));
        }
        Map<Program, Map<String, String>> out = new TreeMap<>((a, b) -> Integer.compare(a.index(), b.index()));
        for (Future<Map<Program, Map<String, String>>> f : futures) {
            try {
                out.putAll(f.get());
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** The adjoint source of each program of {@code chunk} that translates; a mismatch for each one that does not. */
    private Map<Program, Map<String, String>> translateChunk(List<Program> chunk, Options o) {
        Map<Program, Map<String, String>> out = new LinkedHashMap<>();
        if (chunk.isEmpty()) {
            return out;
        }
        Map<Path, String> sources = new LinkedHashMap<>();
        Map<Path, Program> byFile = new LinkedHashMap<>();
        for (Program p : chunk) {
            Path f = Path.of(ProgramGenerator.PACKAGE, p.className() + ".java");
            sources.put(f, p.source());
            byFile.put(f, p);
        }
        Translation t;
        try {
            t = Pipeline.translate(sources, Optional.empty(), o);
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            if (chunk.size() == 1) {
                mismatch(chunk.get(0), "", "GENERATOR_EXCEPTION", "translate threw " + trace(e));
                return out;
            }
            out.putAll(translateChunk(chunk.subList(0, chunk.size() / 2), o));
            out.putAll(translateChunk(chunk.subList(chunk.size() / 2, chunk.size()), o));
            return out;
        }
        if (t.hasErrors()) {
            Map<Program, List<Diagnostic>> bad = new LinkedHashMap<>();
            for (Diagnostic d : t.diagnostics()) {
                if (d.isError()) {
                    Program p = byFile.get(d.file());
                    if (p == null) {
                        // an error without a known file: split until it is pinned to a program
                        if (chunk.size() == 1) {
                            bad.computeIfAbsent(chunk.get(0), k -> new ArrayList<>())
                                    .add(d);
                        } else {
                            out.putAll(translateChunk(chunk.subList(0, chunk.size() / 2), o));
                            out.putAll(translateChunk(chunk.subList(chunk.size() / 2, chunk.size()), o));
                            return out;
                        }
                    } else {
                        bad.computeIfAbsent(p, k -> new ArrayList<>()).add(d);
                    }
                }
            }
            bad.forEach((p, ds) -> judgeRejection(p, ds, byFile, o));
            List<Program> rest = chunk.stream().filter(p -> !bad.containsKey(p)).toList();
            out.putAll(translateChunk(rest, o));
            return out;
        }
        for (Program p : chunk) {
            Map<String, String> adjoints = new TreeMap<>();
            for (Method m : p.methods()) {
                String name = m.adjointClass(p);
                String adjoint = t.generated().get(name);
                if (adjoint == null) {
                    mismatch(
                            p,
                            "",
                            "GENERATOR_ERROR",
                            "no adjoint class " + name + " among "
                                    + t.generated().keySet());
                    adjoints = null;
                    break;
                }
                adjoints.put(name, config.mutation().apply(adjoint));
            }
            if (adjoints != null) {
                out.put(p, adjoints);
            }
        }
        // (a NOTE tells what is not generated, such as an Hvp through a first-order custom derivative: no mismatch; a
        // note
        // that a file is not read leaves its program without an adjoint, a mismatch of its own)
        List<Diagnostic> warnings = t.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.WARNING)
                .toList();
        for (Diagnostic d : warnings) {
            Program p = byFile.get(d.file());
            if (p != null && out.containsKey(p)) {
                out.remove(p);
                mismatch(p, "", "GENERATOR_WARNING", "a warning on supported Java: " + d);
            }
        }
        return out;
    }

    /**
     * The first accepted outcome, a program rejected: every error positioned at a line and column of the program, and
     * the STATIC and TAPE variants of each method rejected alike (an error on a line of {@code mS} rejects m under the
     * static strategy, one on {@code mT} under the tape). Then the program joins {@link #rejected} (its source is still
     * compiled, to check that it is Java); else a mismatch, UNPOSITIONED or STRATEGIES_DISAGREE.
     */
    private void judgeRejection(Program p, List<Diagnostic> errors, Map<Path, Program> byFile, Options o) {
        String[] owners = methodLines(p.source());
        StringBuilder listed = new StringBuilder();
        String[] lines = p.source().split("\n", -1);
        boolean unpositioned = false;
        Set<String> byStatic = new java.util.TreeSet<>();
        Set<String> byTape = new java.util.TreeSet<>();
        for (Diagnostic d : errors) {
            boolean positioned = byFile.get(d.file()) == p
                    && d.line() >= 1
                    && d.column() >= 1
                    && d.line() <= lines.length
                    && d.column() <= lines[d.line() - 1].length() + 1;
            listed.append(d).append('\n');
            if (!positioned) {
                unpositioned = true;
                continue;
            }
            listed.append(String.format(Locale.ROOT, "    %4d  %s%n", d.line(), lines[d.line() - 1]));
            String owner = owners[d.line()];
            for (Method m : p.methods()) {
                if ((m.base() + "S").equals(owner)) {
                    byStatic.add(m.base());
                } else if ((m.base() + "T").equals(owner)) {
                    byTape.add(m.base());
                }
            }
        }
        if (p.extras().stream().noneMatch(ProgramGenerator.REJECTED::contains)) {
            // none of the constructs that must be rejected: Java that both strategies support (the desugar pass lowers
            // the rest)
            mismatch(p, "", "GENERATOR_ERROR", "the generator rejects supported Java (" + o + "):\n" + listed);
        } else if (unpositioned) {
            mismatch(p, "", "UNPOSITIONED", "an error without a position in the program (" + o + "):\n" + listed);
        } else if (!byStatic.equals(byTape) && !(byStatic.containsAll(byTape) && staticOnly(errors, owners, byTape))) {
            mismatch(
                    p,
                    "",
                    "STRATEGIES_DISAGREE",
                    "the strategies disagree on rejecting (" + o + "): STATIC rejects " + byStatic + ", TAPE rejects "
                            + byTape + ":\n" + listed);
        } else {
            rejected.add(p);
            // what rejected it, for the report: the first error's message without its quoted code, and the extras
            String why = errors.get(0).message().replaceAll("'[^']*'", "'…'");
            reasons.merge(p.extras() + " " + (why.length() > 110 ? why.substring(0, 110) + "…" : why), 1, Integer::sum);
        }
    }

    /**
     * Whether the errors that reject a method under STATIC only (not under TAPE) each name a restriction of the static
     * strategy: what AUTO falls back to the tape for (README: "❌ → tape"), not a construct that neither models.
     */
    private static boolean staticOnly(List<Diagnostic> errors, String[] owners, Set<String> byTape) {
        for (Diagnostic d : errors) {
            String owner = d.line() >= 1 && d.line() < owners.length ? owners[d.line()] : null;
            boolean staticVariant =
                    owner != null && owner.endsWith("S") && !byTape.contains(owner.substring(0, owner.length() - 1));
            if (staticVariant && !d.message().contains("static strategy")) {
                return false;
            }
        }
        return true;
    }

    /**
     * For each 1-based line of {@code source}, the method whose declaration (its annotation to its closing brace) holds
     * it, e.g. {@code mS} or {@code h0T}; null outside methods.
     */
    static String[] methodLines(String source) {
        String[] lines = source.split("\n", -1);
        String[] at = new String[lines.length + 1];
        java.util.regex.Pattern head = java.util.regex.Pattern.compile("^(\\s*)static [\\w\\[\\]]+ (\\w+)\\(");
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher mt = head.matcher(lines[i]);
            if (!mt.find()) {
                continue;
            }
            String close = mt.group(1) + "}";
            int start = i > 0 && lines[i - 1].strip().startsWith("@") ? i - 1 : i;
            int end = i;
            while (end < lines.length - 1 && !lines[end].equals(close)) {
                end++;
            }
            for (int j = start; j <= end; j++) {
                at[j + 1] = mt.group(2);
            }
            i = end;
        }
        return at;
    }

    private void mismatch(Program p, String method, String kind, String detail) {
        run.mismatch(p, method, kind, detail);
    }
}
