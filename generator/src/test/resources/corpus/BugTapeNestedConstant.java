package corpus;

import dev.adjoint.Differentiable;

/** A reproducer that breaks the compilation of its class's tape adjoint (so it has a file of its own). */
public class BugTapeNestedConstant {

    static class Inner {
        static final double K = 1.5;

        // expected: the tape's adjoint compiles, as the static one does (the static strategy had the same bug, fixed)
        //@at (0.7)
        //@at (-1.3)
        @Differentiable
        static double scaled(double x) {
            return Inner.K * x * x;
        }
    }
}
