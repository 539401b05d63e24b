package corpus;

import dev.adjoint.Differentiable;

/** A reproducer that breaks the compilation of its class's adjoint (so it has a file of its own). */
public class BugSwitchFallThrough {

    // fall-through from one case into the next, and a return inside a case
    //@at (0.4, 0)
    //@at (0.4, 1)
    //@at (0.4, 2)
    //@at (-0.9, 3)
    @Differentiable
    @SuppressWarnings("fallthrough")
    static double switchFallThrough(double x, int mode) {
        double y = x;
        switch (mode) {
            case 0:
                y = y * 2;
            case 1:
                y = y + Math.cos(x);
                break;
            case 2:
                return y * y * y;
            default:
                y = -y;
        }
        return y * x;
    }
}
