package corpus;

import dev.adjoint.Differentiable;

/** if/else and ?: with overwrites in branches, nested branches, shadowing in sibling blocks. */
public class Branches {

    //@at (0.8)
    //@at (-1.3)
    @Differentiable
    static double absByIf(double x) {
        double r;
        if (x > 0) {
            r = x;
        } else {
            r = -x;
        }
        return r * r * r + r;
    }

    //@at (0.5, 0.7)
    //@at (0.5, -0.4)
    //@at (-0.8, -1.5)
    //@at (-0.8, 0.3)
    @Differentiable
    static double nestedOverwrites(double x, double y) {
        double s = x * y;
        if (x > 0) {
            s = s * x;
            if (y > 0) {
                s = s + Math.sin(s);
            } else {
                s = s * s;
                s = s - y;
            }
        } else {
            if (y < -1) s = s / y; else s = Math.exp(s);
            s = s * 2;
        }
        return s * x;
    }

    //@at (-1.6)
    //@at (-0.4)
    //@at (0.3)
    //@at (2.2)
    @Differentiable
    static double elseIfChain(double x) {
        double r = x;
        if (x < -1) {
            r = r * r;
        } else if (x < 0) {
            r = Math.sin(r);
        } else if (x < 1) {
            r = Math.exp(r) * x;
        } else {
            r = Math.log(r) + r;
        }
        return r * x;
    }

    //@at (1.5, 0.9)
    //@at (0.4, 1.2)
    //@at (-0.3, 2.5)
    @Differentiable
    static double conditionals(double x, double y) {
        double r = x > y ? x * y : y / x;
        double q = (r > 1 ? Math.log(r) : r * r) + (x < 0 ? -x : x);
        return r + q;
    }

    //@at (0.5, 0.7)
    //@at (0.5, -0.4)
    //@at (-0.8, -1.5)
    //@at (-0.8, 0.3)
    @Differentiable
    static double nestedConditionals(double x, double y) {
        return x > 0 ? (y > 0 ? x * y : x - y) : (y > 0 ? Math.exp(x) * y : x / (1 + y * y));
    }

    // ?: whose branches have different types: int and double, constant and variable
    //@at (0.7, 1)
    //@at (0.7, 4)
    @Differentiable
    static double conditionalPromotion(double x, int n) {
        double r = n > 2 ? n : x;
        double c = n > 2 ? 1.5 : 2;
        return r * x * c;
    }

    // sibling blocks declare the same names
    //@at (0.6, 1.1)
    //@at (-0.9, 0.4)
    @Differentiable
    static double siblingShadowing(double x, double y) {
        double s = 0;
        {
            double t = x * y;
            s = s + t;
        }
        {
            double t = Math.sin(x);
            s = s * t + t;
        }
        if (x > 0) {
            double u = s * s;
            s = u;
        } else {
            double u = s * x;
            s = u + y;
        }
        return s;
    }

    // the branch overwrites a parameter that is read after the branch
    //@at (1.5, 0.5)
    //@at (0.2, 0.9)
    @Differentiable
    static double branchOverwritesParam(double x, double y) {
        if (x > y) {
            x = x * y;
        } else {
            y = y * x;
        }
        return x + y * y;
    }

    //@at (0.7, 1.5)
    //@at (0.7, 0.5)
    //@at (-0.4, 2.0)
    @Differentiable
    static double booleanLocals(double x, double y) {
        boolean pos = x > 0;
        boolean big = Math.abs(y) > 1 && pos;
        double r = x;
        if (big) r = r * y;
        if (!pos || big) {
            r = r + 1;
        }
        return r * r;
    }

    // the branch condition lives in a variable that is overwritten between the two branches
    //@at (1.4)
    //@at (0.6)
    @Differentiable
    static double overwrittenCondition(double x) {
        boolean b = x > 1;
        double r = x;
        if (b) {
            r = r * x;
        }
        b = !b;
        if (b) {
            r = r + Math.sin(x) * r;
        }
        return r;
    }

    //@at (0.7, true)
    //@at (0.7, false)
    @Differentiable
    static double booleanParameter(double x, boolean flag) {
        double r = flag ? x * x : -x;
        if (flag) {
            r = r * 3;
        }
        return r;
    }

    // an empty branch and ifs without else
    //@at (0.9)
    //@at (-0.7)
    @Differentiable
    static double emptyBranches(double x) {
        double r = x * x;
        if (x > 0) {
        } else {
            r = r * x;
        }
        if (x < 0) {
            r = r - x;
        }
        return r;
    }

    // a value computed in a branch but not used by the result
    //@at (0.9, 1.3)
    //@at (-0.7, 0.2)
    @Differentiable
    static double unusedInBranch(double x, double y) {
        double r = x * y;
        double waste = 0;
        if (x > 0) {
            waste = Math.exp(r);
            r = r + x;
        } else {
            waste = r * r;
        }
        return r * y;
    }

    // conditions read overwritten locals and integer parameters
    //@at (0.7, 2)
    //@at (1.6, 5)
    //@at (-0.2, 5)
    @Differentiable
    static double conditionsOnOverwrittenValues(double x, int n) {
        double s = x * n;
        int k = n;
        if (s > 2 && k > 3) {
            s = s * x;
            k = k - 1;
        }
        s = k > 3 ? s + x : s * s;
        if (s < 1 || x < 0) {
            s = s - x * k;
        }
        return s;
    }

    // overwrite in a branch of a value that an earlier statement's derivative reads
    //@at (0.9, 1.3)
    //@at (-0.7, 0.2)
    @Differentiable
    static double branchOverwriteNeededValue(double x, double y) {
        double s = x * x;
        double t = s * y;
        if (y > 0.5) {
            s = s * 3;
        }
        return s + t;
    }

    // a ?: in a branch condition and in a return
    //@at (0.9, 1.3)
    //@at (-0.7, 0.2)
    //@at (0.1, -0.9)
    @Differentiable
    static double conditionalEverywhere(double x, double y) {
        double r = x;
        if ((x > 0 ? x : y) > 0.5) {
            r = r * y;
        }
        return r > 0 ? r * x : y - r;
    }

    // a guard that throws (never at the points): the adjoint throws where the method throws
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double guarded(double x, double y) {
        if (y <= 0) {
            throw new IllegalArgumentException("y must be positive");
        }
        return Math.log(y) * x;
    }

    static IllegalArgumentException outOfRange(String what, double value, double low) {
        return new IllegalArgumentException(what + " = " + value + " is below " + low);
    }

    // a guard throwing the exception a helper makes (never at the points): static, as a new exception is
    //@at (0.7, {1.3, 0.2})
    //@at (2.4, {0.6, -0.3, 1.1})
    @Differentiable
    static double guardedByHelper(double x, double[] w) {
        if (x < 0.5) {
            throw outOfRange("x", x, 0.5);
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] * x > 100) {
                throw outOfRange("w[" + i + "] * x", w[i] * x, 100);
            }
            s += Math.log(x) * w[i] * w[i];
        }
        return s;
    }
}
