package a;

import dev.adjoint.Differentiable;

/** Module a: differentiable functions that another module calls. */
public class A {
    @Differentiable
    public static double sq(double x) {
        return x * x;
    }

    /** Reads {@code w} only: another module may hand it its arrays. */
    @Differentiable
    public static double sumSin(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * Math.sin(w[i]);
        }
        return s;
    }
}
