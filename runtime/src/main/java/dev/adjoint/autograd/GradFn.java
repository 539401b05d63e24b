package dev.adjoint.autograd;

/**
 * The node that made a non-leaf tensor: which operation, on which inputs, and how to send the
 * output's gradient back to them. {@link #name()} is PyTorch's name for the same node
 * ({@code MulBackward0}), which is what {@code grad_fn=<...>} prints.
 *
 * <p>The derivative rules live in one table, {@link #backward(double[])}: each case gives its math
 * first. Rules recompute what they need from the inputs' values rather than saving the output,
 * which keeps a node at three references and a double.
 */
public final class GradFn {
    /** The recorded operations, each with the name of PyTorch's backward node. */
    enum Op {
        ADD("AddBackward0"),
        SUB("SubBackward0"),
        MUL("MulBackward0"),
        DIV("DivBackward0"),
        NEG("NegBackward0"),
        POW("PowBackward0"),
        EXP("ExpBackward0"),
        LOG("LogBackward0"),
        SIN("SinBackward0"),
        COS("CosBackward0"),
        TANH("TanhBackward0"),
        SQRT("SqrtBackward0"),
        SUM("SumBackward0"),
        MEAN("MeanBackward0"),
        DOT("DotBackward0");

        final String pytorchName;

        Op(String pytorchName) {
            this.pytorchName = pytorchName;
        }
    }

    private final Op op;
    /** The first operand. */
    final Tensor a;
    /** The second tensor operand, or null when the other operand is the double {@link #c}. */
    final Tensor b;
    /** The double operand ({@code x.add(2)}, {@code x.pow(3)}); unused when {@link #b} is set. */
    private final double c;

    GradFn(Op op, Tensor a, Tensor b, double c) {
        this.op = op;
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /** PyTorch's name for this node, e.g. {@code AddBackward0}. */
    public String name() {
        return op.pytorchName;
    }

    /** The same as {@link #name()}. */
    @Override
    public String toString() {
        return name();
    }

    /**
     * Adds this node's contribution to its inputs' gradients, given {@code g = dL/dz} for its
     * output {@code z} (one entry per output element). An input broadcast from a single element
     * receives the sum over all output elements: the adjoint of a broadcast is a sum. Inputs that
     * need no gradient have no sink and are skipped.
     */
    void backward(double[] g) {
        double[] dx = a.gradSink();
        double[] dy = b == null ? null : b.gradSink();
        double[] x = a.data;
        double[] y = b == null ? null : b.data;
        int n = g.length;
        switch (op) {
            // ---- binary, elementwise; y is the tensor operand, or the double c ----
            case ADD -> { // z = x + y:  dx += g,  dy += g
                for (int i = 0; i < n; i++) {
                    add(dx, i, g[i]);
                    add(dy, i, g[i]);
                }
            }
            case SUB -> { // z = x - y:  dx += g,  dy -= g
                for (int i = 0; i < n; i++) {
                    add(dx, i, g[i]);
                    add(dy, i, -g[i]);
                }
            }
            case MUL -> { // z = x * y:  dx += g * y,  dy += g * x
                for (int i = 0; i < n; i++) {
                    add(dx, i, g[i] * operand(y, i));
                    add(dy, i, g[i] * at(x, i));
                }
            }
            case DIV -> { // z = x / y:  dx += g / y,  dy -= g * x / y^2
                for (int i = 0; i < n; i++) {
                    double yi = operand(y, i);
                    add(dx, i, g[i] / yi);
                    add(dy, i, -g[i] * at(x, i) / (yi * yi));
                }
            }
            // ---- unary, elementwise ----
            case NEG -> { // z = -x:  dx -= g
                for (int i = 0; i < n; i++) {
                    add(dx, i, -g[i]);
                }
            }
            case POW -> { // z = x^p:  dx += g * p * x^(p-1); PyTorch defines the p = 0 case as 0
                for (int i = 0; i < n; i++) {
                    add(dx, i, c == 0.0 ? 0.0 : g[i] * c * Math.pow(x[i], c - 1.0));
                }
            }
            case EXP -> { // z = e^x:  dx += g * e^x
                for (int i = 0; i < n; i++) {
                    add(dx, i, g[i] * Math.exp(x[i]));
                }
            }
            case LOG -> { // z = ln x:  dx += g / x
                for (int i = 0; i < n; i++) {
                    add(dx, i, g[i] / x[i]);
                }
            }
            case SIN -> { // z = sin x:  dx += g * cos x
                for (int i = 0; i < n; i++) {
                    add(dx, i, g[i] * Math.cos(x[i]));
                }
            }
            case COS -> { // z = cos x:  dx -= g * sin x
                for (int i = 0; i < n; i++) {
                    add(dx, i, -g[i] * Math.sin(x[i]));
                }
            }
            case TANH -> { // z = tanh x:  dx += g * (1 - z^2)
                for (int i = 0; i < n; i++) {
                    double z = Math.tanh(x[i]);
                    add(dx, i, g[i] * (1.0 - z * z));
                }
            }
            case SQRT -> { // z = sqrt x:  dx += g / (2 sqrt x)
                for (int i = 0; i < n; i++) {
                    add(dx, i, g[i] / (2.0 * Math.sqrt(x[i])));
                }
            }
            // ---- reductions: g has one element ----
            case SUM -> { // z = sum_i x_i:  dx_i += g
                for (int i = 0; i < x.length; i++) {
                    add(dx, i, g[0]);
                }
            }
            case MEAN -> { // z = (1/n) sum_i x_i:  dx_i += g / n
                for (int i = 0; i < x.length; i++) {
                    add(dx, i, g[0] / x.length);
                }
            }
            case DOT -> { // z = sum_i x_i y_i:  dx_i += g * y_i,  dy_i += g * x_i
                for (int i = 0; i < x.length; i++) {
                    add(dx, i, g[0] * y[i]);
                    add(dy, i, g[0] * x[i]);
                }
            }
        }
    }

    /** Element i of the second operand: of {@link #b}'s values {@code y}, or the double {@link #c}. */
    private double operand(double[] y, int i) {
        return y == null ? c : at(y, i);
    }

    /** Element i of a value broadcast from one element, or of a same-sized one. */
    private static double at(double[] v, int i) {
        return v[v.length == 1 ? 0 : i];
    }

    /** {@code sink[i] += v}, summing into element 0 of a broadcast input; no-op without a sink. */
    private static void add(double[] sink, int i, double v) {
        if (sink != null) {
            sink[sink.length == 1 ? 0 : i] += v;
        }
    }
}
