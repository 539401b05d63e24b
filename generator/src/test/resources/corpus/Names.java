package corpus;

import dev.adjoint.Differentiable;

/** User names that look like the names the generator makes up. */
public class Names {

    //@at (0.7, {0.3, -1.2})
    //@at (-0.4, {1.1, 0.5})
    @Differentiable
    static double localsNamedLikeGenerated(double x, double[] w) {
        double _t0 = x * w[0];
        double _d_x = _t0 * _t0;
        double seed = _d_x + x;
        double _result = seed * w[1];
        double dw = _result - _t0;
        double dx = dw * x;
        double _s_dx = dx;
        dx = dx * dx;
        double _d_t0 = dx + _s_dx;
        double _t1 = _d_t0;
        _t1 = _t1 * seed;
        double _d_t1 = _t1 + w[0];
        return _d_t1 * seed;
    }

    //@at (0.7, 1.3, 2.1, {0.3, -1.2})
    //@at (-0.4, 0.6, -1.1, {1.1, 0.5})
    @Differentiable
    static double parametersNamedLikeGenerated(double seed, double _result, double dw, double[] w) {
        double _d_seed = seed * _result;
        _result = _result * dw;
        return _d_seed * w[0] + _result * w[1] + dw;
    }

    // the same generated-looking name in sibling blocks
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double siblingsNamedLikeTemps(double x, double y) {
        double s = x;
        {
            double _t0 = x * y;
            s = s * _t0;
        }
        {
            double _t0 = Math.sin(y);
            s = s + _t0;
            double _d_s = s * s;
            s = _d_s;
        }
        return s;
    }

    // names that only differ from the parameters by an underscore or suffix
    //@at (0.7, 1.3)
    //@at (-0.4, 0.6)
    @Differentiable
    static double nearCollisions(double x, double x_1) {
        double _x = x * x_1;
        double x_2 = _x + x;
        double d_x = x_2 * x_2;
        double _d__x = d_x - _x;
        return _d__x * x + x_1;
    }
}
