package dev.adjoint.generator.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.code.Operand;
import dev.adjoint.generator.code.Printer;
import dev.adjoint.generator.ir.AtomCode;
import dev.adjoint.generator.ir.Op;
import dev.adjoint.generator.ir.Stmt;
import dev.adjoint.generator.normalize.Normalizer;
import dev.adjoint.generator.parse.SourceParser;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.generator.types.Ty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The derivative table, rule by rule: for every rule of {@link DerivativeRules#all()} the test
 * writes a one-line method {@code double z = <primal over a, b>; return z;}, runs it through the
 * generator, and checks the gradient against central differences at several points inside the
 * function's domain (away from kinks and ties), with the optimisations on and off. Rules that
 * exist for float as well are also checked in a float method, against the double one.
 */
class DerivativeRulesTest {
    private static final String OWNER = "rules.RuleMethods";

    /** Points (a) or (a, b) per rule: inside the domain, away from kinks, ties and poles. */
    private static final Map<String, double[][]> POINTS = new LinkedHashMap<>();

    static {
        double[][] anyPair = {{0.7, 1.3}, {-1.2, 0.4}, {2.5, -3.1}};
        double[][] any = {{0.7}, {-1.2}, {2.5}};
        POINTS.put("+", anyPair);
        POINTS.put("-", anyPair);
        POINTS.put("*", anyPair);
        POINTS.put("/", anyPair);
        // quotients 2, -1, 0 and -3: away from the jumps of a % b where a / b is an integer
        POINTS.put("%", new double[][] {{5.3, 2.1}, {-1.7, 1.2}, {0.4, -2.5}, {7.1, -2.2}});
        // quotients rounded to 2, -1, 0 and -3: away from the jumps where a / b is half an odd integer
        POINTS.put("Math.IEEEremainder", new double[][] {{5.3, 2.1}, {-1.7, 1.2}, {0.4, -2.5}, {7.1, -2.2}});
        POINTS.put("neg", any);
        POINTS.put("copy", any);
        POINTS.put("(double)", any);
        POINTS.put("(float)", any);
        POINTS.put("detach", any);
        POINTS.put("Math.abs", any);
        POINTS.put("Math.signum", any);
        POINTS.put("Math.floor", new double[][] {{0.3}, {-1.7}, {2.2}});
        POINTS.put("Math.ceil", new double[][] {{0.3}, {-1.7}, {2.2}});
        POINTS.put("Math.rint", new double[][] {{0.3}, {-1.7}, {2.2}});
        POINTS.put("Math.sqrt", new double[][] {{0.5}, {1.7}, {4.2}});
        POINTS.put("Math.cbrt", new double[][] {{0.5}, {-1.7}, {8.3}});
        POINTS.put("Math.exp", new double[][] {{-1.1}, {0.3}, {2.0}});
        POINTS.put("Math.expm1", new double[][] {{-1.1}, {0.3}, {2.0}});
        POINTS.put("Math.log", new double[][] {{0.3}, {1.7}, {5.0}});
        POINTS.put("Math.log10", new double[][] {{0.3}, {1.7}, {5.0}});
        POINTS.put("Math.log1p", new double[][] {{-0.5}, {0.3}, {4.0}});
        POINTS.put("Math.sin", new double[][] {{-1.0}, {0.4}, {2.9}});
        POINTS.put("Math.cos", new double[][] {{-1.0}, {0.4}, {2.9}});
        POINTS.put("Math.tan", new double[][] {{-1.0}, {0.4}, {1.2}});
        POINTS.put("Math.asin", new double[][] {{-0.6}, {0.1}, {0.8}});
        POINTS.put("Math.acos", new double[][] {{-0.6}, {0.1}, {0.8}});
        POINTS.put("Math.atan", new double[][] {{-2.0}, {0.3}, {5.0}});
        POINTS.put("Math.sinh", new double[][] {{-1.5}, {0.2}, {2.0}});
        POINTS.put("Math.cosh", new double[][] {{-1.5}, {0.2}, {2.0}});
        POINTS.put("Math.tanh", new double[][] {{-1.5}, {0.2}, {2.0}});
        POINTS.put("Math.toRadians", new double[][] {{-190.0}, {0.2}, {45.0}});
        POINTS.put("Math.toDegrees", new double[][] {{-3.5}, {0.2}, {1.0}});
        POINTS.put("Math.pow", new double[][] {{1.5, 2.3}, {0.7, -1.2}, {2.0, 0.5}, {3.0, 2.0}});
        POINTS.put("Math.atan2", new double[][] {{1.0, 2.0}, {-0.5, 0.3}, {2.0, -1.5}});
        POINTS.put("Math.hypot", new double[][] {{3.0, 4.0}, {-1.0, 0.5}, {0.2, -2.0}});
        POINTS.put("Math.max", new double[][] {{1.0, 2.0}, {-0.5, -1.0}, {3.0, 0.2}});
        POINTS.put("Math.min", new double[][] {{1.0, 2.0}, {-0.5, -1.0}, {3.0, 0.2}});
        POINTS.put("Math.copySign", anyPair);
        POINTS.put("Math.fma", new double[][] {{0.7, 1.3, -0.4}, {-1.2, 0.4, 2.0}, {2.5, -3.1, 0.3}});
        // inside the bounds, below, above (Java 21: the java21 IT checks it)
        POINTS.put("Math.clamp", new double[][] {{0.4, -0.5, 1.2}, {-1.3, -0.5, 1.2}, {2.1, -0.5, 1.2}});
        // StrictMath's twins, at the same points
        for (String key : List.copyOf(POINTS.keySet())) {
            if (key.startsWith("Math.")) {
                POINTS.put("Strict" + key, POINTS.get(key));
            }
        }
    }

    /** Rules that are identities at run time but whose derivative the test must not take from differences. */
    private static final Set<String> NOT_BY_DIFFERENCES = Set.of("detach");

    /** The Java method name for a rule key: {@code Math.sin -> sin}, {@code * -> times}. */
    static String methodName(String key) {
        return switch (key) {
            case "+" -> "plus";
            case "-" -> "minus";
            case "*" -> "times";
            case "/" -> "divide";
            case "%" -> "remainder";
            case "(double)" -> "toDouble";
            case "(float)" -> "toFloat";
            default -> {
                if (key.startsWith("Math.")) {
                    yield key.substring("Math.".length());
                }
                if (key.startsWith("StrictMath.")) {
                    String f = key.substring("StrictMath.".length());
                    yield "strict" + Character.toUpperCase(f.charAt(0)) + f.substring(1);
                }
                if (!key.matches("[a-z][A-Za-z0-9]*")) {
                    throw new AssertionError("give rule '" + key + "' a method name in DerivativeRulesTest.methodName");
                }
                yield key;
            }
        };
    }

    /** The expression over a and b that applies {@code rule} once. */
    static String expression(Rule rule) {
        return rule.key().equals("detach") ? "Adjoint.detach(a)" : primal(rule, List.of("a", "b", "c"));
    }

    /** The forward expression over the operands written {@code args}, printed. */
    private static String primal(Rule rule, List<String> args) {
        return Printer.expression(
                rule.primal(args.stream().map(AtomCode::source).toList()));
    }

    /** The contribution to argument {@code i} over operands written as text, printed. */
    private static String contribution(String key, int i, List<String> args, String z, String dz) {
        return Printer.expression(DerivativeRules.get(key)
                .contribution(
                        i, args.stream().map(AtomCode::source).toList(), AtomCode.source(z), AtomCode.source(dz)));
    }

    /** {@code text} read as an operand, printed: in parentheses unless it stands alone. */
    private static String operand(String text) {
        return Printer.expression(Operand.of(AtomCode.source(text)));
    }

    /**
     * The rules whose function Java 17's {@code Math} has, at which the tests compile: the table also
     * holds Java 21's ({@link DerivativeRules#SINCE_JAVA_21}), which the plugin's java21 IT checks.
     */
    static List<Rule> atJava17() {
        return DerivativeRules.all().values().stream()
                .filter(r -> !DerivativeRules.SINCE_JAVA_21.contains(name(r)))
                .toList();
    }

    /** A rule's function name ({@code clamp} of {@code StrictMath.clamp}), or its key. */
    private static String name(Rule r) {
        return r.key().substring(r.key().indexOf('.') + 1);
    }

    /** Whether the float variant of {@code rule} is checked (rules with a float overload that are not conversions). */
    static boolean hasFloatVariant(Rule rule) {
        return rule.floatOverload()
                && !rule.key().startsWith("(")
                && !rule.key().equals("detach");
    }

    /** One class with a method per rule, a float variant where the rule has one, and an identity oracle. */
    static String source() {
        StringBuilder s = new StringBuilder("""
                package rules;

                import dev.adjoint.Adjoint;
                import dev.adjoint.Differentiable;

                public class RuleMethods {
                    @Differentiable
                    static double identity(double a) {
                        return a;
                    }

                """);
        for (Rule rule : atJava17()) {
            String name = methodName(rule.key());
            String in = rule.key().equals("(double)") ? "float" : "double";
            String out = rule.key().equals("(float)") ? "float" : "double";
            String params =
                    String.join(", ", List.of(in + " a", in + " b", in + " c").subList(0, rule.arity()));
            s.append("    // ")
                    .append(rule.key())
                    .append('\n')
                    .append("    @Differentiable\n")
                    .append("    static ")
                    .append(out)
                    .append(' ')
                    .append(name)
                    .append('(')
                    .append(params)
                    .append(") {\n")
                    .append("        ")
                    .append(out)
                    .append(" z = ")
                    .append(expression(rule))
                    .append(";\n")
                    .append("        return z;\n")
                    .append("    }\n\n");
            if (hasFloatVariant(rule)) {
                String fparams = String.join(
                        ", ", List.of("float a", "float b", "float c").subList(0, rule.arity()));
                s.append("    @Differentiable\n")
                        .append("    static float ")
                        .append(name)
                        .append("F(")
                        .append(fparams)
                        .append(") {\n")
                        .append("        float z = ")
                        .append(expression(rule))
                        .append(";\n")
                        .append("        return z;\n")
                        .append("    }\n\n");
            }
        }
        return s.append("}\n").toString();
    }

    private static final Map<Options, Differentiated> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Differentiated compiled(Options o) {
        return COMPILED.computeIfAbsent(o, k -> Differentiated.of(OWNER, source(), k));
    }

    private static Object[] args(Differentiated d, String method, double[] point) {
        MethodRequest r = d.request(method);
        Object[] args = new Object[point.length];
        for (int i = 0; i < point.length; i++) {
            args[i] = r.params().get(i).type().prim() == Ty.Prim.FLOAT ? (Object) (float) point[i] : (Object) point[i];
        }
        return args;
    }

    @Test
    void everyRuleHasPointsAndAName() {
        for (String key : DerivativeRules.all().keySet()) {
            assertTrue(
                    POINTS.containsKey(key), "add points for the new rule '" + key + "' to DerivativeRulesTest.POINTS");
            assertTrue(POINTS.get(key).length >= 3, key + " needs at least three points");
            for (double[] p : POINTS.get(key)) {
                assertEquals(
                        DerivativeRules.get(key).arity(), p.length, key + ": a point needs one value per argument");
            }
            methodName(key);
        }
        assertEquals(
                new TreeSet<>(DerivativeRules.all().keySet()),
                new TreeSet<>(POINTS.keySet()),
                "points for rules that do not exist");
    }

    @TestFactory
    Stream<DynamicTest> everyRuleMatchesCentralDifferences() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            String label = o == Options.DEFAULT ? "DEFAULT" : "PLAIN";
            for (Rule rule : atJava17()) {
                String name = methodName(rule.key());
                tests.add(dynamicTest(rule.key() + " [" + label + "]", () -> {
                    Differentiated d = compiled(o);
                    for (double[] p : POINTS.get(rule.key())) {
                        Object[] args = args(d, name, p);
                        String at = rule.key() + " at " + java.util.Arrays.toString(p);
                        if (NOT_BY_DIFFERENCES.contains(rule.key())) {
                            Differentiated.GradCall call = d.vjp(name, 1.0, args);
                            assertArrayEquals(
                                    new double[] {0.0},
                                    call.gradient(),
                                    0.0,
                                    at + ": a detached value has no gradient");
                            assertEquals(p[0], call.value(), 0.0, at);
                        } else if (rule.key().startsWith("(")) {
                            // a conversion is the identity up to rounding: compare with identity(a), in float precision
                            d.assertGradient(name, d, "identity", 1e-6, 1e-6, args);
                        } else {
                            d.assertGradient(name, d, name, 1e-6, 1e-9, args);
                        }
                    }
                }));
                if (hasFloatVariant(rule)) {
                    tests.add(dynamicTest(rule.key() + " in float [" + label + "]", () -> {
                        Differentiated d = compiled(o);
                        for (double[] p : POINTS.get(rule.key())) {
                            d.assertGradient(name + "F", d, name, 1e-3, 1e-5, args(d, name + "F", p));
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyRuleMethodAppliesItsRuleOnce() {
        var unit =
                SourceParser.parse(Path.of("RuleMethods.java"), source()).unit().orElseThrow();
        Map<String, MethodRequest> requests = new LinkedHashMap<>();
        MethodSelector.select(Path.of("RuleMethods.java"), unit).requests().forEach(r -> requests.put(r.name(), r));
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : atJava17()) {
            tests.add(dynamicTest(rule.key(), () -> {
                List<Op.Apply> applied = applies(requests.get(methodName(rule.key())));
                assertEquals(
                        1,
                        applied.stream()
                                .filter(a -> a.rule().equals(rule.key()))
                                .count(),
                        rule.key() + " is not applied exactly once in its method: " + applied);
                if (hasFloatVariant(rule)) {
                    List<Op.Apply> f = applies(requests.get(methodName(rule.key()) + "F"));
                    assertTrue(
                            f.stream()
                                    .anyMatch(a -> a.rule().equals(rule.key())
                                            && a.type().equals(Ty.FLOAT)),
                            rule.key() + " has a float overload but its float method does not use it: " + f);
                }
            }));
        }
        return tests.stream();
    }

    private static List<Op.Apply> applies(MethodRequest r) {
        Normalizer.Result n = Normalizer.normalize(r);
        assertTrue(n.diagnostics().isEmpty(), n.diagnostics().toString());
        List<Op.Apply> out = new ArrayList<>();
        collect(n.ir().orElseThrow().body(), out);
        return out;
    }

    private static void collect(List<Stmt> body, List<Op.Apply> out) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a && a.op() instanceof Op.Apply ap) {
                out.add(ap);
            } else if (s instanceof Stmt.If i) {
                collect(i.then(), out);
                collect(i.otherwise(), out);
            }
        }
    }

    // ---- conventions at non-differentiable points (PyTorch's) --------------------------------

    @Test
    void conventionsAtNonDifferentiablePoints() {
        Differentiated d = compiled(Options.DEFAULT);
        assertArrayEquals(new double[] {0.0}, d.vjp("abs", 1.0, 0.0).gradient(), "abs'(0) = 0");
        assertArrayEquals(new double[] {0.5, 0.5}, d.vjp("max", 1.0, 1.5, 1.5).gradient(), "max splits a tie evenly");
        assertArrayEquals(new double[] {0.5, 0.5}, d.vjp("min", 1.0, -2.0, -2.0).gradient(), "min splits a tie evenly");
        assertArrayEquals(
                new double[] {0.5, 0.5}, d.vjp("maxF", 1.0, 1.5f, 1.5f).gradient(), "float max splits a tie evenly");
        assertArrayEquals(new double[] {0.0, 0.0}, d.vjp("hypot", 1.0, 0.0, 0.0).gradient(), "hypot at the origin");
        assertArrayEquals(
                new double[] {0.0, 0.0}, d.vjp("pow", 1.0, 0.0, 2.0).gradient(), "pow(0, 2): no NaN from log(0)");
        assertArrayEquals(
                new double[] {0.0, Math.log(2.0)}, d.vjp("pow", 1.0, 2.0, 0.0).gradient(), 1e-15, "pow(a, 0)");
        assertArrayEquals(new double[] {0.0}, d.vjp("signum", 1.0, 0.0).gradient(), "signum is flat, even at 0");
        assertArrayEquals(new double[] {0.0}, d.vjp("floor", 1.0, 2.0).gradient(), "floor is flat, even at its jumps");
    }

    // ---- the Rule API -------------------------------------------------------------------------

    @Test
    void valuesReadAreWhatTheContributionReads() {
        assertEquals(Set.of("b"), DerivativeRules.get("*").valuesRead(0));
        assertEquals(Set.of("a"), DerivativeRules.get("*").valuesRead(1));
        assertEquals(Set.of("b"), DerivativeRules.get("/").valuesRead(0));
        assertEquals(Set.of("b", "z"), DerivativeRules.get("/").valuesRead(1));
        assertEquals(Set.of(), DerivativeRules.get("+").valuesRead(0));
        assertEquals(Set.of(), DerivativeRules.get("neg").valuesRead(0));
        assertEquals(Set.of("z"), DerivativeRules.get("Math.exp").valuesRead(0));
        assertEquals(Set.of("a"), DerivativeRules.get("Math.sin").valuesRead(0));
        assertEquals(Set.of("a", "b", "z"), DerivativeRules.get("Math.pow").valuesRead(1));
        assertEquals(Set.of(), DerivativeRules.get("Math.floor").valuesRead(0), "a zero derivative reads nothing");
        assertEquals(Set.of(), DerivativeRules.get("detach").valuesRead(0));
    }

    @Test
    void contributionSubstitutesAndParenthesizes() {
        assertEquals("_d_z * y", contribution("*", 0, List.of("x", "y"), "z", "_d_z"));
        assertEquals("_d_z * x", contribution("*", 1, List.of("x", "y"), "z", "_d_z"));
        assertEquals("-dq * q / (y + 1)", contribution("/", 1, List.of("x", "y + 1"), "q", "dq"));
        assertEquals("dz * Math.cos(Math.PI)", contribution("Math.sin", 0, List.of("Math.PI"), "z", "dz"));
        assertEquals("d / (2 * s)", contribution("Math.sqrt", 0, List.of("x"), "s", "d"));
        assertEquals("dz * (1 - (-t) * (-t))", contribution("Math.tanh", 0, List.of("x"), "-t", "dz"));
        assertEquals("_d_z", contribution("copy", 0, List.of("x"), "z", "_d_z"));
        assertEquals("Math.pow(x, 2.5)", primal(DerivativeRules.get("Math.pow"), List.of("x", "2.5")));
        assertEquals("(-1.0) * b1", primal(DerivativeRules.get("*"), List.of("-1.0", "b1")));
    }

    @Test
    void ruleShapes() {
        assertEquals(2, DerivativeRules.get("+").arity());
        assertEquals(1, DerivativeRules.get("Math.sin").arity());
        assertTrue(DerivativeRules.get("Math.sin").differentiableIn(0));
        assertFalse(DerivativeRules.get("Math.signum").differentiableIn(0));
        assertFalse(DerivativeRules.get("detach").differentiableIn(0));
        assertTrue(DerivativeRules.get("Math.max").floatOverload());
        assertFalse(DerivativeRules.get("Math.sin").floatOverload());
        assertTrue(DerivativeRules.lookup("Math.random").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> DerivativeRules.get("Math.random"));
        assertThrows(
                UnsupportedOperationException.class, () -> DerivativeRules.all().put("x", DerivativeRules.get("+")));
        assertEquals("x", operand("x"));
        assertEquals("Math.PI", operand("Math.PI"));
        assertEquals("2.5e3", operand("2.5e3"));
        assertEquals("0.5f", operand("0.5f"));
        assertEquals("(-2.5)", operand("-2.5"));
        assertEquals("(a + b)", operand("a + b"));
    }

    @Test
    void everyMathFunctionOfTheIssueIsSupportedWithItsArity() {
        for (String f : List.of(
                "abs", "sqrt", "cbrt", "exp", "expm1", "log", "log10", "log1p", "sin", "cos", "tan", "asin", "acos",
                "atan", "sinh", "cosh", "tanh", "signum", "floor", "ceil", "rint", "round")) {
            assertTrue(DerivativeRules.isMathFunction(f, 1), "Math." + f + "(a)");
            assertFalse(DerivativeRules.isMathFunction(f, 2), "Math." + f + "(a, b)");
        }
        for (String f : List.of("toRadians", "toDegrees")) {
            assertTrue(DerivativeRules.isMathFunction(f, 1), "Math." + f + "(a)");
        }
        for (String f : List.of("pow", "atan2", "hypot", "max", "min", "IEEEremainder")) {
            assertTrue(DerivativeRules.isMathFunction(f, 2), "Math." + f + "(a, b)");
            assertFalse(DerivativeRules.isMathFunction(f, 1), "Math." + f + "(a)");
        }
        for (String f : List.of("fma")) {
            assertTrue(DerivativeRules.isMathFunction(f, 3), "Math." + f + "(a, b, c)");
        }
        for (String f : List.of("floorDiv", "floorMod", "addExact", "multiplyExact")) {
            assertTrue(
                    DerivativeRules.isMathFunction(f, 2) && DerivativeRules.isIntegerMath(f),
                    "Math." + f + "(a, b): integers only");
            assertFalse(DerivativeRules.isMathFunction(f, 1), "Math." + f + "(a)");
        }
        for (String f : List.of("random", "ulp", "nextAfter", "scalb")) {
            assertFalse(
                    DerivativeRules.isMathFunction(f, 0)
                            || DerivativeRules.isMathFunction(f, 1)
                            || DerivativeRules.isMathFunction(f, 2)
                            || DerivativeRules.isMathFunction(f, 3),
                    "Math." + f);
        }
        assertTrue(DerivativeRules.isIntegerMath("round"));
        assertFalse(DerivativeRules.isIntegerMath("floor"), "floor returns a double");
    }

    /**
     * The overloads the typing of calls relies on, read off {@code java.lang.Math} itself: a rule has
     * {@code floatOverload} exactly when Math declares the function for float, and
     * {@code hasIntegerOverloads} exactly when it declares it for int and long (otherwise Java
     * resolves an int argument to the float or double one, and the result is floating).
     */
    @Test
    void overloadFactsMatchJavaLangMath() {
        for (Rule r : DerivativeRules.all().values()) {
            if (DerivativeRules.SINCE_JAVA_21.contains(name(r))) {
                continue; // clamp(long, int, int), clamp(long, long, long): the java21 IT compiles its calls
            }
            if (!r.key().startsWith("Math.")) {
                continue;
            }
            String name = r.key().substring("Math.".length());
            assertEquals(declares(name, float.class, r.arity()), r.floatOverload(), r.key() + ": float overload");
            assertEquals(
                    declares(name, int.class, r.arity()),
                    DerivativeRules.hasIntegerOverloads(name),
                    r.key() + ": int overload");
            assertEquals(
                    declares(name, int.class, r.arity()),
                    declares(name, long.class, r.arity()),
                    r.key() + ": long overload");
            assertTrue(declares(name, double.class, r.arity()), r.key() + ": double overload");
        }
        // round: no int overload, round(float) returns int, round(double) long
        assertFalse(declares("round", int.class, 1));
        assertTrue(declares("round", float.class, 1) && declares("round", double.class, 1));
    }

    private static boolean declares(String name, Class<?> type, int arity) {
        Class<?>[] params = new Class<?>[arity];
        java.util.Arrays.fill(params, type);
        try {
            Math.class.getMethod(name, params);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Test
    void everyTemplateParsesAndReadsOnlyItsOwnNames() {
        JavaParser parser =
                new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        for (Rule r : DerivativeRules.all().values()) {
            List<String> templates = new ArrayList<>();
            templates.add(r.primal());
            r.contributions().stream().filter(c -> c != null).forEach(templates::add);
            for (int i = 0; i < templates.size(); i++) {
                String t = templates.get(i);
                Expression e =
                        parser.parseExpression(t).getResult().orElseThrow(() -> new AssertionError(r.key() + ": " + t));
                Set<String> allowed = i == 0 ? Set.of("a", "b", "c") : Set.of("a", "b", "c", "z", "dz");
                String family = r.key().startsWith("StrictMath.") ? "StrictMath" : "Math";
                for (NameExpr n : e.findAll(NameExpr.class)) {
                    boolean mathScope = n.getNameAsString().equals(family)
                            && n.getParentNode().orElse(null) instanceof MethodCallExpr;
                    assertTrue(mathScope || allowed.contains(n.getNameAsString()), r.key() + ": '" + n + "' in " + t);
                    assertFalse(
                            r.arity() == 1 && n.getNameAsString().equals("b"), r.key() + ": b in a one-argument rule");
                    assertFalse(
                            r.arity() < 3 && n.getNameAsString().equals("c"),
                            r.key() + ": c in a rule of fewer arguments");
                }
                if (i > 0) {
                    assertTrue(t.contains("dz"), r.key() + ": contribution without dz: " + t);
                }
            }
        }
    }
}
