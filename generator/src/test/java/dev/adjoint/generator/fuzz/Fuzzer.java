package dev.adjoint.generator.fuzz;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.fuzz.ProgramGenerator.Program;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
    public record Config(
            long seed,
            int programs,
            int first,
            int points,
            Set<ProgramGenerator.Feature> features,
            int threads,
            UnaryOperator<String> mutation,
            String only) {
        /**
         * A run of {@code programs} programs from {@code seed}, every feature on but the known bugs' (unless
         * {@code adjoint.fuzz.knownBugs}; {@code adjoint.fuzz.features} puts back some), both strategies (unless
         * {@code adjoint.fuzz.only}).
         */
        public static Config of(long seed, int programs) {
            Set<ProgramGenerator.Feature> features = Boolean.getBoolean("adjoint.fuzz.knownBugs")
                    ? EnumSet.allOf(ProgramGenerator.Feature.class)
                    : ProgramGenerator.safeFeatures();
            // -Dadjoint.fuzz.features=A,B: known bugs' features put back one by one
            for (String f : System.getProperty("adjoint.fuzz.features", "").split(",")) {
                if (!f.isBlank()) {
                    features.add(ProgramGenerator.Feature.valueOf(f.strip()));
                }
            }
            return new Config(
                    seed,
                    programs,
                    0,
                    3,
                    features,
                    Math.max(1, Runtime.getRuntime().availableProcessors()),
                    UnaryOperator.identity(),
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
            s.append("MISMATCH program ")
                    .append(program.index())
                    .append(" (run seed ")
                    .append(runSeed)
                    .append(", program seed ")
                    .append(program.seed())
                    .append("L)")
                    .append(method.isEmpty() ? "" : ", " + method)
                    .append(": ")
                    .append(kind)
                    .append('\n');
            s.append(detail.strip().indent(2));
            s.append("  rerun: ")
                    .append(knownBugs ? "FUZZ_KNOWN_BUGS=true " : "")
                    .append("scripts/fuzz.sh 1 ")
                    .append(runSeed)
                    .append(' ')
                    .append(program.index())
                    .append("   (-Dadjoint.fuzz.seed=")
                    .append(runSeed)
                    .append(" -Dadjoint.fuzz.first=")
                    .append(program.index())
                    .append(" -Dadjoint.fuzz.programs=1")
                    .append(knownBugs ? " -Dadjoint.fuzz.knownBugs=true" : "")
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
    public record Report(
            Config config,
            int programs,
            List<Mismatch> mismatches,
            int rejected,
            Map<String, Integer> reasons,
            int points,
            int resampled,
            int unchecked,
            int drowned,
            int sensitive,
            double[] worst,
            long millis,
            Map<String, Long> phases,
            int[] tangents) {

        /** {@code N programs, M mismatches}: the last line of every run. */
        public String summaryLine() {
            return programs + " programs, " + mismatches.size() + " mismatches";
        }

        /** The whole report, ending with {@link #summaryLine()}. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            boolean knownBugs = config.features().stream().anyMatch(ProgramGenerator.KNOWN_BUGS::contains);
            // the rerun needs the same features: all (FUZZ_KNOWN_BUGS), or the safe ones and some of the known bugs'
            List<String> some = config.features().containsAll(ProgramGenerator.KNOWN_BUGS)
                    ? List.of()
                    : config.features().stream()
                            .filter(ProgramGenerator.KNOWN_BUGS::contains)
                            .map(Enum::name)
                            .toList();
            for (Mismatch m : mismatches) {
                String d = m.describe(config.seed(), knownBugs && some.isEmpty());
                if (!some.isEmpty()) {
                    String list = String.join(",", some);
                    d = d.replace("  rerun: ", "  rerun: FUZZ_FEATURES=" + list + " ")
                            .replace(
                                    " -Dadjoint.fuzz.programs=1",
                                    " -Dadjoint.fuzz.programs=1 -Dadjoint.fuzz.features=" + list);
                }
                s.append(
                                config.only().isEmpty()
                                        ? d
                                        : d.replace("  rerun: ", "  rerun: FUZZ_ONLY=" + config.only() + " ")
                                                .replace(
                                                        " -Dadjoint.fuzz.programs=1",
                                                        " -Dadjoint.fuzz.programs=1 -Dadjoint.fuzz.only="
                                                                + config.only()))
                        .append('\n');
            }
            Map<String, Integer> kinds = new TreeMap<>();
            mismatches.forEach(m -> kinds.merge(m.kind(), 1, Integer::sum));
            reasons.entrySet().stream()
                    .sorted((a, b) -> b.getValue() - a.getValue())
                    .limit(12)
                    .forEach(e ->
                            s.append(String.format(Locale.ROOT, "rejected alike: %3d %s%n", e.getValue(), e.getKey())));
            s.append(String.format(
                    Locale.ROOT,
                    "fuzz: %d programs checked, %d rejected by both strategies alike, %d mismatches %s%n",
                    programs - rejected - mismatches.size(),
                    rejected,
                    mismatches.size(),
                    kinds));
            s.append(String.format(
                    Locale.ROOT,
                    "fuzz: seed %d, programs %d..%d, %d points checked against central differences"
                            + " (%d resampled near a kink, %d unchecked, %d components drowned in rounding, %d float components too sensitive for the"
                            + " double twin); worst rho static vs tape %.1e (float programs %.1e), gradient vs"
                            + " differences %.1e (float programs %.1e); %.1f s (%s)%n",
                    config.seed(),
                    config.first(),
                    config.first() + programs - 1,
                    points,
                    resampled,
                    unchecked,
                    drowned,
                    sensitive,
                    worst[0],
                    worst[2],
                    worst[1],
                    worst[3],
                    millis / 1000.0,
                    phases()));
            s.append(String.format(
                    Locale.ROOT,
                    "fuzz: other modes: %d points' Jvp passed the dot-product test against the gradient,"
                            + " %d points' Hvp matched differences of the gradient%n",
                    tangents[0],
                    tangents[1]));
            if (!config.only().isEmpty()) {
                s.append("(both variants under ").append(config.only()).append(")\n");
            }
            s.append(summaryLine()).append('\n');
            return s.toString();
        }
    }

    final Config config;
    final List<Mismatch> mismatches = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger points = new AtomicInteger();
    /** Programs that both strategies rejected alike, at positions (the first accepted outcome), not yet compiled. */
    final List<Program> rejected = Collections.synchronizedList(new ArrayList<>());

    final AtomicInteger rejectedCount = new AtomicInteger();
    /** Rejected programs by their extras and first error message. */
    final Map<String, Integer> reasons = new java.util.concurrent.ConcurrentHashMap<>();

    final AtomicInteger resampled = new AtomicInteger();
    final AtomicInteger unchecked = new AtomicInteger();
    final AtomicInteger drowned = new AtomicInteger();
    final AtomicInteger sensitive = new AtomicInteger();
    final AtomicInteger jvpChecked = new AtomicInteger();
    final AtomicInteger hvpChecked = new AtomicInteger();
    /** The largest rho seen: static vs tape, gradient vs differences; in double programs, then in float ones. */
    final double[] worst = new double[4];

    private final FuzzTranslator translator;
    private final FuzzCompiler compiler;
    private final PointChecks checks;

    private Fuzzer(Config config) {
        this.config = config;
        // (after config and the counters: the steps keep references to them)
        this.translator = new FuzzTranslator(this);
        this.compiler = new FuzzCompiler(this);
        this.checks = new PointChecks(this);
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
                        p = new Program(
                                p.index(),
                                p.seed(),
                                p.className(),
                                p.floats(),
                                p.methods(),
                                p.source()
                                        .replace("strategy = Strategy.STATIC", strategy)
                                        .replace("strategy = Strategy.TAPE", strategy),
                                p.extras());
                    }
                    programs.add(p);
                }
                long t1 = System.nanoTime();
                Map<Program, Map<String, String>> adjoints = translator.translate(programs, pool);
                long t2 = System.nanoTime();
                // a rejected program is still compiled (alone), to check that it is Java: else the test is wrong
                List<Program> refused;
                synchronized (rejected) {
                    refused = new ArrayList<>(rejected);
                    rejected.clear();
                }
                Map<Program, Map<String, String>> toCompile =
                        new TreeMap<>((a, b) -> Integer.compare(a.index(), b.index()));
                toCompile.putAll(adjoints);
                refused.forEach(p -> toCompile.put(p, Map.of()));
                Map<Program, ClassLoader> loaders = compiler.compile(toCompile, pool);
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
        return new Report(
                config,
                config.programs(),
                sorted,
                rejectedCount.get(),
                new TreeMap<>(reasons),
                points.get(),
                resampled.get(),
                unchecked.get(),
                drowned.get(),
                sensitive.get(),
                worst.clone(),
                (System.nanoTime() - start) / 1_000_000,
                phases,
                new int[] {jvpChecked.get(), hvpChecked.get()});
    }

    /** Options.PLAIN (the optimisations off) for every third program. */
    static Options options(Program p) {
        return options(p.index());
    }

    static Options options(int index) {
        return index % 3 == 2 ? Options.PLAIN : Options.DEFAULT;
    }

    // ------------------------------------------------------------------------------------ check

    private void check(Map<Program, ClassLoader> programs, ExecutorService pool) {
        Map<Program, Future<?>> futures = new LinkedHashMap<>();
        programs.forEach((p, loader) -> futures.put(p, pool.submit(() -> checks.checkProgram(p, loader))));
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

    /** Records {@code p}'s mismatch, unless it has one already (each program counts once). */
    void mismatch(Program p, String method, String kind, String detail) {
        synchronized (mismatches) {
            if (mismatches.stream().noneMatch(m -> m.program().index() == p.index())) {
                mismatches.add(new Mismatch(p, method, kind, detail));
            }
        }
    }

    static String trace(Throwable e) {
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
