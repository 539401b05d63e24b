package dev.adjoint.check;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks a generated adjoint against its original method, as the user wrote it: any mix of
 * scalars, 1-D and 2-D arrays, {@code float} or {@code double}, records and objects with a
 * generated gradient class ({@code p.ParamsGrad}, arrays of them), a scalar or an array result; a
 * static or an instance method (its receiver the first argument, as the adjoint takes it:
 * {@code AdjointCheck.of(Model.class, "loss").assertAt(model, x)}; {@code wrt = "this"} checks
 * every differentiated field, {@code this.w[2]}).
 *
 * <pre>{@code
 * AdjointCheck.assertGradient(Model.class, "loss", w, x);              // one line in a test
 * AdjointCheck.of(Model.class, "loss").wrt("w").tolerances(1e-7, 1e-9).assertAt(w, x);
 * }</pre>
 *
 * <p>The original method and {@code OwnerAdjoint.nameGrad} (for an array result,
 * {@code nameVjp} with a fixed pseudo-random seed vector {@code s}, checked as the gradient of
 * {@code ⟨s, f⟩}) are found by reflection; each call gets fresh copies of the arguments, so a
 * method that writes its arrays cannot disturb the check. Every component of every
 * differentiated parameter is compared with central differences taken in the method's own
 * precision ({@code float} when its result or any parameter is a float or float array): a
 * relative step near the cube root of the type's machine epsilon
 * ({@code 6.1e-6} for {@code double}, {@code 4.9e-3} for {@code float}). A component passes when
 * {@code |a − n| <= atol·max(1, |f|) + rtol·max(|a|, |n|)}; the defaults are {@code rtol = 1e-6},
 * {@code atol = 1e-8} for {@code double} and {@code rtol = 1e-2}, {@code atol = 1e-3} for
 * {@code float} (central differences of a float function carry about {@code 1e-4·|f|} of rounding).
 * A component that fails is taken again with the five-point stencil (error {@code O(h⁴)}, not
 * {@code O(h²)}), which decides: a parameter far below 1, whose step is not, is not a false alarm.
 * The report names the worst component by parameter and index: {@code w[3]}, {@code W[1][2]},
 * {@code b}.
 *
 * <p>Which parameters are differentiated: those the caller names ({@link #wrt(String...)} needs
 * the parameter names, from the class file, {@code javac -parameters}, or from {@link #named};
 * {@link #wrt(int...)} takes positions), else the annotation's {@code wrt} (read at run time, by
 * the same names), else the only choice of {@code float} or {@code double} parameters that the
 * adjoint's buffers fit.
 */
public final class AdjointCheck {
    private final Method original;
    private final Signature sig;
    private final Method adjoint;
    private final boolean vjp;
    private final int[] wrt;
    private final double rtol;
    private final double atol;
    private final String[] names;
    /** The same method's adjoint by the other strategy (a tape twin), to compare with; null for none. */
    private Method other;

    private AdjointCheck(
            Method original, Method adjoint, boolean vjp, int[] wrt, double rtol, double atol, String[] names) {
        this.original = original;
        this.sig = Signature.of(original).named(names); // the names named(...) gave, as if the class file kept them
        this.adjoint = adjoint;
        this.vjp = vjp;
        this.wrt = wrt;
        this.rtol = rtol;
        this.atol = atol;
        this.names = names;
    }

    /** {@link #of}{@code (owner, method).check(args)}. */
    public static Result check(Class<?> owner, String method, Object... args) {
        Object[] a = Arguments.asGiven(args);
        return of(owner, method, a).check(a);
    }

    /** {@link #of}{@code (owner, method).assertAt(args)}: throws {@link AssertionError} naming the worst component. */
    public static Result assertGradient(Class<?> owner, String method, Object... args) {
        Object[] a = Arguments.asGiven(args);
        return of(owner, method, a).assertAt(a);
    }

    /**
     * The check of {@code owner.method}, the only method of that name (for overloads use
     * {@link #of(Class, String, Class...)}).
     */
    public static AdjointCheck of(Class<?> owner, String method) {
        List<Method> named = Arrays.stream(owner.getDeclaredMethods())
                .filter(m -> m.getName().equals(method))
                .toList();
        if (named.size() != 1) {
            throw new IllegalArgumentException(owner.getName() + " has " + named.size() + " methods named '" + method
                    + "'; give the parameter types: AdjointCheck.of(" + owner.getSimpleName() + ".class, \"" + method
                    + "\", double[].class, ...)");
        }
        return forMethod(named.get(0));
    }

    /** The check of {@code owner.method(parameterTypes)}. */
    public static AdjointCheck of(Class<?> owner, String method, Class<?>... parameterTypes) {
        try {
            return forMethod(owner.getDeclaredMethod(method, parameterTypes));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(
                    "no method " + owner.getName() + "." + method + Arrays.toString(parameterTypes), e);
        }
    }

    /** The method that {@code args} call, among the overloads of that name. */
    private static AdjointCheck of(Class<?> owner, String method, Object[] args) {
        List<Method> fits = Arrays.stream(owner.getDeclaredMethods())
                .filter(m -> m.getName().equals(method)
                        && Arguments.fit(Signature.of(m).types(), args))
                .toList();
        if (fits.size() != 1) {
            throw new IllegalArgumentException(
                    fits.isEmpty()
                            ? "no method " + owner.getName() + "." + method + " takes " + Arguments.describe(args)
                            : "several overloads of " + owner.getName() + "." + method + " take these arguments;"
                                    + " use AdjointCheck.of(owner, name, parameterTypes...)");
        }
        return forMethod(fits.get(0));
    }

    private static AdjointCheck forMethod(Method original) {
        original.setAccessible(true);
        Class<?> result = original.getReturnType();
        boolean vjp = result.isArray();
        if (!vjp && result != double.class && result != float.class) {
            throw new IllegalArgumentException(
                    original + " returns " + result.getSimpleName() + ": a gradient needs a float or double result");
        }
        Signature sig = Signature.of(original);
        boolean single = singlePrecision(sig);
        Method adjoint = Adjoints.find(sig, vjp);
        adjoint.setAccessible(true);
        int[] wrt = null; // decided at the first check, unless wrt(...) says it first
        try {
            wrt = Adjoints.defaultWrt(sig, adjoint, vjp);
        } catch (IllegalArgumentException ambiguous) {
            // reported by check() if wrt(...) does not settle it
        }
        return new AdjointCheck(original, adjoint, vjp, wrt, single ? 1e-2 : 1e-6, single ? 1e-3 : 1e-8, sig.names());
    }

    /**
     * Differentiates with respect to these parameters ({@code "this"} for an instance method's
     * fields; other names must be in the class file, {@code javac -parameters}, or given first by
     * {@link #named}).
     */
    public AdjointCheck wrt(String... names) {
        int[] positions = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            positions[i] = -1;
            if (!names[i].equals("this") && !sig.namesPresent()) {
                throw new IllegalArgumentException(
                        "the class file of " + original.getDeclaringClass().getName() + " keeps no"
                                + " parameter names: compile with -parameters (Maven: maven.compiler.parameters=true), name"
                                + " them first (.named(\"w\", \"x\").wrt(\"w\")) or give positions, wrt(0, 2)");
            }
            for (int p = 0; p < sig.count(); p++) {
                if (sig.names()[p].equals(names[i])) {
                    positions[i] = p;
                }
            }
            if (positions[i] < 0) {
                throw new IllegalArgumentException(original.getName() + " has no parameter '" + names[i] + "'");
            }
        }
        return wrt(positions);
    }

    /**
     * Differentiates with respect to the parameters at these positions (0 is the first; for an
     * instance method 0 is the receiver, its fields), in increasing order.
     */
    public AdjointCheck wrt(int... positions) {
        int[] sorted = positions.clone();
        Arrays.sort(sorted);
        Adjoints.checkBuffers(sig, adjoint, vjp, sorted);
        return copy(new AdjointCheck(original, adjoint, vjp, sorted, rtol, atol, names));
    }

    /** Other tolerances than the type's defaults ({@code atol} is scaled by {@code max(1, |f|)}). */
    public AdjointCheck tolerances(double rtol, double atol) {
        return copy(new AdjointCheck(original, adjoint, vjp, wrt, rtol, atol, names));
    }

    /**
     * The parameters' names when the class file keeps none (without {@code javac -parameters}):
     * for the report ({@code v[1]} rather than {@code arg0[1]}), for {@link #wrt(String...)} and
     * for the annotation's {@code wrt}; generated checks pass them.
     */
    public AdjointCheck named(String... parameterNames) {
        if (parameterNames.length != original.getParameterCount()) {
            throw new IllegalArgumentException(original.getName() + " has " + original.getParameterCount()
                    + " parameters, not " + parameterNames.length);
        }
        String[] all = sig.instance()
                ? Stream.concat(Stream.of("this"), Arrays.stream(parameterNames))
                        .toArray(String[]::new)
                : parameterNames.clone();
        return copy(new AdjointCheck(original, adjoint, vjp, wrt, rtol, atol, all));
    }

    /**
     * Also compares the gradient with that of {@code twin}'s method of the same name and
     * parameters, a copy of the owner whose methods the tape strategy differentiates (the build's
     * generated tests make one): the two strategies must agree to rounding
     * ({@code |a − b| ≤ 1e-10·max(1, |a| + |b|)}, {@code 1e-5} for float).
     */
    public AdjointCheck againstTape(Class<?> twin) {
        if (sig.instance()) {
            throw new IllegalArgumentException(
                    original + " is an instance method: tape twins are made for static methods");
        }
        Method twinOriginal;
        try {
            twinOriginal = twin.getDeclaredMethod(original.getName(), original.getParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(
                    twin.getName() + " has no " + original.getName() + " with the same parameters", e);
        }
        AdjointCheck c = new AdjointCheck(original, adjoint, vjp, wrt, rtol, atol, names);
        c.other = Adjoints.find(Signature.of(twinOriginal), vjp);
        c.other.setAccessible(true);
        return c;
    }

    /**
     * Compares the adjoint's gradient with central differences at {@code args} (the receiver first
     * for an instance method). Objects the arguments reach are left as they were given.
     */
    public Result check(Object... args) {
        args = Arguments.asGiven(args);
        if (!Arguments.fit(sig.types(), args)) {
            throw new IllegalArgumentException(original.getName() + " does not take " + Arguments.describe(args)
                    + (sig.instance() ? " (an instance method: its receiver comes first)" : ""));
        }
        int[] wrt = this.wrt != null ? this.wrt : Adjoints.defaultWrt(sig, adjoint, vjp); // throws why it cannot tell
        Snapshot state = Snapshot.of(args);
        try {
            EvaluationPoint at = new EvaluationPoint(sig, vjp, state, Arguments.copy(args));
            List<Component> components = new ArrayList<>();
            for (int i = 0; i < wrt.length; i++) {
                Component.of(
                        names[wrt[i]],
                        wrt[i],
                        at.argument(wrt[i]),
                        EvaluationPoint.bufferClass(adjoint, wrt.length, i),
                        components);
            }
            double[] analytic = at.gradient(adjoint, components, wrt);
            double step = singlePrecision(sig) ? Math.cbrt(Math.ulp(1.0f)) : GradCheck.DEFAULT_STEP;
            double value = Math.abs(at.objective(at.fresh()));
            double[] numeric = new double[components.size()];
            for (int c = 0; c < numeric.length; c++) {
                numeric[c] = difference(at, components.get(c), step, false);
            }
            double scaledAtol = atol * Math.max(1.0, value);
            GradCheck.Report report = GradCheck.compare(analytic, numeric, rtol, scaledAtol);
            if (!report.passed()) {
                // central differences err by h²·f'''/6; where that exceeds the tolerance (a parameter of 1e-3 in a log
                // or 1/x, whose scale is far below the step's floor of 1), the five-point stencil, accurate to h⁴,
                // decides: a wrong gradient disagrees with it as with any accurate estimate
                for (int c = 0; c < numeric.length; c++) {
                    double diff = Math.abs(analytic[c] - numeric[c]);
                    if (!(diff <= scaledAtol + rtol * Math.max(Math.abs(analytic[c]), Math.abs(numeric[c])))) {
                        numeric[c] = difference(at, components.get(c), step, true);
                    }
                }
                report = GradCheck.compare(analytic, numeric, rtol, scaledAtol);
            }
            String worst = report.worstComponent() < 0
                    ? ""
                    : components.get(report.worstComponent()).name();
            return new Result(
                    original.getDeclaringClass().getName() + "#" + original.getName(),
                    worst,
                    report,
                    disagreement(at, components, wrt, analytic));
        } finally {
            state.restore();
        }
    }

    /**
     * The derivative along one component by differences with step {@code h = step · max(1, |x|)}:
     * central, {@code (f(x + h) − f(x − h)) / 2h}, or the five-point stencil
     * {@code (8(f(x + h) − f(x − h)) − (f(x + 2h) − f(x − 2h))) / 12h}. Each side is evaluated on
     * fresh arguments (objects are shared between the copies, put back before each); {@code 2h} is
     * the distance between the points as the component holds them ({@code float} rounds them).
     */
    private static double difference(EvaluationPoint at, Component comp, double step, boolean fivePoint) {
        double x = comp.get(at.fresh());
        double h = step * Math.max(1.0, Math.abs(x));
        Object[] up = at.fresh();
        double xu = comp.set(up, x + h);
        double fu = at.objective(up);
        Object[] down = at.fresh();
        double xd = comp.set(down, x - h);
        double central = fu - at.objective(down);
        if (!fivePoint) {
            return central / (xu - xd);
        }
        Object[] up2 = at.fresh();
        comp.set(up2, x + 2 * h);
        double fu2 = at.objective(up2);
        Object[] down2 = at.fresh();
        comp.set(down2, x - 2 * h);
        double wide = fu2 - at.objective(down2);
        return (8 * central - wide) / (6 * (xu - xd));
    }

    /** {@link #check}, throwing {@link AssertionError} with {@link Result#describe()} when it fails. */
    public Result assertAt(Object... args) {
        Result r = check(args);
        if (!r.passed()) {
            throw new AssertionError(r.describe());
        }
        return r;
    }

    /**
     * Whether the method computes in {@code float}: its result or any parameter is a float, a
     * {@code float[]}, a {@code float[][]} or a {@code float[][][]}, or a record or object (the receiver too) whose
     * gradient class has a {@code float} member (a float parameter rounds what it carries to
     * float's precision even when the result is widened to {@code double}, so double's step would
     * measure rounding, not slope).
     */
    private static boolean singlePrecision(Signature s) {
        return Stream.concat(Stream.of(s.method().getReturnType()), Arrays.stream(s.types()))
                .anyMatch(AdjointCheck::holdsFloats);
    }

    private static boolean holdsFloats(Class<?> t) {
        if (t == float.class || t == float[].class || t == float[][].class || t == float[][][].class) {
            return true;
        }
        Class<?> grad = Members.gradClass(t);
        while (grad != null && grad.isArray()) {
            grad = grad.getComponentType();
        }
        return grad != null
                && Members.gradFields(grad).stream()
                        .anyMatch(f -> f.getType() == float.class
                                || f.getType() == float[].class
                                || f.getType() == float[][].class);
    }

    /** {@code c} with this check's tape twin. */
    private AdjointCheck copy(AdjointCheck c) {
        c.other = other;
        return c;
    }

    /** Where the tape twin's gradient differs from this adjoint's, or null. */
    private String disagreement(EvaluationPoint at, List<Component> components, int[] wrt, double[] analytic) {
        if (other == null) {
            return null;
        }
        double[] tape = at.gradient(other, components, wrt);
        boolean single = singlePrecision(sig);
        for (int i = 0; i < tape.length; i++) {
            double a = analytic[i];
            double b = tape[i];
            if (!(Math.abs(a - b) <= (single ? 1e-5 : 1e-10) * Math.max(1, Math.abs(a) + Math.abs(b)))) {
                return "the static and tape strategies disagree at "
                        + components.get(i).name() + ": " + a + " against " + b;
            }
        }
        return null;
    }

    /**
     * A check's outcome.
     *
     * @param method {@code p.Model#loss}
     * @param worstComponent the worst component by parameter and index ({@code w[3]}), empty when there is none
     * @param report the comparison, component indices flat over the differentiated parameters
     * @param strategiesDisagree where the tape twin's gradient differs ({@link #againstTape}), or null
     */
    public record Result(String method, String worstComponent, GradCheck.Report report, String strategiesDisagree) {
        /** A result without a comparison of strategies. */
        public Result(String method, String worstComponent, GradCheck.Report report) {
            this(method, worstComponent, report, null);
        }

        /** Whether every component was within tolerance (and the strategies agree, when compared). */
        public boolean passed() {
            return report.passed() && strategiesDisagree == null;
        }

        /** One line: the verdict, the method, and the worst component by name. */
        public String describe() {
            String d = report.describe("gradient check of " + method, worstComponent);
            return strategiesDisagree == null ? d : d + "; FAILED: " + strategiesDisagree;
        }
    }
}
