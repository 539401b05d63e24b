package corpus;

import dev.adjoint.Differentiable;

/** Loop counters of every integer shape: step 2 and 3, downward, long, offset starts, <=, counters changed in the body. */
public class LoopCounters {

    // every other element
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double stepTwo(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i += 2) {
            s = s + w[i] * w[i + 1 < w.length ? i + 1 : i];
        }
        return s;
    }

    // step 3, counter starting at 1
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2, 0.5, 0.9})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    static double stepThreeFromOne(double[] w) {
        double p = 1;
        for (int i = 1; i < w.length; i = i + 3) {
            p = p * (w[i] + w[i - 1]);
        }
        return p;
    }

    // downward to zero with --
    //@at ({0.3, -0.7, 1.1, 0.8}, 0.6)
    //@at ({-1.2, 0.4}, -1.1)
    @Differentiable
    static double downward(double[] c, double x) {
        double s = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            s = Math.sin(s) * x + c[i];
        }
        return s;
    }

    // downward by 2 with a > condition
    //@at ({0.3, -0.7, 1.1, 0.8, 0.4})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double downwardStepTwo(double[] w) {
        double s = 1;
        for (int i = w.length - 1; i > 0; i -= 2) {
            s = s * w[i] - w[i - 1];
        }
        return s;
    }

    // a long counter
    //@at (0.7, 5)
    //@at (-1.3, 2)
    @Differentiable
    static double longCounter(double x, long n) {
        double s = 0;
        for (long k = 0; k < n; k++) {
            s = s * x + k;
        }
        return s;
    }

    // a long counter going down by 2, and a long accumulator
    //@at (0.7, 9)
    //@at (1.3, 4)
    @Differentiable
    static double longCounterDown(double x, long n) {
        double s = x;
        long seen = 0;
        for (long k = n; k > 0; k -= 2) {
            s = s * x / (k + 1) + 1;
            seen += k;
        }
        return s * seen;
    }

    // the bound is inclusive and the counter starts at an int parameter
    //@at (0.7, 2, 5)
    //@at (-0.4, 0, 3)
    @Differentiable
    static double inclusiveRange(double x, int from, int to) {
        double s = 0;
        for (int i = from; i <= to; i++) {
            s = s + Math.pow(x, i) / (i + 1);
        }
        return s;
    }

    // a doubling counter
    //@at (0.7, 100)
    //@at (1.1, 9)
    @Differentiable
    static double doublingCounter(double x, int n) {
        double s = x;
        for (int i = 1; i < n; i *= 2) {
            s = s * s * 0.5 + x;
        }
        return s;
    }

    // the counter is also advanced inside the body
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2, 0.5})
    //@at ({-1.2, 0.4, 2.0, 0.6, 0.1})
    @Differentiable
    static double counterBumpedInBody(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s = s + w[i] * (i + 1);
            if (w[i] > 0.5) {
                i++;
            }
        }
        return s * s;
    }

    // a while loop with a counter stepping by 3 down to a bound
    //@at (0.7, 10)
    //@at (-0.9, 4)
    @Differentiable
    static double whileCountdown(double x, int n) {
        double s = 1;
        int i = n;
        while (i > 0) {
            s = s * Math.cos(x * i);
            i -= 3;
        }
        return s;
    }

    // two counters in one loop
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2})
    //@at ({-1.2, 0.4, 2.0, 0.6})
    @Differentiable
    static double twoCounters(double[] w) {
        double s = 0;
        int j = w.length - 1;
        for (int i = 0; i < j; i++) {
            s = s + w[i] * w[j];
            j--;
        }
        return s;
    }

    // the trip count comes from a double comparison, not from the counter
    //@at (0.3, 2.0)
    //@at (0.9, 5.0)
    @Differentiable
    static double countedUntil(double x, double t) {
        double s = x;
        int i;
        for (i = 0; s < t; i++) {
            s = s + x * (i + 1);
        }
        return s * i;
    }

    // a counter bound read from an int computed from the array
    //@at ({0.3, -0.7, 1.1, 0.8, -0.2})
    //@at ({-1.2, 0.4, 2.0})
    @Differentiable
    static double halfBound(double[] w) {
        int half = w.length / 2;
        double s = 0;
        for (int i = 0; i < half; i++) {
            s = s + w[i] * w[w.length - 1 - i];
        }
        return s + w[half];
    }

    // a counter of type long over an int-indexed array (cast to int for the index)
    //@at ({0.3, -0.7, 1.1, 0.8})
    //@at ({-1.2, 0.4})
    @Differentiable
    static double longIndex(double[] w) {
        double s = 0;
        for (long k = 0; k < w.length; k++) {
            s = s + w[(int) k] * (k % 2 == 0 ? 1 : -1);
        }
        return s * s;
    }
}
