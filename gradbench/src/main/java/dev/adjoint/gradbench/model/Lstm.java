package dev.adjoint.gradbench.model;

import dev.adjoint.Differentiable;

/**
 * GradBench's {@code lstm} eval (ADBench's): {@code l} stacked LSTM layers of {@code b} cells read
 * a sequence of {@code c} characters ({@code b} numbers each) and predict the next one; the loss is
 * the mean negative log-likelihood of the sequence.
 *
 * <p>Layouts, all flat and row-major: {@code mainParams[2l][4b]}, layer {@code i} owning rows
 * {@code 2i} (weights) and {@code 2i+1} (biases), each row the forget, input, output and change
 * gates' {@code b} values; {@code extraParams[3][b]}: input weights, output weights, output biases;
 * {@code state[2l][b]}: layer {@code i}'s hidden values (row {@code 2i}) and cell values (row
 * {@code 2i+1}); {@code sequence[c][b]}. Per layer and cell {@code j}, with input {@code x_j}:
 *
 * <pre>
 * f = σ(x_j w_f + b_f)      i = σ(h_j w_i + b_i)      o = σ(x_j w_o + b_o)      g = tanh(h_j w_g + b_g)
 * cell_j ← cell_j f + i g   h_j ← o tanh(cell_j)
 * </pre>
 *
 * and the layer's new {@code h} is the next layer's input. The prediction is
 * {@code y = h_last ∘ w_out + b_out}, normalised by {@code ln(Σ exp(y) + 2)} (ADBench's
 * logsumexp, which adds 2 to the sum).
 */
public final class Lstm {
    private Lstm() {}

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    @Differentiable(wrt = {"mainParams", "extraParams"})
    public static double loss(
            double[] mainParams, double[] extraParams, double[] state, double[] sequence, int l, int c, int b) {
        double[] s = state.clone(); // the state evolves along the sequence
        double[] x = new double[b]; // the current layer's input
        double[] y = new double[b]; // the prediction
        double total = 0.0;
        int count = 0;
        for (int t = 0; t < c - 1; t++) {
            for (int j = 0; j < b; j++) {
                x[j] = sequence[t * b + j] * extraParams[j];
            }
            for (int layer = 0; layer < l; layer++) {
                int w = 8 * b * layer; // the layer's weights; its biases follow at w + 4b
                int h = 2 * b * layer; // the layer's hidden values; its cell values follow at h + b
                for (int j = 0; j < b; j++) {
                    double forget = sigmoid(x[j] * mainParams[w + j] + mainParams[w + 4 * b + j]);
                    double ingate = sigmoid(s[h + j] * mainParams[w + b + j] + mainParams[w + 5 * b + j]);
                    double outgate = sigmoid(x[j] * mainParams[w + 2 * b + j] + mainParams[w + 6 * b + j]);
                    double change = Math.tanh(s[h + j] * mainParams[w + 3 * b + j] + mainParams[w + 7 * b + j]);
                    s[h + b + j] = s[h + b + j] * forget + ingate * change;
                    s[h + j] = outgate * Math.tanh(s[h + b + j]);
                }
                for (int j = 0; j < b; j++) {
                    x[j] = s[h + j];
                }
            }
            double sum = 0.0;
            for (int j = 0; j < b; j++) {
                y[j] = x[j] * extraParams[b + j] + extraParams[2 * b + j];
                sum += Math.exp(y[j]);
            }
            double lse = Math.log(sum + 2.0);
            for (int j = 0; j < b; j++) {
                total += sequence[(t + 1) * b + j] * (y[j] - lse);
            }
            count += b;
        }
        return -total / count;
    }
}
