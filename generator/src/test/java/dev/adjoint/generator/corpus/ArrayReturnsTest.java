package dev.adjoint.generator.corpus;

import static dev.adjoint.generator.corpus.ReproHarness.exact;
import static dev.adjoint.generator.corpus.ReproHarness.rejected;
import static dev.adjoint.generator.corpus.ReproHarness.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Arrays returned from several places, each built in place with the same number of values
 * ({@code if (h > 1) return new double[] {a, b}; return new double[] {c, d};}), in a helper that is
 * inlined and in a {@code @Differentiable} method that is called (issue 15: small vectors returned
 * from branches). Both strategies take them ({@code desugar/ArrayReturns}: one array created first,
 * filled and returned by each {@code return}), and arrays of different lengths, each new in the call
 * ({@code desugar/ResultVariable}: one variable each {@code return} assigns); checked with {@link ReproHarness#exact}: the method's
 * value and side effects, central differences, static against tape, and the float twin.
 */
class ArrayReturnsTest {

    @Test
    void aHelperReturningVectorsBuiltInPlaceFromBranchesAndALoop() {
        String body = """
                static double[] approx(double r, double t) {
                    if (r < 0) {
                        return new double[] {-r * (1 - t * t / 2), -r * t};
                    }
                    for (int k = 0; k < 3; k++) {
                        if (t > k + 1) {
                            return new double[] {r / (1 + t - k), r * k};
                        }
                    }
                    return new double[] {r * (1 - t * t / 2), r * t / (1 + t * t)};
                }

                @Differentiable(strategy = Strategy.$S)
                static double f(double[] w, double t) {
                    double[] p = approx(w[0], t);
                    double[] q = approx(w[1] * p[1], t * w[0]);
                    return p[0] * q[1] + q[0] * q[0];
                }
                """;
        exact(
                body,
                "f",
                new Object[] {new double[] {0.7, -0.4}, 0.3},
                new Object[] {new double[] {-0.8, 1.3}, 0.6},
                new Object[] {new double[] {1.1, 0.9}, 2.4});
    }

    @Test
    void aDifferentiableMethodReturningVectorsFromBranchesCalledAndComposed() {
        String body = """
                @Differentiable(strategy = Strategy.$S)
                static double[] clampStep(double[] y, double h) {
                    if (h * y[0] > 1) {
                        return new double[] {1, y[1] + h};
                    }
                    if (h * y[0] < -1) {
                        return new double[] {-1, y[1] - h * y[1]};
                    }
                    return new double[] {h * y[0], y[1] / (1 + h)};
                }

                @Differentiable(strategy = Strategy.$S)
                static double g(double[] y, double h) {
                    double[] a = clampStep(y, h);
                    double[] b = clampStep(a, h / 2);
                    return a[0] * b[1] + b[0];
                }
                """;
        exact(
                body,
                "g",
                new Object[] {new double[] {0.3, 0.8}, 0.5},
                new Object[] {new double[] {2.5, 0.8}, 0.9},
                new Object[] {new double[] {-3.0, 1.7}, 0.7});
    }

    @Test
    void aLocalArrayOfTheSameLiteralLengthJoinsTheReturnsBuiltInPlace() {
        // (the local's elements are copied into the one array created first: the helper is inlined)
        exact("""
                static double[] steps(double[] y, double h) {
                    if (h > 1) {
                        return new double[] {y[0], y[1]};
                    }
                    double[] z = new double[2];
                    z[0] = y[0] + h * y[1];
                    z[1] = y[1] - h * y[0];
                    return z;
                }

                @Differentiable(strategy = Strategy.$S)
                static double run(double[] y0, double h) {
                    double[] y = steps(y0, h);
                    return y[0] * y[1];
                }
                """, "run", new Object[] {new double[] {0.3, 0.8}, 0.5}, new Object[] {new double[] {-0.6, 1.2}, 1.7});
    }

    @Test
    void aLocalArrayOfRunTimeLengthBesideAReturnBuiltInPlaceIsOneVariable() {
        // (desugar/ResultVariable: z is declared first, and the first return assigns it its array; the helper is
        // inlined, under both strategies)
        exact(
                """
                static double[] steps(double[] y, double h) {
                    if (h > 1) {
                        return new double[] {y[0], y[1]};
                    }
                    double[] z = new double[y.length];
                    for (int i = 0; i < z.length; i++) {
                        z[i] = y[i] + h * y[(i + 1) % y.length];
                    }
                    return z;
                }

                @Differentiable(strategy = Strategy.$S)
                static double run(double[] y0, double h) {
                    double[] y = steps(y0, h);
                    return y[0] * y[y.length - 1];
                }
                """,
                "run",
                new Object[] {new double[] {0.3, 0.8, -0.4}, 0.5},
                new Object[] {new double[] {-0.6, 1.2, 0.7}, 1.7});
    }

    @Test
    void twoLocalArraysReturnedAreCopiedIntoOneVariable() {
        // (desugar/ResultVariable: each return copies its local into one fresh array; the helper is inlined)
        exact("""
                static double[] steps(double[] y, double h) {
                    double[] a = new double[y.length];
                    double[] z = new double[y.length + 1];
                    a[0] = y[0] * h;
                    z[0] = y[0] + h * y[1];
                    z[1] = y[1] - h * y[0];
                    if (h > 1) {
                        return a;
                    }
                    return z;
                }

                @Differentiable(strategy = Strategy.$S)
                static double run(double[] y0, double h) {
                    double[] y = steps(y0, h);
                    return y[0] * y[1] + y.length;
                }
                """, "run", new Object[] {new double[] {0.3, 0.8, -0.4}, 0.5}, new Object[] {new double[] {-0.6, 1.2}, 1.7
        });
    }

    @Test
    void aSecondNameForTheReturnedLocalKeepsItsArrayAndGoesToTheTape() {
        // z names r's array: made one variable that the first return assigns a new array, r would be an
        // array assigned again with a second name, an error for both strategies; ResultVariable leaves the
        // method as written, which AUTO sends to the tape (r is returned beside a created array)
        String body = """
                @Differentiable(strategy = Strategy.$S)
                static double[] f(double[] x, int n) {
                    double[] r = new double[n];
                    double[] z = r;
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] * x[i];
                        if (z[i] > 4) {
                            return new double[] {z[i] * x[0]};
                        }
                    }
                    return r;
                }
                """;
        double[] seed = {0.7, -1.3, 0.4};
        for (String strategy : List.of("AUTO", "TAPE")) {
            Differentiated d = Differentiated.of("trust.Repro", source(body, strategy), Options.DEFAULT);
            for (double[] x : List.of(new double[] {0.3, -0.2, 0.5}, new double[] {0.3, 2.5, 0.5})) {
                double[] value = (double[]) d.invokeOriginal("f", x.clone(), 3);
                double[] g = new double[3];
                double[] got = (double[]) d.invokeVjp(
                        "f", new Object[] {x.clone(), 3}, Arrays.copyOf(seed, value.length), new Object[] {g});
                assertArrayEquals(value, got, strategy);
                for (int j = 0; j < x.length; j++) {
                    double[] up = x.clone();
                    double[] down = x.clone();
                    up[j] += 1e-6;
                    down[j] -= 1e-6;
                    double[] fu = (double[]) d.invokeOriginal("f", up, 3);
                    double[] fd = (double[]) d.invokeOriginal("f", down, 3);
                    double cd = 0;
                    for (int i = 0; i < value.length; i++) {
                        cd += seed[i] * (fu[i] - fd[i]) / 2e-6;
                    }
                    assertEquals(cd, g[j], 1e-6, strategy + " d/dx" + j + " at " + Arrays.toString(x));
                }
            }
        }
    }

    @Test
    void anInputArrayReturnedBesideALocalStaysAnErrorInTheHelper() {
        // (the caller would get its own array back: no one array to create first; the helper is then called, not
        // inlined, and its own errors stand at its lines)
        String body = """
                static double[] steps(double[] y, double h) {
                    double[] z = new double[y.length];
                    z[0] = y[0] + h * y[1];
                    z[1] = y[1] - h * y[0];
                    if (h > 1) {
                        return y;
                    }
                    return z;
                }

                @Differentiable(strategy = Strategy.$S)
                static double run(double[] y0, double h) {
                    double[] y = steps(y0, h);
                    return y[0] * y[1];
                }
                """;
        for (String strategy : List.of("AUTO", "TAPE", "STATIC")) {
            List<Diagnostic> errors = rejected(
                    body,
                    "holds the array 'steps(y0, h)' returns, a call the generator does not inline",
                    List.of(strategy));
            assertTrue(
                    errors.stream().noneMatch(d -> d.message().contains("stepsValue")),
                    strategy + ": no error names the inliner's own variable: " + errors);
        }
    }
}
