package corpus;

import dev.adjoint.Adjoint;
import dev.adjoint.Differentiable;

/** Straight-line double methods: operators, every java.lang.Math function, overwrites, constants. */
public class Straight {
    static final double SCALE = 1.75;
    static final int TWO = 2;
    static final float HALF = 0.5f;
    static final long BIG = 3L;

    //@at (0.7, -1.3)
    //@at (2.5, 0.4)
    @Differentiable
    static double arithmetic(double a, double b) {
        return (a + b) * (a - b) / (1 + b * b) - -a + +b;
    }

    // literals of every kind: int, long, float, double with exponent, leading and trailing dot
    //@at (0.3)
    //@at (-1.7)
    @Differentiable
    static double literals(double x) {
        return 3 * x * x + 2L * x - 0.5f * x + 1e-1 / (x * x + .5) + 4. - 2.5e0 * x + 0x10 * x;
    }

    // the same variable overwritten many times: s = s * x; s = s * x; ...
    //@at (0.9, 1.2)
    //@at (-1.1, 0.6)
    @Differentiable
    static double overwriteChain(double x, double y) {
        double s = x;
        s = s * x;
        s = s * x;
        s = s * y;
        s = s * x;
        s = s / y;
        s = s * s;
        s = Math.sin(s) + s;
        s = Math.exp(s * 0.1);
        return s;
    }

    // compound assignments, ++ and -- on locals
    //@at (0.8, 1.9)
    //@at (-1.4, -0.7)
    @Differentiable
    static double compound(double x, double y) {
        double s = x;
        s += y;
        s -= x * y;
        s *= x;
        s /= y;
        s += 2;
        s++;
        s--;
        s *= s + x;
        return s;
    }

    // assignments to scalar parameters, each read after its overwrite
    //@at (0.4, 1.3)
    //@at (1.7, -0.6)
    @Differentiable
    static double reassignParams(double x, double y) {
        x = x * y;
        y = y + x;
        x = Math.sin(x) * y;
        y *= x;
        return x + y;
    }

    //@at (0.6)
    //@at (1.9)
    @Differentiable
    static double expLog(double x) {
        double a = Math.exp(x) - Math.expm1(x * 0.5);
        double b = Math.log(x) * Math.log10(x + 1) + Math.log1p(x);
        return a * b + Math.log(a * a);
    }

    // angles: the JDK's conversion factors are the exact derivatives
    //@at (30.0, 0.4)
    //@at (-200.0, 2.5)
    @Differentiable
    static double angles(double deg, double rad) {
        return Math.sin(Math.toRadians(deg)) * Math.toDegrees(rad) + Math.toRadians(deg * rad);
    }

    //@at (0.8, 1.6)
    //@at (2.3, -0.7)
    @Differentiable
    static double powers(double x, double y) {
        double r = Math.sqrt(x) + Math.cbrt(x * y) + Math.pow(x, y) + Math.pow(x, 2) + Math.pow(2.5, y);
        return r * Math.hypot(x, y);
    }

    //@at (0.3, 0.9)
    //@at (-0.5, -1.4)
    @Differentiable
    static double trig(double x, double y) {
        double r = Math.sin(x) * Math.cos(y) + Math.tan(x * 0.5);
        r = r + Math.asin(x) - Math.acos(x * 0.5) + Math.atan(y);
        return r * Math.atan2(y, x + 2) + Math.atan2(x, y);
    }

    //@at (0.4)
    //@at (-1.3)
    @Differentiable
    static double hyperbolic(double x) {
        return Math.sinh(x) * Math.cosh(x * 0.5) + Math.tanh(x * x - 1);
    }

    // abs, max, min away from their kinks and ties
    //@at (0.7, -1.2)
    //@at (-2.1, 0.4)
    @Differentiable
    static double absMaxMin(double x, double y) {
        double m = Math.max(x, y) * Math.min(x * x, y);
        return Math.abs(x) * Math.abs(y - 3) + m + Math.max(x, 0) - Math.min(1, y);
    }

    // signum, floor, ceil, rint and round contribute a zero derivative
    //@at (0.33)
    //@at (-1.73)
    @Differentiable
    static double zeroDerivative(double x) {
        double a = x * Math.floor(x) + Math.ceil(x * 2) * x - Math.rint(x * 3);
        double b = Math.signum(x) * x + Math.round(x * 5) * x + Math.round((float) x * 7);
        return a + b * Math.floor(b);
    }

    // static final fields of the owner (bare and qualified), Math.PI, Math.E
    //@at (0.45)
    //@at (-2.2)
    @Differentiable
    static double constants(double x) {
        double y = SCALE * x + Math.PI * x * x - Math.E / (1 + x * x);
        return y * TWO + HALF * x - Straight.SCALE * BIG * x + Math.sin(Math.PI * x / 4);
    }

    // Adjoint.detach: the detached values are constants to the gradient
    //@at (0.7, 1.3)
    //@at (-1.5, 0.2)
    //@frozen detachFrozen
    @Differentiable
    static double detach(double x, double y) {
        double c = Adjoint.detach(x * y);
        double d = Math.sin(Adjoint.detach(y)) + c;
        return c * x + d * y + Adjoint.detach(x * x) * y;
    }

    /** {@link #detach} with the detached values computed from the frozen copies xs, ys. */
    @Differentiable(wrt = {"x", "y"})
    static double detachFrozen(double x, double y, double xs, double ys) {
        double c = xs * ys;
        double d = Math.sin(ys) + c;
        return c * x + d * y + xs * xs * y;
    }

    // locals that the result does not read (and one that is only ever overwritten)
    //@at (0.6, 0.8)
    //@at (2.0, -1.2)
    @Differentiable
    static double unusedLocals(double x, double y) {
        double u = Math.log(x) * y;
        double v = u * u;
        double w = Math.exp(y);
        w = w * v;
        double r = x * y;
        u = r + w;
        return r * x;
    }

    //@at (0.35, 0.8)
    //@at (-0.6, 1.4)
    @Differentiable
    static double deepNesting(double x, double y) {
        return Math.sin(Math.cos(Math.exp(-(x * (y + (x - (y * (x + 1)) / (2 + x * x))))))) * ((((x + ((y)))))) / (1 + ((x * y) * (x * y)));
    }

    // int parameters promoted to double, int division, casts of int expressions
    //@at (0.7, 3, 2)
    //@at (-1.3, 5, -4)
    @Differentiable
    static double intParams(double x, int n, int m) {
        int k = n * m - 1;
        k += n;
        k++;
        return x * n + x / m + (n / 2) * x + n * m * x * x + (double) n / m + k * x + (n + 1.5) * x;
    }

    //@at (1.1, 7)
    //@at (-0.4, -3)
    @Differentiable
    static double longParam(double x, long k) {
        long j = k * 2 + 1;
        return x * k + k / 3 * x + j * x * x + (float) k * x;
    }

    // numeric casts of double values to integers (their derivative is zero)
    //@at (0.734)
    //@at (-1.367)
    @Differentiable
    static double castsToIntegers(double x) {
        int i = (int) (x * 10);
        long l = (long) (x * 100);
        return x * i + (long) x * x + l * 0.01 * x + (int) x;
    }

    //@at (0.5, 1.5, -0.8)
    //@at (-1.2, 0.3, 2.2)
    @Differentiable(wrt = {"a", "c"})
    static double wrtSubset(double a, double b, double c) {
        double t = a * b + Math.sin(c) * b * a;
        double u = b * t;
        return t * c + u;
    }

    //@at (0.5, 1.5)
    //@at (-1.2, 0.3)
    @Differentiable(wrt = "y")
    static double wrtOneName(double x, double y) {
        return x * y * y + Math.exp(x * y);
    }

    //@at (0.9, 0.2)
    //@at (-0.4, 1.6)
    @Differentiable
    static double resultIsParameter(double x, double y) {
        double unused = y * y;
        unused += x;
        return x;
    }

    //@at (0.9)
    //@at (-0.4)
    @Differentiable
    static double resultIsConstant(double x) {
        double y = x * x;
        y = y + 1;
        return 2.5;
    }

    //@at (0.9)
    //@at (-0.4)
    @Differentiable
    static double severalDeclarators(double x) {
        double a = x * 2, b = a * a, c = b - a;
        int i = 2, j = i * 3;
        return c * a + i * j * x;
    }

    // a double parameter that is not differentiated, overwritten and read by the reverse sweep
    //@at (0.6, 1.4)
    //@at (-0.9, 0.5)
    @Differentiable(wrt = "x")
    static double passiveOverwrites(double x, double k) {
        double c = 2.0;
        double y = x * c;
        c = 3.0;
        y = y + x * c;
        k = k * 2;
        y = y * k;
        k = k + 1;
        return y * k;
    }

    // fused multiply-add and copySign (and their StrictMath twins)
    //@at (0.7, -1.3, 0.4)
    //@at (-0.4, 0.6, -2.0)
    @Differentiable
    static double fusedAndSigned(double x, double y, double z) {
        return Math.fma(x, y, z) * Math.copySign(z, x - y) + StrictMath.fma(z, z, y) - StrictMath.copySign(x * y, z);
    }

    // IEEE 754's remainder (C's remainder: the quotient rounded to nearest) and its StrictMath twin
    //@at (5.0, 2.1)
    //@at (-1.7, 1.2)
    @Differentiable
    static double ieeeRemainder(double x, double y) {
        return Math.IEEEremainder(x, y) * y + StrictMath.IEEEremainder(x * x, y + 1);
    }
}
