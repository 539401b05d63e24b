package corpus;

import dev.adjoint.Differentiable;

/** Loops: for, while and do/while with data-dependent trip counts, for-each, break, continue, early returns, nesting. */
public class Loops {

    // the design's example: a dot product, then tanh
    //@at ({0.3, -0.7, 1.1}, {1.5, 0.25, 0.9})
    //@at ({-1.2, 0.4, 2.0, 0.6}, {0.5, -2.0, 0.1, 0.3})
    @Differentiable(wrt = "w")
    static double dotTanh(double[] w, double[] x) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * x[i];
        }
        return Math.tanh(s);
    }

    // a loop that runs zero times at the second point
    //@at ({0.3, -0.7, 1.1}, 0.8)
    //@at ({}, 0.8)
    @Differentiable
    static double zeroTrips(double[] w, double x) {
        double s = x * x;
        for (int i = 0; i < w.length; i++) {
            s = s * w[i] + x;
        }
        return s;
    }

    // x^n by repeated multiplication: the same scalar overwritten n times
    //@at (1.3, 5)
    //@at (-0.8, 3)
    //@at (0.9, 0)
    @Differentiable
    static double power(double x, int n) {
        double p = 1;
        for (int i = 0; i < n; i++) {
            p = p * x;
        }
        return p;
    }

    // Horner's rule over a coefficient array
    //@at ({0.5, -1.0, 2.0, 0.25}, 0.7)
    //@at ({1.5, 0.3}, -1.2)
    @Differentiable
    static double horner(double[] c, double x) {
        double p = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            p = p * x + c[i];
        }
        return p;
    }

    // a while loop whose trip count depends on the differentiated value
    //@at (1.3)
    //@at (2.9)
    //@at (11.0)
    @Differentiable
    static double whileDataDependent(double x) {
        double s = x;
        int k = 0;
        while (s < 10) {
            s = s * x + 0.5;
            k++;
        }
        return s / (k + 1);
    }

    // do/while runs at least once
    //@at (0.6)
    //@at (40.0)
    @Differentiable
    static double doWhileHalving(double x) {
        double s = x;
        do {
            s = Math.sqrt(s) * 0.8;
        } while (s > 2);
        return s * x;
    }

    // a do/while with a counter and a data-dependent exit
    //@at (0.4, 6)
    //@at (1.7, 6)
    @Differentiable
    static double doWhileCounted(double x, int n) {
        double s = 0;
        int i = 0;
        do {
            s = s + Math.sin(s + x * i);
            i++;
        } while (i < n && s < 1.5);
        return s;
    }

    // for-each over a wrt array
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double forEachSumOfSquares(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    // for-each with a branch and an overwritten accumulator
    //@at ({0.3, -0.7, 1.1}, 1.4)
    //@at ({-1.2, 0.4, 2.0, 0.6}, 0.6)
    @Differentiable
    static double forEachWithBranch(double[] w, double t) {
        double s = 1;
        for (double v : w) {
            if (v > 0) {
                s = s * v + t;
            } else {
                s = s - v * t;
            }
        }
        return s;
    }

    // break out of a for loop when the running sum crosses a threshold
    //@at ({0.3, 0.7, 1.1, 0.4}, 1.5)
    //@at ({0.3, 0.7, 1.1, 0.4}, 10.0)
    //@at ({2.3, 0.7, 1.1, 0.4}, 1.5)
    @Differentiable
    static double breakOnThreshold(double[] w, double t) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * w[i];
            if (s > t) {
                break;
            }
            s = s * 1.1;
        }
        return s * t;
    }

    // continue skips the rest of the body for negative elements
    //@at ({0.3, -0.7, 1.1, -0.4})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double continueOnNegative(double[] w) {
        double s = 0;
        double p = 1;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            if (w[i] < 0) {
                continue;
            }
            p = p * (1 + w[i]);
        }
        return s * p;
    }

    // a return inside the loop
    //@at ({0.3, 0.7, 1.1, 0.4}, 1.0)
    //@at ({0.3, 0.7, 1.1, 0.4}, 9.0)
    @Differentiable
    static double earlyReturnInLoop(double[] w, double t) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s = s + w[i] * (i + 1);
            if (s > t) {
                return s * w[i];
            }
        }
        return -s;
    }

    // several returns before, in and after a loop
    //@at (-0.5, 3)
    //@at (0.5, 3)
    //@at (0.5, 30)
    //@at (3.5, 2)
    @Differentiable
    static double multipleReturns(double x, int n) {
        if (x < 0) {
            return x * x;
        }
        if (x > 3) {
            return Math.log(x);
        }
        double s = x;
        for (int i = 0; i < n; i++) {
            s = s * 1.5 + x;
            if (s > 50) {
                return s / 50;
            }
        }
        return s;
    }

    // a triangle of nested loops
    //@at ({0.3, -0.7, 1.1})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double nestedTriangle(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j <= i; j++) {
                s += w[i] * w[j];
            }
        }
        return s;
    }

    // an inner loop whose trip count is data-dependent, restarted by the outer one
    //@at (0.7, 3)
    //@at (1.9, 4)
    @Differentiable
    static double nestedDataDependent(double x, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double s = x + i;
            while (s < 5) {
                s = s * 1.7 + 0.1;
            }
            total = total + s * x;
        }
        return total;
    }

    // three levels, with break and continue in the inner ones
    //@at ({0.3, -0.7, 1.1}, 2)
    //@at ({-1.2, 0.4, 2.0, 0.6}, 3)
    @Differentiable
    static double threeLevels(double[] w, int reps) {
        double s = 0;
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < w.length; i++) {
                if (i == r) {
                    continue;
                }
                for (int j = i; j < w.length; j++) {
                    s = s + w[i] * w[j] * 0.25;
                    if (j - i > 1) {
                        break;
                    }
                }
            }
            s = Math.sin(s);
        }
        return s;
    }

    // an if/else chain in the loop body
    //@at ({-1.6, -0.4, 0.3, 2.2})
    //@at ({0.8, 1.7, -0.1, -3.0})
    @Differentiable
    static double branchChainInLoop(double[] w) {
        double s = 0.5;
        for (int i = 0; i < w.length; i++) {
            double v = w[i];
            if (v < -1) {
                s = s * v;
            } else if (v < 0) {
                s = s + Math.sin(v);
            } else if (v < 1) {
                s = s * Math.exp(v);
            } else {
                s = s + Math.log(v) * s;
            }
        }
        return s;
    }

    // nested ifs inside a while loop, with a ?: on the loop-carried value
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double nestedBranchesInWhile(double x, double y) {
        double s = x;
        int k = 0;
        while (k < 6) {
            if (s > 0) {
                if (y > 1) {
                    s = s * y - 0.3;
                } else {
                    s = s - y * 0.5;
                }
            } else {
                s = s > -1 ? s * s + x : s / 2;
            }
            k++;
        }
        return s;
    }

    // fixed-count Newton iterations for sqrt(a)
    //@at (2.0)
    //@at (0.3)
    @Differentiable
    static double newtonSqrt(double a) {
        double x = a;
        for (int i = 0; i < 6; i++) {
            x = 0.5 * (x + a / x);
        }
        return x;
    }

    // the loop counter in the arithmetic: sum of x^i / i!
    //@at (0.7)
    //@at (-1.3)
    @Differentiable
    static double expSeries(double x) {
        double term = 1;
        double s = 1;
        for (int i = 1; i < 12; i++) {
            term = term * x / i;
            s += term;
        }
        return s;
    }

    // a loop-carried pair of values swapped each iteration (Fibonacci-like recurrence)
    //@at (0.7, 0.3)
    //@at (-0.4, 1.1)
    @Differentiable
    static double swapRecurrence(double a, double b) {
        for (int i = 0; i < 5; i++) {
            double t = a + b * 0.5;
            a = b;
            b = t;
        }
        return a * b;
    }

    // while (true) with a break, the counter declared outside
    //@at (0.7)
    //@at (2.4)
    @Differentiable
    static double whileTrueBreak(double x) {
        double s = x;
        int i = 0;
        while (true) {
            s = s * 0.9 + Math.cos(s);
            i++;
            if (i >= 4 && s > 1) {
                break;
            }
            if (i > 20) {
                break;
            }
        }
        return s;
    }

    // a parameter array read-only inside a loop whose condition reads it
    //@at ({0.3, 0.7, 1.1, 0.4, 0.2}, 1.0)
    //@at ({0.9, 0.1, 0.2}, 0.5)
    @Differentiable
    static double conditionReadsArray(double[] w, double x) {
        double s = 0;
        int i = 0;
        while (i < w.length && s + w[i] < 1.5) {
            s = s + w[i] * x;
            i++;
        }
        return s * s + i * x;
    }

    // a local overwritten in the body and read by the next iteration's condition
    //@at (0.7, 2.5)
    //@at (1.4, 2.5)
    @Differentiable
    static double bisectionLike(double x, double target) {
        double lo = 0;
        double hi = 4;
        for (int i = 0; i < 10; i++) {
            double mid = (lo + hi) * 0.5;
            if (mid * mid * x > target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (lo + hi) * x;
    }

    // for (;;) with the exit in the body
    //@at (0.7)
    //@at (3.1)
    @Differentiable
    static double forEver(double x) {
        double s = x;
        int i = 0;
        for (;;) {
            i++;
            s = s * 0.5 + Math.sin(x * i);
            if (i >= 5) {
                break;
            }
        }
        return s;
    }

    // two counters declared and updated in the for header
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double commaFor(double[] w) {
        double s = 0;
        for (int i = 0, j = w.length - 1; i < j; i++, j--) {
            s = s + w[i] * w[j] * (j - i);
        }
        return s;
    }

    // continue in a do/while goes to the condition
    //@at ({0.3, -0.7, 1.1, 0.8})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    static double doWhileContinue(double[] w) {
        double s = 1;
        int i = -1;
        do {
            i++;
            if (w[i] < 0) {
                continue;
            }
            s = s * (1 + w[i] * w[i]);
        } while (i < w.length - 1);
        return Math.log(s);
    }

    // a while loop nested in a for loop, with the inner exit on the data and an outer continue
    //@at ({0.3, 0.7, 1.1}, 2.0)
    //@at ({0.9, 0.2}, 3.0)
    @Differentiable
    static double innerWhileOuterContinue(double[] w, double t) {
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            double s = w[i];
            int k = 0;
            while (s < t && k < 10) {
                s = s * (1 + w[i]);
                k++;
            }
            if (k % 2 == 1) {
                continue;
            }
            total += s * w[i];
        }
        return total;
    }

    // the loop condition calls Math on the loop-carried value
    //@at (0.3)
    //@at (1.2)
    @Differentiable
    static double mathInCondition(double x) {
        double s = x;
        int n = 0;
        while (Math.abs(Math.sin(s)) < 0.9 && n < 50) {
            s = s + 0.1 * (1 + x * x);
            n++;
        }
        return s * x;
    }

    // labelled break out of two loops
    //@at ({0.5, 1.5, -0.25}, 1.3)
    //@at ({0.5, 1.5, -0.25}, 100.0)
    @Differentiable
    static double labelledBreak(double[] a, double t) {
        double s = 0;
        outer:
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                s += a[i] * a[j];
                if (s > t) {
                    break outer;
                }
            }
        }
        return s;
    }

    // labelled continue of the outer loop
    //@at ({0.5, 1.5, -0.25, 0.8})
    //@at ({-0.3, 0.2, 0.9})
    @Differentiable
    static double labelledContinue(double[] a) {
        double s = 0;
        rows:
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (j > i) {
                    continue rows;
                }
                s = s + a[i] * a[j] * (j + 1);
            }
        }
        return s;
    }

    // a label on a block, left by a labelled break: run as a loop that runs once
    //@at (0.7, 3)
    //@at (-1.3, 4)
    @Differentiable
    static double labelledBlock(double x, int n) {
        double s = x;
        for (int i = 0; i < n; i++) {
            check: {
                if (s > 2) {
                    break check;
                }
                s = s * 1.5 + x * x;
            }
            s += 0.1 * x;
        }
        return s;
    }

    // a label on an if, left from inside a loop of its own
    //@at ({0.3, -0.7, 1.1})
    //@at ({1.3, 0.2, 0.4})
    @Differentiable
    static double labelledIf(double[] v) {
        double s = 0;
        found:
        if (v.length > 0) {
            for (int i = 0; i < v.length; i++) {
                if (v[i] < 0) {
                    s += v[i] * v[i];
                    break found;
                }
                s += Math.sin(v[i]);
            }
            s *= 2;
        }
        return s;
    }

    // integer bitwise and shift operators, compound ones too, and booleans' & | ^: values without
    // derivative that pick indices, branches and factors (a binary search's (lo + hi) >>> 1)
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2}, 3, true)
    //@at ({1.3, 0.2, -0.9, 0.6, 2.1, -1.4}, 6, false)
    @Differentiable
    static double bitwise(double[] x, int n, boolean flip) {
        double s = 0;
        int mask = 0;
        for (int i = 0; i < x.length; i++) {
            int k = (i * 7 + n) & 3;
            long w = ((long) i << 2) | 1L;
            boolean odd = (i & 1) == 1 ^ flip;
            mask |= 1 << (i % 4);
            mask ^= k;
            int h = ~i >>> 28;
            int m = i >> 1;
            m <<= 1;
            boolean both = odd & (k > 1) | (w > 5);
            if (odd) {
                s += x[i] * k + w;
            } else {
                s -= x[(i + h) % x.length] * m;
            }
            if (both) {
                s *= 1.01;
            }
        }
        int lo = 0, hi = x.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] * 0 + mid <= n) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return s * x[lo] + mask;
    }

    // a do/while condition that updates a counter under && (Newton's iteration for a cube root,
    // differentiated through its iterations; not started at the root, where one step ends it): the
    // condition checked at the end of each pass
    //@at (2.0, 3.5)
    //@at (0.5, -1.0)
    @Differentiable
    static double newtonCount(double p, double q) {
        double x = 1;
        int it = 0;
        double delta;
        do {
            double fx = x * x * x + p * x - q;
            double dfx = 3 * x * x + p;
            delta = fx / dfx;
            x -= delta;
        } while (Math.abs(delta) > 1e-14 && ++it < 60);
        return x + it * 0;
    }

    // GMM's log-gamma sum: a constant computed by a loop that overwrites its locals, and read by
    // nothing of the reverse sweep but its result: nothing of the loop is saved (reverse/DeadSaves)
    //@at ({0.3, -0.7, 1.1}, 4)
    //@at ({1.5, 0.25}, 0)
    @Differentiable(wrt = "w")
    static double constantBesideTheLoss(double[] w, int d) {
        double lg = 0;
        for (int j = 1; j <= d; j++) {
            int t = d + 1 - j;
            for (int k = 1; k < (t + 1) / 2; k++) {
                lg += Math.log(0.5 * t - k);
            }
            if (t % 2 == 1) {
                lg += 0.5 * Math.log(3.141592653589793);
            }
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * w[i];
        }
        return s * lg + s;
    }

    // tangent terms of values the loops do not change (sin(w), pow(v, w): computed once before
    // both loops in the Jvp) and of one only the outer loop changes (cos(u): before the inner loop)
    //@at ({0.3, -0.7, 1.1}, 0.8, 1.3)
    //@at ({}, 0.8, 1.3)
    //@at ({1.5, 0.25, -0.9, 0.6}, -0.4, 0.7)
    @Differentiable
    static double invariantTerms(double[] x, double w, double v) {
        double s = 0;
        double u = w;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                s += x[i] * Math.sin(w) * x[j] + Math.pow(v, w) * Math.cos(u);
            }
            if (x[i] > 0) {
                u = u * 0.5 + x[i];
            }
        }
        return s;
    }
}
