package corpus;

import dev.adjoint.Differentiable;

/**
 * Minimal reproducers of open generator bugs found by the corpus, each marked //@bug with the
 * variants it breaks (skipped there; -Dadjoint.corpus.runBugs=true runs them). Remove the
 * directive when the bug is fixed: the method then stays as a regression test.
 */
public class Bugs {

    // expected {0.6, 1.4, 2.2} at the first point (2w: the loop stops after adding w[2]^2)
    //@at ({0.3, 0.7, 1.1})
    //@at ({0.3, 0.7, 0.1})
    @Differentiable
    static double breakInWhile(double[] w) {
        double s = 0;
        int i = 0;
        while (i < w.length) {
            s = s + w[i] * w[i];
            if (s > 1) {
                break;
            }
            i++;
        }
        return s;
    }

    // expected {0.6, 1.4, 0.0, 1.6} at the first point (w[2] is skipped)
    //@at ({0.3, 0.7, 1.1, 0.8})
    //@at ({0.9, 0.2, 0.4})
    @Differentiable
    static double intOnlyBranchInLoop(double[] w) {
        double s = 0;
        int i = 0;
        while (i < w.length) {
            s = s + w[i] * w[i];
            if (w[i] > 0.5) {
                i++;
            }
            i++;
        }
        return s;
    }

    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable(wrt = "x")
    static double onlyX(double x, double y) {
        return x * y;
    }

    // expected {y, x}
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double calleeWrtSubset(double x, double y) {
        return onlyX(x, y);
    }

    // expected: static (the README supports local arrays declared at the method's top level)
    // regression (was a bug): a local array declared at the top level after an if that returns was rejected as
    // "created inside a block or loop" (the rest of the method runs under the early return's guard), so AUTO fell
    // back to the tape; now it is static, the array and its adjoint declared at the top of the adjoint
    //@at ({0.5, -1.5, 2.0})
    //@at ({-0.5, 1.5})
    @Differentiable
    static double localArrayAfterReturn(double[] x) {
        if (x[0] < 0) {
            return x[1];
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * x[i];
        }
        return y[0] * y[1];
    }

    // expected: the value 3 / 2 * x = 1 * x, and the gradient {1.0} at (1.0, 3)
    //@at (1.0, 3)
    //@at (-0.7, 7)
    @Differentiable
    static double integerDivisionOnTheTape(double x, int n) {
        return n / 2 * x;
    }
}
