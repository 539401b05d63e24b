package dev.adjoint.generator.fuzz;

import java.util.ArrayList;
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
         * {@code return switch ...;}, and inside a larger expression ({@code v += 0.5 * Math.tanh(switch ...);}, now and
         * then with an arm that assigns {@code v}, or in a {@code ?:} branch); some of them, and of the other switches,
         * over the String local {@code key} with string labels
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
         * one returning a new array ({@code double[] sc0 = scaled(a, k);}), or arrays of two lengths from two returns
         * ({@code headOrScaled(a, k)}), a private one with an early return, one
         * summing an array: both strategies must translate them exactly
         */
        PLAIN_ARRAY_HELPERS,
        /**
         * library calls the generator has no derivative for, on differentiated values ({@code Arrays.sort},
         * {@code Arrays.stream(a).sum()}, {@code Double.compare}): both strategies must reject them
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
    public static final Set<Feature> REJECTED =
            EnumSet.of(Feature.UNMODELLED_LIBRARY_CALLS, Feature.UNLOWERED_SIDE_EFFECTS);

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
    public enum Kind {
        DOUBLE,
        FLOAT,
        DOUBLE_ARRAY,
        FLOAT_ARRAY,
        INT,
        LONG,
        BOOLEAN
    }

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
    public record Program(
            int index,
            long seed,
            String className,
            boolean floats,
            List<Method> methods,
            String source,
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
    record Ctx(
            String className,
            boolean floats,
            boolean constants,
            boolean customs,
            boolean plainHelpers,
            boolean qualifyOwnCalls,
            Set<Feature> extras,
            Set<Feature> used) {
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
        Ctx ctx = new Ctx(
                className,
                floats,
                constants,
                customs,
                plainHelpers,
                mathImport && !has(Feature.OWN_CALLS_UNDER_STATIC_MATH_IMPORT),
                extras,
                EnumSet.noneOf(Feature.class));
        boolean calls = has(Feature.CALLS);
        int helpers = calls ? 1 + r.nextInt(2) : 0;
        boolean nested = helpers > 0 && has(Feature.NESTED_CLASSES) && r.nextInt(4) == 0;
        List<Method> methods = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            Method sig = signature(r, "h" + h, floats, false, nested && h == 0 ? "H" : "");
            MethodGen g = new MethodGen(features, r, ctx, sig, new ArrayList<>(methods), 3 + r.nextInt(5));
            templates.add(g.generate());
            methods.add(sig);
        }
        Method main = signature(r, "m", floats, true, "");
        MethodGen g = new MethodGen(features, r, ctx, main, new ArrayList<>(methods), 6 + r.nextInt(8));
        templates.add(g.generate());
        methods.add(main);

        String source = ProgramSource.of(
                index, seed, ctx, mathImport, has(Feature.UNQUALIFIED_NAMES_IN_PASSIVE_CODE), methods, templates, r);
        return new Program(index, seed, className, floats, List.copyOf(methods), source, Set.copyOf(ctx.used()));
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
}
