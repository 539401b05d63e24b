package dev.adjoint.autograd;

import dev.adjoint.autograd.GradFn.Op;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A vector of {@code double}s (1-D), or a single {@code double} (0-D, what reductions return),
 * that records how it was computed when autograd needs it: PyTorch's {@code torch.Tensor}, cut
 * down to what the autograd notebook uses.
 *
 * <p>A tensor made by a factory is a <em>leaf</em>. An operation whose operands include a tensor
 * that {@linkplain #requiresGrad() requires a gradient} records a {@link GradFn}, outside a
 * {@link Autograd#noGrad()} scope. {@link #backward()} then adds {@code d(this)/d(leaf)} into
 * every such leaf's {@link #grad()}: gradients accumulate until {@link #zero_() zeroed}.
 *
 * <p>Binary operations take a same-sized operand, or broadcast a single-element one (a 0-D
 * scalar or a double). Values are immutable except through {@link #zero_()}. Not thread-safe.
 */
public final class Tensor {
    /** The values; shared with {@link #detach()}ed views, otherwise owned. */
    final double[] data;

    private final boolean zeroDim;
    final GradFn gradFn;
    private boolean requiresGrad;
    /** A leaf's accumulated gradient, or null before the first backward that reaches it. */
    private Tensor grad;
    /** An interior tensor's gradient while {@link ReverseSweep} collects it; null otherwise. */
    double[] pending;
    /** Which topological sort last saw this tensor, and how far; see {@link ReverseSweep}. */
    long visit;

    private Tensor(double[] data, boolean zeroDim, GradFn gradFn) {
        this.data = data;
        this.zeroDim = zeroDim;
        this.gradFn = gradFn;
        this.requiresGrad = gradFn != null;
    }

    // ---- factories: leaves that do not require a gradient until asked ----

    /** A 1-D tensor holding a copy of {@code values}, as {@code torch.tensor([...])}. */
    public static Tensor of(double... values) {
        return new Tensor(values.clone(), false, null);
    }

    /** A 0-D tensor, as {@code torch.tensor(value)}. */
    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, true, null);
    }

    /** {@code n} zeros, as {@code torch.zeros(n)}. */
    public static Tensor zeros(int n) {
        return new Tensor(new double[n], false, null);
    }

    /** {@code n} ones, as {@code torch.ones(n)}. */
    public static Tensor ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1.0);
        return new Tensor(v, false, null);
    }

    /** {@code n} standard normal draws from {@code rnd}, as {@code torch.randn(n)}. */
    public static Tensor randn(int n, Random rnd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return new Tensor(v, false, null);
    }

    // ---- autograd state ----

    /**
     * Fluent form of {@link #requiresGrad_(boolean)} for construction:
     * {@code Tensor.ones(4).requiresGrad(true)} is {@code torch.ones(4, requires_grad=True)}.
     */
    public Tensor requiresGrad(boolean requiresGrad) {
        return requiresGrad_(requiresGrad);
    }

    /**
     * Sets whether this leaf records operations and receives a gradient, as PyTorch's
     * {@code x.requires_grad_(flag)}. A computed tensor always requires a gradient; asking it not to
     * is an error (use {@link #detach()}).
     */
    public Tensor requiresGrad_(boolean requiresGrad) {
        if (!isLeaf()) {
            if (!requiresGrad) {
                throw new AutogradException(
                        "you can only change requires_grad flags of leaf variables. If you want to use"
                                + " a computed variable in a subgraph that doesn't require differentiation use"
                                + " var_no_grad = var.detach().");
            }
            return this;
        }
        this.requiresGrad = requiresGrad;
        return this;
    }

    /** Whether operations on this tensor are recorded: a leaf asked to, or any recorded result. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Whether this tensor was not made by a recorded operation (no {@link #gradFn()}). */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The node that made this tensor, or null for a leaf. */
    public GradFn gradFn() {
        return gradFn;
    }

    /**
     * This leaf's accumulated gradient, shaped like it; null until a backward reaches it, and
     * always null for computed tensors (only leaves keep a gradient, as in PyTorch).
     */
    public Tensor grad() {
        return grad;
    }

    /** The same values, cut from the graph: a leaf that does not require a gradient. */
    public Tensor detach() {
        return new Tensor(data, zeroDim, null);
    }

    /**
     * Sets every value to 0 in place and returns this tensor; used on gradients,
     * {@code x.grad().zero_()}. A leaf that requires a gradient can be zeroed only inside
     * {@link Autograd#noGrad()}, and a recorded result never (its consumers' rules read it).
     */
    public Tensor zero_() {
        if (!isLeaf()) {
            throw new AutogradException("zero_() on a computed tensor is not supported: backward reads its values");
        }
        if (requiresGrad && Autograd.isGradEnabled()) {
            throw new AutogradException("a leaf Variable that requires grad is being used in an in-place operation.");
        }
        Arrays.fill(data, 0.0);
        return this;
    }

    // ---- values ----

    /** The number of elements (1 for a 0-D tensor). */
    public int size() {
        return data.length;
    }

    /** 0 for a scalar made by a reduction or {@link #scalar(double)}, else 1. */
    public int dim() {
        return zeroDim ? 0 : 1;
    }

    /** A copy of the values. */
    public double[] values() {
        return data.clone();
    }

    /** Element {@code i}. */
    public double get(int i) {
        return data[i];
    }

    /** The single value of a one-element tensor, as {@code x.item()}. */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("a Tensor with " + data.length + " elements cannot be converted to Scalar");
        }
        return data[0];
    }

    // ---- operations (derivative rules: GradFn#backward) ----

    /** {@code this + other}, elementwise. */
    public Tensor add(Tensor other) {
        return binary(other, Op.ADD, Double::sum);
    }

    /** {@code this + c}. */
    public Tensor add(double c) {
        return unary(Op.ADD, c, x -> x + c);
    }

    /** {@code this - other}, elementwise. */
    public Tensor sub(Tensor other) {
        return binary(other, Op.SUB, (x, y) -> x - y);
    }

    /** {@code this - c}. */
    public Tensor sub(double c) {
        return unary(Op.SUB, c, x -> x - c);
    }

    /** {@code this * other}, elementwise. */
    public Tensor mul(Tensor other) {
        return binary(other, Op.MUL, (x, y) -> x * y);
    }

    /** {@code this * c}. */
    public Tensor mul(double c) {
        return unary(Op.MUL, c, x -> x * c);
    }

    /** {@code this / other}, elementwise. */
    public Tensor div(Tensor other) {
        return binary(other, Op.DIV, (x, y) -> x / y);
    }

    /** {@code this / c}. */
    public Tensor div(double c) {
        return unary(Op.DIV, c, x -> x / c);
    }

    /** {@code -this}. */
    public Tensor neg() {
        return unary(Op.NEG, 0.0, x -> -x);
    }

    /** {@code this^p}, elementwise. */
    public Tensor pow(double p) {
        return unary(Op.POW, p, x -> Math.pow(x, p));
    }

    /** {@code e^this}, elementwise. */
    public Tensor exp() {
        return unary(Op.EXP, 0.0, Math::exp);
    }

    /** The natural logarithm, elementwise. */
    public Tensor log() {
        return unary(Op.LOG, 0.0, Math::log);
    }

    /** Sine, elementwise. */
    public Tensor sin() {
        return unary(Op.SIN, 0.0, Math::sin);
    }

    /** Cosine, elementwise. */
    public Tensor cos() {
        return unary(Op.COS, 0.0, Math::cos);
    }

    /** Hyperbolic tangent, elementwise. */
    public Tensor tanh() {
        return unary(Op.TANH, 0.0, Math::tanh);
    }

    /** Square root, elementwise. */
    public Tensor sqrt() {
        return unary(Op.SQRT, 0.0, Math::sqrt);
    }

    /** The sum of the elements, a 0-D tensor. */
    public Tensor sum() {
        double s = 0.0;
        for (double v : data) {
            s += v;
        }
        return result(new double[] {s}, true, Op.SUM, null, 0.0);
    }

    /** The mean of the elements, a 0-D tensor (NaN when empty, as in PyTorch). */
    public Tensor mean() {
        double s = 0.0;
        for (double v : data) {
            s += v;
        }
        return result(new double[] {s / data.length}, true, Op.MEAN, null, 0.0);
    }

    /** The inner product with a 1-D tensor of the same size, a 0-D tensor. */
    public Tensor dot(Tensor other) {
        if (zeroDim || other.zeroDim) {
            throw new IllegalArgumentException(
                    "1D tensors expected, but got " + dim() + "D and " + other.dim() + "D tensors");
        }
        if (data.length != other.data.length) {
            throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + data.length
                    + "] and src ["
                    + other.data.length + "] to have the same number of elements, but got " + data.length + " and "
                    + other.data.length + " elements respectively");
        }
        double s = 0.0;
        for (int i = 0; i < data.length; i++) {
            s += data[i] * other.data[i];
        }
        return result(new double[] {s}, true, Op.DOT, other, 0.0);
    }

    private Tensor unary(Op op, double c, DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return result(out, zeroDim, op, null, c);
    }

    private Tensor binary(Tensor other, Op op, DoubleBinaryOperator f) {
        int n = data.length;
        int m = other.data.length;
        if (n != m && n != 1 && m != 1) {
            throw new IllegalArgumentException("The size of tensor a (" + n + ") must match the size of tensor b (" + m
                    + ") at non-singleton dimension 0");
        }
        // a single element broadcasts against any size, including 0
        double[] out = new double[n == 1 ? m : n];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[n == 1 ? 0 : i], other.data[m == 1 ? 0 : i]);
        }
        return result(out, zeroDim && other.zeroDim, op, other, 0.0);
    }

    /** A new tensor holding {@code values}; records {@code op} when an operand requires a gradient. */
    private Tensor result(double[] values, boolean zeroDimResult, Op op, Tensor other, double c) {
        boolean record = Autograd.isGradEnabled() && (requiresGrad || (other != null && other.requiresGrad));
        return new Tensor(values, zeroDimResult, record ? new GradFn(op, this, other, c) : null);
    }

    // ---- backward ----

    /**
     * Adds the gradient of this one-element tensor with respect to every leaf it depends on into
     * the leaves' {@link #grad()}, as {@code z.backward()}.
     *
     * @throws AutogradException if this tensor does not require a gradient, or has more than one
     *     element (PyTorch's messages)
     */
    public void backward() {
        requireGraph();
        if (data.length != 1) {
            throw new AutogradException("grad can be implicitly created only for scalar outputs");
        }
        ReverseSweep.run(this, new double[] {1.0});
    }

    /**
     * Vector-Jacobian product: adds {@code v^T d(this)/d(leaf)} into every leaf's {@link #grad()},
     * as {@code z.backward(v)}; {@code v} has this tensor's shape.
     */
    public void backward(Tensor v) {
        requireGraph();
        if (v.zeroDim != zeroDim || v.data.length != data.length) {
            throw new AutogradException("Mismatch in shape: grad_output[0] has a shape of " + v.shape()
                    + " and output[0] has a shape of " + shape() + ".");
        }
        ReverseSweep.run(this, v.data.clone());
    }

    private void requireGraph() {
        if (!requiresGrad) {
            throw new AutogradException("element 0 of tensors does not require grad and does not have a grad_fn");
        }
    }

    /**
     * Where backward adds this tensor's gradient: a leaf's {@link #grad()} (created at 0 on first
     * use), an interior tensor's pending buffer, or null when no gradient is wanted.
     */
    double[] gradSink() {
        if (!requiresGrad) {
            return null;
        }
        if (gradFn == null) {
            if (grad == null) {
                grad = new Tensor(new double[data.length], zeroDim, null);
            }
            return grad.data;
        }
        if (pending == null) {
            pending = new double[data.length];
        }
        return pending;
    }

    private String shape() {
        return zeroDim ? "torch.Size([])" : "torch.Size([" + data.length + "])";
    }

    /**
     * PyTorch's print format: {@code tensor([ 1.3505,  0.9042, -0.7476], requires_grad=True)},
     * {@code tensor(14.1525, grad_fn=<MeanBackward0>)}, {@code tensor([3., 3.])}.
     */
    @Override
    public String toString() {
        return TensorFormat.format(data, zeroDim, gradFn == null ? null : gradFn.name(), requiresGrad);
    }
}
