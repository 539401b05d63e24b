package dev.adjoint.check;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Gradient checking by central differences. Every evaluation of {@code f} gets its own copy of
 * the point, so neither the caller's {@code x} nor other evaluations can be disturbed by an
 * {@code f} that writes into its argument.
 *
 * <p>Central differences have truncation error {@code O(h^2)} and rounding error
 * {@code O(eps/h)}; a step near the cube root of machine epsilon balances the two, leaving
 * roughly 10 correct digits for smooth functions, so tolerances near {@code rtol = 1e-6} suit.
 */
public final class GradCheck {
    /** The cube root of machine epsilon ({@code Math.cbrt(Math.ulp(1.0))}), the default relative step. */
    public static final double DEFAULT_STEP = 6.0554544523933395e-6;

    private GradCheck() {}

    /**
     * The gradient of {@code f} at {@code x} by central differences, with step
     * {@code h_i = 6.0554544523933395e-6 * max(1, |x_i|)}.
     */
    public static double[] centralDifferences(ToDoubleFunction<double[]> f, double[] x) {
        return centralDifferences(f, x, DEFAULT_STEP);
    }

    /**
     * The gradient of {@code f} at {@code x} by central differences,
     * {@code (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i)}, with step {@code h_i = h * max(1, |x_i|)}
     * (absolute near zero, relative for large components). The divisor is the distance between
     * the two points as actually represented, which removes the rounding of {@code x_i ± h_i}
     * from the quotient.
     */
    public static double[] centralDifferences(ToDoubleFunction<double[]> f, double[] x, double h) {
        if (!(h > 0.0)) {
            throw new IllegalArgumentException("step must be positive, got " + h);
        }
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double step = h * Math.max(1.0, Math.abs(x[i]));
            double up = x[i] + step;
            double down = x[i] - step;
            gradient[i] = (f.applyAsDouble(perturbed(x, i, up)) - f.applyAsDouble(perturbed(x, i, down))) / (up - down);
        }
        return gradient;
    }

    /** A copy of {@code x} with component {@code i} set to {@code value}. */
    private static double[] perturbed(double[] x, int i, double value) {
        double[] copy = x.clone();
        copy[i] = value;
        return copy;
    }

    /**
     * Compares {@code analytic} with central differences of {@code f} at {@code x}. Component
     * {@code i} passes when {@code |a_i - n_i| <= atol + rtol * max(|a_i|, |n_i|)}; NaN in either
     * never passes. The report names the worst component: the one exceeding its tolerance by the
     * largest factor (the first NaN, if any).
     */
    public static Report check(ToDoubleFunction<double[]> f, double[] x, double[] analytic, double rtol, double atol) {
        if (analytic.length != x.length) {
            throw new IllegalArgumentException(
                    "analytic gradient has " + analytic.length + " components but x has " + x.length);
        }
        return compare(analytic, centralDifferences(f, x), rtol, atol);
    }

    /** The comparison of {@link #check}, of any two vectors of one length. */
    static Report compare(double[] analytic, double[] numeric, double rtol, double atol) {
        boolean passed = true;
        int worst = -1;
        boolean worstOk = true;
        double worstExcess = -1.0;
        for (int i = 0; i < numeric.length; i++) {
            double diff = Math.abs(analytic[i] - numeric[i]);
            double tolerance = atol + rtol * Math.max(Math.abs(analytic[i]), Math.abs(numeric[i]));
            boolean ok = diff <= tolerance; // false for NaN
            // how many tolerances off; NaN ranks above everything
            double excess = Double.isNaN(diff)
                    ? Double.POSITIVE_INFINITY
                    : tolerance > 0.0 ? diff / tolerance : diff > 0.0 ? Double.POSITIVE_INFINITY : 0.0;
            // a failing component outranks every passing one; ties keep the first
            if (worst < 0 || (worstOk && !ok) || (worstOk == ok && excess > worstExcess)) {
                worst = i;
                worstOk = ok;
                worstExcess = excess;
            }
            passed &= ok;
        }
        if (worst < 0) {
            return new Report(true, -1, 0.0, 0.0, 0.0, 0.0, 0, rtol, atol);
        }
        double a = analytic[worst];
        double n = numeric[worst];
        double diff = Math.abs(a - n);
        double scale = Math.max(Math.abs(a), Math.abs(n));
        double relative = scale > 0.0 ? diff / scale : diff == 0.0 ? 0.0 : Double.NaN;
        return new Report(passed, worst, a, n, diff, relative, numeric.length, rtol, atol);
    }

    /**
     * The dot-product test between forward and reverse mode: {@code ⟨w, J·v⟩ = ⟨Jᵀ·w, v⟩} for any
     * {@code w} and {@code v}, to rounding. Returns
     * {@code ρ = |⟨w, Jv⟩ − ⟨Jᵀw, v⟩| / (Σ|w_i (Jv)_i| + Σ|(Jᵀw)_j v_j|)}, the difference relative
     * to the size of the terms summed (which is what their rounding scales with); 0 when every term
     * is 0. About 1e-15 for a correct pair in double.
     *
     * @param jv {@code J·v}, from a {@code Jvp} call along {@code v}
     * @param jtw {@code Jᵀ·w}, from a {@code Vjp} call with seed {@code w}
     */
    public static double dotProductTest(double[] w, double[] jv, double[] jtw, double[] v) {
        if (w.length != jv.length || jtw.length != v.length) {
            throw new IllegalArgumentException("w and J·v, or Jᵀw and v, differ in length");
        }
        double left = 0;
        double scale = 0;
        for (int i = 0; i < w.length; i++) {
            left += w[i] * jv[i];
            scale += Math.abs(w[i] * jv[i]);
        }
        double right = 0;
        for (int j = 0; j < v.length; j++) {
            right += jtw[j] * v[j];
            scale += Math.abs(jtw[j] * v[j]);
        }
        return scale == 0 ? 0 : Math.abs(left - right) / scale;
    }

    /**
     * Compares a Hessian-vector product {@code hv} with central differences of {@code gradient}
     * along {@code v}: {@code (∇f(x + h·v) − ∇f(x − h·v)) / 2h}, as {@link #check} compares a
     * gradient.
     */
    public static Report checkHvp(
            java.util.function.Function<double[], double[]> gradient,
            double[] x,
            double[] v,
            double[] hv,
            double rtol,
            double atol) {
        if (v.length != x.length || hv.length != x.length) {
            throw new IllegalArgumentException("x, v and H·v must have one length");
        }
        double h = DEFAULT_STEP;
        double[] xp = x.clone();
        double[] xm = x.clone();
        for (int i = 0; i < x.length; i++) {
            xp[i] += h * v[i];
            xm[i] -= h * v[i];
        }
        double[] gp = gradient.apply(xp);
        double[] gm = gradient.apply(xm);
        double[] numeric = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            numeric[i] = (gp[i] - gm[i]) / (2 * h);
        }
        return compare(hv, numeric, rtol, atol);
    }

    /**
     * {@link #check} that throws when the gradient is wrong, for tests.
     *
     * @throws AssertionError with {@link Report#describe()} as its message, when the check fails
     */
    public static Report assertGradient(
            ToDoubleFunction<double[]> f, double[] x, double[] analytic, double rtol, double atol) {
        Report report = check(f, x, analytic, rtol, atol);
        if (!report.passed()) {
            throw new AssertionError(report.describe());
        }
        return report;
    }

    /**
     * The outcome of a gradient check, told through its worst component.
     *
     * @param passed whether every component was within tolerance
     * @param worstComponent the index of the worst component, or -1 when the dimension is 0
     * @param analytic the analytic gradient at the worst component
     * @param numeric the central-difference gradient at the worst component
     * @param absoluteError {@code |analytic - numeric|} there
     * @param relativeError {@code absoluteError / max(|analytic|, |numeric|)} there (0 when both are 0)
     * @param dimension the number of components
     * @param rtol the relative tolerance the check used (NaN if unknown)
     * @param atol the absolute tolerance the check used (NaN if unknown)
     */
    public record Report(
            boolean passed,
            int worstComponent,
            double analytic,
            double numeric,
            double absoluteError,
            double relativeError,
            int dimension,
            double rtol,
            double atol) {

        /** A report without the tolerances that produced it; {@link #describe()} then omits them. */
        public Report(
                boolean passed,
                int worstComponent,
                double analytic,
                double numeric,
                double absoluteError,
                double relativeError,
                int dimension) {
            this(
                    passed,
                    worstComponent,
                    analytic,
                    numeric,
                    absoluteError,
                    relativeError,
                    dimension,
                    Double.NaN,
                    Double.NaN);
        }

        /**
         * One paragraph naming the worst component, e.g. {@code gradient check FAILED: worst
         * component 3 of 10: analytic 1.23, numeric 1.25, |diff| 2.0e-2 (rel 1.6e-2), tolerance
         * rtol=1e-6 atol=1e-9}.
         */
        public String describe() {
            return describe("gradient check", Integer.toString(worstComponent));
        }

        /** {@link #describe()} with another subject and the worst component named ({@code w[3]}), for {@link AdjointCheck}. */
        String describe(String subject, String component) {
            String verdict = subject + (passed ? " passed" : " FAILED");
            if (worstComponent < 0) {
                return verdict + ": no components";
            }
            StringBuilder s = new StringBuilder(verdict)
                    .append(": worst component ")
                    .append(component)
                    .append(" of ")
                    .append(dimension)
                    .append(": analytic ")
                    .append(analytic)
                    .append(", numeric ")
                    .append(numeric)
                    .append(", |diff| ")
                    .append(brief(absoluteError))
                    .append(" (rel ")
                    .append(brief(relativeError))
                    .append(')');
            if (!Double.isNaN(rtol) || !Double.isNaN(atol)) {
                s.append(", tolerance rtol=")
                        .append(tolerance(rtol))
                        .append(" atol=")
                        .append(tolerance(atol));
            }
            if (Double.isNaN(analytic)) {
                s.append("; the analytic gradient is NaN");
            } else if (Double.isNaN(numeric)) {
                s.append("; the numeric gradient is NaN (f is not finite near x)");
            }
            return s.toString();
        }

        /** An error to two significant digits, exponent unpadded: {@code 2.0e-2}. */
        private static String brief(double v) {
            if (v == 0.0 || !Double.isFinite(v)) {
                return v == 0.0 ? "0" : Double.toString(v);
            }
            String s = String.format(Locale.ROOT, "%.1e", v); // 2.0e-02
            int e = s.indexOf('e');
            return s.substring(0, e + 1) + Integer.parseInt(s.substring(e + 1).replace("+", ""));
        }

        /** A tolerance as written in code: {@code 1e-6}, {@code 0.001}, {@code 0}. */
        private static String tolerance(double v) {
            if (v == 0.0 || !Double.isFinite(v)) {
                return v == 0.0 ? "0" : Double.toString(v);
            }
            BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros(); // the shortest decimal that is v
            double a = Math.abs(v);
            if (a >= 1e-3 && a < 1e7) {
                return d.toPlainString();
            }
            String digits = d.unscaledValue().abs().toString();
            int exponent = digits.length() - 1 - d.scale();
            return (v < 0 ? "-" : "") + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "") + "e"
                    + exponent;
        }
    }
}
