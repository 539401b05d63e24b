package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AutoGrad.jl's tests (github.com/denizyuret/AutoGrad.jl {@code test/}, Knet's AD): {@code rosenbrock.jl}'s
 * {@code b0} and {@code b1sum} (the sum of the hand-written gradient, whose gradient is the Hessian's row sums),
 * {@code highorder.jl}'s derivatives of {@code sin}, {@code exp(x*x)} and {@code tanh} with their second derivatives
 * (published as Hessian products) and its softmax {@code _nll(w*x .+ b, y)}, and {@code core.jl}'s {@code sin(sqrt
 * x)}, the tuple {@code f(x) = (x1 = sum(x); x2 = 2x; x1)} and issue 106's three-layer {@code exp(-x)} network.
 */
final class AutoGradKnetFunctions {
    private AutoGradKnetFunctions() {}

    private static final Map<String, List<HvpChecks.Published>> HESSIANS = new HashMap<>();

    static Map<String, List<HvpChecks.Published>> hessians() {
        all();
        return Map.copyOf(HESSIANS);
    }

    static Ported of(String file, String method, String body, Object[]... points) {
        return new Ported(
                "autograd." + file + "." + method,
                "denizyuret/AutoGrad.jl test/" + file + ".jl",
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static void hessian(String file, String method, double[] direction, double[] hv, Object... args) {
        HESSIANS.computeIfAbsent("autograd." + file + "." + method, k -> new ArrayList<>())
                .add(new HvpChecks.Published(direction, hv, 1e-14, args));
    }

    static List<Ported> all() {
        HESSIANS.clear();
        List<Ported> l = new ArrayList<>();
        l.add(of("rosenbrock", "b0", """
                // b0(x) = sum(map((i, j) -> (1 - j)^2 + 10 (i - j^2)^2, x[2:end], x[1:end-1]))
                @Differentiable
                static double b0(double[] x) {
                    double s = 0;
                    for (int k = 1; k < x.length; k++) {
                        double i = x[k];
                        double j = x[k - 1];
                        s += (1 - j) * (1 - j) + 10 * (i - j * j) * (i - j * j);
                    }
                    return s;
                }
                """, p((Object) d(-0.6, 1.3)), p((Object) d(0.4, -1.2, 0.9)))
                .publishes(d(0, 0), 0, (Object) d(1, 1)));
        l.add(of("rosenbrock", "b1sum", """
                // b1sum(x) = sum(grad(b0)(x)), the gradient written out by hand: ∂/∂x[k-1] gets -2 (1 - j) - 40 j (i - j^2),
                // ∂/∂x[k] gets 20 (i - j^2)
                @Differentiable
                static double b1sum(double[] x) {
                    double[] g = new double[x.length];
                    for (int k = 1; k < x.length; k++) {
                        double i = x[k];
                        double j = x[k - 1];
                        g[k - 1] += -2 * (1 - j) - 40 * j * (i - j * j);
                        g[k] += 20 * (i - j * j);
                    }
                    double s = 0;
                    for (double v : g) {
                        s += v;
                    }
                    return s;
                }
                """, p((Object) d(-0.6, 1.3)), p((Object) d(0.4, -1.2, 0.9)))
                // at (1, 1): the Hessian [[82, -40], [-40, 20]]'s column sums
                .publishes(d(42, -20), 1e-15, (Object) d(1, 1)));
        l.add(of("highorder", "sine", """
                // g1 = grad(sin); g1(1) == cos(1), g2(1) == -sin(1)
                @Differentiable
                static double sine(double x) {
                    return Math.sin(x);
                }
                """, p(1.0), p(-2.3)).publishes(d(Math.cos(1)), 0, 1.0));
        hessian("highorder", "sine", d(1), d(-Math.sin(1)), 1.0);
        l.add(of("highorder", "expSquare", """
                // issue 44: f(x) = exp(x * x); f(1) ≈ grad(f)(1) / 2 ≈ grad(grad(f))(1) / 6
                @Differentiable
                static double expSquare(double x) {
                    return Math.exp(x * x);
                }
                """, p(1.0), p(-0.4)).publishes(d(2 * Math.E), 1e-15, 1.0));
        hessian("highorder", "expSquare", d(1), d(6 * Math.E), 1.0);
        double t = Math.tanh(1);
        l.add(of("highorder", "tanh", """
                // issue 62: grad(tanh)(1) == 1 - tanh(1)^2, grad(grad(tanh))(1) == -2 tanh(1) (1 - tanh(1)^2)
                @Differentiable
                static double tanh(double x) {
                    return Math.tanh(x);
                }
                """, p(1.0), p(0.3)).publishes(d(1 - t * t), 1e-15, 1.0));
        hessian("highorder", "tanh", d(1), d(-2 * t * (1 - t * t)), 1.0);
        l.add(of("highorder", "expIdentity", """
                // issue 44: exp(1) == grad(exp)(1) == grad(grad(exp))(1)
                @Differentiable
                static double expIdentity(double x) {
                    return Math.exp(x);
                }
                """, p(1.0)).publishes(d(Math.E), 0, 1.0));
        hessian("highorder", "expIdentity", d(1), d(Math.E), 1.0);
        l.add(of(
                "highorder",
                "nll",
                """
                // Knet#439: _nll(p, y) = (p = exp.(p); p = p ./ sum(p, dims=1); p = p[1, :]; mean(-log.(p))) with
                // p = w * x .+ b, w (2, 3), x (3, 4): the first class's probability in each of x's four columns
                @Differentiable(wrt = {"w", "b"})
                static double nll(double[][] w, double[] b, double[][] x) {
                    int cols = x[0].length;
                    double s = 0;
                    for (int c = 0; c < cols; c++) {
                        double[] e = new double[w.length];
                        double sum = 0;
                        for (int r = 0; r < w.length; r++) {
                            double z = b[r];
                            for (int k = 0; k < x.length; k++) {
                                z += w[r][k] * x[k][c];
                            }
                            e[r] = Math.exp(z);
                            sum += e[r];
                        }
                        s -= Math.log(e[0] / sum);
                    }
                    return s / cols;
                }
                """,
                p(
                        m(d(0.3, -0.8, 0.5), d(1.1, 0.2, -0.4)),
                        d(0.1, -0.2),
                        m(d(0.9, -0.4, 0.6, 1.2), d(-0.3, 0.8, 0.1, -1.0), d(0.5, 0.25, -0.7, 0.4)))));
        l.add(of("core", "sinSqrt", """
                // grad((@diff sin(sqrt(x))), x): cos(sqrt x) / (2 sqrt x)
                @Differentiable
                static double sinSqrt(double x) {
                    return Math.sin(Math.sqrt(x));
                }
                """, p(0.7), p(2.5)).publishes(d(Math.cos(2) / 4), 1e-15, 4.0));
        l.add(of("core", "firstOfTuple", """
                // f(x) = (x1 = sum(x); x2 = 2x; x1): x2 is computed and dropped, the gradient is ones
                @Differentiable
                static double firstOfTuple(double[][] x) {
                    double x1 = 0;
                    double[][] x2 = new double[x.length][x[0].length];
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x[i].length; j++) {
                            x1 += x[i][j];
                            x2[i][j] = 2 * x[i][j];
                        }
                    }
                    return x1;
                }
                """, p((Object) m(d(0.3, 0.9, 0.1), d(0.5, 0.2, 0.7))))
                .publishes(d(1, 1, 1, 1, 1, 1), 0, (Object) m(d(0.3, 0.9, 0.1), d(0.5, 0.2, 0.7))));
        l.add(of("core", "neuralNet", """
                // issue 106: three layers x = sum(mparams[i] .* [X[i], 1]), y = exp(-x); the loss
                // sum(abs2, X[end] - y) / 2; the derivatives h′ the test collects are recomputed, not used
                @Differentiable(wrt = "mparams")
                static double neuralNet(double[][] mparams, double input, double target) {
                    double x = input;
                    for (double[] p : mparams) {
                        double z = p[0] * x + p[1];
                        x = Math.exp(-z);
                    }
                    double r = x - target;
                    return r * r / 2;
                }
                """, p(m(d(0.4, -0.3), d(1.2, 0.5), d(-0.7, 0.9)), 0.6, -0.2)));
        l.add(of("core", "nestedConstantGrad", """
                // PR #75: grad(x -> x * grad(y -> x + y)(1x))(5.0) == 1; the inner gradient is the constant 1
                // (∂(x + y)/∂y), which a Java programmer writes out
                @Differentiable
                static double nestedConstantGrad(double x) {
                    double inner = 1.0;
                    return x * inner;
                }
                """, p(5.0)).publishes(d(1), 0, 5.0));
        return l;
    }
}
