package dev.adjoint.generator.translated;

import static dev.adjoint.generator.translated.SuiteValues.at;
import static dev.adjoint.generator.translated.SuiteValues.cause;
import static dev.adjoint.generator.translated.SuiteValues.compareValues;
import static dev.adjoint.generator.translated.SuiteValues.describe;
import static dev.adjoint.generator.translated.SuiteValues.normalize;
import static dev.adjoint.generator.translated.SuiteValues.point;
import static dev.adjoint.generator.translated.SuiteValues.round;
import static dev.adjoint.generator.translated.SuiteValues.scalar;
import static dev.adjoint.generator.translated.SuiteValues.seed;
import static dev.adjoint.generator.translated.SuiteValues.toDoubles;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.testing.Differentiated;
import dev.adjoint.generator.types.Ty;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The forward-mode checks of {@link PortedHarness}, run where the adjoint class has the method: {@code nameJvp}
 * by the dot-product test against the gradient the {@code Vjp} gave at the same point ({@code ⟨seed, J·u⟩ =
 * ⟨seedᵀ·J, u⟩} for a fixed direction {@code u}, to 1e-12 of {@code Σ|gₖ·uₖ|}, 1e-4 in float), and for an array
 * result {@code nameJacobian} against central differences of each output, column by column.
 */
final class ForwardChecks {
    private ForwardChecks() {}

    static void check(
            List<String> problems,
            Set<String> ran,
            MethodRequest r,
            String strategy,
            Class<?> adjoint,
            Method original,
            Object[] rawArgs,
            double[] vjpGradient,
            boolean isFloat) {
        List<Param> ps = r.params();
        Object[] args = normalize(ps, rawArgs);
        Object value0;
        try {
            value0 = original.invoke(null, Differentiated.copyArguments(args));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return; // check() has said so
        }
        Object seed = seed(r.result(), value0);
        String at = strategy + " at " + describe(rawArgs);
        Method jvp =
                find(adjoint, r.tangentName() + "Jvp", ps.size() + r.wrtParams().size() + 1);
        if (jvp != null) {
            ran.add(strategy + " Jvp");
            jvp(problems, r, jvp, args, value0, seed, vjpGradient, isFloat, at);
        }
        Method jacobian = r.result().dims() == 1 ? find(adjoint, r.tangentName() + "Jacobian", ps.size() + 1) : null;
        if (jacobian != null) {
            ran.add(strategy + " Jacobian");
            jacobian(problems, r, jacobian, original, args, value0, isFloat, at);
        }
    }

    /** The direction of the dot-product test: fixed, irregular, of both signs. */
    private static double[] direction(int n) {
        double[] u = new double[n];
        for (int k = 0; k < n; k++) {
            u[k] = Math.sin(1.7 * k + 0.3) + 0.25;
        }
        return u;
    }

    private static void jvp(
            List<String> problems,
            MethodRequest r,
            Method jvp,
            Object[] args,
            Object value0,
            Object seed,
            double[] vjpGradient,
            boolean isFloat,
            String at) {
        List<Param> ps = r.params();
        double[] u = direction(point(ps, args).length);
        Object[] shaped = at(ps, args, u);
        List<Object> call = new ArrayList<>(List.of(Differentiated.copyArguments(args)));
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).wrt()) {
                call.add(shaped[i]);
            }
        }
        Object out;
        if (r.result().dims() == 0) {
            out = r.result().prim() == Ty.Prim.FLOAT ? new FloatGrad() : new DoubleGrad();
        } else {
            int m = toDoubles(value0).length;
            out = r.result().prim() == Ty.Prim.FLOAT ? new float[m] : new double[m];
        }
        call.add(out);
        Object value1;
        try {
            value1 = jvp.invoke(null, call.toArray());
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add(at + ": Jvp threw " + cause(e));
            return;
        }
        String valueProblem = compareValues(value0, value1);
        if (valueProblem != null) {
            problems.add(at + ": Jvp: " + valueProblem);
            return;
        }
        double ju = out instanceof DoubleGrad g ? g.get() : out instanceof FloatGrad g ? g.get() : scalar(out, seed);
        double gu = 0;
        double scale = 0;
        for (int k = 0; k < u.length; k++) {
            gu += vjpGradient[k] * u[k];
            scale += Math.abs(vjpGradient[k] * u[k]);
        }
        double rho = isFloat ? 1e-4 : 1e-12;
        if (!(Math.abs(ju - gu) <= rho * Math.max(1, scale))) {
            problems.add(at + ": dot-product test: <seed, J u> = " + ju + " but <seed^T J, u> = " + gu);
        }
    }

    private static void jacobian(
            List<String> problems,
            MethodRequest r,
            Method jacobian,
            Method original,
            Object[] args,
            Object value0,
            boolean isFloat,
            String at) {
        List<Param> ps = r.params();
        double[] x0 = point(ps, args);
        int m = toDoubles(value0).length;
        Class<?> type = jacobian.getParameterTypes()[ps.size()];
        Object jac = type == float[][].class ? new float[m][x0.length] : new double[m][x0.length];
        List<Object> call = new ArrayList<>(List.of(Differentiated.copyArguments(args)));
        call.add(jac);
        Object value1;
        try {
            value1 = jacobian.invoke(null, call.toArray());
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add(at + ": Jacobian threw " + cause(e));
            return;
        }
        String valueProblem = compareValues(value0, value1);
        if (valueProblem != null) {
            problems.add(at + ": Jacobian: " + valueProblem);
            return;
        }
        double rtol = isFloat ? 2e-3 : 1e-5;
        double atol = isFloat ? 2e-3 : 1e-7;
        for (int i = 0; i < m; i++) {
            int row = i;
            double[] numeric = isFloat
                    ? GradCheck.centralDifferences(x -> output(original, ps, args, x, row), x0, 1e-2)
                    : GradCheck.centralDifferences(x -> output(original, ps, args, x, row), x0);
            double[] got = toDoubles(jac instanceof float[][] f ? f[i] : ((double[][]) jac)[i]);
            for (int k = 0; k < x0.length; k++) {
                if (!(Math.abs(got[k] - numeric[k])
                        <= atol + rtol * Math.max(Math.abs(got[k]), Math.abs(numeric[k])))) {
                    problems.add(at + ": Jacobian row " + i + " " + Arrays.toString(round(got))
                            + ", central differences " + Arrays.toString(round(numeric)));
                    return;
                }
            }
        }
    }

    private static double output(Method original, List<Param> ps, Object[] args, double[] x, int row) {
        try {
            return toDoubles(original.invoke(null, at(ps, args, x)))[row];
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method find(Class<?> cls, String name, int arity) {
        for (Method m : cls.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity) {
                m.setAccessible(true);
                return m;
            }
        }
        return null;
    }
}
