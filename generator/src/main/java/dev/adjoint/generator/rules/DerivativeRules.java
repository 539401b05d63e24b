package dev.adjoint.generator.rules;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one derivative table. Each line: key, forward template, then one contribution per argument
 * ({@code d[a] += contribution}). Conventions at non-differentiable points follow PyTorch:
 * {@code abs} has derivative 0 at 0; {@code max}/{@code min} split the gradient evenly at ties;
 * {@code pow} gives 0 (not NaN) where PyTorch masks; {@code hypot} gives 0 at the origin.
 */
public final class DerivativeRules {
    private static final String LN10 = "2.302585092994046";

    private static final Map<String, Rule> RULES = build(
            // ---- operators and conversions: z = a op b ---------------------------------------
            rule("+", true, "a + b", "dz", "dz"),
            rule("-", true, "a - b", "dz", "-dz"),
            rule("*", true, "a * b", "dz * b", "dz * a"),
            rule("/", true, "a / b", "dz / b", "-dz * z / b"), // d(a/b)/db = -a/b^2 = -z/b
            // Java's % is a - b * q with q = a / b truncated toward zero (C's fmod, not IEEE's
            // remainder); q is piecewise constant, and (a - z) / b is q up to rounding, so rint
            rule("%", false, "a % b", "dz", "-dz * Math.rint((a - z) / b)"), // float: exact in double
            rule("neg", true, "-a", "-dz"),
            rule("copy", true, "a", "dz"),
            rule("(double)", true, "(double) a", "dz"), // float -> double
            rule("(float)", true, "(float) a", "dz"), // double -> float
            rule("detach", true, "a", (String) null), // stop-gradient: Adjoint.detach
            // ---- java.lang.Math, one argument: z = f(a) --------------------------------------
            rule("Math.abs", true, "Math.abs(a)", "dz * Math.signum(a)"), // 0 at 0, as PyTorch
            rule("Math.signum", true, "Math.signum(a)", (String) null),
            rule("Math.floor", false, "Math.floor(a)", (String) null),
            rule("Math.ceil", false, "Math.ceil(a)", (String) null),
            rule("Math.rint", false, "Math.rint(a)", (String) null),
            rule("Math.sqrt", false, "Math.sqrt(a)", "dz / (2 * z)"),
            rule("Math.cbrt", false, "Math.cbrt(a)", "dz / (3 * z * z)"),
            rule("Math.exp", false, "Math.exp(a)", "dz * z"),
            rule("Math.expm1", false, "Math.expm1(a)", "dz * (z + 1)"),
            rule("Math.log", false, "Math.log(a)", "dz / a"),
            rule("Math.log10", false, "Math.log10(a)", "dz / (a * " + LN10 + ")"),
            rule("Math.log1p", false, "Math.log1p(a)", "dz / (1 + a)"),
            rule("Math.sin", false, "Math.sin(a)", "dz * Math.cos(a)"),
            rule("Math.cos", false, "Math.cos(a)", "-dz * Math.sin(a)"),
            rule("Math.tan", false, "Math.tan(a)", "dz * (1 + z * z)"),
            rule("Math.asin", false, "Math.asin(a)", "dz / Math.sqrt(1 - a * a)"),
            rule("Math.acos", false, "Math.acos(a)", "-dz / Math.sqrt(1 - a * a)"),
            rule("Math.atan", false, "Math.atan(a)", "dz / (1 + a * a)"),
            rule("Math.sinh", false, "Math.sinh(a)", "dz * Math.cosh(a)"),
            rule("Math.cosh", false, "Math.cosh(a)", "dz * Math.sinh(a)"),
            rule("Math.tanh", false, "Math.tanh(a)", "dz * (1 - z * z)"),
            rule(
                    "Math.toRadians",
                    false,
                    "Math.toRadians(a)",
                    "dz * 0.017453292519943295"), // the JDK's factor, so exact
            rule("Math.toDegrees", false, "Math.toDegrees(a)", "dz * 57.29577951308232"),
            // ---- java.lang.Math, two arguments: z = f(a, b) ----------------------------------
            rule(
                    "Math.pow",
                    false,
                    "Math.pow(a, b)",
                    "b == 0 ? 0 : dz * b * Math.pow(a, b - 1)",
                    "a == 0 && b >= 0 ? 0 : dz * z * Math.log(a)"),
            // IEEE 754's remainder, a - b * n with n = a / b rounded to the nearest integer (to the even one
            // at a tie): % with another quotient, the same derivatives (XAD's remainder, C's remainder)
            rule("Math.IEEEremainder", false, "Math.IEEEremainder(a, b)", "dz", "-dz * Math.rint((a - z) / b)"),
            rule("Math.atan2", false, "Math.atan2(a, b)", "dz * b / (a * a + b * b)", "-dz * a / (a * a + b * b)"),
            rule("Math.hypot", false, "Math.hypot(a, b)", "z == 0 ? 0 : dz * a / z", "z == 0 ? 0 : dz * b / z"),
            rule(
                    "Math.max",
                    true,
                    "Math.max(a, b)",
                    "a > b ? dz : a == b ? dz / 2 : 0",
                    "b > a ? dz : a == b ? dz / 2 : 0"),
            rule(
                    "Math.min",
                    true,
                    "Math.min(a, b)",
                    "a < b ? dz : a == b ? dz / 2 : 0",
                    "b < a ? dz : a == b ? dz / 2 : 0"),
            // z = |a| with the sign of b: ±sign(a) in a (0 at 0, as abs), nothing in b
            rule("Math.copySign", true, "Math.copySign(a, b)", "dz * Math.signum(a) * Math.copySign(1, b)", null),
            // ---- java.lang.Math, three arguments: z = a * b + c, rounded once -----------------
            rule("Math.fma", true, "Math.fma(a, b, c)", "dz * b", "dz * a", "dz"),
            // z = a held within [b, c] (Java 21, which throws where b > c): to a inside the bounds,
            // ends included (PyTorch's clamp), else to the bound a passes
            rule(
                    "Math.clamp",
                    true,
                    "Math.clamp(a, b, c)",
                    "a >= b && a <= c ? dz : 0",
                    "a < b ? dz : 0",
                    "a > c ? dz : 0"));

    /** The functions of the table that Java 17's {@code Math} lacks: a method calling one compiles at release 21 or later. */
    public static final Set<String> SINCE_JAVA_21 = Set.of("clamp");

    /**
     * {@code java.lang.Math} functions whose result is an integer, by arity: constants to the
     * generator. All but {@code round} take only integers ({@code floorMod(k, n)}, the
     * {@code ...Exact} family), so they touch no differentiated value.
     */
    private static final Map<String, Integer> INTEGER_MATH = Map.ofEntries(
            Map.entry("round", 1),
            Map.entry("floorMod", 2),
            Map.entry("floorDiv", 2),
            Map.entry("addExact", 2),
            Map.entry("subtractExact", 2),
            Map.entry("multiplyExact", 2),
            Map.entry("negateExact", 1),
            Map.entry("incrementExact", 1),
            Map.entry("decrementExact", 1),
            Map.entry("toIntExact", 1),
            Map.entry("absExact", 1));

    /**
     * The {@code java.lang.Math} functions of the table that have {@code int} and {@code long}
     * overloads besides {@code float} and {@code double}; the other float-overload ones
     * ({@code signum}) have only {@code float} and {@code double}, so Java resolves an integer
     * argument to the {@code float} one.
     */
    private static final Set<String> INTEGER_OVERLOADS = Set.of("abs", "max", "min", "clamp");

    private DerivativeRules() {}

    /** The rule for {@code key} ({@code "*"}, {@code "Math.sin"}, ...). */
    public static Optional<Rule> lookup(String key) {
        return Optional.ofNullable(RULES.get(key));
    }

    /** The rule for {@code key}, which must exist. */
    public static Rule get(String key) {
        Rule r = RULES.get(key);
        if (r == null) {
            throw new IllegalArgumentException("no derivative rule for " + key);
        }
        return r;
    }

    /** Every rule, in table order. */
    public static Map<String, Rule> all() {
        return Collections.unmodifiableMap(RULES);
    }

    /** Whether {@code Math.name} (or StrictMath's twin) with {@code arity} arguments is supported (differentiated or constant). */
    public static boolean isMathFunction(String name, int arity) {
        Rule r = RULES.get("Math." + name);
        return (r != null && r.arity() == arity) || Integer.valueOf(arity).equals(INTEGER_MATH.get(name));
    }

    /**
     * {@code Math} functions whose result is a {@code double} whatever their arguments (an
     * {@code int} or {@code float} argument is widened): where the desugar and inlining passes write
     * a result's type from the text, this is the one list of them.
     */
    private static final Set<String> DOUBLE_RESULT = Set.of(
            "sqrt",
            "cbrt",
            "exp",
            "expm1",
            "log",
            "log10",
            "log1p",
            "pow",
            "sin",
            "cos",
            "tan",
            "asin",
            "acos",
            "atan",
            "atan2",
            "IEEEremainder",
            "sinh",
            "cosh",
            "tanh",
            "hypot",
            "toRadians",
            "toDegrees",
            "floor",
            "ceil",
            "rint");

    /** Whether {@code Math.name} returns a {@code double} whatever its arguments' types. */
    public static boolean returnsDouble(String name) {
        return DOUBLE_RESULT.contains(name);
    }

    /** Whether {@code Math.name} returns an integer (so its result is a constant). */
    public static boolean isIntegerMath(String name) {
        return INTEGER_MATH.containsKey(name);
    }

    /** Whether {@code Math.name} has {@code int} and {@code long} overloads ({@code abs}, {@code max}, {@code min}). */
    public static boolean hasIntegerOverloads(String name) {
        return INTEGER_OVERLOADS.contains(name);
    }

    private static Rule rule(String key, boolean floatOverload, String primal, String... contributions) {
        return Rule.of(key, floatOverload, primal, Arrays.asList(contributions));
    }

    private static final Set<String> INFINITE_PARTIAL = Set.of("sqrt", "cbrt", "asin", "acos", "pow");

    /**
     * Whether rule {@code key} is one of Math's or StrictMath's functions whose partial in their first
     * argument is infinite where their value is finite ({@code sqrt}, {@code cbrt} at 0,
     * {@code asin}/{@code acos} at ±1, {@code pow(0, b)} for 0 &lt; b &lt; 1): there a zero tangent, as
     * a clamped argument's ({@code sqrt(max(v, 0))} at {@code v < 0}), adds 0 in {@code Jvp}, as the
     * reverse sweep's zero adjoint past the clamp does, not the NaN of {@code 0 · ∞}.
     */
    public static boolean infiniteWhereFinite(String key) {
        return mathFunction(key).filter(INFINITE_PARTIAL::contains).isPresent();
    }

    /** The functions (of Math and StrictMath alike) whose partial can be infinite or NaN at a finite argument. */
    private static final Set<String> UNBOUNDED_PARTIAL = Set.of(
            "exp", "expm1", "sinh", "cosh", "sqrt", "cbrt", "log", "log10", "log1p", "asin", "acos", "pow", "atan2");

    /**
     * Whether a partial of rule {@code key} may be infinite or NaN at finite arguments: {@code /} (by
     * 0), an overflowing {@code exp}, a root or logarithm at 0, ... There a zero adjoint (a value that
     * is unused, or reaches the result through a zero derivative) must contribute 0, not
     * {@code 0 · ∞}.
     */
    public static boolean partialMayBeInfinite(String key) {
        return key.equals("/")
                || mathFunction(key).filter(UNBOUNDED_PARTIAL::contains).isPresent();
    }

    /**
     * Whether argument {@code i} of rule {@code key} has a partial that may be NaN or infinite where the function's
     * value is finite and its partial in the other argument exists: the first argument of the functions of
     * {@link #infiniteWhereFinite}, and {@code pow}'s exponent, whose partial {@code z · log(a)} is NaN at a negative
     * base ({@code pow(-2, 2)}: 4, with {@code ∂/∂a = -4}) and infinite at a zero base below a negative exponent. A zero
     * tangent in such an argument (a fixed exponent) adds 0 in {@code Jvp}, not the NaN of {@code 0 · NaN}.
     */
    public static boolean singularPartial(String key, int i) {
        return i == 0
                ? infiniteWhereFinite(key)
                : i == 1 && mathFunction(key).filter("pow"::equals).isPresent();
    }

    /** The function a rule of Math or StrictMath stands for ({@code "sqrt"} for {@code "StrictMath.sqrt"}), else empty. */
    public static Optional<String> mathFunction(String key) {
        int dot = key.indexOf('.');
        return dot > 0 && (key.startsWith("Math.") || key.startsWith("StrictMath."))
                ? Optional.of(key.substring(dot + 1))
                : Optional.empty();
    }

    /** The family of the rules for a call qualified by {@code scope}: {@code "StrictMath"} for StrictMath's, else {@code "Math"}. */
    public static String family(String scope) {
        return scope.equals("StrictMath") || scope.equals("java.lang.StrictMath") ? "StrictMath" : "Math";
    }

    /** Whether {@code scope} names {@code java.lang.Math} or {@code java.lang.StrictMath}. */
    public static boolean isMathClass(String scope) {
        return scope.equals("Math")
                || scope.equals("java.lang.Math")
                || scope.equals("StrictMath")
                || scope.equals("java.lang.StrictMath");
    }

    /**
     * Builds the table, checking that every template parses and uses only its own names. Each
     * {@code Math} rule has a {@code StrictMath} twin computed and differentiated with StrictMath's
     * functions: the same derivative, and the value bit for bit what the method computes.
     */
    private static Map<String, Rule> build(Rule... math) {
        JavaParser parser =
                new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        Map<String, Rule> table = new LinkedHashMap<>();
        java.util.List<Rule> rules = new java.util.ArrayList<>(Arrays.asList(math));
        for (Rule r : math) {
            if (r.key().startsWith("Math.")) {
                rules.add(r.in("StrictMath"));
            }
        }
        for (Rule r : rules) {
            check(parser, r, r.primal(), false);
            for (String c : r.contributions()) {
                if (c != null) {
                    check(parser, r, c, true);
                }
            }
            if (table.put(r.key(), r) != null) {
                throw new IllegalStateException("derivative rule " + r.key() + " is defined twice");
            }
        }
        return table;
    }

    private static void check(JavaParser parser, Rule r, String template, boolean contribution) {
        ParseResult<Expression> parsed = parser.parseExpression(template);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            throw new IllegalStateException("derivative rule " + r.key() + ": template does not parse: " + template);
        }
        Expression e = parsed.getResult().get();
        boolean readsDz = false;
        Set<String> allowed = contribution ? Set.of("a", "b", "c", "z", "dz") : Set.of("a", "b", "c");
        for (NameExpr n : e.findAll(NameExpr.class)) {
            String name = n.getNameAsString();
            readsDz |= name.equals("dz");
            boolean mathScope =
                    n.getParentNode().filter(p -> p instanceof MethodCallExpr).isPresent()
                            && name.equals(r.key().startsWith("StrictMath.") ? "StrictMath" : "Math");
            if (!mathScope && !allowed.contains(name)) {
                throw new IllegalStateException(
                        "derivative rule " + r.key() + ": unknown name '" + name + "' in " + template);
            }
            if ((name.equals("b") && r.arity() < 2) || (name.equals("c") && r.arity() < 3)) {
                throw new IllegalStateException("derivative rule " + r.key() + ": rule of " + r.arity()
                        + " argument(s) uses " + name + " in " + template);
            }
        }
        if (contribution && !readsDz) {
            throw new IllegalStateException(
                    "derivative rule " + r.key() + ": contribution does not use dz: " + template);
        }
    }
}
