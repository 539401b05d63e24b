package corpus;

import dev.adjoint.Differentiable;

/** Idioms of ordinary numeric Java found by writing programs as users do. */
public class Idioms {

    // a periodic table of knots indexed by Math.floorMod of a cell number: integer Math, no derivative
    //@at (2.3, 0.7)
    //@at (-1.9, 0.45)
    @Differentiable
    static double periodicKnots(double x, double h) {
        int k = (int) Math.floor(x / h);
        double t = x / h - k;
        double[] knots = {0.0, 1.0, 0.5, 2.0, 1.5};
        int i = Math.floorMod(k, knots.length - 1);
        int j = Math.floorDiv(k, 3) + Math.toIntExact(Math.multiplyExact(2L, (long) i)) - Math.addExact(i, i);
        return (1 - t) * knots[i] + t * knots[i + 1] + x * h + j * x;
    }
}
