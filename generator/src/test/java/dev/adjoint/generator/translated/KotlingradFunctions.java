package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.Fn.d;
import static dev.adjoint.generator.translated.Fn.m;
import static dev.adjoint.generator.translated.Fn.p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kotlin∇'s tests and samples (github.com/breandan/kotlingrad, {@code core/src/jvmTest/.../calculus/},
 * {@code delimited/ElizarovADTest.kt}, {@code matrix/TestVectorArithmetic.kt}, {@code samples/}), a JVM AD tool
 * whose users write Kotlin expressions, written in Java: each expression as a method, its symbolic derivatives
 * published at the points the tests pick (Kotlin∇ checks them at random points; the partial {@code ∂²z/∂x∂y} of
 * {@code y (sin(xy) - x)} and the derivatives of {@code x¹} and {@code x⁰}, disabled there with a TODO, are
 * published here too), the samples' models (the MLP with {@code tanh} written through {@code e^(2x)}, the linear and
 * polynomial regressions, the loss being the magnitude of the residual vector) with central differences.
 */
final class KotlingradFunctions {
    private KotlingradFunctions() {}

    private static final List<Ported> FNS = new ArrayList<>();
    private static final Map<String, List<HvpChecks.Published>> HESSIANS = new HashMap<>();

    static List<Ported> all() {
        return List.copyOf(FNS);
    }

    static Map<String, List<HvpChecks.Published>> hessians() {
        return Map.copyOf(HESSIANS);
    }

    private static final String CALC = "core/src/jvmTest/kotlin/ai/hypergraph/kotlingrad/calculus/";
    private static final String SAMPLES = "samples/src/main/kotlin/ai/hypergraph/kotlingrad/samples/";

    private static String of(String file, String test, String method, String body, Object[]... points) {
        String stem = file.substring(file.lastIndexOf('/') + 1).replace(".kt", "");
        String id = "kotlingrad." + stem + "." + method;
        FNS.add(new Ported(
                id, "breandan/kotlingrad " + file + ": " + test, method, body, List.of(points), List.of(), "static"));
        return id;
    }

    /** A scalar expression of {@code x} (and {@code y}): the method returning it. */
    private static String expr(String file, String test, String method, String params, String e, Object[]... points) {
        return of(
                file,
                test,
                method,
                "@Differentiable\nstatic double " + method + "(" + params + ") {\n    return " + e + ";\n}\n",
                points);
    }

    private static void publish(String id, double[] gradient, double tolerance, Object... args) {
        for (int i = 0; i < FNS.size(); i++) {
            if (FNS.get(i).id().equals(id)) {
                FNS.set(i, FNS.get(i).publishes(gradient, tolerance, args));
            }
        }
    }

    private static void hessian(String id, double[][] columns, double tolerance, Object... args) {
        List<HvpChecks.Published> l = HESSIANS.computeIfAbsent(id, k -> new ArrayList<>());
        for (int k = 0; k < columns.length; k++) {
            double[] e = new double[columns.length];
            e[k] = 1;
            l.add(new HvpChecks.Published(e, columns[k], tolerance, args));
        }
    }

    static {
        // TestGradient.kt, TestTrigonometricDerivatives.kt: z = y (sin(xy) - x)
        String z = expr(
                CALC + "TestGradient.kt",
                "test ∇z",
                "zGrad",
                "double x, double y",
                "y * (Math.sin(x * y) - x)",
                p(0.7, -1.3),
                p(2.5, 0.4));
        for (double[] v : new double[][] {{0.7, -1.3}, {2.5, 0.4}, {-3.1, 1.7}}) {
            double x = v[0];
            double y = v[1];
            double c = Math.cos(x * y);
            double s = Math.sin(x * y);
            publish(z, d(y * (c * y - 1), s - x + y * c * x), 1e-14, x, y);
            double dxy = c * y - 1 + y * (c - y * x * s); // the partial Kotlin∇ disables ("TODO: Fix")
            hessian(z, new double[][] {d(-y * y * y * s, dxy), d(dxy, 2 * x * c - x * x * y * s)}, 1e-12, x, y);
        }
        // HelloKotlingrad.kt: z = x (-sin(xy) + y) * 4 at x = 0, y = 1
        String hello = expr(
                SAMPLES + "HelloKotlingrad.kt",
                "main",
                "hello",
                "double x, double y",
                "x * (-Math.sin(x * y) + y) * 4",
                p(0.0, 1.0),
                p(0.9, -0.6));
        publish(hello, d(4, 0), 1e-15, 0.0, 1.0);
        hessian(hello, new double[][] {d(-8, 4), d(4, 0)}, 1e-14, 0.0, 1.0);
        // TestHigherOrderDerivatives.kt
        String sq = expr(
                CALC + "TestHigherOrderDerivatives.kt",
                "d²x² / dx² should be 2",
                "square",
                "double x",
                "x * x",
                p(0.3),
                p(-2.2));
        hessian(sq, new double[][] {d(2)}, 0, 0.3);
        String sqx = expr(
                CALC + "TestHigherOrderDerivatives.kt",
                "d²(x² + x) / dx² should be 2",
                "squarePlusX",
                "double x",
                "Math.pow(x, 2) + x",
                p(0.3),
                p(-2.2));
        hessian(sqx, new double[][] {d(2)}, 1e-15, -2.2);
        String cube = expr(
                CALC + "TestHigherOrderDerivatives.kt",
                "d²x³ / dx² should be 6x",
                "cube",
                "double x",
                "Math.pow(x, 3)",
                p(0.3),
                p(-2.2));
        hessian(cube, new double[][] {d(-13.2)}, 1e-14, -2.2);
        String nest = expr(
                CALC + "TestHigherOrderDerivatives.kt",
                "d²(sin(x * cos(x * sin(x * cos(x))))) / dx²",
                "nestedTrig",
                "double x",
                "Math.sin(x * Math.cos(x * Math.sin(x * Math.cos(x))))",
                p(2.0),
                p(0.4));
        hessian(nest, new double[][] {d(-13.81831095)}, 1e-9, 2.0);
        // TestLogarithmicDerivatives.kt
        String nn = expr(
                CALC + "TestLogarithmicDerivatives.kt",
                "dnⁿ / dn should be nⁿ * (ln(n) + 1)",
                "selfPower",
                "double n",
                "Math.pow(n, n)",
                p(1.7),
                p(0.3));
        publish(nn, d(Math.pow(1.7, 1.7) * (Math.log(1.7) + 1)), 1e-14, 1.7);
        String n3 = expr(
                CALC + "TestLogarithmicDerivatives.kt",
                "dn³ / dn should be 3n²",
                "powThree",
                "double n",
                "Math.pow(n, 3)",
                p(1.7),
                p(-0.3));
        publish(n3, d(3 * 0.09), 1e-15, -0.3);
        // TestPowerDerivatives.kt: each pair of forms, the disabled x¹ and x⁰ included
        String inv = expr(
                CALC + "TestPowerDerivatives.kt",
                "d(1/x) / dx should be -1/x²",
                "inverse",
                "double x",
                "1 / x - Math.pow(x, -1) + 2 * Math.pow(x, -1)" /* 2 / x */,
                p(0.6),
                p(-1.9));
        publish(inv, d(-2 / 0.36), 1e-14, 0.6);
        String root = expr(
                CALC + "TestPowerDerivatives.kt",
                "d(√x) / dx should be 1/(2√x)",
                "roots",
                "double x",
                "Math.sqrt(x) + Math.pow(x, 0.5)",
                p(0.6),
                p(2.9));
        publish(root, d(1 / Math.sqrt(0.6)), 1e-15, 0.6);
        String one = expr(
                CALC + "TestPowerDerivatives.kt",
                "d(x¹) / dx should be 1 (disabled)",
                "powOne",
                "double x",
                "Math.pow(x, 1) * 3 + Math.pow(x, 0) * x",
                p(0.6),
                p(-1.9));
        publish(one, d(4), 0, 0.6);
        publish(one, d(4), 0, 0.0);
        publish(one, d(4), 0, -1.9);
        hessian(one, new double[][] {d(0)}, 0, -1.9);
        String zero = expr(
                CALC + "TestPowerDerivatives.kt",
                "d(x⁰) / dx should be 0 (disabled)",
                "powZero",
                "double x",
                "x / x + Math.pow(x, 0)",
                p(0.6),
                p(-1.9));
        publish(zero, d(0), 1e-16, 0.6);
        publish(zero, d(0), 1e-16, -1.9);
        // TestPartialDerivatives.kt, TestSimpleDerivatives.kt
        String part = expr(
                CALC + "TestPartialDerivatives.kt",
                "∂(yx + xx + yy) / ∂x should be y + 2x",
                "partials",
                "double x, double y",
                "Math.cos(x) + (x + y + x) + (y * x + x * x + y * y) + x * 1 + x * 2 + (x + x)",
                p(0.6, -1.9));
        publish(part, d(-Math.sin(0.6) + 2 + (-1.9 + 1.2) + 1 + 2 + 2, 1 + 0.6 - 3.8), 1e-14, 0.6, -1.9);
        // ElizarovADTest.kt
        String eliz = "core/src/jvmTest/kotlin/ai/hypergraph/kotlingrad/delimited/ElizarovADTest.kt";
        String chain = of(eliz, "testLongChain", "longChain", """
                @Differentiable
                static double longChain(double x, int n) {
                    double pow = 1;
                    for (int i = 1; i <= n; i++) {
                        pow *= x;
                    }
                    return pow;
                }
                """, p(0.999, 200), p(-1.01, 33));
        publish(chain, d(10_000), 0, 1.0, 10_000);
        String paper = expr(eliz, "testFromPaper", "fromPaper", "double x", "2 * x + x * x * x", p(3.0));
        publish(paper, d(29), 0, 3.0);
        String sqsq = of(eliz, "testSqrSqr", "sqrSqr", """
                static double sqr(double x) {
                    return x * x;
                }

                @Differentiable
                static double sqrSqr(double x) {
                    return sqr(sqr(x)) + sqr(x) + 5 * x + 3;
                }
                """, p(2.0));
        publish(sqsq, d(32 + 9), 0, 2.0);
        String div = expr(eliz, "testDiv", "div", "double x, double y", "x / y", p(5.0, 2.0));
        publish(div, d(0.5, -1.25), 0, 5.0, 2.0);
        String pow = expr(eliz, "testPowFull", "powFull", "double x, double y", "Math.pow(x, y)", p(2.0, 3.0));
        publish(pow, d(12, 8 * Math.log(2)), 1e-15, 2.0, 3.0);
        String trig = expr(
                eliz,
                "testSin, testCos, testSqrt",
                "trig",
                "double x, double r",
                "Math.sin(x) + 2 * Math.cos(x) + Math.sqrt(r)",
                p(Math.PI / 6, 16.0));
        publish(trig, d(Math.sqrt(3) / 2 - 1, 1.0 / 8), 1e-15, Math.PI / 6, 16.0);
        // TestVectorArithmetic.kt
        String vec = "core/src/jvmTest/kotlin/ai/hypergraph/kotlingrad/matrix/TestVectorArithmetic.kt";
        of(vec, "a ʘ b", "hadamard", """
                @Differentiable(wrt = "b")
                static double[] hadamard(double[] a, double[] b) {
                    double[] c = new double[a.length];
                    for (int i = 0; i < a.length; i++) {
                        c[i] = a[i] * b[i];
                    }
                    return c;
                }
                """, p(d(1.5, -2.0), d(0.3, 0.7)));
        String mag = of(vec, "sum contents, magnitude", "magnitude", """
                @Differentiable
                static double magnitude(double[] b) {
                    double sum = 0;
                    double sq = 0;
                    for (double v : b) {
                        sum += v;
                        sq += Math.pow(v, 2);
                    }
                    return Math.sqrt(sq) + sum;
                }
                """, p(d(1, -2, 2, 4)));
        publish(mag, d(1 + 0.2, 1 - 0.4, 1 + 0.4, 1 + 0.8), 1e-15, d(1, -2, 2, 4));
        // samples: the MLP, the linear and polynomial regressions
        of(SAMPLES + "MLP.kt", "mlp, batchLoss", "mlpLoss", """
                static double tanh(double x) {
                    return (Math.pow(Math.E, 2 * x) - 1) / (Math.pow(Math.E, 2 * x) + 1);
                }

                static double[] matVecTanh(double[][] w, double[] x, double[] b) {
                    double[] y = new double[b.length];
                    for (int i = 0; i < b.length; i++) {
                        double s = b[i];
                        for (int j = 0; j < x.length; j++) {
                            s += w[i][j] * x[j];
                        }
                        y[i] = tanh(s);
                    }
                    return y;
                }

                @Differentiable(wrt = {"p1", "b1", "p2", "b2", "p3", "b3", "b4"})
                static double mlpLoss(double[] x, double[] p1, double[] b1, double[][] p2, double[] b2, double[][] p3,
                        double[] b3, double[] b4, double[] batchOut) {
                    double[] layer1 = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        layer1[i] = tanh(p1[i] * x[i] + b1[i]);
                    }
                    double[] layer2 = matVecTanh(p2, layer1, b2);
                    double[] layer3 = matVecTanh(p3, layer2, b3);
                    double sq = 0;
                    for (int i = 0; i < layer3.length; i++) {
                        double r = layer3[i] + b4[i] - batchOut[i];
                        sq += r * r;
                    }
                    return Math.sqrt(sq);
                }
                """, mlpPoint());
        of(
                SAMPLES + "LinearRegression.kt",
                "loss",
                "linearLoss",
                """
                @Differentiable(wrt = {"theta", "bias"})
                static double linearLoss(double[] theta, double bias, double[][] input, double[] label) {
                    double sq = 0;
                    for (int i = 0; i < input.length; i++) {
                        double pred = bias;
                        for (int j = 0; j < theta.length; j++) {
                            pred += input[i][j] * theta[j];
                        }
                        sq += (pred - label[i]) * (pred - label[i]);
                    }
                    return Math.sqrt(sq);
                }
                """,
                p(d(0.4, 2.5), 1.3, m(d(0.2, 0.9), d(0.7, 0.1), d(0.5, 0.5)), d(3.1, 1.2, 0.4)));
        double[] xs = new double[12];
        double[] labels = new double[12];
        double[] th = new double[12];
        for (int i = 0; i < 12; i++) {
            xs[i] = (i % 2 == 0 ? -1 : 1) * (0.2 + 0.06 * i);
            labels[i] = Math.sin(3 * xs[i]) * xs[i];
            th[i] = 0.3 * Math.cos(1.1 * i);
        }
        of(SAMPLES + "PolynomialRegression.kt", "squaredLoss", "polyLoss", """
                @Differentiable(wrt = "theta")
                static double polyLoss(double[] theta, double[] xBatchIn, double[] label) {
                    double sq = 0;
                    for (int i = 0; i < xBatchIn.length; i++) {
                        double pred = 0;
                        for (int col = 0; col < theta.length; col++) {
                            pred += Math.pow(xBatchIn[i], col + 1) * theta[col];
                        }
                        sq += (pred - label[i]) * (pred - label[i]);
                    }
                    return Math.sqrt(sq);
                }
                """, p(th, xs, labels));
    }

    private static Object[] mlpPoint() {
        double[][] p2 = new double[5][5];
        double[][] p3 = new double[5][5];
        double[] x = new double[5];
        double[] p1 = new double[5];
        double[] b = new double[5];
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            x[i] = 0.3 + 0.2 * i;
            p1[i] = 0.5 * Math.sin(i + 1.0);
            b[i] = 0.1 * Math.cos(2.0 * i);
            y[i] = -Math.pow(x[i] / 10 * 10, 3) / 10;
            for (int j = 0; j < 5; j++) {
                p2[i][j] = 0.6 * Math.sin(1.3 * i + 0.7 * j);
                p3[i][j] = 0.6 * Math.cos(0.9 * i - 1.1 * j);
            }
        }
        return p(x, p1, b, p2, b.clone(), p3, b.clone(), b.clone(), y);
    }
}
