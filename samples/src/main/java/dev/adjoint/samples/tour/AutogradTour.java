package dev.adjoint.samples.tour;

import dev.adjoint.autograd.Autograd;
import dev.adjoint.autograd.AutogradException;
import dev.adjoint.autograd.Tensor;
import java.io.PrintStream;
import java.util.Random;

/**
 * The PyTorch autograd notebook ({@code In [68]} to {@code In [84]}) on
 * {@link dev.adjoint.autograd.Tensor}: each cell is a method doing what the cell does and
 * printing what it prints, in PyTorch's format. The notebook's globals ({@code x}, {@code y},
 * {@code z}, {@code v}) are this object's fields, and {@code torch.randn} draws from one seeded
 * generator, so the random cells print other numbers than the notebook but the same ones on
 * every run; the training cells print exactly the notebook's lines. Where a cell raises, the error
 * prints as Python shows it, {@code RuntimeError: <message>}, and the tour goes on. Each cell
 * first prints the Java it runs, with the notebook's Python beside it in comments (the notebook:
 * {@code docs/autograd-notebook.txt} in the repository).
 */
public final class AutogradTour {
    private final PrintStream out;
    /** torch's global generator. */
    private final Random rnd;

    private Tensor x;
    private Tensor y;
    private Tensor z;
    private Tensor v;

    private AutogradTour(PrintStream out, Random rnd) {
        this.out = out;
        this.rnd = rnd;
    }

    /** Runs the tour with seed 42, or the seed given as the first argument. */
    public static void main(String[] args) {
        run(System.out, args.length > 0 ? Long.parseLong(args[0]) : 42L);
    }

    /** Runs every cell in order, printing to {@code out}; the output depends only on {@code seed}. */
    public static void run(PrintStream out, long seed) {
        AutogradTour notebook = new AutogradTour(out, new Random(seed));
        notebook.in68();
        notebook.in69();
        notebook.in70();
        notebook.in71();
        notebook.in72();
        notebook.in73();
        notebook.in75();
        notebook.in76();
        notebook.in77();
        notebook.in78();
        notebook.in79();
        notebook.in80();
        notebook.in81();
        notebook.in82();
        notebook.in83();
        notebook.in84();
    }

    /**
     * Starts a cell: a blank line after the previous one, its prompt, then the Java it runs (the
     * notebook's Python in comments), indented, so that the output below it reads as the cell's.
     */
    private void cell(int number, String code) {
        if (number > 68) {
            out.println();
        }
        out.println("In [" + number + "]:");
        code.lines().forEach(line -> out.println(CODE_INDENT + line));
    }

    /** Code lines start with this; output lines never do. */
    static final String CODE_INDENT = "  | ";

    // ---- the gradient of a small computation ----

    /** {@code x = torch.randn(3, requires_grad=True)} */
    private void in68() {
        cell(68, """
                x = Tensor.randn(3, rnd).requiresGrad(true);   // x = torch.randn(3, requires_grad=True)
                out.println(x);                                 // print(x)
                """);
        x = Tensor.randn(3, rnd).requiresGrad(true);
        out.println(x);
    }

    /** Addition records {@code AddBackward0}. */
    private void in69() {
        cell(69, """
                y = x.add(2);                                   // y = x + 2
                out.println(y);
                """);
        y = x.add(2);
        out.println(y);
    }

    /** {@code z = y*y*2} records {@code MulBackward0}. */
    private void in70() {
        cell(70, """
                z = y.mul(y).mul(2);                            // z = y*y*2
                out.println(z);
                """);
        z = y.mul(y).mul(2);
        out.println(z);
    }

    /** {@code z = z.mean()}: a 0-D result with {@code MeanBackward0}. */
    private void in71() {
        cell(71, """
                z = z.mean();                                   // z = z.mean()
                out.println(z);
                """);
        z = z.mean();
        out.println(z);
    }

    /** {@code z.backward()}: {@code x.grad} is dz/dx = 4 (x + 2) / 3. */
    private void in72() {
        cell(72, """
                z.backward();                                   // z.backward()  (dz/dx)
                out.println(x);
                out.println(x.grad());                          // print(x.grad)
                """);
        z.backward();
        out.println(x);
        out.println(x.grad());
    }

    // ---- errors ----

    /** Without {@code requires_grad=True} there is no graph to go backward through. */
    private void in73() {
        cell(73, """
                x = Tensor.randn(3, rnd).requiresGrad(false);  // x = torch.randn(3, requires_grad=False)
                y = x.add(2);
                z = y.mul(y).mul(2);
                z = z.mean();
                z.backward();                                   // raises: nothing to go backward through
                out.println(x.grad());
                """);
        x = Tensor.randn(3, rnd).requiresGrad(false);
        y = x.add(2);
        z = y.mul(y).mul(2);
        z = z.mean();
        try {
            z.backward();
            out.println(x.grad());
        } catch (AutogradException e) {
            runtimeError(e);
        }
    }

    /** A vector {@code z} needs a vector for {@code backward}. */
    private void in75() {
        cell(75, """
                x = Tensor.randn(3, rnd).requiresGrad(true);
                y = x.add(2);
                z = y.mul(y).mul(2);                            // a vector, not a scalar
                out.println(z);
                v = Tensor.of(0.1, 1.0, 0.001);
                z.backward();                                   // raises: a vector z needs backward(v)
                """);
        x = Tensor.randn(3, rnd).requiresGrad(true);
        y = x.add(2);
        z = y.mul(y).mul(2);
        out.println(z);
        v = Tensor.of(0.1, 1.0, 0.001);
        try {
            z.backward();
        } catch (AutogradException e) {
            runtimeError(e);
        }
    }

    /** {@code z.backward(v)}: {@code x.grad} is the vector-Jacobian product v * 4 (x + 2). */
    private void in76() {
        cell(76, """
                v = Tensor.of(0.1, 1.0, 0.001);                 // v = torch.tensor([0.1, 1.0, 0.001])
                z.backward(v);                                  // z.backward(v): the vector-Jacobian product
                out.println(x.grad());
                """);
        v = Tensor.of(0.1, 1.0, 0.001);
        z.backward(v);
        out.println(x.grad());
    }

    // ---- three ways to stop tracking ----

    /** Comments only: {@code requires_grad_(False)}, {@code detach()}, {@code no_grad()}. */
    private void in77() {
        cell(77, """
                // three ways to stop tracking: x.requiresGrad_(false), x.detach(), try (var g = Autograd.noGrad()) { ... }
                """);
    }

    /** {@code x.detach()} */
    private void in78() {
        cell(78, """
                x = Tensor.randn(3, rnd).requiresGrad(true);
                out.println(python(x.requiresGrad()));           // print(x.requires_grad)
                y = x.detach();                                 // y = x.detach()
                out.println(python(y.requiresGrad()));
                """);
        x = Tensor.randn(3, rnd).requiresGrad(true);
        out.println(python(x.requiresGrad()));
        y = x.detach();
        out.println(python(y.requiresGrad()));
    }

    /** {@code x.requires_grad_(False)} */
    private void in79() {
        cell(79, """
                x = Tensor.randn(3, rnd).requiresGrad(true);
                out.println(python(x.requiresGrad()));           // print(x.requires_grad)
                x.requiresGrad_(false);                         // x.requires_grad_(False)
                out.println(python(x.requiresGrad()));           // print(x.requires_grad)
                """);
        x = Tensor.randn(3, rnd).requiresGrad(true);
        out.println(python(x.requiresGrad()));
        x.requiresGrad_(false);
        out.println(python(x.requiresGrad()));
    }

    /** {@code with torch.no_grad():} */
    @SuppressWarnings("try") // the scope is used only to be closed, as Python's with-block
    private void in80() {
        cell(80, """
                x = Tensor.randn(3, rnd).requiresGrad(true);
                out.println(python(x.requiresGrad()));           // print(x.requires_grad)
                try (var noGrad = Autograd.noGrad()) {          // with torch.no_grad():
                    y = x.add(2);
                    out.println(python(y.requiresGrad()));
                }
                """);
        x = Tensor.randn(3, rnd).requiresGrad(true);
        out.println(python(x.requiresGrad()));
        try (var noGrad = Autograd.noGrad()) {
            y = x.add(2);
            out.println(python(y.requiresGrad()));
        }
    }

    // ---- training: gradients accumulate until zeroed ----

    private void in81() {
        cell(81, """
                Tensor weights = Tensor.ones(4).requiresGrad(true);   // weights = torch.ones(4, requires_grad=True)
                for (int epoch = 0; epoch < 1; epoch++) {
                    Tensor modelOutput = weights.mul(3).sum();     // model_output = (weights*3).sum()
                    modelOutput.backward();
                    out.println(weights.grad());
                }
                """);
        train(1, false);
    }

    private void in82() {
        cell(82, """
                Tensor weights = Tensor.ones(4).requiresGrad(true);   // weights = torch.ones(4, requires_grad=True)
                for (int epoch = 0; epoch < 2; epoch++) {
                    Tensor modelOutput = weights.mul(3).sum();     // model_output = (weights*3).sum()
                    modelOutput.backward();
                    out.println(weights.grad());
                }
                """);
        train(2, false);
    }

    private void in83() {
        cell(83, """
                Tensor weights = Tensor.ones(4).requiresGrad(true);   // weights = torch.ones(4, requires_grad=True)
                for (int epoch = 0; epoch < 3; epoch++) {
                    Tensor modelOutput = weights.mul(3).sum();     // model_output = (weights*3).sum()
                    modelOutput.backward();
                    out.println(weights.grad());
                }
                """);
        train(3, false);
    }

    private void in84() {
        cell(84, """
                Tensor weights = Tensor.ones(4).requiresGrad(true);   // weights = torch.ones(4, requires_grad=True)
                for (int epoch = 0; epoch < 3; epoch++) {
                    Tensor modelOutput = weights.mul(3).sum();     // model_output = (weights*3).sum()
                    modelOutput.backward();
                    out.println(weights.grad());
                    weights.grad().zero_();                        // weights.grad.zero_(): gradients accumulate until zeroed
                }
                """);
        train(3, true);
    }

    /** {@code weights = torch.ones(4, requires_grad=True)}, then epochs of {@code (weights*3).sum()}. */
    private void train(int epochs, boolean zeroGradEachEpoch) {
        Tensor weights = Tensor.ones(4).requiresGrad(true);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Tensor modelOutput = weights.mul(3).sum();
            modelOutput.backward();
            out.println(weights.grad());
            if (zeroGradEachEpoch) {
                weights.grad().zero_();
            }
        }
    }

    private void runtimeError(AutogradException e) {
        out.println("RuntimeError: " + e.getMessage());
    }

    /** How Python prints a bool. */
    private static String python(boolean b) {
        return b ? "True" : "False";
    }
}
