package dev.adjoint.generator.stranger;

import static dev.adjoint.generator.stranger.StrangerHarness.assertAgree;
import static dev.adjoint.generator.stranger.StrangerHarness.build;
import static dev.adjoint.generator.stranger.StrangerHarness.flatten;
import static dev.adjoint.generator.stranger.StrangerHarness.onTape;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.check.AdjointCheck;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Object-shaped numeric code as a newcomer writes it: an LSTM cell holding its weights in private
 * final fields (an instance method, {@code wrt = "this"}), a perceptron over {@code Layer[]} of a
 * record. Each stays on the static strategy; its gradient against central differences
 * ({@link AdjointCheck}) with each strategy, and the static against the tape's (ρ ≤ 1e-12).
 */
class StrangerObjectsTest {

    static final String LSTM = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** An LSTM cell whose weights live in fields. */
            public final class LstmCell {
                private final double[][] wx; // 4h x in
                private final double[][] wh; // 4h x h
                private final double[] b;    // 4h
                private final int hidden;

                public LstmCell(double[][] wx, double[][] wh, double[] b) {
                    this.wx = wx;
                    this.wh = wh;
                    this.b = b;
                    this.hidden = b.length / 4;
                }

                private static double sigmoid(double z) {
                    return 1.0 / (1.0 + Math.exp(-z));
                }

                /** Runs the cell over the sequence and returns the squared norm of the last hidden state. */
                @Differentiable(wrt = "this")
                public double sequenceLoss(double[][] xs) {
                    double[] h = new double[hidden];
                    double[] c = new double[hidden];
                    double[] gates = new double[4 * hidden];
                    for (double[] x : xs) {
                        for (int g = 0; g < 4 * hidden; g++) {
                            double s = b[g];
                            for (int j = 0; j < x.length; j++) {
                                s += wx[g][j] * x[j];
                            }
                            for (int j = 0; j < hidden; j++) {
                                s += wh[g][j] * h[j];
                            }
                            gates[g] = s;
                        }
                        for (int j = 0; j < hidden; j++) {
                            double in = sigmoid(gates[j]);
                            double forget = sigmoid(gates[hidden + j]);
                            double out = sigmoid(gates[2 * hidden + j]);
                            double cand = Math.tanh(gates[3 * hidden + j]);
                            c[j] = forget * c[j] + in * cand;
                            h[j] = out * Math.tanh(c[j]);
                        }
                    }
                    double s = 0;
                    for (double v : h) {
                        s += v * v;
                    }
                    return s;
                }
            }
            """;

    static final String MLP = """
            package stranger;

            import dev.adjoint.Differentiable;

            /** A small perceptron over an array of layers. */
            public final class Mlp {
                private Mlp() {}

                public record Layer(double[][] w, double[] b) {}

                @Differentiable(wrt = "layers")
                public static double loss(Layer[] layers, double[] input, double target) {
                    double[] a = input;
                    for (int l = 0; l < layers.length; l++) {
                        Layer layer = layers[l];
                        double[] z = new double[layer.b().length];
                        for (int i = 0; i < z.length; i++) {
                            double s = layer.b()[i];
                            for (int j = 0; j < a.length; j++) {
                                s += layer.w()[i][j] * a[j];
                            }
                            z[i] = l == layers.length - 1 ? s : Math.tanh(s);
                        }
                        a = z;
                    }
                    double diff = a[0] - target;
                    return diff * diff;
                }
            }
            """;

    /** Deterministic numbers in [-0.8, 0.8], rows × cols. */
    static double[][] matrix(int rows, int cols, int seed) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = 0.8 * Math.sin(1.7 * (seed + 1) + 0.9 * i + 2.3 * j);
            }
        }
        return m;
    }

    @Test
    void lstmCellHoldingItsWeightsStaysStaticAndMatchesDifferencesAndTheTape() throws Exception {
        double[][] xs = matrix(3, 2, 7);
        double[] gradient = null;
        for (String source : new String[] {LSTM, onTape(LSTM)}) {
            StrangerHarness.Built b = build(Map.of("LstmCell", source));
            Class<?> cell = b.type("LstmCell");
            Object model = cell.getConstructor(double[][].class, double[][].class, double[].class)
                    .newInstance(matrix(8, 2, 1), matrix(8, 2, 2), matrix(1, 8, 3)[0]);
            AdjointCheck.assertGradient(cell, "sequenceLoss", model, xs);
            Object grad = b.type("LstmCellGrad").getMethod("like", cell).invoke(null, model);
            b.type("LstmCellAdjoint")
                    .getMethod("sequenceLossGrad", cell, double[][].class, grad.getClass())
                    .invoke(null, model, xs, grad);
            if (gradient == null) {
                assertTrue(
                        b.methods().contains("stranger.LstmCell#sequenceLoss: static"),
                        b.methods().toString());
                gradient = flatten(grad);
            } else {
                assertAgree(gradient, flatten(grad), 1e-12, "static vs tape");
            }
        }
    }

    @Test
    void perceptronOverLayerRecordsStaysStaticAndMatchesDifferencesAndTheTape() throws Exception {
        double[] input = {0.5, -1.2, 0.3};
        double[] gradient = null;
        for (String source : new String[] {MLP, onTape(MLP)}) {
            StrangerHarness.Built b = build(Map.of("Mlp", source));
            Class<?> mlp = b.type("Mlp");
            Class<?> layer = b.type("Mlp$Layer");
            Object layers = Array.newInstance(layer, 3);
            int[][] shapes = {{4, 3}, {4, 4}, {1, 4}};
            for (int l = 0; l < 3; l++) {
                Array.set(
                        layers,
                        l,
                        layer.getConstructor(double[][].class, double[].class)
                                .newInstance(
                                        matrix(shapes[l][0], shapes[l][1], l), matrix(1, shapes[l][0], 10 + l)[0]));
            }
            AdjointCheck.assertGradient(mlp, "loss", layers, input, 0.7);
            Class<?> gradClass = b.type("Mlp_LayerGrad");
            Object grads = gradClass.getMethod("like", layers.getClass()).invoke(null, layers);
            Method lossGrad = b.type("MlpAdjoint")
                    .getMethod("lossGrad", layers.getClass(), double[].class, double.class, grads.getClass());
            lossGrad.invoke(null, layers, input, 0.7, grads);
            double[] flat = java.util.Arrays.stream((Object[]) grads)
                    .map(StrangerHarness::flatten)
                    .flatMapToDouble(java.util.Arrays::stream)
                    .toArray();
            if (gradient == null) {
                assertTrue(
                        b.methods().contains("stranger.Mlp#loss: static"),
                        b.methods().toString());
                gradient = flat;
            } else {
                assertAgree(gradient, flat, 1e-12, "static vs tape");
            }
        }
    }
}
