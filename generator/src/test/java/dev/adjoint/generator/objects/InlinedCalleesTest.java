package dev.adjoint.generator.objects;

import static dev.adjoint.generator.objects.ObjectHarness.differentiates;
import static dev.adjoint.generator.objects.ObjectHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.generator.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Instance methods that a differentiated instance method may call only where their body replaces
 * the call: private ones, {@code void} ones (an update of the object), those returning an
 * {@code int} or an array, and those using a field the caller assigns. Oracles: the method itself (value,
 * object after), central differences over a fresh object per evaluation, both strategies.
 */
class InlinedCalleesTest {
    private static final List<String> BOTH = List.of("STATIC", "TAPE");

    /**
     * A private callee after calls that stay calls, in one expression ({@code -expectedReturn() +
     * 0.5 * variance() + penalty()}): what Java evaluates first moves into locals first, so the body
     * takes the call's place in order (it was an error: 'its body cannot replace the call').
     */
    @Test
    void aPrivateCalleeAfterCallsThatStayCalls() {
        differentiates("""
                private final double[] w = {0.3, 0.3, 0.4};
                private final double[] mu = {0.05, 0.1, 0.07};
                private double aversion = 2.0;

                double expectedReturn() {
                    double r = 0;
                    for (int i = 0; i < w.length; i++) {
                        r += w[i] * mu[i];
                    }
                    return r;
                }

                double variance() {
                    double v = 0;
                    for (int i = 0; i < w.length; i++) {
                        v += w[i] * w[i] * (0.1 + 0.05 * i);
                    }
                    return v;
                }

                private double penalty() {
                    double s = 0;
                    for (double x : w) {
                        s += x;
                    }
                    return 10 * (s - 1) * (s - 1);
                }

                @Differentiable(wrt = "this", strategy = Strategy.$S)
                double utility(double scale) {
                    return -expectedReturn() + 0.5 * aversion * variance() + scale * penalty();
                }
                """, "utility", new int[] {}, true, BOTH, 1e-6, new Object[] {1.5}, new Object[] {0.5});
    }

    @Test
    void privateVoidAndIntCalleesThatReadAndAssignFields() {
        differentiates(
                """
                private double[] w = {0.5, -0.25, 0.75};
                private double b = 0.1;
                int calls;

                private double dot(double[] x) {
                    double s = b;
                    for (int i = 0; i < w.length; i++) {
                        s += w[i] * x[i];
                    }
                    return s;
                }

                void update(double[] x, double g, double lr) {
                    for (int i = 0; i < w.length; i++) {
                        w[i] -= lr * g * x[i];
                    }
                    b -= lr * g;
                    calls++;
                }

                int count() {
                    return calls + 1;
                }

                @Differentiable(wrt = {"this", "x", "lr"}, strategy = Strategy.$S)
                double loss(double[] x, double lr) {
                    double z = dot(x);
                    double g = Math.tanh(z);
                    update(x, g, lr);
                    this.update(x, g * g, lr);
                    int k = count();
                    return dot(x) * k + b;
                }
                """,
                "loss",
                new int[] {0, 1},
                true,
                BOTH,
                1e-6,
                new Object[] {new double[] {1.0, 2.0, -0.5}, 0.1},
                new Object[] {new double[] {-0.4, 0.3, 1.2}, 0.3});
    }

    @Test
    void floatPrivateCalleeAssigningAFieldItThenReads() {
        differentiates("""
                private float s = 0.5f;

                private void decay(float x) {
                    s = s * 0.9f + x;
                }

                private float squared() {
                    return s * s;
                }

                @Differentiable(wrt = {"this", "x"}, strategy = Strategy.$S)
                float f(float x) {
                    decay(x);
                    decay(x * x);
                    return squared() + s;
                }
                """, "f", new int[] {0}, true, BOTH, 5e-2, new Object[] {0.7f});
    }

    @Test
    void aCalleeThatMustBeInlinedButStaysACallIsAnErrorAtTheCall() {
        List<Diagnostic> ds = ObjectHarness.errors(source("""
                double b = 0.5;

                void bump(double x) {
                    b += x;
                }

                @Differentiable
                double f(double x) {
                    double y = x;
                    while (y < 3 && count(y) > 0) {
                        y += x;
                    }
                    return y;
                }

                int count(double y) {
                    return y > 1 ? 1 : 0;
                }
                """, "AUTO"));
        List<Diagnostic> privateOne = ObjectHarness.errors(source("""
                double b = 0.5;

                private double scaled(double x) {
                    return b * x;
                }

                @Differentiable
                double f(double x) {
                    return x > 0 && scaled(x) > 1 ? x : 2 * x;
                }
                """, "AUTO"));
        assertEquals(1, privateOne.size(), privateOne.toString());
        assertTrue(
                privateOne.get(0).line() == 15
                        && privateOne.get(0).column() == 25
                        && privateOne.get(0).message().contains("a private method is not differentiated"),
                privateOne.toString());
        assertTrue(
                ds.stream()
                        .anyMatch(
                                d -> d.line() == 16
                                        && d.column() == 25
                                        && d.message()
                                                .contains(
                                                        "call to instance method 'count', which returns int, stays a call here")),
                ds.toString());
    }

    @Test
    void aPublicCalleeReturningAnArrayBecomesTheCallersLocal() {
        // before: "local array 'p' holds the array a call returns, which no strategy follows into the caller"
        differentiates("""
                double[] w = {0.2, -0.5, 0.3};
                double b = 0.1;
                double lambda = 0.1;

                double[] predict(double[][] X) {
                    double[] p = new double[X.length];
                    for (int i = 0; i < X.length; i++) {
                        double z = b;
                        for (int j = 0; j < w.length; j++) {
                            z += w[j] * X[i][j];
                        }
                        p[i] = 1 / (1 + Math.exp(-z));
                    }
                    return p;
                }

                @Differentiable(wrt = "this", strategy = Strategy.$S)
                double loss(double[][] X, int[] y) {
                    double[] p = predict(X);
                    double l = 0;
                    for (int i = 0; i < p.length; i++) {
                        l -= y[i] == 1 ? Math.log(p[i]) : Math.log(1 - p[i]);
                    }
                    return l / p.length + 0.5 * lambda * (w[0] * w[0] + w[1] * w[1]);
                }
                """, "loss", new int[] {}, true, BOTH, 1e-6, new Object[] {
            new double[][] {{1, 0.5, -0.2}, {0.3, -1, 0.8}, {-0.7, 0.2, 0.4}}, new int[] {1, 0, 1}
        });
    }
}
