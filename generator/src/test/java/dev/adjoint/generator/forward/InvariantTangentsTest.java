package dev.adjoint.generator.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.DoubleGrad;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.testing.Differentiated;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls in tangent terms moved out of loops ({@link InvariantTangents}): where the loop assigns
 * none of the call's operands, the call is made once before the outermost such loop; where it
 * assigns one (in the body, in a branch, in a do-while's head, in an enclosing loop), the call
 * stays inside. Each {@code Jvp} is checked against {@code ∇f·u} from the reverse-mode gradient,
 * so a call moved out of a loop that changes its operand gives a wrong tangent and fails.
 */
class InvariantTangentsTest {
    private static final String SOURCE = """
            package fwd;

            import dev.adjoint.Differentiable;

            public class Invariant {
                @Differentiable
                public static double moved(double[] x, double w) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * Math.sin(w);
                        s -= Math.sin(w) * x[i] * x[i];
                    }
                    return s;
                }

                @Differentiable
                public static double powers(double[] x, double w, double v) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += Math.pow(v, w) * x[i];
                    }
                    return s;
                }

                @Differentiable
                public static double outermost(double[] x, double w, double v) {
                    double h = v * w;
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            s += x[i] * Math.cos(h) * x[j];
                        }
                    }
                    return s;
                }

                @Differentiable
                public static double stepped(double[] x, double w) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * Math.sin(w);
                        w = w * 0.9 + x[i];
                    }
                    return s;
                }

                @Differentiable
                public static double branch(double[] x, double w) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * Math.sinh(w);
                        if (x[i] > 0) {
                            w = w - x[i];
                        }
                    }
                    return s;
                }

                @Differentiable
                public static double head(double[] x, double w) {
                    double s = 0;
                    int i = 0;
                    do {
                        s += x[i] * Math.atan(w) * Math.sin(w);
                        w = w + x[i];
                        i++;
                    } while (i < x.length);
                    return s;
                }

                @Differentiable
                public static double innerOnly(double[] x, double w) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            s += x[j] * Math.cos(w);
                        }
                        w = w * x[i];
                    }
                    return s;
                }

                @Differentiable
                public static double noIteration(double[] x, double w) {
                    double s = w;
                    for (int i = 0; i < x.length; i++) {
                        s += Math.pow(w, x[i]);
                    }
                    return s;
                }
            }
            """;

    private static final Differentiated D = Differentiated.of("fwd.Invariant", SOURCE, Options.DEFAULT);

    /** {@code nameJvp} along {@code u} against {@code ∇f·u} from {@code nameGrad}. */
    private static void check(String name, Object[] args, Object[] u) {
        double[] g = D.grad(name, Differentiated.copyArguments(args)).gradient();
        double[] uf = Arrays.stream(u)
                .flatMapToDouble(o -> o instanceof double[] a
                        ? Arrays.stream(a)
                        : java.util.stream.DoubleStream.of(((Number) o).doubleValue()))
                .toArray();
        double want = 0;
        double scale = 0;
        for (int i = 0; i < g.length; i++) {
            want += g[i] * uf[i];
            scale += Math.abs(g[i] * uf[i]);
        }
        Object[] call = Arrays.copyOf(Differentiated.copyArguments(args), args.length + u.length + 1);
        System.arraycopy(u, 0, call, args.length, u.length);
        DoubleGrad cell = new DoubleGrad(5);
        call[call.length - 1] = cell;
        D.invokeGenerated(name, name + "Jvp", call);
        assertEquals(want, cell.get(), 1e-13 * Math.max(1, scale), name + ": Jvp against the gradient along u");
    }

    /** The lines of {@code nameJvp}, trimmed. */
    private static List<String> jvp(String name) {
        String code = D.translation().generated().get("fwd.InvariantAdjoint");
        int from = code.indexOf(name + "Jvp(");
        return code.substring(from, code.indexOf("tout.set", from))
                .lines()
                .map(String::trim)
                .toList();
    }

    /** Index of the first line that starts with {@code prefix}, or -1. */
    private static int first(List<String> lines, String prefix) {
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith(prefix)) {
                return k;
            }
        }
        return -1;
    }

    /** Index of the first line mentioning {@code text} (as a term), or -1. */
    private static int mentioning(List<String> lines, String text) {
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).indexOf(text) >= 0) {
                return k;
            }
        }
        return -1;
    }

    private static final double[] X = {0.3, -1.1, 2.0, 0.7};
    private static final double[] UX = {-0.5, 0.25, 0.9, -0.35};

    @Test
    void callOfUnchangedOperandsIsMadeOnceBeforeTheLoop() {
        List<String> lines = jvp("moved");
        int cos = mentioning(lines, "Math.cos(w)");
        assertTrue(cos >= 0 && cos < first(lines, "while"), "cos(w) before the loop:\n" + String.join("\n", lines));
        // (two statements' tangents call it: one call)
        assertEquals(
                1, lines.stream().filter(l -> l.indexOf("Math.cos(w)") >= 0).count(), String.join("\n", lines));
        check("moved", new Object[] {X, 0.4}, new Object[] {UX, 0.8});
    }

    @Test
    void callInATermThatReadsTheResultIsMovedAlone() {
        List<String> lines = jvp("powers");
        int loop = first(lines, "while");
        for (String call : List.of("Math.log(v)", "Math.pow(v, w - 1)")) {
            int at = mentioning(lines, call);
            assertTrue(at >= 0 && at < loop, call + " before the loop:\n" + String.join("\n", lines));
        }
        check("powers", new Object[] {X, 0.4, 1.7}, new Object[] {UX, 0.8, -0.3});
    }

    @Test
    void callInvariantInNestedLoopsGoesBeforeTheOutermost() {
        List<String> lines = jvp("outermost");
        int sin = mentioning(lines, "Math.sin(h)");
        assertTrue(sin >= 0 && sin < first(lines, "while"), "sin(h) before both loops:\n" + String.join("\n", lines));
        check("outermost", new Object[] {X, 0.4, -1.3}, new Object[] {UX, 0.8, 0.6});
    }

    @Test
    void callStaysInALoopThatAssignsItsOperand() {
        for (String name : List.of("stepped", "branch", "head")) {
            check(name, new Object[] {X, 0.4}, new Object[] {UX, 0.8});
            List<String> lines = jvp(name);
            int loop = first(lines, "while");
            int term = mentioning(lines, name.equals("branch") ? "Math.cosh(w)" : "Math.cos(w)");
            assertTrue(loop >= 0 && term > loop, name + ": the call inside the loop:\n" + String.join("\n", lines));
        }
    }

    @Test
    void callInvariantInTheInnerLoopOnlyGoesBeforeIt() {
        check("innerOnly", new Object[] {X, 0.4}, new Object[] {UX, 0.8});
        List<String> lines = jvp("innerOnly");
        int outer = first(lines, "while");
        int inner = first(lines.subList(outer + 1, lines.size()), "while") + outer + 1;
        int sin = mentioning(lines, "Math.sin(w)");
        assertTrue(outer < sin && sin < inner, "sin(w) between the loops:\n" + String.join("\n", lines));
    }

    @Test
    void loopWithoutIterationsLeavesTheTangentAlone() {
        check("noIteration", new Object[] {new double[0], 0.4}, new Object[] {new double[0], 0.8});
        check("noIteration", new Object[] {X, 1.4}, new Object[] {UX, 0.8});
    }
}
