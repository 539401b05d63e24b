package dev.adjoint.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Printing matches PyTorch's {@code print(tensor)} character for character. */
class TensorFormatTest {

    // ---- every line the notebook prints, from the values it shows ----

    @Test
    void leafThatRequiresGradPadsPositivesForTheMinusSign() {
        assertEquals(
                "tensor([ 1.3505,  0.9042, -0.7476], requires_grad=True)",
                Tensor.of(1.3505, 0.9042, -0.7476).requiresGrad(true).toString());
    }

    @Test
    void resultsNameTheirGradFn() {
        Tensor x = Tensor.of(1.3505, 0.9042, -0.7476).requiresGrad(true);
        assertEquals(
                "tensor([3.3505, 2.9042, 1.2524], grad_fn=<AddBackward0>)",
                x.add(2).toString());
        assertEquals(
                "tensor([22.4515, 16.8692,  3.1369], grad_fn=<MulBackward0>)",
                Tensor.of(22.4515, 16.8692, 3.1369).requiresGrad(true).mul(1.0).toString());
        assertEquals(
                "tensor([ 5.1947, 29.2177, 12.3928], grad_fn=<MulBackward0>)",
                Tensor.of(5.1947, 29.2177, 12.3928).requiresGrad(true).mul(1.0).toString());
    }

    @Test
    void zeroDimensionalScalar() {
        assertEquals(
                "tensor(14.1525, grad_fn=<MeanBackward0>)",
                Tensor.scalar(14.1525).requiresGrad(true).mean().toString());
        assertEquals(
                "tensor(14.1525, grad_fn=<MeanBackward0>)",
                Tensor.of(14.1525).requiresGrad(true).mean().toString());
        assertEquals("tensor(2.)", Tensor.scalar(2).toString());
        assertEquals("tensor(-0.5000)", Tensor.scalar(-0.5).toString());
    }

    @Test
    void plainGradient() {
        assertEquals(
                "tensor([4.4673, 3.8723, 1.6698])",
                Tensor.of(4.4673, 3.8723, 1.6698).toString());
    }

    @Test
    void scientificWhenMagnitudesSpanMoreThanAThousand() {
        assertEquals(
                "tensor([6.4465e-01, 1.5289e+01, 9.9570e-03])",
                Tensor.of(0.64465, 15.289, 0.0099570).toString());
    }

    @Test
    void integralValuesPrintWithATrailingPoint() {
        assertEquals("tensor([3., 3., 3., 3.])", Tensor.of(3, 3, 3, 3).toString());
        assertEquals("tensor([6., 6., 6., 6.])", Tensor.of(6, 6, 6, 6).toString());
        assertEquals("tensor([9., 9., 9., 9.])", Tensor.of(9, 9, 9, 9).toString());
        assertEquals("tensor([0., 0., 0.])", Tensor.zeros(3).toString());
        assertEquals(
                "tensor([1., 1., 1., 1.], requires_grad=True)",
                Tensor.ones(4).requiresGrad(true).toString());
        assertEquals("tensor([1000.,    1.])", Tensor.of(1000, 1).toString()); // ratio exactly 1000: not scientific
        assertEquals("tensor([ 2., -1.])", Tensor.of(2, -1).toString());
    }

    // ---- the rest of PyTorch's _Formatter rules ----

    @Test
    void scientificModes() {
        assertEquals("tensor([1.0000e+00, 1.0000e+04])", Tensor.of(1, 10000).toString()); // integral, ratio > 1000
        assertEquals("tensor([1.0000e+09])", Tensor.of(1e9).toString()); // max > 1e8
        assertEquals("tensor([1.0000e-05, 1.0000e+00])", Tensor.of(1e-5, 1).toString()); // min < 1e-4
        assertEquals("tensor([ 1.0000e-05, -1.0000e+00])", Tensor.of(1e-5, -1).toString());
        assertEquals(
                "tensor([1.2346e+100,  1.0000e+00])", Tensor.of(1.23456e100, 1).toString());
        assertEquals(
                "tensor([1.0000e+01, 1.0000e-03])", Tensor.of(9.99996, 0.001).toString()); // mantissa rounds up
    }

    @Test
    void roundingIsHalfEvenOnTheExactBinaryValue() {
        // 1/32 = 0.03125 exactly: a tie, to even; 3/32 = 0.09375: a tie, up to even
        assertEquals(
                "tensor([0.0312, 0.0938, 1.0000])",
                Tensor.of(0.03125, 0.09375, 1).toString());
    }

    @Test
    void nonFiniteAndNegativeZero() {
        assertEquals(
                "tensor([1.5000,    nan,    inf,   -inf])",
                Tensor.of(1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)
                        .toString());
        assertEquals("tensor([nan])", Tensor.of(Double.NaN).toString());
        assertEquals("tensor([-0.])", Tensor.of(-0.0).toString());
        assertEquals(
                "tensor([       nan, 2.0000e-05, 1.0000e+00])",
                Tensor.of(Double.NaN, 2e-5, 1).toString());
        assertEquals("tensor([])", Tensor.of().toString());
    }

    @Test
    void longVectorsWrapAtEightyColumns() {
        double[] halves = new double[20];
        for (int i = 0; i < halves.length; i++) {
            halves[i] = 0.5 * i;
        }
        assertEquals(
                "tensor([0.0000, 0.5000, 1.0000, 1.5000, 2.0000, 2.5000, 3.0000, 3.5000, 4.0000,\n"
                        + "        4.5000, 5.0000, 5.5000, 6.0000, 6.5000, 7.0000, 7.5000, 8.0000, 8.5000,\n"
                        + "        9.0000, 9.5000])",
                Tensor.of(halves).toString());
    }

    @Test
    void suffixMovesToItsOwnLineWhenItDoesNotFit() {
        Tensor x = Tensor.of(-0.4386, 0.3217, -0.5862, -1.0297, 0.9361, -0.1542, 0.5624, 1.6164)
                .requiresGrad(true);
        assertEquals(
                "tensor([-0.4386,  0.3217, -0.5862, -1.0297,  0.9361, -0.1542,  0.5624,  1.6164],\n"
                        + "       requires_grad=True)",
                x.toString());
    }

    @Test
    void moreThanAThousandElementsAreSummarized() {
        double[] v = new double[1001];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        assertEquals(
                "tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.])",
                Tensor.of(v).toString());
    }
}
