package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * XAD's tests of whole functions and its samples (github.com/auto-differentiation/xad), written in Java: the
 * functions of {@code test/Hessian_test.cpp} (Hessians published) and {@code test/Jacobian_test.cpp} (Jacobians
 * published, as {@code seedᵀ·J} with the suite's seed 0.5, 0.75, ...), the loops of {@code PartialRollback_test.cpp}
 * and {@code Checkpointing_test.cpp} (the derivatives they compute by hand), the branch of {@code JITABool_test.cpp},
 * QuantLib's Heston cumulant {@code c4} of {@code test/COSHestonEngineExpr.hpp} (one long expression), the samples'
 * functions ({@code samples/common/functions.hpp}, {@code Hessian}, {@code Jacobian}), the swap pricer of
 * {@code samples/SwapPricer} (its discount-rate sensitivities in closed form) and the LIBOR swaption portfolio of
 * {@code samples/LiborSwaptionPricer} (Monte Carlo over paths and times, the path generator writing the rates in
 * place, the pathwise gradient with respect to delta, the volatilities and the initial rates).
 */
final class XadPrograms {
    private XadPrograms() {}

    private static final List<Ported> FNS = new ArrayList<>();
    private static final Map<String, List<HvpChecks.Published>> HESSIANS = new HashMap<>();

    static List<Ported> all() {
        return List.copyOf(FNS);
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        return Map.copyOf(HESSIANS);
    }

    private static Ported of(String file, String test, String method, String body, Object[]... points) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replaceAll("\\.(cpp|hpp)$", "");
        Ported fn = new Ported(
                "xad." + stem + "." + method,
                "auto-differentiation/xad " + file + ": " + test,
                method,
                body,
                List.of(points),
                List.of(),
                "static");
        FNS.add(fn);
        return fn;
    }

    private static void publish(Ported fn, double[] gradient, double tolerance, Object... args) {
        for (int i = 0; i < FNS.size(); i++) {
            if (FNS.get(i).id().equals(fn.id())) {
                FNS.set(i, FNS.get(i).publishes(gradient, tolerance, args));
            }
        }
    }

    /** The Hessian's columns {@code k} published at {@code x} (one array parameter). */
    private static void hessian(Ported fn, double[][] h, double[] x) {
        List<HvpChecks.Published> l = HESSIANS.computeIfAbsent(fn.id(), k -> new ArrayList<>());
        for (int k = 0; k < h.length; k++) {
            double[] e = new double[h.length];
            e[k] = 1;
            l.add(new HvpChecks.Published(e, h[k], 1e-12, new Object[] {x.clone()}));
        }
    }

    private static final String H = "test/Hessian_test.cpp";
    private static final String J = "test/Jacobian_test.cpp";

    static {
        Ported q = of(H, "QuadraticForwardAdjoint", "quadratic", """
                @Differentiable
                static double quadratic(double[] x) {
                    return x[0] * x[0] + x[1] * x[1];
                }
                """, p(d(3, 2)));
        hessian(q, new double[][] {d(2, 0), d(0, 2)}, d(3, 2));
        Ported single = of(H, "SingleInputForwardAdjoint", "cubic", """
                @Differentiable
                static double cubic(double[] x) {
                    return x[0] * x[0] * x[0] + x[0];
                }
                """, p(d(3)), p(d(-0.4)));
        publish(single, d(28), 0, d(3));
        hessian(single, new double[][] {d(18)}, d(3));
        Ported cf = of(
                H,
                "ComplexFunctionForwardAdjoint",
                "complexFunction",
                """
                @Differentiable
                static double complexFunction(double[] x) {
                    return x[0] * Math.sin(x[1]) + x[2] * Math.exp(x[3]);
                }
                """,
                p(d(1, 2, 3, 4)),
                p(d(-0.3, 0.8, 1.1, -0.5)));
        double e4 = Math.exp(4);
        hessian(
                cf,
                new double[][] {
                    d(0, Math.cos(2), 0, 0), d(Math.cos(2), -Math.sin(2), 0, 0), d(0, 0, 0, e4), d(0, 0, e4, 3 * e4)
                },
                d(1, 2, 3, 4));
        Ported p4 =
                of(H, "FourthOrderPolynomialForwardAdjoint", "fourthOrder", """
                @Differentiable
                static double fourthOrder(double[] x) {
                    return Math.pow(x[0], 4) + Math.pow(x[1], 4) + Math.pow(x[2], 4);
                }
                """, p(d(1, 2, 3)), p(d(-0.7, 0.4, 1.3)));
        hessian(p4, new double[][] {d(12, 0, 0), d(0, 48, 0), d(0, 0, 108)}, d(1, 2, 3));
        Ported tri = of(H, "HigherOrderInteractionForwardAdjoint", "product3", """
                @Differentiable
                static double product3(double[] x) {
                    return x[0] * x[1] * x[2];
                }
                """, p(d(1, 2, 3)));
        hessian(tri, new double[][] {d(0, 3, 2), d(3, 0, 1), d(2, 1, 0)}, d(1, 2, 3));
        Ported large = of(
                H,
                "LargeHessianForwardAdjoint",
                "largeHessian",
                """
                // sum x[i]^2 + sum_{i<j} x[i] * x[j]
                @Differentiable
                static double largeHessian(double[] x) {
                    double result = 0.0;
                    for (int i = 0; i < x.length; ++i) {
                        result += x[i] * x[i];
                    }
                    for (int i = 0; i < x.length; ++i) {
                        for (int j = i + 1; j < x.length; ++j) {
                            result += x[i] * x[j];
                        }
                    }
                    return result;
                }
                """,
                p(d(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)));
        double[][] h16 = new double[16][16];
        for (double[] row : h16) {
            java.util.Arrays.fill(row, 1);
        }
        for (int i = 0; i < 16; i++) {
            h16[i][i] = 2;
        }
        hessian(large, h16, d(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
        of("samples/Hessian/main.cpp", "main", "hessianSample", """
                @Differentiable
                static double hessianSample(double[] x) {
                    return Math.sin(x[0] * x[1]) - Math.cos(x[1] * x[2]) - Math.sin(x[2] * x[3]) - Math.cos(x[3] * x[0]);
                }
                """, p(d(1.0, 1.5, 1.3, 1.2)));
        // ---- Jacobians: seedᵀ·J with the seed 0.5, 0.75, 1.0, ...
        Ported simple = of(J, "SimpleAdjoint", "simpleJacobian", """
                @Differentiable
                static double[] simpleJacobian(double[] x) {
                    return new double[] {x[0] + Math.sin(x[1]), x[1] + Math.sin(x[0])};
                }
                """, p(d(3, 1)), p(d(-2, 1)));
        publish(simple, d(0.5 + 0.75 * Math.cos(3), 0.5 * Math.cos(1) + 0.75), 1e-15, d(3, 1));
        publish(simple, d(0.5 + 0.75 * Math.cos(-2), 0.5 * Math.cos(1) + 0.75), 1e-15, d(-2, 1));
        Ported complex = of(J, "ComplexFunctionAdjoint", "complexJacobian", """
                @Differentiable
                static double[] complexJacobian(double[] x) {
                    return new double[] {x[0] * x[1], x[2] * Math.exp(x[3])};
                }
                """, p(d(1, 2, 3, 4)));
        publish(complex, d(0.5 * 2, 0.5 * 1, 0.75 * e4, 0.75 * 3 * e4), 1e-15, d(1, 2, 3, 4));
        Ported wide = of(J, "DomainLargerThanCodomainAdjoint", "wideJacobian", """
                @Differentiable
                static double[] wideJacobian(double[] x) {
                    return new double[] {x[0] + x[1], x[2] * x[3]};
                }
                """, p(d(1, 2, 3, 4)));
        publish(wide, d(0.5, 0.5, 0.75 * 4, 0.75 * 3), 0, d(1, 2, 3, 4));
        Ported tall = of(J, "DomainSmallerThanCodomainAdjoint", "tallJacobian", """
                @Differentiable
                static double[] tallJacobian(double[] x) {
                    return new double[] {x[0] + x[1], x[0] - x[1], x[0] * x[1]};
                }
                """, p(d(2, 3)));
        publish(tall, d(0.5 + 0.75 + 1.0 * 3, 0.5 - 0.75 + 1.0 * 2), 0, d(2, 3));
        Ported square = of(J, "ComplexDomainNotEqualCodomainForwardIterator", "squareJacobian", """
                @Differentiable
                static double[] squareJacobian(double[] x) {
                    return new double[] {x[0] + x[1], x[1] * x[2], Math.exp(x[0])};
                }
                """, p(d(1, 2, 3)));
        publish(square, d(0.5 + Math.E, 0.5 + 0.75 * 3, 0.75 * 2), 1e-15, d(1, 2, 3));
        Ported trig = of(J, "TrigonometricFunctionForward", "trigJacobian", """
                @Differentiable
                static double[] trigJacobian(double[] x) {
                    return new double[] {Math.sin(x[0]), Math.cos(x[1])};
                }
                """, p(d(Math.PI / 4, Math.PI / 3)));
        publish(
                trig,
                d(0.5 * Math.cos(Math.PI / 4), -0.75 * Math.sin(Math.PI / 3)),
                1e-15,
                d(Math.PI / 4, Math.PI / 3));
        of("samples/Jacobian/main.cpp", "main", "jacobianSample", """
                @Differentiable
                static double[] jacobianSample(double[] x) {
                    return new double[] {
                        Math.sin(x[0] + x[1]), Math.sin(x[1] + x[2]), Math.cos(x[2] + x[3]), Math.cos(x[3] + x[0])
                    };
                }
                """, p(d(-1.0, 1.5, 1.3, 1.2)));
        // ---- samples/common/functions.hpp
        of("samples/common/functions.hpp", "f", "f", """
                @Differentiable
                static double f(double x0, double x1, double x2, double x3) {
                    double a = Math.sin(x0) * Math.cos(x1);
                    double b = x2 * x3 - Math.tan(x1 - x2);
                    double c = a + 2 * b;
                    return c * c;
                }
                """, p(1.0, 1.5, 1.3, 1.2), p(-0.4, 0.2, 0.9, 2.0));
        of("samples/common/functions.hpp", "f2", "f2", """
                @Differentiable
                static double[] f2(double x0, double x1, double x2, double x3) {
                    double a = Math.sin(x0) * Math.cos(x1);
                    double b = x2 * x3 - Math.tan(x1 - x2);
                    double c = a + 2 * b;
                    return new double[] {c * c, 4 * c + b};
                }
                """, p(1.0, 1.5, 1.3, 1.2));
        // ---- loops: checkpointing's repeated sine, partial rollback's paths
        Ported ck = of(
                "test/Checkpointing_test.cpp",
                "equidistantLoop",
                "checkpointed",
                """
                // x = sin(x) applied n times, in chunks of m (the checkpoints), as g(min(m, n - i), x)
                static double g(int n, double x) {
                    for (int i = 0; i < n; ++i) {
                        x = Math.sin(x);
                    }
                    return x;
                }

                @Differentiable
                static double checkpointed(int n, int m, double x) {
                    for (int i = 0; i < n; i += m) {
                        x = g(Math.min(m, n - i), x);
                    }
                    return x;
                }
                """,
                p(20, 3, 2.1),
                p(7, 7, -0.5),
                p(0, 2, 0.3));
        double x = 2.1;
        double dx = 1;
        for (int i = 0; i < 20; i++) {
            dx *= Math.cos(x);
            x = Math.sin(x);
        }
        publish(ck, d(dx), 1e-15, 20, 3, 2.1);
        Ported pr = of(
                "test/PartialRollback_test.cpp",
                "MultiDerivativesInComplexLoop",
                "rollback",
                """
                static double evaluate(int path, double val) {
                    return val * val * path + Math.exp(val);
                }

                @Differentiable
                static double rollback(double in, int p) {
                    double vt = evaluate(p, in);
                    double v = 2 * vt;
                    double unused = v * v;
                    return v;
                }
                """,
                p(2.0, 0),
                p(2.0, 3));
        for (int k = 0; k < 4; k++) {
            publish(pr, d(2 * (2 * 2.0 * k + Math.exp(2.0))), 1e-15, 2.0, k);
        }
        Ported nested = of(
                "test/PartialRollback_test.cpp",
                "MultiDerivativesInNestedLoop",
                "nestedRollback",
                """
                static double evaluate(int path, double val) {
                    return val * val * path + Math.exp(val);
                }

                @Differentiable
                static double nestedRollback(double r, double q, int p, int t, int[] intval, int tidx) {
                    double rpt = q * p * Math.exp(-r * (double) t);
                    return evaluate(intval[tidx], rpt);
                }
                """,
                p(0.3, 0.4, 3, 2, new int[] {1, 2, 3, 4}, 1),
                p(0.3, 0.4, 4, 4, new int[] {1, 2, 3, 4}, 3));
        for (int pp = 0; pp < 5; pp++) {
            for (int t = 0; t < 5; t += 2) {
                for (int k = 0; k < 4; k += 3) {
                    double rpt = 0.4 * pp * Math.exp(-0.3 * t);
                    double dvdrpt = 2 * rpt * (k + 1) + Math.exp(rpt);
                    double dr = 0.4 * pp * -t * Math.exp(-0.3 * t);
                    double dq = pp * Math.exp(-0.3 * t);
                    publish(nested, d(dvdrpt * dr, dvdrpt * dq), 1e-14, 0.3, 0.4, pp, t, new int[] {1, 2, 3, 4}, k);
                }
            }
        }
        Ported branch = of("test/JITABool_test.cpp", "ifDerivativeTrueBranch", "abool", """
                // xad::less(x, 5.0).If(x * x, x * 3.0)
                @Differentiable
                static double abool(double x) {
                    double trueVal = x * x;
                    double falseVal = x * 3.0;
                    return x < 5.0 ? trueVal : falseVal;
                }
                """, p(2.0), p(7.0));
        publish(branch, d(4), 0, 2.0);
        publish(branch, d(3), 0, 7.0);
        of(
                "test/COSHestonEngineExpr.hpp",
                "canEvaluateLongExpressionsLikeHestonAdjoint",
                "hestonC4",
                HestonC4.SOURCE,
                p(0.4, 0.8, 1.2, 0.8, 12.0, 0.8),
                p(1.1, -0.3, 0.05, 0.4, 0.07, 2.5));
        // ---- the swap pricer and the LIBOR swaption portfolio
        Ported swap =
                of("samples/SwapPricer/SwapPricer.hpp", "priceSwap", "priceSwap", """
                @Differentiable(wrt = "discRates")
                static double priceSwap(double[] discRates, boolean isFixedPay, int n, double[] mat, double[] floatRates,
                        double fixedRate, double faceValue) {
                    double bFix = 0.0;
                    for (int t = 0; t < n; ++t) {
                        bFix += faceValue * fixedRate / Math.pow(1.0 + discRates[t], mat[t]);
                    }
                    bFix += faceValue / Math.pow(1.0 + discRates[n - 1], mat[n - 1]);
                    double bFlt = 0.0;
                    for (int t = 0; t < n; ++t) {
                        bFlt += faceValue * floatRates[t] / Math.pow(1.0 + discRates[t], mat[t]);
                    }
                    bFlt += faceValue / Math.pow(1.0 + discRates[n - 1], mat[n - 1]);
                    return isFixedPay ? bFlt - bFix : bFix - bFlt;
                }
                """, swapArgs(true), swapArgs(false));
        publish(swap, swapGradient(true), 1e-12, swapArgs(true));
        publish(swap, swapGradient(false), 1e-12, swapArgs(false));
        of(
                "samples/LiborSwaptionPricer/LiborFunctions.hpp",
                "path_gen, value_portfolio, pricePortfolioAD",
                "liborPortfolio",
                LiborSwaption.SOURCE,
                LiborSwaption.point(0.05, 0.2, 0.05),
                LiborSwaption.point(0.25, 0.3, 0.03));
    }

    private static final int SWAP_N = 6;

    static Object[] swapArgs(boolean fixedPay) {
        double[] disc = new double[SWAP_N];
        double[] mat = new double[SWAP_N];
        double[] flt = new double[SWAP_N];
        for (int i = 0; i < SWAP_N; i++) {
            disc[i] = 0.01 + 0.01 * Math.abs(Math.sin(1.7 * i + 0.3)) * 6;
            flt[i] = 0.01 + 0.1 * Math.abs(Math.cos(2.3 * i + 0.1));
            mat[i] = i + 1;
        }
        return p(disc, fixedPay, SWAP_N, mat, flt, 0.03, 1e7);
    }

    /** d/dr_t of faceValue * c_t / (1 + r_t)^m_t is -m_t * faceValue * c_t / (1 + r_t)^(m_t + 1). */
    static double[] swapGradient(boolean fixedPay) {
        Object[] a = swapArgs(fixedPay);
        double[] r = (double[]) a[0];
        double[] m = (double[]) a[3];
        double[] flt = (double[]) a[4];
        double[] g = new double[SWAP_N];
        for (int t = 0; t < SWAP_N; t++) {
            double k = -m[t] * 1e7 / Math.pow(1 + r[t], m[t] + 1);
            g[t] = (fixedPay ? 1 : -1) * (flt[t] - 0.03) * k;
        }
        return g;
    }
}
