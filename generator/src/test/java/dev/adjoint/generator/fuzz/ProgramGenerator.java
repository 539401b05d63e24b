package dev.adjoint.generator.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded generator of random, well-typed {@code @Differentiable} programs inside the Java that
 * both strategies support (the README's table): one program is a class with 2 or 3 methods (helpers
 * {@code h0}, maybe {@code h1}, and {@code m}; {@code h1} may call {@code h0}, {@code m} calls them),
 * with nested loops ({@code for}, {@code while}, {@code do}, for-each, data-dependent trip counts),
 * {@code if}/{@code else} on active and passive values, {@code ?:}, {@code break}/{@code continue},
 * early returns, local arrays and parameter arrays written and overwritten in place, reassigned
 * parameters, scratch arrays filled afresh in each iteration of a loop, compound assignments,
 * {@code ++}, the supported {@code Math} functions, and in a
 * share of the programs {@code float}/{@code double} mixes (parameters, locals, arrays, results).
 *
 * <p>Each method is written three times from one template: {@code nameS} with
 * {@code strategy = STATIC}, {@code nameT} with {@code strategy = TAPE} (the two are
 * differentiated and compared with each other), and, for a program with floats, a plain
 * {@code nameD} twin where every {@code float} is a {@code double}: the oracle for central
 * differences. Without floats the original {@code nameS} is the oracle.
 *
 * <p>Values stay bounded (loop bodies go through {@code tanh}, products through factors near 1,
 * denominators are kept away from 0), so that central differences can follow the function. Branch
 * conditions on active values, {@code abs}, {@code max}, {@code min}, {@code floor}, {@code round}
 * and data-dependent trip counts make the programs piecewise smooth: the checker resamples a point
 * where central differences at three step sizes, extrapolated, disagree (a kink within the steps).
 *
 * <p>Template placeholders: {@code $F} the float type, {@code $c} a cast to float, {@code $d} a
 * cast of a float to double, {@code $f} a float literal's suffix, {@code $S} the variant's suffix of a callee, {@code $X} the other
 * strategy's suffix (a static method calling the tape version of a helper and the other way round).
 */
public final class ProgramGenerator {

    /** The package of every generated program. */
    public static final String PACKAGE = "fuzz";

    /** The constants of the enum {@code Mode} a program with switches declares, the labels of a switch over {@code mode}. */
    static final List<String> MODES = List.of("ZERO", "ONE", "TWO", "THREE", "FOUR");

    /** Constructs that can be left out, e.g. while a generator bug that they trigger is open. */
    public enum Feature {
        /** float/double mixes */
        FLOATS,
        /** {@code if}/{@code ?:}/{@code break} on active values, {@code abs}/{@code max}/{@code min} */
        ACTIVE_BRANCHES,
        /** loops, nested up to three deep */
        LOOPS,
        /** calls between the program's methods */
        CALLS,
        /** a static method calling a helper's tape version and the other way round */
        CROSS_CALLS,
        /** writes into a parameter array */
        PARAMETER_ARRAY_WRITES,
        /** {@code break}, {@code continue}, {@code return} inside loops */
        JUMPS,
        /** {@code return} inside a branch */
        EARLY_RETURNS,
        /** {@code while} loops whose trip count depends on an active value */
        DATA_DEPENDENT_LOOPS,
        /** {@code floor}, {@code round}, {@code signum}: zero derivative, jumps */
        STEP_FUNCTIONS,
        /** {@code float += double} and the like: Java's implicit narrowing in compound assignments */
        NARROWING_COMPOUND,
        /** an explicit {@code wrt} leaving some float/double parameters constant */
        EXPLICIT_WRT,
        /** {@code boolean} parameters and locals */
        BOOLEANS,
        /** {@code static final} constants of the class (one private), read plain and qualified */
        CONSTANTS,
        /** {@code import static java.lang.Math.*} and unqualified calls */
        STATIC_MATH_IMPORT,
        /** a helper in a static nested class, called as {@code H.h0S(...)} */
        NESTED_CLASSES,
        /** functions with a {@code @CustomDerivative} pullback */
        CUSTOM_DERIVATIVES,
        /** calls to plain static methods returning int or boolean */
        PLAIN_CALLS,
        /** {@code (int)} casts of active values (piecewise constant) */
        INT_CASTS,
        /** {@code ++}/{@code --} of array elements */
        ELEMENT_INCREMENTS,
        /**
         * declarations of other shapes: without an initializer (assigned in both branches of an
         * {@code if}), several declarators, {@code final}; explicit {@code (double)} casts;
         * {@code long} parameters; {@code Math.E}
         */
        DECLARATION_SHAPES,
        /** {@code Adjoint.detach(...)} of a passive value in a condition (was a bug: {@code detachInAConditionUnderTheTape}) */
        DETACH_IN_CONDITIONS,
        /** {@code Math.signum(n)} of an int: Java picks the float overload (was a bug: {@code signumOfAnInt}) */
        INT_ARGUMENTS_TO_FLOAT_OVERLOADS,
        /** {@code return w[i];}: a parameter array's element as the whole result (was a bug: {@code returnOfAParameterArrayElement}) */
        RETURN_OF_AN_ARRAY_ELEMENT,
        /**
         * unqualified calls to the class's own methods under {@code import static java.lang.Math.*}
         * (was a bug; regression test {@code ownMethodsCalledUnderAStaticImportOfMath})
         */
        OWN_CALLS_UNDER_STATIC_MATH_IMPORT,
        /**
         * unqualified constants and static-imported {@code PI} where the tape copies text: conditions,
         * int expressions (was a bug: {@code unqualifiedNamesInTapeCode})
         */
        UNQUALIFIED_NAMES_IN_PASSIVE_CODE,
        /** a private constant read qualified, {@code F1.N0} (was a bug; regression test {@code qualifiedPrivateConstant}) */
        QUALIFIED_PRIVATE_CONSTANTS,
        /** conditions inside loops whose outcome changes from one iteration to the next */
        VARYING_BRANCHES_IN_LOOPS,
        /** two for-each loops in a method, one inside another loop (was a bug: {@code twoForEachLoopsOneNested}) */
        SEVERAL_FOR_EACH_LOOPS,
        /**
         * a local scratch array that each iteration of a counted loop fills afresh in an inner counted loop and
         * then reads in a doubly nested loop (GMM's {@code x_i - mu_c}: the reverse sweep fills it again, see
         * {@code Refills}), or one of its near misses (corpus {@code ScratchArrays}): a read before the fill, a
         * fill range or index that moves with the loop, a fill from a changing value, a second write, a read
         * after the loop
         */
        SCRATCH_FILLS,
        /**
         * with a scratch fill, a second loop right after it over the same range that fills another scratch
         * array from it (GMM's {@code qxc} from {@code xc}: the two loops run as one, see {@code LoopFusion}), or
         * reads a neighbouring or fixed element of it, a near miss that must stay apart
         */
        FUSED_LOOPS,
        /**
         * updates inside expressions that the desugar pass lowers into statements in Java's order, so that both strategies
         * must translate them: {@code ++i}/{@code i--} inside a larger expression or an index ({@code u0[ix++]}, read or
         * written), {@code (x += y) > 0.2} in a condition, {@code while ((r = i * 2) > 2)}, an assignment as a call
         * argument or an array index, {@code ++u0[i]}/{@code u0[i]--} inside an expression, {@code (y += e)} as an operand,
         * and loops whose condition updates: {@code while (c-- > 0)}, {@code for (; --c >= 0; )},
         * {@code for (; c++ < n; )}, {@code do ... while (++c < n)}, {@code while ((s += ...) < 1 && c < 6)}
         */
        SIDE_EFFECT_EXPRESSIONS,
        /** arrow-form {@code switch} statements ({@code case 0 -> ...; case 1, 2 -> { ... } default -> ...}): no fall-through */
        ARROW_SWITCHES,
        /**
         * {@code switch} expressions in statement position: {@code double t = switch ...;}, {@code r = switch ...;},
         * {@code return switch ...;}, and inside a larger expression ({@code v += 0.5 * Math.tanh(switch ...);}); some of
         * them, and of the other switches, over the String local {@code key} with string labels
         */
        SWITCH_EXPRESSIONS,
        /**
         * {@code System.arraycopy}, {@code Arrays.fill} (whole and range), {@code Arrays.copyOf}, {@code Arrays.copyOfRange},
         * {@code clone()} of 1-D arrays, {@code Arrays} imported or fully qualified
         */
        ARRAY_LIBRARY_CALLS,
        /** {@code int b = n; b += x * 2.5;} (and {@code long}, {@code -=}, {@code *=}): Java's narrowing of an active value */
        NARROWING_INT_COMPOUND,
        /**
         * plain (not {@code @Differentiable}) helpers of the class, inlined by the desugar pass (issue 15): a void helper
         * writing an array ({@code scaleInto(src, dst, k)}), one called with the same array twice ({@code axpy(k, a, a)}),
         * one returning a new array ({@code double[] sc0 = scaled(a, k);}), a private one with an early return, one
         * summing an array: both strategies must translate them exactly
         */
        PLAIN_ARRAY_HELPERS,
        /**
         * library calls the generator has no derivative for, on differentiated values ({@code Arrays.sort},
         * {@code Arrays.stream(a).sum()}, {@code Double.sum}): both strategies must reject them
         */
        UNMODELLED_LIBRARY_CALLS,
        /**
         * classic {@code switch} statements ({@code case 0: ... break;}, {@code case 1: case 2:}, {@code case 3, 4:},
         * {@code default} anywhere): fall-through from one group into the next, {@code break} under an {@code if} inside a
         * case, a case without a final {@code break}; {@code @SuppressWarnings("fallthrough")} on the class when a group
         * falls through
         */
        CLASSIC_SWITCHES,
        /**
         * updates inside expressions that the desugar pass must leave alone, so that both strategies reject them at their
         * position (or, under {@code &&}, {@code ||} or {@code ?:} that are a statement's whole condition or value, lower as
         * the branches they stand for): under those operators (they may not happen), after a read of their variable in the
         * same expression ({@code ix + ix++}, {@code u0[1] * ++u0[0]}), in the condition of a {@code do} loop whose body
         * continues
         */
        UNLOWERED_SIDE_EFFECTS,
        /**
         * input guards: {@code if (w.length > 1000) throw new IllegalArgumentException("..." + w.length);}, a check
         * that throws on NaN with the value in its message, and {@code assert}s (never failing at the points)
         */
        GUARDS,
        /**
         * a local array created inside a loop ({@code double[] la0 = new double[3];} in a counted loop, or of a length
         * that changes with the counter, {@code new double[lk0 + 3]}, {@code int la0n = 3 + lk0; new double[la0n]}; an
         * initialiser {@code {e, 0.5}} in another; or a length the loop updates, {@code la0m += lk0 + 1}; in a {@code for} or a
         * {@code while} loop), filled and read in the same iteration: hoisted and cleared by the desugar pass, or one array
         * per creation
         */
        LOOP_LOCAL_ARRAYS,
        /**
         * with {@link #SIDE_EFFECT_EXPRESSIONS}, a {@code do} loop whose condition is a postfix update, {@code while (c++ < n - 1)}
         * (else {@code while (++c < n)}): a known bug, {@code FuzzFindingsTest.postfixUpdateInADoCondition}
         */
        POSTFIX_IN_DO_CONDITIONS,
        /**
         * a helper that hands one of its parameter arrays on to another helper (else a fresh array of its own): a known bug
         * when the call sits inside a Math call and the helper's own call inside another ({@code h1(w)} with
         * {@code Math.sin(h0(x, w))}, called as {@code Math.tanh(h1(x, w))}), {@code FuzzFindingsTest.arrayHandedOnInsideAMathCall}
         */
        PARAMETER_ARRAYS_HANDED_ON,
        /**
         * a local 2-D table filled in nested loops; a local {@code int[]} index table built by hand, a {@code boolean[]}
         * mask and {@code int[]} counts ({@code h[k]++}), all overwritten after use; a local array per row with the row's
         * length ({@code new double[t[r].length]}) read through the index table; rows {@code t[r]} passed to plain helpers
         * that read and write them, the writing one inside a larger expression (issue 15)
         */
        TABLES_AND_INDEX_TABLES,
        /**
         * array variables assigned again (issue 15), in a block of their own: ping-pong buffers swapped through a third
         * name in a counted loop, {@code a = z} with a fresh loop-local {@code z} of {@code a}'s length, or a
         * conditional alias {@code double[] y = c ? u : v} of two fresh arrays; each array assigned is handed over
         */
        ARRAY_REASSIGNMENTS
    }

    /**
     * The features added with the oracle's second outcome (a program rejected, at positions, by both strategies):
     * each is drawn for a share of the programs (one in {@code value}), then used at least once in such a program.
     * Those whose constructs must be rejected are drawn more rarely, since they take the whole program with them.
     */
    public static final java.util.Map<Feature, Integer> EXTRAS = extras();

    private static java.util.Map<Feature, Integer> extras() {
        java.util.Map<Feature, Integer> m = new java.util.EnumMap<>(Feature.class);
        m.put(Feature.ARRAY_LIBRARY_CALLS, 4);
        m.put(Feature.ARROW_SWITCHES, 4);
        m.put(Feature.SWITCH_EXPRESSIONS, 4);
        m.put(Feature.NARROWING_INT_COMPOUND, 5);
        m.put(Feature.SIDE_EFFECT_EXPRESSIONS, 4);
        m.put(Feature.PLAIN_ARRAY_HELPERS, 10);
        m.put(Feature.UNMODELLED_LIBRARY_CALLS, 10);
        m.put(Feature.CLASSIC_SWITCHES, 4);
        m.put(Feature.UNLOWERED_SIDE_EFFECTS, 10);
        m.put(Feature.GUARDS, 4);
        m.put(Feature.LOOP_LOCAL_ARRAYS, 4);
        m.put(Feature.TABLES_AND_INDEX_TABLES, 4);
        m.put(Feature.ARRAY_REASSIGNMENTS, 4);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Features that trigger open generator bugs, each with a {@code @Disabled("BUG: ...")}
     * reproducer in {@link FuzzFindingsTest}: left out of the default runs, so that CI checks the rest;
     * {@code -Dadjoint.fuzz.knownBugs=true} puts them back.
     */
    public static final Set<Feature> KNOWN_BUGS = EnumSet.noneOf(Feature.class);

    /**
     * Features whose programs are meant to be rejected at a position by both strategies (no adjoint to run): only a
     * program using one of them may be rejected; the other extras are lowered by the desugar pass and must translate.
     */
    public static final Set<Feature> REJECTED = EnumSet.of(Feature.UNMODELLED_LIBRARY_CALLS,
            Feature.UNLOWERED_SIDE_EFFECTS);

    /** Every feature that builds: none of the {@link #KNOWN_BUGS} or the {@link #REJECTED}. */
    public static Set<Feature> buildingFeatures() {
        Set<Feature> f = safeFeatures();
        f.removeAll(REJECTED);
        return f;
    }

    /** Every feature but the {@link #KNOWN_BUGS}. */
    public static Set<Feature> safeFeatures() {
        Set<Feature> f = EnumSet.allOf(Feature.class);
        f.removeAll(KNOWN_BUGS);
        return f;
    }

    /** The parameter kinds of generated methods. */
    public enum Kind { DOUBLE, FLOAT, DOUBLE_ARRAY, FLOAT_ARRAY, INT, LONG, BOOLEAN }

    /** A parameter of a generated method. */
    public record Param(String name, Kind kind, boolean wrt) {}

    /**
     * One generated method.
     *
     * @param base the name without the variant suffix
     * @param floatResult whether the result is {@code float} (in the program; the twin returns double)
     * @param explicitWrt whether the annotation names the differentiated parameters
     */
    public record Method(String base, List<Param> params, boolean floatResult, boolean explicitWrt, String owner) {
        /** The binary name of the class declaring it, in {@code program}. */
        public String ownerClass(Program program) {
            return program.qualifiedName() + (owner.isEmpty() ? "" : "$" + owner);
        }

        /** The adjoint class of its owner, in {@code program}. */
        public String adjointClass(Program program) {
            return program.qualifiedName() + (owner.isEmpty() ? "" : "_" + owner) + "Adjoint";
        }
    }

    /**
     * One program: a class {@code fuzz.<className>}.
     *
     * @param index the program's index in its run
     * @param seed the program's own seed (derived from the run's seed and the index)
     * @param floats whether it mixes float and double (then it has double twins, suffix D)
     * @param methods the methods, callees first
     * @param source the class's source
     * @param extras the {@link #EXTRAS} it uses: without any, it is Java that both strategies support, which they must
     *     translate; with some, they may reject it alike
     */
    public record Program(int index, long seed, String className, boolean floats, List<Method> methods, String source,
            Set<Feature> extras) {
        /** The fully qualified class name. */
        public String qualifiedName() {
            return PACKAGE + "." + className;
        }

        /** The name of the method that central differences evaluate for {@code base}. */
        public String oracle(String base) {
            return base + (floats ? "D" : "S");
        }
    }

    /** The seed of program {@code index} of the run seeded with {@code runSeed}. */
    public static long programSeed(long runSeed, int index) {
        return new SplittableRandom(runSeed * 0x9E3779B97F4A7C15L + index).nextLong();
    }

    private final Set<Feature> features;

    /** A generator with every feature on. */
    public ProgramGenerator() {
        this(EnumSet.allOf(Feature.class));
    }

    /** A generator of programs that use only {@code features}. */
    public ProgramGenerator(Set<Feature> features) {
        this.features = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
    }

    /** Program {@code index} of the run seeded with {@code runSeed}. */
    public Program program(long runSeed, int index) {
        long seed = programSeed(runSeed, index);
        return program(index, seed, "F" + index);
    }

    /** Choices made once per program. */
    private record Ctx(String className, boolean floats, boolean constants, boolean customs, boolean plainHelpers,
            boolean qualifyOwnCalls, Set<Feature> extras, Set<Feature> used) {
        /** {@code name} as a call to a method of the class. */
        String own(String name) {
            return qualifyOwnCalls ? className + "." + name : name;
        }
    }

    /** The program of seed {@code seed}, as class {@code className}. */
    public Program program(int index, long seed, String className) {
        Random r = new Random(seed);
        boolean floats = has(Feature.FLOATS) && r.nextInt(5) < 2;
        boolean constants = has(Feature.CONSTANTS) && r.nextInt(3) == 0;
        boolean customs = has(Feature.CUSTOM_DERIVATIVES) && r.nextInt(3) == 0;
        boolean plainHelpers = has(Feature.PLAIN_CALLS) && r.nextInt(3) == 0;
        boolean mathImport = has(Feature.STATIC_MATH_IMPORT) && r.nextInt(5) == 0;
        // (a feature left out draws nothing, so the programs of the others stay as they were)
        Set<Feature> extras = EnumSet.noneOf(Feature.class);
        for (java.util.Map.Entry<Feature, Integer> e : EXTRAS.entrySet()) {
            if (has(e.getKey()) && r.nextInt(e.getValue()) == 0) {
                extras.add(e.getKey());
            }
        }
        Ctx ctx = new Ctx(className, floats, constants, customs, plainHelpers,
                mathImport && !has(Feature.OWN_CALLS_UNDER_STATIC_MATH_IMPORT), extras, EnumSet.noneOf(Feature.class));
        boolean calls = has(Feature.CALLS);
        int helpers = calls ? 1 + r.nextInt(2) : 0;
        boolean nested = helpers > 0 && has(Feature.NESTED_CLASSES) && r.nextInt(4) == 0;
        List<Method> methods = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            Method sig = signature(r, "h" + h, floats, false, nested && h == 0 ? "H" : "");
            MethodGen g = new MethodGen(r, ctx, sig, new ArrayList<>(methods), 3 + r.nextInt(5));
            templates.add(g.generate());
            methods.add(sig);
        }
        Method main = signature(r, "m", floats, true, "");
        MethodGen g = new MethodGen(r, ctx, main, new ArrayList<>(methods), 6 + r.nextInt(8));
        templates.add(g.generate());
        methods.add(main);

        StringBuilder s = new StringBuilder();
        s.append("package ").append(PACKAGE).append(";\n\n");
        if (mathImport) {
            s.append("import static java.lang.Math.*;\n\n");
        }
        s.append("import dev.adjoint.Adjoint;\n");
        if (ctx.customs()) {
            s.append("import dev.adjoint.CustomDerivative;\n");
        }
        s.append("import dev.adjoint.Differentiable;\n");
        if (ctx.customs()) {
            s.append("import dev.adjoint.DoubleGrad;\n");
        }
        s.append("import dev.adjoint.Strategy;\n\n");
        s.append("/** Random program ").append(index).append(" (program seed ").append(seed).append("L). */\n");
        s.append("public class ").append(className).append(" {\n");
        StringBuilder body = new StringBuilder();
        if (ctx.constants()) {
            body.append("    static final double K0 = 0.75;\n    static final $F K1 = 1.5$f;\n    private static final int N0 = 2;\n\n");
        }
        if (ctx.plainHelpers()) {
            body.append("    static int wrap(int i) {\n        return (i % 4 + 4) % 4;\n    }\n\n");
            body.append("    static boolean odd(int i) {\n        return i % 2 != 0;\n    }\n\n");
        }
        if (ctx.extras().contains(Feature.PLAIN_ARRAY_HELPERS)) {
            body.append("""
                        static void scaleInto(double[] src, double[] dst, double k) {
                            for (int i = 0; i < src.length && i < dst.length; i++) {
                                dst[i] = src[i] * k;
                            }
                        }

                        static double sumOf(double[] a) {
                            double s = 0;
                            for (double e : a) {
                                s += e;
                            }
                            return s;
                        }

                        static double twice(double t) {
                            return 2 * t;
                        }

                        static void axpy(double k, double[] x, double[] y) {
                            for (int i = 0; i < x.length && i < y.length; i++) {
                                y[i] += k * x[i];
                            }
                        }

                        static double[] scaled(double[] a, double k) {
                            double[] c = new double[a.length];
                            for (int i = 0; i < a.length; i++) {
                                c[i] = a[i] * k;
                            }
                            return c;
                        }

                        private static double clampLow(double v, double lo) {
                            if (v < lo) {
                                return lo + 0.125 * (v - lo);
                            }
                            return v;
                        }

                    """);
        }
        if (ctx.extras().contains(Feature.TABLES_AND_INDEX_TABLES)) {
            body.append("""
                        static double rowDamp(double[] row, double k) {
                            for (int i = 0; i < row.length; i++) {
                                row[i] = row[i] * 0.5 + Math.tanh(k * row[i]);
                            }
                            return row[0];
                        }

                        static double rowSquares(double[] row) {
                            double s = 0;
                            for (int i = 0; i < row.length; i++) {
                                s += row[i] * row[i];
                            }
                            return s;
                        }

                    """);
        }
        if (ctx.customs()) {
            body.append("""
                        static double soft(double x) {
                            return Math.log1p(Math.exp(x));
                        }

                        @CustomDerivative(of = "soft")
                        static double softPullback(double x, double seed, DoubleGrad dx) {
                            dx.add(seed / (1 + Math.exp(-x)));
                            return soft(x);
                        }

                        static double mix(double x, int n, double y) {
                            return x * Math.cos(y) + 0.1 * n * y;
                        }

                        @CustomDerivative(of = "mix")
                        static double mixPullback(double x, int n, double y, double seed, DoubleGrad dx, DoubleGrad dy) {
                            dx.add(seed * Math.cos(y));
                            dy.add(seed * (0.1 * n - x * Math.sin(y)));
                            return mix(x, n, y);
                        }

                    """);
        }
        StringBuilder inner = new StringBuilder();
        for (int i = 0; i < methods.size(); i++) {
            Method m = methods.get(i);
            String t = templates.get(i);
            StringBuilder target = m.owner().isEmpty() ? body : inner;
            target.append(render(m, t, "S")).append('\n');
            target.append(render(m, t, "T")).append('\n');
            if (floats) {
                target.append(render(m, t, "D")).append('\n');
            }
        }
        if (inner.length() > 0) {
            inner.setLength(inner.length() - 1);
            body.append("    static class H {\n").append(inner.toString().indent(4)).append("    }\n\n");
        }
        body.setLength(body.length() - 1);
        String text = body.toString();
        text = floats ? text.replace("$F", "float").replace("$c", "(float) ").replace("$d", "(double) ").replace("$f", "f")
                : text.replace("$F", "double").replace("$c", "").replace("$d", "").replace("$f", "");
        if (mathImport) {
            // about half of the Math. qualifiers go
            StringBuilder u = new StringBuilder();
            int at = 0;
            boolean pi = has(Feature.UNQUALIFIED_NAMES_IN_PASSIVE_CODE);
            for (int i = text.indexOf("Math."); i >= 0; i = text.indexOf("Math.", i + 1)) {
                u.append(text, at, i);
                boolean strip = r.nextBoolean() && (pi || !(text.startsWith("Math.PI", i) || text.startsWith("Math.E", i)));
                at = strip ? i + "Math.".length() : i;
            }
            text = u.append(text.substring(at)).toString();
        }
        s.append(text).append("}\n");
        if (java.util.regex.Pattern.compile("(?<![.\\w])Arrays\\.").matcher(text).find()) {
            int at = s.indexOf("import dev.adjoint.Strategy;\n") + "import dev.adjoint.Strategy;\n".length();
            s.insert(at, "import java.util.Arrays;\n");
        }
        if (text.contains("Mode mode = ")) {
            int at = s.indexOf("public class " + className + " {\n") + ("public class " + className + " {\n").length();
            s.insert(at, "    enum Mode { " + String.join(", ", MODES) + " }\n\n");
        }
        if (text.contains("// falls through")) {
            // (-Xlint:all warns of a case that falls into the next)
            int at = s.indexOf("public class " + className + " {\n");
            s.insert(at, "@SuppressWarnings(\"fallthrough\")\n");
        }
        return new Program(index, seed, className, floats, List.copyOf(methods), s.toString(), Set.copyOf(ctx.used()));
    }

    private boolean has(Feature f) {
        return features.contains(f);
    }

    private Method signature(Random r, String base, boolean floats, boolean main, String owner) {
        List<Param> ps = new ArrayList<>();
        int scalars = 1 + r.nextInt(main ? 3 : 2);
        String[] scalarNames = {"x", "y", "z"};
        for (int i = 0; i < scalars; i++) {
            ps.add(new Param(scalarNames[i], floats && r.nextInt(3) == 0 ? Kind.FLOAT : Kind.DOUBLE, true));
        }
        int arrays = main ? r.nextInt(3) : r.nextInt(2);
        String[] arrayNames = {"w", "v"};
        for (int i = 0; i < arrays; i++) {
            ps.add(new Param(arrayNames[i], floats && r.nextInt(3) == 0 ? Kind.FLOAT_ARRAY : Kind.DOUBLE_ARRAY, true));
        }
        ps.add(new Param("n", Kind.INT, false));
        if (has(Feature.DECLARATION_SHAPES) && r.nextInt(6) == 0) {
            ps.add(new Param("m", Kind.LONG, false));
        }
        boolean explicit = false;
        if (has(Feature.EXPLICIT_WRT) && r.nextInt(3) == 0) {
            explicit = true;
            ps.add(new Param("p", Kind.DOUBLE, false));
            // sometimes one more real parameter is constant too (never the last differentiable one)
            if (r.nextInt(3) == 0 && ps.stream().filter(Param::wrt).count() > 1) {
                int j = r.nextInt(scalars + arrays);
                Param q = ps.get(j);
                ps.set(j, new Param(q.name(), q.kind(), false));
            }
        }
        if (has(Feature.BOOLEANS) && r.nextInt(5) == 0) {
            ps.add(new Param("flag", Kind.BOOLEAN, false));
        }
        // shuffle the parameter order a little: int before arrays sometimes
        if (r.nextInt(4) == 0) {
            Param n = ps.remove(ps.size() - 1);
            ps.add(0, n);
        }
        boolean floatResult = floats && r.nextInt(3) == 0;
        return new Method(base, List.copyOf(ps), floatResult, explicit, owner);
    }

    /**
     * The source of one variant ("S", "T" or the twin "D") of a method; the twin's float types
     * are already double, the others' placeholders are left to the caller.
     */
    static String render(Method m, String template, String variant) {
        boolean twin = variant.equals("D");
        String other = switch (variant) {
            case "S" -> "T";
            case "T" -> "S";
            default -> "D";
        };
        StringBuilder head = new StringBuilder();
        if (!twin) {
            head.append("    @Differentiable(");
            if (m.explicitWrt()) {
                head.append("wrt = {");
                head.append(String.join(", ", m.params().stream().filter(Param::wrt).map(p -> "\"" + p.name() + "\"").toList()));
                head.append("}, ");
            }
            head.append("strategy = Strategy.").append(variant.equals("S") ? "STATIC" : "TAPE").append(")\n");
        }
        head.append("    static ").append(m.floatResult() ? "$F" : "double").append(' ').append(m.base()).append(variant).append('(');
        List<String> ps = new ArrayList<>();
        for (Param p : m.params()) {
            String type = switch (p.kind()) {
                case DOUBLE -> "double";
                case FLOAT -> "$F";
                case DOUBLE_ARRAY -> "double[]";
                case FLOAT_ARRAY -> "$F[]";
                case INT -> "int";
                case LONG -> "long";
                case BOOLEAN -> "boolean";
            };
            ps.add(type + " " + p.name());
        }
        head.append(String.join(", ", ps)).append(") {\n");
        String text = head + template + "    }\n";
        text = text.replace("$S", variant).replace("$X", other);
        if (twin) {
            // K1 stays a float constant: 1.5f is 1.5
            return text.replace("$F", "double").replace("$c", "").replace("$d", "").replace("$f", "");
        }
        return text;
    }

    /** Value types of generated code; F renders as float (double in the twin). */
    enum T { D, F, I, L, B }

    /** A typed expression. */
    record E(String text, T type) {
        @Override
        public String toString() {
            return text;
        }
    }

    private record Var(String name, T type, boolean assignable) {}

    /**
     * An array in scope.
     *
     * @param writable whether the method may write it (then no callee gets it)
     * @param passive whether it holds no differentiated value (a non-wrt parameter never written, a fresh zero array)
     */
    private record Arr(String name, T elem, boolean writable, boolean passive) {}

    /** Generates one method's body template. */
    private final class MethodGen {
        final Random r;
        final Ctx ctx;
        final boolean floats;
        final Method sig;
        final List<Method> callees;
        final StringBuilder out = new StringBuilder();
        final Deque<List<Var>> scopes = new ArrayDeque<>();
        final List<Arr> arrays = new ArrayList<>();
        /** Index expressions (values in 0..3) of the enclosing loops' counters, innermost last. */
        final List<String> counters = new ArrayList<>();
        int budget;
        int loopDepth;
        int ifDepth;
        int calls;
        boolean hasP;
        boolean hasQ;
        /** More than 0 while a condition or an index is generated: text that the tape copies as it is. */
        int passive;
        /** Whether the method declares the String local {@code key} and the enum local {@code mode}; whether the last selector was either. */
        boolean keyDeclared;
        boolean keyed;
        boolean moded;
        /** Whether the method may jump out of loops: break, continue, return. */
        final boolean jumpy;
        int forEachLoops;
        /** Whether the method is still to get its scratch array ({@link Feature#SCRATCH_FILLS}). */
        boolean scratchPending;
        /** The scope depth at which each array declared inside the body was declared (EXTRAS' copies). */
        final java.util.Map<String, Integer> arrayDepth = new java.util.HashMap<>();
        int unique;
        /** Names declared in the earlier cases of the classic switches around: in scope for Java, not for their reads. */
        Set<String> switchLocals = new java.util.HashSet<>();
        /** The loop depth at which a {@code continue} may not go (a {@code do} whose condition updates), or -1. */
        int noContinueAt = -1;

        MethodGen(Random r, Ctx ctx, Method sig, List<Method> callees, int budget) {
            this.r = r;
            this.ctx = ctx;
            this.floats = ctx.floats();
            this.sig = sig;
            this.callees = has(Feature.CALLS) ? callees : List.of();
            this.budget = budget;
            this.jumpy = has(Feature.JUMPS) && r.nextBoolean();
        }

        String generate() {
            List<Var> top = new ArrayList<>();
            scopes.push(top);
            for (Param p : sig.params()) {
                switch (p.kind()) {
                    case DOUBLE -> {
                        if (p.name().equals("p")) {
                            hasP = true;
                            top.add(new Var(p.name(), T.D, false));
                        } else {
                            top.add(new Var(p.name(), T.D, true));
                        }
                    }
                    case FLOAT -> top.add(new Var(p.name(), T.F, true));
                    // only m writes parameter arrays, and then not all of them: an array passed to a callee is one
                    // that no one writes (the README's 'arrays passed through read-only')
                    case DOUBLE_ARRAY, FLOAT_ARRAY -> {
                        boolean writable = sig.base().equals("m") && has(Feature.PARAMETER_ARRAY_WRITES) && r.nextBoolean();
                        arrays.add(new Arr(p.name(), p.kind() == Kind.DOUBLE_ARRAY ? T.D : T.F, writable, !writable && !p.wrt()));
                    }
                    default -> { }
                }
            }
            String pad = "        ";
            out.append(pad).append("int k = n - 1;\n");
            if (sig.base().equals("m") && (ctx.extras().contains(Feature.ARROW_SWITCHES) || ctx.extras().contains(Feature.SWITCH_EXPRESSIONS)
                    || ctx.extras().contains(Feature.CLASSIC_SWITCHES))) {
                // (only in m: a plain helper's String local, inlined into a block, is one no strategy accepts)
                // a String selector for some switches (assigned once, at the top, as both strategies require)
                out.append(pad).append("String key = n % 3 == 0 ? \"a\" : n % 3 == 1 ? \"c\" : \"e\";\n");
                // and an enum selector, of an enum the file declares (see MODE)
                out.append(pad).append("Mode mode = n % 3 == 0 ? Mode.ONE : n % 3 == 1 ? Mode.THREE : Mode.ZERO;\n");
                keyDeclared = true;
            }
            int locals = r.nextInt(3);
            for (int i = 0; i < locals; i++) {
                T elem = floats && r.nextInt(2) == 0 ? T.F : T.D;
                String name = "u" + i;
                out.append(pad).append(typeName(elem)).append("[] ").append(name).append(" = new ").append(typeName(elem)).append("[4];\n");
                arrays.add(new Arr(name, elem, true, false));
                if (r.nextBoolean()) {
                    out.append(pad).append(name).append('[').append(r.nextInt(4)).append("] = ").append(assignable(elem, expr(2))).append(";\n");
                }
            }
            if (has(Feature.BOOLEANS) && r.nextInt(3) == 0) {
                out.append(pad).append("boolean q = ").append(condition()).append(";\n");
                hasQ = true;
            }
            String[] names = {"a", "b", "c"};
            int n = 1 + r.nextInt(3);
            List<Var> scalars = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                T t = floats && r.nextInt(3) == 0 ? T.F : T.D;
                String e = assignable(t, expr(2)).text();
                if (i + 1 < n && has(Feature.DECLARATION_SHAPES) && r.nextInt(4) == 0) {
                    // two declarators: the second may read the first
                    top.add(new Var(names[i], t, true));
                    String e2 = assignable(t, expr(2)).text();
                    out.append(pad).append(typeName(t)).append(' ').append(names[i]).append(" = ").append(e).append(", ")
                            .append(names[i + 1]).append(" = ").append(e2).append(";\n");
                    top.add(new Var(names[i + 1], t, true));
                    scalars.add(top.get(top.size() - 2));
                    scalars.add(top.get(top.size() - 1));
                    i++;
                    continue;
                }
                out.append(pad).append(typeName(t)).append(' ').append(names[i]).append(" = ").append(e).append(";\n");
                top.add(new Var(names[i], t, true));
                scalars.add(top.get(top.size() - 1));
            }
            scratchPending = has(Feature.SCRATCH_FILLS) && r.nextInt(3) == 0;
            statements(2);
            if (scratchPending) {
                scratchFill(2);
            }
            boolean switchReturn = ctx.extras().contains(Feature.SWITCH_EXPRESSIONS) && r.nextInt(3) == 0;
            if (sig.base().equals("m")) {
                // each feature drawn for the program shows at least once
                for (Feature f : ctx.extras()) {
                    if (!ctx.used().contains(f) && !(switchReturn && f == Feature.SWITCH_EXPRESSIONS)) {
                        extra(f, 2);
                    }
                }
            }
            // the result reads every top-level local, so that what the body computes matters
            E ret = expr(2);
            for (Var v : scalars) {
                String op = new String[] {" + ", " - ", " * "}[r.nextInt(3)];
                ret = new E(ret.text() + op + v.name(), promote(ret.type(), v.type()));
            }
            if (switchReturn) {
                ctx.used().add(Feature.SWITCH_EXPRESSIONS);
                // return switch (...) { case ... -> ...; default -> ...; }, each arm reading every top-level local
                List<E> arms = new ArrayList<>(List.of(ret));
                int more = 1 + r.nextInt(2);
                for (int j = 0; j < more; j++) {
                    E e = expr(2);
                    for (Var v : scalars) {
                        String op = new String[] {" + ", " - ", " * "}[r.nextInt(3)];
                        e = new E(e.text() + op + v.name(), promote(e.type(), v.type()));
                    }
                    arms.add(e);
                }
                List<String> texts = arms.stream().map(this::result).toList();
                out.append(pad).append("return ").append(switchOver(texts, null, 2)).append(";\n");
                return out.toString();
            }
            out.append(pad).append("return ").append(result(ret)).append(";\n");
            return out.toString();
        }

        String typeName(T t) {
            return switch (t) {
                case D -> "double";
                case F -> "$F";
                case I -> "int";
                case L -> "long";
                case B -> "boolean";
            };
        }

        // ---------------------------------------------------------------- statements

        void statements(int indent) {
            int count = 1 + r.nextInt(4);
            for (int i = 0; i < count && budget > 0; i++) {
                statement(indent);
            }
        }

        void statement(int indent) {
            budget--;
            String pad = "    ".repeat(indent);
            if (scratchPending && loopDepth <= 1 && indent < 7 && r.nextInt(3) == 0) {
                scratchFill(indent);
                return;
            }
            if (!ctx.extras().isEmpty() && indent < 8 && r.nextInt(5) == 0) {
                List<Feature> fs = new ArrayList<>(ctx.extras());
                extra(fs.get(r.nextInt(fs.size())), indent);
                return;
            }
            int kind = r.nextInt(23);
            if (kind < 4) {
                Var v = assignableVar();
                out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(expr(2 + r.nextInt(2))))).append(";\n");
            } else if (kind < 7) {
                compound(pad);
            } else if (kind == 7) {
                Var v = assignableVar();
                String self = v.name();
                E f = loopDepth > 0 ? new E("Math.tanh(" + expr(1).text() + ")", T.D) : expr(1);
                out.append(pad).append(self).append(" = ").append(assignable(v.type(), new E(self + " * " + f.text(), promote(v.type(), f.type())))).append(";\n");
            } else if (kind < 10) {
                arrayWrite(pad);
            } else if (kind < 13 && ifDepth < 3 && indent < 9) {
                ifStatement(indent);
            } else if (kind < 16 && has(Feature.LOOPS) && loopDepth < 3 && indent < 9 && budget > 2) {
                loop(indent);
            } else if (kind == 16 && loopDepth > 0 && jumpy) {
                String cond = r.nextBoolean() && has(Feature.ACTIVE_BRANCHES) ? activeCondition() : passiveCondition();
                out.append(pad).append("if (").append(cond).append(") ").append(r.nextBoolean() || loopDepth == noContinueAt ? "break" : "continue")
                        .append(";\n");
            } else if (kind == 17 && has(Feature.EARLY_RETURNS) && indent > 2 && (jumpy || loopDepth == 0)) {
                String cond = r.nextBoolean() && has(Feature.ACTIVE_BRANCHES) ? activeCondition() : passiveCondition();
                out.append(pad).append("if (").append(cond).append(") {\n");
                out.append(pad).append("    return ").append(result(expr(2))).append(";\n");
                out.append(pad).append("}\n");
            } else if (kind == 18) {
                if (hasQ && r.nextBoolean()) {
                    out.append(pad).append(r.nextBoolean() ? "q = !q;\n" : "q = " + condition() + ";\n");
                } else {
                    out.append(pad).append(r.nextBoolean() ? "k = 3 - k;\n" : "k = (k + " + (1 + r.nextInt(3)) + ") % 4;\n");
                }
            } else if (kind == 19 && indent > 2) {
                // a block-local, used right away
                T t = floats && r.nextInt(3) == 0 ? T.F : T.D;
                String name = freshName();
                out.append(pad).append(typeName(t)).append(' ').append(name).append(" = ").append(assignable(t, expr(2))).append(";\n");
                scopes.peek().add(new Var(name, t, true));
                Var v = assignableVar();
                E f = expr(1);
                E inc = loopDepth > 0 ? new E("0.5 * Math.tanh(" + name + " * " + f.text() + ")", T.D) : new E(name + " * " + f.text(), promote(t, f.type()));
                out.append(pad).append(v.name()).append(" += ").append(assignable(v.type(), inc)).append(";\n");
            } else if (kind == 21 && has(Feature.DECLARATION_SHAPES) && indent < 8) {
                // declared without a value, assigned on both sides of an if, then used
                T t = floats && r.nextInt(3) == 0 ? T.F : T.D;
                String name = freshName();
                out.append(pad).append(r.nextInt(3) == 0 ? "final " : "").append(typeName(t)).append(' ').append(name).append(";\n");
                out.append(pad).append("if (").append(condition()).append(") {\n");
                out.append(pad).append("    ").append(name).append(" = ").append(assignable(t, expr(2))).append(";\n");
                out.append(pad).append("} else {\n");
                out.append(pad).append("    ").append(name).append(" = ").append(assignable(t, expr(2))).append(";\n");
                out.append(pad).append("}\n");
                Var v = assignableVar();
                E inc = loopDepth > 0 ? new E("0.5 * Math.tanh(" + name + ")", T.D) : new E(name, t);
                out.append(pad).append(v.name()).append(" += ").append(assignable(v.type(), inc)).append(";\n");
                scopes.peek().add(new Var(name, t, false));
            } else if (kind == 20) {
                Var v = assignableVar();
                out.append(pad).append(v.name()).append(r.nextBoolean() ? "++" : "--").append(";\n");
            } else {
                Var v = assignableVar();
                E e = expr(2);
                out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + " + e.text(), promote(v.type(), e.type()))))).append(";\n");
            }
        }

        void compound(String pad) {
            Var v = assignableVar();
            int op = r.nextInt(4);
            E e;
            String sym;
            if (op == 0 || op == 1) {
                sym = op == 0 ? " += " : " -= ";
                e = loopDepth > 0 ? new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D) : expr(2);
            } else if (op == 2) {
                sym = " *= ";
                e = new E("(0.75 + 0.25 * Math.tanh(" + expr(2).text() + "))", T.D);
            } else {
                sym = " /= ";
                e = new E("(1.25 + 0.25 * Math.sin(" + expr(2).text() + "))", T.D);
            }
            if (v.type() == T.F && e.type() == T.D && !(has(Feature.NARROWING_COMPOUND) && r.nextBoolean())) {
                e = new E("$c(" + e.text() + ")", T.F);
            }
            out.append(pad).append(v.name()).append(sym).append(e.text()).append(";\n");
        }

        void arrayWrite(String pad) {
            List<Arr> writable = arrays.stream().filter(Arr::writable).toList();
            if (writable.isEmpty()) {
                compound(pad);
                return;
            }
            arrayWrite(pad, writable.get(r.nextInt(writable.size())));
        }

        void arrayWrite(String pad, Arr a) {
            String idx = index();
            int kind = r.nextInt(5);
            if (kind < 2) {
                out.append(pad).append(a.name()).append('[').append(idx).append("] = ").append(assignable(a.elem(), bounded(expr(2)))).append(";\n");
            } else if (kind == 2) {
                E e = loopDepth > 0 ? new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D) : expr(2);
                boolean narrow = has(Feature.NARROWING_COMPOUND) && r.nextBoolean();
                out.append(pad).append(a.name()).append('[').append(idx).append("] += ").append(narrow ? e : assignable(a.elem(), e)).append(";\n");
            } else if (kind == 3 && has(Feature.ELEMENT_INCREMENTS)) {
                out.append(pad).append(a.name()).append('[').append(idx).append(']').append(r.nextBoolean() ? "++" : "--").append(";\n");
            } else {
                E e = new E("(0.75 + 0.25 * Math.cos(" + expr(2).text() + "))", T.D);
                out.append(pad).append(a.name()).append('[').append(idx).append("] *= ").append(assignable(a.elem(), e)).append(";\n");
            }
        }

        void ifStatement(int indent) {
            String pad = "    ".repeat(indent);
            ifDepth++;
            boolean active = has(Feature.ACTIVE_BRANCHES) && r.nextBoolean();
            out.append(pad).append("if (").append(active ? activeCondition() : passiveCondition()).append(") {\n");
            block(indent + 1);
            int tail = r.nextInt(4);
            if (tail == 1 || tail == 2) {
                out.append(pad).append("} else {\n");
                block(indent + 1);
            } else if (tail == 3) {
                out.append(pad).append("} else if (").append(condition()).append(") {\n");
                block(indent + 1);
                out.append(pad).append("} else {\n");
                block(indent + 1);
            }
            out.append(pad).append("}\n");
            ifDepth--;
        }

        void block(int indent) {
            scopes.push(new ArrayList<>());
            statements(indent);
            popScope();
        }

        void loop(int indent) {
            loop(indent, -1);
        }

        /**
         * A loop of kind {@code forced} or, for -1, of a random kind; 10 to 14 are those of {@link Feature#SIDE_EFFECT_EXPRESSIONS},
         * whose condition updates a variable.
         */
        void loop(int indent, int forced) {
            String pad = "    ".repeat(indent);
            String i = forced >= 10 ? unique("c") : "i" + loopDepth;
            int kind = forced >= 0 ? forced : r.nextInt(10);
            if (forced < 0 && !has(Feature.DATA_DEPENDENT_LOOPS) && kind == 9) {
                kind = 0;
            }
            int blocked = noContinueAt;
            List<Arr> readable = arrays;
            if (kind == 8 && readable.isEmpty()) {
                kind = 0;
            }
            loopDepth++;
            scopes.push(new ArrayList<>());
            int body;
            String close;
            switch (kind) {
                case 0, 1, 2 -> {
                    out.append(pad).append("for (int ").append(i).append(" = 0; ").append(i).append(" < n; ").append(i).append("++) {\n");
                    counters.add(i);
                    body = indent + 1;
                    close = pad + "}\n";
                }
                case 3 -> {
                    out.append(pad).append("for (int ").append(i).append(" = n - 1; ").append(i).append(" >= 0; ").append(i).append("--) {\n");
                    counters.add(i);
                    body = indent + 1;
                    close = pad + "}\n";
                }
                case 4 -> {
                    out.append(pad).append("for (int ").append(i).append(" = 0; ").append(i).append(" < 4; ").append(i).append(" += 2) {\n");
                    counters.add(i);
                    body = indent + 1;
                    close = pad + "}\n";
                }
                case 5, 6 -> {
                    // the counter in a block of its own, so that a sibling loop can reuse its name
                    out.append(pad).append("{\n");
                    out.append(pad).append("    int ").append(i).append(" = n;\n");
                    out.append(pad).append("    while (").append(i).append(" > 0) {\n");
                    out.append(pad).append("        ").append(i).append("--;\n");
                    counters.add(i);
                    body = indent + 2;
                    close = pad + "    }\n" + pad + "}\n";
                }
                case 7 -> {
                    out.append(pad).append("{\n");
                    out.append(pad).append("    int ").append(i).append(" = 0;\n");
                    out.append(pad).append("    do {\n");
                    out.append(pad).append("        ").append(i).append("++;\n");
                    counters.add(i + " % 4");
                    body = indent + 2;
                    close = pad + "    } while (" + i + " < n);\n" + pad + "}\n";
                }
                case 8 -> {
                    Arr a = forEachLoops > 0 && !has(Feature.SEVERAL_FOR_EACH_LOOPS) ? null : readable.get(r.nextInt(readable.size()));
                    if (a == null) {
                        out.append(pad).append("for (int ").append(i).append(" = 0; ").append(i).append(" < n; ").append(i).append("++) {\n");
                        counters.add(i);
                        body = indent + 1;
                        close = pad + "}\n";
                        break;
                    }
                    forEachLoops++;
                    String e = "e" + (loopDepth - 1);
                    out.append(pad).append("for (").append(typeName(a.elem())).append(' ').append(e).append(" : ").append(a.name()).append(") {\n");
                    scopes.peek().add(new Var(e, a.elem(), false));
                    counters.add("k");
                    body = indent + 1;
                    close = pad + "}\n";
                }
                case 10 -> {
                    out.append(pad).append("{\n");
                    out.append(pad).append("    int ").append(i).append(" = n;\n");
                    out.append(pad).append("    while (").append(i).append(r.nextBoolean() ? "-- > 0) {\n" : "-- >= 1) {\n");
                    counters.add(i);
                    body = indent + 2;
                    close = pad + "    }\n" + pad + "}\n";
                }
                case 11 -> {
                    out.append(pad).append("for (int ").append(i).append(" = n; --").append(i).append(" >= 0; ) {\n");
                    counters.add(i);
                    body = indent + 1;
                    close = pad + "}\n";
                }
                case 12 -> {
                    // (a continue would jump past the condition's update: the desugar pass leaves such a loop alone)
                    noContinueAt = loopDepth;
                    out.append(pad).append("{\n");
                    out.append(pad).append("    int ").append(i).append(" = 0;\n");
                    out.append(pad).append("    do {\n");
                    counters.add(i + " % 4");
                    body = indent + 2;
                    boolean postfix = !r.nextBoolean() && has(Feature.POSTFIX_IN_DO_CONDITIONS);
                    close = pad + "    } while (" + (postfix ? i + "++ < n - 1" : "++" + i + " < n") + ");\n" + pad + "}\n";
                }
                case 13 -> {
                    out.append(pad).append("for (int ").append(i).append(" = 0; ").append(i).append("++ < n; ) {\n");
                    counters.add(i + " - 1");
                    body = indent + 1;
                    close = pad + "}\n";
                }
                case 14 -> {
                    // a trip count that depends on an active value (at most 6), the value updated in the condition
                    String s = freshName();
                    out.append(pad).append("{\n");
                    out.append(pad).append("    double ").append(s).append(" = 0.25 * Math.tanh(").append(expr(2).text()).append(");\n");
                    out.append(pad).append("    int ").append(i).append(" = 0;\n");
                    out.append(pad).append("    while ((").append(s).append(" += 0.3 + 0.1 * Math.sin(").append(expr(1).text()).append(")) < 1 && ")
                            .append(i).append(" < 6) {\n");
                    out.append(pad).append("        ").append(i).append("++;\n");
                    scopes.peek().add(new Var(s, T.D, false));
                    counters.add(i + " % 4");
                    body = indent + 2;
                    close = pad + "    }\n" + pad + "}\n";
                }
                default -> {
                    // a trip count that depends on an active value (at most 6)
                    String s = freshName();
                    out.append(pad).append("{\n");
                    out.append(pad).append("    double ").append(s).append(" = 0.25 * Math.tanh(").append(expr(2).text()).append(");\n");
                    out.append(pad).append("    int ").append(i).append(" = 0;\n");
                    out.append(pad).append("    while (").append(s).append(" < 1 && ").append(i).append(" < 6) {\n");
                    out.append(pad).append("        ").append(s).append(" += 0.3 + 0.1 * Math.sin(").append(expr(1).text()).append(");\n");
                    out.append(pad).append("        ").append(i).append("++;\n");
                    scopes.peek().add(new Var(s, T.D, false));
                    counters.add(i + " % 4");
                    body = indent + 2;
                    close = pad + "    }\n" + pad + "}\n";
                }
            }
            String bodyPad = "    ".repeat(body);
            // every loop carries a value and writes an array when it can
            Var v = assignableVar();
            out.append(bodyPad).append(v.name()).append(" = ").append(assignable(v.type(), new E("Math.tanh(" + expr(2).text() + " + " + v.name() + ")", T.D))).append(";\n");
            if (r.nextBoolean()) {
                arrayWrite(bodyPad);
            }
            statements(body);
            out.append(close);
            counters.remove(counters.size() - 1);
            popScope();
            loopDepth--;
            noContinueAt = blocked;
        }

        /** The near misses of a scratch fill, as in the corpus's {@code ScratchArrays}. */
        private enum Miss { NONE, READ_BEFORE_FILL, RANGE_MOVES, INDEX_MOVES, CHANGING_VALUE, SECOND_WRITE, READ_AFTER_LOOP }

        /**
         * A local scratch array {@code g0}, created at the top of the method, that each iteration of a counted
         * loop fills in an inner counted loop from arrays the method never writes and the loop's counter, then
         * reads in a doubly nested loop, into a value the method goes on with; or, half of the time, a near miss
         * that the reverse sweep must not fill again. Trip counts at most 4, indices in 0..3 (every array has 4
         * elements, {@code n} is in 1..4).
         */
        void scratchFill(int indent) {
            scratchPending = false;
            String pad = "    ".repeat(indent);
            T elem = floats && r.nextBoolean() ? T.F : T.D;
            String g = "g0";
            int at = out.indexOf("int k = n - 1;\n") + "int k = n - 1;\n".length();
            out.insert(at, "        " + typeName(elem) + "[] " + g + " = new " + typeName(elem) + "[4];\n");
            Miss miss = r.nextBoolean() ? Miss.NONE : Miss.values()[1 + r.nextInt(Miss.values().length - 1)];
            // arrays that no statement writes, those holding differentiated values first
            List<Arr> fixed = arrays.stream().filter(a -> !a.writable()).toList();
            List<Arr> active = fixed.stream().filter(a -> !a.passive()).toList();
            List<Arr> from = active.isEmpty() ? fixed : active;
            String c = "i" + loopDepth;
            String b = pad + "    ";
            out.append(pad).append("// a scratch array filled in each iteration").append(miss == Miss.NONE ? "" : ", near miss: " + miss).append('\n');
            out.append(pad).append("for (int ").append(c).append(" = 0; ").append(c).append(" < n; ").append(c).append("++) {\n");
            loopDepth++;
            counters.add(c);
            scopes.push(new ArrayList<>());
            Var v = assignableVar();
            if (miss == Miss.READ_BEFORE_FILL) {
                out.append(b).append(v.name()).append(" = ").append(assignable(v.type(),
                        new E("Math.tanh(" + v.name() + " + " + g + "[" + index() + "] * " + expr(1).text() + ")", T.D))).append(";\n");
            }
            if (miss == Miss.CHANGING_VALUE) {
                // a value the loop changes, then the fill reads it
                out.append(b).append(v.name()).append(" = ").append(assignable(v.type(),
                        new E("Math.tanh(" + expr(2).text() + " + " + v.name() + ")", T.D))).append(";\n");
            }
            // the fill
            String bound = miss == Miss.RANGE_MOVES ? c + " + 1" : r.nextBoolean() ? "n" : "4";
            String slot = miss == Miss.INDEX_MOVES ? "(j0 + " + c + ") % 4" : "j0";
            out.append(b).append("for (int j0 = 0; j0 < ").append(bound).append("; j0++) {\n");
            E value = fillValue(from, c);
            if (miss == Miss.CHANGING_VALUE) {
                value = new E("(" + value.text() + " + " + v.name() + " * 0.5)", T.D);
            }
            if (r.nextInt(3) == 0) {
                // through a temporary of the fill loop
                out.append(b).append("    double d0 = ").append(value.text()).append(";\n");
                value = new E(r.nextBoolean() ? "d0 * d0" : "d0 * 0.5 - " + c, T.D);
            }
            out.append(b).append("    ").append(g).append('[').append(slot).append("] = ").append(assignable(elem, value)).append(";\n");
            out.append(b).append("}\n");
            String companion = has(Feature.FUSED_LOOPS) && r.nextBoolean() ? "h0" : null;
            if (companion != null) {
                // a second fill over the same range, from this fill's element (or, a near miss, another one)
                out.insert(at, "        " + typeName(elem) + "[] " + companion + " = new " + typeName(elem) + "[4];\n");
                String read = switch (r.nextInt(4)) {
                    case 0 -> "(j3 + 1) % 4";
                    case 1 -> String.valueOf(r.nextInt(4));
                    default -> "j3";
                };
                String scale = from.isEmpty() ? "0.5" : from.get(r.nextInt(from.size())).name() + "[j3]";
                out.append(b).append("for (int j3 = 0; j3 < ").append(bound).append("; j3++) {\n");
                out.append(b).append("    ").append(companion).append("[j3] = ").append(assignable(elem,
                        new E(g + "[" + read + "] * " + scale + " - 0.25 * " + g + "[j3]", T.D))).append(";\n");
                out.append(b).append("}\n");
            }
            if (miss == Miss.SECOND_WRITE) {
                String i = index();
                out.append(b).append(g).append('[').append(i).append(r.nextBoolean() ? "] *= " : "] = ")
                        .append(assignable(elem, new E("(0.75 + 0.25 * Math.cos(" + expr(1).text() + "))", T.D))).append(";\n");
            }
            // the reads: more often than the writes, in a doubly nested loop
            String sum = "s0";
            out.append(b).append("double ").append(sum).append(" = 0;\n");
            String outer = r.nextBoolean() ? "n" : "4";
            out.append(b).append("for (int j1 = 0; j1 < ").append(outer).append("; j1++) {\n");
            out.append(b).append("    for (int j2 = ").append(r.nextBoolean() ? "j1" : "0").append("; j2 < ").append(outer).append("; j2++) {\n");
            String factor = switch (r.nextInt(3)) {
                case 0 -> "0.25";
                case 1 -> from.isEmpty() ? "0.5" : from.get(r.nextInt(from.size())).name() + "[j1]";
                default -> "0.1 * " + c;
            };
            out.append(b).append("        ").append(sum).append(" += ").append(g).append("[j1] * ").append(g).append("[j2] * ").append(factor)
                    .append(";\n");
            out.append(b).append("    }\n");
            out.append(b).append("}\n");
            scopes.peek().add(new Var(sum, T.D, false));
            if (companion != null) {
                // the second array summed (a read no derivative needs: its elements are not saved, nor the loops' pushes)
                out.append(b).append("for (int j4 = 0; j4 < ").append(outer).append("; j4++) {\n");
                out.append(b).append("    ").append(sum).append(" += ").append(companion).append("[j4];\n");
                out.append(b).append("}\n");
            }
            out.append(b).append(v.name()).append(" = ").append(assignable(v.type(), new E("Math.tanh(" + v.name() + " + 0.5 * Math.exp(-0.1 * "
                    + sum + ") + 0.1 * " + g + "[" + r.nextInt(4) + "] * " + sum + ")", T.D))).append(";\n");
            if (r.nextInt(3) == 0 && budget > 0) {
                statements(indent + 1);
            }
            out.append(pad).append("}\n");
            popScope();
            counters.remove(counters.size() - 1);
            loopDepth--;
            if (miss == Miss.READ_AFTER_LOOP) {
                Var u = assignableVar();
                String i = index();
                E f = expr(1);
                E e = new E(g + "[" + i + "] * " + f.text(), promote(elem, f.type()));
                out.append(pad).append(u.name()).append(" = ").append(assignable(u.type(), bounded(new E(u.name() + " + " + e.text(),
                        promote(u.type(), e.type())))))
                        .append(";\n");
            }
        }

        /** What a scratch fill stores at {@code j0}: elements of {@code from} (never written), the counter {@code c}, constants. */
        E fillValue(List<Arr> from, String c) {
            if (from.isEmpty()) {
                return new E("(j0 + 1) * 0.25 - " + c + " * 0.5", T.D);
            }
            Arr x = from.get(r.nextInt(from.size()));
            Arr mu = from.get(r.nextInt(from.size()));
            String xi = r.nextInt(3) == 0 ? "3 - j0" : "j0";
            return switch (r.nextInt(4)) {
                case 0, 1 -> new E("(" + x.name() + "[" + xi + "] - " + mu.name() + "[" + c + "])", promote(x.elem(), mu.elem()));
                case 2 -> new E(x.name() + "[" + xi + "] * (" + c + " + 1) * 0.5", promote(x.elem(), T.D));
                default -> new E("(" + x.name() + "[" + xi + "] + 0.25 * " + c + " - " + mu.name() + "[j0] / 2)", promote(x.elem(), T.D));
            };
        }

        // ---------------------------------------------------------------- the extras (EXTRAS)

        /** Closes the innermost scope: its variables and the arrays declared in it go out of scope. */
        void popScope() {
            scopes.pop();
            if (!arrayDepth.isEmpty()) {
                arrays.removeIf(a -> arrayDepth.getOrDefault(a.name(), 0) > scopes.size());
            }
        }

        /** Declares a local array in the current scope. */
        Arr declareArray(String name, T elem, boolean passive) {
            Arr a = new Arr(name, elem, true, passive);
            arrays.add(a);
            arrayDepth.put(name, scopes.size());
            return a;
        }

        /** A name no other local of the method has: {@code prefix} and a number. */
        String unique(String prefix) {
            return prefix + unique++;
        }

        void extra(Feature f, int indent) {
            ctx.used().add(f);
            String pad = "    ".repeat(indent);
            switch (f) {
                case ARRAY_LIBRARY_CALLS -> arrayLibraryCall(pad);
                case ARROW_SWITCHES -> arrowSwitch(indent);
                case SWITCH_EXPRESSIONS -> switchExpression(indent);
                case NARROWING_INT_COMPOUND -> narrowingInt(pad);
                case SIDE_EFFECT_EXPRESSIONS -> sideEffect(indent);
                case PLAIN_ARRAY_HELPERS -> plainArrayHelper(pad);
                case UNMODELLED_LIBRARY_CALLS -> unmodelledCall(pad);
                case CLASSIC_SWITCHES -> classicSwitch(indent);
                case UNLOWERED_SIDE_EFFECTS -> unlowered(indent);
                case GUARDS -> guard(pad);
                case LOOP_LOCAL_ARRAYS -> loopLocalArray(indent);
                case TABLES_AND_INDEX_TABLES -> tables(indent);
                case ARRAY_REASSIGNMENTS -> reassignments(indent);
                default -> throw new IllegalStateException("not an extra: " + f);
            }
        }

        /** Names of the extras' own variables ({@code lk0}, {@code la0}), unlike any other of the program. */
        int extraNames;

        /** A guard that throws with a message reading values, and an assert; neither fires at the points. */
        void guard(String pad) {
            List<Var> vs = new ArrayList<>();
            scopes.forEach(vs::addAll);
            Var v = vs.get(r.nextInt(vs.size()));
            out.append(pad).append("if (").append(v.name()).append(" != ").append(v.name()).append(") {\n")
                    .append(pad).append("    throw new ArithmeticException(\"not a number: \" + ").append(v.name()).append(");\n")
                    .append(pad).append("}\n");
            if (!arrays.isEmpty()) {
                Arr a = arrays.get(r.nextInt(arrays.size()));
                out.append(pad).append("if (").append(a.name()).append(".length > 1000) throw new IllegalArgumentException(\"")
                        .append(a.name()).append(" has \" + ").append(a.name()).append(".length + \" elements\");\n");
                out.append(pad).append("assert ").append(a.name()).append(".length >= 0 : \"").append(a.name()).append("\";\n");
            }
            out.append(pad).append("assert ").append(v.name()).append(" == ").append(v.name()).append(" : \"NaN \" + ")
                    .append(v.name()).append(";\n");
        }

        /** A counted loop creating a local array in each iteration, writing and reading it there, then adding to a variable. */
        void loopLocalArray(int indent) {
            String pad = "    ".repeat(indent);
            String k = "lk" + extraNames;
            String a = "la" + extraNames++;
            T elem = floats && r.nextBoolean() ? T.F : T.D;
            Var v = assignableVar();
            E e1 = expr(1);
            E e2 = expr(1);
            // (a for loop, or a while loop with the same counter; a length the loop updates is declared before it)
            int shape = r.nextInt(4);
            boolean asWhile = r.nextInt(3) == 0;
            out.append(shape == 3 ? pad + "int " + a + "m = 3;\n" : "").append(asWhile ? pad + "int " + k + " = 0;\n" : "");
            out.append(pad).append(asWhile ? "while (" + k + " < 2) {\n" : "for (int " + k + " = 0; " + k + " < 2; " + k + "++) {\n");
            if (r.nextBoolean()) {
                // a length of 3, or one that changes with the counter (3 and 4), maybe computed into an int local first,
                // or one the loop updates (each creation then borrows an array of its own)
                String length = switch (shape) {
                    case 0 -> "3";
                    case 1 -> k + " + 3";
                    case 3 -> a + "m";
                    default -> {
                        out.append(pad).append("    int ").append(a).append("n = 3 + ").append(k).append(";\n");
                        yield a + "n";
                    }
                };
                out.append(pad).append("    ").append(typeName(elem)).append("[] ").append(a).append(" = new ").append(typeName(elem))
                        .append('[').append(length).append("];\n");
                out.append(pad).append("    ").append(a).append('[').append(k).append("] = ").append(assignable(elem, e1).text())
                        .append(";\n");
            } else {
                out.append(pad).append("    ").append(typeName(elem)).append("[] ").append(a).append(" = {")
                        .append(assignable(elem, e1).text()).append(", 0.5f, 0};\n");
            }
            out.append(pad).append("    ").append(a).append('[').append(k).append(" + 1] = ").append(a).append('[').append(k)
                    .append("] * ").append(assignable(elem, e2).text()).append(";\n");
            E read = new E(a + "[" + k + "] + " + a + "[" + k + " + 1] * " + a + "[2]", elem);
            out.append(pad).append("    ").append(v.name()).append(" = ").append(assignable(v.type(), new E("Math.tanh("
                    + v.name() + " + " + read.text() + ")", T.D)).text()).append(";\n");
            out.append(shape == 3 ? pad + "    " + a + "m += " + k + " + 1;\n" : "").append(asWhile ? pad + "    " + k + "++;\n" : "");
            out.append(pad).append("}\n");
        }

        /** See {@link Feature#ARRAY_REASSIGNMENTS}: the arrays' values come from active expressions, the result goes to a variable. */
        void reassignments(int indent) {
            String pad = "    ".repeat(indent);
            String in = pad + "    ";
            int id = extraNames++;
            String p = "lp" + id;
            String q = "lq" + id;
            String t = "ls" + id;
            String k = "lk" + id;
            String i = "li" + id;
            T elem = floats && r.nextBoolean() ? T.F : T.D;
            String ty = typeName(elem);
            Var v = assignableVar();
            E e1 = assignable(elem, expr(1));
            E e2 = assignable(elem, expr(1));
            out.append(pad).append("{\n");
            out.append(in).append(ty).append("[] ").append(p).append(" = new ").append(ty).append("[3];\n");
            out.append(in).append(p).append("[0] = ").append(e1.text()).append(";\n");
            out.append(in).append(p).append("[1] = ").append(e2.text()).append(";\n");
            E read;
            switch (r.nextInt(3)) {
                case 0 -> { // ping-pong
                    out.append(in).append(ty).append("[] ").append(q).append(" = new ").append(ty).append("[3];\n");
                    out.append(in).append("for (int ").append(k).append(" = 0; ").append(k).append(" < 2; ").append(k).append("++) {\n");
                    out.append(in).append("    for (int ").append(i).append(" = 0; ").append(i).append(" < 3; ").append(i).append("++) {\n");
                    out.append(in).append("        ").append(q).append('[').append(i).append("] = ").append(assignable(elem, new E("Math.sin("
                            + p + "[" + i + "]) + 0.5 * " + p + "[(" + i + " + 1) % 3]", T.D)).text()).append(";\n");
                    out.append(in).append("    }\n");
                    out.append(in).append("    ").append(ty).append("[] ").append(t).append(" = ").append(p).append(";\n");
                    out.append(in).append("    ").append(p).append(" = ").append(q).append(";\n");
                    out.append(in).append("    ").append(q).append(" = ").append(t).append(";\n");
                    out.append(in).append("}\n");
                    read = new E(p + "[0] + " + p + "[2] * " + q + "[1]", elem);
                }
                case 1 -> { // a = z, z fresh in each iteration
                    out.append(in).append("for (int ").append(k).append(" = 0; ").append(k).append(" < 2; ").append(k).append("++) {\n");
                    out.append(in).append("    ").append(ty).append("[] ").append(q).append(" = new ").append(ty).append('[').append(p)
                            .append(".length];\n");
                    out.append(in).append("    for (int ").append(i).append(" = 0; ").append(i).append(" < ").append(q).append(".length; ")
                            .append(i).append("++) {\n");
                    out.append(in).append("        ").append(q).append('[').append(i).append("] = ").append(assignable(elem, new E("Math.tanh("
                            + p + "[" + i + "] * 0.7 + " + p + "[(" + i + " + 1) % " + p + ".length])", T.D)).text()).append(";\n");
                    out.append(in).append("    }\n");
                    out.append(in).append("    ").append(p).append(" = ").append(q).append(";\n");
                    out.append(in).append("}\n");
                    read = new E(p + "[0] * " + p + "[1] + " + p + "[2]", elem);
                }
                default -> { // a conditional alias of two fresh arrays
                    out.append(in).append(ty).append("[] ").append(q).append(" = new ").append(ty).append("[3];\n");
                    out.append(in).append(q).append("[2] = ").append(assignable(elem, new E("(" + e1.text() + ") * 0.5", T.D)).text())
                            .append(";\n");
                    out.append(in).append(ty).append("[] ").append(t).append(" = ").append(v.name()).append(" > 0.25 ? ").append(p)
                            .append(" : ").append(q).append(";\n");
                    read = new E(t + "[0] + " + t + "[2] * " + t + "[1]", elem);
                }
            }
            out.append(in).append(v.name()).append(" = ").append(assignable(v.type(), new E("Math.tanh(" + v.name() + " + "
                    + read.text() + ")", T.D)).text()).append(";\n");
            out.append(pad).append("}\n");
        }

        /** See {@link Feature#TABLES_AND_INDEX_TABLES}: the table's values come from active expressions, the result goes to a variable. */
        void tables(int indent) {
            if (!sig.owner().isEmpty()) {
                return; // the helpers are the top-level class's
            }
            String pad = "    ".repeat(indent);
            String in = pad + "    ";
            String in2 = in + "    ";
            int id = extraNames++;
            String t = "lt" + id;
            String o = "lo" + id;
            String mk = "lm" + id;
            String h = "lh" + id;
            String w = "lw" + id;
            String rr = "lr" + id;
            String c = "lc" + id;
            int rows = 2 + r.nextInt(2);
            int shift = r.nextInt(4);
            Var v = assignableVar();
            E fill = bounded(expr(1));
            E k = bounded(expr(1));
            out.append(pad).append("double[][] ").append(t).append(" = new double[").append(rows).append("][4];\n");
            out.append(pad).append("int[] ").append(o).append(" = new int[4];\n");
            out.append(pad).append("boolean[] ").append(mk).append(" = new boolean[4];\n");
            out.append(pad).append("int[] ").append(h).append(" = new int[").append(rows).append("];\n");
            out.append(pad).append("for (int ").append(rr).append(" = 0; ").append(rr).append(" < ").append(rows).append("; ").append(rr)
                    .append("++) {\n");
            out.append(in).append("for (int ").append(c).append(" = 0; ").append(c).append(" < 4; ").append(c).append("++) {\n");
            out.append(in2).append(t).append('[').append(rr).append("][").append(c).append("] = ").append(fill.text()).append(" * (")
                    .append(c).append(" + 1) - ").append(rr).append(" * 0.25;\n");
            out.append(in).append("}\n");
            out.append(pad).append("}\n");
            out.append(pad).append("for (int ").append(c).append(" = 0; ").append(c).append(" < 4; ").append(c).append("++) {\n");
            out.append(in).append(o).append('[').append(c).append("] = (").append(c).append(" * 3 + ").append(shift).append(") % 4;\n");
            out.append(in).append(mk).append('[').append(c).append("] = ").append(t).append("[0][").append(c).append("] > ").append(t)
                    .append('[').append(rows - 1).append("][").append(c).append("];\n");
            out.append(pad).append("}\n");
            out.append(pad).append("for (int ").append(rr).append(" = 0; ").append(rr).append(" < ").append(rows).append("; ").append(rr)
                    .append("++) {\n");
            out.append(in).append("double[] ").append(w).append(" = new double[").append(t).append('[').append(rr).append("].length];\n");
            out.append(in).append("for (int ").append(c).append(" = 0; ").append(c).append(" < ").append(w).append(".length; ").append(c)
                    .append("++) {\n");
            out.append(in2).append(w).append('[').append(c).append("] = ").append(t).append('[').append(rr).append("][").append(o)
                    .append('[').append(c).append("]] * (").append(mk).append('[').append(c).append("] ? 1.5 : -0.5);\n");
            out.append(in).append("}\n");
            out.append(in).append(h).append("[(").append(rr).append(" + ").append(o).append('[').append(rr).append("]) % ").append(rows)
                    .append("]++;\n");
            E sum = new E(v.name() + " + 0.25 * " + ctx.own("rowDamp") + "(" + t + "[" + rr + "], " + k.text() + ") * " + h + "[" + rr
                    + "] + " + w + "[" + rr + " % " + w + ".length] * " + ctx.own("rowSquares") + "(" + t + "[(" + rr + " + 1) % " + rows
                    + "]) * 0.125", T.D);
            out.append(in).append(v.name()).append(" = ").append(assignable(v.type(), new E("Math.tanh(" + sum.text() + ")", T.D)).text())
                    .append(";\n");
            out.append(in).append(o).append('[').append(rr).append("] = ").append(o).append("[(").append(rr).append(" + 1) % 4];\n");
            out.append(in).append(mk).append('[').append(rr).append("] = !").append(mk).append('[').append(rr).append("];\n");
            out.append(pad).append("}\n");
        }

        /** {@code v = v + a[i] * e} (bounded): the value goes on with what an array holds now. */
        void readBack(String pad, Arr a) {
            Var v = assignableVar();
            E f = expr(1);
            passive++;
            String i = index();
            passive--;
            E e = new E(a.name() + "[" + i + "] * " + f.text(), promote(a.elem(), f.type()));
            out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + " + e.text(),
                    promote(v.type(), e.type()))))).append(";\n");
        }

        /** System.arraycopy, Arrays.fill, Arrays.copyOf, Arrays.copyOfRange, clone(), then a read of the array written. */
        void arrayLibraryCall(String pad) {
            String lib = r.nextBoolean() ? "Arrays" : "java.util.Arrays";
            List<Arr> writable = arrays.stream().filter(Arr::writable).toList();
            int kind = r.nextInt(6);
            // (a local array is declared in the method's own block: the static strategy rejects one in a block or loop, and
            // the tape accepts it; a fresh array to fill goes to the top, as call() does)
            boolean top = scopes.size() == 1;
            if (arrays.isEmpty() || !top && writable.isEmpty()) {
                kind = 1 + r.nextInt(2);
            } else if (writable.isEmpty() && kind < 3) {
                kind = 3 + r.nextInt(3);
            } else if (!top && kind >= 3) {
                kind = r.nextInt(3);
            }
            if (kind == 0) {
                Arr dst = writable.get(r.nextInt(writable.size()));
                List<Arr> same = arrays.stream().filter(a -> a.elem() == dst.elem()).toList();
                Arr src = same.get(r.nextInt(same.size()));
                String args = switch (r.nextInt(3)) {
                    case 0 -> "0, " + dst.name() + ", 0, n";
                    case 1 -> "0, " + dst.name() + ", 4 - n, n";
                    default -> {
                        int len = 1 + r.nextInt(4);
                        yield r.nextInt(5 - len) + ", " + dst.name() + ", " + r.nextInt(5 - len) + ", " + len;
                    }
                };
                out.append(pad).append("System.arraycopy(").append(src.name()).append(", ").append(args).append(");\n");
                readBack(pad, dst);
                return;
            }
            if (kind == 1 || kind == 2) {
                Arr dst;
                if (writable.isEmpty()) {
                    T elem = floats && r.nextBoolean() ? T.F : T.D;
                    dst = new Arr(unique("cp"), elem, true, false);
                    arrays.add(dst);
                    int at = out.indexOf("int k = n - 1;\n") + "int k = n - 1;\n".length();
                    out.insert(at, "        " + typeName(elem) + "[] " + dst.name() + " = new " + typeName(elem) + "[4];\n");
                } else {
                    dst = writable.get(r.nextInt(writable.size()));
                }
                String value = assignable(dst.elem(), bounded(expr(2))).text();
                String range = "";
                if (kind == 2) {
                    int from = r.nextInt(4);
                    range = r.nextBoolean() ? from + ", " + (from + r.nextInt(5 - from)) + ", " : "0, n, ";
                }
                out.append(pad).append(lib).append(".fill(").append(dst.name()).append(", ").append(range).append(value).append(");\n");
                readBack(pad, dst);
                return;
            }
            Arr src = arrays.get(r.nextInt(arrays.size()));
            String init = switch (kind) {
                case 3 -> lib + ".copyOf(" + src.name() + ", " + new String[] {"4", "n + 3", "6"}[r.nextInt(3)] + ")";
                case 4 -> {
                    int from = r.nextInt(4);
                    yield lib + ".copyOfRange(" + src.name() + ", " + (r.nextBoolean() ? from + ", " + (from + 4) : "k, k + 4") + ")";
                }
                default -> src.name() + ".clone()";
            };
            Arr c = declareArray(unique("cp"), src.elem(), src.passive());
            out.append(pad).append(typeName(src.elem())).append("[] ").append(c.name()).append(" = ").append(init).append(";\n");
            if (r.nextBoolean()) {
                arrayWrite(pad, c);
            }
            readBack(pad, c);
        }

        /** The selector of a switch: a passive int (0..4), or, with active branches, an int from an active value. */
        String selector() {
            keyed = keyDeclared && r.nextInt(4) == 0;
            if (keyed) {
                return "key"; // labels() writes its cases as strings
            }
            moded = keyDeclared && r.nextInt(3) == 0;
            if (moded) {
                return "mode"; // and as the enum's constants
            }
            passive++;
            try {
                int kind = r.nextInt(5);
                if (kind == 0 && has(Feature.ACTIVE_BRANCHES)) {
                    List<Var> vs = realVars();
                    Var v = vs.get(r.nextInt(vs.size()));
                    return "(int) (4 + 2 * " + v.name() + ") % 4";
                }
                return kind == 1 ? "n" : kind == 2 ? "n % 3" : index();
            } finally {
                passive--;
            }
        }

        /** Case labels: one to three groups of one or two of 0..4 ("a".."e" after a String selector, ZERO..FOUR after an enum one). */
        List<String> labels() {
            List<Integer> all = new ArrayList<>(List.of(0, 1, 2, 3, 4));
            java.util.Collections.shuffle(all, r);
            int groups = 1 + r.nextInt(3);
            List<String> out = new ArrayList<>();
            int at = 0;
            for (int g = 0; g < groups; g++) {
                int size = Math.min(1 + r.nextInt(2), all.size() - at);
                out.add(String.join(", ", all.subList(at, at + size).stream().map(i -> keyed ? "\"" + (char) ('a' + i) + "\""
                        : moded ? MODES.get(i) : String.valueOf(i)).toList()));
                at += size;
            }
            return out;
        }

        /** A switch statement in arrow form; arms of one statement or blocks. */
        void arrowSwitch(int indent) {
            String pad = "    ".repeat(indent);
            out.append(pad).append("switch (").append(selector()).append(") {\n");
            List<String> labels = new ArrayList<>(labels());
            if (r.nextInt(3) != 0) {
                labels.add("default");
            }
            for (String l : labels) {
                out.append(pad).append("    ").append(l.equals("default") ? "default" : "case " + l).append(" -> ");
                if (r.nextBoolean()) {
                    Var v = assignableVar();
                    if (r.nextBoolean()) {
                        out.append(v.name()).append(" = ").append(assignable(v.type(), bounded(expr(2)))).append(";\n");
                    } else {
                        E e = loopDepth > 0 ? new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D) : expr(2);
                        out.append(v.name()).append(" += ").append(assignable(v.type(), e)).append(";\n");
                    }
                } else {
                    out.append("{\n");
                    ifDepth++;
                    block(indent + 2);
                    ifDepth--;
                    out.append(pad).append("    }\n");
                }
            }
            out.append(pad).append("}\n");
        }

        /**
         * {@code switch (selector) { case ... -> arm; ... default -> arm; }} over {@code arms} (texts of the target's type;
         * {@code target} null: already converted), the last one the default; now and then an arm is a block that yields.
         */
        String switchOver(List<String> arms, T target, int indent) {
            String pad = "    ".repeat(indent);
            StringBuilder s = new StringBuilder("switch (" + selector() + ") {\n");
            List<String> labels = labels();
            for (int i = 0; i < arms.size(); i++) {
                String label = i == arms.size() - 1 ? "default" : "case " + labels.get(i % labels.size());
                if (i > 0 && i == labels.size() && i < arms.size() - 1) {
                    break;
                }
                s.append(pad).append("    ").append(label).append(" -> ");
                if (target != null && r.nextInt(3) == 0) {
                    // a block: a local of its own, then yield
                    scopes.push(new ArrayList<>());
                    // (not freshName(): the switch may be the initializer of a t0 declared next, whose scope holds it)
                    String t = unique("ty");
                    s.append("{\n");
                    s.append(pad).append("        double ").append(t).append(" = ").append(expr(2).text()).append(";\n");
                    scopes.peek().add(new Var(t, T.D, false));
                    E f = expr(1);
                    s.append(pad).append("        yield ").append(assignable(target, bounded(new E(arms.get(i) + " + " + t + " * "
                            + f.text(), T.D)))).append(";\n");
                    s.append(pad).append("    }\n");
                    popScope();
                } else {
                    s.append(arms.get(i)).append(";\n");
                }
            }
            if (!s.toString().contains("default -> ")) {
                s.append(pad).append("    default -> ").append(arms.get(arms.size() - 1)).append(";\n");
            }
            return s.append(pad).append("}").toString();
        }

        /** {@code T t = switch ...;} then used, or {@code v = switch ...;}, or {@code v += 0.5 * Math.tanh(switch ...);}. */
        void switchExpression(int indent) {
            String pad = "    ".repeat(indent);
            int arms = 2 + r.nextInt(3);
            if (r.nextInt(3) == 0 && !ctx.extras().contains(Feature.SIDE_EFFECT_EXPRESSIONS)
                    && !ctx.extras().contains(Feature.UNLOWERED_SIDE_EFFECTS)) {
                // inside a larger expression: the desugar pass runs it first, into a local (nothing before it has an effect)
                Var v = assignableVar();
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < arms; i++) {
                    // (a double literal operand types the arm for the desugar pass, whatever the rest calls)
                    texts.add("0.25 + (" + assignable(T.D, bounded(expr(2))).text() + ")");
                }
                E inc = new E("0.5 * Math.tanh(" + switchOver(texts, T.D, indent) + ")", T.D);
                out.append(pad).append(v.name()).append(" += ").append(assignable(v.type(), inc)).append(";\n");
                return;
            }
            if (r.nextBoolean()) {
                T t = floats && r.nextInt(3) == 0 ? T.F : T.D;
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < arms; i++) {
                    texts.add(assignable(t, bounded(expr(2))).text());
                }
                String sw = switchOver(texts, t, indent);
                String name = freshName();
                out.append(pad).append(typeName(t)).append(' ').append(name).append(" = ").append(sw).append(";\n");
                scopes.peek().add(new Var(name, t, true));
                Var v = assignableVar();
                E inc = loopDepth > 0 ? new E("0.5 * Math.tanh(" + name + ")", T.D) : new E(name, t);
                out.append(pad).append(v.name()).append(" += ").append(assignable(v.type(), inc)).append(";\n");
            } else {
                Var v = assignableVar();
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < arms; i++) {
                    E e = expr(2);
                    texts.add(assignable(v.type(), bounded(r.nextBoolean() ? e : new E(v.name() + " + " + e.text(), promote(v.type(), e.type()))))
                            .text());
                }
                out.append(pad).append(v.name()).append(" = ").append(switchOver(texts, v.type(), indent)).append(";\n");
            }
        }

        /** {@code int b = n; b += x * 2.5;} and the like, then b feeds a value. */
        void narrowingInt(String pad) {
            String b = unique("bx");
            boolean wide = r.nextInt(4) == 0;
            out.append(pad).append(wide ? "long " : "int ").append(b).append(" = ").append(wide ? "2L" : r.nextBoolean() ? "n" : "k")
                    .append(";\n");
            List<Var> vs = realVars();
            Var x = vs.get(r.nextInt(vs.size()));
            // (through tanh: the integer part of a fast-moving value is a staircase too fine for central differences to
            // see its zero derivative; seed 20261205, program 6827 truncated y + a^9. Kept off integers where the value
            // is a constant: there float rounding truncates otherwise than the double twin, 2 * (1.5 + 0.5 *
            // sin((float) PI)) is 2 and 2 * (1.5 + 0.5 * sin(PI)) is 3; seed 31415, programs 5217 and 8264)
            String op = switch (r.nextInt(4)) {
                case 0 -> " += 0.5 + Math.tanh(" + x.name() + ") * 2.5";
                case 1 -> " -= 0.5 + Math.tanh(" + expr(1).text() + ") * 1.75";
                case 2 -> " *= 1.45 + 0.5 * Math.sin(" + expr(1).text() + ")";
                default -> " += $c(0.5 + 2 * Math.tanh(" + expr(1).text() + "))";
            };
            out.append(pad).append(b).append(op).append(";\n");
            Var v = assignableVar();
            out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + 0.25 * " + b + " * "
                    + expr(1).text(), T.D)))).append(";\n");
        }

        /** An update inside an expression that the desugar pass lowers into statements: both strategies must translate it. */
        void sideEffect(int indent) {
            String pad = "    ".repeat(indent);
            Var v = assignableVar();
            List<Arr> writable = arrays.stream().filter(Arr::writable).toList();
            List<Var> others = assignableVars().stream().filter(u -> !u.name().equals(v.name())).toList();
            int kind = r.nextInt(12);
            if ((kind == 4 || kind == 6 || kind == 7 || kind == 8) && writable.isEmpty() || kind == 5 && arrays.isEmpty()
                    || kind == 9 && others.isEmpty() || kind >= 10 && !(has(Feature.LOOPS) && loopDepth < 3 && indent < 9)) {
                kind = r.nextInt(4);
            }
            String i = unique("ix");
            switch (kind) {
                case 0 -> {
                    out.append(pad).append("int ").append(i).append(" = k;\n");
                    String inc = r.nextBoolean() ? "++" + i : i + "--";
                    out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + 0.25 * "
                            + expr(1).text() + " * " + inc, T.D)))).append(";\n");
                }
                case 1 -> {
                    String t = freshName();
                    out.append(pad).append("double ").append(t).append(" = 0;\n");
                    scopes.peek().add(new Var(t, T.D, false));
                    out.append(pad).append(v.name()).append(" += ").append(assignable(v.type(), new E("0.5 * Math.tanh(Math.sin(" + t + " = "
                            + expr(2).text() + ") * " + t + ")", T.D))).append(";\n");
                }
                case 2 -> {
                    Var u = assignableVar();
                    out.append(pad).append("if ((").append(v.name()).append(" += ").append(assignable(v.type(), new E("0.5 * Math.tanh("
                            + expr(2).text() + ")", T.D))).append(") > 0.2) {\n");
                    // (u * f is float when both are: typed double, it drew a redundant (float) cast)
                    E f = expr(1);
                    out.append(pad).append("    ").append(u.name()).append(" = ").append(assignable(u.type(), bounded(new E(u.name() + " * "
                            + f.text(), promote(u.type(), f.type()))))).append(";\n");
                    out.append(pad).append("}\n");
                }
                case 3 -> {
                    String j = unique("ix");
                    out.append(pad).append("int ").append(i).append(" = n;\n");
                    out.append(pad).append("int ").append(j).append(";\n");
                    out.append(pad).append("while ((").append(j).append(" = ").append(i).append(" * 2) > 2) {\n");
                    out.append(pad).append("    ").append(v.name()).append(" = ").append(assignable(v.type(), new E("Math.tanh(" + v.name()
                            + " + " + expr(2).text() + ")", T.D))).append(";\n");
                    out.append(pad).append("    ").append(i).append("--;\n");
                    out.append(pad).append("}\n");
                }
                case 4 -> {
                    Arr a = writable.get(r.nextInt(writable.size()));
                    out.append(pad).append("int ").append(i).append(";\n");
                    passive++;
                    String idx = index();
                    passive--;
                    out.append(pad).append(a.name()).append('[').append(i).append(" = ").append(idx).append("] = ")
                            .append(assignable(a.elem(), bounded(expr(2)))).append(";\n");
                    out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + " + a.name() + "["
                            + i + "]", promote(v.type(), a.elem()))))).append(";\n");
                }
                case 5 -> {
                    Arr a = arrays.get(r.nextInt(arrays.size()));
                    passive++;
                    String idx = index();
                    passive--;
                    out.append(pad).append("int ").append(i).append(" = ").append(idx).append(";\n");
                    String read = a.name() + "[" + i + (r.nextBoolean() ? "++" : "--") + "]";
                    E f = expr(1);
                    out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + " + read + " * "
                            + f.text(), promote(promote(v.type(), a.elem()), f.type()))))).append(";\n");
                }
                case 6 -> {
                    // ++u0[i] inside an expression: the element changes, the expression reads its new (or old) value
                    Arr a = writable.get(r.nextInt(writable.size()));
                    passive++;
                    String idx = index();
                    passive--;
                    String e = a.name() + "[" + idx + "]";
                    String update = switch (r.nextInt(4)) {
                        case 0 -> "++" + e;
                        case 1 -> "--" + e;
                        case 2 -> e + "++";
                        default -> e + "--";
                    };
                    E f = expr(1);
                    out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + 0.25 * " + update
                            + " * " + f.text(), T.D)))).append(";\n");
                }
                case 7 -> {
                    // u0[ix++] = e: the index moves on after the write, the read goes back to it
                    Arr a = writable.get(r.nextInt(writable.size()));
                    passive++;
                    String idx = index();
                    passive--;
                    boolean up = r.nextBoolean();
                    out.append(pad).append("int ").append(i).append(" = ").append(idx).append(";\n");
                    out.append(pad).append(a.name()).append('[').append(i).append(up ? "++" : "--").append("] = ")
                            .append(assignable(a.elem(), bounded(expr(2)))).append(";\n");
                    E f = expr(1);
                    String read = a.name() + "[" + i + (up ? " - 1" : " + 1") + "]";
                    out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + " + read + " * "
                            + f.text(), promote(promote(v.type(), a.elem()), f.type()))))).append(";\n");
                }
                case 8 -> {
                    // an element's compound assignment in a condition
                    Arr a = writable.get(r.nextInt(writable.size()));
                    passive++;
                    String idx = index();
                    passive--;
                    Var u = assignableVar();
                    out.append(pad).append("if ((").append(a.name()).append('[').append(idx).append("] += ").append(assignable(a.elem(),
                            new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D))).append(") > 0.2) {\n");
                    E f = expr(1);
                    out.append(pad).append("    ").append(u.name()).append(" = ").append(assignable(u.type(), bounded(new E(u.name() + " * "
                            + f.text(), promote(u.type(), f.type()))))).append(";\n");
                    out.append(pad).append("}\n");
                }
                case 9 -> {
                    // (u += e) as an operand: the expression goes on with u's new value
                    Var u = others.get(r.nextInt(others.size()));
                    E f = expr(1);
                    out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + 0.5 * (" + u.name()
                            + " += " + assignable(u.type(), new E("0.25 * Math.tanh(" + expr(2).text() + ")", T.D)).text() + ") * " + f.text(),
                            T.D)))).append(";\n");
                }
                default -> {
                    // a loop whose condition updates its counter (or, with data-dependent loops, an active value)
                    loop(indent, 10 + r.nextInt(has(Feature.DATA_DEPENDENT_LOOPS) ? 5 : 4));
                }
            }
        }

        /** An update inside an expression that the desugar pass must leave alone: both strategies must reject it at its position. */
        void unlowered(int indent) {
            String pad = "    ".repeat(indent);
            Var v = assignableVar();
            List<Arr> writable = arrays.stream().filter(Arr::writable).toList();
            int kind = r.nextInt(6);
            if (kind == 2 && arrays.isEmpty() || kind == 4 && writable.isEmpty()) {
                kind = r.nextInt(2);
            }
            String i = unique("ix");
            switch (kind) {
                case 0 -> {
                    // under &&: it may not happen
                    Var u = assignableVar();
                    out.append(pad).append("if (").append(passiveCondition()).append(" && (").append(v.name()).append(" += ")
                            .append(assignable(v.type(), new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D))).append(") > 0.2) {\n");
                    E f = expr(1);
                    out.append(pad).append("    ").append(u.name()).append(" = ").append(assignable(u.type(), bounded(new E(u.name() + " * "
                            + f.text(), promote(u.type(), f.type()))))).append(";\n");
                    out.append(pad).append("}\n");
                }
                case 1 -> {
                    // under ||
                    out.append(pad).append("int ").append(i).append(" = n;\n");
                    out.append(pad).append("if (k == ").append(r.nextInt(4)).append(" || ").append(r.nextBoolean() ? i + "-- > 1" : "--" + i + " > 1")
                            .append(") {\n");
                    E f = expr(1);
                    out.append(pad).append("    ").append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + 0.25 * "
                            + i + " * " + f.text(), T.D)))).append(";\n");
                    out.append(pad).append("}\n");
                }
                case 2 -> {
                    // under ?:
                    Arr a = arrays.get(r.nextInt(arrays.size()));
                    passive++;
                    String idx = index();
                    passive--;
                    out.append(pad).append("int ").append(i).append(" = ").append(idx).append(";\n");
                    E f = expr(1);
                    E yes = assignable(v.type(), bounded(new E(v.name() + " + " + a.name() + "[" + i + "++] * " + f.text(),
                            promote(promote(v.type(), a.elem()), f.type()))));
                    E no = assignable(v.type(), bounded(new E(v.name() + " - " + f.text(), promote(v.type(), f.type()))));
                    out.append(pad).append(v.name()).append(" = ").append(passiveCondition()).append(" ? ").append(yes).append(" : ").append(no)
                            .append(";\n");
                }
                case 3 -> {
                    // the variable read before its update in the same expression
                    out.append(pad).append("int ").append(i).append(" = k;\n");
                    String both = r.nextBoolean() ? "(" + i + " + " + i + "++)" : "(" + i + " * ++" + i + ")";
                    E f = expr(1);
                    out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + 0.25 * " + both
                            + " * " + f.text(), T.D)))).append(";\n");
                }
                case 4 -> {
                    // the array read before its element's update in the same expression
                    Arr a = writable.get(r.nextInt(writable.size()));
                    passive++;
                    String i1 = index();
                    String i2 = index();
                    passive--;
                    E f = expr(1);
                    out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + 0.25 * "
                            + a.name() + "[" + i1 + "] * ++" + a.name() + "[" + i2 + "] * " + f.text(), T.D)))).append(";\n");
                }
                default -> {
                    // a do loop whose condition updates and whose body continues: the update would be skipped
                    Var u = assignableVar();
                    out.append(pad).append("{\n");
                    out.append(pad).append("    int ").append(i).append(" = 0;\n");
                    out.append(pad).append("    do {\n");
                    out.append(pad).append("        ").append(v.name()).append(" = ").append(assignable(v.type(), new E("Math.tanh("
                            + expr(2).text() + " + " + v.name() + ")", T.D))).append(";\n");
                    out.append(pad).append("        if (").append(passiveCondition()).append(") {\n");
                    out.append(pad).append("            continue;\n");
                    out.append(pad).append("        }\n");
                    E f = expr(1);
                    out.append(pad).append("        ").append(u.name()).append(" = ").append(assignable(u.type(), new E("Math.tanh("
                            + u.name() + " * " + f.text() + ")", T.D))).append(";\n");
                    out.append(pad).append("    } while (").append(r.nextBoolean() ? "++" + i + " < n" : i + "++ < n - 1").append(");\n");
                    out.append(pad).append("}\n");
                }
            }
        }

        /**
         * A classic switch statement: groups of {@code case} labels ({@code case 1: case 2:} or {@code case 1, 2:}, the
         * default anywhere), each with statements and a final {@code break}, or none (it falls into the next group), some
         * with a {@code break} under an {@code if}.
         */
        void classicSwitch(int indent) {
            String pad = "    ".repeat(indent);
            String in = pad + "        ";
            out.append(pad).append("switch (").append(selector()).append(") {\n");
            List<String> groups = new ArrayList<>(labels());
            if (r.nextInt(3) != 0) {
                groups.add(r.nextInt(groups.size() + 1), "default");
            }
            Set<String> outer = new java.util.HashSet<>(switchLocals);
            for (int g = 0; g < groups.size(); g++) {
                String l = groups.get(g);
                boolean last = g == groups.size() - 1;
                if (l.equals("default")) {
                    out.append(pad).append("    default:\n");
                } else if (l.contains(",") && r.nextBoolean()) {
                    for (String one : l.split(", ")) {
                        out.append(pad).append("    case ").append(one).append(":\n");
                    }
                } else {
                    out.append(pad).append("    case ").append(l).append(":\n");
                }
                scopes.push(new ArrayList<>());
                ifDepth++;
                caseStatement(in);
                int shape = r.nextInt(4);
                if (shape == 0) {
                    // a break under an if, then more of the case
                    String cond = condition();
                    if (r.nextBoolean()) {
                        out.append(in).append("if (").append(cond).append(") break;\n");
                    } else {
                        out.append(in).append("if (").append(cond).append(") {\n");
                        caseStatement(in + "    ");
                        out.append(in).append("    break;\n");
                        if (r.nextBoolean()) {
                            out.append(in).append("} else {\n");
                            caseStatement(in + "    ");
                        }
                        out.append(in).append("}\n");
                    }
                    caseStatement(in);
                } else if (shape == 1 && indent < 7) {
                    statements(indent + 2);
                }
                scopes.peek().forEach(v -> switchLocals.add(v.name()));
                popScope();
                ifDepth--;
                if (!last && r.nextInt(3) == 0) {
                    out.append(in).append("// falls through\n");
                } else if (!last || r.nextBoolean()) {
                    out.append(in).append("break;\n");
                }
            }
            out.append(pad).append("}\n");
            switchLocals = outer;
        }

        /** {@code v = e;} or {@code v += e;}: one statement of a case. */
        void caseStatement(String pad) {
            Var v = assignableVar();
            out.append(pad).append(v.name());
            if (r.nextBoolean()) {
                out.append(" = ").append(assignable(v.type(), bounded(expr(2)))).append(";\n");
            } else {
                E e = loopDepth > 0 ? new E("0.5 * Math.tanh(" + expr(2).text() + ")", T.D) : expr(2);
                out.append(" += ").append(assignable(v.type(), e)).append(";\n");
            }
        }

        /** A call to a plain helper of the class with a differentiated array or value: inlined, so both strategies translate it. */
        void plainArrayHelper(String pad) {
            if (!sig.owner().isEmpty()) {
                return; // the helpers are the top-level class's: a nested class calls them, it does not inline them
            }
            List<Arr> doubles = arrays.stream().filter(a -> a.elem() == T.D).toList();
            List<Arr> into = doubles.stream().filter(Arr::writable).toList();
            int kind = r.nextInt(6);
            if ((kind == 0 || kind == 3) && into.isEmpty() || (kind == 1 || kind == 4) && doubles.isEmpty()) {
                kind = r.nextBoolean() ? 2 : 5;
            }
            Var v = assignableVar();
            switch (kind) {
                case 0 -> {
                    Arr dst = into.get(r.nextInt(into.size()));
                    Arr src = doubles.get(r.nextInt(doubles.size()));
                    String k = r.nextBoolean() ? "0.5" : bounded(expr(1)).text();
                    out.append(pad).append(ctx.own("scaleInto")).append('(').append(src.name()).append(", ").append(dst.name()).append(", ")
                            .append(k).append(");\n");
                    readBack(pad, dst);
                }
                case 1 -> {
                    Arr a = doubles.get(r.nextInt(doubles.size()));
                    out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + 0.25 * "
                            + ctx.own("sumOf") + "(" + a.name() + ")", T.D)))).append(";\n");
                }
                case 3 -> {
                    Arr y = into.get(r.nextInt(into.size()));
                    String k = r.nextBoolean() ? "0.5" : bounded(expr(1)).text();
                    // the same array for both parameters: y[i] += k * y[i]
                    out.append(pad).append(ctx.own("axpy")).append('(').append(k).append(", ").append(y.name()).append(", ").append(y.name())
                            .append(");\n");
                    readBack(pad, y);
                }
                case 4 -> {
                    Arr a = doubles.get(r.nextInt(doubles.size()));
                    String c = "sc" + extraNames++;
                    out.append(pad).append("double[] ").append(c).append(" = ").append(ctx.own("scaled")).append('(').append(a.name())
                            .append(", ").append(r.nextBoolean() ? "0.5" : bounded(expr(1)).text()).append(");\n");
                    out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + 0.25 * "
                            + c + "[0] * " + c + "[" + c + ".length - 1]", T.D)))).append(";\n");
                }
                case 5 -> out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + "
                        + ctx.own("clampLow") + "(" + expr(2).text() + ", -0.5)", T.D)))).append(";\n");
                default -> out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + "
                        + ctx.own("twice") + "(" + expr(2).text() + ")", T.D)))).append(";\n");
            }
        }

        /** A library call without a derivative on a differentiated value: to be rejected by both strategies. */
        void unmodelledCall(String pad) {
            List<Arr> writable = arrays.stream().filter(Arr::writable).toList();
            List<Arr> doubles = arrays.stream().filter(a -> a.elem() == T.D).toList();
            String lib = r.nextBoolean() ? "Arrays" : "java.util.Arrays";
            int kind = r.nextInt(3);
            if (kind == 0 && writable.isEmpty() || kind == 2 && doubles.isEmpty()) {
                kind = 1;
            }
            Var v = assignableVar();
            switch (kind) {
                case 0 -> {
                    Arr a = writable.get(r.nextInt(writable.size()));
                    out.append(pad).append(lib).append(".sort(").append(a.name()).append(");\n");
                    readBack(pad, a);
                }
                case 1 -> out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + 0.5 * Double.sum("
                        + expr(2).text() + ", " + expr(1).text() + ")", T.D)))).append(";\n");
                default -> {
                    Arr a = doubles.get(r.nextInt(doubles.size()));
                    String reduce = r.nextBoolean() ? ".sum()" : ".max().getAsDouble()";
                    out.append(pad).append(v.name()).append(" = ").append(assignable(v.type(), bounded(new E(v.name() + " + 0.25 * " + lib
                            + ".stream(" + a.name() + ")" + reduce, T.D)))).append(";\n");
                }
            }
        }

        // ---------------------------------------------------------------- names

        Var assignableVar() {
            List<Var> vs = assignableVars();
            return vs.get(r.nextInt(vs.size()));
        }

        List<Var> assignableVars() {
            List<Var> vs = new ArrayList<>();
            for (List<Var> s : scopes) {
                for (Var v : s) {
                    if (v.assignable()) {
                        vs.add(v);
                    }
                }
            }
            return vs;
        }

        List<Var> realVars() {
            List<Var> vs = new ArrayList<>();
            for (List<Var> s : scopes) {
                for (Var v : s) {
                    if (v.type() == T.D || v.type() == T.F) {
                        vs.add(v);
                    }
                }
            }
            return vs;
        }

        String freshName() {
            for (int j = 0; ; j++) {
                String name = "t" + j;
                boolean used = false;
                for (List<Var> s : scopes) {
                    for (Var v : s) {
                        used |= v.name().equals(name);
                    }
                }
                if (!used && !switchLocals.contains(name)) {
                    return name;
                }
            }
        }

        /** An int expression with a value in 0..3. */
        String index() {
            List<String> options = new ArrayList<>(List.of("k", "3 - k", "n - 1", String.valueOf(r.nextInt(4))));
            for (String c : counters) {
                options.add(c);
                options.add(c);
                options.add("(" + c + " + k) % 4");
            }
            if (counters.size() > 1) {
                options.add("(" + counters.get(0) + " + " + counters.get(1) + ") % 4");
            }
            if (ctx.plainHelpers()) {
                String wrap = ctx.own("wrap");
                options.add(wrap + "(k + n)");
                options.add(wrap + "(" + (counters.isEmpty() ? "n" : counters.get(counters.size() - 1)) + " * 3 + 1)");
                if (has(Feature.INT_CASTS)) {
                    passive++;
                    E e = expr(1);
                    passive--;
                    if (e.type() == T.D || e.type() == T.F) {
                        options.add(wrap + "((int) (4 * " + e.text() + "))");
                    }
                }
            }
            if (ctx.constants() && has(Feature.UNQUALIFIED_NAMES_IN_PASSIVE_CODE)) {
                options.add("N0");
            }
            return options.get(r.nextInt(options.size()));
        }

        // ---------------------------------------------------------------- conditions

        String condition() {
            return has(Feature.ACTIVE_BRANCHES) && r.nextBoolean() ? activeCondition() : passiveCondition();
        }

        String passiveCondition() {
            passive++;
            try {
                return passiveCondition0();
            } finally {
                passive--;
            }
        }

        String activeCondition() {
            passive++;
            try {
                return activeCondition0();
            } finally {
                passive--;
            }
        }

        /** A condition whose outcome is the same in every iteration of the enclosing loops. */
        String invariantCondition() {
            List<String> options = new ArrayList<>(List.of("n > " + (1 + r.nextInt(3)), "n * n < " + (2 + r.nextInt(12))));
            if (hasP) {
                options.add("p > " + (r.nextInt(5) - 2) * 0.3);
            }
            if (sig.params().stream().anyMatch(p -> p.kind() == Kind.BOOLEAN)) {
                options.add("flag");
            }
            if (ctx.plainHelpers()) {
                options.add(ctx.own("odd") + "(n)");
            }
            return options.get(r.nextInt(options.size()));
        }

        String passiveCondition0() {
            if (loopDepth > 0 && !has(Feature.VARYING_BRANCHES_IN_LOOPS)) {
                return invariantCondition();
            }
            List<String> options = new ArrayList<>(List.of("n > " + (1 + r.nextInt(3)), "k == " + r.nextInt(4), "k % 2 == 0",
                    "n * k > " + r.nextInt(5)));
            if (hasP) {
                options.add("p > " + (r.nextInt(5) - 2) * 0.3);
                if (has(Feature.DETACH_IN_CONDITIONS)) {
                    options.add("Adjoint.detach(p * " + (1 + r.nextInt(3)) + ") < 0.5");
                }
            }
            if (hasQ) {
                options.add("q");
                options.add("!q");
            }
            if (sig.params().stream().anyMatch(p -> p.kind() == Kind.BOOLEAN)) {
                options.add("flag");
                options.add("!flag && n > 1");
            }
            for (String c : counters) {
                options.add(c + " < k");
                options.add("(" + c + " + n) % 2 == 0");
            }
            if (ctx.plainHelpers()) {
                options.add(ctx.own("odd") + "(n)");
                options.add("!" + ctx.own("odd") + "(k + " + (counters.isEmpty() ? "1" : counters.get(0)) + ")");
            }
            if (ctx.constants()) {
                options.add(has(Feature.UNQUALIFIED_NAMES_IN_PASSIVE_CODE) ? "n > N0" : "n > " + ctx.className() + ".K0");
            }
            return options.get(r.nextInt(options.size()));
        }

        String activeCondition0() {
            if (loopDepth > 0 && !has(Feature.VARYING_BRANCHES_IN_LOOPS)) {
                return invariantCondition();
            }
            return switch (r.nextInt(6)) {
                case 0 -> expr(2).text() + " > " + expr(1).text();
                case 1 -> expr(2).text() + " < " + (r.nextInt(5) - 2) * 0.25;
                case 2 -> "Math.sin(" + expr(2).text() + ") > 0.2";
                case 3 -> expr(1).text() + " > 0 && " + passiveCondition();
                case 4 -> "!(" + expr(2).text() + " >= " + expr(1).text() + ")";
                default -> expr(1).text() + " < -0.5 || " + expr(1).text() + " > 0.5";
            };
        }

        // ---------------------------------------------------------------- expressions

        /** {@code e} converted for assignment to a {@code target} variable. */
        E assignable(T target, E e) {
            if (target == T.F && e.type() == T.D) {
                return new E("$c(" + e.text() + ")", T.F);
            }
            return e;
        }

        String result(E e) {
            if (!has(Feature.RETURN_OF_AN_ARRAY_ELEMENT) && e.text().matches("\\w+\\[[^\\[\\]]*\\]")) {
                e = new E(e.text() + " * 1", e.type());
            }
            return assignable(sig.floatResult() ? T.F : T.D, e).text();
        }

        /** In loops, values go through tanh: values that grow defeat central differences. */
        E bounded(E e) {
            return loopDepth > 0 ? new E("Math.tanh(" + e.text() + ")", T.D) : e;
        }

        T promote(T a, T b) {
            if (a == T.D || b == T.D) {
                return T.D;
            }
            if (a == T.F || b == T.F) {
                return T.F;
            }
            if (a == T.L || b == T.L) {
                return T.L;
            }
            return T.I;
        }

        E expr(int depth) {
            if (depth <= 0 || r.nextInt(5) == 0) {
                return leaf();
            }
            E a = expr(depth - 1);
            int kind = r.nextInt(40);
            switch (kind) {
                case 0: return call1("Math.sin(", a, ")");
                case 1: return call1("Math.cos(", a, ")");
                case 2: return call1("Math.tanh(", a, ")");
                case 3: return call1("Math.atan(", a, ")");
                case 4: return call1("Math.exp(Math.tanh(", a, "))");
                case 5: return call1("Math.sqrt(1.5 + Math.sin(", a, "))");
                case 6: return call1("Math.log(2 + Math.sin(", a, "))");
                case 7: return call1("Math.log1p(Math.exp(Math.tanh(", a, ")))");
                case 8: return call1("Math.cbrt(2 + Math.cos(", a, "))");
                case 9: return call1("Math.expm1(Math.tanh(", a, "))");
                case 10: return call1("Math.log10(1.5 + Math.cos(", a, "))");
                case 11: return call1("Math.asin(0.5 * Math.tanh(", a, "))");
                case 12: return call1("Math.acos(0.5 * Math.sin(", a, "))");
                case 13: return call1("Math.sinh(Math.tanh(", a, "))");
                case 14: return call1("Math.cosh(Math.tanh(", a, "))");
                case 15: return call1("Math.tan(0.5 * Math.tanh(", a, "))");
                case 16: return call1("Math.hypot(", a, ", 1.5)");
                case 17: return new E("Math.hypot(" + a.text() + ", " + expr(depth - 1).text() + ")", T.D);
                case 18: return new E("Math.atan2(" + a.text() + ", 2 + Math.cos(" + expr(depth - 1).text() + "))", T.D);
                case 19: return new E("Math.pow(1.25 + Math.sin(" + a.text() + "), Math.tanh(" + expr(depth - 1).text() + "))", T.D);
                case 20: return new E("Math.pow(" + a.text() + ", " + (2 + r.nextInt(2)) + ")", T.D);
                case 21: return new E("-(" + a.text() + ")", a.type());
                case 22, 23, 24: {
                    E b = expr(depth - 1);
                    return new E("(" + a.text() + " + " + b.text() + ")", promote(a.type(), b.type()));
                }
                case 25, 26: {
                    E b = expr(depth - 1);
                    return new E("(" + a.text() + " - " + b.text() + ")", promote(a.type(), b.type()));
                }
                case 27, 28, 29: {
                    E b = expr(depth - 1);
                    return new E("(" + a.text() + " * " + b.text() + ")", promote(a.type(), b.type()));
                }
                case 30: {
                    E b = expr(depth - 1);
                    return new E("(" + a.text() + " / (2 + Math.cos(" + b.text() + ")))", T.D);
                }
                case 31: {
                    // a float denominator in float code stays float
                    E b = expr(depth - 1);
                    T t = promote(promote(a.type(), b.type()), floats ? T.F : T.D);
                    if (t == T.I || t == T.L) {
                        t = T.D;
                    }
                    return new E("(" + a.text() + " / (1.5" + (t == T.F ? "$f" : "") + " + " + b.text() + " * " + b.text() + "))", t);
                }
                case 32, 33: {
                    E b = expr(depth - 1);
                    String cond = has(Feature.ACTIVE_BRANCHES) && r.nextBoolean() ? activeCondition() : passiveCondition();
                    return new E("(" + cond + " ? " + a.text() + " : " + b.text() + ")", promote(a.type(), b.type()));
                }
                case 34: {
                    if (!has(Feature.ACTIVE_BRANCHES)) {
                        return a;
                    }
                    E b = expr(depth - 1);
                    return new E("Math." + (r.nextBoolean() ? "max" : "min") + "(" + a.text() + ", " + b.text() + ")", promote(a.type(), b.type()));
                }
                case 35: {
                    if (!has(Feature.ACTIVE_BRANCHES)) {
                        return a;
                    }
                    return new E("Math.abs(" + a.text() + ")", a.type());
                }
                case 36: {
                    if (!has(Feature.STEP_FUNCTIONS)
                            || (!has(Feature.INT_ARGUMENTS_TO_FLOAT_OVERLOADS) && (a.type() == T.I || a.type() == T.L))) {
                        return a;
                    }
                    return switch (r.nextInt(3)) {
                        case 0 -> new E("0.25 * Math.floor(2 * " + a.text() + ")", T.D);
                        case 1 -> new E("0.1 * Math.round(3 * " + a.text() + ")", T.D);
                        default -> new E("(0.5 + 0.1 * Math.signum(" + a.text() + "))", T.D);
                    };
                }
                case 37, 38: {
                    if (ctx.customs() && r.nextInt(3) == 0) {
                        return r.nextBoolean() ? new E(ctx.own("soft") + "(" + a.text() + ")", T.D)
                                : new E(ctx.own("mix") + "(" + a.text() + ", " + (r.nextBoolean() ? "n" : "2") + ", " + expr(depth - 1).text() + ")", T.D);
                    }
                    E c = call(depth);
                    return c == null ? a : c;
                }
                default: {
                    if (floats && (a.type() == T.D)) {
                        return new E("$c(" + a.text() + ")", T.F);
                    }
                    if (a.type() == T.F && has(Feature.DECLARATION_SHAPES)) {
                        return new E("$d(" + a.text() + ")", T.D);
                    }
                    if (sig.params().stream().anyMatch(p -> p.kind() == Kind.LONG) && r.nextBoolean()) {
                        return new E("(" + a.text() + " * m)", promote(a.type(), T.L));
                    }
                    return new E("(" + a.text() + " * " + (r.nextInt(3) + 2) + ")", promote(a.type(), T.I));
                }
            }
        }

        E call1(String open, E a, String close) {
            return new E(open + a.text() + close, T.D);
        }

        /** A call to another method of the program, or null. */
        E call(int depth) {
            if (callees.isEmpty() || calls >= 2) {
                return null;
            }
            calls++;
            Method m = callees.get(r.nextInt(callees.size()));
            List<String> args = new ArrayList<>();
            for (Param p : m.params()) {
                switch (p.kind()) {
                    case DOUBLE, FLOAT -> {
                        // a differentiated value into a parameter the callee's wrt leaves out too: the static strategy
                        // calls the callee's variant that differentiates every parameter (README)
                        E e = p.wrt() || r.nextBoolean() ? expr(depth - 1) : passive();
                        args.add((p.kind() == Kind.FLOAT ? assignable(T.F, e) : e).text());
                    }
                    case INT -> args.add(new String[] {"n", "k + 1", "4 - k", String.valueOf(1 + r.nextInt(4))}[r.nextInt(4)]);
                    case LONG -> args.add(sig.params().stream().anyMatch(q -> q.kind() == Kind.LONG) && r.nextBoolean() ? "m" : "2L");
                    case BOOLEAN -> args.add(r.nextBoolean() ? "n > 2" : (hasQ ? "q" : "k == 1"));
                    case DOUBLE_ARRAY, FLOAT_ARRAY -> {
                        T elem = p.kind() == Kind.DOUBLE_ARRAY ? T.D : T.F;
                        // (the same for an array)
                        boolean passiveOnly = !p.wrt();
                        // (a helper's own parameter arrays only with PARAMETER_ARRAYS_HANDED_ON: m's are never seen from a caller)
                        boolean handOn = has(Feature.PARAMETER_ARRAYS_HANDED_ON) || sig.base().equals("m");
                        List<Arr> match = arrays.stream().filter(a -> a.elem() == elem && !a.writable() && (a.passive() || !passiveOnly))
                                .filter(a -> handOn || sig.params().stream().noneMatch(q -> q.name().equals(a.name()))).toList();
                        if (match.isEmpty()) {
                            // a fresh local array of the right type, declared at the top of the method
                            String name = "u" + arrays.size() + "c";
                            String decl = "        " + typeName(elem) + "[] " + name + " = new " + typeName(elem) + "[4];\n";
                            int at = out.indexOf("int k = n - 1;\n") + "int k = n - 1;\n".length();
                            out.insert(at, decl);
                            Arr a = new Arr(name, elem, false, true);
                            arrays.add(a);
                            args.add(name);
                        } else {
                            args.add(match.get(r.nextInt(match.size())).name());
                        }
                    }
                }
            }
            String suffix = has(Feature.CROSS_CALLS) && r.nextInt(6) == 0 ? "$X" : "$S";
            String qualifier = m.owner().equals(sig.owner()) ? (ctx.qualifyOwnCalls() && sig.owner().isEmpty() ? ctx.className() + "." : "")
                    : m.owner() + ".";
            return new E(qualifier + m.base() + suffix + "(" + String.join(", ", args) + ")", m.floatResult() ? T.F : T.D);
        }

        /** An expression that depends on no differentiated value. */
        E passive() {
            return switch (r.nextInt(3)) {
                case 0 -> hasP ? new E("p", T.D) : new E("0.5", T.D);
                case 1 -> new E("(0.5 * n)", T.D);
                default -> new E("Math.cos(k)", T.D);
            };
        }

        E leaf() {
            List<Var> vs = realVars();
            int kind = r.nextInt(17);
            if (kind < 7 && !vs.isEmpty()) {
                Var v = vs.get(r.nextInt(vs.size()));
                return new E(v.name(), v.type());
            }
            if (kind < 10 && !arrays.isEmpty()) {
                Arr a = arrays.get(r.nextInt(arrays.size()));
                passive++;
                String idx = index();
                passive--;
                return new E(a.name() + "[" + idx + "]", a.elem());
            }
            return switch (kind) {
                case 10 -> new E("n", T.I);
                case 11 -> hasP ? new E("p", T.D) : new E("0.5", T.D);
                case 12 -> floats ? new E("1.25$f", T.F) : new E("1.25", T.D);
                case 13 -> r.nextBoolean() ? new E("2", T.I) : new E("3L", T.L);
                case 14 -> new E(r.nextBoolean() ? "Math.PI" : has(Feature.DECLARATION_SHAPES) && r.nextBoolean() ? "Math.E" : "0.75", T.D);
                case 15 -> {
                    if (ctx.constants()) {
                        // unqualified, a constant may end up in text that the tape copies (an int expression, a
                        // condition), where it does not resolve: a known bug
                        boolean plain = has(Feature.UNQUALIFIED_NAMES_IN_PASSIVE_CODE);
                        boolean privateQualified = has(Feature.QUALIFIED_PRIVATE_CONSTANTS);
                        String q = ctx.className() + ".";
                        yield switch (r.nextInt(4)) {
                            case 0 -> new E(plain ? "K0" : q + "K0", T.D);
                            case 1 -> new E(q + "K0", T.D);
                            case 2 -> new E(plain && r.nextBoolean() ? "K1" : q + "K1", floats ? T.F : T.D);
                            default -> plain && !(privateQualified && r.nextBoolean()) ? new E("N0", T.I)
                                    : privateQualified ? new E(q + "N0", T.I) : new E(q + "K0", T.D);
                        };
                    }
                    if (has(Feature.INT_CASTS) && !vs.isEmpty() && r.nextBoolean()) {
                        Var v = vs.get(r.nextInt(vs.size()));
                        yield new E("(int) (2 * " + v.name() + ")", T.I);
                    }
                    yield r.nextBoolean() ? new E("(n / 2)", T.I) : new E("(k % 3)", T.I);
                }
                default -> vs.isEmpty() ? new E("0.5", T.D) : new E(vs.get(0).name(), vs.get(0).type());
            };
        }
    }
}
