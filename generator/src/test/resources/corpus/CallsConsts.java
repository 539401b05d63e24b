package corpus;

import dev.adjoint.Differentiable;

/**
 * Constants and a plain helper that CallsLib's helpers name: inlined into Calls, those helpers must
 * mean there what they mean in CallsLib.
 */
public class CallsConsts {
    static final double GAIN = 1.5;
    static final double BIAS = -0.2;

    /** A plain helper computing a number from a number: stays a call, differentiated on its own. */
    static double shift(double x) {
        return x + BIAS * x * x;
    }

    //@at (0.7)
    //@at (-0.3)
    @Differentiable
    static double gained(double x) {
        return GAIN * shift(x);
    }
}
