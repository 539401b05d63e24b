package corpus;

import dev.adjoint.Differentiable;

/**
 * Non-differentiable points, PyTorch's conventions checked exactly at the tie (//@exact) and by
 * central differences away from it (//@at): max/min split the gradient evenly at ties, abs has
 * derivative 0 at 0, hypot 0 at the origin, pow masks (b = 0 for ∂/∂a, a = 0 with b ≥ 0 for ∂/∂b).
 */
public class Ties {

    //@at (0.7, -1.2)
    //@at (-0.3, 0.4)
    //@exact (0.5, 0.5) grad {0.5, 0.5}
    //@exact (-2.0, -2.0) grad {0.5, 0.5}
    @Differentiable
    static double max(double x, double y) {
        return Math.max(x, y);
    }

    //@at (0.7, -1.2)
    //@at (-0.3, 0.4)
    //@exact (0.5, 0.5) grad {0.5, 0.5}
    @Differentiable
    static double min(double x, double y) {
        return Math.min(x, y);
    }

    //@at (0.7)
    //@at (-1.3)
    //@exact (0.0) grad {0.0}
    //@exact (-0.0) grad {0.0}
    @Differentiable
    static double abs(double x) {
        return Math.abs(x);
    }

    // the tie with a constant: max(x, 0) at 0 splits, so the derivative of 2 max(x, 0) is 2 * 0.5 (not relu's 0)
    //@at (0.7)
    //@at (-1.3)
    //@exact (0.0) grad {1.0}
    @Differentiable
    static double maxWithZero(double x) {
        return Math.max(x, 0) * 2;
    }

    // both arguments are the same variable: the halves add up to 1 for each of max and min
    //@at (0.7)
    //@at (-1.3)
    //@exact (0.7) grad {2.0}
    @Differentiable
    static double maxOfItself(double x) {
        return Math.max(x, x) + Math.min(x, x);
    }

    // the tie between expressions: max(x*x, y) at x*x == y
    //@at (0.7, 0.2)
    //@at (0.3, 0.5)
    //@exact (0.5, 0.25) grad {0.5, 0.5}
    //@exact (-0.5, 0.25) grad {-0.5, 0.5}
    @Differentiable
    static double maxOfExpressions(double x, double y) {
        return Math.max(x * x, y);
    }

    // abs of a difference at equality, and abs' = sign elsewhere
    //@at (0.7, 0.2)
    //@at (-0.3, 0.5)
    //@exact (0.6, 0.6) grad {0.6, 0.6}
    @Differentiable
    static double absOfDifference(double x, double y) {
        return Math.abs(x - y) * 3 + x * y;
    }

    // a running maximum over ties: each tie halves what flows back
    //@at ({0.3, 0.7, -1.1})
    //@at ({1.2, 0.4, 2.0})
    //@exact ({1.0, 1.0, 1.0}) grad {0.25, 0.25, 0.5}
    //@exact ({2.0, 1.0, 2.0}) grad {0.5, 0.0, 0.5}
    @Differentiable
    static double runningMax(double[] w) {
        double m = w[0];
        for (int i = 1; i < w.length; i++) {
            m = Math.max(m, w[i]);
        }
        return m;
    }

    // a clamp to [lo, hi] at both ends
    //@at (0.3, -1.0, 1.0)
    //@at (1.7, -1.0, 1.0)
    //@exact (1.0, -1.0, 1.0) grad {0.5, 0.0, 0.5}
    //@exact (-1.0, -1.0, 1.0) grad {0.5, 0.5, 0.0}
    @Differentiable
    static double clamp(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }

    // hypot at the origin
    //@at (0.7, -1.2)
    //@at (-0.3, 0.4)
    //@exact (0.0, 0.0) grad {0.0, 0.0}
    @Differentiable
    static double hypot(double x, double y) {
        return Math.hypot(x, y);
    }

    // pow's masks: ∂/∂a is 0 where b = 0; ∂/∂b is 0 where a = 0 and b >= 0
    //@at (0.7, 1.3)
    //@at (1.6, -0.4)
    //@exact (0.0, 2.0) grad {0.0, 0.0}
    //@exact (0.0, 0.0) grad {0.0, 0.0}
    //@exact (1.5, 0.0) grad {0.0, 0.4054651081081644}
    @Differentiable
    static double pow(double a, double b) {
        return Math.pow(a, b);
    }

    // abs in a loop crossing zero exactly
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4})
    //@exact ({0.0, -0.5, 0.5}) grad {0.0, -1.0, 1.0}
    @Differentiable
    static double l1Norm(double[] w) {
        double s = 0;
        for (double v : w) {
            s += Math.abs(v);
        }
        return s;
    }

    // signum, floor, ceil, rint, round: zero derivative, at their jumps too
    //@at (0.3)
    //@at (-1.7)
    //@exact (0.0) grad {1.0}
    //@exact (2.0) grad {2.0}
    @Differentiable
    static double steps(double x) {
        return Math.signum(x) + Math.floor(x) + Math.ceil(x) + Math.rint(x) + Math.round(x) + x + x * Math.signum(x);
    }
}
