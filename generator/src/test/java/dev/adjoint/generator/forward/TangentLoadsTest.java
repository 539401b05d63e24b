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
 * Array elements a storing loop of the {@code Jvp} neither writes nor moves, loaded once before the
 * loop ({@link TangentLoads}): GMM's triangular product and its tangent, and the loops that must
 * keep their loads (the element's array written in the loop, its index moving, a caller's array
 * written in place, which another parameter may name). Each {@code Jvp} is checked against
 * {@code ∇f·u} from the reverse-mode gradient, and against the {@code Jvp} with the optimisation
 * off, which must agree to the bit (the same values are loaded).
 */
class TangentLoadsTest {
    private static final String SOURCE = """
            package fwd;

            import dev.adjoint.Differentiable;

            public class Loads {
                @Differentiable(wrt = {"q", "mu"})
                public static double triangular(double[] q, double[] mu, double[] x, int d) {
                    double[] xc = new double[d];
                    double[] z = new double[d];
                    for (int j = 0; j < d; j++) {
                        xc[j] = x[j] - mu[j];
                        z[j] = xc[j];
                    }
                    int li = 0;
                    for (int a = 0; a < d; a++) {
                        for (int b = a + 1; b < d; b++) {
                            z[b] += q[li] * xc[a];
                            li++;
                        }
                    }
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += z[j] * z[j];
                    }
                    return s;
                }

                @Differentiable(wrt = {"w"})
                public static double rewritten(double[] w, int n) {
                    double[] v = new double[n];
                    double s = 0;
                    for (int a = 0; a < n; a++) {
                        for (int b = 0; b < n; b++) {
                            v[b] = v[b] * 0.5 + w[a] * w[b];
                            v[a] = v[a] + w[b];
                        }
                        s += v[a] * v[a];
                    }
                    return s;
                }

                @Differentiable(wrt = {"w", "y"})
                public static double inPlace(double[] w, double[] y) {
                    double s = 0;
                    for (int a = 0; a < y.length; a++) {
                        for (int b = 0; b < y.length; b++) {
                            y[b] = y[b] * w[a] + w[0];
                        }
                        s += y[a] * y[a];
                    }
                    return s;
                }
            }
            """;

    private static final Differentiated D = Differentiated.of("fwd.Loads", SOURCE, Options.DEFAULT);
    private static final Differentiated OFF =
            Differentiated.of("fwd.Loads", SOURCE, Options.disabling("invariantLoads"));

    /** {@code nameJvp} along {@code u}: against {@code ∇f·u} from {@code nameGrad}, and bitwise against the Jvp without the rule. */
    private static void check(String name, Object[] args, Object[] u) {
        double[] g = D.grad(name, Differentiated.copyArguments(args)).gradient();
        double[] uf = Arrays.stream(u)
                .flatMapToDouble(o -> Arrays.stream((double[]) o))
                .toArray();
        double want = 0;
        double scale = 0;
        for (int i = 0; i < g.length; i++) {
            want += g[i] * uf[i];
            scale += Math.abs(g[i] * uf[i]);
        }
        double got = jvp(D, name, args, u);
        assertEquals(want, got, 1e-13 * Math.max(1, scale), name + ": Jvp against the gradient along u");
        assertEquals(jvp(OFF, name, args, u), got, 0.0, name + ": the same tangent without the hoisted loads");
    }

    private static double jvp(Differentiated d, String name, Object[] args, Object[] u) {
        Object[] call = Arrays.copyOf(Differentiated.copyArguments(args), args.length + u.length + 1);
        System.arraycopy(u, 0, call, args.length, u.length);
        DoubleGrad cell = new DoubleGrad(5);
        call[call.length - 1] = cell;
        d.invokeGenerated(name, name + "Jvp", call);
        return cell.get();
    }

    /** The lines of {@code nameJvp}, trimmed. */
    private static List<String> jvp(String name) {
        String code = D.translation().generated().get("fwd.LoadsAdjoint");
        int from = code.indexOf(name + "Jvp(");
        return code.substring(from, code.indexOf("tout.set", from))
                .lines()
                .map(String::trim)
                .toList();
    }

    private static String shown(List<String> lines) {
        return String.join("\n", lines);
    }

    /** What the hoisted loads' locals are declared as ({@code b < d ? xc[a] : 0.0} of {@code double _xc_a = ...}). */
    private static List<String> hoisted(List<String> lines) {
        return lines.stream()
                .filter(l -> l.startsWith("double _") && l.indexOf(" ? ") > 0 && l.endsWith(": 0.0;"))
                .map(l -> l.substring(l.indexOf(" = ") + 3))
                .toList();
    }

    @Test
    void theTriangularProductsElementsAreLoadedOncePerColumn() {
        List<String> lines = jvp("triangular");
        List<String> loads = hoisted(lines);
        // xc[a] for the value and the tangent's q̇·xc[a], ẋc[a] for the tangent's ẋc[a]·q
        assertEquals(List.of("b < d ? xc[a] : 0.0;", "b < d ? _dot_xc[a] : 0.0;"), loads, shown(lines));
        int inner = lines.indexOf("while (b < d) {");
        assertTrue(
                inner > 0
                        && lines.subList(0, inner).stream()
                                        .filter(l -> l.endsWith(" = b < d ? _dot_xc[a] : 0.0;"))
                                        .count()
                                == 1,
                shown(lines));
        assertTrue(
                lines.subList(inner, lines.size()).stream().noneMatch(l -> !l.startsWith("//") && l.contains("xc[a]")),
                "no load of xc[a] or ẋc[a] left in the inner loop:\n" + shown(lines));
        double[] x = {0.3, -1.1, 2.0, 0.7};
        check(
                "triangular",
                new Object[] {new double[] {0.5, -0.2, 0.9, 1.3, -0.7, 0.4}, new double[] {0.1, 0.2, -0.3, 0.4}, x, 4},
                new Object[] {new double[] {-0.5, 0.25, 0.9, -0.35, 0.6, 0.1}, new double[] {0.7, -0.2, 0.3, -0.8}});
        // a loop that runs no iteration (d = 1: the inner loop never runs, xc[1] would not exist)
        check("triangular", new Object[] {new double[0], new double[] {0.1}, new double[] {0.4}, 1}, new Object[] {
            new double[0], new double[] {0.7}
        });
    }

    @Test
    void anElementTheLoopWritesStaysInside() {
        List<String> lines = jvp("rewritten");
        // w[a] (read only) moves; v[a] and v̇[a], written in the inner loop, stay
        assertEquals(List.of("b < n ? w[a] : 0.0;", "b < n ? tw[a] : 0.0;"), hoisted(lines), shown(lines));
        assertTrue(lines.stream().anyMatch(l -> l.indexOf("= v[a]") >= 0), shown(lines));
        check("rewritten", new Object[] {new double[] {0.3, -0.6, 0.8}, 3}, new Object[] {new double[] {0.2, 0.9, -0.4}
        });
    }

    @Test
    void aLoopWritingACallersArrayKeepsTheLoadsOfCallersArrays() {
        // y is the caller's and may be w: w[a] and w[0] are read again after each store to y
        List<String> lines = jvp("inPlace");
        assertEquals(List.of(), hoisted(lines), shown(lines));
        check("inPlace", new Object[] {new double[] {0.9, -0.6, 0.8}, new double[] {0.3, 0.5, -0.2}}, new Object[] {
            new double[] {0.2, 0.9, -0.4}, new double[] {-0.1, 0.3, 0.6}
        });
    }
}
