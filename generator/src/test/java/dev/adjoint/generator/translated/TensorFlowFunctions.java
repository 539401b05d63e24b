package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TensorFlow's gradient tests ({@code tensorflow/python/eager/backprop_test.py},
 * {@code tensorflow/python/ops/gradients_test.py}, {@code math_grad_test.py}, github.com/tensorflow/tensorflow),
 * written in Java from the functions whose gradients they assert: {@code tf.where} and {@code tf.cond} as
 * {@code ?:}, {@code while_loop} as a {@code while} loop, {@code stop_gradient} as {@code Adjoint.detach}, an
 * {@code embedding_lookup} as reads at an index array, {@code softmax_cross_entropy_with_logits} and
 * {@code reduce_logsumexp} written with their max shift, {@code clip_by_value}, {@code div_no_nan},
 * {@code xlogy} and softplus with their guards. The asserted gradients are published; the second derivatives of
 * {@code testGradGrad}, {@code testGradGradExp}, {@code testHigherOrderGradient} and {@code testSecondGrad} are
 * published Hessian products ({@link #hessians}).
 */
final class TensorFlowFunctions {
    private TensorFlowFunctions() {}

    private static Ported tf(String file, String test, String method, String body, Object[]... points) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".py", "");
        return new Ported(
                "tensorflow." + stem + "." + method,
                "tensorflow/tensorflow " + file + ": " + test,
                method,
                body,
                List.of(points),
                List.of(),
                "static");
    }

    private static Ported bp(String test, String method, String body, Object[]... points) {
        return tf("tensorflow/python/eager/backprop_test.py", test, method, body, points);
    }

    private static Ported mg(String test, String method, String body, Object[]... points) {
        return tf("tensorflow/python/ops/math_grad_test.py", test, method, body, points);
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        Map<String, List<HvpChecks.Published>> m = new HashMap<>();
        m.put("tensorflow.backprop_test.gradGrad", List.of(new HvpChecks.Published(d(1), d(2), 1e-15, new Object[] {3.0
        })));
        m.put(
                "tensorflow.backprop_test.gradGradExp",
                List.of(new HvpChecks.Published(d(1), d(1), 1e-15, new Object[] {0.0})));
        m.put(
                "tensorflow.backprop_test.higherOrder",
                List.of(new HvpChecks.Published(d(1), d(18), 1e-14, new Object[] {3.0})));
        m.put("tensorflow.backprop_test.secondGrad", List.of(new HvpChecks.Published(d(1), d(0), 0, new Object[] {0.1
        })));
        return m;
    }

    static List<Ported> all() {
        return List.of(
                bp("testWhereGradient", "where", """
                        // array_ops.where(x < 10, x, x * x)
                        @Differentiable
                        static double where(double x) {
                            return x < 10 ? x : x * x;
                        }
                        """, p(5.0), p(50.0))
                        .publishes(d(1), 0, 5.0)
                        .publishes(d(100), 0, 50.0),
                bp("testNoOpBehaviorConsistent", "noOps", """
                        // identity, x + 0, x - 0, x * 1 and x itself, each scaled and summed
                        @Differentiable
                        static double noOps(double x) {
                            double x1 = x;
                            double x2 = x + 0;
                            double x3 = x - 0;
                            double x4 = x * 1;
                            return x * 2. + x1 * 3. + x2 * 3. + x3 * 3. + x4 * 3.;
                        }
                        """, p(10.0)).publishes(d(14), 0, 10.0),
                bp("testGradGrad", "gradGrad", """
                        @Differentiable
                        static double gradGrad(double x) {
                            return x * x;
                        }
                        """, p(3.0)).publishes(d(6), 0, 3.0),
                bp("testGradGradExp", "gradGradExp", """
                        @Differentiable
                        static double gradGradExp(double x) {
                            return Math.exp(x);
                        }
                        """, p(0.0), p(1.5)).publishes(d(1), 0, 0.0),
                bp("testHigherOrderGradient", "higherOrder", """
                        // y := x ** 3
                        @Differentiable
                        static double higherOrder(double x) {
                            return Math.pow(x, 3);
                        }
                        """, p(3.0), p(-0.5))
                        .publishes(d(27), 1e-15, 3.0),
                bp("testNestedGradients", "nestedGradients", """
                        @Differentiable
                        static double nestedGradients(double x) {
                            double y = x * x;
                            double z = y * y;
                            return z;
                        }
                        """, p(3.0)).publishes(d(108), 0, 3.0),
                bp("testPersistentGradientTapeRepeatedSource", "repeatedSource", """
                        @Differentiable
                        static double repeatedSource(double x, double y) {
                            return x * x + x * y;
                        }
                        """, p(3.0, 5.0))
                        .publishes(d(11, 3), 0, 3.0, 5.0),
                bp(
                                "testGradientNone",
                                "softmaxXent",
                                """
                        // mean over the batch of softmax_cross_entropy_with_logits, each row's log-sum-exp shifted by
                        // its max
                        @Differentiable(wrt = "logits")
                        static double softmaxXent(double[][] logits, double[][] labels) {
                            double total = 0;
                            for (int b = 0; b < logits.length; b++) {
                                double m = Double.NEGATIVE_INFINITY;
                                for (double v : logits[b]) {
                                    m = Math.max(m, v);
                                }
                                double s = 0;
                                for (double v : logits[b]) {
                                    s += Math.exp(v - m);
                                }
                                double lse = m + Math.log(s);
                                for (int k = 0; k < logits[b].length; k++) {
                                    total += labels[b][k] * (lse - logits[b][k]);
                                }
                            }
                            return total / logits.length;
                        }
                        """,
                                p(
                                        new double[][] {{0.3, -1.2, 2.0}, {1.0, 1.0, 0.5}},
                                        new double[][] {{0, 0, 1}, {0.25, 0.75, 0}}))
                        .publishes(d(-0.5, 0.5), 1e-15, new double[][] {{0.0, 0.0}}, new double[][] {{1.0, 0.0}}),
                bp("testSecondGrad", "secondGrad", """
                        // the cross entropy of one logit with the label 0, whose gradient (softmax - label = 1) is
                        // constant
                        @Differentiable
                        static double secondGrad(double x) {
                            double m = x;
                            return 0 * (m + Math.log(Math.exp(x - m)) - x);
                        }
                        """, p(0.1)).publishes(d(0), 0, 0.1),
                bp("testGradientTapeWithWhileLoop", "whileLoop", """
                        // while_loop(i < 3, (i + 1, x * 2)) from i = 1
                        @Differentiable
                        static double whileLoop(double x) {
                            int i = 1;
                            while (i < 3) {
                                i = i + 1;
                                x = x * 2;
                            }
                            return x;
                        }
                        """, p(2.0)).publishes(d(4), 0, 2.0),
                bp("testGradientTapeWithCond", "cond", """
                        // cond(x < x, x, x * x)
                        @Differentiable
                        static double cond(double x) {
                            if (x < x) {
                                return x;
                            }
                            return x * x;
                        }
                        """, p(3.0)).publishes(d(6), 0, 3.0),
                bp("testPythonMax", "pythonMax", """
                        // Python's max over three variables
                        @Differentiable
                        static double pythonMax(double a, double b, double c) {
                            return Math.max(Math.max(a, b), c);
                        }
                        """, p(2.0, 3.0, 5.0), p(4.0, -1.0, 0.5))
                        .publishes(d(0, 0, 1), 0, 2.0, 3.0, 5.0),
                bp("testAggregateGradients", "aggregateGradients", """
                        // embedding_lookup rows [0, 1], [2, 3], [1, 3] of x (4 x 2), multiplied, flattened
                        static final int[] IND1 = {0, 1};
                        static final int[] IND2 = {2, 3};
                        static final int[] IND3 = {1, 3};

                        @Differentiable
                        static double[] aggregateGradients(double[][] x) {
                            double[] r = new double[4];
                            for (int i = 0; i < 2; i++) {
                                for (int j = 0; j < 2; j++) {
                                    r[2 * i + j] = x[IND1[i]][j] * x[IND2[i]][j] * x[IND3[i]][j];
                                }
                            }
                            return r;
                        }
                        """, p((Object)
                        new double[][] {{0.3, 0.7}, {0.1, 0.9}, {0.5, 0.2}, {0.8, 0.4}})),
                bp("testAggregateGradientsWithTensor", "aggregateWithTensor", """
                        // embedding_lookup rows [0, 1] times reduce_sum(x * 2)
                        @Differentiable
                        static double[] aggregateWithTensor(double[][] x) {
                            double g2 = 0;
                            for (double[] row : x) {
                                for (double v : row) {
                                    g2 += v * 2.0;
                                }
                            }
                            return new double[] {x[0][0] * g2, x[0][1] * g2, x[1][0] * g2, x[1][1] * g2};
                        }
                        """, p((Object)
                        new double[][] {{0.3, 0.7}, {0.1, 0.9}, {0.5, 0.2}, {0.8, 0.4}})),
                bp(
                                "testTapeStopStartRecording",
                                "stopRecording",
                                """
                        // y = x2 * x2 under stop_recording (as Adjoint.detach), z = x2 * x2 recorded
                        @Differentiable
                        static double stopRecording(double x2) {
                            double y = dev.adjoint.Adjoint.detach(x2 * x2);
                            double z = x2 * x2;
                            return y + z;
                        }
                        """) // no central differences: detach is not the function's derivative
                        .publishes(d(4), 0, 2.0),
                mg("MinOrMaxGradientTest", "maxOfTwice", """
                        // reduce_max(concat([x, x])): a tie, whose derivative in x is 1
                        @Differentiable
                        static double maxOfTwice(double x) {
                            double[] v = {x, x};
                            double m = Double.NEGATIVE_INFINITY;
                            for (double e : v) {
                                m = Math.max(m, e);
                            }
                            return m;
                        }
                        """, p(1.0), p(-2.5)).publishes(d(1), 0, 1.0),
                mg("MinOrMaxGradientTest", "minOfTwice", """
                        @Differentiable
                        static double minOfTwice(double x) {
                            double[] v = {x, x};
                            double m = Double.POSITIVE_INFINITY;
                            for (double e : v) {
                                m = Math.min(m, e);
                            }
                            return m;
                        }
                        """, p(1.0)).publishes(d(1), 0, 1.0),
                mg("MaximumOrMinimumGradientTest", "maximumMinimum", """
                        // maximum(inputs, 3.0) and minimum(inputs, 2.0): at the ties (3 and 2) the halves, as central
                        // differences give
                        @Differentiable
                        static double[] maximumMinimum(double[] x) {
                            double[] r = new double[2 * x.length];
                            for (int i = 0; i < x.length; i++) {
                                r[i] = Math.max(x[i], 3.0);
                                r[x.length + i] = Math.min(x[i], 2.0);
                            }
                            return r;
                        }
                        """, p(d(1, 2, 3, 4)))
                        // rows 0..3: 0, 0, 1/2, 1; rows 4..7: 1, 1/2, 0, 0, with the seeds 0.5, 0.75, ...
                        .publishes(d(1.5, 0.5 * 1.75, 0.5 * 1.0, 1.25), 0, d(1, 2, 3, 4)),
                mg("ProdGradientTest", "prodAll", """
                        // reduce_prod over a 2 x 2 matrix and along its last axis
                        @Differentiable
                        static double[] prodAll(double[][] x) {
                            double all = 1;
                            double[] rows = new double[x.length];
                            for (int i = 0; i < x.length; i++) {
                                rows[i] = 1;
                                for (double v : x[i]) {
                                    all *= v;
                                    rows[i] *= v;
                                }
                            }
                            return new double[] {all, rows[0], rows[1]};
                        }
                        """, p((Object) new double[][] {{1., 2.}, {3., 4.}}))
                        .publishes(
                                d(0.5 * 24 + 0.75 * 2, 0.5 * 12 + 0.75 * 1, 0.5 * 8 + 1.0 * 4, 0.5 * 6 + 1.0 * 3),
                                0,
                                (Object) new double[][] {{1., 2.}, {3., 4.}}),
                mg("EuclideanNormGradientTest", "euclideanNorm", """
                        // reduce_euclidean_norm
                        @Differentiable
                        static double euclideanNorm(double[] x) {
                            double s = 0;
                            for (double v : x) {
                                s += v * v;
                            }
                            return Math.sqrt(s);
                        }
                        """, p(d(3, -4)), p(d(-3, 5, 7, 11)))
                        .publishes(d(0.6, -0.8), 1e-15, d(3, -4))
                        .publishes(d(1.0, -0.0), 0, d(1.0, -0.0)),
                mg("SegmentMinOrMaxGradientTest", "segmentMax", """
                        // segment_max(data, [0, 0, 1]) and segment_min
                        @Differentiable
                        static double[] segmentMax(double[] data, long[] ids) {
                            double[] r = new double[4];
                            r[0] = r[1] = Double.NEGATIVE_INFINITY;
                            r[2] = r[3] = Double.POSITIVE_INFINITY;
                            for (int i = 0; i < data.length; i++) {
                                int s = (int) ids[i];
                                r[s] = Math.max(r[s], data[i]);
                                r[2 + s] = Math.min(r[2 + s], data[i]);
                            }
                            return r;
                        }
                        """, p(d(1.0, 2.0, 3.0), new long[] {0, 0, 1}))
                        .publishes(d(1.0, 0.5, 0.75 + 1.25), 0, d(1.0, 2.0, 3.0), new long[] {0, 0, 1}),
                mg("FloorModGradientTest", "floorMod", """
                        // floormod(131, 17), away from its jumps
                        @Differentiable
                        static double floorMod(double x, double n) {
                            return x - Math.floor(x / n) * n;
                        }
                        """, p(131.0, 17.0), p(-5.5, 2.0))
                        .publishes(d(1, -7), 0, 131.0, 17.0),
                mg("DivNoNanGradientTest", "divNoNan", """
                        // div_no_nan(x, y): 0 where y == 0, with derivative 0 there (testGradientWithDenominatorIsZero)
                        @Differentiable
                        static double divNoNan(double x, double y) {
                            return y == 0 ? 0 : x / y;
                        }
                        """, p(3.0, 2.0), p(-1.0, 0.5))
                        .publishes(d(0, 0), 0, -3.0, 0.0)
                        .publishes(d(0, 0), 0, 2.0, 0.0)
                        .publishes(d(0.5, -0.75), 0, 3.0, 2.0),
                mg("DivNoNanGradientTest", "divNoNanAbs", """
                        // div_no_nan(inputs, 1 + abs(inputs)) over arange(-3, 3) (testBasicGradient)
                        @Differentiable
                        static double[] divNoNanAbs(double[] x) {
                            double[] r = new double[x.length];
                            for (int i = 0; i < x.length; i++) {
                                double y = 1 + Math.abs(x[i]);
                                r[i] = y == 0 ? 0 : x[i] / y;
                            }
                            return r;
                        }
                        """, p(d(-3, -2, -1, 0, 1, 2))),
                mg("MulNoNanGradientTest", "mulNoNan", """
                        // mul_no_nan(inputs, 1 + abs(inputs)) (testBasicGradient)
                        @Differentiable
                        static double[] mulNoNan(double[] x) {
                            double[] r = new double[x.length];
                            for (int i = 0; i < x.length; i++) {
                                double y = 1 + Math.abs(x[i]);
                                r[i] = y == 0 ? 0 : x[i] * y;
                            }
                            return r;
                        }
                        """, p(d(-3, -2, -1, 0.5, 1, 2))),
                mg("XlogyTest", "xlogy", """
                        // xlogy: 0 where x == 0, with derivative 0 there
                        @Differentiable
                        static double xlogy(double x, double y) {
                            return x == 0 ? 0 : x * Math.log(y);
                        }
                        """, p(0.1, 3.1), p(2.0, 0.25))
                        .publishes(d(Math.log(3.1), 0.1 / 3.1), 1e-15, 0.1, 3.1)
                        .publishes(d(0, 0), 0, 0.0, 3.1)
                        .publishes(d(0, 0), 0, 0.0, 0.0),
                mg("Xlog1pyTest", "xlog1py", """
                        @Differentiable
                        static double xlog1py(double x, double y) {
                            return x == 0 ? 0 : x * Math.log1p(y);
                        }
                        """, p(0.1, 3.1), p(2.0, -0.5))
                        .publishes(d(Math.log1p(3.1), 0.1 / 4.1), 1e-15, 0.1, 3.1)
                        .publishes(d(0, 0), 0, 0.0, 3.1)
                        .publishes(d(0, 0), 0, 0.0, -1.0),
                mg("XdivyTest", "xdivy", """
                        @Differentiable
                        static double xdivy(double x, double y) {
                            return x == 0 ? 0 : x / y;
                        }
                        """, p(0.1, 3.1), p(2.0, -0.5))
                        .publishes(d(1 / 3.1, -0.1 / (3.1 * 3.1)), 1e-15, 0.1, 3.1)
                        .publishes(d(0, 0), 0, 0.0, 3.1)
                        .publishes(d(0, 0), 0, 0.0, 0.0),
                mg("PowGradTest", "powSquare", """
                        // pow(x, 2) over [-1, 0, 1]: [-2, 0, 2], no NaN at 0
                        @Differentiable
                        static double[] powSquare(double[] x) {
                            double[] r = new double[x.length];
                            for (int i = 0; i < x.length; i++) {
                                r[i] = Math.pow(x[i], 2);
                            }
                            return r;
                        }
                        """, p(d(-1, 0, 1)), p(d(0.5, -2.5, 3)))
                        .publishes(d(-2 * 0.5, 0, 2 * 1.0), 0, d(-1, 0, 1)),
                mg("NextAfterTest", "nextAfter", """
                        // nextafter(x1, x2): derivative 1 in x1, 0 in x2
                        @Differentiable
                        static double nextAfter(double x1, double x2) {
                            return Math.nextAfter(x1, x2);
                        }
                        """, p(0.1, 3.1), p(-1.0, 2.0))
                        .rejected("Math.nextAfter(...) is not supported"),
                tf(
                                "tensorflow/python/kernel_tests/math_ops/clip_ops_test.py",
                                "testClipByValueGradient",
                                "clipByValue",
                                """
                        // clip_by_value(inputs, 0.5, 3.5): derivative 1 inside, 0 outside, in x and in the bounds
                        @Differentiable
                        static double[] clipByValue(double[] x, double lo, double hi) {
                            double[] r = new double[x.length];
                            for (int i = 0; i < x.length; i++) {
                                r[i] = Math.min(Math.max(x[i], lo), hi);
                            }
                            return r;
                        }
                        """,
                                p(d(1, 2, 3, 4), 0.5, 3.5),
                                p(d(-2.5, 0.3, 1.7, 4.2), -1.0, 2.0))
                        .publishes(d(0.5, 0.75, 1.0, 0, 0, 1.25), 0, d(1, 2, 3, 4), 0.5, 3.5),
                tf(
                                "tensorflow/python/kernel_tests/nn_ops/softplus_op_test.py",
                                "SoftplusTest",
                                "softplus",
                                """
                        // softplus written stably: x + log1p(exp(-x)) for x > 0, log1p(exp(x)) otherwise
                        @Differentiable
                        static double softplus(double x) {
                            return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
                        }
                        """,
                                p(0.7),
                                p(-3.0),
                                p(40.0))
                        .publishes(d(0.5), 1e-15, 0.0)
                        .publishes(d(1 / (1 + Math.exp(-40.0))), 1e-15, 40.0));
    }

    static double[] softmax(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.exp(v);
        }
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = Math.exp(x[i]) / s;
        }
        return g;
    }
}
