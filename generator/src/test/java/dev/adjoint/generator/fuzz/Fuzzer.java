package dev.adjoint.generator.fuzz;

import dev.adjoint.generator.testing.BatchCompiler;
import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.fuzz.ProgramGenerator.Kind;
import dev.adjoint.generator.fuzz.ProgramGenerator.Method;
import dev.adjoint.generator.fuzz.ProgramGenerator.Param;
import dev.adjoint.generator.fuzz.ProgramGenerator.Program;
import dev.adjoint.generator.pipeline.Pipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * Differential fuzzing of the generator: random programs from {@link ProgramGenerator}, translated
 * in batches (both strategies), compiled in one javac call ({@code -Xlint:all -Werror}), then, at
 * random points, every method's static gradient is compared with its tape gradient, with central
 * differences (of the double twin for programs with floats), with its {@code Vjp} under another
 * seed into non-zero buffers, and the adjoints' values and in-place array writes with the
 * original's.
 *
 * <p>Two outcomes are accepted per program: (a) it uses a construct of {@link
 * ProgramGenerator#REJECTED} and the generator rejects it, every error positioned at a line and
 * column of the program, and the STATIC and TAPE variants of each method rejected alike (the
 * program itself still compiles); or (b) it translates, the adjoints compile with
 * {@code -Xlint:all -Werror}, and their values, in-place array writes and gradients match the
 * original, each other and central differences. Anything else mismatches: an error without a
 * position (UNPOSITIONED), one strategy rejecting what the other accepts (STRATEGIES_DISAGREE),
 * the generator throwing, javac rejecting or warning about the output, an adjoint throwing,
 * returning another value, leaving an array otherwise than the original, or a gradient that
 * disagrees. Each program counts once (its first mismatch).
 */
public final class Fuzzer {
    /** |a - b| / max(1, |a| + |b|) at most this between static and tape, double programs. */
    static final double STRATEGY_TOL = 1e-10;
    /**
     * The same for programs with floats (the static strategy accumulates float adjoints in float, the
     * tape in double; seen up to 1e-7).
     */
    static final double STRATEGY_TOL_FLOAT = 1e-5;
    /**
     * Gradient against central differences, double programs: differences at steps h, h/2, h/4,
     * Richardson-extrapolated twice; when the two extrapolations differ by more than a quarter of
     * the tolerance, a kink or a jump is within the steps and the point is resampled.
     */
    static final double FD_TOL = 1e-6;
    /** Gradient of a float program against central differences of its double twin (seen up to 2e-7). */
    static final double FD_TOL_FLOAT = 1e-4;
    /** Tries per point before it is given up as too close to a kink. */
    static final int TRIES = 4;
    /** Programs generated, translated, compiled and checked together. */
    static final int BATCH = 200;

    /**
     * What to run.
     *
     * @param seed the run's seed
     * @param programs how many programs
     * @param first the index of the first program (to rerun one program of a run: first = its index, programs = 1)
     * @param points random points per method
     * @param features the constructs the programs may use
     * @param threads worker threads (translation in chunks and checking)
     * @param mutation applied to every generated adjoint source
     * @param only "" for both strategies (S static, T tape), else STATIC or TAPE: both variants of each method under
     *     that strategy (what it does then is still checked against the original and central differences: to see what
     *     one strategy makes of constructs that the other rejects)
     */
    public record Config(long seed, int programs, int first, int points, Set<ProgramGenerator.Feature> features, int threads,
            UnaryOperator<String> mutation, String only) {
        /**
         * A run of {@code programs} programs from {@code seed}, every feature on but the known bugs' (unless
         * {@code adjoint.fuzz.knownBugs}; {@code adjoint.fuzz.features} puts back some), both strategies (unless
         * {@code adjoint.fuzz.only}).
         */
        public static Config of(long seed, int programs) {
            Set<ProgramGenerator.Feature> features = Boolean.getBoolean("adjoint.fuzz.knownBugs")
                    ? EnumSet.allOf(ProgramGenerator.Feature.class) : ProgramGenerator.safeFeatures();
            // -Dadjoint.fuzz.features=A,B: known bugs' features put back one by one
            for (String f : System.getProperty("adjoint.fuzz.features", "").split(",")) {
                if (!f.isBlank()) {
                    features.add(ProgramGenerator.Feature.valueOf(f.strip()));
                }
            }
            return new Config(seed, programs, 0, 3, features,
                    Math.max(1, Runtime.getRuntime().availableProcessors()), UnaryOperator.identity(),
                    System.getProperty("adjoint.fuzz.only", "").toUpperCase(Locale.ROOT));
        }

        /** The same run, starting at program {@code f}. */
        public Config withFirst(int f) {
            return new Config(seed, programs, f, points, features, threads, mutation, only);
        }

        /** The same run, with programs that use only {@code f}. */
        public Config withFeatures(Set<ProgramGenerator.Feature> f) {
            return new Config(seed, programs, first, points, f, threads, mutation, only);
        }

        /** The same run with every generated source passed through {@code m}: to test that the checks catch a fault. */
        public Config withMutation(UnaryOperator<String> m) {
            return new Config(seed, programs, first, points, features, threads, m, only);
        }
    }

    /**
     * One program's first mismatch.
     *
     * @param kind what disagreed: UNPOSITIONED (an error without a position in the program),
     *     STRATEGIES_DISAGREE (one strategy rejects a method the other accepts), GENERATOR_ERROR (no
     *     adjoint class), GENERATOR_WARNING, GENERATOR_EXCEPTION, JAVAC, EXCEPTION, TIMEOUT,
     *     VALUE, ARRAYS, STRATEGIES, VJP, GRADIENT; PROGRAM when the random program itself is bad
     *     (a bug of this test)
     */
    public record Mismatch(Program program, String method, String kind, String detail) {
        /** The report: what, where, how to rerun it, and the source. */
        public String describe(long runSeed) {
            return describe(runSeed, false);
        }

        /** The report; {@code knownBugs}: the run included {@link ProgramGenerator#KNOWN_BUGS}, and so must its rerun. */
        public String describe(long runSeed, boolean knownBugs) {
            StringBuilder s = new StringBuilder();
            s.append("MISMATCH program ").append(program.index()).append(" (run seed ").append(runSeed).append(", program seed ")
                    .append(program.seed()).append("L)").append(method.isEmpty() ? "" : ", " + method).append(": ").append(kind)
                    .append('\n');
            s.append(detail.strip().indent(2));
            s.append("  rerun: ").append(knownBugs ? "FUZZ_KNOWN_BUGS=true " : "").append("scripts/fuzz.sh 1 ").append(runSeed).append(' ')
                    .append(program.index()).append("   (-Dadjoint.fuzz.seed=").append(runSeed).append(" -Dadjoint.fuzz.first=")
                    .append(program.index()).append(" -Dadjoint.fuzz.programs=1").append(knownBugs ? " -Dadjoint.fuzz.knownBugs=true" : "")
                    .append(")\n");
            s.append("  source ").append(program.qualifiedName()).append(":\n");
            s.append(program.source().indent(4));
            return s.toString();
        }
    }

    /**
     * The outcome of a run.
     *
     * @param rejected programs rejected by both strategies alike, every error at a position (the first accepted
     *     outcome; the others were translated and checked)
     * @param reasons the rejected programs (and, among them, some that then failed to compile) by the extras they
     *     use and the first error's message
     * @param points points checked against central differences
     * @param resampled points given up on (a kink within the steps, or a float/double branch split) and replaced
     * @param unchecked points never checked against central differences (every try was near a kink)
     * @param drowned gradient components not checked against central differences because the
     *     function's own rounding, amplified by the step, is larger than the tolerance there (static
     *     vs tape still checks them)
     * @param sensitive gradient components of programs with floats not checked against the double
     *     twin's differences because the twin's derivative itself moves by more than the tolerance
     *     when an input moves by float rounding (1e-6 relative): the float program's rounding then
     *     shifts its exact derivative that much (static vs tape still checks them)
     * @param worst the largest ρ seen: static vs tape and gradient vs central differences in double
     *     programs, then the same in programs with floats
     * @param tangents points whose {@code Jvp} passed the dot-product test, and whose {@code Hvp} matched differences
     */
    public record Report(Config config, int programs, List<Mismatch> mismatches, int rejected, Map<String, Integer> reasons, int points, int resampled, int unchecked,
            int drowned, int sensitive, double[] worst, long millis, Map<String, Long> phases, int[] tangents) {

        /** {@code N programs, M mismatches}: the last line of every run. */
        public String summaryLine() {
            return programs + " programs, " + mismatches.size() + " mismatches";
        }

        /** The whole report, ending with {@link #summaryLine()}. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            boolean knownBugs = config.features().stream().anyMatch(ProgramGenerator.KNOWN_BUGS::contains);
            // the rerun needs the same features: all (FUZZ_KNOWN_BUGS), or the safe ones and some of the known bugs'
            List<String> some = config.features().containsAll(ProgramGenerator.KNOWN_BUGS) ? List.of()
                    : config.features().stream().filter(ProgramGenerator.KNOWN_BUGS::contains).map(Enum::name).toList();
            for (Mismatch m : mismatches) {
                String d = m.describe(config.seed(), knownBugs && some.isEmpty());
                if (!some.isEmpty()) {
                    String list = String.join(",", some);
                    d = d.replace("  rerun: ", "  rerun: FUZZ_FEATURES=" + list + " ")
                            .replace(" -Dadjoint.fuzz.programs=1", " -Dadjoint.fuzz.programs=1 -Dadjoint.fuzz.features=" + list);
                }
                s.append(config.only().isEmpty() ? d : d.replace("  rerun: ", "  rerun: FUZZ_ONLY=" + config.only() + " ")
                        .replace(" -Dadjoint.fuzz.programs=1", " -Dadjoint.fuzz.programs=1 -Dadjoint.fuzz.only=" + config.only())).append('\n');
            }
            Map<String, Integer> kinds = new TreeMap<>();
            mismatches.forEach(m -> kinds.merge(m.kind(), 1, Integer::sum));
            reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12)
                    .forEach(e -> s.append(String.format(Locale.ROOT, "rejected alike: %3d %s%n", e.getValue(), e.getKey())));
            s.append(String.format(Locale.ROOT, "fuzz: %d programs checked, %d rejected by both strategies alike, %d mismatches %s%n",
                    programs - rejected - mismatches.size(), rejected, mismatches.size(), kinds));
            s.append(String.format(Locale.ROOT, "fuzz: seed %d, programs %d..%d, %d points checked against central differences"
                    + " (%d resampled near a kink, %d unchecked, %d components drowned in rounding, %d float components too sensitive for the"
                    + " double twin); worst rho static vs tape %.1e (float programs %.1e), gradient vs"
                    + " differences %.1e (float programs %.1e); %.1f s (%s)%n", config.seed(), config.first(), config.first() + programs - 1,
                    points, resampled, unchecked, drowned, sensitive, worst[0], worst[2], worst[1], worst[3], millis / 1000.0, phases()));
            s.append(String.format(Locale.ROOT, "fuzz: other modes: %d points' Jvp passed the dot-product test against the gradient,"
                    + " %d points' Hvp matched differences of the gradient%n", tangents[0], tangents[1]));
            if (!config.only().isEmpty()) {
                s.append("(both variants under ").append(config.only()).append(")\n");
            }
            s.append(summaryLine()).append('\n');
            return s.toString();
        }
    }

    private final Config config;
    private final List<Mismatch> mismatches = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger points = new AtomicInteger();
    /** Programs that both strategies rejected alike, at positions (the first accepted outcome), not yet compiled. */
    private final List<Program> rejected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger rejectedCount = new AtomicInteger();
    /** Rejected programs by their extras and first error message. */
    private final Map<String, Integer> reasons = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger resampled = new AtomicInteger();
    private final AtomicInteger unchecked = new AtomicInteger();
    private final AtomicInteger drowned = new AtomicInteger();
    private final AtomicInteger sensitive = new AtomicInteger();
    private final AtomicInteger jvpChecked = new AtomicInteger();
    private final AtomicInteger hvpChecked = new AtomicInteger();
    /** The largest rho seen: static vs tape, gradient vs differences; in double programs, then in float ones. */
    private final double[] worst = new double[4];

    private Fuzzer(Config config) {
        this.config = config;
    }

    /** Runs {@code config}. */
    public static Report run(Config config) {
        return new Fuzzer(config).run();
    }

    private Report run() {
        long start = System.nanoTime();
        Map<String, Long> phases = new LinkedHashMap<>();
        ProgramGenerator gen = new ProgramGenerator(config.features());
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            // in batches: one javac call per thread and batch, and memory bounded however many programs
            int batches = Math.max(1, (config.programs() + BATCH - 1) / BATCH);
            int size = Math.max(1, (config.programs() + batches - 1) / batches);
            for (int from = 0; from < config.programs(); from += size) {
                long t0 = System.nanoTime();
                List<Program> programs = new ArrayList<>();
                for (int i = from; i < Math.min(config.programs(), from + size); i++) {
                    int index = config.first() + i;
                    Program p = gen.program(config.seed(), index);
                    if (!config.only().isEmpty()) {
                        String strategy = "strategy = Strategy." + config.only();
                        p = new Program(p.index(), p.seed(), p.className(), p.floats(), p.methods(), p.source()
                                .replace("strategy = Strategy.STATIC", strategy).replace("strategy = Strategy.TAPE", strategy), p.extras());
                    }
                    programs.add(p);
                }
                long t1 = System.nanoTime();
                Map<Program, Map<String, String>> adjoints = translate(programs, pool);
                long t2 = System.nanoTime();
                // a rejected program is still compiled (alone), to check that it is Java: else the test is wrong
                List<Program> refused;
                synchronized (rejected) {
                    refused = new ArrayList<>(rejected);
                    rejected.clear();
                }
                Map<Program, Map<String, String>> toCompile = new TreeMap<>((a, b) -> Integer.compare(a.index(), b.index()));
                toCompile.putAll(adjoints);
                refused.forEach(p -> toCompile.put(p, Map.of()));
                Map<Program, ClassLoader> loaders = compile(toCompile, pool);
                for (Program p : refused) {
                    if (loaders.remove(p) != null) {
                        rejectedCount.incrementAndGet();
                    }
                }
                long t3 = System.nanoTime();
                check(loaders, pool);
                long t4 = System.nanoTime();
                phases.merge("generate", (t1 - t0) / 1_000_000, Long::sum);
                phases.merge("translate", (t2 - t1) / 1_000_000, Long::sum);
                phases.merge("javac", (t3 - t2) / 1_000_000, Long::sum);
                phases.merge("check", (t4 - t3) / 1_000_000, Long::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Mismatch> sorted = new ArrayList<>(mismatches);
        sorted.sort((a, b) -> Integer.compare(a.program().index(), b.program().index()));
        return new Report(config, config.programs(), sorted, rejectedCount.get(), new TreeMap<>(reasons), points.get(), resampled.get(), unchecked.get(), drowned.get(), sensitive.get(), worst.clone(),
                (System.nanoTime() - start) / 1_000_000, phases, new int[] {jvpChecked.get(), hvpChecked.get()});
    }

    /** Options.PLAIN (the optimisations off) for every third program. */
    static Options options(Program p) {
        return options(p.index());
    }

    static Options options(int index) {
        return index % 3 == 2 ? Options.PLAIN : Options.DEFAULT;
    }

    // ------------------------------------------------------------------------------------ translate

    private Map<Program, Map<String, String>> translate(List<Program> programs, ExecutorService pool) {
        List<List<Program>> chunks = new ArrayList<>();
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            List<Program> group = programs.stream().filter(p -> options(p).equals(o)).toList();
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
                            bad.computeIfAbsent(chunk.get(0), k -> new ArrayList<>()).add(d);
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
                    mismatch(p, "", "GENERATOR_ERROR", "no adjoint class " + name + " among " + t.generated().keySet());
                    adjoints = null;
                    break;
                }
                adjoints.put(name, config.mutation().apply(adjoint));
            }
            if (adjoints != null) {
                out.put(p, adjoints);
            }
        }
        // (a NOTE tells what is not generated, such as an Hvp through a first-order custom derivative: no mismatch; a note
        // that a file is not read leaves its program without an adjoint, a mismatch of its own)
        List<Diagnostic> warnings = t.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).toList();
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
            boolean positioned = byFile.get(d.file()) == p && d.line() >= 1 && d.column() >= 1 && d.line() <= lines.length
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
            // none of the constructs that must be rejected: Java that both strategies support (the desugar pass lowers the rest)
            mismatch(p, "", "GENERATOR_ERROR", "the generator rejects supported Java (" + o + "):\n" + listed);
        } else if (unpositioned) {
            mismatch(p, "", "UNPOSITIONED", "an error without a position in the program (" + o + "):\n" + listed);
        } else if (!byStatic.equals(byTape) && !(byStatic.containsAll(byTape) && staticOnly(errors, owners, byTape))) {
            mismatch(p, "", "STRATEGIES_DISAGREE", "the strategies disagree on rejecting (" + o + "): STATIC rejects " + byStatic
                    + ", TAPE rejects " + byTape + ":\n" + listed);
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
            boolean staticVariant = owner != null && owner.endsWith("S") && !byTape.contains(owner.substring(0, owner.length() - 1));
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

    // ------------------------------------------------------------------------------------ javac

    /**
     * Compiles every program with its adjoint, in one javac call per thread; drops (as mismatches)
     * those javac rejects.
     */
    private Map<Program, ClassLoader> compile(Map<Program, Map<String, String>> adjoints, ExecutorService pool) {
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
                    String what = ours ? "the random program does not compile (a bug of this test)" : "javac rejects the generated code";
                    StringBuilder d = new StringBuilder(what + " (-Xlint:all -Werror, " + options(p) + "):\n");
                    e.getValue().stream().limit(10).forEach(l -> d.append(l).append('\n'));
                    if (!ours) {
                        d.append("generated ").append(e.getKey()).append(":\n").append(numbered(sources.get(e.getKey())));
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

    // ------------------------------------------------------------------------------------ check

    private void check(Map<Program, ClassLoader> programs, ExecutorService pool) {
        Map<Program, Future<?>> futures = new LinkedHashMap<>();
        programs.forEach((p, loader) -> futures.put(p, pool.submit(() -> checkProgram(p, loader))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30L + programs.size());
        for (Map.Entry<Program, Future<?>> e : futures.entrySet()) {
            try {
                e.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException ex) {
                e.getValue().cancel(true);
                mismatch(e.getKey(), "", "TIMEOUT", "no answer within the run's deadline (an endless loop?)");
            } catch (InterruptedException | ExecutionException ex) {
                mismatch(e.getKey(), "", "PROGRAM", "the checker failed: " + trace(ex));
            }
        }
    }

    /** A failed check of one program. */
    static final class Found extends Exception {
        private static final long serialVersionUID = 1L;
        final String method;
        final String kind;

        Found(String method, String kind, String detail) {
            super(detail, null, false, false);
            this.method = method;
            this.kind = kind;
        }
    }

    private void checkProgram(Program p, ClassLoader loader) {
        try {
            for (int mi = 0; mi < p.methods().size(); mi++) {
                Method m = p.methods().get(mi);
                Class<?> owner = loader.loadClass(m.ownerClass(p));
                Class<?> adjoint = loader.loadClass(m.adjointClass(p));
                for (int k = 0; k < config.points(); k++) {
                    checkPoint(p, m, owner, adjoint, new Random(p.seed() * 31 + mi * 1009L + k));
                }
            }
        } catch (Found f) {
            mismatch(p, f.method, f.kind, f.getMessage());
        } catch (ReflectiveOperationException | RuntimeException e) {
            mismatch(p, "", "PROGRAM", "the checker failed: " + trace(e));
        }
    }

    /** Arguments of {@code m} at a random point. */
    private static Object[] randomArgs(Method m, Random r) {
        Object[] args = new Object[m.params().size()];
        for (int i = 0; i < args.length; i++) {
            Param p = m.params().get(i);
            args[i] = switch (p.kind()) {
                case DOUBLE -> p.name().equals("p") ? r.nextDouble() * 2 - 1 : r.nextDouble() * 3 - 1.5;
                case FLOAT -> (float) (r.nextDouble() * 3 - 1.5);
                case DOUBLE_ARRAY -> r.doubles(4, -1, 1).toArray();
                case FLOAT_ARRAY -> {
                    float[] f = new float[4];
                    for (int j = 0; j < 4; j++) {
                        f[j] = (float) (r.nextDouble() * 2 - 1);
                    }
                    yield f;
                }
                case INT -> 1 + r.nextInt(4);
                case LONG -> (long) (r.nextInt(5) - 2);
                case BOOLEAN -> r.nextBoolean();
            };
        }
        return args;
    }

    /** A deep enough copy: arrays cloned. */
    static Object[] copy(Object[] args) {
        Object[] c = args.clone();
        for (int i = 0; i < c.length; i++) {
            if (c[i] instanceof double[] d) {
                c[i] = d.clone();
            } else if (c[i] instanceof float[] f) {
                c[i] = f.clone();
            }
        }
        return c;
    }

    /** {@code args} for the double twin: floats widened. */
    private static Object[] twin(Object[] args) {
        Object[] c = copy(args);
        for (int i = 0; i < c.length; i++) {
            if (c[i] instanceof Float f) {
                c[i] = f.doubleValue();
            } else if (c[i] instanceof float[] f) {
                double[] d = new double[f.length];
                for (int j = 0; j < f.length; j++) {
                    d[j] = f[j];
                }
                c[i] = d;
            }
        }
        return c;
    }

    /** The wrt values of {@code args}, flattened. */
    private static double[] point(Method m, Object[] args) {
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (!m.params().get(i).wrt()) {
                continue;
            }
            Object a = args[i];
            if (a instanceof double[] d) {
                Arrays.stream(d).forEach(x::add);
            } else if (a instanceof float[] f) {
                for (float v : f) {
                    x.add((double) v);
                }
            } else {
                x.add(((Number) a).doubleValue());
            }
        }
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Twin arguments with the wrt values replaced by {@code x}. */
    private static Object[] at(Method m, Object[] twinArgs, double[] x) {
        Object[] c = copy(twinArgs);
        int k = 0;
        for (int i = 0; i < c.length; i++) {
            if (!m.params().get(i).wrt()) {
                continue;
            }
            if (c[i] instanceof double[] d) {
                for (int j = 0; j < d.length; j++) {
                    d[j] = x[k++];
                }
            } else {
                c[i] = x[k++];
            }
        }
        return c;
    }

    static Object[] buffers(Method m, double fill) {
        List<Object> b = new ArrayList<>();
        int j = 0;
        for (Param p : m.params()) {
            if (!p.wrt()) {
                continue;
            }
            j++;
            double v = fill * j;
            switch (p.kind()) {
                case DOUBLE -> {
                    DoubleGrad g = new DoubleGrad();
                    g.add(v);
                    b.add(g);
                }
                case FLOAT -> {
                    FloatGrad g = new FloatGrad();
                    g.add((float) v);
                    b.add(g);
                }
                case DOUBLE_ARRAY -> {
                    double[] d = new double[4];
                    Arrays.fill(d, v);
                    b.add(d);
                }
                case FLOAT_ARRAY -> {
                    float[] f = new float[4];
                    Arrays.fill(f, (float) v);
                    b.add(f);
                }
                default -> throw new IllegalStateException("wrt " + p);
            }
        }
        return b.toArray();
    }

    static double[] flatten(Object[] buffers) {
        List<Double> g = new ArrayList<>();
        for (Object b : buffers) {
            if (b instanceof double[] d) {
                Arrays.stream(d).forEach(g::add);
            } else if (b instanceof float[] f) {
                for (float x : f) {
                    g.add((double) x);
                }
            } else if (b instanceof DoubleGrad dg) {
                g.add(dg.get());
            } else {
                g.add((double) ((FloatGrad) b).get());
            }
        }
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The method {@code name} of {@code c}, or null when the generator did not write one. */
    static java.lang.reflect.Method findOrNull(Class<?> c, String name) {
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                m.setAccessible(true);
                return m;
            }
        }
        return null;
    }

    private static java.lang.reflect.Method find(Class<?> c, String name) throws Found {
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new Found(name, "JAVAC", "the generated class " + c.getName() + " has no method " + name);
    }

    static Object call(java.lang.reflect.Method target, String label, Object... args) throws Found {
        try {
            return target.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new Found(label, "EXCEPTION", target.getName() + " threw " + trace(e.getCause()));
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new Found(label, "EXCEPTION", "cannot call " + target + ": " + e);
        }
    }

    static Object[] concat(Object[] a, Object... b) {
        Object[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static double rho(double a, double b) {
        double d = Math.abs(a - b);
        if (Double.isNaN(d)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Double.POSITIVE_INFINITY;
        }
        return d / Math.max(1, Math.abs(a) + Math.abs(b));
    }

    private static String arrays(Object[] args) {
        return Arrays.deepToString(args);
    }

    private void checkPoint(Program p, Method m, Class<?> owner, Class<?> adjoint, Random r) throws Found {
        String base = m.base();
        boolean floats = p.floats();
        java.lang.reflect.Method primal = find(owner, base + "S");
        java.lang.reflect.Method oracle = find(owner, p.oracle(base));
        Object[] args = randomArgs(m, r);
        // the original; in-place writes to compare with the adjoints'
        Object[] a0 = copy(args);
        double v0 = ((Number) call(primal, base + "S", a0)).doubleValue();
        double[][] grads = new double[2][];
        String[] variants = {"S", "T"};
        for (int s = 0; s < 2; s++) {
            String name = base + variants[s];
            String label = name + (s == 0 ? " [static]" : " [tape]");
            Object[] a = copy(args);
            Object[] buf = buffers(m, 0);
            double v = ((Number) call(find(adjoint, name + "Grad"), label, concat(a, buf))).doubleValue();
            if (Double.compare(v, v0) != 0) {
                throw new Found(label, "VALUE", name + "Grad returned " + v + " but " + base + "S returns " + v0 + " at " + arrays(args));
            }
            if (!Arrays.deepEquals(a, a0)) {
                throw new Found(label, "ARRAYS", name + "Grad leaves the arrays " + arrays(a) + " but " + base + "S leaves "
                        + arrays(a0) + ", from " + arrays(args));
            }
            grads[s] = flatten(buf);
            // the Vjp: seed -1.75, into buffers that already hold values: adds seed times the gradient
            Object[] vbuf = buffers(m, 0.5);
            double[] pre = flatten(vbuf);
            Object seed = m.floatResult() ? (Object) (-1.75f) : (Object) (-1.75);
            double vv = ((Number) call(find(adjoint, name + "Vjp"), label, concat(concat(copy(args), seed), vbuf))).doubleValue();
            if (Double.compare(vv, v0) != 0) {
                throw new Found(label, "VALUE", name + "Vjp returned " + vv + " but " + base + "S returns " + v0 + " at " + arrays(args));
            }
            double[] after = flatten(vbuf);
            for (int i = 0; i < after.length; i++) {
                double expected = pre[i] - 1.75 * grads[s][i];
                double tol = floats ? 1e-5 : 1e-12;
                if (!(rho(after[i] - pre[i], -1.75 * grads[s][i]) <= tol)) {
                    throw new Found(label, "VJP", name + "Vjp with seed -1.75 into buffers " + Arrays.toString(pre) + " gives "
                            + Arrays.toString(after) + "; component " + i + " should be " + expected + " (gradient "
                            + Arrays.toString(grads[s]) + ") at " + arrays(args));
                }
            }
        }
        double worstStrategy = 0;
        for (int i = 0; i < grads[0].length; i++) {
            double rho = rho(grads[0][i], grads[1][i]);
            if (!(rho <= (floats ? STRATEGY_TOL_FLOAT : STRATEGY_TOL))) {
                double[] fd = differences(m, oracle, base, floats ? twin(args) : args);
                throw new Found(base, "STRATEGIES", String.format(Locale.ROOT,
                        "static and tape disagree at component %d: static %s, tape %s (rho %.2e)%nstatic %s%ntape   %s%n"
                        + "central differences %s%nat %s", i, grads[0][i], grads[1][i], rho, Arrays.toString(grads[0]),
                        Arrays.toString(grads[1]), fd == null ? "(a kink is near)" : Arrays.toString(fd), arrays(args)));
            }
            worstStrategy = Math.max(worstStrategy, rho);
        }
        synchronized (worst) {
            int at = floats ? 2 : 0;
            worst[at] = Math.max(worst[at], worstStrategy);
        }
        // the other modes: Jvp by the dot-product test, Hvp against differences of the gradient
        int[] modes = TangentChecks.check(m, adjoint, args, a0, v0, grads[0], floats, r);
        jvpChecked.addAndGet(modes[0]);
        hvpChecked.addAndGet(modes[1]);
        // central differences, at this point or, near a kink, at another one
        Object[] point = args;
        double[] g = grads[0];
        for (int attempt = 0; attempt < TRIES; attempt++) {
            if (attempt > 0) {
                resampled.incrementAndGet();
                point = randomArgs(m, r);
                Object[] buf = buffers(m, 0);
                call(find(adjoint, base + "SGrad"), base + "S [static]", concat(copy(point), buf));
                g = flatten(buf);
            }
            Object[] tw = floats ? twin(point) : point;
            if (floats) {
                double vf = ((Number) call(primal, base + "S", copy(point))).doubleValue();
                double vd = ((Number) call(oracle, base + "D", copy(tw))).doubleValue();
                if (!(Math.abs(vf - vd) <= 1e-3 * Math.max(1, Math.abs(vd)))) {
                    continue; // float rounding took another branch than the double twin: not comparable
                }
            }
            Optional<String> verdict = compareWithDifferences(m, oracle, base, tw, g, floats ? FD_TOL_FLOAT : FD_TOL, floats ? 3 : 1);
            if (verdict == null) {
                continue; // a kink within the steps
            }
            points.incrementAndGet();
            if (verdict.isPresent()) {
                throw new Found(base + "S [static]" + (floats ? " vs twin " + base + "D" : ""), "GRADIENT",
                        verdict.get() + "\nat " + arrays(point));
            }
            return;
        }
        unchecked.incrementAndGet();
    }

    /**
     * {@code null} when the differences at two step sizes disagree (a kink or a jump is near),
     * else empty when {@code g} agrees with the extrapolated differences, else what disagrees.
     */
    private Optional<String> compareWithDifferences(Method m, java.lang.reflect.Method oracle, String base, Object[] twinArgs,
            double[] g, double tol, int record) throws Found {
        double[] x = point(m, twinArgs);
        ToDoubleFunction<double[]> f = v -> {
            try {
                return ((Number) call(oracle, base, at(m, twinArgs, v))).doubleValue();
            } catch (Found e) {
                throw new IllegalStateException(e.getMessage());
            }
        };
        double worstRho = 0;
        StringBuilder bad = null;
        // the rounding of one evaluation of f (a few ulps); the extrapolated differences carry about twice
        // that divided by the smallest step
        double rounding = 8 * Math.ulp(Math.abs(f.applyAsDouble(x)));
        for (int i = 0; i < x.length; i++) {
            double h = 2e-4 * Math.max(1, Math.abs(x[i]));
            if (2 * rounding / (h / 4) > tol / 2 * Math.max(1, Math.abs(g[i]))) {
                // e.g. 1e17 + x: f's rounding hides the change the step makes; differences cannot check g[i]
                drowned.incrementAndGet();
                continue;
            }
            double d1 = diff(f, x, i, h);
            double d2 = diff(f, x, i, h / 2);
            double d4 = diff(f, x, i, h / 4);
            // Richardson: the O(h^2) error cancels; two extrapolations that disagree mean a kink or a jump nearby
            double r12 = (4 * d2 - d1) / 3;
            double r24 = (4 * d4 - d2) / 3;
            if (!(Math.abs(r12 - r24) <= tol / 4 * Math.max(1, Math.abs(r24)))) {
                return null;
            }
            double rho = rho(g[i], r24);
            if (!(rho <= tol) && record == 3 && movesWithRounding(f, x, i, h, r24, tol)) {
                // a float program's rounding shifts its exact derivative by more than the tolerance: the
                // double twin's differences cannot check it (static vs tape does)
                sensitive.incrementAndGet();
                continue;
            }
            worstRho = Math.max(worstRho, rho);
            if (!(rho <= tol) && bad == null) {
                bad = new StringBuilder(String.format(Locale.ROOT,
                        "gradient component %d is %s but central differences give %s (steps %.1e, %.1e, %.1e: %s, %s, %s), rho %.2e",
                        i, g[i], r24, h, h / 2, h / 4, d1, d2, d4, rho));
            }
        }
        synchronized (worst) {
            worst[record] = Math.max(worst[record], worstRho);
        }
        if (bad != null) {
            return Optional.of(bad + "\ngradient " + Arrays.toString(g));
        }
        return Optional.empty();
    }

    /** Richardson-extrapolated central differences of {@code oracle} at {@code twinArgs}; null near a kink. */
    private static double[] differences(Method m, java.lang.reflect.Method oracle, String base, Object[] twinArgs) {
        double[] x = point(m, twinArgs);
        double[] g = new double[x.length];
        ToDoubleFunction<double[]> f = v -> {
            try {
                return ((Number) call(oracle, base, at(m, twinArgs, v))).doubleValue();
            } catch (Found e) {
                throw new IllegalStateException(e.getMessage());
            }
        };
        for (int i = 0; i < x.length; i++) {
            double h = 2e-4 * Math.max(1, Math.abs(x[i]));
            double d1 = diff(f, x, i, h);
            double d2 = diff(f, x, i, h / 2);
            double d4 = diff(f, x, i, h / 4);
            double r12 = (4 * d2 - d1) / 3;
            double r24 = (4 * d4 - d2) / 3;
            if (!(Math.abs(r12 - r24) <= FD_TOL * Math.max(1, Math.abs(r24)))) {
                return null;
            }
            g[i] = r24;
        }
        return g;
    }

    /**
     * Whether the extrapolated derivative along {@code i} moves by more than {@code tol} (relative)
     * when {@code x[i]} moves by 1e-6 relative, about the rounding a float program accumulates:
     * then a float program's exact derivative is that far from its double twin's.
     */
    private static boolean movesWithRounding(ToDoubleFunction<double[]> f, double[] x, int i, double h, double r, double tol) {
        // (seen: 1% for 6e-7 on an input that a loop decrements twelve times, then cubes into a sine's argument)
        for (int sign = -1; sign <= 1; sign += 2) {
            double[] y = x.clone();
            y[i] = x[i] + sign * 1e-6 * Math.max(1, Math.abs(x[i]));
            double moved = (4 * diff(f, y, i, h / 4) - diff(f, y, i, h / 2)) / 3;
            if (!(Math.abs(moved - r) <= tol * Math.max(1, Math.abs(r)))) {
                return true;
            }
        }
        return false;
    }

    private static double diff(ToDoubleFunction<double[]> f, double[] x, int i, double h) {
        double[] up = x.clone();
        double[] down = x.clone();
        up[i] = x[i] + h;
        down[i] = x[i] - h;
        return (f.applyAsDouble(up) - f.applyAsDouble(down)) / (up[i] - down[i]);
    }

    private void mismatch(Program p, String method, String kind, String detail) {
        synchronized (mismatches) {
            if (mismatches.stream().noneMatch(m -> m.program().index() == p.index())) {
                mismatches.add(new Mismatch(p, method, kind, detail));
            }
        }
    }

    private static String trace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String[] lines = w.toString().split("\n");
        return String.join("\n", Arrays.asList(lines).subList(0, Math.min(lines.length, 14)));
    }

    /** Runs from the command line: {@code Fuzzer programs seed [first]}; prints the report. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int first = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        System.out.print(run(Config.of(seed, n).withFirst(first)).describe());
    }
}
