package corpus;

import static java.lang.Math.*;

import dev.adjoint.Differentiable;

/** A reproducer that breaks the compilation of its class's tape adjoint (so it has a file of its own). */
public class BugTapeStaticImport {

    // expected: the tape's adjoint compiles, as the static one does
    //@at (0.7)
    //@at (-1.3)
    @Differentiable
    static double piTimes(double x) {
        return PI * x;
    }
}
