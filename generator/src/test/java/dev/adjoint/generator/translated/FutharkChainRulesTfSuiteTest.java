package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Futhark's AD tests ({@link FutharkFunctions}, {@link FutharkPrograms}), ChainRules.jl's rule tests ({@link ChainRulesFunctions}) and
 * TensorFlow's gradient tests ({@link TensorFlowFunctions}) and micrograd's ({@link MicrogradFunctions}) through {@link PortedHarness} with AUTO and
 * {@link HvpChecks}: each accepted function's {@code Vjp} (and the tape's) against central differences and each other,
 * its {@code Jvp} by the dot-product test, an array result's {@code nameJacobian} against central differences, a
 * scalar {@code double} one's {@code Hvp} against central differences of the gradient; and what the origins assert:
 * Futhark's Jacobians ({@code output} blocks, as {@code seedᵀ·J}), ChainRules' rules in closed form, TensorFlow's
 * gradients and its second derivatives ({@code testGradGrad}, {@code testHigherOrderGradient}) as Hessian products.
 * At a tie of {@code Math.max}/{@code Math.min} the generator splits the derivative evenly (README), where Futhark
 * gives it to the first operand; the suite asserts the split and says so where Futhark's value differs.
 * <p>
 * Outcomes today: 101 functions (33 Futhark, 28 ChainRules, 32 TensorFlow, 3 micrograd, 5 findings), 99 static, 2
 * rejected on purpose ({@code Math.nextAfter}, which has no derivative rule; a row of a local returned through an
 * alias, whose error now names the copy that works). The table is written to
 * {@code target/futhark-chainrules-tf-suite.md} (a copy is in README.md next to this class).
 */
class FutharkChainRulesTfSuiteTest {

    static List<Ported> all() {
        List<Ported> fns = new ArrayList<>(FutharkFunctions.all());
        fns.addAll(FutharkPrograms.all());
        fns.addAll(ChainRulesFunctions.all());
        fns.addAll(TensorFlowFunctions.all());
        fns.addAll(MicrogradFunctions.all());
        fns.addAll(literalArrayAssignments());
        fns.addAll(resizedParameters());
        fns.add(rowResult());
        return fns;
    }

    private static Ported finding(String method, String body, Object[]... points) {
        return new Ported(
                "finding.literalArrays." + method,
                "futhark tests/ad/reduce1.fut, as Java writes it: acc = mm2by2(acc, m) returning new float[] {...}",
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    /**
     * An array variable given {@code new double[] {...}} again (directly, or by an array-returning helper inlined):
     * rejected before ("the length of an array assigned is neither an expression of parameters"), now its length is
     * the count of values, each value computed before any element is written (a value may read the old array, as
     * Java's does), and lengths may differ between assignments.
     */
    static List<Ported> literalArrayAssignments() {
        return List.of(
                finding("swapper", """
                        @Differentiable
                        static double swapper(double[] x, int n) {
                            double[] a = {x[0], x[1]};
                            for (int i = 0; i < n; i++) {
                                a = new double[] {a[1] * x[2], a[0] + a[1]};
                            }
                            return a[0] * a[1] + a[1];
                        }
                        """, p(d(0.7, -1.3, 1.1), 3), p(d(0.4, 0.9, -0.6), 0)),
                finding("grow", """
                        @Differentiable
                        static double grow(double[] x, int n) {
                            double[] a = {x[0]};
                            double s = 0;
                            for (int i = 0; i < n; i++) {
                                s += a[a.length - 1] * x[1];
                                a = i % 2 == 0 ? new double[] {a[0] * x[1], a[0] + x[2]} : new double[] {a[1] * a[0]};
                            }
                            return s + a[0] + a.length;
                        }
                        """, p(d(0.7, -1.3, 1.1), 4), p(d(0.7, -1.3, 1.1), 3)));
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        return new HashMap<>(TensorFlowFunctions.hessians());
    }

    @TestFactory
    Stream<DynamicTest> futharkChainRulesTensorFlowFunctions() throws IOException {
        return PortedHarness.run(all(), "futhark-chainrules-tf-suite", new HvpChecks(hessians()));
    }

    /**
     * An array parameter assigned an array of another length ({@code x = t} with {@code t = new double[n]}, or
     * {@code x = new double[] {x[1], ...}} of a length-3 {@code x}): the generator threw a NullPointerException (a
     * stack trace from the annotation processor, no adjoint) looking for a for-each around the parameter's entry value,
     * which has no statement; now a local copy of each length, the caller's array left as it was.
     */
    static List<Ported> resizedParameters() {
        return List.of(
                new Ported(
                        "finding.resizedParameter.resized",
                        "a parameter array assigned a longer or shorter one (found translating Futhark's reduce1.fut)",
                        "resized",
                        """
                        @Differentiable
                        static double resized(double[] x, int n) {
                            double s = 0;
                            for (int i = 0; i < 3; i++) {
                                s += x[0] * x[x.length - 1];
                                double[] t = new double[n];
                                for (int k = 0; k < n; k++) {
                                    t[k] = x[k % x.length] * (k + 1);
                                }
                                x = t;
                            }
                            return s + x[n - 1];
                        }
                        """,
                        List.of(p(d(0.7, -1.3, 1.1), 2), p(d(0.7, -1.3, 1.1), 5)),
                        List.of(),
                        "static"),
                new Ported(
                        "finding.resizedParameter.shortened",
                        "a parameter array assigned new double[] {...} of another length",
                        "shortened",
                        """
                        @Differentiable
                        static double shortened(double[] x, int n) {
                            for (int i = 0; i < n; i++) {
                                x = new double[] {x[1], x[0] * x[1] + x.length};
                            }
                            return x[0] + x.length * x[x.length - 1];
                        }
                        """,
                        List.of(p(d(0.7, -1.3, 1.1), 3), p(d(0.7, -1.3, 1.1), 0)),
                        List.of(),
                        "static"));
    }

    /**
     * Futhark's {@code lotka_volterra.fut} Euler method as Java writes it, the states in a 2-D local and the last row
     * returned through a name ({@code double[] last = states[steps]; return last;}): rejected, as a row result is, but
     * the error told the user to "use an array variable by name", which they had done (the alias is replaced by the
     * row it names); it now also says to return a copy, {@code states[steps].clone()}, which is accepted.
     */
    static Ported rowResult() {
        return new Ported(
                "finding.rowResult.euler",
                "diku-dk/futhark tests/ad/lotka_volterra.fut:14 euler_method, the last state as a row of a local",
                "euler",
                """
                @Differentiable
                static double[] euler(double h, int steps, double prey0, double pred0, double a, double b, double c,
                        double d) {
                    double[][] states = new double[steps + 1][2];
                    states[0][0] = prey0;
                    states[0][1] = pred0;
                    for (int i = 0; i < steps; i++) {
                        double prey = states[i][0];
                        double pred = states[i][1];
                        states[i + 1][0] = prey + h * (a - b * pred) * prey;
                        states[i + 1][1] = pred + h * (c * prey - d) * pred;
                    }
                    double[] last = states[steps];
                    return last;
                }
                """,
                List.of(),
                List.of(),
                "rejected: states[steps].clone()");
    }
}
