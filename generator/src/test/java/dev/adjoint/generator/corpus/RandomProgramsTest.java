package dev.adjoint.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random programs over the accepted Java (fixed seeds, so every run checks the same programs):
 * straight-line overwrites, compound assignments, nested if/else with locals declared in sibling
 * branches, ?:, reassigned parameters, array reads through an overwritten int index, an
 * overwritten boolean condition. Branch conditions read only values that central differences do
 * not vary (p, n, k, q), so no point sits on a branch boundary.
 *
 * <p>The differential fuzzer ({@link dev.adjoint.generator.fuzz.DifferentialFuzzTest}) goes further:
 * classes of several methods calling each other, both strategies compared with each other, active
 * branches, any number of programs from any seed.
 */
class RandomProgramsTest {
    /** How many programs; more with -Dadjoint.randomPrograms=1000 when hunting bugs. */
    private static final int PROGRAMS = Integer.getInteger("adjoint.randomPrograms", 40);

    private static final String[] LOCALS = {"a", "b", "c"};
    private static final double FLOAT_RTOL = 1e-3;
    private static final double FLOAT_ATOL = 1e-4;

    /** One program's source, as a method named {@code name}. */
    static String program(String name, long seed) {
        return program(name, seed, false);
    }

    /**
     * One program's source; with {@code loops}, also for/while loops (trip counts from n), break,
     * continue, a local array written in place and early returns.
     */
    static String program(String name, long seed, boolean loops) {
        Gen g = new Gen(new Random(seed));
        g.loops = loops;
        StringBuilder s = new StringBuilder();
        s.append("    @Differentiable(wrt = {\"x\", \"y\", \"w\"})\n");
        s.append("    static double ").append(name).append("(double x, double y, double[] w, double p, int n) {\n");
        s.append("        int k = n - 1;\n");
        s.append("        boolean q = p > 0.1;\n");
        if (loops) {
            s.append("        double[] u = new double[4];\n");
        }
        for (String l : LOCALS) {
            s.append("        double ")
                    .append(l)
                    .append(" = ")
                    .append(g.expr(2))
                    .append(";\n");
            g.declared++;
        }
        g.statements(s, 2, 4 + g.r.nextInt(8));
        s.append("        return ").append(g.expr(1)).append(" + a * b - c;\n");
        s.append("    }\n");
        return s.toString();
    }

    /** Generates statements and expressions from the accepted subset. */
    private static final class Gen {
        final Random r;
        /** How many of {@link #LOCALS} are declared so far. */
        int declared;
        /** Whether an enclosing branch declares t (Java forbids redeclaring it in a nested block). */
        boolean inScopeOfT;
        /** Whether loops, the local array u and early returns may be generated. */
        boolean loops;
        /** How many loops enclose the statement being generated. */
        int loopDepth;

        Gen(Random r) {
            this.r = r;
        }

        String local() {
            return declared == 0 ? "x" : LOCALS[r.nextInt(declared)];
        }

        void statements(StringBuilder s, int indent, int count) {
            String pad = "    ".repeat(indent);
            for (int i = 0; i < count; i++) {
                int kind = r.nextInt(10);
                if (loops && r.nextInt(4) == 0) {
                    loopStatement(s, indent);
                    continue;
                }
                if (kind < 3) {
                    s.append(pad)
                            .append(local())
                            .append(" = ")
                            .append(bounded(expr(3)))
                            .append(";\n");
                } else if (kind < 5) {
                    String op = new String[] {"+=", "-=", "*="}[r.nextInt(3)];
                    // in loops, a product stays bounded: values that grow like 1e9 defeat central differences
                    String e = loops && op.equals("*=") ? "0.5 + 0.25 * Math.tanh(" + expr(2) + ")" : bounded(expr(2));
                    s.append(pad)
                            .append(local())
                            .append(' ')
                            .append(op)
                            .append(' ')
                            .append(e)
                            .append(";\n");
                } else if (kind == 5) {
                    s.append(pad)
                            .append(local())
                            .append(loops ? " /= 1.25 + 0.25 * Math.sin(" : " /= 1.5 + Math.sin(")
                            .append(expr(2))
                            .append(");\n");
                } else if (kind == 6) {
                    s.append(pad)
                            .append(r.nextBoolean() ? "x" : "y")
                            .append(" = ")
                            .append(bounded(expr(2)))
                            .append(";\n");
                } else if (kind == 7 && indent < 4) {
                    String cond = switch (r.nextInt(4)) {
                        case 0 -> "q";
                        case 1 -> "k > " + r.nextInt(3);
                        case 2 -> "n > " + (1 + r.nextInt(3));
                        default -> "p > " + (r.nextInt(5) - 2) * 0.3;
                    };
                    s.append(pad).append("if (").append(cond).append(") {\n");
                    branch(s, indent + 1);
                    if (r.nextBoolean()) {
                        s.append(pad).append("} else {\n");
                        branch(s, indent + 1);
                    }
                    s.append(pad).append("}\n");
                } else if (kind == 8 && r.nextInt(3) == 0) {
                    s.append(pad).append(r.nextBoolean() ? "k = 3 - k;\n" : "q = !q;\n");
                } else if (kind == 8) {
                    String v = local();
                    String f = loops ? "Math.tanh(" + expr(1) + ")" : expr(1);
                    s.append(pad)
                            .append(v)
                            .append(" = ")
                            .append(v)
                            .append(" * ")
                            .append(f)
                            .append(";\n");
                } else {
                    s.append(pad)
                            .append(local())
                            .append(" = ")
                            .append(bounded(local() + " + " + expr(2)))
                            .append(";\n");
                }
            }
        }

        /** A loop, a jump, an array write or an early return (only with {@link #loops}). */
        void loopStatement(StringBuilder s, int indent) {
            String pad = "    ".repeat(indent);
            int kind = r.nextInt(6);
            if ((kind == 0 || kind == 1) && loopDepth < 2 && indent < 5) {
                String i = "i" + loopDepth;
                // a while loop's counter lives in a block of its own, so that a sibling loop can reuse the name
                String in = kind == 0 ? pad : pad + "    ";
                if (kind == 0) {
                    s.append(pad)
                            .append("for (int ")
                            .append(i)
                            .append(" = 0; ")
                            .append(i)
                            .append(" < n; ")
                            .append(i)
                            .append("++) {\n");
                } else {
                    s.append(pad).append("{\n");
                    s.append(in).append("int ").append(i).append(" = n;\n");
                    s.append(in).append("while (").append(i).append(" > 0) {\n");
                    s.append(in).append("    ").append(i).append("--;\n");
                }
                loopDepth++;
                int body = kind == 0 ? indent + 1 : indent + 2;
                String bodyPad = "    ".repeat(body);
                s.append(bodyPad)
                        .append(local())
                        .append(" = Math.tanh(")
                        .append(expr(2))
                        .append(" + ")
                        .append(local())
                        .append(");\n");
                s.append(bodyPad)
                        .append("u[")
                        .append(i)
                        .append(" % 4] += ")
                        .append(expr(2))
                        .append(";\n");
                statements(s, body, 1 + r.nextInt(3));
                loopDepth--;
                s.append(in).append("}\n");
                if (kind == 1) {
                    s.append(pad).append("}\n");
                }
            } else if (kind == 2 && loopDepth > 0) {
                s.append(pad)
                        .append("if (")
                        .append(r.nextBoolean() ? "k > 1" : "q")
                        .append(") ")
                        .append(r.nextBoolean() ? "break" : "continue")
                        .append(";\n");
            } else if (kind == 3) {
                s.append(pad).append("u[k] = ").append(expr(2)).append(";\n");
            } else if (kind == 4) {
                s.append(pad)
                        .append(local())
                        .append(" += u[")
                        .append(r.nextBoolean() ? "k" : "3 - k")
                        .append("] * ")
                        .append(expr(1))
                        .append(";\n");
            } else {
                s.append(pad).append("if (n > 3 && !q) {\n");
                s.append(pad).append("    return ").append(expr(2)).append(" + u[0];\n");
                s.append(pad).append("}\n");
            }
        }

        /** A branch body, sometimes declaring a local that its sibling branch declares too. */
        void branch(StringBuilder s, int indent) {
            String pad = "    ".repeat(indent);
            boolean declares = !inScopeOfT && r.nextInt(3) == 0;
            if (declares) {
                s.append(pad).append("double t = ").append(expr(2)).append(";\n");
                inScopeOfT = true;
            }
            statements(s, indent, 1 + r.nextInt(3));
            if (declares) {
                s.append(pad).append(local()).append(" += t;\n");
                inScopeOfT = false;
            }
        }

        /**
         * In loops, values stay in a bounded range: a value that grows like 1e5 makes the function
         * oscillate faster than central differences can follow (a false alarm, not a wrong gradient).
         */
        String bounded(String e) {
            return loops ? "Math.tanh(" + e + ")" : e;
        }

        String expr(int depth) {
            if (depth == 0 || r.nextInt(4) == 0) {
                return leaf();
            }
            String e = expr(depth - 1);
            return switch (r.nextInt(14)) {
                case 0 -> "Math.sin(" + e + ")";
                case 1 -> "Math.cos(" + e + ")";
                case 2 -> "Math.tanh(" + e + ")";
                case 3 -> "Math.atan(" + e + ")";
                case 4 -> "Math.exp(Math.tanh(" + e + "))";
                case 5 -> "Math.sqrt(1 + " + e + " * " + e + ")";
                case 6 -> "Math.log(2 + Math.sin(" + e + "))";
                case 7 -> "-(" + e + ")";
                case 8 -> "(" + e + " + " + expr(depth - 1) + ")";
                case 9 -> "(" + e + " - " + expr(depth - 1) + ")";
                case 10 -> "(" + e + " * " + expr(depth - 1) + ")";
                case 11 -> "(" + e + " / (2 + Math.cos(" + expr(depth - 1) + ")))";
                case 12 -> "(p > " + (r.nextInt(3) - 1) * 0.4 + " ? " + e + " : " + expr(depth - 1) + ")";
                default -> "Math.hypot(" + e + ", 1 + n)";
            };
        }

        String leaf() {
            return switch (r.nextInt(11)) {
                case 0, 1 -> "x";
                case 2, 3 -> "y";
                case 9 -> new String[] {"w[k]", "w[3 - k]", "w[n - 1]", "w[w.length - 1]"}[r.nextInt(4)];
                case 10 -> loops ? "u[k]" : "w[k]";
                case 4 -> local();
                case 5 -> local();
                case 6 -> "p";
                case 7 -> "n";
                default -> new String[] {"0.5", "2", "1.25", "3L"}[r.nextInt(4)];
            };
        }
    }

    /**
     * The float version of a program: float locals and parameters; every Math call cast to float;
     * double literals made float. The double program is its twin.
     */
    static String floatProgram(String name, long seed) {
        String s = program(name, seed)
                .replace(
                        "static double " + name + "(double x, double y, double[] w,",
                        "static float " + name + "F(float x, float y, float[] w,")
                .replace("double p, int n)", "float p, int n)");
        s = s.replaceAll("\\bdouble (a|b|c|t) = ", "float $1 = ");
        s = s.replaceAll("Math\\.(\\w+)\\(", "(float) Math.$1(");
        return s.replaceAll("(?<![\\w.])(\\d+\\.\\d+)(?![\\d.fF])", "$1f");
    }

    static String source() {
        StringBuilder s =
                new StringBuilder("package fuzz;\n\nimport dev.adjoint.Differentiable;\n\npublic class Programs {\n");
        for (int i = 0; i < PROGRAMS; i++) {
            s.append(program("p" + i, 1000 + i)).append('\n');
            s.append(floatProgram("p" + i, 1000 + i)).append('\n');
            s.append(program("l" + i, 5000 + i, true)).append('\n');
        }
        return s.append("}\n").toString();
    }

    @TestFactory
    Stream<DynamicTest> randomProgramsHaveTheRightGradient() {
        String source = source();
        List<DynamicTest> tests = new ArrayList<>();
        // a failed compilation is remembered too, so that it fails each test at once
        Map<Options, Object> compiled = new ConcurrentHashMap<>();
        for (Options o : List.of(Options.DEFAULT, Options.PLAIN)) {
            String label = o == Options.DEFAULT ? " [DEFAULT]" : " [PLAIN]";
            for (int i = 0; i < PROGRAMS; i++) {
                int index = i;
                tests.add(DynamicTest.dynamicTest(
                        "p" + i + " and p" + i + "F" + label,
                        () -> checkStraightAndBranching(compiled(compiled, o, source), index)));
                tests.add(DynamicTest.dynamicTest(
                        "l" + i + label, () -> checkLoops(compiled(compiled, o, source), index)));
            }
        }
        return tests.stream();
    }

    private static Differentiated compiled(Map<Options, Object> compiled, Options o, String source) {
        Object c = compiled.computeIfAbsent(o, k -> {
            try {
                return Differentiated.of("fuzz.Programs", source, k);
            } catch (AssertionError e) {
                return e;
            }
        });
        if (c instanceof AssertionError e) {
            throw e;
        }
        return (Differentiated) c;
    }

    /** Two random points: x, y in [-1.5, 1.5], w in [-1, 1]^4, p in [-1, 1], n in 1..4. */
    private static List<Object[]> points(String name) {
        Random r = new Random(name.hashCode());
        List<Object[]> points = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            double[] w = {r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1
            };
            points.add(new Object[] {
                r.nextDouble() * 3 - 1.5, r.nextDouble() * 3 - 1.5, w, r.nextDouble() * 2 - 1, 1 + r.nextInt(4)
            });
        }
        return points;
    }

    private static void check(Differentiated d, String name, Object[] args, Supplier<String> program) {
        Differentiated.GradCall call = d.vjp(name, 1.0, args);
        assertEquals(d.value(name, args), call.value(), 0.0, name + ": value");
        try {
            d.assertGradient(name, d, name, 1e-6, 1e-8, args);
        } catch (AssertionError e) {
            throw new AssertionError(
                    name + " at " + Arrays.deepToString(args) + ": " + e.getMessage() + "\n" + program.get(), e);
        }
    }

    private static void checkStraightAndBranching(Differentiated d, int i) {
        String name = "p" + i;
        for (Object[] args : points(name)) {
            check(d, name, args, () -> program(name, 1000 + i));
            // the float version, against central differences of the double one
            double[] w = (double[]) args[2];
            float[] wf = new float[w.length];
            for (int j = 0; j < w.length; j++) {
                wf[j] = (float) w[j];
            }
            Object[] fargs = {(float) (double) args[0], (float) (double) args[1], wf, (float) (double) args[3], args[4]
            };
            Differentiated.GradCall fcall = d.vjp(name + "F", 1.0, fargs);
            assertEquals(d.value(name + "F", fargs), fcall.value(), 0.0, name + "F: value");
            try {
                d.assertGradient(name + "F", d, name, FLOAT_RTOL, FLOAT_ATOL, fargs);
            } catch (AssertionError e) {
                throw new AssertionError(
                        name + "F at " + Arrays.deepToString(fargs) + ": " + e.getMessage() + "\n"
                                + floatProgram(name, 1000 + i),
                        e);
            }
        }
    }

    private static void checkLoops(Differentiated d, int i) {
        String name = "l" + i;
        for (Object[] args : points(name)) {
            check(d, name, args, () -> program(name, 5000 + i, true));
        }
    }
}
