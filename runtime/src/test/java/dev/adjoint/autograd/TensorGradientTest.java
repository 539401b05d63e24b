package dev.adjoint.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.check.GradCheck;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Every operation's backward rule against central differences: f(x) is a weighted sum of the
 * operation's output, built from tensors, and {@code backward()} must give its gradient.
 */
class TensorGradientTest {
    private static final double RTOL = 1e-6;
    private static final double ATOL = 1e-9;
    private static final double[] SIX = {0.7, -1.3, 2.1, 0.4, 1.9, -0.8};
    private static final double[] POSITIVE = {0.7, 1.3, 2.1, 0.4, 1.9, 0.8};

    /**
     * Splits {@code x} into the operands {@code shapes} describes (0: a 0-D scalar, n: a 1-D
     * tensor of n), applies {@code op}, and checks the gradient of a weighted sum of the result
     * with respect to all operands. Returns the result's grad_fn name.
     */
    private static String check(Function<Tensor[], Tensor> op, double[] x, int... shapes) {
        ToDoubleFunction<double[]> f =
                v -> loss(op.apply(split(v, shapes, false))).item();
        Tensor[] leaves = split(x, shapes, true);
        Tensor out = op.apply(leaves);
        loss(out).backward();
        double[] analytic = new double[x.length];
        int k = 0;
        for (Tensor leaf : leaves) {
            double[] g =
                    leaf.grad() == null ? new double[leaf.size()] : leaf.grad().values();
            assertEquals(
                    leaf.dim(), leaf.grad() == null ? leaf.dim() : leaf.grad().dim(), "grad has the leaf's shape");
            System.arraycopy(g, 0, analytic, k, g.length);
            k += g.length;
        }
        GradCheck.assertGradient(f, x, analytic, RTOL, ATOL);
        return out.gradFn().name();
    }

    private static Tensor[] split(double[] x, int[] shapes, boolean requiresGrad) {
        Tensor[] operands = new Tensor[shapes.length];
        int k = 0;
        for (int j = 0; j < shapes.length; j++) {
            int n = Math.max(1, shapes[j]);
            double[] part = java.util.Arrays.copyOfRange(x, k, k + n);
            operands[j] = (shapes[j] == 0 ? Tensor.scalar(part[0]) : Tensor.of(part)).requiresGrad(requiresGrad);
            k += n;
        }
        assertEquals(x.length, k, "shapes cover x");
        return operands;
    }

    /** A weighted sum, so that a rule sending element i's gradient to the wrong place is caught. */
    private static Tensor loss(Tensor out) {
        if (out.dim() == 0) {
            return out.mul(1.7);
        }
        double[] w = new double[out.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1.0 + 0.37 * i * (i % 2 == 0 ? 1 : -1);
        }
        return out.mul(Tensor.of(w)).sum();
    }

    private static double[] take(double[] x, int n) {
        return java.util.Arrays.copyOf(x, n);
    }

    @Test
    void addTensorScalarBroadcastAndDouble() {
        assertEquals("AddBackward0", check(t -> t[0].add(t[1]), SIX, 3, 3));
        assertEquals("AddBackward0", check(t -> t[0].add(t[1]), take(SIX, 4), 3, 0));
        assertEquals("AddBackward0", check(t -> t[0].add(t[1]), take(SIX, 4), 0, 3));
        assertEquals("AddBackward0", check(t -> t[0].add(t[1]), take(SIX, 4), 1, 3));
        assertEquals("AddBackward0", check(t -> t[0].add(t[1]), take(SIX, 2), 0, 0));
        assertEquals("AddBackward0", check(t -> t[0].add(2.0), take(SIX, 3), 3));
    }

    @Test
    void subTensorScalarBroadcastAndDouble() {
        assertEquals("SubBackward0", check(t -> t[0].sub(t[1]), SIX, 3, 3));
        assertEquals("SubBackward0", check(t -> t[0].sub(t[1]), take(SIX, 4), 3, 0));
        assertEquals("SubBackward0", check(t -> t[0].sub(t[1]), take(SIX, 4), 0, 3));
        assertEquals("SubBackward0", check(t -> t[0].sub(2.5), take(SIX, 3), 3));
    }

    @Test
    void mulTensorScalarBroadcastAndDouble() {
        assertEquals("MulBackward0", check(t -> t[0].mul(t[1]), SIX, 3, 3));
        assertEquals("MulBackward0", check(t -> t[0].mul(t[1]), take(SIX, 4), 3, 0));
        assertEquals("MulBackward0", check(t -> t[0].mul(t[1]), take(SIX, 4), 0, 3));
        assertEquals("MulBackward0", check(t -> t[0].mul(t[1]), take(SIX, 2), 0, 0));
        assertEquals("MulBackward0", check(t -> t[0].mul(-3.0), take(SIX, 3), 3));
        assertEquals("MulBackward0", check(t -> t[0].mul(t[0]), take(SIX, 3), 3)); // both operands the same leaf
    }

    @Test
    void divTensorScalarBroadcastAndDouble() {
        assertEquals("DivBackward0", check(t -> t[0].div(t[1]), SIX, 3, 3));
        assertEquals("DivBackward0", check(t -> t[0].div(t[1]), take(SIX, 4), 3, 0));
        assertEquals("DivBackward0", check(t -> t[0].div(t[1]), take(POSITIVE, 4), 0, 3));
        assertEquals("DivBackward0", check(t -> t[0].div(4.0), take(SIX, 3), 3));
    }

    @Test
    void unaryOperations() {
        assertEquals("NegBackward0", check(t -> t[0].neg(), SIX, 6));
        assertEquals("ExpBackward0", check(t -> t[0].exp(), SIX, 6));
        assertEquals("LogBackward0", check(t -> t[0].log(), POSITIVE, 6));
        assertEquals("SinBackward0", check(t -> t[0].sin(), SIX, 6));
        assertEquals("CosBackward0", check(t -> t[0].cos(), SIX, 6));
        assertEquals("TanhBackward0", check(t -> t[0].tanh(), SIX, 6));
        assertEquals("SqrtBackward0", check(t -> t[0].sqrt(), POSITIVE, 6));
        assertEquals("ExpBackward0", check(t -> t[0].exp(), take(SIX, 1), 0));
    }

    @Test
    void powOfSeveralExponents() {
        assertEquals("PowBackward0", check(t -> t[0].pow(3.0), SIX, 6));
        assertEquals("PowBackward0", check(t -> t[0].pow(2.0), SIX, 6));
        assertEquals("PowBackward0", check(t -> t[0].pow(0.5), POSITIVE, 6));
        assertEquals("PowBackward0", check(t -> t[0].pow(-1.5), POSITIVE, 6));
        assertEquals("PowBackward0", check(t -> t[0].pow(0.0), SIX, 6));
    }

    @Test
    void reductions() {
        assertEquals("SumBackward0", check(t -> t[0].sum(), SIX, 6));
        assertEquals("MeanBackward0", check(t -> t[0].mean(), SIX, 6));
        assertEquals("DotBackward0", check(t -> t[0].dot(t[1]), SIX, 3, 3));
        assertEquals("SumBackward0", check(t -> t[0].sum(), take(SIX, 1), 0));
        assertEquals("MeanBackward0", check(t -> t[0].mean(), take(SIX, 1), 0));
    }

    @Test
    void compositeWithSharedSubexpressions() {
        // y is used three times and x twice: each interior gradient must be complete before it is sent on
        Function<Tensor[], Tensor> f = t -> {
            Tensor x = t[0];
            Tensor w = t[1];
            Tensor y = x.mul(w).add(0.3).tanh();
            return y.mul(y)
                    .add(y.exp().div(x.pow(2.0).add(1.0)))
                    .sub(y.sin().mul(x.cos()))
                    .mean()
                    .add(x.dot(w).sqrt().mul(t[2]));
        };
        assertEquals("AddBackward0", check(f, new double[] {0.7, 1.3, 2.1, 0.4, 1.9, 0.8, -0.6}, 3, 3, 0));
    }

    @Test
    void notebookChainGivesFourTimesXPlusTwoOverN() {
        // z = mean(2 (x + 2)^2):  dz/dx = 4 (x + 2) / 3
        double[] x = {1.3505, 0.9042, -0.7476};
        Tensor leaf = Tensor.of(x).requiresGrad(true);
        Tensor y = leaf.add(2);
        y.mul(y).mul(2).mean().backward();
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = 4 * (x[i] + 2) / 3;
        }
        assertArrayEquals(expected, leaf.grad().values(), 1e-12);
    }
}
