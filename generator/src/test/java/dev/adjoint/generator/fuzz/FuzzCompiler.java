package dev.adjoint.generator.fuzz;

import static dev.adjoint.generator.fuzz.Fuzzer.options;

import dev.adjoint.generator.fuzz.ProgramGenerator.Program;
import dev.adjoint.generator.testing.BatchCompiler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The javac step of a {@link Fuzzer} run: each program with its adjoint classes, in one in-memory
 * javac call per thread ({@code -Xlint:all -Werror}); a program whose adjoint javac rejects or warns
 * about is dropped as a JAVAC mismatch (PROGRAM when the random program itself does not compile).
 */
final class FuzzCompiler {
    private final Fuzzer run;
    private final Fuzzer.Config config;

    FuzzCompiler(Fuzzer run) {
        this.run = run;
        this.config = run.config;
    }

    /**
     * Compiles every program with its adjoint, in one javac call per thread; drops (as mismatches)
     * those javac rejects.
     */
    Map<Program, ClassLoader> compile(Map<Program, Map<String, String>> adjoints, ExecutorService pool) {
        List<Program> all = new ArrayList<>(adjoints.keySet());
        int groups = Math.max(1, Math.min(config.threads(), all.size() / 20));
        List<Future<Map<Program, ClassLoader>>> futures = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            Map<Program, Map<String, String>> part = new LinkedHashMap<>();
            for (int i = g; i < all.size(); i += groups) {
                part.put(all.get(i), adjoints.get(all.get(i)));
            }
            futures.add(pool.submit(() -> compileGroup(part)));
        }
        Map<Program, ClassLoader> out = new LinkedHashMap<>();
        for (Future<Map<Program, ClassLoader>> f : futures) {
            try {
                out.putAll(f.get());
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private Map<Program, ClassLoader> compileGroup(Map<Program, Map<String, String>> adjoints) {
        Map<Program, ClassLoader> out = new LinkedHashMap<>();
        while (!adjoints.isEmpty()) {
            Map<String, String> sources = new LinkedHashMap<>();
            Map<String, Program> byClass = new LinkedHashMap<>();
            adjoints.forEach((p, a) -> {
                sources.put(p.qualifiedName(), p.source());
                byClass.put(p.qualifiedName(), p);
                sources.putAll(a);
                a.keySet().forEach(c -> byClass.put(c, p));
            });
            BatchCompiler.Result r = BatchCompiler.compile(sources);
            if (r.ok()) {
                adjoints.keySet().forEach(p -> out.put(p, r.loader()));
                return out;
            }
            if (r.problems().containsKey("")) {
                throw new IllegalStateException("javac failed without naming a source: " + r.problems());
            }
            for (Map.Entry<String, List<String>> e : r.problems().entrySet()) {
                Program p = byClass.get(e.getKey());
                if (adjoints.remove(p) != null) {
                    boolean ours = e.getKey().equals(p.qualifiedName());
                    String what = ours
                            ? "the random program does not compile (a bug of this test)"
                            : "javac rejects the generated code";
                    StringBuilder d = new StringBuilder(what + " (-Xlint:all -Werror, " + options(p) + "):\n");
                    e.getValue().stream().limit(10).forEach(l -> d.append(l).append('\n'));
                    if (!ours) {
                        d.append("generated ")
                                .append(e.getKey())
                                .append(":\n")
                                .append(numbered(sources.get(e.getKey())));
                    }
                    mismatch(p, "", ours ? "PROGRAM" : "JAVAC", d.toString());
                }
            }
        }
        return out;
    }

    private static String numbered(String text) {
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines[i]));
        }
        return sb.toString();
    }

    private void mismatch(Program p, String method, String kind, String detail) {
        run.mismatch(p, method, kind, detail);
    }
}
