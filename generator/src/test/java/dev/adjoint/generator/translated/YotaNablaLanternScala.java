package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lantern's scalar tests (github.com/feiwang3311/Lantern {@code src/test/scala/lantern/
 * TestScalarDifferentiation.scala} and {@code TestScalarSecondOrderDifferentiation.scala}): function composition,
 * {@code leaky}, {@code side_effect}, the reverse-mode polynomials and trigonometry, {@code forward_forward}'s second
 * derivative {@code 6x}, {@code condition}, {@code while} (halving while above 1), {@code loop3times} and
 * {@code loop_with_index} (the gradient of the constant {@code half}), {@code traverse_array} 1 to 5 (a product over
 * data, by a loop and, as {@code LOOPL5}, by recursion), the trees ({@code tree}, {@code tree_closure},
 * {@code tree_if2}: by recursion over child index arrays, and {@code tree} bottom-up by a loop), and the second-order
 * tests' gradients and Hessian-vector products at {@code (2, 3)} along {@code (4, 5)} (published here in closed form,
 * as the tests assert them).
 */
final class YotaNablaLanternScala {
    private YotaNablaLanternScala() {}

    private static final Map<String, List<HvpChecks.Published>> HESSIANS = new HashMap<>();

    static Map<String, List<HvpChecks.Published>> hessians() {
        all();
        return Map.copyOf(HESSIANS);
    }

    private static final String SCALAR = "src/test/scala/lantern/TestScalarDifferentiation.scala";
    private static final String SECOND = "src/test/scala/lantern/TestScalarSecondOrderDifferentiation.scala";

    static Ported of(String file, String method, String body, Object[]... points) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".scala", "");
        return new Ported(
                "lantern." + stem + "." + method,
                "feiwang3311/Lantern " + file,
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static void hessian(String method, double[] direction, double[] hv, Object... args) {
        HESSIANS.computeIfAbsent("lantern.TestScalarSecondOrderDifferentiation." + method, k -> new ArrayList<>())
                .add(new HvpChecks.Published(direction, hv, 1e-12, args));
    }

    private static final List<Ported> RECURSIVE = new ArrayList<>();

    /**
     * The tests Lantern writes by recursion ({@code LOOPL5}, {@code TREE}), kept recursive: the generator gives them no
     * {@code Hvp} (README, "what has no Hvp"), so the suite runs them without the second-order checks.
     */
    static List<Ported> recursive() {
        all();
        return List.copyOf(RECURSIVE);
    }

    static List<Ported> all() {
        HESSIANS.clear();
        RECURSIVE.clear();
        List<Ported> l = new ArrayList<>();
        l.add(of(SCALAR, "functionComposition", """
                static double f1(double x) {
                    return x * x * x;
                }

                static double f2(double x) {
                    return x * x;
                }

                // function_composition: f2(f1(x)), gradient 6 x^5
                @Differentiable
                static double functionComposition(double x) {
                    return f2(f1(x));
                }
                """, p(1.3), p(-0.7))
                .publishes(d(6 * 32), 1e-15, 2.0)
                .publishes(d(-6 * 243), 1e-15, -3.0));
        l.add(of(SCALAR, "simple", """
                // simple: x * x, gradient 2x
                @Differentiable
                static double simple(double x) {
                    return x * x;
                }
                """, p(-4.0)).publishes(d(6), 0, 3.0));
        l.add(of(SCALAR, "leaky", """
                // leaky: f1(x) * (v1 + v1) with v1 = 1 a constant from outside: gradient 6 x^2
                @Differentiable
                static double leaky(double x) {
                    double v1 = 1.0;
                    return x * x * x * (v1 + v1);
                }
                """, p(0.8)).publishes(d(96), 0, -4.0));
        l.add(of(SCALAR, "sideEffect", """
                // side_effect: v3 = v1 + v2 (printed), x * v3; gradient 3
                @Differentiable
                static double sideEffect(double x) {
                    double v1 = 1.0;
                    double v2 = 2.0;
                    double v3 = v1 + v2;
                    System.out.print("");
                    return x * v3;
                }
                """, p(-2.0)).publishes(d(3), 0, 4.0));
        l.add(of(SCALAR, "reverseMode", """
                // reverse_mode, reverseRV and forward_mode: x + x^3, gradient 1 + 3x^2; forward_forward: 6x
                @Differentiable
                static double reverseMode(double x) {
                    return x + x * x * x;
                }
                """, p(0.5), p(-2.2))
                .publishes(d(13), 0, 2.0)
                .publishes(d(1 + 3 * 25), 0, -5.0));
        HESSIANS.put(
                "lantern.TestScalarDifferentiation.reverseMode",
                List.of(
                        new HvpChecks.Published(d(1), d(12), 0, new Object[] {2.0}),
                        new HvpChecks.Published(d(1), d(-18), 0, new Object[] {-3.0})));
        l.add(of(SCALAR, "reverseModeSin", """
                // reverse_mode_sin and forward_mode_sin: x.sin(), gradient cos x
                @Differentiable
                static double reverseModeSin(double x) {
                    return Math.sin(x);
                }
                """, p(0.4)).publishes(d(Math.cos(-3.0)), 0, -3.0));
        l.add(of(SCALAR, "reverseModeCos", """
                // reverse_mode_cos and forward_mode_cos: x.cos(), gradient -sin x
                @Differentiable
                static double reverseModeCos(double x) {
                    return Math.cos(x);
                }
                """, p(0.4)).publishes(d(-Math.sin(2.0)), 0, 2.0));
        l.add(of(SCALAR, "condition", """
                // condition: IF (x > 0) { -1 * x } { x }
                @Differentiable
                static double condition(double x) {
                    if (x > 0.0) {
                        return -1 * x;
                    }
                    return x;
                }
                """, p(2.5), p(-1.5))
                .publishes(d(-1), 0, 3.0)
                .publishes(d(1), 0, -3.0));
        l.add(of(SCALAR, "halving", """
                // while: LOOP(x)(_ > 1.0)(_ * half), gradient gfr(x) = x > 1 ? 0.5 gfr(0.5 x) : 1
                @Differentiable
                static double halving(double x) {
                    double half = 0.5;
                    while (x > 1.0) {
                        x = x * half;
                    }
                    return x;
                }
                """, p(3.3), p(0.7), p(9.1))
                .publishes(d(0.25), 0, 4.0)
                .publishes(d(1), 0, -5.0));
        l.add(of(SCALAR, "loop3times", """
                // loop3times and loop_with_index: three times x1 = half * x1; the gradient of x is 0.125, of half 0.75 x
                @Differentiable
                static double loop3times(double x, double half) {
                    double x1 = x;
                    for (int i = 0; i < 3; i++) {
                        x1 = half * x1;
                    }
                    return x1;
                }
                """, p(3.0, 0.5), p(-1.5, 0.9))
                .publishes(d(0.125, 2.25), 0, 3.0, 0.5)
                .publishes(d(0.125, -3), 0, -4.0, 0.5));
        l.add(of(SCALAR, "traverseArray", """
                // traverse_array 1 to 3 and 5: LOOPA over data, x1 = data(i) * x1; the gradient is the data's product
                @Differentiable(wrt = "x")
                static double traverseArray(double x, double[] data) {
                    double x1 = x;
                    for (int i = 0; i < data.length; i++) {
                        x1 = data[i] * x1;
                    }
                    return x1;
                }
                """, p(-2.0, d(2, 3, 4)), p(1.0, d(4, 3, 1.5, 2)))
                .publishes(d(24), 0, 1.0, d(2, 3, 4))
                .publishes(d(18), 0, 1.0, d(1.5, 3.0, 4.0))
                .publishes(d(9), 0, 3.0, d(1.5, 2.0, 3.0))
                .publishes(d(36), 0, -5.0, d(4.0, 3.0, 1.5, 2.0)));
        RECURSIVE.add(of(SCALAR, "traverseRecursive", """
                static double loop(double[] data, int i, double x) {
                    if (i < data.length) {
                        return data[i] * loop(data, i + 1, x);
                    }
                    return x;
                }

                // traverse_array4: LOOPL5, the list walked by recursion; gradient 1.5 * 2 * 3 * 4
                @Differentiable(wrt = "x")
                static double traverseRecursive(double x, double[] data) {
                    return loop(data, 0, x);
                }
                """, p(2.0, d(4, 3, 1.5, 2)))
                .publishes(d(36), 0, -3.0, d(4, 3, 1.5, 2)));
        String tree = """
                static double node(int i, double x, double[] data, int[] lch, int[] rch, double para) {
                    if (i < 0 || i >= data.length) {
                        return x;
                    }
                    double l = node(lch[i], x, data, lch, rch, para);
                    double r = node(rch[i], x, data, lch, rch, para);
                    return l * r * data[i] * para;
                }
                """;
        RECURSIVE.add(of(SCALAR, "tree", tree + """

                // tree: TREE1 over 5 / (3, 4), each node l * r * data(i), the leaves' children x: 60 x^4, gradient 240 x^3
                @Differentiable(wrt = "x")
                static double tree(double x, double[] data, int[] lch, int[] rch) {
                    return node(0, x, data, lch, rch, 1.0);
                }
                """, p(1.3, d(5, 3, 4), new int[] {1, 100, 100}, new int[] {2, 100, 100
                }))
                .publishes(d(240 * 8), 0, 2.0, d(5, 3, 4), new int[] {1, 100, 100}, new int[] {2, 100, 100}));
        RECURSIVE.add(of(
                        SCALAR,
                        "treeClosure",
                        tree + """

                // tree_closure: each node l * r * data(i) * para; the gradient of para is 720 x^4 at para = 2
                @Differentiable(wrt = "para")
                static double treeClosure(double x, double[] data, int[] lch, int[] rch, double para) {
                    return node(0, x, data, lch, rch, para);
                }
                """,
                        p(1.1, d(5, 3, 4), new int[] {1, 100, 100}, new int[] {2, 100, 100}, 2.0))
                .publishes(d(720 * 16), 0, 2.0, d(5, 3, 4), new int[] {1, 100, 100}, new int[] {2, 100, 100}, 2.0));
        l.add(of(SCALAR, "treeBottomUp", """
                // tree again, as a Java programmer walks a tree stored in arrays whose children follow their parent:
                // the nodes from last to first, each from its children's values
                @Differentiable(wrt = "x")
                static double treeBottomUp(double x, double[] data, int[] lch, int[] rch) {
                    double[] value = new double[data.length];
                    for (int i = data.length - 1; i >= 0; i--) {
                        double l = lch[i] < data.length ? value[lch[i]] : x;
                        double r = rch[i] < data.length ? value[rch[i]] : x;
                        value[i] = l * r * data[i];
                    }
                    return value[0];
                }
                """, p(1.3, d(5, 3, 4), new int[] {1, 100, 100}, new int[] {2, 100, 100}))
                .publishes(d(240 * -27), 0, -3.0, d(5, 3, 4), new int[] {1, 100, 100}, new int[] {2, 100, 100}));
        RECURSIVE.add(of(
                        SCALAR,
                        "treeIf",
                        """
                static double node(int i, double[] data, int[] lch, int[] rch, double[] p) {
                    if (lch[i] < 0) {
                        return p[0] * data[i] + p[3];
                    }
                    return p[1] * node(lch[i], data, lch, rch, p) + p[2] * node(rch[i], data, lch, rch, p) + p[3];
                }

                // tree_if2: a leaf para * data(i) + bias, a node paral * l + parar * r + bias; p = (para, paral, parar,
                // bias) = (2, 1.5, 1.6, 2.5) and the gradients the test prints: (1.5*3 + 1.6*4, 8.5, 10.5, 4.1)
                @Differentiable(wrt = "p")
                static double treeIf(double[] data, int[] lch, int[] rch, double[] p) {
                    return node(0, data, lch, rch, p);
                }
                """,
                        p(d(0, 3, 4), new int[] {1, -1, -1}, new int[] {2, -1, -1}, d(2, 1.5, 1.6, 2.5)))
                .publishes(
                        d(1.5 * 3 + 1.6 * 4, 8.5, 10.5, 4.1),
                        1e-15,
                        d(0, 3, 4),
                        new int[] {1, -1, -1},
                        new int[] {2, -1, -1},
                        d(2, 1.5, 1.6, 2.5)));
        second(l);
        return l;
    }

    private static void second(List<Ported> l) {
        l.add(of(SECOND, "product", """
                // 1 and 1.3s: x1 * x2, gradient (3, 2) and H (4, 5) = (5, 4) at (2, 3)
                @Differentiable
                static double product(double x1, double x2) {
                    return x1 * x2;
                }
                """, p(2.0, 3.0)).publishes(d(3, 2), 0, 2.0, 3.0));
        hessian("product", d(4, 5), d(5, 4), 2.0, 3.0);
        l.add(of(SECOND, "squares", """
                // 1.1 and 1.4s: x1 x1 x2 x2, gradient (36, 24), H (4, 5) = (192, 136) at (2, 3)
                @Differentiable
                static double squares(double x1, double x2) {
                    return x1 * x1 * x2 * x2;
                }
                """, p(2.0, 3.0), p(-0.5, 1.5)).publishes(d(36, 24), 0, 2.0, 3.0));
        hessian("squares", d(4, 5), d(192, 136), 2.0, 3.0);
        l.add(of(SECOND, "polynomial", """
                // 1.2 and 1.5s: 2 x1 x1 x2 + 3 x2, gradient (24, 11), H (4, 5) = (88, 32) at (2, 3)
                @Differentiable
                static double polynomial(double x1, double x2) {
                    return 2 * x1 * x1 * x2 + 3 * x2;
                }
                """, p(2.0, 3.0)).publishes(d(24, 11), 0, 2.0, 3.0));
        hessian("polynomial", d(4, 5), d(88, 32), 2.0, 3.0);
        l.add(of(SECOND, "sinSum", """
                // 2 and 2s: sin(x1 + x2), gradient cos 5 (1, 1), H (4, 5) = -9 sin 5 (1, 1)
                @Differentiable
                static double sinSum(double x1, double x2) {
                    return Math.sin(x1 + x2);
                }
                """, p(2.0, 3.0)).publishes(d(Math.cos(5), Math.cos(5)), 1e-15, 2.0, 3.0));
        hessian("sinSum", d(4, 5), d(-9 * Math.sin(5), -9 * Math.sin(5)), 2.0, 3.0);
        l.add(of(SECOND, "ifBranches", """
                // if_0 and if_1: IF (x1 < x2) { x1 * x2 } { x1 x1 x2 x2 } and with x1 > x2
                @Differentiable
                static double ifBranches(double x1, double x2, boolean less) {
                    boolean take = less ? x1 < x2 : x1 > x2;
                    if (take) {
                        return x1 * x2;
                    }
                    return x1 * x1 * x2 * x2;
                }
                """, p(2.0, 3.0, true), p(2.0, 3.0, false))
                .publishes(d(3, 2), 0, 2.0, 3.0, true)
                .publishes(d(36, 24), 0, 2.0, 3.0, false));
        hessian("ifBranches", d(4, 5), d(5, 4), 2.0, 3.0, true);
        hessian("ifBranches", d(4, 5), d(192, 136), 2.0, 3.0, false);
        l.add(of(SECOND, "whileFor", """
                // while_0: WHILE(x1)(_ < 10){_ * x2} * x1 and for_0: FOR(x1)(2){n * x2} * x1, both x1 x1 x2 x2 at (2, 3)
                @Differentiable
                static double whileFor(double x1, double x2, boolean byWhile) {
                    double n = x1;
                    if (byWhile) {
                        while (n < 10) {
                            n = n * x2;
                        }
                    } else {
                        for (int i = 0; i < 2; i++) {
                            n = n * x2;
                        }
                    }
                    return n * x1;
                }
                """, p(2.0, 3.0, true), p(2.0, 3.0, false), p(1.5, 2.5, true))
                .publishes(d(36, 24), 0, 2.0, 3.0, true)
                .publishes(d(36, 24), 0, 2.0, 3.0, false));
        hessian("whileFor", d(4, 5), d(192, 136), 2.0, 3.0, true);
        hessian("whileFor", d(4, 5), d(192, 136), 2.0, 3.0, false);
        double x1 = 2;
        double x2 = 3;
        double d11 = 720 * x1 * x1 * x2 * x2;
        double d12 = 480 * x1 * x1 * x1 * x2;
        double d22 = 120 * x1 * x1 * x1 * x1;
        RECURSIVE.add(of(
                        SECOND, "treeTimes", """
                static double node(int i, double x, double[] data, int[] lch, int[] rch) {
                    if (i < 0) {
                        return x;
                    }
                    return node(lch[i], x, data, lch, rch) * node(rch[i], x, data, lch, rch) * data[i];
                }

                // tree_0: TREE(x1) of l * r * data(i), times x2 * x2: gradient (240 x1^3 x2^2, 120 x1^4 x2)
                @Differentiable(wrt = {"x1", "x2"})
                static double treeTimes(double x1, double x2, double[] data, int[] lch, int[] rch) {
                    return node(0, x1, data, lch, rch) * x2 * x2;
                }
                """, p(2.0, 3.0, d(5, 3, 4), new int[] {1, -1, -1}, new int[] {2, -1, -1}))
                .publishes(d(240 * 8 * 9, 120 * 16 * 3), 1e-15, 2.0, 3.0, d(5, 3, 4), new int[] {1, -1, -1}, new int[] {
                    2, -1, -1
                }));
        l.add(of(
                        SECOND,
                        "treeTimesBottomUp",
                        """
                // tree_0 again, the tree walked bottom-up by a loop (children follow their parent), so that its Hvp is
                // generated and checked against the test's closed forms
                @Differentiable(wrt = {"x1", "x2"})
                static double treeTimesBottomUp(double x1, double x2, double[] data, int[] lch, int[] rch) {
                    double[] value = new double[data.length];
                    for (int i = data.length - 1; i >= 0; i--) {
                        double l = lch[i] < 0 ? x1 : value[lch[i]];
                        double r = rch[i] < 0 ? x1 : value[rch[i]];
                        value[i] = l * r * data[i];
                    }
                    return value[0] * x2 * x2;
                }
                """,
                        p(2.0, 3.0, d(5, 3, 4), new int[] {1, -1, -1}, new int[] {2, -1, -1}),
                        p(-1.3, 0.7, d(5, 3, 4), new int[] {1, -1, -1}, new int[] {2, -1, -1}))
                .publishes(d(240 * 8 * 9, 120 * 16 * 3), 1e-15, 2.0, 3.0, d(5, 3, 4), new int[] {1, -1, -1}, new int[] {
                    2, -1, -1
                }));
        hessian(
                "treeTimesBottomUp",
                d(0.4, 0.6),
                d(d11 * 0.4 + d12 * 0.6, d12 * 0.4 + d22 * 0.6),
                2.0,
                3.0,
                d(5, 3, 4),
                new int[] {1, -1, -1},
                new int[] {2, -1, -1});
    }
}
