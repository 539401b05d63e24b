package dev.adjoint.generator.corpus;

import static dev.adjoint.generator.corpus.ReproHarness.exact;
import static dev.adjoint.generator.corpus.ReproHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.testing.Differentiated;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A {@code switch} expression anywhere a value may stand (issue 15): an operand, a call's argument,
 * an index, a compound assignment's value, under {@code ?:}, {@code &&}, a loop's condition or update,
 * nested; each against the method's value and central differences with every strategy, static
 * against tape, and the float twin ({@link ReproHarness#exact}). The switch runs first, into a local,
 * and what Java evaluates before it is computed before it: an arm that assigns a variable read
 * earlier in the same expression leaves value and gradient as plain Java's.
 */
class SwitchExpressionsTest {

    private static final Object[][] K = {
        {0.7, 0}, {0.7, 1}, {-0.4, 2}, {1.3, 0},
    };

    @Test
    void anArmThatAssignsAVariableReadEarlierLeavesTheValueJavaReadFirst() {
        // y = a_old * switch + a_new: the switch's write to a is seen only after it
        exact("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int k) {
                    double a = x * x;
                    double y = a * switch (k) {
                        case 0 -> {
                            a *= Math.sin(x);
                            yield a + 1;
                        }
                        case 1 -> 2 * x;
                        default -> {
                            a = 3;
                            yield a * x;
                        }
                    } + a;
                    return y + a;
                }
                """, "f", K);
    }

    @Test
    void aCompoundAssignmentWhoseTargetAnArmAssignsAddsToTheOldValue() {
        exact("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int k) {
                    double s = x;
                    s += Math.sin(x) * switch (k) {
                        case 0 -> x * x;
                        case 1 -> {
                            s = 2 * x;
                            yield s;
                        }
                        default -> 2;
                    };
                    return s * x;
                }
                """, "f", K);
    }

    @Test
    void anElementUpdatedAtTheIndexJavaReadBeforeTheArmMovedIt() {
        exact(
                """
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] v, double x, int k) {
                    int i = 0;
                    v[i] *= switch (k) {
                        case 0 -> {
                            i = i + 1;
                            yield x * v[i];
                        }
                        default -> 2 * x;
                    };
                    v[i + 1] += x * switch (k) {
                        case 1 -> {
                            v[i + 1] = 3 * x;
                            yield v[i];
                        }
                        default -> v[2];
                    };
                    return v[0] + v[1] * x + v[2] + i;
                }
                """,
                "f",
                new Object[] {new double[] {0.5, -1.25, 2.0}, 0.75, 0},
                new Object[] {new double[] {0.5, -1.25, 2.0}, 0.75, 1},
                new Object[] {new double[] {1.5, 0.25, -2.0}, -0.5, 2});
    }

    @Test
    void argumentsIndicesAndNestedSwitchesWithAnArmThatWritesAnOperandsArray() {
        exact(
                """
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] x, int k, int j) {
                    double r = x[switch (k) {
                        case 0 -> 1;
                        case 1 -> {
                            int m = k + 1;
                            yield m;
                        }
                        default -> 0;
                    }] * x[0];
                    r += Math.tanh(x[1] + switch (k) {
                        case 0 -> 2 * switch (j) {
                            case 1 -> x[2];
                            default -> 1.0;
                        };
                        case 3 -> throw new IllegalArgumentException("k = 3");
                        default -> x[0] * x[2];
                    }) * Math.max(x[1], switch (j) {
                        case 0 -> 0.5;
                        default -> {
                            x[1] = x[0] * 3; // after Java read x[1] twice, as tanh's and max's operand
                            yield x[1] * x[2];
                        }
                    });
                    r += Math.pow(switch (j) { case 2 -> 1.5; default -> 2; }, x[0]);
                    return r;
                }
                """,
                "f",
                new Object[] {new double[] {0.5, -1.25, 2.0}, 0, 1},
                new Object[] {new double[] {0.5, -1.25, 2.0}, 1, 0},
                new Object[] {new double[] {1.5, 0.25, -2.0}, 2, 2});
    }

    @Test
    void underConditionalsAndShortCircuitsOnlyWhenJavaRunsIt() {
        // the arm that assigns c runs only when x > 0: c keeps its value otherwise
        exact("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int k) {
                    double c = x;
                    double y = 1;
                    y += (x > 0 ? switch (k) {
                        case 0 -> {
                            c = 2 * x;
                            yield x * x;
                        }
                        default -> Math.sin(x);
                    } : x);
                    if (x > 0.5 && switch (k) {
                        case 0 -> x > 1;
                        default -> {
                            c = c * x;
                            yield true;
                        }
                    }) {
                        y *= x;
                    }
                    boolean b = x < 0 || switch (k) { case 1 -> x > 1; default -> false; };
                    double r = b ? c : y;
                    r += (x > 0.5 ? y * switch (k) { case 1 -> 2.0; default -> x; } : c);
                    return x > 0.5 ? r * switch (k) { case 1 -> 2; default -> x; } : c;
                }
                """, "f", K);
    }

    @Test
    void inALoopsConditionAndUpdate() {
        exact("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int k) {
                    double t = 0;
                    int n = 0;
                    while (n < switch (k) { case 0 -> 3; default -> 2; }) {
                        t += x * n;
                        n++;
                    }
                    for (int i = 0; i < switch (k) {
                        case 1 -> 4;
                        default -> {
                            int m = k;
                            yield m + 1;
                        }
                    }; i += switch (k) { case 2 -> 2; default -> 1; }) {
                        t += Math.sin(t + x);
                    }
                    do {
                        t = t * 0.5f + x;
                        n--;
                    } while (n > switch (k) { case 0 -> 1; default -> 0; });
                    return t;
                }
                """, "f", K);
    }

    @Test
    void floatResultsAndAStaticallyImportedMath() {
        // issue 15's fuzz program: the results are 'tanh(...)' under 'import static java.lang.Math.*'
        String body = """
                @Differentiable(strategy = Strategy.$S)
                static double f(double[] x, int mode) {
                    double b = 0;
                    for (int i = 0; i < x.length; i++) {
                        b += 0.5 * tanh(switch (mode) {
                            case 0, 2 -> {
                                double t = x[i] * x[i];
                                yield tanh(0.25 + t * PI);
                            }
                            default -> cbrt(2 + x[i]) * 1.5f;
                        });
                    }
                    return b;
                }
                """;
        Object[][] points = {
            {new double[] {0.5, -1.25, 2.0}, 0}, {new double[] {0.5, -1.25, 2.0}, 1},
        };
        String header = "import static java.lang.Math.*;\n\nimport dev.adjoint.Adjoint;";
        Differentiated oracle =
                Differentiated.of("trust.Repro", withStaticImport(source(body, "STATIC"), header), Options.DEFAULT);
        for (String strategy : List.of("STATIC", "TAPE", "AUTO")) {
            for (String type : List.of("double", "float")) {
                Differentiated d = Differentiated.of(
                        "trust.Repro",
                        withStaticImport(source(body, strategy).replace("double", type), header),
                        Options.DEFAULT);
                for (Object[] p : points) {
                    Object[] at = type.equals("double") ? p : Differentiated.twinArgs(p);
                    if (type.equals("double")) {
                        d.assertGradient("f", d, "f", 1e-6, 1e-9, at);
                        double[] g =
                                d.vjp("f", 1.0, Differentiated.copyArguments(p)).gradient();
                        double[] o = oracle.vjp("f", 1.0, Differentiated.copyArguments(p))
                                .gradient();
                        for (int i = 0; i < g.length; i++) {
                            assertEquals(o[i], g[i], 1e-12 * Math.max(1, Math.abs(o[i])), strategy + " vs static");
                        }
                    } else {
                        d.assertGradient("f", oracle, "f", 1e-3, 1e-5, narrowed((double[]) p[0], p[1]));
                    }
                }
            }
        }
    }

    @Test
    void yieldsInsideTheBlocksOfACase() {
        exact(
                """
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int k) {
                    double b = 1;
                    b += 0.5 * Math.tanh(switch (k) {
                        case 0 -> {
                            if (x > 0) {
                                yield x * x;
                            }
                            double t = x;
                            for (int i = 0; i < 3; i++) {
                                t = t * 0.5f + x;
                                if (t > 1) {
                                    yield t;
                                }
                            }
                            yield -t;
                        }
                        default -> x;
                    });
                    double r = switch (k) {
                        case 1 -> {
                            if (x < 0) {
                                yield b * x;
                            }
                            yield b + x;
                        }
                        default -> b;
                    };
                    return switch (k) {
                        case 2 -> {
                            if (x > 1) {
                                yield r * x;
                            }
                            yield 2 * r;
                        }
                        default -> r;
                    };
                }
                """,
                "f",
                new Object[] {0.7, 0},
                new Object[] {-0.4, 0},
                new Object[] {-0.4, 1},
                new Object[] {0.7, 1},
                new Object[] {1.3, 2},
                new Object[] {0.4, 2});
    }

    @Test
    void whatStaysRejectedGivesOneErrorAtTheSwitch() {
        // a for update a continue jumps to: the update cannot end the body; the switch is the one error
        oneErrorAt("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int k) {
                    double t = 0;
                    for (int i = 0; i < 4; i += switch (k) { case 0 -> 1; default -> 2; }) {
                        if (i == 1) {
                            continue;
                        }
                        t += x * i;
                    }
                    return t;
                }
                """, 12, 37);
        // a second declarator may read the first: not run first
        oneErrorAt("""
                @Differentiable(strategy = Strategy.$S)
                static double f(double x, int k) {
                    double a = x, b = a * switch (k) { case 0 -> x; default -> 2.0; };
                    return a + b;
                }
                """, 11, 31);
    }

    /** With each strategy: exactly one error, the switch's, at {@code line}, {@code column}. */
    private static void oneErrorAt(String body, int line, int column) {
        for (String strategy : List.of("AUTO", "TAPE", "STATIC")) {
            Translation t = Pipeline.translate(
                    Map.of(Path.of("Repro.java"), source(body, strategy)), Optional.empty(), Options.DEFAULT);
            List<Diagnostic> errors =
                    t.diagnostics().stream().filter(Diagnostic::isError).toList();
            assertEquals(1, errors.size(), strategy + ": " + errors);
            assertTrue(errors.get(0).message().contains("'switch' expression"), errors.toString());
            assertEquals(
                    List.of(line, column),
                    List.of(errors.get(0).line(), errors.get(0).column()),
                    errors.toString());
        }
    }

    private static String withStaticImport(String source, String header) {
        return source.replace("import dev.adjoint.Adjoint;", header);
    }

    private static Object[] narrowed(double[] x, Object k) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return new Object[] {f, k};
    }
}
