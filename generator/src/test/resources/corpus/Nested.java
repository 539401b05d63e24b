package corpus;

import static java.lang.Math.*;

import dev.adjoint.Differentiable;

/** Owners that are static nested classes; constants of enclosing classes; statically imported Math. */
public class Nested {
    static final double OUTER = 1.25;
    static final int COUNT = 3;

    //@at (0.7, 1.3)
    //@at (-0.4, 2.2)
    @Differentiable
    static double topLevel(double x, double y) {
        return sin(x) * cos(y) + PI * x + E * y * y + sqrt(y * y + 1) + OUTER * COUNT * x;
    }

    static class Inner {
        static final double K = 1.5;

        //@at (0.7, 1.3)
        //@at (-0.4, 2.2)
        @Differentiable
        static double inner(double x, double y) {
            double s = K * x * y + exp(x) - OUTER * y;
            if (s > COUNT) {
                s = s * K;
            }
            return s + Nested.OUTER * x + Inner.K * y;
        }

        public static class Deeper {
            static final int N = 3;
            static final float HALF = 0.5f;

            //@at (0.7, 2)
            //@at (-1.4, 5)
            @Differentiable
            public static double deeper(double x, int n) {
                int m = n + N;
                double r = N * x * x + x * n + HALF * x + K * m * x;
                return r > 0 ? r : -r * x;
            }
        }
    }

    // a static nested enum owner
    enum Mode {
        FAST;

        static final double GAIN = 2.0;

        //@at (0.7)
        //@at (-1.2)
        @Differentiable
        static double gain(double x) {
            return GAIN * tanh(x) + pow(x, 2);
        }
    }
}
